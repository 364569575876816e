/**
 * The compute worker: its own instance of the core, for analyses that may take longer than a
 * frame (learning-rate sweeps, gradient checks, the Hessian's sharpness). It receives the compiled module once, then
 * requests `{ id, task, config, model }`; it rebuilds the session from `model` (an exported
 * model: the same data and parameters) or from `config`, runs the task, and answers
 * `{ id, result }` or `{ id, error }` (the core's error as plain data).
 */
import { initSync, Playground } from "../../pkg/nn_playground.js";

/** What a task computes on a session. */
const TASKS = {
  suggestLearningRate: (pg) => pg.suggestLearningRate(),
  gradientCheck: (pg) => pg.gradientCheck(),
  sharpness: (pg) => pg.sharpness(),
};

self.onmessage = ({ data }) => {
  if (data.module) {
    initSync({ module: data.module });
    return;
  }
  const { id, task, config, model } = data;
  let pg = null;
  try {
    pg = model ? Playground.fromModel(model) : new Playground(config);
    self.postMessage({ id, result: TASKS[task](pg) });
  } catch (err) {
    self.postMessage({ id, error: { message: String(err?.message ?? err), code: err?.code, key: err?.key, params: err?.params } });
  } finally {
    pg?.free();
  }
};
