#!/usr/bin/env node
/**
 * Fuzzes the package and the pages' link parsers in Node with seeded junk (junk.mjs):
 *
 * - every export of the package — the Playground constructor, each of its methods, fromModel
 *   and the free functions — called with junk arguments (and, one time in three, nearly right
 *   ones) on playgrounds built from junk configs; each outcome is a result, a named error (an
 *   Error with `code`), a trap (a WebAssembly RuntimeError) or an unnamed error (anything else
 *   thrown); every 200 calls the module must still build and train a new playground, and an
 *   older one must still step;
 * - every page's link parser (playground, both labs, the backprop explorer) on junk hashes:
 *   it must not throw, and the state it returns must be a config the core accepts;
 * - the trained weights of a playground link (the `model` key): junk text, and the link of a
 *   trained network cut, altered or extended; reading never throws, weights read are restored
 *   or refused by name under the link's settings, and an untouched link restores every weight.
 *
 *   node tests/fuzz/fuzz.mjs [--calls N] [--links N] [--seed S]
 *
 * Prints a table (inputs tried, named errors, traps, unnamed errors, hangs, slowest call) and
 * exits non-zero when anything trapped, threw unnamed, hung (a call over HANG_MS), or left the
 * module unhealthy. `make test` runs a short seeded run, `make fuzz` a long one.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { generator, junk, config, hash } from "./junk.mjs";

const PKG = new URL("../../www/pkg/", import.meta.url);
const wasm = await import(new URL("nn_playground.js", PKG).href);
wasm.initSync({ module: readFileSync(new URL("nn_playground_bg.wasm", PKG)) });
const { Playground } = wasm;

/** A call longer than this counts as a hang (the work budget aims at about a second). */
const HANG_MS = 10_000;

const options = new Map();
for (let i = 2; i < process.argv.length; i += 2) options.set(process.argv[i].replace(/^--/, ""), Number(process.argv[i + 1]));
const CALLS = options.get("calls") ?? 3000;
const LINKS = options.get("links") ?? 2000;
const SEED = options.get("seed") ?? 1;

const schema = wasm.configSchema();
const g = generator(SEED);

/** Outcome counts of one family of calls. */
function tally() {
  return { tried: 0, ok: 0, named: 0, traps: 0, unnamed: 0, hangs: 0, slowestMs: 0, examples: [] };
}

const rows = new Map();
/** The counts of `family`. */
function row(family) {
  if (!rows.has(family)) rows.set(family, tally());
  return rows.get(family);
}

/** Run `call`, count what happened in `counts`; returns its result (undefined when it threw). */
function attempt(counts, label, call) {
  counts.tried += 1;
  const t0 = performance.now();
  try {
    const result = call();
    counts.ok += 1;
    return result;
  } catch (err) {
    const named = err instanceof Error && typeof err.code === "string";
    if (err instanceof WebAssembly.RuntimeError) counts.traps += 1;
    else if (named) counts.named += 1;
    else counts.unnamed += 1;
    if (!named && counts.examples.length < 3) {
      counts.examples.push(`${label}: ${err?.constructor?.name}: ${String(err?.message ?? err).slice(0, 120)}`);
    }
    return undefined;
  } finally {
    const ms = performance.now() - t0;
    counts.slowestMs = Math.max(counts.slowestMs, ms);
    if (ms > HANG_MS) counts.hangs += 1;
  }
}

/** Healthy: a new playground builds and trains, and `old` (if any) still steps. */
function healthy(old) {
  try {
    const fresh = new Playground({ samples: 50 });
    const ok = Number.isFinite(fresh.step(2).trainLoss) && (!old || old.step(0).step >= 0);
    fresh.free();
    return ok;
  } catch {
    return false;
  }
}

const METHODS = Object.getOwnPropertyNames(Playground.prototype)
  .filter((name) => !["constructor", "free"].includes(name) && !name.startsWith("__"));
const FUNCTIONS = Object.entries(wasm)
  .filter(([name, f]) => typeof f === "function" && f !== Playground && !["initSync", "default"].includes(name));

/** Junk arguments: up to five. */
function junkArgs() {
  return Array.from({ length: g.below(6) }, () => junk(g));
}

