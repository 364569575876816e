/**
 * Learning-rate schedules on the playground: the schedule's fields (the decay's only for a
 * decaying schedule) reach the core and the link, bad values are named; the loss chart draws α
 * over the steps on an axis of its own once it changes; an exported model and the custom element
 * keep the schedule.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadPlayground, waitFor, browserSuite, requestsOutside, englishLeft } from "./helpers.mjs";

const suite = browserSuite();

const config = (page) => page.evaluate(() => window.nnPlayground.playground.config());

/** Trains at full speed until `steps` updates, then pauses. */
async function trainTo(page, steps) {
  await page.click("#play");
  await waitFor(page, (n) => Number(document.getElementById("step-counter").textContent) >= n, steps, 60_000);
  await page.click("#play");
}

/** Pixels of the loss chart drawn in the learning rate's colour (#7b3fa0, give or take antialiasing). */
function ratePixels(page) {
  return page.evaluate(() => {
    const c = /** @type {HTMLCanvasElement} */ (document.getElementById("loss-chart"));
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - 123) < 25 && Math.abs(data[i + 1] - 63) < 25 && Math.abs(data[i + 2] - 160) < 25 && data[i + 3] > 200) n++;
    }
    return n;
  });
}

test("the schedule's fields: decay settings only for a decaying schedule, through the link, bad values named", async () => {
  const { page, consoleErrors, requests } = await suite.fresh();
  await loadPlayground(page, suite.base);
  assert.equal(await page.inputValue("#lrSchedule"), "constant");
  assert.equal(await page.inputValue("#warmupSteps"), "0");
  assert.equal(await page.isVisible("#warmupSteps"), true);
  assert.equal(await page.isVisible("#decaySteps"), false);
  assert.equal(await page.isVisible("#decayRate"), false);

  await page.selectOption("#lrSchedule", "cosine");
  await waitFor(page, () => window.nnPlayground.playground.config().lrSchedule === "cosine");
  assert.equal(await page.isVisible("#decaySteps"), true);
  assert.equal(await page.isVisible("#decayRate"), true);
  for (const [id, value] of [["decaySteps", "200"], ["decayRate", "0.01"], ["warmupSteps", "20"]]) {
    await page.fill(`#${id}`, value);
    await page.press(`#${id}`, "Enter");
  }
  await waitFor(page, () => window.nnPlayground.playground.config().warmupSteps === 20);
  const hash = await page.evaluate(() => location.hash);
  for (const part of ["lrSchedule=cosine", "warmupSteps=20", "decaySteps=200", "decayRate=0.01"]) assert.ok(hash.includes(part), `${part} in ${hash}`);

  const b = await suite.fresh();
  await loadPlayground(b.page, suite.base, hash);
  const restored = await config(b.page);
  assert.deepEqual([restored.lrSchedule, restored.warmupSteps, restored.decaySteps, restored.decayRate], ["cosine", 20, 200, 0.01]);
  assert.equal(await b.page.inputValue("#decayRate"), "0.01");
  assert.equal(await b.page.evaluate(() => location.hash), hash);

  await b.page.selectOption("#lrSchedule", "constant");
  await waitFor(b.page, () => window.nnPlayground.playground.config().lrSchedule === "constant");
  assert.equal(await b.page.isVisible("#decaySteps"), false, "hidden again for a constant rate");

  const c = await suite.fresh();
  await loadPlayground(c.page, suite.base, "#lrSchedule=linear&warmupSteps=0.5&decaySteps=0&decayRate=2");
  await c.page.waitForSelector("#hash-notice", { state: "visible" });
  const notice = await c.page.textContent("#hash-notice");
  for (const name of ["lrSchedule=linear", "warmupSteps=0.5", "decaySteps=0", "decayRate=2"]) assert.ok(notice.includes(name), `notice names ${name}: ${notice}`);
  const defaults = await config(c.page);
  assert.deepEqual([defaults.lrSchedule, defaults.warmupSteps, defaults.decaySteps, defaults.decayRate], ["constant", 0, 1000, 0.1]);

  await c.page.fill("#warmupSteps", "-3");
  await c.page.press("#warmupSteps", "Enter");
  await c.page.waitForSelector("#warmupSteps[aria-invalid=true]");
  assert.match(await c.page.textContent(".field-error"), /Warm-up steps/);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(requestsOutside(requests, suite.base), []);
});

