/**
 * A page's state and its URL-hash form, built from the core's schema.
 *
 * The core describes every config key once (`configSchema()`: type, default,
 * limits, choices). A page declares in one place which keys it shows, its own
 * defaults or narrower limits for its story, and its view options;
 * `describeState` turns that into defaults, one parser per key (the same for
 * links, forms and attributes), the config handed to the core, and the hash.
 * Parsing never throws: a value that does not parse or lies outside its limits
 * falls back to its default and is reported as a problem { key, raw, code,
 * params } with the codes of the core's errors (js/core/errors.js words them).
 */
import { parseNumber, parseBoolean, splitHash, isPageOption, validPageOption, pageOptionProblem, encodeValue, pageOptionParts } from "./hash.js";

/** The user's own points (dataset "custom"): valid for either problem type. */
export const CUSTOM = "custom";
/** Most custom points a link carries; with more, the link leaves them out (the page says so). */
export const MAX_HASH_POINTS = 200;

/**
 * A page's state: one value per key — a number, a string, a boolean or a list of numbers, as
 * the key's spec says. A page names its own keys' types (e.g. `PlaygroundState`); code that
 * serves every page sees only this.
 * @typedef {Record<string, unknown>} State
 */

/**
 * The state of the config keys `Key` of a page: their values as the core takes them, each one set.
 * @template {string} Key
 * @typedef {Required<Pick<PlaygroundConfig, Extract<Key, keyof PlaygroundConfig>>>} ConfigState
 */

/**
 * The spec of one key: a setting of the core's schema (possibly narrowed by the page) or one of
 * the page's own keys (choice(), integer(), boolean(), custom()).
 * @typedef {object} Spec
 * @property {string} key
 * @property {string} type "number", "integer", "choice", "set" (a non-empty list of choices,
 *   kept in their order), "pair", "layers", "points", "boolean" or "custom"
 * @property {unknown} default
 * @property {number | null} [min]
 * @property {number | null} [max]
 * @property {boolean} [minExclusive]
 * @property {boolean} [maxExclusive]
 * @property {string[]} [choices]
 * @property {Record<string, string>} [labels] what a menu shows for each choice
 * @property {Record<string, string>} [titles] the tooltip of each choice's radio
 * @property {boolean} [nonZero] "pair": whether 0 is refused
 * @property {number} [maxLayers]
 * @property {number} [maxPoints]
 * @property {(raw: string) => Parsed} [parse] "custom": the key's own parser
 */

/**
 * The text of a value, parsed: the value, or why not (`at`: the index of the refused number
 * in a list).
 * @typedef {{ value?: unknown, problem?: { code: string, params: ErrorParams, at?: number } }} Parsed
 */

/**
 * A value of a link (or of attributes) that was not understood: its key and text as typed, and
 * why it fell back to its default.
 * @typedef {{ key: string, raw: string, code: string, params: ErrorParams, at?: number }} Problem
 */

/** @typedef {import("./errors.js").ErrorParams} ErrorParams */
/** @typedef {import("../../pkg/nn_playground.js").PlaygroundConfig} PlaygroundConfig */

// ------------------------------------------------------------- page keys

/**
 * A page key with one of `choices`.
 * @param {readonly string[]} choices
 * @param {string} defaultValue
 * @param {{ labels?: Record<string, string>, titles?: Record<string, string> }} [names] what a
 *   menu shows for each choice, and the tooltip of each choice's radio
 */
export function choice(choices, defaultValue, { labels, titles } = {}) {
  return { type: "choice", choices: [...choices], default: defaultValue, labels, titles };
}

/** A page key holding a whole number in [min, max]. */
export function integer(min, max, defaultValue) {
  return { type: "integer", min, max, default: defaultValue };
}

/** A page key holding true or false. */
export function boolean(defaultValue) {
  return { type: "boolean", default: defaultValue };
}

/** A page key read by its own `parse(raw) → { value } | { problem }`. */
export function custom(parse, defaultValue) {
  return { type: "custom", parse, default: defaultValue };
}

// ------------------------------------------------------------- parsing one value

