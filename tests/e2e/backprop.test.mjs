/**
 * The backprop explorer (www/backprop.html) in headless Chromium: every stage
 * with its numbers, Apply update, the form and the link, the gradient check,
 * the optimizer comparison.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { waitFor, readNumber, browserSuite, parseShown, requestsOutside } from "./helpers.mjs";
import { explorerLoader } from "./backprop-helpers.mjs";

const suite = browserSuite();
const { fresh } = suite;
const loadExplorer = explorerLoader(suite);

/** What the current stage shows: id, its matrices (name, shape, numbers), the highlighted units and links. */
function stageView(page) {
  return page.evaluate(() => {
    const card = document.getElementById("stage-card");
    return {
      id: card.dataset.stage,
      current: document.querySelector(".stage-button[aria-current='step']")?.dataset.stage,
      hasMath: !!document.querySelector("#stage-equation math"),
      text: document.getElementById("stage-terms").textContent,
      matrices: [...document.querySelectorAll("#stage-terms .mx")].map((m) => ({
        name: m.querySelector(".mx-name").textContent,
        shape: m.querySelector(".mx-shape").textContent,
        transposed: m.classList.contains("mx-transposed"),
        cells: [...m.querySelectorAll(".mx-cell")].map((c) => c.textContent),
      })),
      activeUnits: [...document.querySelectorAll("#bp-network .node.is-active")].length,
      activeLinks: [...document.querySelectorAll("#bp-network .net-link")]
        .map((p, i) => (p.classList.contains("is-active") ? i : -1)).filter((i) => i >= 0).join(","),
    };
  });
}

// ------------------------------------------------------------------ the explorer

test("the explorer walks through every stage with finite numbers; the highlight moves", async () => {
  const { page, consoleErrors, pageErrors, requests } = await fresh();
  await loadExplorer(page);
  const ids = await page.evaluate(() => window.nnBackprop.stages);
  // 2-3-2-1: input, z/a for 3 layers, J, δ[3], ∂W[3], δ[2], ∂W[2], δ[1], ∂W[1], update.
  assert.deepEqual(ids, ["input", "z1", "a1", "z2", "a2", "z3", "a3", "loss", "delta3", "grad3", "delta2", "grad2", "delta1", "grad1", "update"]);
  assert.equal(await page.isDisabled("#prev-stage"), true);

  const highlights = new Set();
  const seen = [];
  for (let i = 0; i < ids.length; i++) {
    const v = await stageView(page);
    assert.equal(v.id, ids[i]);
    assert.equal(v.current, ids[i], "the stage list marks the current stage");
    assert.ok(v.hasMath, `${v.id}: MathML equation`);
    assert.ok(!/NaN|undefined|null|Infinity|∞/.test(v.text), `${v.id}: ${v.text}`);
    assert.ok(v.matrices.length >= 2, `${v.id}: ${v.matrices.length} matrices`);
    for (const m of v.matrices) {
      assert.match(m.shape, /^\d+ × \d+$/, `${v.id} ${m.name}`);
      assert.ok(m.cells.length > 0, `${v.id} ${m.name} has numbers`);
      for (const c of m.cells) assert.ok(Number.isFinite(parseShown(c)), `${v.id} ${m.name}: "${c}"`);
    }
    highlights.add(`${v.activeUnits}|${v.activeLinks}`);
    seen.push(v);
    if (i + 1 < ids.length) {
      // Alternate the button and the arrow key.
      if (i % 2 === 0) await page.click("#next-stage");
      else {
        await page.focus("#stage-card");
        await page.keyboard.press("ArrowRight");
      }
    }
  }
  assert.equal(await page.isDisabled("#next-stage"), true);
  assert.ok(highlights.size >= 6, `the highlight moved through ${highlights.size} different sets`);

  // Shapes, the transposes marked: batch size 4 (the default), layers 2 → 3 → 2 → 1.
  const byId = Object.fromEntries(seen.map((v) => [v.id, v]));
  const shape = (id, name) => byId[id].matrices.find((m) => m.name === name)?.shape;
  assert.equal(shape("z1", "W[1]"), "3 × 2");
  assert.equal(shape("z1", "z[1]"), "3 × 4");
  assert.equal(shape("z2", "W[2]"), "2 × 3");
  const wT = byId.delta1.matrices.find((m) => m.transposed);
  assert.equal(wT.name, "W[2]T");
  assert.equal(wT.shape, "3 × 2", "W[2]ᵀ is 3 × 2");
  assert.equal(shape("delta1", "δ[1]"), "3 × 4");
  const aT = byId.grad2.matrices.find((m) => m.transposed);
  assert.equal(aT.name, "a[1]T");
  assert.equal(aT.shape, "4 × 3");
  assert.equal(shape("grad2", "∂J/∂W[2]"), "2 × 3");
  assert.equal(shape("grad1", "∂J/∂b[1]"), "3 × 1");

  // The numbers are the trace's own: z[1] of the page = the core's z[1].
  const z1 = await page.evaluate(() => window.nnBackprop.trace.layers[0].z.slice(0, 4));
  const shown = byId.z1.matrices.find((m) => m.name === "z[1]").cells.slice(0, 4).map(parseShown);
  shown.forEach((v, k) => assert.ok(Math.abs(v - z1[k]) <= 5e-4 + 1e-3 * Math.abs(z1[k]), `z[1] entry ${k}: ${v} vs ${z1[k]}`));

  // ← goes back one stage.
  await page.keyboard.press("ArrowLeft");
  assert.equal((await stageView(page)).id, "grad1");
  assert.match(await page.evaluate(() => location.hash), /stage=grad1/);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(requestsOutside(requests, suite.base), []);
});

