/**
 * State of the Normalization lab and its URL-hash form.
 *
 * One state drives both sessions: the shared config (the raw side gets
 * `normalize: "none"`, the other `"standardize"`), the feature distortion and
 * the view options (surface kind, unit, target loss, fair learning rates).
 * Parsing reuses the playground's parsers (state.js); a bad value falls back to
 * its default and is named in `problems`.
 */
import {
  parseHash, serializeHash, copyKeys, PARSERS, enumOf, numberIn, bool, parseNumber, MAX_UNITS,
} from "../core/state.js";

export const SURFACE_KINDS = Object.freeze(["weights2d", "random", "pca", "line"]);

/** The two sides, left to right. */
export const SIDES = Object.freeze([
  { id: "raw", normalize: "none", title: "Raw inputs" },
  { id: "std", normalize: "standardize", title: "Standardized inputs" },
]);

/** Feature distortions that make the lesson (x′ = rotate(x · scale) + offset). */
export const PRESETS = Object.freeze([
  { id: "x2x100", label: "x₂ × 100", scale: [1, 100], rotation: 0, offset: [0, 0] },
  { id: "x2x10", label: "x₂ × 10", scale: [1, 10], rotation: 0, offset: [0, 0] },
  { id: "offset", label: "offset both features by +8", scale: [1, 1], rotation: 0, offset: [8, 8] },
  { id: "correlated", label: "correlated (x₂ × 10, rotated 45°)", scale: [1, 10], rotation: 45, offset: [0, 0] },
  { id: "none", label: "none", scale: [1, 1], rotation: 0, offset: [0, 0] },
]);

export const DEFAULTS = Object.freeze({
  problem: "classification",
  dataset: "gauss",
  noise: 0.3,
  seed: 1,
  scale: Object.freeze([1, 100]),
  rotation: 0,
  offset: Object.freeze([0, 0]),
  hidden: Object.freeze([]),
  activation: "tanh",
  optimizer: "sgd",
  learningRate: 0.3,
  batchSize: 250,
  surface: "weights2d",
  unit: 0,
  target: "auto",
  fair: false,
  speed: "10",
  logScale: true,
  embed: false,
});

/** Keys of the shared Playground config, as the core takes them. */
const CONFIG_KEYS = Object.freeze([
  "problem", "dataset", "noise", "seed", "scale", "rotation", "offset",
  "hidden", "activation", "optimizer", "learningRate", "batchSize",
]);

/** Keys written to the hash, in order (the problem type follows from the dataset). */
export const HASH_KEYS = Object.freeze([...CONFIG_KEYS.slice(1), "surface", "unit", "target", "fair", "speed", "logScale"]);

/** "auto" or a positive number. */
function targetLoss(raw) {
  if (raw === "auto") return { value: "auto" };
  const x = parseNumber(raw);
  return x > 0 && Number.isFinite(x) ? { value: x } : { reason: "not auto or a positive number" };
}

/** Parsers of this page's keys (the dataset is checked by parseHash itself). */
const PARSERS_HERE = Object.freeze({
  noise: PARSERS.noise,
  seed: PARSERS.seed,
  scale: PARSERS.scale,
  rotation: numberIn(-360, 360),
  offset: PARSERS.offset,
  hidden: PARSERS.hidden,
  activation: PARSERS.activation,
  optimizer: PARSERS.optimizer,
  learningRate: PARSERS.learningRate,
  batchSize: PARSERS.batchSize,
  surface: enumOf(SURFACE_KINDS, "surface kind"),
  unit: numberIn(0, MAX_UNITS - 1, { integer: true }),
  target: targetLoss,
  fair: bool,
  speed: PARSERS.speed,
  logScale: bool,
  embed: bool,
});

export function cloneState(s) {
  return { ...s, scale: [...s.scale], offset: [...s.offset], hidden: [...s.hidden] };
}

export function defaultState() {
  return cloneState(DEFAULTS);
}

/** Parse a location hash; never throws. */
export function parseLabHash(hash) {
  const { state, problems } = parseHash(hash, { defaults: defaultState(), parsers: PARSERS_HERE });
  const units = state.hidden[0] ?? 0;
  if (state.unit > 0 && state.unit >= units) {
    problems.push({ key: "unit", raw: String(state.unit), reason: units ? `the first hidden layer has ${units} units` : "no hidden layer" });
    state.unit = 0;
  }
  return { state, problems };
}

export function serializeLabHash(state) {
  return serializeHash(state, HASH_KEYS);
}

/** The config of one side's Playground. */
export function sideConfig(state, side, learningRate = state.learningRate) {
  return { normalize: side.normalize, ...copyKeys(state, CONFIG_KEYS), learningRate };
}

/** The config without the learning rate (two states with the same key train the same data and start). */
export function configKey(state) {
  const { learningRate, ...rest } = sideConfig(state, SIDES[0]);
  return JSON.stringify(rest);
}

/** The preset whose distortion the state has, or null ("custom"). */
export function presetOf(state) {
  const same = (a, b) => a[0] === b[0] && a[1] === b[1];
  return PRESETS.find((p) => same(p.scale, state.scale) && same(p.offset, state.offset) && p.rotation === state.rotation) ?? null;
}
