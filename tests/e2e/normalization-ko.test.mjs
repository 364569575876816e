/**
 * The Normalization lab in Korean (www/normalization.html#lang=ko): after
 * training for a moment no English is left on the page, <html lang> is "ko",
 * the console stays clean, and the header's language switch brings the
 * English back.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, loadPlayground, waitFor, englishLeft, KEPT_IN_KOREAN } from "./helpers.mjs";

const suite = browserSuite();
const fresh = suite.fresh;
const base = () => suite.base;

/** Texts that must differ between the languages. */
function texts(page) {
  return page.evaluate(() => ({
    title: document.title,
    play: document.querySelector(".play-label").textContent.trim(),
    panels: [...document.querySelectorAll(".lab-panel h2")].map((h) => h.textContent.trim()),
    fair: document.getElementById("fair").textContent.trim(),
    lesson: document.getElementById("lesson-heading").textContent.trim(),
    dt: document.querySelector(".lab-readouts dt").textContent.trim(),
    unit: document.querySelector("#unit option")?.textContent.trim() ?? null,
    more: document.getElementById("more-toggle").textContent.trim(),
    switch: [...document.querySelectorAll(".lab-switch button")].map((b) => b.textContent.trim()),
  }));
}

test("the lab in Korean: no English left after training, lang=ko, no console errors", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadPlayground(page, base(), "normalization.html#lang=ko");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ko");
  assert.equal(await page.title(), "정규화 실험실 — nn-playground");

  await page.click("#more-toggle");
  await page.click("#play");
  await waitFor(page, () => window.nnNormalization.sides.every((s) => s.report.step >= 30));
  assert.equal((await page.textContent(".play-label")).trim(), "일시정지");
  await page.waitForTimeout(300);
  assert.deepEqual(await englishLeft(page), []);
  await page.click("#play");
  await waitFor(page, () => !window.nnNormalization.playing);
  assert.equal((await page.textContent(".play-label")).trim(), "재생");

  // Fair learning rates, their readouts, and another surface kind: still Korean.
  await page.click("#fair");
  await waitFor(page, () => window.nnNormalization.state.fair && /헤세/.test(document.getElementById("fair-info").textContent));
  assert.match(await page.textContent("#fair-info"), /원본 입력: α = .+ \(헤세 행렬\)/);
  await page.check("#surface-line");
  await waitFor(page, () => window.nnNormalization.sides.every((s) => s.surface?.kind === "line"));
  assert.deepEqual(await englishLeft(page), []);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ko");
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("a notice and an error in Korean (the link's keys and values stay as typed)", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadPlayground(page, base(), "normalization.html#surface=banana&lang=ko");
  assert.equal(await page.isVisible("#hash-notice"), true);
  assert.match(await page.textContent("#hash-notice-text"), /surface=banana: weights2d, random, pca, line, hessian 중 하나여야 합니다 \(입력: “banana”\)/);
  await page.click("#more-toggle");
  await page.fill("#target", "-2");
  await page.press("#target", "Enter");
  await waitFor(page, () => !document.getElementById("error-banner").hidden);
  assert.match(await page.textContent("#error-text"), /^목표 손실: “auto” 또는 0보다 큰 수여야 합니다 \(입력: −2\)\.$/);
  assert.deepEqual(await englishLeft(page, [...KEPT_IN_KOREAN, "surface", "banana", "target", "auto", "weights", "random", "pca", "line"]), []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("the language switch turns the lab English and back to Korean", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadPlayground(page, base(), "normalization.html#hidden=4&lang=ko");
  const ko = await texts(page);
  assert.deepEqual(ko.panels, ["원본 입력", "표준화한 입력"]);
  assert.equal(ko.more, "설정 더 보기");
  assert.equal(ko.unit, "유닛 1");

  await page.click(".lang-switch button[data-lang=en]");
  await waitFor(page, () => document.documentElement.lang === "en");
  assert.deepEqual(await texts(page), {
    title: "Normalization lab — nn-playground",
    play: "Play",
    panels: ["Raw inputs", "Standardized inputs"],
    fair: "Fair learning rates",
    lesson: "What you are looking at",
    dt: "κ of the inputs (with bias)",
    unit: "unit 1",
    more: "More settings",
    switch: ["Raw inputs", "Standardized inputs"],
  });
  assert.doesNotMatch(await page.evaluate(() => location.hash), /lang=/);
  assert.match(await page.textContent("[data-i18n=lab-lesson-2]"), /^With no hidden layer/);

  await page.click(".lang-switch button[data-lang=ko]");
  await waitFor(page, () => document.documentElement.lang === "ko");
  assert.deepEqual(await texts(page), ko);
  assert.deepEqual(await englishLeft(page), []);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});
