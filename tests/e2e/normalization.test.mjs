/**
 * The Normalization lab (www/normalization.html) in headless Chromium: two
 * sessions, raw and standardized, drawn side by side with their loss surfaces
 * and paths; the raw side trains slower on a stretched feature; the surface
 * kind, the fair learning rates, the URL hash and the error banners work; and
 * nothing is requested from anywhere but the local server.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, loadPlayground, waitFor } from "./helpers.mjs";

const suite = browserSuite();
const { fresh } = suite;

/** Load the lab with a hash ("" for the defaults). */
function loadLab(page, hash = "") {
  return loadPlayground(page, suite.base, `normalization.html${hash}`);
}

/** What the page's read-only handle says about both sides. */
function sides(page) {
  return page.evaluate(() => window.nnNormalization.sides.map((s) => ({
    id: s.id,
    step: s.report.step,
    trainLoss: s.report.trainLoss,
    learningRate: s.learningRate,
    method: s.method,
    diverged: s.diverged,
    kind: s.surface?.kind ?? null,
    pathLength: s.surface ? s.surface.path.length : 0,
    normalize: s.playground.config().normalize,
  })));
}

/** Pixel statistics of each panel's surface canvas: variance of the luminance, and a checksum. */
function surfacePixels(page) {
  return page.evaluate(() => [...document.querySelectorAll("[data-view=surface]")].map((c) => {
    const px = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    let sq = 0;
    let hash = 0;
    const n = px.length / 4;
    for (let i = 0; i < px.length; i += 4) {
      const y = 0.3 * px[i] + 0.59 * px[i + 1] + 0.11 * px[i + 2];
      sum += y;
      sq += y * y;
      hash = (hash * 31 + px[i] + 7 * px[i + 1] + 13 * px[i + 2]) % 1000000007;
    }
    const mean = sum / n;
    return { variance: sq / n - mean * mean, hash };
  }));
}

/**
 * Wait until both sides show the loss surface (or the core's refusal) of their current update:
 * the surfaces come from the compute worker, a moment after the network changed.
 */
function surfacesNow(page) {
  return waitFor(page, () => window.nnNormalization.sides.every((s) => s.surfaceStep === s.report.step));
}

/** Train both sides for at least `steps` updates with the Step/Play controls, then pause (and wait for the surfaces). */
async function train(page, steps) {
  await page.click("#play");
  await waitFor(page, (n) => window.nnNormalization.sides.every((s) => s.report.step >= n || s.diverged), steps);
  await page.click("#play");
  await waitFor(page, () => !window.nnNormalization.playing);
  await surfacesNow(page);
}

