/**
 * The backprop explorer (www/backprop.html) in Korean: with #lang=ko, and through the header's language switch, every visible
 * string is Korean (names the Korean text keeps, numbers and MathML aside) at
 * every stage of the walk, in the optimizer comparison, the banners and the
 * diagram's tooltips; no console errors.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { waitFor, englishLeft, browserSuite, KEPT_IN_KOREAN } from "./helpers.mjs";

const suite = browserSuite();

async function openBackprop(page, hash = "#lang=ko") {
  await page.goto(`${suite.base}/backprop.html${hash}`);
  await page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
}

/** Step from the first stage to the last, checking at every stage; returns the stage titles. */
async function walk(page) {
  const count = await page.evaluate(() => window.nnBackprop.stages.length);
  while (await page.evaluate(() => window.nnBackprop.stage !== "input")) await page.click("#prev-stage");
  const titles = [];
  for (let i = 0; i < count; i++) {
    assert.deepEqual(await englishLeft(page), [], `stage ${i + 1}: ${await page.textContent("#stage-title")}`);
    titles.push(await page.textContent("#stage-title"));
    if (i + 1 < count) await page.click("#next-stage");
  }
  return titles;
}

test("backprop.html#lang=ko: every stage, the comparison, the banners and the tooltips read in Korean", async () => {
  const { page, consoleErrors, pageErrors } = await suite.fresh();
  await openBackprop(page, "#lang=ko&l2=0.01");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ko");
  assert.equal(await page.title(), "역전파, 한 단계씩 — nn-playground");
  assert.match(await page.textContent("#stage-count"), /^15단계 중 1단계$/);

  const titles = await walk(page);
  assert.ok(titles.some((s) => s.includes("연쇄 법칙")), titles.join(" / "));
  assert.ok(titles.every((s) => /[가-힣]/.test(s)), titles.join(" / "));
  // A transposed term says so in Korean.
  await page.click(".stage-button[data-stage=grad1]");
  assert.match(await page.textContent(".mx-transposed .mx-note"), /전치/);
  assert.deepEqual(await englishLeft(page), []);

  // The update, the gradient check, the comparison.
  await page.click(".stage-button[data-stage=update]");
  await page.click("#apply-update");
  assert.match(await page.textContent("#apply-status"), /적용했습니다.*✓/);
  await page.click("#grad-check");
  await waitFor(page, () => /상대 오차/.test(document.getElementById("grad-check-value").textContent));
  await page.click("#race-10");
  assert.match(await page.textContent(".race-cost"), /^비용 \S+ \(업데이트 \d+회 후\)$/);
  assert.deepEqual(await englishLeft(page), []);

  // One example instead of the mini-batch: the walk again.
  await page.check("#mode-example");
  await waitFor(page, () => window.nnBackprop.state.mode === "example");
  await walk(page);

  // The diagram's tooltips.
  await page.focus("#bp-network .node-unit[tabindex='0']");
  await page.waitForSelector("#bp-network-tip", { state: "visible" });
  assert.match(await page.innerText("#bp-network-tip"), /층 1, 유닛 1/);
  assert.deepEqual(await englishLeft(page), []);
  await page.locator("#bp-network .net-hit").first().hover({ force: true });
  assert.match(await page.innerText("#bp-network-tip"), /W\[1\]: x₁ → 층 1, 유닛 1/);
  assert.deepEqual(await englishLeft(page), []);

  // A rejected setting.
  await page.fill("#hidden", "9,9");
  await page.press("#hidden", "Enter");
  await page.waitForSelector("#error-banner:not([hidden])");
  assert.deepEqual(await englishLeft(page), []);

  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("backprop.html: the header's switch turns the page Korean and back, the link keeps the language", async () => {
  const { page, consoleErrors, pageErrors } = await suite.fresh();
  await openBackprop(page, "#example=9999&mode=example");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  const enTitle = await page.textContent("#stage-title");
  await page.click(".lang-switch button[data-lang=ko]");
  await waitFor(page, () => document.documentElement.lang === "ko");
  assert.match(await page.evaluate(() => location.hash), /lang=ko/);
  assert.notEqual(await page.textContent("#stage-title"), enTitle);
  // The notice quotes the link's key as typed.
  assert.deepEqual(await englishLeft(page, [...KEPT_IN_KOREAN, "example"]), []);
  await page.click("#next-stage");
  await page.click("#next-stage");
  assert.deepEqual(await englishLeft(page, [...KEPT_IN_KOREAN, "example"]), []);
  // The stage stays where it was in either language; the link keeps both.
  await page.click(".lang-switch button[data-lang=en]");
  await waitFor(page, () => document.documentElement.lang === "en");
  assert.match(await page.textContent("#stage-title"), /^Forward, layer 1: activations a/);
  assert.match(await page.textContent("#hash-notice"), /example=9999: must be between 0 and 249; got 9999/);
  assert.doesNotMatch(await page.evaluate(() => location.hash), /lang=/);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});
