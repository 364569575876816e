/**
 * What the backprop explorer's end-to-end tests share: loading the page, opening a stage by its
 * chip with the matrices it shows, and checking shown numbers against the trace's.
 */
import assert from "node:assert/strict";
import { loadPlayground, waitFor, parseShown } from "./helpers.mjs";

/**
 * A loader of the explorer for a browser suite: `(page, hash)` loads backprop.html with the hash
 * and waits until its first stage is drawn.
 * @param {{ base: string }} suite
 */
export function explorerLoader(suite) {
  return (page, hash = "") => loadPlayground(page, suite.base, `backprop.html${hash}`);
}

/** Go to a stage by its chip and return its matrices by name: { shape, cells (as text) }. */
export async function openStage(page, id) {
  await page.click(`.stage-button[data-stage=${id}]`);
  await waitFor(page, (s) => window.nnBackprop.stage === s, id);
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll("#stage-terms .mx")].map((m) => [
    m.querySelector(".mx-name").textContent,
    { shape: m.querySelector(".mx-shape").textContent, cells: [...m.querySelectorAll(".mx-cell")].map((c) => c.textContent) },
  ])));
}

/** The shown cells (3 decimals, or 3 significant digits) against the trace's numbers. */
export function assertShown(cells, values, what) {
  assert.equal(cells.length, values.length, `${what}: ${cells.length} cells`);
  cells.map(parseShown).forEach((v, k) => {
    assert.ok(Math.abs(v - values[k]) <= 5e-4 + 5e-3 * Math.abs(values[k]), `${what} entry ${k}: ${v} vs ${values[k]}`);
  });
}
