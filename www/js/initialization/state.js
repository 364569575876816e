/**
 * State of the Initialization lab and its URL-hash form.
 *
 * The state is a Playground config for a deep network (standardized inputs,
 * every hidden layer the same width) plus the view options. Parsing reuses the
 * playground's parsers (state.js); a bad value falls back to its default and is
 * named in `problems`. The presets reproduce the lecture's cases.
 */
import {
  parseHash, serializeHash, copyKeys, PARSERS, enumOf, INITS, CONFIG_DEFAULTS, VIEW_DEFAULTS,
} from "../core/state.js";

/** Every initialization this page offers ("identity" is the deep linear toy's W = c·I). */
export const INIT_CHOICES = Object.freeze([...INITS, "identity"]);
/** What the gradient histograms show: the backpropagated δ or ∂J/∂W. */
export const GRADIENT_VIEWS = Object.freeze(["delta", "weights"]);

/** Keys of the Playground config this page sets (inputs are always standardized). */
const CONFIG_KEYS = Object.freeze([
  "problem", "dataset", "noise", "seed", "hidden", "activation", "init", "initScale",
  "optimizer", "learningRate", "batchSize",
]);

/** The core's defaults but for the noise and a deep network. */
export const DEFAULTS = Object.freeze({
  ...copyKeys(CONFIG_DEFAULTS, CONFIG_KEYS),
  noise: 0.05,
  hidden: Object.freeze(Array(10).fill(32)),
  gradient: "delta",
  speed: VIEW_DEFAULTS.speed,
  embed: VIEW_DEFAULTS.embed,
});

/** Keys written to the hash, in order (the problem type follows from the dataset). */
export const HASH_KEYS = Object.freeze([...CONFIG_KEYS.slice(1), "gradient", "speed"]);

const PARSERS_HERE = Object.freeze({
  noise: PARSERS.noise,
  seed: PARSERS.seed,
  hidden: PARSERS.hidden,
  activation: PARSERS.activation,
  init: enumOf(INIT_CHOICES, "initialization"),
  initScale: PARSERS.initScale,
  optimizer: PARSERS.optimizer,
  learningRate: PARSERS.learningRate,
  batchSize: PARSERS.batchSize,
  gradient: enumOf(GRADIENT_VIEWS, "gradient view"),
  speed: PARSERS.speed,
  embed: PARSERS.embed,
});

/** The deep linear toy's depth (the lecture's 10-layer example). */
export const TOY_LAYERS = 10;

/**
 * The lecture's cases. `settings` replace those keys of the state; a `toy`
 * preset takes its config from the core's `deepLinearToy(TOY_LAYERS, c)`.
 */
export const PRESETS = Object.freeze([
  { id: "xavier-tanh", label: "Right scale: Xavier for tanh", settings: { activation: "tanh", init: "xavier", initScale: 1 } },
  { id: "he-relu", label: "Right scale: He for ReLU", settings: { activation: "relu", init: "he", initScale: 1 } },
  { id: "lecun-sigmoid", label: "Right scale: LeCun for sigmoid", settings: { activation: "sigmoid", init: "lecun", initScale: 1, learningRate: 0.3 } },
  { id: "zeros", label: "Zeros: symmetry never breaks", settings: { activation: "sigmoid", init: "zeros", initScale: 1, learningRate: 0.3, hidden: [8, 8, 8, 8] } },
  { id: "small", label: "Too small: N(0, 0.01²) — the signal vanishes", settings: { activation: "tanh", init: "normal", initScale: 0.01 } },
  { id: "large-tanh", label: "Too large: N(0, 1) — tanh saturates", settings: { activation: "tanh", init: "normal", initScale: 1 } },
  { id: "large-relu", label: "Too large: N(0, 1) — ReLU explodes", settings: { activation: "relu", init: "normal", initScale: 1 } },
  { id: "linear", label: "Linear activations: a straight boundary", settings: { activation: "linear", init: "xavier", initScale: 1, dataset: "moons" } },
  { id: "toy-1.5", label: "Deep linear toy, W = 1.5·I (explodes)", toy: 1.5 },
  { id: "toy-0.5", label: "Deep linear toy, W = 0.5·I (vanishes)", toy: 0.5 },
  { id: "toy-1", label: "Deep linear toy, W = I (stays)", toy: 1 },
]);

/** Settings every non-toy preset starts from (a classification dataset is kept). */
const PRESET_BASE = Object.freeze({
  problem: "classification", optimizer: "sgd", learningRate: DEFAULTS.learningRate, batchSize: DEFAULTS.batchSize,
});

export function cloneState(s) {
  return { ...s, hidden: [...s.hidden] };
}

export function defaultState() {
  return cloneState(DEFAULTS);
}

/** Parse a location hash; never throws. */
export function parseLabHash(hash) {
  const { state, problems } = parseHash(hash, { defaults: defaultState(), parsers: PARSERS_HERE });
  if (state.hidden.length === 0) {
    problems.push({ key: "hidden", raw: "", reason: "this page needs at least one hidden layer" });
    state.hidden = [...DEFAULTS.hidden];
  }
  return { state, problems };
}

export function serializeLabHash(state) {
  return serializeHash(state, HASH_KEYS);
}

/** The Playground config of a state. */
export function toConfig(state) {
  return { normalize: "standardize", ...copyKeys(state, CONFIG_KEYS) };
}

/**
 * The state a preset gives, from `state` (view options and seed are kept).
 * @param {(layers: number, c: number) => object} deepLinearToy the core's toy config
 */
export function applyPreset(state, preset, deepLinearToy) {
  const next = cloneState(state);
  if (preset.toy !== undefined) {
    const config = deepLinearToy(TOY_LAYERS, preset.toy);
    Object.assign(next, copyKeys(config, CONFIG_KEYS));
    next.seed = state.seed;
    next.noise = state.noise;
    return next;
  }
  const dataset = state.problem === "classification" ? state.dataset : DEFAULTS.dataset;
  return { ...next, ...PRESET_BASE, dataset, hidden: [...DEFAULTS.hidden], ...preset.settings };
}

/** The preset the state matches (ignoring seed, noise and view options), or null. */
export function presetOf(state, deepLinearToy) {
  const key = (s) => JSON.stringify({ ...toConfig(s), seed: 0, noise: 0 });
  const mine = key(state);
  return PRESETS.find((p) => key(applyPreset(state, p, deepLinearToy)) === mine) ?? null;
}
