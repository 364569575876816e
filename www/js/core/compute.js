/**
 * Heavy analyses off the main thread: a module worker (compute-worker.js) with its own instance
 * of the core runs them while the page keeps drawing and answering input. A newer request of the
 * same kind cancels an older one still running: the worker is replaced (the only way to stop a
 * running wasm call), and the older promise rejects with `{ cancelled: true }`. The synchronous
 * `Playground` API stays for everything quick.
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
  /** @param {"suggestLearningRate" | "gradientCheck" | "sharpness"} task what the worker computes */
  constructor(task) {
    this.task = task;
    /** @type {Promise<Worker> | null} */
    this.worker = null;
    /** @type {{ id: number, reject: (reason: unknown) => void } | null} */
    this.pending = null;
    this.nextId = 1;
  }

  /**
   * Run the task on a session rebuilt from `model` (an exported model) or `config`.
   * @param {{ config?: object, model?: object }} source
   * @returns {Promise<any>} the result, or a rejection with the core's error (`code`, `key`, `params`)
   */
  run({ config, model }) {
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
          else resolve(data.result);
        };
        w.onerror = (event) => {
          if (this.pending?.id !== id) return;
          this.pending = null;
          reject(new Error(event.message || "the compute worker failed"));
        };
        w.postMessage({ id, task: this.task, config, model });
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
