/**
 * The page state and its URL-hash form.
 *
 * The state is the Playground config (camelCase keys, as the core takes them)
 * plus the view options. It round-trips through the hash:
 *   #problem=classification&dataset=spiral&hidden=8,8&learningRate=0.03&…
 * `parseHash` never throws: an unknown key or an invalid value falls back to
 * its default and is reported in `problems`, so the page can name it.
 */

/** The user's own points (`points` in the state): valid for either problem type. */
export const CUSTOM = "custom";
/** Most custom points a link carries; with more, the link leaves them out (the page says so). */
export const MAX_HASH_POINTS = 200;

export const DATASETS = Object.freeze({
  classification: Object.freeze(["circle", "xor", "gauss", "spiral", "moons"]),
  regression: Object.freeze(["plane", "gaussians"]),
});
export const PROBLEMS = Object.freeze(["classification", "regression"]);
export const ACTIVATIONS = Object.freeze(["tanh", "relu", "leakyRelu", "sigmoid", "linear"]);
export const INITS = Object.freeze(["xavier", "xavierNormal", "he", "lecun", "normal", "uniform", "zeros", "constant"]);
export const OPTIMIZERS = Object.freeze(["sgd", "momentum", "adam"]);
export const NORMALIZE = Object.freeze(["none", "standardize"]);
export const MAX_LAYERS = 16;
export const MAX_UNITS = 128;
/** Largest |scale| and |offset| of a feature distortion. */
export const MAX_DISTORTION = 1000;

/** Defaults of the core's config (the API test checks them against `defaultConfig()`). */
export const CONFIG_DEFAULTS = Object.freeze({
  problem: "classification",
  dataset: "circle",
  samples: 500,
  noise: 0,
  trainFraction: 0.5,
  seed: 1,
  scale: Object.freeze([1, 1]),
  offset: Object.freeze([0, 0]),
  normalize: "none",
  hidden: Object.freeze([4, 2]),
  activation: "tanh",
  init: "xavier",
  initScale: 1,
  optimizer: "sgd",
  learningRate: 0.03,
  batchSize: 10,
  l2: 0,
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
});

/** Options that only change the drawing, never the network. */
export const VIEW_DEFAULTS = Object.freeze({
  showTestData: false, logScale: false, speed: "max", showGradients: false, embed: false,
});
/** Speed choices: mini-batch updates per frame ("max" = as many as fit the frame budget). */
export const SPEEDS = Object.freeze(["max", "100", "10", "1"]);

export const CONFIG_KEYS = Object.freeze(Object.keys(CONFIG_DEFAULTS));
export const VIEW_KEYS = Object.freeze(Object.keys(VIEW_DEFAULTS));

/** The dataset a problem type starts with. */
export function defaultDatasetFor(problem) {
  return DATASETS[problem]?.[0] ?? CONFIG_DEFAULTS.dataset;
}

/** A fresh, mutable copy of the default state. */
export function defaultState() {
  return cloneState({ ...CONFIG_DEFAULTS, ...VIEW_DEFAULTS, points: [] });
}

export function cloneState(s) {
  return { ...s, scale: [...s.scale], offset: [...s.offset], hidden: [...s.hidden], points: [...(s.points ?? [])] };
}

/** The `keys` of `source` in a new object, arrays copied. */
export function copyKeys(source, keys) {
  const out = {};
  for (const key of keys) {
    const v = source[key];
    out[key] = Array.isArray(v) ? [...v] : v;
  }
  return out;
}

/** The config object handed to `new Playground(config)`. */
export function toConfig(state) {
  const config = copyKeys(state, CONFIG_KEYS);
  if (state.dataset === CUSTOM) config.points = [...state.points];
  return config;
}

// ---------------------------------------------------------------- parsing

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Strict number parsing: digits only (no hex, no "Infinity", no empty string). */
export function parseNumber(text) {
  const t = String(text).trim();
  return NUMBER_RE.test(t) ? Number(t) : NaN;
}

const round2 = (x) => Math.round(x * 100) / 100;

export function enumOf(values, what) {
  return (raw) => (values.includes(raw) ? { value: raw } : { reason: `unknown ${what}` });
}

export function numberIn(min, max, { integer = false, canon = (x) => x, minExclusive = false, maxExclusive = false } = {}) {
  return (raw) => {
    const x = parseNumber(raw);
    if (!Number.isFinite(x)) return { reason: "not a number" };
    if (integer && !Number.isInteger(x)) return { reason: "not a whole number" };
    if (minExclusive ? !(x > min) : x < min) return { reason: minExclusive ? `must be > ${min}` : `below ${min}` };
    if (maxExclusive ? !(x < max) : x > max) return { reason: maxExclusive ? `must be < ${max}` : `above ${max}` };
    return { value: canon(x) };
  };
}

