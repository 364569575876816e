/**
 * λmax live on the playground's loss chart ("Track λmax on the loss chart"): turned on, the
 * sharpness is measured in the compute worker while training plays, at most about twice a second,
 * and drawn with the line 2/α on an axis of its own — the canvas's data attributes and the page's
 * handle say what is drawn; each point is the page network's own pg.sharpness() at that step; the
 * series starts over with a new network; the option travels in the link; English and Korean.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadPlayground, waitFor, browserSuite } from "./helpers.mjs";

const suite = browserSuite();

/** Full-batch gradient descent on the spiral at α = 1: λmax climbs from 0.79 to about 2/α = 2. */
const EDGE = "#dataset=spiral&hidden=8,8&batchSize=250&learningRate=1&seed=1&speed=10";

/** The λmax points of the page's handle, the chart's data attributes and the legend's λmax keys. */
function tracked(page) {
  return page.evaluate(() => {
    const chart = document.getElementById("loss-chart");
    return {
      points: window.nnPlayground.sharpness,
      step: window.nnPlayground.report.step,
      drawn: chart.dataset.sharpnessPoints === undefined ? null : Number(chart.dataset.sharpnessPoints),
      limit: chart.dataset.stableLimit === undefined ? null : Number(chart.dataset.stableLimit),
      rateMax: chart.dataset.rateMax ?? null,
      keys: [...document.querySelectorAll("[data-sharpness-key]")].map((k) => (k.hidden ? null : k.textContent)),
    };
  });
}

/** Wait until the chart has a λmax point at the network's current step (measured after a pause). */
function pointAtCurrentStep(page) {
  return waitFor(page, () => {
    const points = window.nnPlayground.sharpness;
    return points.length > 0 && points[points.length - 1].step === window.nnPlayground.report.step;
  });
}

test("tracking draws λmax and 2/α on the loss chart while training plays; each λmax is the network's pg.sharpness()", async () => {
  const { page, consoleErrors, pageErrors } = await suite.fresh();
  await loadPlayground(page, suite.base, EDGE);
  const off = await tracked(page);
  assert.deepEqual([off.points, off.drawn, off.limit], [[], null, null], "nothing while off");
  assert.deepEqual(off.keys, [null, null], "the legend's λmax keys are hidden while off");
  assert.equal(await page.isChecked("#trackSharpness"), false);

  await page.check("#trackSharpness");
  await waitFor(page, () => location.hash.includes("trackSharpness=true"));
  // Turned on, it measures the network as it is: at step 0, the initial weights.
  await pointAtCurrentStep(page);
  const first = await page.evaluate(() => ({ shown: window.nnPlayground.sharpness[0], core: window.nnPlayground.playground.sharpness() }));
  assert.equal(first.shown.step, 0);
  assert.ok(Math.abs(first.shown.lambdaMax - first.core.lambdaMax) <= 1e-9 * first.core.lambdaMax, JSON.stringify(first));

  const started = Date.now();
  await page.click("#play");
  await waitFor(page, () => window.nnPlayground.sharpness.length >= 4 && window.nnPlayground.report.step >= 300, undefined, 60_000);
  await page.click("#play");
  const elapsed = Date.now() - started;
  await pointAtCurrentStep(page);
  const on = await tracked(page);
  // At most one request every half second while playing (plus the points at step 0 and at the pause).
  assert.ok(on.points.length <= elapsed / 500 + 3, `${on.points.length} points in ${elapsed} ms`);
  for (let i = 1; i < on.points.length; i++) assert.ok(on.points[i].step > on.points[i - 1].step, "one point per step, in order");
  assert.equal(on.drawn, on.points.filter((p) => p.lambdaMax > 0).length, "every positive λmax drawn");
  assert.equal(on.limit, 2, "2/α with α = 1");
  assert.deepEqual(on.keys, ["λmax (sharpness)", "2/α: full-batch gradient descent is stable below it"]);
  // Full-batch gradient descent drives λmax from 0.79 towards 2/α.
  assert.ok(Math.max(...on.points.map((p) => p.lambdaMax)) > 1.5, JSON.stringify(on.points));
  // The last point is the paused network's own sharpness, computed on the page.
  const core = await page.evaluate(() => window.nnPlayground.playground.sharpness().lambdaMax);
  const last = on.points[on.points.length - 1].lambdaMax;
  assert.ok(Math.abs(last - core) <= 1e-9 * Math.abs(core), `worker ${last} vs page ${core}`);

  // One step measures at once; Reset starts the series over at the new network's step 0.
  await page.click("#step");
  await pointAtCurrentStep(page);
  await page.click("#reset");
  await waitFor(page, () => window.nnPlayground.report.step === 0 && window.nnPlayground.sharpness.length === 1);
  assert.equal((await tracked(page)).points[0].lambdaMax, first.shown.lambdaMax, "the same seed: the same start");

  await page.uncheck("#trackSharpness");
  await waitFor(page, () => location.hash.includes("trackSharpness=false"));
  const hidden = await tracked(page);
  assert.deepEqual([hidden.drawn, hidden.limit, hidden.keys], [null, null, [null, null]]);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("with a schedule, 2/α follows every update's α on the curvature axis (instead of α's own axis); in the link and in Korean", async () => {
  const { page, consoleErrors } = await suite.fresh();
  await loadPlayground(page, suite.base, `${EDGE}&learningRate=0.5&lrSchedule=cosine&decaySteps=200&warmupSteps=10&trackSharpness=true&lang=ko`);
  assert.equal(await page.isChecked("#trackSharpness"), true, "the link turns it on");
  assert.equal((await page.textContent("label[for=trackSharpness]")).replace(/\s+/g, " ").trim(),
    "손실 그래프에 λmax 추적 2/α 선과 함께, 학습이 재생되는 동안 1초에 두 번쯤");
  await page.click("#play");
  await waitFor(page, () => window.nnPlayground.report.step >= 60 && window.nnPlayground.sharpness.length >= 2, undefined, 60_000);
  await page.click("#play");
  await pointAtCurrentStep(page);
  const state = await tracked(page);
  const alpha = await page.evaluate(() => window.nnPlayground.report.learningRate);
  assert.ok(alpha < 0.5, `the cosine decay has lowered α (${alpha})`);
  assert.equal(state.limit, 2 / alpha, "the newest 2/α is that of the next update");
  assert.equal(state.rateMax, null, "α's own axis gives way to the curvature axis");
  assert.deepEqual(state.keys, ["λmax (날카로움)", "2/α: λmax 가 이 선 아래에 있으면 전체 배치 경사 하강법이 안정적입니다"]);
  assert.deepEqual(consoleErrors, []);
});