/** Arguments close to right for the calls that take some, so the fuzz reaches past the type checks. */
const number = () => g.pick([0, 1, 3, 10, 64, 100, 201, 2000, 1e6, -1, 0.5, NaN, Infinity, 1e308]);
const window = () => g.pick([[-6, 6, -6, 6], [0, 0, 0, 0], [6, -6, -6, 6], [-1e9, 1e9, -1e308, 1e308]]);
const PLAUSIBLE = {
  step: () => [number()],
  predict: () => [g.pick([new Float32Array([0, 0, 1, 2]), [1e9, -1e9], [NaN, 1], Array(7).fill(1)])],
  boundary: () => [number(), ...window()],
  unitOutputs: () => [number(), ...window()],
  inputOutputs: () => [number(), ...window()],
  confusionMatrix: () => [g.pick([undefined, "train", "test", "both"])],
  points: () => [g.pick(["train", "test", "both"])],
  lossSurface: () => [{
    kind: g.pick(["weights2d", "random", "pca", "line", "x"]), res: number(), span: g.pick([undefined, number()]),
    unit: g.pick([0, 1, 200]), precision: g.pick(["single", "double"]),
  }],
  layerStats: () => [g.pick([undefined, number()])],
  backpropTrace: () => [g.pick([undefined, [0, 1, 2], [number(), number()], new Uint32Array([5, 4e9])])],
  batchLossNoise: () => [g.pick([undefined, number()])],
  activationCurve: () => [g.pick(["tanh", "relu", "sigmoid", "x"]), -number(), number(), number()],
  initVariance: () => [g.pick(["xavier", "he", "zeros", "x"]), number(), number(), number()],
  deepLinearToy: () => [number(), number()],
  parsePointsCsv: () => [g.pick(["x,y,label\n1,2,1\n3,4,0", "1,2,1\r\n", "\ufeff\"1\",\"2\",\"0\"", "1,2\n", ""])],
  pointsToCsv: () => [g.pick([[1, 2, 1], [1, 2, 3, 4], new Float64Array([NaN, 1, 0])])],
};

/** Junk arguments, or (one time in three) nearly right ones. */
function argsFor(name) {
  return PLAUSIBLE[name] && g.below(3) === 0 ? PLAUSIBLE[name]() : junkArgs();
}

/** An exported model with a few fields replaced: parameters scaled, config keys changed, or junk. */
function mutatedModel(pg) {
  const pristine = pg.exportModel();
  const model = { ...pristine };
  for (let i = 1 + g.below(2); i > 0; i--) {
    const field = g.pick(["format", "version", "config", "parameters", "step", "extra"]);
    if (field === "parameters" && g.below(2)) model.parameters = pristine.parameters.map((p) => p * g.pick([1, -1, 1e154, NaN, 0]));
    else if (field === "config" && g.below(2)) model.config = { ...pristine.config, ...config(g, schema) };
    else model[field] = junk(g);
  }
  return model;
}

const families = [
  ...METHODS.map((name) => [`Playground.${name}`, (pg) => pg[name](...argsFor(name))]),
  ...FUNCTIONS.map(([name, f]) => [name, () => f(...argsFor(name))]),
  ["Playground.fromModel", (pg) => Playground.fromModel(mutatedModel(pg))],
  ["new Playground", () => new Playground(g.below(2) ? config(g, schema) : junk(g))],
];

// A pool of playgrounds from junk configs (those the core accepts), each trained a little.
const pool = [];
function refill() {
  while (pool.length < 4) {
    const pg = attempt(row("new Playground"), "new Playground", () => new Playground(config(g, schema)));
    if (pg) {
      pg.step(3);
      pool.push(pg);
    }
  }
}

const unhealthy = [];
const began = performance.now();
for (let i = 0; i < CALLS; i++) {
  refill();
  const [family, call] = g.pick(families);
  const made = attempt(row(family), family, () => call(g.pick(pool)));
  if (made instanceof Playground) made.free();
  if (g.below(50) === 0) pool.splice(g.below(pool.length), 1)[0].free();
  if (i % 200 === 199 && !healthy(pool[0])) unhealthy.push(`after ${i + 1} calls (${family})`);
}
if (!healthy(pool[0])) unhealthy.push("at the end of the API calls");