test("Apply update takes exactly the traced mini-batch, changes the counter and the numbers", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadExplorer(page, "#stage=update");
  const before = await page.evaluate(() => ({
    traced: window.nnBackprop.trace.rows,
    next: Array.from(window.nnBackprop.playground.nextBatch()),
    weights: window.nnBackprop.trace.layers[0].weights,
  }));
  assert.deepEqual(before.traced, before.next, "the trace is of the next mini-batch");
  const v = await stageView(page);
  assert.equal(v.id, "update");
  const preview = v.matrices.filter((m) => m.name.startsWith("new")).map((m) => m.cells);
  assert.equal(preview.length, 6, "new W and b of each of the 3 layers");
  assert.equal(await page.textContent("#step-counter"), "0");
  assert.match(await page.getAttribute("#apply-update", "class"), /primary/);

  await page.click("#apply-update");
  assert.equal(await page.textContent("#step-counter"), "1");
  assert.match(await page.textContent("#apply-status"), /equal the ones the update stage showed ✓/);
  const afterApply = await page.evaluate(() => ({
    stage: window.nnBackprop.stage,
    weights: window.nnBackprop.trace.layers[0].weights,
    params: Array.from(window.nnBackprop.playground.parameters()[0].weights),
    hash: location.hash,
  }));
  assert.equal(afterApply.stage, "input", "the walk starts over");
  assert.notDeepEqual(afterApply.weights, before.weights, "new parameters");
  assert.deepEqual(afterApply.weights, afterApply.params, "traced on the parameters after the update");
  // The update stage had shown them (3 decimals).
  const newW1 = preview[4].map(parseShown);
  afterApply.params.forEach((w, k) => assert.ok(Math.abs(w - newW1[k]) < 1e-3, `new W[1] ${k}: ${w} vs ${newW1[k]}`));
  assert.match(afterApply.hash, /steps=1/);

  // The hash reproduces the session after the update; Reset goes back.
  const b = await fresh();
  await loadExplorer(b.page, afterApply.hash);
  assert.equal(await b.page.textContent("#step-counter"), "1");
  assert.deepEqual(await b.page.evaluate(() => window.nnBackprop.trace.layers[0].weights), afterApply.weights);
  await b.page.click("#reset");
  assert.equal(await b.page.textContent("#step-counter"), "0");
  assert.deepEqual(await b.page.evaluate(() => window.nnBackprop.trace.layers[0].weights), before.weights);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("one chosen example, sigmoid, the form and the hash round-trip; bad values fall back with a notice", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadExplorer(page, "#mode=example&example=7&hidden=2&activation=sigmoid&stage=delta1&learningRate=0.5");
  const t = await page.evaluate(() => ({ m: window.nnBackprop.trace.m, rows: window.nnBackprop.trace.rows }));
  assert.deepEqual(t, { m: 1, rows: [7] });
  assert.equal(await page.isVisible("#example"), true);
  assert.equal(await page.isVisible("#batchSize"), false);
  assert.equal(await page.inputValue("#example"), "7");
  assert.equal(await page.inputValue("#hidden"), "2");
  assert.equal(await page.inputValue("#activation"), "sigmoid");
  const v = await stageView(page);
  assert.equal(v.id, "delta1");
  assert.match(await page.textContent("#stage-explain"), /σ′ = σ\(1 − σ\)/);
  assert.equal(v.matrices.find((m) => m.name === "δ[1]").shape, "2 × 1");

  // Form → state → hash: change the example, the layers, the mode.
  await page.fill("#example", "3");
  await page.press("#example", "Enter");
  await waitFor(page, () => window.nnBackprop.trace.rows[0] === 3);
  await page.fill("#hidden", "4");
  await page.press("#hidden", "Enter");
  await waitFor(page, () => window.nnBackprop.trace.layers[0].nOut === 4);
  await page.check("#mode-batch");
  await waitFor(page, () => window.nnBackprop.state.mode === "batch");
  await page.fill("#batchSize", "6");
  await page.press("#batchSize", "Enter");
  await waitFor(page, () => window.nnBackprop.trace.m === 6);
  await page.selectOption("#dataset", "xor");
  await waitFor(page, () => window.nnBackprop.playground.config().dataset === "xor");
  const hash = await page.evaluate(() => location.hash);
  for (const part of ["dataset=xor", "hidden=4", "activation=sigmoid", "mode=batch", "batchSize=6", "learningRate=0.5"]) {
    assert.ok(hash.includes(part), `${part} in ${hash}`);
  }
  const b = await fresh();
  await loadExplorer(b.page, hash);
  assert.deepEqual(await b.page.evaluate(() => window.nnBackprop.state), await page.evaluate(() => window.nnBackprop.state));
  assert.equal(await b.page.isVisible("#hash-notice"), false);

  // A rejected value in the form names its label and range and marks the field; the network stays.
  await page.fill("#learningRate", "-1");
  await page.press("#learningRate", "Enter");
  await page.waitForSelector("#error-banner", { state: "visible" });
  assert.equal(await page.textContent("#error-text"), "Learning rate α must be greater than 0 and at most 1\u202f000\u202f000; got −1.");
  assert.equal(await page.getAttribute("#learningRate", "aria-invalid"), "true");

  const c = await fresh();
  await loadExplorer(c.page, "#hidden=9,9&stage=delta7&activation=swish&dataset=plane&mode=sideways");
  await c.page.waitForSelector("#hash-notice", { state: "visible" });
  const notice = await c.page.textContent("#hash-notice");
  for (const name of ["hidden=9,9", "stage=delta7", "activation=swish", "dataset=plane", "mode=sideways"]) {
    assert.ok(notice.includes(name), `notice names ${name}: ${notice}`);
  }
  assert.deepEqual(await c.page.evaluate(() => window.nnBackprop.state.hidden), [3, 2]);
  assert.equal(await c.page.evaluate(() => window.nnBackprop.playground.config().dataset), "circle");
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(c.pageErrors, []);
});