/** Whether `x` lies within a spec's limits. */
function inRange(x, { min = null, max = null, minExclusive = false, maxExclusive = false }) {
  if (!Number.isFinite(x)) return false;
  if (min !== null && (minExclusive ? !(x > min) : x < min)) return false;
  if (max !== null && (maxExclusive ? !(x < max) : x > max)) return false;
  return true;
}

function problem(code, params) {
  return { problem: { code, params } };
}

/** One number of a spec: parsed, in range, whole where the type needs it. */
function parseOneNumber(raw, spec, integer = spec.type === "integer" || spec.type === "layers") {
  const x = parseNumber(raw);
  if (Number.isNaN(x)) return problem("wrongType", { expected: "number", got: String(raw) });
  const { min = null, max = null, minExclusive = false, maxExclusive = false } = spec;
  if (!inRange(x, spec)) return problem("outOfRange", { min, max, minExclusive, maxExclusive, got: x });
  if (integer && !Number.isInteger(x)) return problem("notWhole", { got: x });
  return { value: x };
}

/** Numbers separated by commas or spaces ("" is none). */
function splitList(raw) {
  const t = String(raw).trim();
  return t === "" ? [] : t.split(/\s*[,\s]\s*/);
}

/** "8,8" → [8, 8]; "" → []; null when a part is not a whole number. */
export function parseLayerList(text) {
  const parts = splitList(text);
  return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : null;
}

/** Every number of a list, each within the spec's limits (the first failure reported, its index in `at`). */
function parseNumbers(parts, spec) {
  const values = [];
  for (let i = 0; i < parts.length; i++) {
    const r = parseOneNumber(parts[i], spec);
    if (r.problem) return { problem: { ...r.problem, at: i } };
    values.push(r.value);
  }
  return { value: values };
}

/**
 * The text of a spec's value: { value } or { problem: { code, params, at? } }.
 * @param {Readonly<Spec>} spec
 * @param {unknown} raw
 * @returns {Parsed}
 */
export function parseValue(spec, raw) {
  const text = String(raw);
  switch (spec.type) {
    case "number":
    case "integer":
      return parseOneNumber(text, spec);
    case "choice":
      return spec.choices.includes(text) ? { value: text } : problem("unknownChoice", { choices: spec.choices, got: text });
    case "boolean": {
      const b = parseBoolean(text);
      return b === null ? problem("wrongType", { expected: "boolean", got: text }) : { value: b };
    }
    case "pair": {
      const parts = splitList(text);
      if (parts.length !== 2) return problem("wrongLength", { expected: 2, got: parts.length });
      const r = parseNumbers(parts, spec);
      if (r.problem) return r;
      const zero = spec.nonZero ? r.value.indexOf(0) : -1;
      if (zero >= 0) return { problem: { code: "zero", params: { got: 0 }, at: zero } };
      return r;
    }
    case "layers": {
      const layers = parseLayerList(text);
      if (layers === null) return problem("wrongType", { expected: "layers", got: text });
      if (layers.length > spec.maxLayers) return problem("tooLarge", { max: spec.maxLayers, got: layers.length, unit: "layers" });
      return parseNumbers(layers.map(String), spec);
    }
    case "set": {
      const parts = splitList(text);
      const unknown = parts.find((p) => !spec.choices.includes(p));
      if (unknown !== undefined) return problem("unknownChoice", { choices: spec.choices, got: unknown });
      if (parts.length === 0) return problem("empty", {});
      return { value: spec.choices.filter((c) => parts.includes(c)) };
    }
    case "points": {
      const parts = splitList(text);
      if (parts.length % 3 !== 0) return problem("wrongLength", { multiple: 3, got: parts.length });
      if (parts.length / 3 > spec.maxPoints) return problem("tooLarge", { max: spec.maxPoints, got: parts.length / 3, unit: "points" });
      return parseNumbers(parts, spec);
    }
    case "custom":
      return spec.parse(text);
    default:
      return problem("unknownKey", { got: text });
  }
}

/** A deep copy of a state value. */
function copy(v) {
  return Array.isArray(v) ? [...v] : v;
}

// ------------------------------------------------------------- a page's state

