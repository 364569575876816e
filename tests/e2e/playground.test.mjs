/**
 * The playground page (www/index.html) in headless Chromium: it loads cleanly,
 * trains, draws, survives bad input (named by label and range, the field
 * marked), reproduces itself from the URL hash, never talks to anything but the
 * local server; its network diagram, mini-batch noise readout and optimizer
 * settings.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadPlayground, waitFor, readNumber, browserSuite, parseShown, requestsOutside } from "./helpers.mjs";

const suite = browserSuite();
const { fresh } = suite;

/** Pixels of the boundary canvas, as a plain array. */
function boundaryPixels(page) {
  return page.evaluate(() => {
    const c = document.getElementById("boundary");
    return Array.from(c.getContext("2d").getImageData(0, 0, c.width, c.height).data);
  });
}

function stateOf(page) {
  return page.evaluate(() => ({
    state: window.nnPlayground.state,
    config: window.nnPlayground.playground.config(),
    hash: location.hash,
  }));
}

/** Stroke colour and width of every link of the playground's diagram. */
function linkStyles(page) {
  return page.$$eval("#network .net-link:not(.net-link-more)", (paths) => paths.map((p) => `${p.style.stroke}|${p.style.strokeWidth}`));
}

test("loads with no console errors and no page errors, everything drawn", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadPlayground(page, suite.base);
  assert.equal(await page.textContent("h1"), "nn-playground");
  assert.equal(await page.textContent("#step-counter"), "0");
  assert.equal(await page.textContent("#epoch"), "0");
  const loss = await readNumber(page, "#train-loss");
  assert.ok(loss > 0 && Number.isFinite(loss), `initial train loss ${loss}`);
  assert.ok(Number.isFinite(await readNumber(page, "#test-loss")));
  assert.equal(await page.isVisible("#train-accuracy"), true);
  assert.equal(await page.isVisible("#error-banner"), false);
  assert.equal(await page.isVisible("#diverged-banner"), false);
  assert.equal(await page.isVisible("#hash-notice"), false);
  // The default state is in the controls and the hash.
  assert.equal(await page.inputValue("#learningRate"), "0.03");
  assert.equal(await page.inputValue("#hidden"), "4,2");
  assert.equal(await page.isChecked("#dataset-circle"), true);
  const { hash } = await stateOf(page);
  assert.match(hash, /dataset=circle/);
  assert.match(hash, /learningRate=0\.03/);
  // Every thumbnail of both problem types got drawn from the core's points.
  const thumbs = await page.$$eval("canvas[data-dataset]", (cs) => cs.map((c) => [c.dataset.dataset, c.dataset.drawn]));
  assert.equal(thumbs.length, 8);
  for (const [name, drawn] of thumbs) assert.equal(drawn, "true", `thumbnail ${name}`);
  // The boundary canvas is not blank: it holds both orange-ish and blue-ish pixels.
  const px = await boundaryPixels(page);
  let orange = 0;
  let blue = 0;
  for (let i = 0; i < px.length; i += 4) {
    if (px[i] > px[i + 2] + 40) orange++;
    if (px[i + 2] > px[i] + 40) blue++;
  }
  assert.ok(orange + blue > 1000, `coloured pixels: orange ${orange}, blue ${blue}`);
  // The network diagram shows the two hidden layers.
  assert.equal(await page.textContent("#layer-count"), "2 hidden layers");
  assert.equal(await page.$$eval(".net-hidden", (cols) => cols.length), 2);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("Play trains: the step counter runs and the train loss shown goes down", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadPlayground(page, suite.base, "#dataset=circle&hidden=8&optimizer=adam&learningRate=0.03");
  const before = await readNumber(page, "#train-loss");
  await page.click("#play");
  assert.equal(await page.getAttribute("#play", "aria-pressed"), "true");
  await waitFor(page, (b) => {
    const v = Number(document.getElementById("train-loss").textContent);
    return Number(document.getElementById("step-counter").textContent) > 200 && v < b * 0.7;
  }, before);
  await page.click("#play");
  assert.equal(await page.getAttribute("#play", "aria-pressed"), "false");
  const steps = await readNumber(page, "#step-counter");
  await page.waitForTimeout(300);
  assert.equal(await readNumber(page, "#step-counter"), steps, "paused means no more steps");
  const after = await readNumber(page, "#train-loss");
  assert.ok(after < before, `train loss ${before} → ${after}`);
  assert.ok(await readNumber(page, "#epoch") > 0);
  // The loss chart recorded the run.
  const samples = await page.evaluate(() => window.nnPlayground.playground.history().step.length);
  assert.ok(samples > 2, `history has ${samples} entries`);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("Step does one mini-batch update; the boundary pixels change after training", async () => {
  const { page } = await fresh();
  await loadPlayground(page, suite.base, "#dataset=xor&hidden=6,4&learningRate=0.1&seed=4");
  const before = await boundaryPixels(page);
  const loss0 = await readNumber(page, "#train-loss");
  for (let i = 1; i <= 3; i++) {
    await page.click("#step");
    assert.equal(await readNumber(page, "#step-counter"), i);
  }
  for (let i = 0; i < 60; i++) await page.click("#step");
  assert.equal(await readNumber(page, "#step-counter"), 63);
  assert.ok(await readNumber(page, "#train-loss") < loss0, "stepping lowers the loss");
  const after = await boundaryPixels(page);
  assert.equal(after.length, before.length);
  let changed = 0;
  for (let i = 0; i < before.length; i += 4) {
    if (Math.abs(before[i] - after[i]) + Math.abs(before[i + 2] - after[i + 2]) > 8) changed++;
  }
  assert.ok(changed > 500, `${changed} boundary pixels changed`);
});

test("learning rate -1 shows the core's error; the old network keeps running", async () => {
  const { page, pageErrors } = await fresh();
  await loadPlayground(page, suite.base);
  const hashBefore = (await stateOf(page)).hash;
  await page.fill("#learningRate", "-1");
  await page.press("#learningRate", "Enter");
  await page.waitForSelector("#error-banner", { state: "visible" });
  assert.equal(await page.getAttribute("#error-banner", "role"), "alert");
  const text = await page.textContent("#error-banner");
  assert.match(text, /Learning rate must be greater than 0 and at most 1\u202f000\u202f000; got −1/);
  assert.equal(await page.getAttribute("#learningRate", "aria-invalid"), "true");
  const describedBy = await page.getAttribute("#learningRate", "aria-describedby");
  assert.match(await page.textContent(`#${describedBy}`), /^Learning rate must be greater than 0/);
  // Still the previous Playground, still working.
  const { config, hash } = await stateOf(page);
  assert.equal(config.learningRate, 0.03);
  assert.equal(hash, hashBefore, "a rejected setting does not reach the URL");
  await page.click("#step");
  await page.click("#step");
  assert.equal(await readNumber(page, "#step-counter"), 2);
  await page.click("#play");
  await waitFor(page, () => Number(document.getElementById("step-counter").textContent) > 10);
  await page.click("#play");
  // A valid value clears the banner and rebuilds.
  await page.fill("#learningRate", "0.1");
  await page.press("#learningRate", "Enter");
  await page.waitForSelector("#error-banner", { state: "hidden" });
  assert.equal(await page.getAttribute("#learningRate", "aria-invalid"), null);
  assert.equal(await page.locator(".field-error").count(), 0);
  const now = await stateOf(page);
  assert.equal(now.config.learningRate, 0.1);
  assert.match(now.hash, /learningRate=0\.1(&|$)/);
  assert.equal(await readNumber(page, "#step-counter"), 0, "a new network starts at step 0");
  assert.deepEqual(pageErrors, []);
});

test("other rejected settings name their visible label and the allowed range", async () => {
  const { page } = await fresh();
  await loadPlayground(page, suite.base);
  for (const [selector, value, key] of [
    ["#batchSize", "0", "^Batch size must be between 1 and 1\u202f000\u202f000; got 0\\.$"],
    ["#hidden", "4,0", "^Hidden layer sizes must be between 1 and 128; got 0\\.$"],
    ["#samples", "3", "^Samples must be between 10 and 5000; got 3\\.$"],
    ["#learningRate", "abc", "^Learning rate must be a number; got “abc”\\.$"],
    ["#scaleX2", "0", "^Scale x₂ must not be 0\\.$"],
  ]) {
    const old = await page.inputValue(selector);
    await page.fill(selector, value);
    await page.press(selector, "Enter");
    await page.waitForSelector("#error-banner", { state: "visible" });
    assert.match(await page.textContent("#error-text"), new RegExp(key), `${selector}=${value}`);
    await page.fill(selector, old);
    await page.press(selector, "Enter");
    await page.waitForSelector("#error-banner", { state: "hidden" });
  }
});

test("a URL hash reproduces the settings", async () => {
  const hash = "#problem=classification&dataset=spiral&samples=400&noise=0.2&trainFraction=0.7&seed=7" +
    "&scale=2,0.5&offset=1,-1&normalize=standardize&hidden=8,8&activation=relu&init=he&initScale=0.5" +
    "&optimizer=adam&learningRate=0.01&batchSize=20&l2=0.001&showTestData=true&speed=10";
  const a = await fresh();
  await loadPlayground(a.page, suite.base, hash);
  const expectedControls = {
    "#problem": "classification", "#samples": "400", "#noise": "0.2", "#trainFraction": "0.7", "#seed": "7",
    "#scaleX1": "2", "#scaleX2": "0.5", "#offsetX1": "1", "#offsetX2": "-1", "#hidden": "8,8",
    "#activation": "relu", "#init": "he", "#initScale": "0.5", "#optimizer": "adam", "#learningRate": "0.01",
    "#batchSize": "20", "#l2": "0.001", "#speed": "10",
  };
  for (const [sel, value] of Object.entries(expectedControls)) {
    assert.equal(await a.page.inputValue(sel), value, sel);
  }
  assert.equal(await a.page.isChecked("#dataset-spiral"), true);
  assert.equal(await a.page.isChecked("#normalize"), true);
  assert.equal(await a.page.isChecked("#showTestData"), true);
  assert.equal(await a.page.isVisible("#hash-notice"), false);
  const sa = await stateOf(a.page);
  const expectedConfig = {
    dataset: "spiral", samples: 400, noise: 0.2, trainFraction: 0.7, seed: 7, scale: [2, 0.5], offset: [1, -1],
    normalize: "standardize", hidden: [8, 8], activation: "relu", init: "he", initScale: 0.5,
    optimizer: "adam", learningRate: 0.01, batchSize: 20, l2: 0.001, problem: "classification",
  };
  for (const [key, value] of Object.entries(expectedConfig)) assert.deepEqual(sa.config[key], value, key);
  assert.equal(await a.page.textContent("#layer-count"), "2 hidden layers");
  for (let i = 0; i < 5; i++) await a.page.click("#step");
  const lossA = await a.page.textContent("#train-loss");

  // The canonical hash written back by the page rebuilds exactly the same run.
  const b = await fresh();
  await loadPlayground(b.page, suite.base, sa.hash);
  const sb = await stateOf(b.page);
  assert.equal(sb.hash, sa.hash);
  assert.deepEqual(sb.config, sa.config);
  for (let i = 0; i < 5; i++) await b.page.click("#step");
  assert.equal(await b.page.textContent("#train-loss"), lossA, "same seed, same settings, same loss");
});

test("every control round-trips through the hash", async () => {
  const a = await fresh();
  await loadPlayground(a.page, suite.base);
  const { page } = a;
  await page.click("label.thumb:has(#dataset-moons)");
  await page.fill("#noise", "0.15");
  await page.dispatchEvent("#noise", "change");
  await page.fill("#trainFraction", "0.6");
  await page.dispatchEvent("#trainFraction", "change");
  await page.fill("#samples", "300");
  await page.press("#samples", "Enter");
  await page.fill("#seed", "42");
  await page.press("#seed", "Enter");
  await page.fill("#scaleX2", "10");
  await page.press("#scaleX2", "Enter");
  await page.fill("#offsetX1", "2");
  await page.press("#offsetX1", "Enter");
  await page.check("#normalize");
  await page.click("#add-layer");
  await page.click("#layer-1-add");
  await page.selectOption("#activation", "sigmoid");
  await page.selectOption("#init", "lecun");
  await page.fill("#initScale", "2");
  await page.press("#initScale", "Enter");
  await page.selectOption("#optimizer", "momentum");
  await page.fill("#learningRate", "0.3");
  await page.press("#learningRate", "Enter");
  await page.fill("#batchSize", "5");
  await page.press("#batchSize", "Enter");
  await page.fill("#l2", "0.01");
  await page.press("#l2", "Enter");
  await page.check("#showTestData");
  await page.selectOption("#logScale", "true");
  await page.selectOption("#speed", "100");
  assert.equal(await page.isVisible("#error-banner"), false, await page.textContent("#error-text"));
  const sa = await stateOf(page);
  assert.deepEqual(sa.config.hidden, [5, 2, 2]);
  const expected = {
    dataset: "moons", noise: 0.15, trainFraction: 0.6, samples: 300, seed: 42, scale: [1, 10], offset: [2, 0],
    normalize: "standardize", activation: "sigmoid", init: "lecun", initScale: 2, optimizer: "momentum",
    learningRate: 0.3, batchSize: 5, l2: 0.01,
  };
  for (const [key, value] of Object.entries(expected)) assert.deepEqual(sa.config[key], value, key);
  assert.equal(sa.state.showTestData, true);
  assert.equal(sa.state.logScale, true);
  assert.equal(sa.state.speed, "100");

  const b = await fresh();
  await loadPlayground(b.page, suite.base, sa.hash);
  const sb = await stateOf(b.page);
  assert.deepEqual(sb.config, sa.config);
  assert.deepEqual(sb.state, sa.state);
  assert.equal(await b.page.isChecked("#showTestData"), true);
  assert.equal(await b.page.inputValue("#logScale"), "true");
  assert.equal(await b.page.isChecked("#dataset-moons"), true);
  assert.equal(await b.page.inputValue("#hidden"), "5,2,2");

  // Editing the hash by hand (hashchange) applies it too.
  await b.page.evaluate(() => { location.hash = "#dataset=gauss&hidden=3&learningRate=0.05"; });
  await waitFor(b.page, () => window.nnPlayground.playground.config().dataset === "gauss");
  const sc = await stateOf(b.page);
  assert.deepEqual(sc.config.hidden, [3]);
  assert.equal(sc.config.learningRate, 0.05);
  assert.equal(await b.page.inputValue("#hidden"), "3");
});

test("invalid and unknown hash values fall back to defaults with a notice naming them", async () => {
  const { page, pageErrors } = await fresh();
  await loadPlayground(page, suite.base, "#dataset=nope&learningRate=-1&foo=bar&hidden=8,x&noise=0.3&activation=relu");
  await page.waitForSelector("#hash-notice", { state: "visible" });
  const notice = await page.textContent("#hash-notice");
  for (const name of ["dataset=nope", "learningRate=-1", "foo", "hidden=8,x"]) {
    assert.ok(notice.includes(name), `notice names ${name}: ${notice}`);
  }
  assert.ok(!notice.includes("noise"), "valid values are not named");
  const { config } = await stateOf(page);
  assert.equal(config.dataset, "circle");
  assert.equal(config.learningRate, 0.03);
  assert.deepEqual(config.hidden, [4, 2]);
  assert.equal(config.noise, 0.3);
  assert.equal(config.activation, "relu");
  await page.click("#step");
  assert.equal(await readNumber(page, "#step-counter"), 1);
  assert.deepEqual(pageErrors, []);
});

test("problem type switches datasets, hides accuracy for regression", async () => {
  const { page } = await fresh();
  await loadPlayground(page, suite.base);
  await page.selectOption("#problem", "regression");
  await waitFor(page, () => window.nnPlayground.playground.config().problem === "regression");
  const { config } = await stateOf(page);
  assert.equal(config.dataset, "plane");
  assert.equal(await page.isChecked("#dataset-plane"), true);
  assert.equal(await page.isVisible("#dataset-plane + canvas"), true);
  assert.equal(await page.isVisible("#dataset-circle + canvas"), false);
  assert.equal(await page.isVisible("#train-accuracy"), false);
  assert.equal(await page.isVisible("#test-accuracy"), false);
  await page.click("label.thumb:has(#dataset-gaussians)");
  await waitFor(page, () => window.nnPlayground.playground.config().dataset === "gaussians");
  await page.click("#step");
  assert.ok(Number.isFinite(await readNumber(page, "#train-loss")));
  await page.selectOption("#problem", "classification");
  await waitFor(page, () => window.nnPlayground.playground.config().dataset === "circle");
  assert.equal(await page.isVisible("#train-accuracy"), true);
});

test("the network editor adds and removes layers and units, by mouse and keyboard", async () => {
  const { page } = await fresh();
  await loadPlayground(page, suite.base, "#hidden=2");
  await page.click("#layer-1-add");
  assert.equal(await page.inputValue("#hidden"), "3");
  await page.click("#add-layer");
  assert.equal(await page.inputValue("#hidden"), "3,3");
  await page.focus("#layer-2-remove");
  await page.keyboard.press("Enter");
  assert.equal(await page.inputValue("#hidden"), "3,2");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "layer-2-remove", "focus stays on the button");
  await page.keyboard.press("Space");
  assert.equal(await page.inputValue("#hidden"), "3,1");
  assert.equal(await page.isDisabled("#layer-2-remove"), true, "a layer keeps at least one unit");
  await page.click("#remove-layer");
  await page.click("#remove-layer");
  assert.equal(await page.inputValue("#hidden"), "");
  assert.equal(await page.isDisabled("#remove-layer"), true);
  const { config } = await stateOf(page);
  assert.deepEqual(config.hidden, []);
  assert.match(await page.textContent("#layer-count"), /No hidden layer/);
  await page.fill("#hidden", "2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2");
  await page.press("#hidden", "Enter");
  await waitFor(page, () => window.nnPlayground.playground.config().hidden.length === 16);
  assert.equal(await page.isDisabled("#add-layer"), true, "16 layers is the limit");
});

test("Reset rebuilds the same network; Regenerate draws a new seed", async () => {
  const { page } = await fresh();
  await loadPlayground(page, suite.base);
  const loss0 = await page.textContent("#train-loss");
  for (let i = 0; i < 10; i++) await page.click("#step");
  assert.notEqual(await page.textContent("#train-loss"), loss0);
  await page.click("#reset");
  assert.equal(await page.textContent("#step-counter"), "0");
  assert.equal(await page.textContent("#train-loss"), loss0, "same seed → same initial loss");
  await page.click("#regenerate");
  const seed = Number(await page.inputValue("#seed"));
  assert.ok(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff);
  const { config } = await stateOf(page);
  assert.equal(config.seed, seed);
});

test("Gradient check shows a relative error below 1e-6", async () => {
  const { page } = await fresh();
  await loadPlayground(page, suite.base);
  await page.click("#step");
  await page.click("#grad-check");
  await page.waitForSelector("#grad-check-value[data-value]");
  const value = Number(await page.getAttribute("#grad-check-value", "data-value"));
  assert.ok(value >= 0 && value < 1e-6, `gradient check ${value}`);
  assert.match(await page.textContent("#grad-check-value"), /e-\d+/);
});

test("a diverging run shows the red banner, stops, and keeps the last finite boundary", async () => {
  const { page } = await fresh();
  await loadPlayground(page, suite.base,
    "#problem=regression&dataset=plane&hidden=8,8&activation=relu&learningRate=50&batchSize=1&speed=1");
  await page.click("#play");
  await page.waitForSelector("#diverged-banner", { state: "visible", timeout: 20_000 });
  assert.match(await page.textContent("#diverged-text"), /\S/);
  assert.equal(await page.getAttribute("#play", "aria-pressed"), "false", "training stopped");
  const steps = await readNumber(page, "#step-counter");
  await page.waitForTimeout(200);
  assert.equal(await readNumber(page, "#step-counter"), steps);
  // The boundary still shows colours, not a blank or NaN canvas.
  const px = await boundaryPixels(page);
  let coloured = 0;
  for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i] - px[i + 2]) > 30) coloured++;
  assert.ok(coloured > 100, `${coloured} coloured pixels`);
  await page.fill("#learningRate", "0.01");
  await page.press("#learningRate", "Enter");
  await page.waitForSelector("#diverged-banner", { state: "hidden" });
});

