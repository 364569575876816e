/**
 * The URL hash as key=value pairs (`#dataset=spiral&hidden=8,8`), and the
 * options every page understands besides its own state: the language
 * (`lang=ko`), the embedded view (`embed=1`) and the controls it keeps
 * (`controls=learningRate,dataset`). Keys are looked up in Maps, never as
 * object properties, so a link's `__proto__` or `toString` is just an unknown
 * key.
 */

/** Strict number parsing: digits only (no hex, no "Infinity", no empty string). */
export function parseNumber(text) {
  const t = String(text).trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : NaN;
}

/** "true", "1" or "" → true; "false" or "0" → false; otherwise null. */
export function parseBoolean(raw) {
  if (raw === "true" || raw === "1" || raw === "") return true;
  if (raw === "false" || raw === "0") return false;
  return null;
}

function decode(s) {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}

/** A value as hash text (arrays comma-separated, commas left readable). */
export function encodeValue(v) {
  const one = (x) => encodeURIComponent(String(x)).replace(/%2C/gi, ",");
  return Array.isArray(v) ? v.map(one).join(",") : one(v);
}

/** Key → raw value of a hash, in order (the last of a repeated key wins). */
export function splitHash(hash) {
  const raw = new Map();
  for (const part of String(hash ?? "").replace(/^#/, "").split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    raw.set(decode(eq < 0 ? part : part.slice(0, eq)), eq < 0 ? "" : decode(part.slice(eq + 1)));
  }
  return raw;
}

/** A hash (with or without "#") without the parts of `key`, the others as written. */
export function withoutKey(hash, key) {
  return String(hash ?? "").replace(/^#/, "").split("&")
    .filter((part) => part !== "" && decode(part.split("=", 1)[0]) !== key).join("&");
}

/** The options every page reads from its hash: how each is checked, and the choices it has. */
const PAGE_OPTIONS = new Map([
  ["embed", { valid: (raw) => parseBoolean(raw) !== null, choices: ["1", "0"] }],
  ["controls", { valid: (raw) => /^[\w,.-]*$/.test(raw) }],
  ["lang", { valid: (raw) => raw === "en" || raw === "ko", choices: ["en", "ko"] }],
]);

/** Whether `key` is a page option (lang, embed, controls). */
export function isPageOption(key) {
  return PAGE_OPTIONS.has(key);
}

/** Whether `raw` is a valid value of page option `key`. */
export function validPageOption(key, raw) {
  return PAGE_OPTIONS.get(key)?.valid(raw) ?? false;
}

/** Why `raw` is not a valid value of page option `key`, as { code, params } (js/core/errors.js words it). */
export function pageOptionProblem(key, raw) {
  const choices = PAGE_OPTIONS.get(key)?.choices;
  return choices ? { code: "unknownChoice", params: { choices, got: raw } } : { code: "wrongType", params: { expected: "keys", got: raw } };
}

/** The page options a hash sets validly, as a Map of raw text. */
export function pageOptionsOf(hash) {
  const out = new Map();
  for (const [key, value] of splitHash(hash)) if (validPageOption(key, value)) out.set(key, value);
  return out;
}

/** True when a hash asks for the embedded view (embed=1 or embed=true). */
export function embedRequested(hash) {
  return parseBoolean(pageOptionsOf(hash).get("embed") ?? "false") === true;
}

/**
 * The page options of `current` (an address's hash) to carry into a new hash,
 * as "key=value" parts: embed=1 unless the state writes its own, the controls
 * kept, and the language unless English.
 */
export function pageOptionParts(current, { stateHasEmbed = false } = {}) {
  const options = pageOptionsOf(current);
  const parts = [];
  for (const key of PAGE_OPTIONS.keys()) {
    if (!options.has(key)) continue;
    const value = options.get(key);
    if (key === "embed" && (stateHasEmbed || !parseBoolean(value))) continue;
    if (key === "lang" && value === "en") continue;
    parts.push(`${key}=${encodeValue(value)}`);
  }
  return parts;
}

/** The HTML attribute of a hash key, as <nn-playground> takes it: learningRate → learning-rate. */
export function attributeName(key) {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
