/**
 * L1 regularization on the playground: the L1 field beside L2 reaches the core, the link and the
 * custom element; a bad value is named by its label; and with a big λ₁ the network diagram draws
 * most links at the width of a zero weight.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadPlayground, waitFor, browserSuite, requestsOutside } from "./helpers.mjs";

const suite = browserSuite();

/** Stroke widths of the links of the playground's diagram. */
function linkWidths(page) {
  return page.$$eval("#network .net-link:not(.net-link-more)", (paths) => paths.map((p) => Number(p.style.strokeWidth)));
}

/** Trains at full speed until `steps` updates, then pauses (the diagram is redrawn on pause). */
async function trainTo(page, steps) {
  await page.click("#play");
  await waitFor(page, (n) => Number(document.getElementById("step-counter").textContent) >= n, steps, 60_000);
  await page.click("#play");
}

test("the L1 field round-trips through the core and the link, and a bad value is named", async () => {
  const { page, consoleErrors, requests } = await suite.fresh();
  await loadPlayground(page, suite.base);
  assert.equal(await page.inputValue("#l1"), "0");
  assert.equal(await page.isVisible("#l1"), true);
  await page.fill("#l1", "0.003");
  await page.press("#l1", "Enter");
  await waitFor(page, () => window.nnPlayground.playground.config().l1 === 0.003);
  assert.match(await page.evaluate(() => location.hash), /[#&]l1=0\.003(&|$)/);

  await page.fill("#l1", "-1");
  await page.press("#l1", "Enter");
  await page.waitForSelector("#l1[aria-invalid=true]");
  const message = await page.textContent(".field-error");
  assert.match(message, /L1/, `the message names the field: ${message}`);
  assert.equal(await page.evaluate(() => window.nnPlayground.playground.config().l1), 0.003, "the network keeps running");

  const b = await suite.fresh();
  await loadPlayground(b.page, suite.base, "#l1=1e7");
  await b.page.waitForSelector("#hash-notice", { state: "visible" });
  assert.match(await b.page.textContent("#hash-notice"), /l1=1e7/);
  assert.equal(await b.page.evaluate(() => window.nnPlayground.playground.config().l1), 0);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(requestsOutside(requests, suite.base), []);
});

test("with a big λ₁ most links of the diagram are drawn as zero weights", async () => {
  const widths = {};
  for (const l1 of [0, 0.01]) {
    const { page } = await suite.fresh();
    await loadPlayground(page, suite.base, `#hidden=8,8&learningRate=0.1&l1=${l1}&speed=max`);
    await trainTo(page, 5000);
    const all = await linkWidths(page);
    assert.equal(all.length, 2 * 8 + 8 * 8 + 8);
    widths[l1] = all.filter((w) => w <= 0.6).length / all.length;
    const tiny = await page.evaluate(() => {
      const weights = window.nnPlayground.playground.parameters().flatMap((l) => Array.from(l.weights));
      return weights.filter((w) => Math.abs(w) < 1e-3).length / weights.length;
    });
    if (l1 > 0) assert.ok(tiny > 0.6, `most weights within 10⁻³ of 0: ${tiny}`);
  }
  assert.ok(widths[0] < 0.2, `without L1 few links are as thin as a zero weight: ${widths[0]}`);
  assert.ok(widths[0.01] > 0.6, `with λ₁ = 0.01 most are: ${widths[0.01]}`);
});

test("the custom element takes l1 as an attribute", async () => {
  const { page } = await suite.fresh();
  await page.goto(`${suite.base}/element-demo.html`);
  const config = await page.evaluate(async () => {
    const el = document.createElement("nn-playground");
    el.setAttribute("l1", "0.02");
    const ready = new Promise((resolve) => el.addEventListener("nn-playground-ready", resolve, { once: true }));
    document.body.append(el);
    await ready;
    return el.config;
  });
  assert.equal(config.l1, 0.02);
});
