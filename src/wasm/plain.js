// Reads what JS hands to the core into plain data before any of it enters wasm: getters, proxies
// and toJSON run here, inside one try, so a value that throws, nests too deeply or holds too much
// comes back as { error: { code, … } } and never unwinds through wasm frames.

/** Deepest nesting of objects and arrays read. */
const MAX_DEPTH = 32;

/**
 * A plain copy of `value`: numbers, strings, booleans, null (for undefined too), arrays (typed
 * arrays become arrays of numbers) and null-prototype objects of own enumerable keys whose value
 * is not undefined. At most `budget` values are read.
 * @returns {{ value: unknown } | { error: object }}
 */
export function plainCopy(value, budget) {
  let left = budget;
  const open = new Set();
  const spend = (n) => {
    left -= n;
    if (left < 0) throw { code: "tooLarge", max: budget, unit: "values" };
  };
  const copy = (v, depth, path) => {
    spend(1);
    switch (typeof v) {
      case "number":
      case "string":
      case "boolean":
        return v;
      case "undefined":
        return null;
      case "object":
        break;
      default:
        throw { code: "wrongType", expected: "plain data", got: typeof v, path };
    }
    if (v === null) return null;
    if (depth >= MAX_DEPTH || open.has(v)) throw { code: "unreadable", reason: "nested too deeply, or it contains itself", path };
    open.add(v);
    let out;
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      spend(v.length);
      out = Array.from(v, Number);
    } else if (Array.isArray(v)) {
      const n = v.length;
      if (n > left) spend(n); // refused before reading a huge array; each item spends as it is read
      out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = copy(v[i], depth + 1, `${path}[${i}]`);
    } else {
      out = Object.create(null);
      for (const key of Object.keys(v)) {
        const item = v[key];
        if (item !== undefined) out[key] = copy(item, depth + 1, path ? `${path}.${key}` : key);
      }
    }
    open.delete(v);
    return out;
  };
  try {
    return { value: copy(value, 0, "") };
  } catch (e) {
    return { error: describe(e) };
  }
}

/**
 * `value` as a Float64Array: a typed array, or an array of numbers, of at most `max` numbers.
 * @returns {{ value: Float64Array } | { error: object }}
 */
export function numberArray(value, max) {
  try {
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      if (value.length > max) throw { code: "tooLarge", max, got: value.length, unit: "numbers" };
      return { value: Float64Array.from(value, Number) };
    }
    if (!Array.isArray(value)) throw { code: "wrongType", expected: "numbers", got: value === null ? "null" : typeof value };
    const n = value.length;
    if (n > max) throw { code: "tooLarge", max, got: n, unit: "numbers" };
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = value[i];
      if (typeof x !== "number") throw { code: "wrongType", expected: "number", got: x === null ? "null" : typeof x, path: `[${i}]` };
      out[i] = x;
    }
    return { value: out };
  } catch (e) {
    return { error: describe(e) };
  }
}

/** A fresh plain description of what was thrown: its code and known fields, or the reason. */
function describe(e) {
  try {
    if (e !== null && typeof e === "object" && typeof e.code === "string" && !(e instanceof Error)) {
      const out = { code: e.code };
      for (const key of ["expected", "got", "unit", "reason", "max", "path"]) {
        const v = e[key];
        if (typeof v === "string" || typeof v === "number") out[key] = v;
      }
      return out;
    }
    const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { code: "unreadable", reason: reason.slice(0, 200) };
  } catch {
    return { code: "unreadable", reason: "it threw while being read" };
  }
}