/**
 * The description of a page's state `S`.
 * @template {State} [S=State]
 * @param {import("../../pkg/nn_playground.js").ConfigSchema} schema configSchema()
 * @param {object} page
 * @param {readonly string[]} page.keys every key of the state, in hash order: config keys of the
 *   schema and the page's own
 * @param {Record<string, Omit<Spec, "key">>} [page.own] specs of the page's own keys (choice(),
 *   integer(), …)
 * @param {Record<string, Partial<Spec>>} [page.overrides] per config key, what the page changes
 *   for its story: `default`, narrower limits (`max`, `maxLayers`, …), fewer `choices`, other
 *   `labels`
 * @param {PlaygroundConfig} [page.fixed] config values the page always uses (not in the hash)
 * @param {string[]} [page.view] keys whose change only redraws (no new sessions)
 * @param {string[]} [page.unlinked] keys kept in the state but not in the hash
 * @param {(state: S, problems: Problem[]) => void} [page.check] the page's rules across keys
 */
export function describeState(schema, { keys, own = {}, overrides = {}, fixed = {}, view = [], unlinked = [], check = () => {} }) {
  /** @type {Map<string, Spec>} */
  const settings = new Map(schema.settings.map((s) => [s.key, s]));
  const ownSpecs = new Map(Object.entries(own));
  /** @type {Map<string, Readonly<Spec>>} */
  const specs = new Map();
  for (const key of keys) {
    const base = settings.get(key) ?? ownSpecs.get(key);
    if (!base) throw new Error(`${key} is neither a setting of the core nor one of the page's keys`);
    const override = Object.hasOwn(overrides, key) ? overrides[key] : {};
    specs.set(key, Object.freeze({ ...base, ...override, key }));
  }
  const configKeys = keys.filter((k) => settings.has(k));
  const viewKeys = new Set(view);
  const hashKeys = keys.filter((k) => !unlinked.includes(k));
  const datasetSpec = specs.get("dataset");

  /**
   * The page's datasets of a problem type ("custom" serves both).
   * @param {string} problem
   * @returns {PlaygroundConfig["dataset"][]}
   */
  const datasetsFor = (problem) => /** @type {PlaygroundConfig["dataset"][]} */ (
    (datasetSpec?.choices ?? []).filter((d) => d !== CUSTOM && (schema.datasets[problem] ?? []).includes(d)));
  /**
   * The dataset a problem type starts with: the page's default if it is of that type.
   * @param {string} problem
   */
  const defaultDatasetFor = (problem) => {
    const own = datasetsFor(problem);
    return own.find((d) => d === datasetSpec?.default) ?? own[0];
  };
  /**
   * The problem type of a dataset ("classification" or "regression"; undefined for "custom").
   * @param {string} dataset
   */
  const problemOf = (dataset) =>
    /** @type {const} */ (["classification", "regression"]).find((p) => (schema.datasets[p] ?? []).includes(dataset));

  /** @returns {S} */
  const defaults = () => /** @type {S} */ (Object.fromEntries(keys.map((k) => [k, copy(specs.get(k).default)])));

  /** The dataset of a link, checked against its problem type and the custom points. */
  function parseDataset(raw, state, problems) {
    if (!raw.has("dataset")) {
      if (datasetSpec && state.dataset !== CUSTOM && !datasetsFor(state.problem).includes(state.dataset)) {
        state.dataset = defaultDatasetFor(state.problem);
      }
      return;
    }
    const dataset = raw.get("dataset");
    const fallBack = (code, params) => {
      problems.push({ key: "dataset", raw: dataset, code, params });
      state.dataset = defaultDatasetFor(state.problem);
    };
    if (dataset === CUSTOM && specs.has("points")) {
      if (state.points.length < 6) return fallBack("needsPoints", {});
      const classes = Number(state.classes ?? 2);
      const bad = firstNonLabel(state.points, classes);
      if (state.problem === "classification" && bad >= 0) {
        return fallBack("notALabel", { got: state.points[bad * 3 + 2], max: classes - 1 });
      }
      state.dataset = CUSTOM;
      return;
    }
    const owner = problemOf(dataset);
    if (owner && !raw.has("problem") && specs.has("problem") && datasetsFor(owner).includes(dataset)) state.problem = owner;
    if (datasetsFor(state.problem).includes(dataset)) state.dataset = dataset;
    else if (owner && datasetSpec.choices.includes(dataset)) {
      fallBack("datasetProblem", { dataset, datasetProblem: owner, problem: state.problem });
    } else fallBack("unknownChoice", { choices: datasetSpec.choices, got: dataset });
  }

  return Object.freeze({
    keys: Object.freeze([...keys]),
    configKeys: Object.freeze(configKeys),
    specs,
    viewKeys,
    defaults,
    datasetsFor,
    defaultDatasetFor,
    problemOf,

    /**
     * The spec of `key`, or undefined.
     * @param {string} key
     */
    spec: (key) => specs.get(key),

    /**
     * A copy of a state.
     * @param {S} state
     * @returns {S}
     */
    clone: (state) => /** @type {S} */ (Object.fromEntries(Object.entries(state).map(([k, v]) => [k, copy(v)]))),

    /**
     * The text of one key's value: { value } or { problem: { code, params, at? } }.
     * @param {string} key
     * @param {string} raw
     * @returns {Parsed}
     */
    parseValue: (key, raw) => (specs.has(key) ? parseValue(specs.get(key), raw) : problem("unknownKey", { got: key })),

    /**
     * A state from a location hash; never throws. Keys that are not understood
     * fall back to their defaults and are reported in `problems`.
     * @param {string} hash
     * @returns {{ state: S, problems: Problem[] }}
     */
    parse(hash) {
      const state = defaults();
      const problems = [];
      const raw = splitHash(hash);
      for (const [key, value] of raw) {
        if (key === "dataset") continue;
        if (isPageOption(key)) {
          if (!validPageOption(key, value)) problems.push({ key, raw: value, ...pageOptionProblem(key, value) });
          continue;
        }
        if (!specs.has(key) || unlinked.includes(key)) {
          problems.push({ key, raw: value, code: "unknownKey", params: { got: key } });
          continue;
        }
        const r = parseValue(specs.get(key), value);
        if ("value" in r) /** @type {State} */ (state)[key] = r.value;
        else problems.push({ key, raw: value, ...r.problem });
      }
      if (datasetSpec) parseDataset(raw, state, problems);
      check(state, problems);
      return { state, problems };
    },

    /**
     * The hash (without "#") of a state: its keys in order, then the page
     * options of `current` (the address now). The custom points are written
     * for custom data of at most MAX_HASH_POINTS points.
     * @param {S} state
     * @param {string} [current]
     */
    serialize(state, current = globalThis.location?.hash) {
      const parts = [];
      for (const key of hashKeys) {
        if (key === "points" && (state.dataset !== CUSTOM || pointsLeftOut(state))) continue;
        parts.push(`${key}=${encodeValue(state[key])}`);
      }
      return [...parts, ...pageOptionParts(current)].join("&");
    },

    /**
     * The config handed to `new Playground(config)`: the fixed values and the config keys.
     * @param {S} state
     * @returns {PlaygroundConfig}
     */
    toConfig(state) {
      /** @type {PlaygroundConfig} */
      const config = { ...fixed };
      for (const key of configKeys) {
        if (key === "points" && state.dataset !== CUSTOM) continue;
        config[key] = copy(state[key]);
      }
      return config;
    },

    /**
     * Whether two states ask for the same sessions (they differ at most in view keys).
     * @param {S} a
     * @param {S} b
     */
    sameSessions(a, b) {
      return keys.every((k) => viewKeys.has(k) || JSON.stringify(a[k]) === JSON.stringify(b[k]));
    },
  });
}

/** True when a state's custom points are too many for a link (the hash leaves them out). */
export function pointsLeftOut(state) {
  return state.dataset === CUSTOM && state.points.length / 3 > MAX_HASH_POINTS;
}

/**
 * The number of the first point ([x, y, label, …]) whose label is not a class of a classification
 * with `classes` classes (a whole number 0 … classes − 1), or −1 when every label is one.
 * @param {ArrayLike<number>} points
 * @param {number} classes
 */
export function firstNonLabel(points, classes) {
  for (let i = 2; i < points.length; i += 3) {
    if (!(Number.isInteger(points[i]) && points[i] >= 0 && points[i] < classes)) return (i - 2) / 3;
  }
  return -1;
}
