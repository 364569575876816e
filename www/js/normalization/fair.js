/**
 * "Fair learning rates": each side trains at its own rate from
 * `pg.suggestLearningRate()` — the best fixed step from the Hessian's bound
 * without hidden layers ("hessian"), a short sweep otherwise ("sweep"). A
 * suggestion depends on the data, the model and the start but not on the
 * current rate, so it is computed once per config, off the main thread.
 */
import { formatRate } from "./panel.js";
import { Computation } from "../core/compute.js";

/**
 * A side's learning rate and how it was found (null: the state's own rate).
 * @typedef {{ learningRate: number, method: import("../../pkg/nn_playground.js").LearningRateSuggestion["method"] | null }} Rate
 */

/** @type {Map<string, Rate[]>} */
const cache = new Map();
const CACHE_SIZE = 16;

/** The sweeps, run in the compute worker: a sweep with hidden layers takes a while. */
const sweeps = new Computation("suggestLearningRate");

/** The rates already found for the config `key`, or null. */
export function cachedRates(key) {
  return cache.get(key) ?? null;
}

/**
 * One { learningRate, method } per side, for the sides' configs (which share `key`), computed
 * in the compute worker and remembered. A newer request, or `cancelRates()`, drops this one (its
 * promise rejects with `{ cancelled: true }`); a sweep the core refuses is marked on the toggle.
 * @param {string} key
 * @param {object[]} configs
 * @returns {Promise<Rate[]>}
 */
export async function suggestRates(key, configs) {
  const rates = [];
  for (const config of configs) {
    try {
      const s = await sweeps.run({ config });
      rates.push({ learningRate: s.learningRate, method: s.method });
    } catch (err) {
      if (err?.code === "tooMuchWork") err.key = "fair"; // the sweep is refused: mark the toggle
      throw err;
    }
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value);
  cache.set(key, rates);
  return rates;
}

/** Drop a sweep still running (its sides were rebuilt). */
export function cancelRates() {
  sweeps.cancel();
}

/** "Raw inputs: α = 1.4e-4 (hessian) · Standardized inputs: α = 4 (hessian)". */
export function describeRates(sides, rates) {
  return sides
    .map((side, i) => `${side.title}: α = ${formatRate(rates[i].learningRate)}${rates[i].method ? ` (${rates[i].method})` : ""}`)
    .join(" · ");
}