test("loads with no console errors: two panels, non-blank surfaces, κ readouts, the nav", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadLab(page);
  await surfacesNow(page);
  const s = await sides(page);
  assert.deepEqual(s.map((x) => x.normalize), ["none", "standardize"]);
  assert.deepEqual(s.map((x) => x.step), [0, 0]);
  assert.equal(s[0].learningRate, s[1].learningRate, "one shared learning rate by default");
  for (const side of s) assert.equal(side.kind, "weights2d");
  for (const { variance } of await surfacePixels(page)) assert.ok(variance > 50, `surface pixel variance ${variance}`);
  // The raw side's inputs are far worse conditioned than the standardized side's.
  const kappa = await page.$$eval("[data-out=kappa-inputs]", (els) => els.map((e) => e.textContent));
  assert.match(kappa[0], /× 10/);
  assert.ok(Number(kappa[1]) < 10, `standardized κ ${kappa[1]}`);
  assert.equal(await page.isVisible("[data-out=kappa-hessian]"), true, "no hidden layer: the Hessian's κ is shown");
  // The nav links both pages and marks this one.
  assert.equal(await page.getAttribute('nav[data-site-nav] a[aria-current="page"]', "href"), "normalization.html");
  assert.ok(await page.$('nav[data-site-nav] a[href="index.html"]'));
  assert.equal(await page.isVisible("#error-banner"), false);
  assert.equal(await page.isVisible("#hash-notice"), false);
  assert.match(await page.evaluate(() => location.hash), /scale=1,100/);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("the playground's header links to the lab", async () => {
  const { page } = await fresh();
  await loadPlayground(page, suite.base);
  await page.click('nav[data-site-nav] a[href="normalization.html"]');
  await page.waitForSelector("html[data-ready=true]");
  assert.match(page.url(), /normalization\.html/);
});

test("x₂ × 100: after the same updates the raw side's loss stays above the standardized side's; both paths drawn", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadLab(page, "#scale=1,1");
  assert.equal(await page.inputValue("#preset"), "none");
  await page.selectOption("#preset", "x2x100");
  await waitFor(page, () => window.nnNormalization.state.scale[1] === 100);
  assert.equal(await page.inputValue("#scaleX2"), "100");
  await train(page, 300);
  const s = await sides(page);
  assert.equal(s[0].step, s[1].step, "lockstep");
  assert.ok(s[0].trainLoss > s[1].trainLoss * 2, `raw ${s[0].trainLoss} vs standardized ${s[1].trainLoss}`);
  // At every recorded step, not just the last one.
  const above = await page.evaluate(() => {
    const [raw, std] = window.nnNormalization.sides.map((x) => x.playground.history());
    let all = raw.step.length === std.step.length;
    for (let i = 1; i < raw.step.length && all; i++) all = raw.step[i] === std.step[i] && raw.trainLoss[i] > std.trainLoss[i];
    return { all, n: raw.step.length };
  });
  assert.ok(above.all && above.n > 2, `raw above standardized at each of ${above.n} records`);
  for (const side of s) assert.ok(side.pathLength > 4, `${side.id}: path of ${side.pathLength / 2} points`);
  // The readouts: the standardized side reached the target, the raw side did not.
  const steps = await page.$$eval("[data-out=steps]", (els) => els.map((e) => e.textContent));
  assert.equal(steps[0], "not yet");
  assert.match(steps[1], /^\d+$/);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("the surface kind switch redraws: random plane, PCA of the path, the 1-D line", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadLab(page);
  await page.click("#step");
  await page.click("#step");
  await surfacesNow(page);
  const before = await surfacePixels(page);
  for (const kind of ["random", "pca", "line"]) {
    await page.click(`label:has(#surface-${kind})`);
    await waitFor(page, (k) => window.nnNormalization.sides.every((s) => s.surface?.kind === k), kind);
    const now = await surfacePixels(page);
    for (let i = 0; i < 2; i++) {
      assert.notEqual(now[i].hash, before[i].hash, `${kind}: panel ${i} redrawn`);
      assert.ok(now[i].variance > 50, `${kind}: panel ${i} not blank`);
    }
    assert.match(await page.evaluate(() => location.hash), new RegExp(`surface=${kind}`));
  }
  const line = await page.evaluate(() => window.nnNormalization.sides[0].surface);
  assert.equal(line.values.length, line.res, "the line is 1-D");
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("the Hessian's plane: its two top eigenvectors as axes, λ₁ and λ₂ (the Hessian's largest two) and the plane's κ in the caption", async () => {
  const { page, consoleErrors } = await fresh();
  await loadLab(page, "#surface=hessian");
  await page.click("#step");
  await surfacesNow(page);
  await waitFor(page, () => window.nnNormalization.sides.every((s) => s.surface?.kind === "hessian"));
  const planes = await page.evaluate(() => window.nnNormalization.sides.map((s) => ({
    eigenvalues: s.surface.eigenvalues,
    axes: s.surface.axes,
    hessian: s.playground.conditioning().hessian,
  })));
  for (const { eigenvalues: [l1, l2], axes, hessian } of planes) {
    assert.deepEqual(axes, ["eigen1", "eigen2"]);
    // Without hidden layers the Hessian is 3 × 3 and known in closed form: λ₁ is its largest
    // eigenvalue, λ₂ lies between it and the smallest.
    assert.ok(Math.abs(l1 - hessian.lambdaMax) <= 1e-8 * hessian.lambdaMax, `λ₁ ${l1} vs ${hessian.lambdaMax}`);
    assert.ok(l2 <= l1 && l2 >= hessian.lambdaMin * (1 - 1e-8), `λ₂ ${l2}`);
  }
  const captions = await page.$$eval("[data-out=surface-caption]", (els) => els.map((e) => e.textContent));
  for (const caption of captions) assert.match(caption, /Hessian's two top eigenvectors: λ₁ = .+, λ₂ = .+, κ of the plane/);
  assert.deepEqual(consoleErrors, []);
  await page.goto(`${suite.base}/normalization.html#surface=hessian&lang=ko`);
  await page.waitForSelector("html[data-ready=true]");
  await page.click("#step");
  await surfacesNow(page);
  await waitFor(page, () => window.nnNormalization.sides.every((s) => s.surface?.kind === "hessian"));
  assert.match(await page.textContent("[data-out=surface-caption]"), /헤세 행렬의 두 고유벡터가 이루는 평면/);
});

test("PCA before any training shows a hint, then the plane once the path exists", async () => {
  const { page } = await fresh();
  await loadLab(page, "#surface=pca");
  assert.deepEqual((await sides(page)).map((s) => s.kind), [null, null]);
  await train(page, 20);
  assert.deepEqual((await sides(page)).map((s) => s.kind), ["pca", "pca"]);
  assert.match(await page.textContent("[data-out=surface-caption]"), /principal/);
});

test("hidden layers: the unit selector picks the first-layer unit of the weights2d surface", async () => {
  const { page } = await fresh();
  await loadLab(page, "#hidden=4&learningRate=0.1");
  assert.equal(await page.isVisible("#unit"), true);
  assert.equal(await page.$$eval("#unit option", (o) => o.length), 4);
  assert.equal(await page.isVisible("[data-out=kappa-hessian]"), false, "no Hessian with hidden layers");
  await page.selectOption("#unit", "2");
  await waitFor(page, () => window.nnNormalization.state.unit === 2 && window.nnNormalization.sides[0].surface?.unit === 2);
  const surface = await page.evaluate(() => window.nnNormalization.sides[0].surface);
  assert.deepEqual([surface.axes, surface.unit], [["weight1", "weight2"], 2]);
  assert.match(await page.evaluate(() => location.hash), /unit=2/);
});

test("Fair learning rates gives each side its own rate and restarts both", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadLab(page);
  await page.click("#step");
  await page.click("#fair");
  // The rates are computed in the compute worker; both sides restart when they arrive.
  await waitFor(page, () => window.nnNormalization.state.fair === true && /hessian/.test(document.getElementById("fair-info").textContent));
  const s = await sides(page);
  assert.deepEqual(s.map((x) => x.step), [0, 0], "both restarted");
  assert.deepEqual(s.map((x) => x.method), ["hessian", "hessian"]);
  assert.ok(s[1].learningRate > s[0].learningRate * 100, `rates ${s[0].learningRate} / ${s[1].learningRate}`);
  const heads = await page.$$eval("[data-out=rate]", (els) => els.map((e) => e.textContent));
  assert.notEqual(heads[0], heads[1]);
  assert.match(await page.textContent("#fair-info"), /hessian/);
  assert.equal(await page.getAttribute("#fair", "aria-pressed"), "true");
  assert.match(await page.evaluate(() => location.hash), /fair=true/);
  // A reload of the link comes back with the same two rates.
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  await waitFor(page, () => /hessian/.test(document.getElementById("fair-info").textContent));
  assert.deepEqual((await sides(page)).map((x) => x.learningRate), s.map((x) => x.learningRate));
  // Typing a learning rate goes back to one shared rate.
  await page.fill("#learningRate", "0.05");
  await page.press("#learningRate", "Enter");
  await waitFor(page, () => window.nnNormalization.state.fair === false);
  assert.deepEqual((await sides(page)).map((x) => x.learningRate), [0.05, 0.05]);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("every control round-trips through the hash; bad values fall back with a notice", async () => {
  const { page } = await fresh();
  const hash = "#dataset=moons&noise=0.2&seed=7&scale=2,10&rotation=45&offset=1,-3&hidden=6,3&activation=relu" +
    "&optimizer=momentum&learningRate=0.02&batchSize=50&compare=bn&surface=line&unit=4&target=0.3&fair=false&speed=100&logScale=false";
  await loadLab(page, hash);
  assert.equal(await page.isVisible("#hash-notice"), false);
  assert.equal(await page.evaluate(() => location.hash), hash);
  assert.equal(await page.isChecked("#dataset-moons"), true);
  assert.equal(await page.inputValue("#rotation"), "45");
  assert.equal(await page.inputValue("#preset"), "custom");
  assert.equal(await page.inputValue("#unit"), "4");
  assert.equal(await page.isChecked("#surface-line"), true);
  assert.equal(await page.inputValue("#target"), "0.3");
  assert.equal(await page.inputValue("#speed"), "100");
  assert.equal(await page.isChecked("#logScale"), false);
  assert.equal(await page.inputValue("#compare"), "bn");
  const config = await page.evaluate(() => window.nnNormalization.sides[1].playground.config());
  assert.deepEqual(
    [config.dataset, config.rotation, config.offset, config.hidden, config.optimizer, config.batchSize, config.normalize, config.batchNorm],
    ["moons", 45, [1, -3], [6, 3], "momentum", 50, "none", "on"],
  );

  await loadLab(page, "#surface=nope&unit=3&learningRate=abc&rotation=720&compare=both&bogus=1");
  assert.equal(await page.isVisible("#hash-notice"), true);
  const notice = await page.textContent("#hash-notice-text");
  for (const key of ["surface=nope", "unit=3", "learningRate=abc", "rotation=720", "compare=both", "bogus"]) assert.match(notice, new RegExp(key));
  const state = await page.evaluate(() => window.nnNormalization.state);
  assert.deepEqual([state.surface, state.unit, state.learningRate, state.rotation, state.compare], ["weights2d", 0, 0.3, 0, "std"]);
});

test("a rejected setting names its label and range, marks its field; both old sessions keep running", async () => {
  const { page } = await fresh();
  await loadLab(page);
  await page.click("#step");
  await page.fill("#learningRate", "-1");
  await page.press("#learningRate", "Enter");
  await page.waitForSelector("#error-banner:not([hidden])");
  assert.equal(await page.textContent("#error-text"), "Learning rate α must be greater than 0 and at most 1\u202f000\u202f000; got −1.");
  assert.equal(await page.getAttribute("#learningRate", "aria-invalid"), "true");
  const s = await sides(page);
  assert.deepEqual(s.map((x) => [x.learningRate, x.step]), [[0.3, 1], [0.3, 1]]);
  await page.click("#step");
  assert.deepEqual((await sides(page)).map((x) => x.step), [2, 2]);
  await page.fill("#learningRate", "0.3");
  await page.press("#learningRate", "Enter");
  await page.waitForSelector("#error-banner", { state: "hidden" });
  // The batch size is among the folded settings.
  await page.click("#more-toggle");
  await page.fill("#batchSize", "0");
  await page.press("#batchSize", "Enter");
  await waitFor(page, () => /^Batch size must be between 1 and 1\u202f000\u202f000; got 0\.$/.test(document.getElementById("error-text").textContent));
  // Folded again, a refused field unfolds its settings when it is read again (Reset).
  await page.click("#more-toggle");
  assert.equal(await page.isVisible("#batchSize"), false);
  await page.click("#reset");
  await page.waitForSelector("#batchSize", { state: "visible" });
  assert.equal(await page.getAttribute("#more-toggle", "aria-expanded"), "true");
  assert.equal(await page.getAttribute("#batchSize", "aria-invalid"), "true");
});

test("a diverging side shows its own banner and stops; the other trains on", async () => {
  const { page } = await fresh();
  await loadLab(page, "#dataset=plane&scale=1,100&learningRate=0.01");
  await train(page, 50);
  const s = await sides(page);
  assert.equal(s[0].diverged, true);
  assert.equal(s[1].diverged, false);
  assert.ok(s[1].step >= 50);
  assert.equal(await page.isVisible("#diverged-raw"), true);
  assert.equal(await page.isVisible("#diverged-std"), false);
});

test("embed=1 hides the chrome", async () => {
  const { page } = await fresh();
  await loadLab(page, "#embed=1");
  assert.equal(await page.isVisible(".brand"), false);
  assert.equal(await page.isVisible(".lab-lesson"), false);
  assert.equal(await page.isVisible("[data-view=surface]"), true);
});

test("no request leaves 127.0.0.1", async () => {
  const { page, requests } = await fresh();
  await loadLab(page);
  await train(page, 30);
  await page.click("#fair");
  await waitFor(page, () => window.nnNormalization.state.fair === true);
  assert.ok(requests.length > 5);
  for (const url of requests) assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\//, url);
});

test("usable at 360 px wide: no horizontal scrolling, both panels drawn", async () => {
  const { page } = await fresh({ viewport: { width: 360, height: 740 } });
  await loadLab(page);
  await surfacesNow(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  for (const { variance } of await surfacePixels(page)) assert.ok(variance > 50);
  await page.click("#play");
  await waitFor(page, () => window.nnNormalization.sides[0].report.step > 20);
  await page.click("#play");
});

test("a page option in the hash (the language) does not restart training", async () => {
  const { page } = await fresh();
  await loadLab(page);
  await page.click("#step");
  await page.click("#step");
  await page.evaluate(() => { location.hash = `${location.hash}&lang=ko`; });
  await page.waitForTimeout(300);
  assert.deepEqual((await sides(page)).map((x) => x.step), [2, 2]);
  assert.equal(await page.isVisible("#hash-notice"), false);
});
