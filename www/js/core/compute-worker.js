/**
 * The compute worker: its own instance of the core, for analyses that may take longer than a
 * frame (learning-rate sweeps, gradient checks, the Hessian's sharpness, loss surfaces). It
 * receives the compiled module once, then requests `{ id, task, config, model, steps, request }`;
 * it rebuilds the session from `model` (an exported model: the same data and parameters) or from
 * `config` — or, with `steps`, takes its replica of the session of `config` trained to that many
 * updates (js/core/replica.js: the same parameters and the same path) — runs the task, and
 * answers `{ id, result, ms }` (`ms`: the task's own time, without rebuilding or replaying the
 * session) or `{ id, error }` (the core's error as plain data).
 */
import { initSync, Playground } from "../../pkg/nn_playground.js";
import { Replica } from "./replica.js";

/** What a task computes on a session, with the request's argument. */
const TASKS = {
  suggestLearningRate: (pg) => pg.suggestLearningRate(),
  gradientCheck: (pg) => pg.gradientCheck(),
  sharpness: (pg) => pg.sharpness(),
  lossSurface: (pg, request) => pg.lossSurface(request),
};

/** The session last asked for with `steps`, kept for the next such request. */
const replica = new Replica();

self.onmessage = ({ data }) => {
  if (data.module) {
    initSync({ module: data.module });
    return;
  }
  const { id, task, config, model, steps, request } = data;
  const replayed = steps !== undefined;
  let pg = null;
  try {
    pg = replayed ? replica.at(config, steps) : model ? Playground.fromModel(model) : new Playground(config);
    const start = performance.now();
    const result = TASKS[task](pg, request);
    self.postMessage({ id, result, ms: performance.now() - start });
  } catch (err) {
    self.postMessage({ id, error: { message: String(err?.message ?? err), code: err?.code, key: err?.key, params: err?.params } });
  } finally {
    if (!replayed) pg?.free();
  }
};
