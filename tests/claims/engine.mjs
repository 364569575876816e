/**
 * The engine as the claims' checks use it: the wasm package loaded in Node, and each page's own
 * link parser, so a claim runs under exactly the config its page would build from its link.
 */
import { readFileSync } from "node:fs";

const PKG = new URL("../../www/pkg/", import.meta.url);
export const wasm = await import(new URL("nn_playground.js", PKG).href);
wasm.initSync({ module: readFileSync(new URL("nn_playground_bg.wasm", PKG)) });

export const schema = wasm.configSchema();

/** Each page's state description (hash ↔ state ↔ config). */
export const pages = {
  playground: (await import("../../www/js/playground/state.js")).describePlayground(schema),
  normalization: (await import("../../www/js/normalization/state.js")).describeLab(schema),
  initialization: (await import("../../www/js/initialization/state.js")).describeLab(schema),
  backprop: (await import("../../www/js/backprop/state.js")).describeExplorer(schema),
};

/** The state a page builds from `hash` (with or without "#"); a link the page would not fully understand throws. */
export function linkState(page, hash) {
  const { state, problems } = pages[page].parse(hash.replace(/^#/, ""));
  if (problems.length) throw new Error(`${page} does not understand ${hash}: ${JSON.stringify(problems)}`);
  return state;
}

/** The config a page builds from `hash`, with `changes` (the sentence's own edits: "set the learning rate to 0.1"). */
export function linkConfig(page, hash, changes = {}) {
  return { ...pages[page].toConfig(linkState(page, hash)), ...changes };
}

/**
 * Run `fn(pg)` on a new playground of `config`, freeing it after. A config without a seed runs
 * with seed 1 (the schema's default), so every claim is checked on the same runs every time.
 */
export function using(config, fn) {
  const pg = new wasm.Playground({ seed: 1, ...config });
  try {
    return fn(pg);
  } finally {
    pg.free();
  }
}

/**
 * The seeds every claim is checked over: 1, 2 and 3, or for a survey of how far a claim holds
 * the comma-separated list in CLAIM_SEEDS (`CLAIM_SEEDS=4,5,6 make test-claims`).
 */
export const SEEDS = seedsFrom(process.env.CLAIM_SEEDS);

/** The seeds of a CLAIM_SEEDS value ([1, 2, 3] when unset); anything but whole numbers throws. */
function seedsFrom(list) {
  if (list === undefined || list === "") return [1, 2, 3];
  const seeds = list.split(",").map((s) => Number(s.trim()));
  if (!seeds.every((s) => Number.isInteger(s) && s >= 0 && s < 2 ** 32)) {
    throw new Error(`CLAIM_SEEDS must be comma-separated whole numbers 0 … 2³² − 1, got "${list}"`);
  }
  return seeds;
}

/** Updates until the training loss is at or below `target` (checked after every update), or null within `max`. */
export function updatesTo(pg, target, max) {
  for (let k = 1; k <= max; k++) {
    const report = pg.step(1);
    if (report.diverged) return null;
    if (report.trainLoss <= target) return k;
  }
  return null;
}

/** The median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Run `n` updates in calls of at most 10 000 (each call's work is bounded); returns the last report. */
export function train(pg, n) {
  let report = pg.step(0);
  for (let done = 0; done < n && !report.diverged; done += 10_000) report = pg.step(Math.min(10_000, n - done));
  return report;
}
