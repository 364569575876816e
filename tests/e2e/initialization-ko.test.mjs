/**
 * The Initialization lab (www/initialization.html) in Korean: loaded with
 * #lang=ko and trained a moment, no English is left on the page (controls,
 * presets, strips, table, readouts, explanations), the document says lang="ko",
 * there are no console errors, and the header's switch brings English back.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { waitFor, englishLeft, browserSuite, KEPT_IN_KOREAN } from "./helpers.mjs";

const suite = browserSuite();

/** Load the lab with a hash and wait until its first network is drawn. */
async function loadLab(page, hash) {
  await page.goto(`${suite.base}/initialization.html${hash}`);
  await page.waitForSelector("html[data-ready]", { timeout: 30_000 });
  assert.equal(await page.getAttribute("html", "data-ready"), "true");
}

/** Play until the step counter passes `steps`, then pause. */
async function train(page, steps) {
  await page.click("#play");
  await waitFor(page, (n) => Number(document.getElementById("step-counter").textContent) >= n, steps);
  await page.click("#play");
}

test("the lab in Korean: no English left after training; the switch restores English", async () => {
  const { page, consoleErrors, pageErrors } = await suite.fresh();
  await loadLab(page, "#lang=ko");
  await train(page, 200);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ko");
  assert.equal(await page.title(), "초기화 실험실 — nn-playground");
  assert.deepEqual(await englishLeft(page), []);
  assert.match(await page.textContent("#strips .layer-strip >> nth=0"), /층 1 · 유닛 32개/);
  // The lab opens on N(0, 1) with its fix offered, in Korean too.
  assert.equal(await page.textContent("#fix-it"), "고치기: Xavier");
  assert.match(await page.getAttribute("#fix-it", "title"), /^이 활성 함수에 알맞은 크기인 Xavier/);
  assert.equal((await page.textContent(".play-label")).trim(), "재생");
  assert.equal(await page.$eval("#dataset optgroup", (g) => g.label), "분류");

  // Every preset, and the toy's readout, read in Korean too.
  for (const id of ["zeros", "large-relu", "toy-1.5"]) {
    await page.selectOption("#preset", id);
    await waitFor(page, (p) => window.nnInit.state && document.getElementById("preset").value === p, id);
    await page.click("#step");
    assert.deepEqual(await englishLeft(page), [], id);
  }
  assert.match(await page.textContent("#toy-readout"), /깊은 선형 장난감 예/);

  // The header's switch goes back to English, and the link follows.
  await page.click(".lang-switch button[data-lang=en]");
  await waitFor(page, () => document.documentElement.lang === "en");
  assert.equal(await page.title(), "Initialization lab — nn-playground");
  assert.equal(await page.textContent("#layers-heading"), "Layers");
  assert.match(await page.textContent("#strips .layer-strip >> nth=0"), /^Layer 1 · \d+ units?/);
  assert.match(await page.textContent("#toy-readout"), /^Deep linear toy/);
  assert.equal(await page.textContent("#fix-it"), "Fix it: s = 1");
  assert.equal(await page.$eval("#dataset optgroup", (g) => g.label), "Classification");
  assert.ok(!(await page.evaluate(() => location.hash)).includes("lang="));
  assert.match(await page.textContent("#formula-caption"), /^Var\(W\) of hidden layer/);
  assert.match(await page.textContent("#activation-text"), /^No non-linearity/);
  assert.match(await page.textContent("footer"), /Lecture §2 and §4/);

  // And to Korean again.
  await page.click(".lang-switch button[data-lang=ko]");
  await waitFor(page, () => document.documentElement.lang === "ko");
  assert.deepEqual(await englishLeft(page), []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("the lab's messages in Korean: a link's bad setting and a rejected input", async () => {
  const { page, consoleErrors, pageErrors } = await suite.fresh();
  await loadLab(page, "#gradient=sideways&lang=ko");
  await page.waitForSelector("#hash-notice", { state: "visible" });
  assert.match(await page.textContent("#hash-notice-text"), /gradient=sideways: delta, weights 중 하나여야 합니다 \(입력: “sideways”\)/);
  await page.fill("#depth", "0");
  await page.press("#depth", "Enter");
  await page.waitForSelector("#error-banner", { state: "visible" });
  assert.match(await page.textContent("#error-text"), /^은닉층 수: 1 이상 16 이하인 값이어야 합니다 \(입력: 0\)\.$/);
  // The notice quotes the link's key and value as they are.
  assert.deepEqual(await englishLeft(page, [...KEPT_IN_KOREAN, "gradient", "sideways", "delta", "weights"]), []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});
