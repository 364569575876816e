/**
 * The playground (www/index.html) in Korean, in headless Chromium: lang=ko or
 * the switch, every string translated (the optimizer fields, the diagram's
 * tooltips and the note at a click on the plot too), and back to English.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadPlayground, waitFor, englishLeft, browserSuite } from "./helpers.mjs";

const suite = browserSuite();
const fresh = suite.fresh;

test("the playground reads in Korean (lang=ko or the switch), every string translated, and back", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadPlayground(page, suite.base, "#dataset=circle&lang=ko");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ko");
  assert.equal((await page.textContent(".play-label")).trim(), "재생");
  assert.equal(await page.textContent("label[for=learningRate]"), "학습률");
  await page.click("#step");
  await page.click("#grad-check");
  await page.waitForSelector("#grad-check-value[data-value]");
  await page.click("#share-button").catch(() => {});
  await page.keyboard.press("Escape");
  await page.click("#boundary"); // the note at the click: how to add points
  await page.waitForSelector(".plot-note", { state: "visible" });
  assert.deepEqual(await englishLeft(page), []);
  assert.match(await page.evaluate(() => location.hash), /lang=ko/);
  // A lesson link keeps the language.
  await page.click(".lessons a >> nth=1");
  await waitFor(page, () => window.nnPlayground.playground.config().activation === "sigmoid");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ko");
  assert.match(await page.evaluate(() => location.hash), /lang=ko/);

  await page.click(".lang-switch button[data-lang=en]");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  assert.equal((await page.textContent(".play-label")).trim(), "Play");
  assert.equal(await page.textContent("label[for=learningRate]"), "Learning rate");
  assert.doesNotMatch(await page.evaluate(() => location.hash), /lang=/);
  await page.click(".lang-switch button[data-lang=ko]");
  assert.equal(await page.textContent("label[for=learningRate]"), "학습률");
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("index.html#lang=ko: momentum, Adam and the gradients view have no English left", async () => {
  const { page, consoleErrors, pageErrors } = await suite.fresh();
  for (const optimizer of ["momentum", "adam"]) {
    await page.goto(`${suite.base}/index.html#optimizer=${optimizer}&batchSize=10&lang=ko`);
    await page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
    assert.equal(await page.evaluate(() => document.documentElement.lang), "ko");
    await page.check("#showGradients");
    for (let i = 0; i < 25; i++) await page.click("#step");
    await page.focus("#network .node-unit[tabindex='0']");
    await page.waitForSelector("#network-tip", { state: "visible" });
    assert.deepEqual(await englishLeft(page), [], optimizer);
    assert.ok(await page.isVisible(optimizer === "adam" ? "#beta1" : "#momentum"), optimizer);
  }
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});