function pair({ nonZero }) {
  return (raw) => {
    const parts = raw.split(",");
    if (parts.length !== 2) return { reason: "needs two numbers" };
    const xs = parts.map(parseNumber);
    if (!xs.every(Number.isFinite)) return { reason: "not numbers" };
    if (xs.some((x) => Math.abs(x) > MAX_DISTORTION)) return { reason: `|value| above ${MAX_DISTORTION}` };
    if (nonZero && xs.some((x) => x === 0)) return { reason: "must be non-zero" };
    return { value: xs };
  };
}

export function bool(raw) {
  if (raw === "true" || raw === "1" || raw === "") return { value: true };
  if (raw === "false" || raw === "0") return { value: false };
  return { reason: "not true/false" };
}

/** Parse "8,8" → [8, 8]; "" → []. Returns null when a part is not a whole number. */
export function parseLayerList(text) {
  const t = String(text).trim();
  if (t === "") return [];
  const parts = t.split(/\s*[,\s]\s*/);
  const out = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return null;
    out.push(Number(p));
  }
  return out;
}

/** "x0,y0,label0,x1,…": 2..5000 points of finite numbers. */
function pointList(raw) {
  const parts = raw.split(",");
  const xs = parts.map(parseNumber);
  if (raw === "" || !xs.every(Number.isFinite)) return { reason: "not a list of numbers" };
  if (xs.length % 3 !== 0) return { reason: "needs x,y,label triples" };
  if (xs.length < 6 || xs.length > 15000) return { reason: "needs 2..5000 points" };
  return { value: xs };
}

/** True when every label of a point list is 0 or 1. */
export function binaryLabels(points) {
  for (let i = 2; i < points.length; i += 3) if (points[i] !== 0 && points[i] !== 1) return false;
  return true;
}

function hiddenLayers(raw) {
  const layers = parseLayerList(raw);
  if (layers === null) return { reason: "not a list of whole numbers" };
  if (layers.length > MAX_LAYERS) return { reason: `more than ${MAX_LAYERS} layers` };
  if (layers.some((n) => n < 1 || n > MAX_UNITS)) return { reason: `layer sizes must be 1..${MAX_UNITS}` };
  return { value: layers };
}

/** How each hash key is read: raw text → { value } or { reason }. */
export const PARSERS = Object.freeze({
  problem: enumOf(PROBLEMS, "problem type"),
  // dataset is checked against the problem type in parseHash
  samples: numberIn(10, 5000, { integer: true }),
  noise: numberIn(0, 0.5, { canon: round2 }),
  trainFraction: numberIn(0.1, 0.9, { canon: round2 }),
  seed: numberIn(0, 4294967295, { integer: true }),
  scale: pair({ nonZero: true }),
  offset: pair({ nonZero: false }),
  normalize: enumOf(NORMALIZE, "normalization"),
  hidden: hiddenLayers,
  activation: enumOf(ACTIVATIONS, "activation"),
  init: enumOf(INITS, "initialization"),
  initScale: numberIn(0, 1e6),
  optimizer: enumOf(OPTIMIZERS, "optimizer"),
  learningRate: numberIn(0, 1e6, { minExclusive: true }),
  batchSize: numberIn(1, 1e6, { integer: true }),
  l2: numberIn(0, 1e6),
  momentum: numberIn(0, 1, { maxExclusive: true }),
  beta1: numberIn(0, 1, { maxExclusive: true }),
  beta2: numberIn(0, 1, { maxExclusive: true }),
  epsilon: numberIn(0, 1e6, { minExclusive: true }),
  points: pointList,
  showTestData: bool,
  showGradients: bool,
  logScale: bool,
  speed: enumOf(SPEEDS, "speed"),
  embed: bool,
});

/**
 * Options every page understands, kept in the URL hash but not in a page's
 * state: the language (js/i18n.js), and embed=1 with the controls that stay
 * visible (js/embed.js) on a page whose state has no `embed` of its own.
 * `serializeHash` carries them over from the current address.
 */
export const PAGE_OPTIONS = Object.freeze({
  embed: bool,
  lang: enumOf(["en", "ko"], "language"),
  controls: (raw) => (/^[\w,.-]*$/.test(raw) ? { value: raw.split(",").filter(Boolean) } : { reason: "not a list of control names" }),
});
const PAGE_OPTION_ORDER = Object.freeze(["embed", "controls", "lang"]);

function decode(s) {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}

/** The page options (PAGE_OPTIONS) a hash sets validly: { lang?, controls? }, as raw text. */
export function pageOptionsOf(hash) {
  const out = {};
  for (const [key, value] of splitHash(hash)) {
    if (key in PAGE_OPTIONS && "value" in PAGE_OPTIONS[key](value)) out[key] = value;
  }
  return out;
}

