/**
 * The page state and its URL-hash form.
 *
 * The state is the Playground config (camelCase keys, as the core takes them)
 * plus the view options. It round-trips through the hash:
 *   #problem=classification&dataset=spiral&hidden=8,8&learningRate=0.03&…
 * `parseHash` never throws: an unknown key or an invalid value falls back to
 * its default and is reported in `problems`, so the page can name it.
 */

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
});

/** Options that only change the drawing, never the network. */
export const VIEW_DEFAULTS = Object.freeze({ showTestData: false, logScale: false, speed: "max", embed: false });
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
  return cloneState({ ...CONFIG_DEFAULTS, ...VIEW_DEFAULTS });
}

export function cloneState(s) {
  return { ...s, scale: [...s.scale], offset: [...s.offset], hidden: [...s.hidden] };
}

/** The config object handed to `new Playground(config)`. */
export function toConfig(state) {
  const config = {};
  for (const key of CONFIG_KEYS) {
    const v = state[key];
    config[key] = Array.isArray(v) ? [...v] : v;
  }
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

function enumOf(values, what) {
  return (raw) => (values.includes(raw) ? { value: raw } : { reason: `unknown ${what}` });
}

function numberIn(min, max, { integer = false, canon = (x) => x, minExclusive = false } = {}) {
  return (raw) => {
    const x = parseNumber(raw);
    if (!Number.isFinite(x)) return { reason: "not a number" };
    if (integer && !Number.isInteger(x)) return { reason: "not a whole number" };
    if (minExclusive ? !(x > min) : x < min) return { reason: minExclusive ? `must be > ${min}` : `below ${min}` };
    if (x > max) return { reason: `above ${max}` };
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

function bool(raw) {
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

function hiddenLayers(raw) {
  const layers = parseLayerList(raw);
  if (layers === null) return { reason: "not a list of whole numbers" };
  if (layers.length > MAX_LAYERS) return { reason: `more than ${MAX_LAYERS} layers` };
  if (layers.some((n) => n < 1 || n > MAX_UNITS)) return { reason: `layer sizes must be 1..${MAX_UNITS}` };
  return { value: layers };
}

const PARSERS = {
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
  showTestData: bool,
  logScale: bool,
  speed: enumOf(SPEEDS, "speed"),
  embed: bool,
};

function decode(s) {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}

/**
 * Parse a location hash ("#a=1&b=2" or "a=1&b=2").
 * @returns {{ state: object, problems: { key: string, raw: string|null, reason: string }[] }}
 */
export function parseHash(hash) {
  const state = defaultState();
  const problems = [];
  const text = String(hash ?? "").replace(/^#/, "");
  const raw = new Map();
  for (const part of text.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? "" : decode(part.slice(eq + 1));
    raw.set(key, value);
  }

  for (const [key, value] of raw) {
    if (key === "dataset") continue;
    const parse = PARSERS[key];
    if (!parse) {
      problems.push({ key, raw: value, reason: "unknown setting" });
      continue;
    }
    const r = parse(value);
    if ("value" in r) state[key] = r.value;
    else problems.push({ key, raw: value, reason: r.reason });
  }

  if (raw.has("dataset")) {
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
  } else {
    state.dataset = defaultDatasetFor(state.problem);
  }
  return { state, problems };
}

function enc(v) {
  return encodeURIComponent(String(v)).replace(/%2C/gi, ",");
}

/** The hash (without "#") for a state: every config key, then the view options. */
export function serializeHash(state) {
  const parts = [];
  for (const key of CONFIG_KEYS) {
    const v = state[key];
    parts.push(`${key}=${Array.isArray(v) ? v.map(enc).join(",") : enc(v)}`);
  }
  parts.push(`showTestData=${state.showTestData ? "true" : "false"}`);
  parts.push(`logScale=${state.logScale ? "true" : "false"}`);
  parts.push(`speed=${state.speed}`);
  if (state.embed) parts.push("embed=1");
  return parts.join("&");
}

/** "dataset=nope (unknown dataset), foo (unknown setting)" */
export function describeProblems(problems) {
  return problems
    .map((p) => `${p.key}${p.raw === null || p.raw === "" ? "" : `=${p.raw}`} (${p.reason})`)
    .join(", ");
}
