/**
 * The Initialization lab (www/initialization.html) in headless Chromium: it
 * opens on the lecture's story (N(0, 1) saturates tanh, δ explodes) with the
 * depth chart on the first screen and "Fix it" one click away; one histogram
 * strip per hidden layer that changes while training, the presets of the
 * lecture (zeros keeps units identical, the deep linear toy scales by c per
 * layer), the URL hash, the JS API the page uses, readable labels, and a
 * 360 px screen — with no console errors.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, loadPlayground, waitFor, readNumber, contrastRatio } from "./helpers.mjs";

const suite = browserSuite();
const { fresh } = suite;

/** Load the lab with a hash ("" for the defaults). */
function loadLab(page, hash = "") {
  return loadPlayground(page, suite.base, `initialization.html${hash}`);
}

/** Each strip's histogram counts, activations and gradients. */
function signatures(page) {
  return page.$$eval("#strips .layer-strip", (items) => items.map((li) => `${li.dataset.act}|${li.dataset.grad}`));
}

async function playFor(page, steps) {
  const start = await readNumber(page, "#step-counter");
  await page.click("#play");
  await waitFor(page, (n) => Number(document.getElementById("step-counter").textContent) >= n, start + steps);
  await page.click("#play");
}

test("opens on the story: N(0, 1) tanh saturates, δ explodes; Fix it switches to Xavier; the depth chart on the first screen", async () => {
  const { page, consoleErrors, pageErrors } = await fresh({ viewport: { width: 1440, height: 900 } });
  await loadLab(page);
  const state = await page.evaluate(() => window.nnInit.state);
  assert.deepEqual([state.activation, state.init, state.initScale], ["tanh", "normal", 1]);
  assert.equal(await page.inputValue("#preset"), "large-tanh");
  const before = await page.evaluate(() => window.nnInit.stats);
  assert.ok(before.slice(2).every((s) => s.saturated > 0.5), `saturated ${before.map((s) => s.saturated)}`);
  assert.ok(before[0].deltaStd / before.at(-1).deltaStd > 100, "δ grows on its way back");
  assert.ok(await page.locator("#strips .badge-alert").count() >= 8, "the saturated layers are marked");
  // The depth chart and the fix are on the first screen.
  for (const sel of ["#depth-chart", "#fix-it"]) {
    const box = await page.locator(sel).boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 900, `${sel} on the first screen: ${JSON.stringify(box)}`);
  }
  assert.equal(await page.textContent("#fix-it"), "Fix it: Xavier");

  await page.click("#fix-it");
  await waitFor(page, () => window.nnInit.state.init === "xavier");
  const fixed = await page.evaluate(() => ({ state: window.nnInit.state, stats: window.nnInit.stats, hash: location.hash }));
  assert.deepEqual([fixed.state.activation, fixed.state.initScale, fixed.state.hidden], ["tanh", 1, state.hidden]);
  assert.ok(fixed.stats.every((s) => s.saturated < 0.1), `saturated ${fixed.stats.map((s) => s.saturated)}`);
  assert.equal(await page.inputValue("#preset"), "xavier-tanh");
  assert.equal(await page.isVisible("#fix-it"), false, "nothing left to fix");
  assert.match(fixed.hash, /init=xavier/);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("Fix it gives each activation its scale: He for ReLU, LeCun for the sigmoid, W = I for the toy", async () => {
  const cases = [
    ["#activation=relu&init=normal", "Fix it: He", { init: "he", initScale: 1 }],
    ["#activation=sigmoid&init=zeros", "Fix it: LeCun", { init: "lecun", initScale: 1 }],
    ["#activation=tanh&init=xavier&initScale=4", "Fix it: s = 1", { init: "xavier", initScale: 1 }],
    ["#dataset=plane&hidden=2,2,2,2,2,2,2,2,2,2&activation=linear&init=identity&initScale=1.5", "Fix it: s = 1", { init: "identity", initScale: 1 }],
  ];
  for (const [hash, text, expected] of cases) {
    const { page } = await fresh();
    await loadLab(page, hash);
    assert.equal(await page.textContent("#fix-it"), text, hash);
    await page.click("#fix-it");
    await waitFor(page, (e) => window.nnInit.state.init === e.init && window.nnInit.state.initScale === e.initScale, expected);
    assert.equal(await page.isVisible("#fix-it"), false, hash);
  }
  // Already at the right scale: no button.
  const { page } = await fresh();
  await loadLab(page, "#activation=relu&init=he");
  assert.equal(await page.isVisible("#fix-it"), false);
});

test("the strip legend's labels are readable: contrast at least 4.5 : 1", async () => {
  const { page } = await fresh();
  await loadLab(page);
  for (const sel of [".gradient-choice label", ".strip-legend .key-act"]) {
    const ratio = await contrastRatio(page, sel);
    assert.ok(ratio >= 4.5, `${sel}: ${ratio.toFixed(2)} : 1`);
  }
});

test("one histogram strip per hidden layer, changing while training, no console errors", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadLab(page);
  const state = await page.evaluate(() => window.nnInit.state);
  assert.equal(state.hidden.length, 10);
  assert.equal(await page.locator("#strips .layer-strip").count(), 10);
  assert.equal(await page.locator("#strips .layer-strip canvas").count(), 20);
  assert.match(await page.textContent("#strips .layer-strip >> nth=0"), /Layer 1 · 32 units/);
  assert.match(await page.textContent("#strips .layer-strip >> nth=0"), /saturated/);
  const before = await signatures(page);
  assert.ok(before.every((s) => /\d/.test(s)), "every strip has its counts");

  await playFor(page, 300);
  const afterTraining = await signatures(page);
  assert.equal(afterTraining.length, 10);
  afterTraining.forEach((s, i) => assert.notEqual(s, before[i], `strip ${i + 1} changed`));
  // The depth chart, the formula table and the activation plot are drawn.
  assert.equal(await page.locator("#formula-body tr").count(), 9);
  assert.equal(await page.textContent("#formula-body tr.current th"), "Normal N(0, 1)");
  assert.match(await page.textContent("#activation-formula"), /tanh/);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("the network controls relayout the strips; layerStats stays cheap on 16×128", async (t) => {
  const { page, pageErrors } = await fresh();
  await loadLab(page);
  await page.fill("#depth", "3");
  await page.press("#depth", "Enter");
  await waitFor(page, () => document.querySelectorAll("#strips .layer-strip").length === 3);
  await page.fill("#width", "128");
  await page.press("#width", "Enter");
  await page.fill("#depth", "16");
  await page.press("#depth", "Enter");
  await waitFor(page, () => document.querySelectorAll("#strips .layer-strip").length === 16);
  const { config, points, ms } = await page.evaluate(() => {
    const pg = window.nnInit.playground;
    const n = window.nnInit.statsPoints;
    let ms = Infinity;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      pg.layerStats(n);
      ms = Math.min(ms, performance.now() - t0);
    }
    return { config: pg.config(), points: n, ms };
  });
  assert.deepEqual(config.hidden, Array(16).fill(128));
  assert.equal(config.normalize, "standardize");
  t.diagnostic(`layerStats(${points}) on 16×128: ${ms.toFixed(1)} ms (best of 5)`);
  assert.equal(await page.isVisible("#error-banner"), false);
  // A depth the core refuses names the key and keeps the old network.
  await page.fill("#depth", "17");
  await page.press("#depth", "Enter");
  await page.waitForSelector("#error-banner", { state: "visible" });
  assert.equal(await page.textContent("#error-text"), "Hidden layers must be between 1 and 16; got 17.");
  assert.equal(await page.getAttribute("#depth", "aria-invalid"), "true");
  assert.equal(await page.locator("#strips .layer-strip").count(), 16);
  assert.deepEqual(pageErrors, []);
});

test("zeros: every unit of a layer stays identical while training", async () => {
  const { page } = await fresh();
  await loadLab(page);
  await page.selectOption("#preset", "zeros");
  await waitFor(page, () => window.nnInit.state.init === "zeros");
  await playFor(page, 200);
  const stats = await page.evaluate(() => window.nnInit.stats);
  assert.ok(stats.every((s) => s.unitSpread === 0), "no unit differs from another");
  assert.equal(await page.getAttribute("#symmetry-readout", "data-spread"), "0");
  assert.match(await page.textContent("#symmetry-readout"), /identical/);
  assert.equal(await page.locator("#strips .badge", { hasText: "units identical" }).count(), stats.length);
  // Any random scheme breaks the symmetry at once.
  await page.selectOption("#preset", "lecun-sigmoid");
  await waitFor(page, () => window.nnInit.stats.every((s) => s.unitSpread > 0));
  assert.match(await page.textContent("#symmetry-readout"), /broken/);
});

test("the deep linear toy scales the signal by c per layer; N(0, 1) saturates tanh", async () => {
  const { page, pageErrors } = await fresh();
  await loadLab(page);
  for (const c of [1.5, 0.5, 1]) {
    await page.selectOption("#preset", `toy-${c}`);
    await waitFor(page, (c) => window.nnInit.state.initScale === c && window.nnInit.state.init === "identity", c);
    const { stats, state } = await page.evaluate(() => ({ stats: window.nnInit.stats, state: window.nnInit.state }));
    assert.deepEqual(state.hidden, Array(10).fill(2));
    assert.equal(state.activation, "linear");
    assert.equal(state.problem, "regression");
    for (const s of stats) {
      const expected = c ** (s.layer - 1);
      assert.ok(Math.abs(s.actRms / stats[0].actRms / expected - 1) < 1e-9, `c = ${c}, layer ${s.layer}`);
    }
    assert.equal(await page.isVisible("#toy-readout"), true);
    assert.match(await page.textContent("#toy-readout"), new RegExp(`= ${c}\\^9`));
  }
  await page.selectOption("#preset", "large-tanh");
  await waitFor(page, () => window.nnInit.state.init === "normal" && window.nnInit.state.activation === "tanh");
  assert.equal(await page.isVisible("#toy-readout"), false);
  const saturated = await page.evaluate(() => window.nnInit.stats.map((s) => s.saturated));
  assert.ok(saturated.slice(2).every((f) => f > 0.5), `saturated fractions ${saturated}`);
  await page.selectOption("#preset", "xavier-tanh");
  await waitFor(page, () => window.nnInit.state.init === "xavier");
  const healthy = await page.evaluate(() => window.nnInit.stats.map((s) => s.saturated));
  assert.ok(healthy.every((f) => f < 0.1), `saturated fractions ${healthy}`);
  assert.deepEqual(pageErrors, []);
});

test("the URL hash reproduces the lab; bad values are named", async () => {
  const hash = "#dataset=xor&noise=0.1&seed=7&hidden=12,12,12&activation=relu&init=he&initScale=0.5" +
    "&optimizer=adam&learningRate=0.01&batchSize=20&gradient=weights&speed=10";
  const a = await fresh();
  await loadLab(a.page, hash);
  const expected = {
    "#dataset": "xor", "#seed": "7", "#depth": "3", "#width": "12", "#activation": "relu", "#init": "he",
    "#initScale": "0.5", "#optimizer": "adam", "#learningRate": "0.01", "#batchSize": "20", "#gradient": "weights",
    "#speed": "10", "#preset": "custom",
  };
  for (const [sel, value] of Object.entries(expected)) assert.equal(await a.page.inputValue(sel), value, sel);
  const sa = await a.page.evaluate(() => ({ hash: location.hash, config: window.nnInit.playground.config() }));
  assert.equal(sa.config.initScale, 0.5);
  assert.equal(sa.config.noise, 0.1);
  assert.match(await a.page.textContent("#strips .layer-strip >> nth=0"), /dead/);
  assert.match(await a.page.textContent("#strips .layer-strip >> nth=0"), /∂J\/∂W/);
  for (let i = 0; i < 4; i++) await a.page.click("#step");
  const lossA = await a.page.textContent("#train-loss");

  const b = await fresh();
  await loadLab(b.page, sa.hash);
  const sb = await b.page.evaluate(() => ({ hash: location.hash, config: window.nnInit.playground.config() }));
  assert.equal(sb.hash, sa.hash);
  assert.deepEqual(sb.config, sa.config);
  for (let i = 0; i < 4; i++) await b.page.click("#step");
  assert.equal(await b.page.textContent("#train-loss"), lossA);

  // A preset's link selects the preset.
  await b.page.selectOption("#preset", "he-relu");
  const presetHash = await b.page.evaluate(() => location.hash);
  const c = await fresh();
  await loadLab(c.page, presetHash);
  assert.equal(await c.page.inputValue("#preset"), "he-relu");

  const d = await fresh();
  await loadLab(d.page, "#init=bogus&hidden=&learningRate=-1&activation=sigmoid");
  await d.page.waitForSelector("#hash-notice", { state: "visible" });
  const notice = await d.page.textContent("#hash-notice-text");
  for (const name of ["init=bogus", "hidden", "learningRate=-1"]) assert.ok(notice.includes(name), `${name} in ${notice}`);
  assert.equal(await d.page.inputValue("#activation"), "sigmoid");
  assert.equal(await d.page.locator("#strips .layer-strip").count(), 10);
});

test("usable at 360 px wide and from the keyboard", async () => {
  const { page, consoleErrors } = await fresh({ viewport: { width: 360, height: 740 } });
  await loadLab(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  for (const sel of ["#play", "#preset", "#depth", "#width", "#init", "#strips", "#boundary", "#depth-chart", "#activation-chart"]) {
    const box = await page.locator(sel).boundingBox();
    assert.ok(box && box.width > 0 && box.x >= 0 && box.x + box.width <= 361, `${sel} fits: ${JSON.stringify(box)}`);
  }
  // Every control has a label.
  const unlabelled = await page.$$eval("#settings select, #settings input, #speed", (els) =>
    els.filter((e) => !(e.labels && e.labels.length)).map((e) => e.id));
  assert.deepEqual(unlabelled, []);
  // The preset menu by keyboard, then space plays and pauses.
  assert.equal(await page.inputValue("#preset"), "large-tanh");
  await page.focus("#preset");
  await page.keyboard.press("ArrowDown");
  await waitFor(page, () => window.nnInit.state.activation === "relu" && window.nnInit.state.init === "normal");
  assert.equal(await page.inputValue("#preset"), "large-relu");
  // "Fix it" from the keyboard: the focus lands on the preset menu, which names the fix.
  await page.focus("#fix-it");
  await page.keyboard.press("Enter");
  await waitFor(page, () => window.nnInit.state.init === "he");
  assert.equal(await page.inputValue("#preset"), "he-relu");
  assert.equal(await page.evaluate(() => document.activeElement.id), "preset");
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press("Space");
  await waitFor(page, () => window.nnInit.playing && Number(document.getElementById("step-counter").textContent) > 0);
  await page.keyboard.press("Space");
  await waitFor(page, () => !window.nnInit.playing);
  assert.deepEqual(consoleErrors, []);
});
