/**
 * State of the Normalization lab: one state drives both sessions — the shared
 * config (the raw side gets `normalize: "none"`; the right side, as `compare`
 * says, `"standardize"` or batch normalization in every hidden layer), the
 * feature distortion, and the view options (surface kind, unit, target loss,
 * fair learning rates). The core's schema gives the keys' limits; the lab's
 * own defaults tell its story (x₂ stretched 100 times, logistic regression on
 * two Gaussians).
 */
import { describeState, choice, integer, boolean, custom } from "../core/state.js";
import { parseNumber } from "../core/hash.js";
import { CHOICE_LABELS } from "../core/labels.js";

/**
 * One side of the lab: its id, its panel's title, what its config sets, and (the right side's)
 * the name of its line in the comparison chart.
 * @typedef {{ id: string, title: string, legend?: string, config: { normalize: "none" | "standardize", batchNorm: "off" | "on" } }} Side
 */

/** The left side: the features as given. */
export const RAW = /** @type {Side} */ (Object.freeze({ id: "raw", title: "Raw inputs", config: { normalize: "none", batchNorm: "off" } }));

/**
 * What the right side compares the raw inputs with (`compare`): the inputs standardized, or every
 * hidden layer normalized (batch normalization) on the same raw inputs.
 */
export const COMPARISONS = /** @type {Readonly<Record<"std" | "bn", Side>>} */ (Object.freeze({
  std: { id: "std", title: "Standardized inputs", legend: "standardized inputs", config: { normalize: "standardize", batchNorm: "off" } },
  bn: { id: "bn", title: "Every layer normalized", legend: "every layer normalized", config: { normalize: "none", batchNorm: "on" } },
}));

/** The hidden layers "every layer normalized" gets when it has none to normalize. */
export const BN_HIDDEN = Object.freeze([8, 8]);

/**
 * The two sides of a state, left to right.
 * @param {{ compare: keyof typeof COMPARISONS }} state
 * @returns {[Side, Side]}
 */
export function sidesOf(state) {
  return [RAW, COMPARISONS[state.compare]];
}

/**
 * The state after its comparison was chosen: every layer normalized, with no hidden layer to
 * normalize, gets BN_HIDDEN.
 * @template {{ compare: string, hidden: number[] }} S
 * @param {S} state
 * @returns {S}
 */
export function comparisonChosen(state) {
  if (state.compare === "bn" && state.hidden.length === 0) state.hidden = [...BN_HIDDEN];
  return state;
}

/** Feature distortions that make the lesson (x′ = rotate(x · scale) + offset). */
export const PRESETS = Object.freeze([
  { id: "x2x100", label: "x₂ × 100", scale: [1, 100], rotation: 0, offset: [0, 0] },
  { id: "x2x10", label: "x₂ × 10", scale: [1, 10], rotation: 0, offset: [0, 0] },
  { id: "offset", label: "offset both features by +8", scale: [1, 1], rotation: 0, offset: [8, 8] },
  { id: "correlated", label: "correlated (x₂ × 10, rotated 45°)", scale: [1, 10], rotation: 45, offset: [0, 0] },
  { id: "none", label: "none", scale: [1, 1], rotation: 0, offset: [0, 0] },
]);

const KEYS = /** @type {const} */ ([
  "problem", "dataset", "noise", "seed", "scale", "rotation", "offset", "hidden", "activation", "optimizer",
  "learningRate", "batchSize", "compare", "surface", "unit", "target", "fair", "speed", "logScale",
]);

/**
 * The lab's state: the shared config keys, what the right side compares the raw inputs with, and
 * the view options — the surface's kind and unit (of the first hidden layer), the target loss
 * ("auto": just above the right side's best), fair learning rates, the speed and the loss axes'
 * scale.
 * @typedef {import("../core/state.js").ConfigState<typeof KEYS[number]> & {
 *   compare: keyof typeof COMPARISONS,
 *   surface: import("../../pkg/nn_playground.js").SurfaceRequest["kind"], unit: number,
 *   target: "auto" | number, fair: boolean, speed: string, logScale: boolean,
 * }} NormalizationState
 */

