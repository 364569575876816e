/**
 * A replica, in the compute worker, of a session the page trains: a Playground built from the same
 * config and stepped through the same number of updates. Training is deterministic — the same
 * config (seed included) gives the same data, initial weights and mini-batch order, bit for bit —
 * and the optimizer's path is recorded update by update whatever the calls, so the replica has
 * the page's parameters and its whole path, which an exported model does not carry: the loss
 * surfaces drawn with the path (and the PCA plane and the line from the start, made of it) can be
 * computed off the main thread. The replica is kept between requests and only stepped on by the
 * updates since the last one; another config, or fewer updates than it has, starts a new one.
 */
import { Playground } from "../../pkg/nn_playground.js";

/** The most updates one `step` call takes (the core's own limit). */
const MAX_UPDATES = 1_000_000;

export class Replica {
  constructor() {
    /** @type {Playground | null} */
    this.pg = null;
    /** The config it was built from, as JSON. */
    this.key = "";
    /** Updates it has taken. */
    this.steps = 0;
    /** Whether its training diverged (it takes no more updates, as the page's did not). */
    this.diverged = false;
  }

  /**
   * The session of `config` after `steps` updates (or after its divergence, if earlier).
   * @param {import("../../pkg/nn_playground.js").PlaygroundConfig} config
   * @param {number} steps
   * @returns {Playground} kept for the next call: the caller must not free it
   */
  at(config, steps) {
    const key = JSON.stringify(config);
    if (!this.pg || key !== this.key || steps < this.steps) this.start(config, key);
    let chunk = MAX_UPDATES;
    while (this.steps < steps && !this.diverged) {
      const n = Math.min(steps - this.steps, chunk);
      let report;
      try {
        report = this.pg.step(n);
      } catch (err) {
        // More updates than one call's work allows: as many as it allows.
        const max = err?.code === "tooMuchWork" ? err.params?.max : undefined;
        if (!(max >= 1 && max < n)) throw err;
        chunk = max;
        continue;
      }
      this.steps = report.step;
      this.diverged = report.diverged;
    }
    return this.pg;
  }

  /** A new session of `config` (`key`: its JSON), at update 0. */
  start(config, key) {
    const old = this.pg;
    this.pg = null; // a config the core refuses leaves no replica behind
    old?.free();
    this.pg = new Playground(config);
    this.key = key;
    this.steps = 0;
    this.diverged = false;
  }
}
