/**
 * Trained weights in a link: the `model` key of a hash holds a network's parameters with its
 * update count and epoch, while the other keys hold its settings, so a shared link restores the
 * trained network (`Playground.fromModel` under the link's settings).
 *
 * The parameters travel as they are, 64-bit floats, so the restored network predicts bit for
 * bit the same; base64url keeps them in one hash value without escapes (4 characters per 3
 * bytes, about 10.7 a weight). They are not compressed: a trained network's mantissas are
 * noise, and deflate saved under a tenth.
 *
 * Layout, version 1 (little-endian): one byte 1, the update count and the epoch as float64,
 * then every parameter as float64 in `exportModel()`'s order. Version 2, for a batch-normalized
 * network: one byte 2, the update count, the epoch and the number of running statistics as
 * float64, every parameter, then the running statistics (`exportModel().runningStatistics`).
 *
 * Decoding never throws: it gives { value } or { problem: { code, params } }, as the link
 * parsers of js/core/state.js do.
 */

/** The hash key of the weights. */
export const MODEL_KEY = "model";
/** The layout of a network without running statistics (written then, and read). */
export const MODEL_LINK_VERSION = 1;
/** The layout with running statistics (written then, and read). */
const RUNNING_LINK_VERSION = 2;
/** The longest weights a link carries, in characters (about 1500 weights). */
export const MAX_MODEL_CHARS = 16_384;
/** Bytes before the parameters: the version, the update count and the epoch (and in version 2
 * the number of running statistics). */
const HEADER = { [MODEL_LINK_VERSION]: 17, [RUNNING_LINK_VERSION]: 25 };
/** The largest count kept exactly by a float64. */
const MAX_COUNT = 2 ** 53;

/**
 * The trained weights a link holds.
 * @typedef {{ parameters: number[], runningStatistics?: number[], step: number, epoch: number }} LinkedWeights
 */

/** The characters of the model key for `n` parameters and `running` running statistics. */
export function modelLinkLength(n, running = 0) {
  const header = HEADER[running ? RUNNING_LINK_VERSION : MODEL_LINK_VERSION];
  return Math.ceil(((header + 8 * (n + running)) * 4) / 3);
}

/**
 * The model key's text for trained weights.
 * @param {LinkedWeights} weights
 */
export function encodeModelLink({ parameters, runningStatistics = [], step, epoch }) {
  const version = runningStatistics.length ? RUNNING_LINK_VERSION : MODEL_LINK_VERSION;
  const header = HEADER[version];
  const numbers = [...parameters, ...runningStatistics];
  const bytes = new Uint8Array(header + 8 * numbers.length);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, version);
  view.setFloat64(1, step, true);
  view.setFloat64(9, epoch, true);
  if (version === RUNNING_LINK_VERSION) view.setFloat64(17, runningStatistics.length, true);
  numbers.forEach((p, i) => view.setFloat64(header + 8 * i, p, true));
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** @typedef {import("./errors.js").ErrorParams} ErrorParams */

/**
 * The weights of a model key's text, or why they cannot be read.
 * @param {string} text
 * @returns {{ value: LinkedWeights } | { problem: { code: string, params: ErrorParams } }}
 */
export function decodeModelLink(text) {
  const problem = (code, params) => ({ problem: { code, params } });
  if (text.length > MAX_MODEL_CHARS) return problem("tooLarge", { max: MAX_MODEL_CHARS, got: text.length, unit: "characters" });
  const bad = /[^A-Za-z0-9_-]/.exec(text);
  if (bad) return problem("notBase64url", { got: bad[0] });
  if (text.length % 4 === 1) return problem("linkCut", { got: Math.floor((text.length * 3) / 4) });
  let binary;
  try {
    binary = atob(text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "="));
  } catch {
    return problem("linkCut", { got: Math.floor((text.length * 3) / 4) });
  }
  const version = binary.charCodeAt(0);
  const header = HEADER[version];
  if (binary.length && !header) return problem("linkVersion", { got: version, version: RUNNING_LINK_VERSION });
  if (binary.length < header || (binary.length - header) % 8 !== 0) return problem("linkCut", { got: binary.length });
  const view = new DataView(Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer);
  const step = view.getFloat64(1, true);
  const epoch = view.getFloat64(9, true);
  const running = version === RUNNING_LINK_VERSION ? view.getFloat64(17, true) : 0;
  const count = (binary.length - header) / 8;
  if (!(Number.isInteger(running) && running >= 0 && running <= count)) return problem("linkCut", { got: binary.length });
  for (const count of [step, epoch]) {
    if (!(Number.isInteger(count) && count >= 0 && count <= MAX_COUNT)) return problem("badCount", { got: count });
  }
  if (epoch > step) return problem("badCount", { got: epoch });
  const numbers = Array.from({ length: count }, (_, i) => view.getFloat64(header + 8 * i, true));
  const infinite = numbers.find((p) => !Number.isFinite(p));
  if (infinite !== undefined) return problem("nonFiniteWeight", { got: infinite });
  const parameters = numbers.slice(0, count - running);
  return { value: running ? { parameters, runningStatistics: numbers.slice(count - running), step, epoch } : { parameters, step, epoch } };
}
