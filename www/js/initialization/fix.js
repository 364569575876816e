/**
 * "Fix it": the initialization at the right scale for the state's activation
 * (the lecture's table: Xavier for tanh, He for ReLU, LeCun for the sigmoid),
 * at init scale 1; the deep linear toy keeps W = s·I and gets s = 1. Or,
 * keeping the initialization, batch normalization in every hidden layer.
 */
import { CHOICE_LABELS } from "../core/labels.js";

/** The scheme that keeps each activation's signal at its scale, layer after layer. */
const MATCHED = Object.freeze({ tanh: "xavier", relu: "he", leakyRelu: "he", sigmoid: "lecun", linear: "xavier" });
/** Schemes with the matched one's variance, also right. */
const SAME_VARIANCE = Object.freeze({ xavier: ["xavierNormal"] });
/** Schemes whose units start identical: normalizing every layer cannot tell them apart either. */
const SYMMETRIC = Object.freeze(["zeros", "constant"]);

/**
 * The init and init scale that fix `state`, or null when it has the right scale already.
 * @param {{ activation: string, init: string, initScale: number }} state
 * @returns {{ init: string, initScale: number } | null}
 */
export function fixOf({ activation, init, initScale }) {
  const toy = activation === "linear" && init === "identity";
  const right = toy ? "identity" : MATCHED[activation];
  if (!right) return null;
  const ok = init === right || (SAME_VARIANCE[right] ?? []).includes(init);
  return ok && initScale === 1 ? null : { init: ok ? init : right, initScale: 1 };
}

/**
 * The fix button's words: what it switches to (in English; the page translates them).
 * @param {{ init: string, initScale: number }} state the current state
 * @param {{ init: string, initScale: number }} fix what `fixOf` returned
 * @returns {{ text: string, title: string }}
 */
export function describeFix(state, fix) {
  const scheme = fix.init === "identity" ? "W = I" : CHOICE_LABELS.init[fix.init];
  return fix.init === state.init
    ? { text: "Fix it: s = 1", title: "Set the init scale s to 1, the right scale, and start over" }
    : { text: `Fix it: ${scheme}`, title: `Switch to ${scheme} at scale 1, the right scale for this activation, and start over` };
}

/**
 * Whether batch normalization would fix `state` instead: its initialization has the wrong
 * scale, normalization is off, and the weights differ from unit to unit (identical units,
 * all-zero or constant weights, stay identical when normalized).
 * @param {{ activation: string, init: string, initScale: number, batchNorm: string }} state
 */
export function normalizes(state) {
  return state.batchNorm === "off" && !SYMMETRIC.includes(state.init) && state.initScale !== 0 && fixOf(state) !== null;
}