test("no request leaves 127.0.0.1", async () => {
  const { page, requests } = await fresh();
  await loadPlayground(page, suite.base, "#dataset=spiral&showTestData=true");
  await page.click("#play");
  await page.waitForTimeout(500);
  await page.click("#play");
  await page.click("label.thumb:has(#dataset-xor)");
  await page.click("#grad-check");
  await page.click(".lessons a >> nth=0");
  await page.waitForTimeout(300);
  assert.ok(requests.length >= 5, `saw ${requests.length} requests`);
  assert.deepEqual(requestsOutside(requests, suite.base), []);
  assert.ok(requests.some((u) => u.endsWith(".wasm")), "the wasm core came from the local server");
});

test("usable at 360 px wide: no horizontal scrolling, controls reachable", async () => {
  const { page, consoleErrors } = await fresh({ viewport: { width: 360, height: 740 } });
  await loadPlayground(page, suite.base);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  for (const sel of ["#play", "#step", "#reset", "#learningRate", "#boundary", "#loss-chart", "#add-layer"]) {
    const box = await page.locator(sel).boundingBox();
    assert.ok(box && box.width > 0 && box.x >= 0 && box.x + box.width <= 361, `${sel} fits: ${JSON.stringify(box)}`);
  }
  await page.click("#step");
  assert.equal(await readNumber(page, "#step-counter"), 1);
  assert.deepEqual(consoleErrors, []);
});
test("playground diagram: unit heatmaps, weights ↔ gradients, values on hover and focus", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadPlayground(page, suite.base, "#dataset=xor&hidden=4,3&learningRate=0.1&seed=2");
  for (let i = 0; i < 5; i++) await page.click("#step");
  // Every unit (4 + 3 hidden, 1 output) is a painted canvas with both colours or at least not blank.
  const painted = await page.$$eval("#network .node-unit canvas", (cs) => cs.map((c) => {
    const px = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && Math.abs(px[i] - px[i + 2]) > 20) coloured++;
    return { w: c.width, coloured };
  }));
  assert.equal(painted.length, 8);
  for (const p of painted) assert.ok(p.w === 24 && p.coloured > 20, JSON.stringify(p));

  const weights = await linkStyles(page);
  assert.equal(weights.length, 2 * 4 + 4 * 3 + 3 * 1);
  assert.ok(new Set(weights).size > 5, "links differ by weight");
  await page.check("#showGradients");
  await waitFor(page, () => location.hash.includes("showGradients=true"));
  const grads = await linkStyles(page);
  const changed = grads.filter((s, i) => s !== weights[i]).length;
  assert.ok(changed > weights.length / 2, `${changed} of ${weights.length} links changed`);
  await page.uncheck("#showGradients");
  assert.deepEqual(await linkStyles(page), weights, "back to the weights");

  // The exact values: focus a unit (keyboard), arrows move, hover a link.
  const params = await page.evaluate(() => {
    const p = window.nnPlayground.playground.parameters();
    return { b0: p[0].biases[0], w: p[0].weights[0] };
  });
  await page.focus("#network .node-unit[tabindex='0']");
  await page.waitForSelector("#network-tip", { state: "visible" });
  const tipText = () => page.innerText("#network-tip");
  let tip = await tipText();
  assert.match(tip, /Layer 1, unit 1/);
  const bias = /bias b = (\S+),/.exec(tip)[1];
  assert.ok(Math.abs(parseShown(bias) - params.b0) < 1e-4, `${bias} vs ${params.b0}`);
  await page.keyboard.press("ArrowDown");
  tip = await tipText();
  assert.match(tip, /Layer 1, unit 2/);
  await page.keyboard.press("ArrowRight");
  assert.match(await tipText(), /Layer 2, unit 2/);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.column), "2");

  await page.locator("#network .net-hit").first().hover({ force: true });
  tip = await tipText();
  assert.match(tip, /W\[1\]: x₁ → layer 1, unit 1/);
  const w = /weight w = (\S+)/.exec(tip)[1];
  assert.ok(Math.abs(parseShown(w) - params.w) < 1e-4, `${w} vs ${params.w}`);

  // Editing the layers still works and repaints.
  await page.click("#layer-1-add");
  assert.equal(await page.inputValue("#hidden"), "5,3");
  assert.equal(await page.$$eval("#network .node-unit", (n) => n.length), 5 + 3 + 1);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("the diagram draws 8 layers of 16 units while training (its refresh time is printed, not asserted)", async (t) => {
  const { page, consoleErrors } = await fresh();
  await loadPlayground(page, suite.base, "#hidden=16,16,16,16,16,16,16,16&speed=1");
  const ms = await page.evaluate(async () => {
    const pg = window.nnPlayground.playground;
    const [xmin, xmax, ymin, ymax] = pg.bounds();
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) {
      pg.parameters();
      pg.unitOutputs(24, xmin, xmax, ymin, ymax);
    }
    return (performance.now() - t0) / 10;
  });
  t.diagnostic(`one refresh of the diagram's numbers: ${ms.toFixed(1)} ms`);
  await page.click("#play");
  await waitFor(page, () => Number(document.getElementById("step-counter").textContent) >= 20);
  await page.click("#play");
  assert.equal(await page.$$eval("#network .node-unit", (n) => n.length), 8 * 7 + 1, "7 units and a +9 marker per layer");
  assert.deepEqual(consoleErrors, []);
});