/** Key → raw value of a hash, in order (the last of a repeated key wins). */
function splitHash(hash) {
  const raw = new Map();
  for (const part of String(hash ?? "").replace(/^#/, "").split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    raw.set(decode(eq < 0 ? part : part.slice(0, eq)), eq < 0 ? "" : decode(part.slice(eq + 1)));
  }
  return raw;
}

/**
 * Parse a location hash ("#a=1&b=2" or "a=1&b=2"). Another page passes its own
 * default state (with `problem` and `dataset`) and parser table.
 * The page options (lang, controls) are checked but left out of the state.
 * @returns {{ state: object, problems: { key: string, raw: string|null, reason: string }[] }}
 */
export function parseHash(hash, { defaults = defaultState(), parsers = PARSERS } = {}) {
  const state = defaults;
  const problems = [];
  const raw = splitHash(hash);

  for (const [key, value] of raw) {
    if (key === "dataset") continue;
    if (key in PAGE_OPTIONS && !parsers[key]) {
      const r = PAGE_OPTIONS[key](value);
      if (!("value" in r)) problems.push({ key, raw: value, reason: r.reason });
      continue;
    }
    const parse = parsers[key];
    if (!parse) {
      problems.push({ key, raw: value, reason: "unknown setting" });
      continue;
    }
    const r = parse(value);
    if ("value" in r) state[key] = r.value;
    else problems.push({ key, raw: value, reason: r.reason });
  }

  if (raw.get("dataset") === CUSTOM && parsers.points) {
    const points = state.points ?? [];
    const reason = points.length < 6 ? "custom data needs its points in the link"
      : state.problem === "classification" && !binaryLabels(points) ? "classification labels must be 0 or 1" : null;
    if (reason) problems.push({ key: "dataset", raw: CUSTOM, reason });
    state.dataset = reason ? defaultDatasetFor(state.problem) : CUSTOM;
  } else if (raw.has("dataset")) {
    const d = raw.get("dataset");
    const owner = PROBLEMS.find((p) => DATASETS[p].includes(d));
    if (owner && !raw.has("problem")) state.problem = owner;
    if (DATASETS[state.problem].includes(d)) {
      state.dataset = d;
    } else {
      state.dataset = defaultDatasetFor(state.problem);
      problems.push({
        key: "dataset",
        raw: d,
        reason: owner ? `not a ${state.problem} dataset` : "unknown dataset",
      });
    }
  } else if (!DATASETS[state.problem].includes(state.dataset)) {
    state.dataset = defaultDatasetFor(state.problem);
  }
  return { state, problems };
}

function enc(v) {
  return encodeURIComponent(String(v)).replace(/%2C/gi, ",");
}

/** The playground's hash keys, in order: every config key, then the view options. */
export const HASH_KEYS = Object.freeze([...CONFIG_KEYS.slice(0, 2), "points", ...CONFIG_KEYS.slice(2), "showTestData", "logScale", "speed", "showGradients"]);

/** The HTML attribute of a hash key, as <nn-playground> takes it: learningRate → learning-rate. */
export function attributeName(key) {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** True when a state's custom points are too many for a link (the hash leaves them out). */
export function pointsLeftOut(state) {
  return state.dataset === CUSTOM && state.points.length / 3 > MAX_HASH_POINTS;
}

/**
 * The hash (without "#") for a state: `keys` in order (booleans as true/false),
 * then embed=1 if set, then the page options of `current` (the address now).
 * `points` is written only for custom data of at most MAX_HASH_POINTS points.
 */
export function serializeHash(state, keys = HASH_KEYS, current = globalThis.location?.hash) {
  const parts = [];
  for (const key of keys) {
    const v = state[key];
    if (key === "points" && (state.dataset !== CUSTOM || pointsLeftOut(state))) continue;
    parts.push(`${key}=${Array.isArray(v) ? v.map(enc).join(",") : enc(v)}`);
  }
  if (state.embed) parts.push("embed=1");
  const options = pageOptionsOf(current);
  for (const key of PAGE_OPTION_ORDER) {
    if (!(key in options)) continue;
    if (key === "embed" ? "embed" in state || !bool(options.embed).value : key === "lang" && options.lang === "en") continue;
    parts.push(`${key}=${enc(options[key])}`);
  }
  return parts.join("&");
}

/** "dataset=nope (unknown dataset), foo (unknown setting)"; `translate` turns each reason into the page's language. */
export function describeProblems(problems, translate = (reason) => reason) {
  return problems
    .map((p) => `${p.key}${p.raw === null || p.raw === "" ? "" : `=${shorten(p.raw)}`} (${translate(p.reason)})`)
    .join(", ");
}

function shorten(text) {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
