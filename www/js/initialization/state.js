/**
 * State of the Initialization lab: a Playground config for a deep network
 * (standardized inputs, every hidden layer the same width) plus the view
 * options, with the limits of the core's schema. The presets reproduce the
 * lecture's cases.
 */
import { describeState, choice } from "../core/state.js";
import { SPEED } from "../playground/state.js";

/** What the gradient histograms show: the backpropagated δ or ∂J/∂W. */
export const GRADIENT_VIEWS = Object.freeze(/** @type {const} */ (["delta", "weights"]));

/** The lab's keys in hash order (the problem type follows from the dataset). */
const KEYS = /** @type {const} */ ([
  "problem", "dataset", "noise", "seed", "hidden", "activation", "init", "initScale", "batchNorm", "optimizer", "learningRate",
  "batchSize", "gradient", "speed",
]);

/**
 * The lab's state: its config keys, what the gradient histograms show, and the speed.
 * @typedef {import("../core/state.js").ConfigState<typeof KEYS[number]> & {
 *   gradient: (typeof GRADIENT_VIEWS)[number], speed: string,
 * }} LabState
 */

/** A deep network: ten hidden layers of 32 units. */
const DEEP = Object.freeze(Array(10).fill(32));

/**
 * The lab's state description from the core's schema: a deep network on
 * standardized inputs, every hidden layer the same width. It opens on the
 * lecture's story: tanh with N(0, 1) weights, far too large for 32 inputs
 * (the "large-tanh" preset), which "Fix it" turns into Xavier.
 * @param {import("../../pkg/nn_playground.js").ConfigSchema} schema
 * @returns {ReturnType<typeof describeState<LabState>>}
 */
export function describeLab(schema) {
  return describeState(schema, {
    keys: KEYS,
    own: {
      gradient: choice(GRADIENT_VIEWS, "delta", { labels: { delta: "δ = ∂L/∂z", weights: "∂J/∂W" } }),
      speed: SPEED,
    },
    overrides: {
      dataset: { choices: schema.settings.find((s) => s.key === "dataset").choices.filter((d) => d !== "custom") },
      noise: { default: 0.05 },
      hidden: { default: DEEP },
      init: { default: "normal" },
    },
    fixed: { normalize: "standardize" },
    unlinked: ["problem"],
    view: ["gradient", "speed"],
    check(state, problems) {
      if (state.hidden.length === 0) {
        problems.push({ key: "hidden", raw: "", code: "outOfRange", params: { min: 1, max: null, got: 0 } });
        state.hidden = [...DEEP];
      }
    },
  });
}

/** The deep linear toy's depth (the lecture's 10-layer example). */
export const TOY_LAYERS = 10;

/**
 * The lecture's cases, and batch normalization rescuing two of them. `settings`
 * replace those keys of the state; a `toy` preset takes its config from the
 * core's `deepLinearToy(TOY_LAYERS, c)` (then its `settings`). Batch
 * normalization is off unless a preset turns it on. Each label is a claim
 * (`claim`), checked in tests/claims.
 */
export const PRESETS = Object.freeze([
  { id: "xavier-tanh", claim: "preset-xavier-tanh", label: "Right scale: Xavier for tanh", settings: { activation: "tanh", init: "xavier", initScale: 1 } },
  { id: "he-relu", claim: "preset-he-relu", label: "Right scale: He for ReLU", settings: { activation: "relu", init: "he", initScale: 1 } },
  { id: "lecun-sigmoid", claim: "preset-lecun-sigmoid", label: "Scale right, slope too small: LeCun for sigmoid", settings: { activation: "sigmoid", init: "lecun", initScale: 1, learningRate: 0.3 } },
  { id: "zeros", claim: "preset-zeros", label: "Zeros: symmetry never breaks", settings: { activation: "sigmoid", init: "zeros", initScale: 1, learningRate: 0.3, hidden: [8, 8, 8, 8] } },
  { id: "small", claim: "preset-small", label: "Too small: N(0, 0.01²) — the signal vanishes", settings: { activation: "tanh", init: "normal", initScale: 0.01 } },
  { id: "large-tanh", claim: "preset-large-tanh", label: "Too large: N(0, 1) — tanh saturates, δ explodes", settings: { activation: "tanh", init: "normal", initScale: 1 } },
  { id: "large-relu", claim: "preset-large-relu", label: "Too large: N(0, 1) — ReLU explodes", settings: { activation: "relu", init: "normal", initScale: 1 } },
  { id: "linear", claim: "preset-linear", label: "Linear activations: a straight boundary", settings: { activation: "linear", init: "xavier", initScale: 1, dataset: "moons" } },
  { id: "toy-1.5", claim: "preset-toy-1.5", label: "Deep linear toy, W = 1.5·I (explodes)", toy: 1.5 },
  { id: "toy-0.5", claim: "preset-toy-0.5", label: "Deep linear toy, W = 0.5·I (vanishes)", toy: 0.5 },
  { id: "toy-1", claim: "preset-toy-1", label: "Deep linear toy, W = I (stays)", toy: 1 },
  { id: "large-tanh-bn", claim: "preset-large-tanh-bn", label: "N(0, 1), batch-normalized — tanh does not saturate", settings: { activation: "tanh", init: "normal", initScale: 1, batchNorm: "on" } },
  { id: "toy-1.5-bn", claim: "preset-toy-1.5-bn", label: "Deep linear toy, W = 1.5·I, batch-normalized (stays)", toy: 1.5, settings: { batchNorm: "on" } },
  { id: "toy-0.5-bn", claim: "preset-toy-0.5-bn", label: "Deep linear toy, W = 0.5·I, batch-normalized (stays)", toy: 0.5, settings: { batchNorm: "on" } },
]);


/**
 * The state a preset gives, from `state` (view options and seed are kept).
 * @param {ReturnType<typeof describeLab>} description
 * @param {typeof import("../../pkg/nn_playground.js").deepLinearToy} deepLinearToy the core's toy config
 */
export function applyPreset(description, state, preset, deepLinearToy) {
  const next = description.clone(state);
  if (preset.toy !== undefined) {
    const config = deepLinearToy(TOY_LAYERS, preset.toy);
    for (const key of description.configKeys) if (key in config) next[key] = config[key];
    next.seed = state.seed;
    next.noise = state.noise;
    return { ...next, ...preset.settings };
  }
  const defaults = description.defaults();
  const dataset = state.problem === "classification" ? state.dataset : defaults.dataset;
  return {
    ...next, problem: "classification", optimizer: "sgd", learningRate: defaults.learningRate,
    batchSize: defaults.batchSize, batchNorm: defaults.batchNorm, dataset, hidden: [...defaults.hidden], ...preset.settings,
  };
}

/** The preset the state matches (ignoring seed, noise and view options), or null. */
export function presetOf(description, state, deepLinearToy) {
  const key = (s) => JSON.stringify({ ...description.toConfig(s), seed: 0, noise: 0 });
  const mine = key(state);
  return PRESETS.find((p) => key(applyPreset(description, state, p, deepLinearToy)) === mine) ?? null;
}
