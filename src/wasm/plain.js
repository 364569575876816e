// Reads what JS hands to the core into plain data before any of it enters wasm: getters, proxies
// and toJSON run here, inside one try, so a value that throws, nests too deeply or holds too much
// comes back as { error: { code, … } } and never unwinds through wasm frames.

/** Deepest nesting of objects and arrays read. */
const MAX_DEPTH = 32;

/** A refusal of this reader's own (what user code throws is described as `unreadable`). */
class Refusal {
  /** @param {{ code: string, expected?: string, got?: string | number, unit?: string, reason?: string, max?: number, path?: string }} fields */
  constructor(fields) {
    Object.assign(this, fields);
  }
}

/**
 * Whether `v` is a typed array to read as numbers; a typed array of BigInts is refused (its
 * values would lose digits as numbers), a DataView is not one.
 */
function isNumberView(v, path) {
  if (!ArrayBuffer.isView(v) || v instanceof DataView) return false;
  if (v instanceof BigInt64Array || v instanceof BigUint64Array) throw new Refusal({ code: "wrongType", expected: "numbers", got: "bigint", path });
  return true;
}

/**
 * A plain copy of `value`: numbers, strings, booleans, null (for undefined too), arrays (typed
 * arrays become arrays of numbers) and null-prototype objects of own enumerable keys whose value
 * is not undefined. At most `budget` values are read. Anything else — a BigInt, a function, a
 * Date, Map or other object that is not plain data — is refused as of the wrong type, and what
 * a getter or proxy throws is located at the key being read.
 * @returns {{ value: unknown } | { error: object }}
 */
export function plainCopy(value, budget) {
  let left = budget;
  const open = new Set();
  const spend = (n) => {
    left -= n;
    if (left < 0) throw new Refusal({ code: "tooLarge", max: budget, unit: "values" });
  };
  const copyValue = (v, depth, path) => {
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
        throw new Refusal({ code: "wrongType", expected: "plain data", got: typeof v, path });
    }
    if (v === null) return null;
    if (depth >= MAX_DEPTH || open.has(v)) throw new Refusal({ code: "unreadable", reason: "nested too deeply, or it contains itself", path });
    open.add(v);
    let out;
    if (isNumberView(v, path)) {
      spend(v.length);
      out = Array.from(v, Number);
    } else if (Array.isArray(v)) {
      const n = v.length;
      if (n > left) spend(n); // refused before reading a huge array; each item spends as it is read
      out = new Array(n);
      for (let i = 0; i < n; i++) {
        const at = `${path}[${i}]`;
        out[i] = copy(read(v, i, at), depth + 1, at);
      }
    } else {
      const kind = Object.prototype.toString.call(v).slice(8, -1);
      if (kind !== "Object") throw new Refusal({ code: "wrongType", expected: "plain object", got: kind, path });
      out = Object.create(null);
      for (const key of Object.keys(v)) {
        const at = path ? `${path}.${key}` : key;
        const item = read(v, key, at);
        if (item !== undefined) out[key] = copy(item, depth + 1, at);
      }
    }
    open.delete(v);
    return out;
  };
  // Where the reading failed: what user code threw, at the value being read; a refusal without a
  // place of its own (the budget running out), at the top-level key it ran out under.
  const copy = (v, depth, path) => {
    try {
      return copyValue(v, depth, path);
    } catch (e) {
      if (!(e instanceof Refusal)) throw new Refusal({ code: "unreadable", reason: reasonOf(e), path });
      if (e.path === undefined && depth === 1) e.path = path;
      throw e;
    }
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
    if (isNumberView(value, "")) {
      if (value.length > max) throw new Refusal({ code: "tooLarge", max, got: value.length, unit: "numbers" });
      return { value: Float64Array.from(value, Number) };
    }
    if (!Array.isArray(value)) throw new Refusal({ code: "wrongType", expected: "numbers", got: value === null ? "null" : typeof value });
    const n = value.length;
    if (n > max) throw new Refusal({ code: "tooLarge", max, got: n, unit: "numbers" });
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = value[i];
      if (typeof x !== "number") throw new Refusal({ code: "wrongType", expected: "number", got: x === null ? "null" : typeof x, path: `[${i}]` });
      out[i] = x;
    }
    return { value: out };
  } catch (e) {
    return { error: describe(e) };
  }
}

/** `v[key]`; what a getter or proxy throws is refused as unreadable at `path`. */
function read(v, key, path) {
  try {
    return v[key];
  } catch (e) {
    throw new Refusal({ code: "unreadable", reason: reasonOf(e), path });
  }
}

/** Why reading threw, in words (never throwing itself). */
function reasonOf(e) {
  try {
    const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return reason.slice(0, 200);
  } catch {
    return "it threw while being read";
  }
}

/** A fresh plain description of what was thrown: a refusal's code and fields, or the reason. */
function describe(e) {
  if (!(e instanceof Refusal)) return { code: "unreadable", reason: reasonOf(e) };
  const out = { code: e.code };
  for (const key of ["expected", "got", "unit", "reason", "max", "path"]) {
    const v = e[key];
    if (typeof v === "string" || typeof v === "number") out[key] = v;
  }
  return out;
}
