/**
 * "Fair learning rates": each side trains at its own rate from
 * `pg.suggestLearningRate()` — the best fixed step from the Hessian's bound
 * without hidden layers ("hessian"), a short sweep otherwise ("sweep"). A
 * suggestion depends on the data, the model and the start but not on the
 * current rate, so it is computed once per config (a sweep takes a while).
 */
import { formatRate } from "./panel.js";

/**
 * A side's learning rate and how it was found (null: the state's own rate).
 * @typedef {{ learningRate: number, method: import("../../pkg/nn_playground.js").LearningRateSuggestion["method"] | null }} Rate
 */

/** @type {Map<string, Rate[]>} */
const cache = new Map();
const CACHE_SIZE = 16;

/**
 * One { learningRate, method } per session, for sessions built from the config `key`.
 * @param {string} key
 * @param {import("../../pkg/nn_playground.js").Playground[]} sessions
 * @returns {Rate[]}
 */
export function suggestRates(key, sessions) {
  let rates = cache.get(key);
  if (!rates) {
    rates = sessions.map((pg) => {
      try {
        const s = pg.suggestLearningRate();
        return { learningRate: s.learningRate, method: s.method };
      } catch (err) {
        if (err?.code === "tooMuchWork") err.key = "fair"; // the sweep is refused: mark the toggle
        throw err;
      }
    });
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value);
    cache.set(key, rates);
  }
  return rates;
}

/** "Raw inputs: α = 1.4e-4 (hessian) · Standardized inputs: α = 4 (hessian)". */
export function describeRates(sides, rates) {
  return sides
    .map((side, i) => `${side.title}: α = ${formatRate(rates[i].learningRate)}${rates[i].method ? ` (${rates[i].method})` : ""}`)
    .join(" · ");
}
