/**
 * The backprop explorer with batch normalization (www/backprop.html, batchNorm=on): the
 * normalization's stages in the walk with the trace's own numbers (μ_B, σ²_B, ẑ, z̃ forward;
 * ∂J/∂γ, ∂J/∂β and δ backward), γ in the update, the checkbox and the link, a batch of one,
 * and the walk in Korean.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { waitFor, browserSuite, parseShown, englishLeft } from "./helpers.mjs";
import { explorerLoader, openStage, assertShown } from "./backprop-helpers.mjs";

const suite = browserSuite();
const { fresh } = suite;
const loadExplorer = explorerLoader(suite);

test("batch normalization adds its stages between z and a and on the way back, with the trace's numbers", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadExplorer(page, "#batchNorm=on");
  assert.equal(await page.isChecked("#batchNorm"), true);
  assert.deepEqual(await page.evaluate(() => window.nnBackprop.stages), [
    "input", "z1", "bn1", "a1", "z2", "bn2", "a2", "z3", "a3", "loss",
    "delta3", "grad3", "delta2", "bnback2", "grad2", "delta1", "bnback1", "grad1", "update",
  ]);
  const trace = await page.evaluate(() => window.nnBackprop.trace);
  const [first] = trace.layers;
  assert.equal(trace.m, 4);

  // z[1] has no bias; the normalization stage shows μ_B and σ²_B of the batch, ẑ and z̃.
  const z1 = await openStage(page, "z1");
  assert.ok(!Object.keys(z1).some((name) => name.startsWith("b")), `no bias: ${Object.keys(z1)}`);
  const bn1 = await openStage(page, "bn1");
  assert.equal(await page.textContent("#stage-title"), "Forward, layer 1: batch normalization z̃[1]");
  assert.ok(await page.locator("#stage-equation math").count() === 1, "MathML equation");
  assert.equal(bn1["μB"].shape, "3 × 1");
  assertShown(bn1["μB"].cells, first.norm.mean, "μ_B");
  assertShown(bn1["σ²B"].cells, first.norm.variance, "σ²_B");
  assert.equal(bn1["ẑ[1]"].shape, "3 × 4");
  assertShown(bn1["ẑ[1]"].cells, first.norm.zHat, "ẑ[1]");
  assertShown(bn1["z̃[1]"].cells, first.norm.zTilde, "z̃[1]");
  assertShown(bn1["γ[1]"].cells, first.norm.gamma, "γ[1]");
  assertShown(bn1["β[1]"].cells, first.biases, "β[1]");
  // The activation receives z̃.
  const a1 = await openStage(page, "a1");
  assertShown(a1["z̃[1]"].cells, first.norm.zTilde, "a[1] from z̃[1]");

  // Backward: δ̃ from the layer above, then ∂J/∂γ, ∂J/∂β and δ through the statistics.
  const delta1 = await openStage(page, "delta1");
  assertShown(delta1["δ̃[1]"].cells, first.norm.deltaTilde, "δ̃[1]");
  const back1 = await openStage(page, "bnback1");
  assertShown(back1["∂J/∂γ[1]"].cells, first.norm.gradGamma, "∂J/∂γ[1]");
  assertShown(back1["∂J/∂β[1]"].cells, first.gradBiases, "∂J/∂β[1]");
  assertShown(back1["δ[1]"].cells, first.delta, "δ[1]");
  assert.match(await page.textContent("#stage-explain"), /each row of δ sums to 0/);
  const grad1 = await openStage(page, "grad1");
  assert.deepEqual(Object.keys(grad1).filter((n) => n.startsWith("∂J/∂")), ["∂J/∂W[1]"], "∂J/∂β came with δ");

  // The update moves γ too, and Apply update lands on exactly the values shown.
  const update = await openStage(page, "update");
  assert.ok(update["new γ[1]"] && update["new β[2]"], `γ and β in the update: ${Object.keys(update)}`);
  await page.click("#apply-update");
  assert.match(await page.textContent("#apply-status"), /equal the ones the update stage showed ✓/);
  const gamma = await page.evaluate(() => Array.from(window.nnBackprop.playground.parameters()[0].gamma));
  assertShown(update["new γ[1]"].cells, gamma, "new γ[1]");
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("the checkbox switches batch normalization on and off, in the link; a normalization stage without it falls back", async () => {
  const { page, pageErrors } = await fresh();
  await loadExplorer(page, "#stage=z2");
  assert.equal(await page.isChecked("#batchNorm"), false);
  assert.equal((await page.evaluate(() => window.nnBackprop.stages)).length, 15);
  await page.check("#batchNorm");
  await waitFor(page, () => window.nnBackprop.playground.config().batchNorm === "on");
  assert.equal((await page.evaluate(() => window.nnBackprop.stages)).length, 19);
  assert.ok(await page.evaluate(() => !!window.nnBackprop.trace.layers[0].norm));
  await openStage(page, "bn2");
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /batchNorm=on/);
  assert.match(hash, /stage=bn2/);

  // The link reproduces it; without batch normalization its stage is named and the walk starts over.
  const b = await fresh();
  await loadExplorer(b.page, hash);
  assert.equal(await b.page.evaluate(() => window.nnBackprop.stage), "bn2");
  assert.equal(await b.page.isChecked("#batchNorm"), true);
  await b.page.uncheck("#batchNorm");
  await waitFor(b.page, () => window.nnBackprop.playground.config().batchNorm === "off");
  assert.equal(await b.page.evaluate(() => window.nnBackprop.stage), "input");
  assert.match(await b.page.evaluate(() => location.hash), /batchNorm=off.*stage=input/);

  const c = await fresh();
  await loadExplorer(c.page, "#stage=bnback1&batchNorm=maybe");
  await c.page.waitForSelector("#hash-notice", { state: "visible" });
  const notice = await c.page.textContent("#hash-notice");
  for (const name of ["batchNorm=maybe", "stage=bnback1"]) assert.ok(notice.includes(name), `notice names ${name}: ${notice}`);
  assert.equal(await c.page.evaluate(() => window.nnBackprop.stage), "input");
  assert.deepEqual([...pageErrors, ...b.pageErrors, ...c.pageErrors], []);
});

test("a batch of one: every normalized unit outputs β and the normalized layers' W get no gradient, and the page says so", async () => {
  for (const hash of ["#batchNorm=on&batchSize=1", "#batchNorm=on&mode=example&example=5"]) {
    const { page, pageErrors } = await fresh();
    await loadExplorer(page, hash);
    const trace = await page.evaluate(() => window.nnBackprop.trace);
    assert.equal(trace.m, 1, hash);
    const bn1 = await openStage(page, "bn1");
    assert.match(await page.textContent("#stage-explain"), /With a batch of one, .*every normalized unit outputs β \(z̃ = β\)/, hash);
    assert.deepEqual(bn1["z̃[1]"].cells.map(parseShown), trace.layers[0].biases, `${hash}: z̃ = β`);
    assert.ok(bn1["ẑ[1]"].cells.every((c) => parseShown(c) === 0), `${hash}: ẑ = 0`);
    for (const l of [1, 2]) {
      const grad = await openStage(page, `grad${l}`);
      assert.ok(grad[`∂J/∂W[${l}]`].cells.every((c) => parseShown(c) === 0), `${hash}: ∂J/∂W[${l}] = 0`);
    }
    assert.deepEqual(pageErrors, []);
  }
});

test("backprop.html#batchNorm=on&lang=ko: every stage reads in Korean", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await page.goto(`${suite.base}/backprop.html#batchNorm=on&lang=ko`);
  await page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
  const ids = await page.evaluate(() => window.nnBackprop.stages);
  for (const id of ids) {
    await openStage(page, id);
    assert.deepEqual(await englishLeft(page), [], `${id}: ${await page.textContent("#stage-title")}`);
  }
  await openStage(page, "bn1");
  assert.match(await page.textContent("#stage-title"), /배치 정규화/);
  assert.equal(await page.textContent("label[for=batchNorm]"), "배치 정규화 (모든 은닉층)");
  // A batch of one says so in Korean too.
  await page.fill("#batchSize", "1");
  await page.press("#batchSize", "Enter");
  await waitFor(page, () => window.nnBackprop.trace.m === 1);
  await openStage(page, "bn1");
  assert.match(await page.textContent("#stage-explain"), /예제가 하나뿐이면/);
  assert.deepEqual(await englishLeft(page), []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});