/** "auto" or a positive number. */
function targetLoss(raw) {
  if (raw === "auto" || raw === "") return { value: "auto" };
  const x = parseNumber(raw);
  return x > 0 && Number.isFinite(x)
    ? { value: x }
    : { problem: { code: "wrongType", params: { expected: "auto", got: Number.isNaN(x) ? raw : x } } };
}

/**
 * The lab's state description from the core's schema.
 * @param {import("../../pkg/nn_playground.js").ConfigSchema} schema
 * @returns {ReturnType<typeof describeState<NormalizationState>>}
 */
export function describeLab(schema) {
  const maxUnits = schema.settings.find((s) => s.key === "hidden").max;
  return describeState(schema, {
    keys: KEYS,
    own: {
      compare: choice(Object.keys(COMPARISONS), "std", {
        labels: { std: "inputs standardized", bn: "every layer normalized" },
        titles: {
          std: "The same network on standardized inputs",
          bn: "The same raw inputs, with batch normalization in every hidden layer",
        },
      }),
      surface: choice(["weights2d", "random", "pca", "line", "hessian"], "weights2d", {
        labels: { weights2d: "two weights", random: "random plane", pca: "PCA of the path", line: "line init → now", hessian: "Hessian's top eigenvectors" },
        titles: {
          weights2d: "The cost over two weights, everything else fixed",
          random: "Filter-normalized random directions",
          pca: "Plane of the path's principal directions",
          line: "1-D cut from the initial to the current parameters",
          hessian: "Plane of the Hessian's two eigenvectors of largest curvature at the current parameters",
        },
      }),
      unit: integer(0, maxUnits - 1, 0),
      target: custom(targetLoss, "auto"),
      fair: boolean(false),
      speed: choice(["1", "10", "100", "max"], "10", { labels: { max: "as many as fit 8 ms" } }),
      logScale: boolean(true),
    },
    overrides: {
      dataset: {
        default: "gauss",
        choices: ["gauss", "circle", "xor", "moons", "spiral", "plane", "gaussians"],
        labels: { ...CHOICE_LABELS.dataset, gaussians: "Bumps" },
        titles: { plane: "Plane (regression: the model is linear regression)", gaussians: "Gaussian bumps (regression)" },
      },
      noise: { default: 0.3 },
      scale: { default: [1, 100] },
      hidden: { default: [] },
      optimizer: { labels: { ...CHOICE_LABELS.optimizer, sgd: "Gradient descent (SGD)" } },
      learningRate: { default: 0.3 },
      batchSize: { default: 250 },
    },
    unlinked: ["problem"],
    view: ["surface", "unit", "target", "speed", "logScale"],
    check(state, problems) {
      const units = state.hidden[0] ?? 0;
      if (state.unit > 0 && state.unit >= units) {
        problems.push({ key: "unit", raw: String(state.unit), code: "outOfRange", params: { min: 0, max: Math.max(0, units - 1), got: state.unit } });
        state.unit = 0;
      }
    },
  });
}

/**
 * The config of one side's Playground.
 * @param {ReturnType<typeof describeLab>} description
 * @param {NormalizationState} state
 * @param {Side} side
 * @param {number} [learningRate]
 */
export function sideConfig(description, state, side, learningRate = state.learningRate) {
  return { ...description.toConfig(state), ...side.config, learningRate };
}

/**
 * The sides' configs without the learning rate: two states with the same key train the same
 * data from the same start on both sides (and so have the same fair rates).
 * @param {ReturnType<typeof describeLab>} description
 * @param {NormalizationState} state
 */
export function configKey(description, state) {
  const { learningRate, ...rest } = sideConfig(description, state, RAW);
  return JSON.stringify({ ...rest, compare: state.compare });
}

/** The preset whose distortion the state has, or null ("custom"). */
export function presetOf(state) {
  const same = (a, b) => a[0] === b[0] && a[1] === b[1];
  return PRESETS.find((p) => same(p.scale, state.scale) && same(p.offset, state.offset) && p.rotation === state.rotation) ?? null;
}
