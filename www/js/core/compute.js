/**
 * Heavy analyses off the main thread: a module worker (compute-worker.js) with its own instance
 * of the core runs them while the page keeps drawing and answering input. A newer request of the
 * same kind cancels an older one still running: the worker is replaced (the only way to stop a
 * running wasm call), and the older promise rejects with `{ cancelled: true }`. The synchronous
 * `Playground` API stays for everything quick. A request names its session by an exported model,
 * a config, or a config and an update count: the worker's replica of that session
 * (js/core/replica.js), which has its optimizer's path too.
 */

import { compiledCore } from "./load.js";

const WORKER_URL = new URL("./compute-worker.js", import.meta.url);

/** A worker that has the core (the page's compiled module), ready for requests. */
async function startWorker() {
  const worker = new Worker(WORKER_URL, { type: "module" });
  worker.postMessage({ module: await compiledCore() });
  return worker;
}

/** One kind of computation, with at most one request running. */
export class Computation {
  /** @param {"suggestLearningRate" | "gradientCheck" | "sharpness" | "lossSurface"} task what the worker computes */
  constructor(task) {
    this.task = task;
    /** @type {Promise<Worker> | null} */
    this.worker = null;
    /** @type {{ id: number, reject: (reason: unknown) => void } | null} */
    this.pending = null;
    this.nextId = 1;
    /** The worker's own milliseconds for the last result (without rebuilding or replaying its session). */
    this.lastMs = NaN;
  }

  /**
   * Run the task on a session rebuilt from `model` (an exported model) or `config` — or, with
   * `steps`, on the worker's replica of the session of `config` trained to that many updates —
   * with the task's argument `request` (lossSurface's).
   * @param {{ config?: object, model?: object, steps?: number, request?: object }} source
   * @returns {Promise<any>} the result, or a rejection with the core's error (`code`, `key`, `params`)
   */
  run({ config, model, steps, request }) {
    if (this.pending) this.cancel();
    const id = this.nextId++;
    this.worker ??= startWorker();
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      this.pending = { id, reject };
      worker.then((w) => {
        w.onmessage = ({ data }) => {
          if (data.id !== this.pending?.id) return;
          this.pending = null;
          if (data.error) reject(Object.assign(new Error(data.error.message), data.error));
          else {
            this.lastMs = data.ms;
            resolve(data.result);
          }
        };
        w.onerror = (event) => {
          if (this.pending?.id !== id) return;
          this.pending = null;
          reject(new Error(event.message || "the compute worker failed"));
        };
        w.postMessage({ id, task: this.task, config, model, steps, request });
      }, reject);
    });
  }

  /** Stop the running request (its promise rejects with `{ cancelled: true }`). */
  cancel() {
    if (!this.pending) return;
    this.pending.reject({ cancelled: true });
    this.pending = null;
    this.worker?.then((w) => w.terminate());
    this.worker = null;
  }
}