// The pages' link parsers: any hash gives a state whose config the core accepts.
const pages = [
  ["playground link", (await import("../../www/js/playground/state.js")).describePlayground(schema)],
  ["normalization link", (await import("../../www/js/normalization/state.js")).describeLab(schema)],
  ["initialization link", (await import("../../www/js/initialization/state.js")).describeLab(schema)],
  ["backprop link", (await import("../../www/js/backprop/state.js")).describeExplorer(schema)],
];
for (let i = 0; i < LINKS; i++) {
  const [family, description] = g.pick(pages);
  const text = hash(g, description.keys);
  attempt(row(family), family, () => {
    const { state } = description.parse(text);
    new Playground(description.toConfig(state)).free();
  });
}

// Trained weights in a playground link.
const { LinkedModels, readModelLink } = await import("../../www/js/shell/linked-models.js");
const { encodeModelLink, MODEL_KEY } = await import("../../www/js/core/model-link.js");
const playgroundLink = pages[0][1];
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** The model key of `pg`'s weights, left alone (`intact`) or cut, altered in one place, or followed by junk. */
function damaged(pg, intact) {
  const text = encodeModelLink({ parameters: pg.exportModel().parameters, step: g.below(1000), epoch: 0 });
  if (intact) return text;
  const at = g.below(text.length + 1);
  switch (g.below(4)) {
    case 0: return text.slice(0, at);
    case 1: return `${text.slice(0, at)}${g.pick([...BASE64URL])}${text.slice(at + 1)}`;
    case 2: return `${g.pick([...BASE64URL])}${text.slice(1)}`;
    default: return `${text}${hash(g, [MODEL_KEY])}`;
  }
}

for (let i = 0; i < LINKS; i++) {
  attempt(row("playground model link"), "playground model link", () => {
    const { state } = playgroundLink.parse(hash(g, playgroundLink.keys));
    const config = playgroundLink.toConfig(state);
    const trained = g.below(3) ? new Playground(config) : null;
    trained?.step(g.below(20));
    const intact = trained !== null && g.below(4) === 0;
    const text = trained ? damaged(trained, intact) : hash(g, [MODEL_KEY]);
    const { rest, link } = readModelLink(`${playgroundLink.serialize(state)}&${MODEL_KEY}=${text}`);
    const restored = new LinkedModels().restore(Playground, playgroundLink.toConfig(playgroundLink.parse(rest).state), link);
    if ("pg" in restored) {
      if (intact && JSON.stringify(restored.pg.exportModel().parameters) !== JSON.stringify(trained.exportModel().parameters)) {
        throw new Error("an intact link restored other weights");
      }
      restored.pg.free();
    } else if (intact) {
      throw new Error(`an intact link was refused: ${restored.problem.code}`);
    }
    trained?.free();
  });
}

const seconds = ((performance.now() - began) / 1000).toFixed(1);
const failures = [...rows.values()].reduce((sum, r) => sum + r.traps + r.unnamed + r.hangs, 0) + unhealthy.length;
const cell = (value, width) => String(value).padStart(width);
console.log(`fuzz (seed ${SEED}): ${CALLS} API calls and ${LINKS} links in ${seconds} s`);
console.log(`${"family".padEnd(32)}${cell("tried", 7)}${cell("ok", 7)}${cell("named", 7)}${cell("traps", 7)}${cell("unnamed", 9)}${cell("hangs", 7)}${cell("slowest", 10)}`);
for (const [family, r] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`${family.padEnd(32)}${cell(r.tried, 7)}${cell(r.ok, 7)}${cell(r.named, 7)}${cell(r.traps, 7)}${cell(r.unnamed, 9)}${cell(r.hangs, 7)}${cell(`${r.slowestMs.toFixed(0)} ms`, 10)}`);
  for (const example of r.examples) console.log(`    ${example}`);
}
for (const when of unhealthy) console.log(`module unhealthy ${when}`);
console.log(failures === 0 ? "no trap, no unnamed error, no hang; the module stayed healthy" : `${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