test("the schedule's fields read in Korean", async () => {
  const { page } = await suite.fresh();
  await loadPlayground(page, suite.base, "#lang=ko&lrSchedule=cosine");
  assert.equal(await page.isVisible("#decayRate"), true);
  assert.equal((await page.textContent("#lrSchedule option[value=cosine]")).trim(), "코사인 감쇠");
  assert.match(await page.textContent("label[for=warmupSteps]"), /워밍업/);
  assert.deepEqual(await englishLeft(page), []);
});

test("the loss chart draws α over the steps on its own axis once α changes", async () => {
  const { page } = await suite.fresh();
  await loadPlayground(page, suite.base, "#speed=max");
  await trainTo(page, 200);
  assert.equal(await page.getAttribute("#loss-chart", "data-rate-max"), null, "a constant α is not drawn");
  assert.equal(await ratePixels(page), 0);

  const b = await suite.fresh();
  await loadPlayground(b.page, suite.base, "#lrSchedule=step&decaySteps=100&decayRate=0.5&learningRate=0.1&speed=max");
  await trainTo(b.page, 400);
  assert.equal(await b.page.getAttribute("#loss-chart", "data-rate-max"), "0.1");
  assert.ok(await ratePixels(b.page) > 50, "the α line and its axis are drawn");
  const report = await b.page.evaluate(() => window.nnPlayground.report);
  assert.equal(report.learningRate, 0.1 * 0.5 ** Math.floor(report.step / 100));

  const c = await suite.fresh();
  await loadPlayground(c.page, suite.base, "#warmupSteps=50&speed=1");
  await c.page.click("#step");
  await waitFor(c.page, () => document.getElementById("loss-chart").dataset.rateMax !== undefined);
  assert.equal(await c.page.getAttribute("#loss-chart", "data-rate-max"), String(0.03 * 2 / 50), "a warm-up is drawn as it rises");
});

test("an exported model keeps its schedule and goes on where it was", async () => {
  const { page } = await suite.fresh();
  await loadPlayground(page, suite.base);
  const result = await page.evaluate(async () => {
    const core = await import("/pkg/nn_playground.js");
    await core.default();
    const pg = new core.Playground({ lrSchedule: "exponential", warmupSteps: 10, decaySteps: 100, decayRate: 0.5, seed: 4 });
    pg.step(130);
    const model = JSON.parse(JSON.stringify(pg.exportModel()));
    const restored = core.Playground.fromModel(model);
    const pair = [pg.step(25).learningRate, restored.step(25).learningRate];
    const out = { config: model.config, restoredConfig: restored.config(), pair, history: Array.from(pg.history().learningRate) };
    pg.free();
    restored.free();
    return out;
  });
  assert.deepEqual([result.config.lrSchedule, result.config.warmupSteps, result.config.decaySteps, result.config.decayRate], ["exponential", 10, 100, 0.5]);
  assert.deepEqual(result.restoredConfig, result.config);
  assert.equal(result.pair[0], result.pair[1], "the restored model's α goes on from its 130 updates");
  assert.ok(Math.abs(result.pair[0] - 0.03 * 0.5 ** 1.45) < 1e-12, `${result.pair[0]}`);
  assert.equal(result.history.length, 2);
});

test("the custom element takes the schedule as attributes and charts α", async () => {
  const { page } = await suite.fresh();
  await page.goto(`${suite.base}/element-demo.html`);
  const out = await page.evaluate(async () => {
    const el = document.createElement("nn-playground");
    for (const [name, value] of [["lr-schedule", "cosine"], ["warmup-steps", "20"], ["decay-steps", "100"], ["decay-rate", "0"]]) el.setAttribute(name, value);
    const ready = new Promise((resolve) => el.addEventListener("nn-playground-ready", resolve, { once: true }));
    document.body.append(el);
    await ready;
    el.step(20);
    el.step(180);
    const chart = el.shadowRoot.querySelector("canvas.chart");
    return { config: el.config, rate: el.report.learningRate, rateMax: chart.dataset.rateMax };
  });
  assert.deepEqual([out.config.lrSchedule, out.config.warmupSteps, out.config.decaySteps, out.config.decayRate], ["cosine", 20, 100, 0]);
  assert.equal(out.rate, 0, "cosine down to 0 after the warm-up and one period");
  assert.equal(out.rateMax, "0.03");
});
