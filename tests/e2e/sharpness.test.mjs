/**
 * The playground's sharpness readout: λmax of the Hessian, computed off the main thread, with
 * the stable limit 2/λmax set against the learning rate — the same numbers pg.sharpness() gives
 * on the page's network — in English and Korean; a rebuilt network clears it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadPlayground, waitFor, browserSuite } from "./helpers.mjs";

const suite = browserSuite();

/** Press the button and wait for the readout's result; returns its text and the core's numbers. */
async function measure(page) {
  await page.click("#sharpness");
  await waitFor(page, () => /λmax \d/.test(document.getElementById("sharpness-value").textContent));
  return page.evaluate(() => ({
    text: document.getElementById("sharpness-value").textContent,
    shown: Number(document.getElementById("sharpness-value").dataset.lambdaMax),
    core: window.nnPlayground.playground.sharpness(),
    ok: document.getElementById("sharpness-value").classList.contains("ok"),
  }));
}

test("Sharpness shows λmax of the page's network and the stable limit 2/λmax against α", async () => {
  const { page, consoleErrors } = await suite.fresh();
  // At the initial parameters (one seed, no update), so that both learning rates see one network.
  await loadPlayground(page, suite.base, "#dataset=xor&hidden=6&learningRate=0.03&seed=3");
  const small = await measure(page);
  assert.equal(small.shown, small.core.lambdaMax, "the worker's λmax is the page network's");
  assert.ok(small.text.includes(`α < ${String(Number(small.core.stableStep.toPrecision(4)))}`), small.text);
  assert.equal(small.ok, 0.03 < small.core.stableStep);
  // A learning rate above the limit reads as such.
  const limit = small.core.stableStep;
  await loadPlayground(page, suite.base, `#dataset=xor&hidden=6&learningRate=${(2 * limit).toPrecision(3)}&seed=3`);
  const large = await measure(page);
  assert.equal(large.core.lambdaMax, small.core.lambdaMax, "the same network");
  assert.equal(large.ok, false, large.text);
  assert.match(large.text, /✗/);
  assert.deepEqual(consoleErrors, []);
});

test("the readout reads in Korean and a rebuilt network clears it", async () => {
  const { page } = await suite.fresh();
  await loadPlayground(page, suite.base, "#dataset=circle&hidden=4&seed=2&lang=ko");
  assert.equal((await page.textContent("#sharpness")).trim(), "날카로움 λmax");
  const { text } = await measure(page);
  assert.match(text, /전체 배치 경사 하강법/);
  await page.fill("#hidden", "5");
  await page.press("#hidden", "Enter");
  await waitFor(page, () => document.getElementById("sharpness-value").textContent === "");
});