test("mini-batch noise readout after training with batch size 1; Full batch", async () => {
  const { page, consoleErrors } = await fresh();
  await loadPlayground(page, suite.base, "#dataset=circle&hidden=4&batchSize=1&speed=1&learningRate=0.03");
  assert.match(await page.textContent("#batch-noise"), /after 21 steps/);
  await page.click("#play");
  await waitFor(page, () => Number(document.getElementById("step-counter").textContent) > 60);
  await page.click("#play");
  const noise1 = Number(await page.getAttribute("#batch-noise", "data-value"));
  assert.ok(Number.isFinite(noise1) && noise1 > 0, `noise ${noise1}`);
  assert.match(await page.textContent("#batch-noise"), /^\d/);
  assert.equal(noise1, await page.evaluate(() => window.nnPlayground.playground.batchLossNoise()));

  await page.click("#full-batch");
  await waitFor(page, () => window.nnPlayground.playground.config().batchSize === 250);
  assert.equal(await page.inputValue("#batchSize"), "250");
  assert.match(await page.evaluate(() => location.hash), /batchSize=250/);
  assert.match(await page.textContent("#batch-hint"), /250/);
  assert.deepEqual(consoleErrors, []);
});

test("optimizer hyper-parameters: shown per optimizer, round-trip through the hash, bad values named", async () => {
  const { page, consoleErrors, requests } = await fresh();
  await loadPlayground(page, suite.base, "#optimizer=adam&beta1=0.8&beta2=0.99&epsilon=1e-6");
  let config = await page.evaluate(() => window.nnPlayground.playground.config());
  assert.deepEqual([config.optimizer, config.beta1, config.beta2, config.epsilon], ["adam", 0.8, 0.99, 1e-6]);
  assert.equal(await page.isVisible("#beta1"), true);
  assert.equal(await page.isVisible("#epsilon"), true);
  assert.equal(await page.isVisible("#momentum"), false);
  assert.equal(Number(await page.inputValue("#epsilon")), 1e-6);

  await page.selectOption("#optimizer", "momentum");
  await waitFor(page, () => window.nnPlayground.playground.config().optimizer === "momentum");
  assert.equal(await page.isVisible("#momentum"), true);
  assert.equal(await page.isVisible("#beta1"), false);
  await page.fill("#momentum", "0.5");
  await page.press("#momentum", "Enter");
  await waitFor(page, () => window.nnPlayground.playground.config().momentum === 0.5);
  const hash = await page.evaluate(() => location.hash);
  for (const part of ["optimizer=momentum", "momentum=0.5", "beta1=0.8", "beta2=0.99", "epsilon=0.000001"]) {
    assert.ok(hash.includes(part) || (part.startsWith("epsilon") && hash.includes("epsilon=1e-6")), `${part} in ${hash}`);
  }

  const b = await fresh();
  await loadPlayground(b.page, suite.base, hash);
  config = await b.page.evaluate(() => window.nnPlayground.playground.config());
  assert.deepEqual([config.optimizer, config.momentum, config.beta1, config.beta2, config.epsilon], ["momentum", 0.5, 0.8, 0.99, 1e-6]);
  assert.equal(await b.page.inputValue("#momentum"), "0.5");
  assert.equal(await b.page.evaluate(() => location.hash), hash);

  const c = await fresh();
  await loadPlayground(c.page, suite.base, "#optimizer=momentum&momentum=1.5&beta2=1&epsilon=0");
  await c.page.waitForSelector("#hash-notice", { state: "visible" });
  const notice = await c.page.textContent("#hash-notice");
  for (const name of ["momentum=1.5", "beta2=1", "epsilon=0"]) assert.ok(notice.includes(name), `notice names ${name}: ${notice}`);
  config = await c.page.evaluate(() => window.nnPlayground.playground.config());
  assert.deepEqual([config.momentum, config.beta2, config.epsilon], [0.9, 0.999, 1e-8]);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(requestsOutside(requests, suite.base), []);
});

