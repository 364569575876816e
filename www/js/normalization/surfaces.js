/**
 * One panel's loss surfaces, computed in the compute worker: on its replica of the panel's
 * session (its config, trained to the panel's update count — js/core/replica.js), so every kind,
 * the path-made ones (PCA, the line) included, comes with the optimizer's path, and the page goes
 * on drawing and answering input while the worker computes.
 *
 * A newer request makes an older one stale: a stale result is never shown. For another session
 * (a rebuilt network) the running computation is stopped at once (its replica is of no use any
 * more); for the same session it is let finish — it is at most one call of the core, and its
 * replica has already taken the updates the next request needs — and the newest request waiting
 * runs after it, the others are dropped.
 */
import { Computation } from "../core/compute.js";

/** @typedef {import("../../pkg/nn_playground.js").Playground} Playground */
/** @typedef {import("../../pkg/nn_playground.js").LossSurface} LossSurface */

export class SurfaceRequests {
  constructor() {
    this.runs = new Computation("lossSurface");
    /** Number of the newest request. */
    this.latest = 0;
    /** @type {Promise<LossSurface> | null} the computation running */
    this.running = null;
    /** @type {Playground | null} the session it runs for */
    this.runningFor = null;
  }

  /**
   * The surface `request` asks for on `pg` after `steps` updates.
   * @param {Playground} pg
   * @param {number} steps
   * @param {import("../../pkg/nn_playground.js").SurfaceRequest} request
   * @returns {Promise<LossSurface | null>} the surface, or null when a newer request (or `cancel`)
   *   made this one stale; a rejection with the core's error
   */
  async compute(pg, steps, request) {
    const ticket = ++this.latest;
    const config = pg.config(); // now: by the time it is sent, `pg` may have been freed
    if (this.running && this.runningFor !== pg) this.runs.cancel();
    while (this.running) await this.running.catch(() => {});
    if (ticket !== this.latest) return null;
    const job = this.runs.run({ config, steps, request });
    this.running = job;
    this.runningFor = pg;
    try {
      const surface = await job;
      return ticket === this.latest ? surface : null;
    } catch (err) {
      // A stale request's refusal is as unseen as its surface would have been.
      if (ticket === this.latest) throw err;
      return null;
    } finally {
      if (this.running === job) {
        this.running = null;
        this.runningFor = null;
      }
    }
  }

  /** The worker's own milliseconds for the last surface (see Computation.lastMs). */
  get lastMs() {
    return this.runs.lastMs;
  }

  /** Stop the running computation and make every waiting request stale (the session is gone). */
  cancel() {
    this.latest++;
    this.runs.cancel();
  }
}
