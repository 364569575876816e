/**
 * Junk for the fuzz tests, from a seeded generator: values of every type a caller could pass
 * (wrong types, hostile objects whose getters or proxy traps throw, cycles, huge and non-finite
 * numbers, keys named like Object.prototype's members), configs and requests that are right
 * except for a few keys, and link hashes.
 */

/** A seeded generator of numbers in [0, 1) (mulberry32). */
export function generator(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n) => Math.floor(next() * n);
  const pick = (items) => items[below(items.length)];
  return { next, below, pick };
}

const NUMBERS = [0, -0, 1, -1, 0.5, 2, 3, 7, 10, 100, 255, 1e6, 1e9, 2 ** 31, 2 ** 32, 2 ** 53, -(2 ** 53),
  1e308, -1e308, 5e-324, Infinity, -Infinity, NaN, 0.1, 1e-7, 201, 2000, 5000];
const WORDS = ["", "train", "test", "circle", "xor", "spiral", "custom", "plane", "tanh", "relu", "sigmoid",
  "xavier", "he", "zeros", "adam", "sgd", "weights2d", "random", "pca", "line", "single", "double",
  "regression", "__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "12", "1,2", "8,8",
  "nn-playground-model", "x,y,label\n1,2,1\n3,4,0", "\ufeff1,2,1\r3,4,0", "NaN", "-1e400", "é", "한국어"];
const PROTO_KEYS = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "prototype"];

/** A value that throws when read: getters, proxy traps, revoked proxies. */
function hostile(g) {
  switch (g.below(7)) {
    case 0: return { get dataset() { throw new Error("getter"); }, get length() { throw 1; } };
    case 1: return new Proxy({}, { ownKeys() { throw new Error("ownKeys"); } });
    case 2: return new Proxy([1, 2], { get() { throw new Error("get"); } });
    case 3: { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; }
    case 4: { const o = { hidden: [2] }; o.self = o; return o; }
    case 5: return { valueOf() { throw 1; }, toString() { throw 2; }, [Symbol.toPrimitive]() { throw 3; } };
    default: return new Proxy({}, { getOwnPropertyDescriptor() { throw 1; }, has() { throw 2; } });
  }
}

/** Any value: `depth` bounds nesting. */
export function junk(g, depth = 2) {
  switch (g.below(depth > 0 ? 17 : 9)) {
    case 0: return g.pick([undefined, null, true, false]);
    case 1: case 2: return g.pick(NUMBERS);
    case 3: return (g.next() - 0.5) * 10 ** g.below(12);
    case 4: return g.pick(WORDS);
    case 5: return g.pick([Symbol("x"), 10n, () => 1, new Date(0), /x/, new Map([[1, 2]])]);
    case 6: return hostile(g);
    case 7: return g.pick([{ length: -1 }, { length: 1e9 }, { length: 2 ** 32 }, { length: "3" }, new Array(5)]);
    case 8: return g.pick(["x".repeat(100_000), new Float32Array([NaN, 1]), new Float64Array(7), new Uint32Array([1, 2])]);
    case 9: case 10: return Array.from({ length: g.below(8) }, () => junk(g, depth - 1));
    case 11: return Array.from({ length: g.below(4) * 2 }, () => g.pick(NUMBERS));
    case 12: return JSON.parse(`{"${g.pick(PROTO_KEYS)}": ${JSON.stringify(g.pick(WORDS))}}`);
    case 13: return Object.setPrototypeOf({ samples: 50 }, hostile(g)); // reads may reach a hostile prototype
    default: {
      // Own properties even for "__proto__" (defined, not assigned, so no setter runs).
      const o = g.below(4) === 0 ? Object.create(null) : {};
      for (let i = g.below(5); i > 0; i--) {
        Object.defineProperty(o, g.pick([...WORDS, ...PROTO_KEYS]), { value: junk(g, depth - 1), enumerable: true, configurable: true, writable: true });
      }
      return o;
    }
  }
}

/** A config: the schema's defaults with a few keys replaced by junk or by another valid-looking value. */
export function config(g, schema) {
  const base = {};
  for (const setting of schema.settings) {
    if (g.below(8) === 0) base[setting.key] = g.below(2) ? junk(g) : nearby(g, setting);
  }
  if (g.below(4) === 0) Object.defineProperty(base, g.pick(PROTO_KEYS), { value: junk(g), enumerable: true });
  // Keep most networks and data small so a run gets through many calls.
  if (g.below(4)) base.samples = g.pick([10, 50, 200]);
  if (g.below(4)) base.hidden = g.pick([[], [3], [4, 2]]);
  return base;
}

/** A value a setting might take, often just outside its limits. */
function nearby(g, setting) {
  switch (setting.type) {
    case "choice": return g.pick([...setting.choices, "nope"]);
    case "set": return Array.from({ length: g.below(4) }, () => g.pick([...setting.choices, "nope"]));
    case "layers": return Array.from({ length: g.below(4) }, () => g.pick([0, 1, 3, 8, 129, 2.5]));
    case "pair": return [g.pick(NUMBERS), g.pick(NUMBERS)];
    case "points": return Array.from({ length: 3 * g.below(6) }, () => g.pick([0, 1, -2, 0.5, NaN]));
    default: return g.pick([setting.min, setting.max, setting.default, (setting.max ?? 0) * 2, -1].filter((v) => v !== undefined));
  }
}

/** A link hash: known keys with junk values, unknown and prototype-named keys, broken encodings. */
export function hash(g, keys) {
  const parts = [];
  for (let i = g.below(8); i > 0; i--) {
    const key = g.below(4) ? g.pick(keys) : g.pick([...PROTO_KEYS, "", "x", "%E0%A4%A", "a=b"]);
    const value = g.below(3) ? String(junkText(g)) : encodeURIComponent(String(junkText(g)));
    parts.push(g.below(8) ? `${key}=${value}` : key);
  }
  return parts.join(g.below(10) ? "&" : "&&");
}

function junkText(g) {
  return g.pick([...WORDS, ...NUMBERS.map(String), "1e400", "-0", "0x10", "1_000", "8,,8", "8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8",
    "1,2,1;3,4,0", "%", "%%", "\u0000", "a".repeat(5000)]);
}