/** Count animation frames from now on (window.framesSeen). */
function countFrames(page) {
  return page.evaluate(() => {
    window.framesSeen = 0;
    const tick = () => {
      window.framesSeen++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

test("a first run is watchable: a few updates a frame by default, max one choice away", async () => {
  const { page, consoleErrors } = await fresh();
  await loadPlayground(page, suite.base);
  assert.equal(await page.inputValue("#speed"), "5");
  assert.match(await page.evaluate(() => location.hash), /speed=5(&|$)/);
  await countFrames(page);
  await page.click("#play");
  await page.waitForTimeout(1000);
  await page.click("#play");
  const frames = await page.evaluate(() => window.framesSeen);
  const steps = await readNumber(page, "#step-counter");
  assert.ok(steps > 0 && steps <= 5 * frames, `${steps} updates in ${frames} frames`);
  assert.ok(steps < 2000, `${steps} updates after 1 s`);
  assert.ok(await readNumber(page, "#train-loss") > 0.1, "the boundary is still forming after a second");

  // "max" is one choice away and runs far more than 5 updates a frame.
  await page.selectOption("#speed", "max");
  await countFrames(page);
  await page.click("#play");
  await waitFor(page, () => Number(document.getElementById("step-counter").textContent) > 20000);
  await page.click("#play");
  const fast = await page.evaluate(() => window.framesSeen);
  assert.ok(await readNumber(page, "#step-counter") - steps > 5 * fast, `max: more than 5 updates a frame over ${fast} frames`);
  assert.deepEqual(consoleErrors, []);
});

/** Pixel rows of the loss chart's right half where the training curve (#1d3557) is drawn. */
function trainCurveRows(page) {
  return page.evaluate(() => {
    const c = /** @type {HTMLCanvasElement} */ (document.getElementById("loss-chart"));
    const { data, width, height } = c.getContext("2d").getImageData(0, 0, c.width, c.height);
    const rows = new Set();
    for (let y = 0; y < height; y++) {
      for (let x = Math.floor(width * 0.6); x < width - 12; x++) {
        const i = (y * width + x) * 4;
        if (Math.abs(data[i] - 29) + Math.abs(data[i + 1] - 53) + Math.abs(data[i + 2] - 87) < 60 && data[i + 3] > 200) rows.add(y);
      }
    }
    return rows.size;
  });
}

test("the loss chart stays readable over a long run: its axis turns logarithmic by itself, and says so", async () => {
  const { page, consoleErrors } = await fresh();
  await loadPlayground(page, suite.base, "#speed=max");
  assert.equal(await page.inputValue("#logScale"), "auto");
  assert.equal(await page.getAttribute("#loss-chart", "data-y-scale"), "linear", "a loss that has not fallen yet: linear");
  await page.click("#play");
  await waitFor(page, () => Number(document.getElementById("step-counter").textContent) > 30000);
  await page.click("#play");
  assert.equal(await page.getAttribute("#loss-chart", "data-y-scale"), "log");
  // The late part of the run still rises and falls over many pixel rows instead of lying on the axis.
  const logRows = await trainCurveRows(page);
  assert.ok(logRows >= 12, `the training curve's last 40 % spans ${logRows} rows on the log axis`);

  // Forced linear (as old links say logScale=false): flat, as the menu asked; forced log: back.
  await page.selectOption("#logScale", "false");
  assert.equal(await page.getAttribute("#loss-chart", "data-y-scale"), "linear");
  assert.match(await page.evaluate(() => location.hash), /logScale=false/);
  const linearRows = await trainCurveRows(page);
  assert.ok(linearRows < logRows, `linear: ${linearRows} rows, log: ${logRows}`);
  await page.selectOption("#logScale", "true");
  assert.equal(await page.getAttribute("#loss-chart", "data-y-scale"), "log");
  assert.equal(await page.evaluate(() => window.nnPlayground.state.logScale), true);

  // A link of before (logScale=true) still means log, with no notice.
  const b = await fresh();
  await loadPlayground(b.page, suite.base, "#logScale=true");
  assert.equal(await b.page.isVisible("#hash-notice"), false);
  assert.equal(await b.page.inputValue("#logScale"), "true");
  assert.equal(await b.page.getAttribute("#loss-chart", "data-y-scale"), "log");
  assert.deepEqual(consoleErrors, []);
});
