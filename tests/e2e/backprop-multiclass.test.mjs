/**
 * The backprop explorer with more than two classes (www/backprop.html, classes=3): the Classes
 * field and the datasets kept together; a softmax output of one unit per class; the loss stage's
 * L = −log ŷ_y; δ[L] = (softmax(z[L]) − onehot(y))/m shown with the trace's own numbers, the
 * lecture's binary formula generalized; the update applied as previewed; the walk in Korean.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { waitFor, browserSuite, parseShown, englishLeft, KEPT_IN_KOREAN } from "./helpers.mjs";
import { explorerLoader, openStage, assertShown } from "./backprop-helpers.mjs";

const suite = browserSuite();
const loadExplorer = explorerLoader(suite);

test("three classes: a softmax output, L = −log ŷ_y, and δ[L] = (softmax(z) − onehot(y))/m with the trace's numbers", async () => {
  const { page, consoleErrors, pageErrors } = await suite.fresh();
  await loadExplorer(page, "#dataset=spiral&classes=3");
  assert.equal(await page.inputValue("#classes"), "3");
  const trace = await page.evaluate(() => window.nnBackprop.trace);
  const { m, targets } = trace;
  const out = trace.layers.at(-1);
  assert.deepEqual([out.nOut, m], [3, 4]);

  // Forward: ŷ = softmax(z[3]), each column summing to 1.
  const a3 = await openStage(page, "a3");
  assert.equal(await page.textContent("#stage-title"), "Forward, output: ŷ = softmax(z[3])");
  assert.match(await page.textContent("#stage-explain"), /each column sums to 1/);
  assert.equal(a3["ŷ = a[3]"].shape, "3 × 4");
  assertShown(a3["ŷ = a[3]"].cells, out.a, "ŷ");
  assert.equal((await page.textContent("#stage-terms .mx-op")).trim(), "softmax");

  // The cost: categorical cross-entropy, each example's loss −log ŷ_y.
  await openStage(page, "loss");
  assert.equal(await page.textContent("#stage-title"), "Cost: categorical cross-entropy, averaged over the examples");
  assert.equal(await page.locator("#stage-equation mtr").count(), 2, "two lines: L, then J");
  assert.match(await page.textContent("#stage-equation"), /L=−log\s*ŷy/);
  assert.match(await page.textContent("#stage-explain"), /L = −log ŷy/);
  assert.equal(Number(await page.getAttribute("#stage-terms output.scalar", "data-value")), trace.cost);

  // Backward: δ[3] = (ŷ − onehot(y))/m, the lecture's binary formula generalized.
  const d3 = await openStage(page, "delta3");
  assert.match(await page.textContent("#stage-explain"), /^The lecture's binary formula generalized/);
  assert.match(await page.textContent("#stage-equation"), /onehot/);
  assert.equal(d3["onehot(y)"].shape, "3 × 4");
  const oneHot = Array.from({ length: 3 * m }, (_, k) => (targets[k % m] === Math.floor(k / m) ? 1 : 0));
  assert.deepEqual(d3["onehot(y)"].cells.map(parseShown), oneHot, "a 1 in the row of each example's class");
  assert.equal(d3["δ[3]"].shape, "3 × 4");
  assertShown(d3["δ[3]"].cells, out.delta, "δ[3]");
  out.delta.forEach((d, k) => assert.ok(Math.abs(d - (out.a[k] - oneHot[k]) / m) < 1e-12, `δ entry ${k} = (ŷ − onehot(y))/m`));
  assert.equal(await page.textContent("#stage-sizes"), "δ[3]: 3 × 4, the size of z[3]");

  // The update the stage previews is the one applied.
  await openStage(page, "update");
  await page.click("#apply-update");
  assert.match(await page.textContent("#apply-status"), /equal the ones the update stage showed ✓/);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("the explorer's Classes field and datasets go together; two classes keep the sigmoid", async () => {
  const { page, pageErrors } = await suite.fresh();
  await loadExplorer(page, "");
  await page.fill("#classes", "4");
  await page.press("#classes", "Enter");
  await waitFor(page, () => window.nnBackprop.playground.config().classes === 4);
  assert.equal(await page.evaluate(() => window.nnBackprop.playground.config().dataset), "gauss", "the circle has two classes: the first dataset with more");
  assert.equal(await page.evaluate(() => window.nnBackprop.trace.layers.at(-1).nOut), 4);
  await page.selectOption("#dataset", "moons");
  await waitFor(page, () => window.nnBackprop.playground.config().dataset === "moons");
  assert.equal(await page.evaluate(() => window.nnBackprop.playground.config().classes), 2);
  await openStage(page, "a3");
  assert.equal(await page.textContent("#stage-title"), "Forward, output: ŷ = σ(z[3])");
  assert.deepEqual(pageErrors, []);
});

test("the softmax stages in Korean, no English left", async () => {
  const { page, pageErrors } = await suite.fresh();
  await loadExplorer(page, "#dataset=pinwheel&classes=3&lang=ko");
  for (const id of ["input", "a3", "loss", "delta3"]) {
    await openStage(page, id);
    assert.deepEqual(await englishLeft(page, [...KEPT_IN_KOREAN, "softmax", "onehot"]), [], id);
  }
  assert.match(await page.textContent("#stage-explain"), /강의의 이진 공식을 일반화/);
  assert.deepEqual(pageErrors, []);
});