test("the explorer's gradient check reads below 1e-6", async () => {
  const { page } = await fresh();
  await loadExplorer(page);
  await page.click("#grad-check");
  await page.waitForSelector("#grad-check-value[data-value]");
  const value = Number(await page.getAttribute("#grad-check-value", "data-value"));
  assert.ok(value >= 0 && value < 1e-6, `gradient check ${value}`);
});

test("the explorer is usable at 360 px wide", async () => {
  const { page, consoleErrors } = await fresh({ viewport: { width: 360, height: 740 } });
  await loadExplorer(page, "#stage=delta1");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  for (const sel of ["#next-stage", "#prev-stage", "#apply-update", "#hidden", "#learningRate", "#stage-card"]) {
    const box = await page.locator(sel).boundingBox();
    assert.ok(box && box.width > 0 && box.x >= 0 && box.x + box.width <= 361, `${sel} fits: ${JSON.stringify(box)}`);
  }
  await page.click("#next-stage");
  assert.equal(await page.evaluate(() => window.nnBackprop.stage), "grad1");
  assert.deepEqual(consoleErrors, []);
});

test("SGD, momentum and Adam side by side on one loss surface; their settings round-trip", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadExplorer(page, "#optRate=0.05&optStretch=3&optSteps=30");
  const panels = await page.$$eval(".race-panel", (figs) => figs.map((f) => {
    const c = f.querySelector("canvas");
    const px = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    for (let i = 0; i < px.length; i += 97 * 4) colours.add(`${px[i] >> 4},${px[i + 1] >> 4},${px[i + 2] >> 4}`);
    return { optimizer: f.dataset.optimizer, colours: colours.size, cost: f.querySelector(".race-cost").textContent };
  }));
  assert.deepEqual(panels.map((p) => p.optimizer), ["sgd", "momentum", "adam"]);
  for (const p of panels) {
    assert.ok(p.colours > 8, `${p.optimizer}: a drawn surface (${p.colours} colours)`);
    assert.match(p.cost, /^cost \d\.\d{3} after 30 updates$/);
  }
  const runs = () => page.evaluate(() => window.nnBackprop.race.map((pg) => {
    const c = pg.config();
    return { optimizer: c.optimizer, rate: c.learningRate, scale: c.scale, hidden: c.hidden, loss: pg.step(0).trainLoss, step: pg.step(0).step };
  }));
  let r = await runs();
  assert.deepEqual(r.map((x) => x.optimizer), ["sgd", "momentum", "adam"]);
  for (const x of r) assert.deepEqual([x.rate, x.scale, x.hidden, x.step], [0.05, [1, 3], [], 30]);
  // Momentum and Adam are ahead of plain SGD on the stretched bowl.
  assert.ok(r[1].loss < r[0].loss && r[2].loss < r[0].loss, JSON.stringify(r.map((x) => x.loss)));

  await page.click("#race-10");
  assert.match(await page.evaluate(() => location.hash), /optSteps=40/);
  assert.match(await page.textContent(".race-panel[data-optimizer='adam'] .race-cost"), /after 40 updates/);
  await page.selectOption("#optStretch", "10");
  await page.fill("#optRate", "0.02");
  await page.press("#optRate", "Enter");
  await page.click("#race-50");
  r = await runs();
  for (const x of r) assert.deepEqual([x.rate, x.scale, x.step], [0.02, [1, 10], 50]);
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /optRate=0\.02&optStretch=10&optSteps=50/);
  const b = await fresh();
  await loadExplorer(b.page, hash);
  assert.equal(await b.page.inputValue("#optStretch"), "10");
  assert.equal(await b.page.inputValue("#optRate"), "0.02");
  assert.deepEqual((await b.page.evaluate(() => window.nnBackprop.race.map((pg) => pg.step(0).trainLoss))), r.map((x) => x.loss));

  const c = await fresh();
  await loadExplorer(c.page, "#optStretch=7&optRate=0&optSteps=-3");
  const notice = await c.page.textContent("#hash-notice");
  for (const name of ["optStretch=7", "optRate=0", "optSteps=-3"]) assert.ok(notice.includes(name), `notice names ${name}: ${notice}`);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});
