/**
 * State of the backprop explorer and its URL-hash form.
 *
 * The state is a small classification network trained with plain SGD, which
 * examples the pass is traced on (the next mini-batch, or one chosen training
 * example), how many updates have been applied, and the stage on show. Parsing
 * reuses the playground's parsers (state.js); a bad value falls back to its
 * default and is named in `problems`. The same parsers read the form.
 */
import { parseHash, serializeHash, PARSERS, DATASETS, enumOf, numberIn, parseLayerList } from "../core/state.js";

/** Hidden activations offered (the lecture's two, and ReLU). */
export const ACTIVATIONS = Object.freeze(["tanh", "sigmoid", "relu"]);
export const MODES = Object.freeze(["batch", "example"]);
/** Small enough to read every number. */
export const MAX_LAYERS = 4;
export const MAX_UNITS = 8;
export const MAX_STEPS = 10000;
/** Stretch factors of x₂ offered for the optimizer comparison. */
export const STRETCHES = Object.freeze([1, 3, 10]);

export const DEFAULTS = Object.freeze({
  problem: "classification",
  dataset: "circle",
  seed: 1,
  hidden: Object.freeze([3, 2]),
  activation: "tanh",
  learningRate: 0.3,
  l2: 0,
  mode: "batch",
  batchSize: 4,
  example: 0,
  steps: 0,
  stage: "input",
  optRate: 0.05,
  optStretch: 3,
  optSteps: 30,
});

/** Keys written to the hash, in order. */
export const HASH_KEYS = Object.freeze([
  "dataset", "seed", "hidden", "activation", "learningRate", "l2", "mode", "batchSize", "example", "steps", "stage",
  "optRate", "optStretch", "optSteps",
]);

function smallLayers(raw) {
  const layers = parseLayerList(raw);
  if (layers === null) return { reason: "not a list of whole numbers" };
  if (layers.length > MAX_LAYERS) return { reason: `more than ${MAX_LAYERS} hidden layers` };
  if (layers.some((n) => n < 1 || n > MAX_UNITS)) return { reason: `layer sizes must be 1..${MAX_UNITS}` };
  return { value: layers };
}

/** A stage id ("input", "z2", "delta1", "update", …): checked against the network in `checkStage`. */
function stageId(raw) {
  return /^(input|loss|update|(z|a|delta|grad)[1-9])$/.test(raw) ? { value: raw } : { reason: "unknown stage" };
}

function stretch(raw) {
  const x = Number(raw);
  return STRETCHES.includes(x) && String(x) === raw ? { value: x } : { reason: `not one of ${STRETCHES.join(", ")}` };
}

/** How each key is read, from the hash and from the form alike. */
export const PARSERS_HERE = Object.freeze({
  seed: PARSERS.seed,
  hidden: smallLayers,
  activation: enumOf(ACTIVATIONS, "activation"),
  learningRate: PARSERS.learningRate,
  l2: PARSERS.l2,
  mode: enumOf(MODES, "mode"),
  batchSize: PARSERS.batchSize,
  example: numberIn(0, 1e6, { integer: true }),
  steps: numberIn(0, MAX_STEPS, { integer: true }),
  stage: stageId,
  optRate: PARSERS.learningRate,
  optStretch: stretch,
  optSteps: numberIn(0, MAX_STEPS, { integer: true }),
});

export function cloneState(s) {
  return { ...s, hidden: [...s.hidden] };
}

/**
 * Parse a location hash; never throws. Only classification datasets fit the
 * lecture's sigmoid output and cross-entropy.
 */
export function parseExplorerHash(hash) {
  const { state, problems } = parseHash(hash, { defaults: cloneState(DEFAULTS), parsers: PARSERS_HERE });
  if (state.problem !== "classification") {
    const bad = problems.find((p) => p.key === "dataset");
    if (!bad) problems.push({ key: "dataset", raw: state.dataset, reason: "not a classification dataset" });
    state.problem = "classification";
    state.dataset = DEFAULTS.dataset;
  }
  checkStage(state, problems);
  return { state, problems };
}

/** Replace a stage the network does not have (δ[3] of a 2-layer net) by the first one. */
export function checkStage(state, problems = []) {
  const L = state.hidden.length + 1;
  const m = /^(?:z|a|delta|grad)(\d)$/.exec(state.stage);
  if (m && Number(m[1]) > L) {
    problems.push({ key: "stage", raw: state.stage, reason: `the network has ${L} layer${L === 1 ? "" : "s"}` });
    state.stage = DEFAULTS.stage;
  }
  return problems;
}

export function serializeExplorerHash(state) {
  return serializeHash(state, HASH_KEYS);
}

/** The Playground config: the lecture's plain gradient descent on a classification set. */
export function toConfig(state) {
  return {
    problem: "classification",
    dataset: state.dataset,
    seed: state.seed,
    hidden: [...state.hidden],
    activation: state.activation,
    learningRate: state.learningRate,
    l2: state.l2,
    batchSize: state.batchSize,
    optimizer: "sgd",
  };
}

/** The classification datasets, for the picker. */
export const DATASET_CHOICES = DATASETS.classification;
