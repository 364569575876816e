/**
 * The Initialization lab with batch normalization (www/initialization.html): the switch beside
 * the initialization and the "or normalize every layer" fix rescue the opening story (N(0, 1)
 * with tanh: saturation falls to a few per cent, δ still grows, less), the deep linear toy keeps
 * every layer's RMS at 1, the link carries it, the note explains it, in English and Korean.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, loadPlayground, waitFor, englishLeft } from "./helpers.mjs";

const suite = browserSuite();
const { fresh } = suite;

/** Load the lab with a hash ("" for the defaults). */
function loadLab(page, hash = "") {
  return loadPlayground(page, suite.base, `initialization.html${hash}`);
}

/** The saturated percentages the strips' badges show, layer by layer. */
function shownSaturation(page) {
  return page.$$eval("#strips .layer-strip", (items) => items.map((li) => {
    const badge = [...li.querySelectorAll(".badge")].find((b) => /saturated/.test(b.textContent));
    return badge ? Number(badge.textContent.replace(/%.*/, "")) : NaN;
  }));
}

/** δ's growth from the last hidden layer back to the first, from the lab's statistics. */
const growth = (stats) => stats[0].deltaStd / stats.at(-1).deltaStd;

test("the opening story: normalizing every layer takes tanh out of saturation; δ still grows, less", async () => {
  const { page, consoleErrors, pageErrors } = await fresh({ viewport: { width: 1440, height: 900 } });
  await loadLab(page);
  const before = await shownSaturation(page);
  assert.ok(before.slice(1).every((p) => p >= 40), `40 % and more from layer 2 on: ${before}`);
  const deltaBefore = growth(await page.evaluate(() => window.nnInit.stats));
  assert.equal(await page.isChecked("#batchNorm"), false);
  assert.equal(await page.isVisible("#bn-note"), false);
  // The other fix sits beside "Fix it", on the first screen.
  const box = await page.locator("#normalize-fix").boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 900, `on the first screen: ${JSON.stringify(box)}`);
  assert.equal(await page.textContent("#normalize-fix"), "or normalize every layer");

  await page.click("#normalize-fix");
  await waitFor(page, () => window.nnInit.playground.config().batchNorm === "on");
  const after = await page.evaluate(() => ({ state: window.nnInit.state, stats: window.nnInit.stats, hash: location.hash }));
  assert.deepEqual([after.state.init, after.state.initScale, after.state.activation], ["normal", 1, "tanh"], "the initialization is kept");
  assert.ok(after.stats.every((s) => s.saturated < 0.035), `a few per cent saturated: ${after.stats.map((s) => s.saturated)}`);
  const shown = await shownSaturation(page);
  assert.ok(shown.every((p) => p <= 3), `the badges say so: ${shown}`);
  assert.equal(await page.locator("#strips .badge-alert").count(), 0, "no layer marked saturated");
  const deltaAfter = growth(after.stats);
  assert.ok(deltaAfter > 50 && deltaAfter < deltaBefore / 3, `δ still grows, less: ${deltaAfter} vs ${deltaBefore}`);
  assert.match(after.hash, /batchNorm=on/);
  assert.equal(await page.isChecked("#batchNorm"), true);
  assert.equal(await page.inputValue("#preset"), "large-tanh-bn");
  assert.equal(await page.isVisible("#normalize-fix"), false, "nothing left to normalize");
  assert.equal(await page.isVisible("#fix-it"), true, "the scale is still not right");
  assert.equal(await page.evaluate(() => document.activeElement.id), "preset");
  assert.equal(await page.isVisible("#bn-note"), true);
  assert.match(await page.innerText("#bn-note"), /δ still grows some hundreds of times/);

  // The switch turns it off again: saturated as before.
  await page.uncheck("#batchNorm");
  await waitFor(page, () => window.nnInit.playground.config().batchNorm === "off");
  assert.deepEqual(await shownSaturation(page), before);
  assert.equal(await page.inputValue("#preset"), "large-tanh");
  assert.equal(await page.isVisible("#bn-note"), false);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("normalized, N(0, 1) tanh trains; the link reproduces it", async () => {
  const { page, pageErrors } = await fresh();
  await loadLab(page, "#batchNorm=on");
  assert.equal(await page.isChecked("#batchNorm"), true);
  await page.click("#play");
  await waitFor(page, () => Number(document.getElementById("step-counter").textContent) >= 1500, undefined, 60_000);
  await page.click("#play");
  const accuracy = await page.evaluate(() => window.nnInit.playground.step(0).testAccuracy);
  assert.ok(accuracy >= 0.9, `it learns the circle: ${accuracy}`);
  const b = await fresh();
  await loadLab(b.page, await page.evaluate(() => location.hash.replace(/&?steps=\d+/, "")));
  assert.equal(await b.page.evaluate(() => window.nnInit.playground.config().batchNorm), "on");
  assert.deepEqual(pageErrors, []);
});

test("the deep linear toy, normalized: every layer's RMS stays 1 for c = 1.5 and 0.5; no normalizing fix for zeros", async () => {
  const { page, pageErrors } = await fresh();
  await loadLab(page);
  for (const c of [1.5, 0.5]) {
    await page.selectOption("#preset", `toy-${c}-bn`);
    await waitFor(page, (c) => window.nnInit.state.initScale === c && window.nnInit.playground.config().batchNorm === "on", c);
    const stats = await page.evaluate(() => window.nnInit.stats);
    assert.equal(stats.length, 10);
    for (const s of stats) assert.ok(s.actRms > 0.999 && s.actRms <= 1, `c = ${c}, layer ${s.layer}: RMS ${s.actRms}`);
    assert.match(await page.textContent("#toy-readout"), new RegExp(`every layer normalized: RMS of layer 10 = 1, .* not ${c}\\^9 = `));
    // Without normalization the same toy grows or shrinks as c^l.
    await page.uncheck("#batchNorm");
    await waitFor(page, (c) => window.nnInit.playground.config().batchNorm === "off" && document.getElementById("preset").value === `toy-${c}`, c);
    assert.match(await page.textContent("#toy-readout"), new RegExp(`= ${c}\\^9`));
    assert.equal(await page.isVisible("#normalize-fix"), true);
  }
  // Identical units stay identical when normalized: only "Fix it" is offered.
  await page.selectOption("#preset", "zeros");
  await waitFor(page, () => window.nnInit.state.init === "zeros");
  assert.equal(await page.isVisible("#fix-it"), true);
  assert.equal(await page.isVisible("#normalize-fix"), false);
  assert.deepEqual(pageErrors, []);
});

test("the lab's batch normalization in Korean", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadLab(page, "#lang=ko");
  assert.equal(await page.textContent("#normalize-fix"), "또는 모든 층을 정규화");
  assert.deepEqual(await englishLeft(page), []);
  await page.click("#normalize-fix");
  await waitFor(page, () => window.nnInit.playground.config().batchNorm === "on");
  assert.match(await page.textContent("#bn-note"), /배치 정규화는 .* 수백 배/);
  assert.equal(await page.$eval("#preset", (s) => s.selectedOptions[0].textContent), "N(0, 1), 배치 정규화 — tanh 가 포화되지 않음");
  assert.deepEqual(await englishLeft(page), []);
  await page.selectOption("#preset", "toy-1.5-bn");
  await waitFor(page, () => window.nnInit.state.init === "identity");
  assert.match(await page.textContent("#toy-readout"), /^깊은 선형 장난감 예, 모든 층 정규화/);
  assert.deepEqual(await englishLeft(page), []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});
