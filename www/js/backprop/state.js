/**
 * State of the backprop explorer: a small classification network (two classes,
 * or more with a softmax output) trained with plain SGD (narrower than the core
 * allows: small enough to read every number), which examples the pass is
 * traced on (the next mini-batch, or one chosen training example), how many updates have been applied, the stage on
 * show, and the settings of the optimizer comparison below. Limits come from
 * the core's schema; the narrowing is declared here, once.
 */
import { describeState, choice, integer, custom } from "../core/state.js";

/** Most updates the page applies, and the comparison runs. */
export const MAX_STEPS = 10000;
/** Stretch factors of x₂ offered for the optimizer comparison. */
export const STRETCHES = Object.freeze([1, 3, 10]);

const KEYS = /** @type {const} */ ([
  "problem", "dataset", "classes", "seed", "features", "hidden", "activation", "batchNorm", "learningRate", "l2", "mode", "batchSize", "example",
  "steps", "stage", "optRate", "optStretch", "optSteps",
]);

/**
 * The explorer's state: its config keys; which examples are traced ("batch": the next
 * mini-batch, "example": training row `example`); the updates applied; the stage on show; and
 * the optimizer comparison's learning rate, stretch of x₂ and updates.
 * @typedef {import("../core/state.js").ConfigState<typeof KEYS[number]> & {
 *   mode: "batch" | "example", example: number, steps: number, stage: string,
 *   optRate: number, optStretch: number, optSteps: number,
 * }} ExplorerState
 */

/** Stage ids a problem names as examples of the valid ones. */
const STAGE_EXAMPLES = Object.freeze(["input", "z1", "a1", "loss", "delta1", "grad1", "update"]);

/**
 * A stage id ("input", "z2", "bn1", "delta1", "bnback1", "update", …): checked against the
 * network by the description's check.
 */
function stageId(raw) {
  return /^(input|loss|update|(z|a|delta|grad|bn|bnback)[1-9])$/.test(raw)
    ? { value: raw }
    : { problem: { code: "unknownChoice", params: { choices: [...STAGE_EXAMPLES], got: raw } } };
}

/** One of STRETCHES, as a number. */
function stretch(raw) {
  const x = Number(raw);
  return STRETCHES.includes(x) && String(x) === raw
    ? { value: x }
    : { problem: { code: "unknownChoice", params: { choices: STRETCHES.map(String), got: raw } } };
}

/**
 * The explorer's state description from the core's schema.
 * @param {import("../../pkg/nn_playground.js").ConfigSchema} schema
 * @returns {ReturnType<typeof describeState<ExplorerState>>}
 */
export function describeExplorer(schema) {
  const rate = schema.settings.find((s) => s.key === "learningRate");
  return describeState(schema, {
    keys: KEYS,
    own: {
      mode: choice(["batch", "example"], "batch"),
      example: integer(0, 1e6, 0),
      steps: integer(0, MAX_STEPS, 0),
      stage: custom(stageId, "input"),
      optRate: { ...rate, default: 0.05 },
      optStretch: {
        ...custom(stretch, 3),
        choices: STRETCHES.map(String),
        labels: { 1: "× 1 (round bowl)", 3: "× 3", 10: "× 10 (thin valley)" },
      },
      optSteps: integer(0, MAX_STEPS, 30),
    },
    overrides: {
      // Only classification: the lecture's sigmoid output and cross-entropy, or a softmax of more classes.
      dataset: { choices: schema.datasets.classification, default: "circle" },
      hidden: { default: [3, 2], maxLayers: 4, max: 8 },
      activation: { choices: ["tanh", "sigmoid", "relu"], labels: { tanh: "tanh", sigmoid: "sigmoid σ", relu: "ReLU" } },
      learningRate: { default: 0.3 },
      batchSize: { default: 4 },
    },
    fixed: { optimizer: "sgd" },
    unlinked: ["problem"],
    view: ["mode", "example", "stage", "optRate", "optStretch", "optSteps"],
    check: checkStage,
  });
}

/**
 * Replace a stage the network does not have (δ[3] of a 2-layer net, a normalization stage
 * without batch normalization or on the output layer) by the first one.
 * @param {ExplorerState} state
 * @param {import("../core/state.js").Problem[]} [problems]
 */
export function checkStage(state, problems = []) {
  const L = state.hidden.length + 1;
  const m = /^(z|a|delta|grad|bn|bnback)(\d)$/.exec(state.stage);
  if (!m) return problems;
  const layer = Number(m[2]);
  // Only hidden layers are normalized, and only with batchNorm on.
  const last = m[1] === "bn" || m[1] === "bnback" ? (state.batchNorm === "on" ? L - 1 : 0) : L;
  if (layer > last) {
    problems.push(last >= 1
      ? { key: "stage", raw: state.stage, code: "outOfRange", params: { min: 1, max: last, got: layer } }
      : { key: "stage", raw: state.stage, code: "unknownChoice", params: { choices: [...STAGE_EXAMPLES], got: state.stage } });
    state.stage = "input";
  }
  return problems;
}
