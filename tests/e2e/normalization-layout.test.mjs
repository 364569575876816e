/**
 * The Normalization lab's first screen in headless Chromium: at 1440 × 900 both
 * loss surfaces with their paths lie side by side above the fold, the settings
 * beyond the toolbar folded; on a phone one switch shows one side at a time, in
 * the same place and at the same size; the lecture's widget does the same at
 * both widths; and every part of the page sits inside a landmark.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, loadPlayground, waitFor } from "./helpers.mjs";

const suite = browserSuite();
const { fresh } = suite;

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Each surface canvas of `target` (a page or a frame): its box and whether it is shown. */
function surfaces(target) {
  return target.$$eval("[data-view=surface]", (canvases) => canvases.map((c) => {
    const { x, y, width, height } = c.getBoundingClientRect();
    return { x, y, width, height, shown: getComputedStyle(c).visibility === "visible" };
  }));
}

/** Both boxes side by side: the same top and size, the raw side wholly left of the standardized one. */
function assertSideBySide([raw, std]) {
  assert.ok(raw.shown && std.shown, "both shown");
  assert.ok(Math.abs(raw.y - std.y) < 1 && Math.abs(raw.width - std.width) < 1, `same row and size: ${JSON.stringify([raw, std])}`);
  assert.ok(raw.x + raw.width <= std.x, `raw left of standardized: ${JSON.stringify([raw, std])}`);
}

/** One side shown, the other hidden in exactly its place. */
function assertOneInPlace(boxes, shown) {
  const [raw, std] = boxes;
  assert.deepEqual(boxes.map((b) => b.shown), ["raw", "std"].map((id) => id === shown));
  for (const k of ["x", "y", "width", "height"]) assert.ok(Math.abs(raw[k] - std[k]) < 1, `same ${k}: ${JSON.stringify(boxes)}`);
}

test("at 1440 × 900 both surfaces and their paths are on the first screen, side by side; the rest of the settings folded", async () => {
  const { page, consoleErrors, pageErrors } = await fresh({ viewport: DESKTOP });
  await loadPlayground(page, suite.base, "normalization.html");
  for (let i = 0; i < 20; i++) await page.click("#step");
  await waitFor(page, () => window.nnNormalization.sides.every((s) => s.surface?.path.length >= 20));
  const boxes = await surfaces(page);
  assertSideBySide(boxes);
  for (const box of boxes) assert.ok(box.y >= 0 && box.y + box.height <= DESKTOP.height, `within the first 900 px: ${JSON.stringify(box)}`);
  // Every point of each path lies in its surface's window, so the whole path is drawn.
  const inside = await page.evaluate(() => window.nnNormalization.sides.map(({ surface: s }) => {
    for (let i = 0; i < s.path.length; i += 2) {
      const [a, b] = [s.path[i], s.path[i + 1]];
      if (a < s.xRange[0] || a > s.xRange[1] || b < s.yRange[0] || b > s.yRange[1]) return false;
    }
    return true;
  }));
  assert.deepEqual(inside, [true, true]);
  // The switch is for narrow screens only.
  assert.equal(await page.isVisible(".lab-switch"), false);

  // The toolbar keeps the story's controls; one button unfolds the rest, and folds it again.
  for (const sel of ["#preset", "label:has(#surface-weights2d)", "#learningRate", "#fair"]) assert.equal(await page.isVisible(sel), true, sel);
  assert.equal(await page.isVisible("#more-settings"), false);
  assert.equal(await page.getAttribute("#more-toggle", "aria-expanded"), "false");
  await page.click("#more-toggle");
  assert.equal(await page.getAttribute("#more-toggle", "aria-expanded"), "true");
  for (const sel of ["#dataset-gauss + canvas", "#scaleX2", "#hidden", "#batchSize", "#target"]) assert.equal(await page.isVisible(sel), true, sel);
  await page.click("#more-toggle");
  assert.equal(await page.isVisible("#scaleX2"), false);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("on a phone one switch flips between the two panels at the same place and size", async () => {
  const { page, consoleErrors, pageErrors } = await fresh({ viewport: PHONE });
  await loadPlayground(page, suite.base, "normalization.html");
  assert.equal(await page.isVisible(".lab-switch"), true);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  const raw = await surfaces(page);
  assertOneInPlace(raw, "raw");
  assert.equal(await page.getAttribute(".lab-switch [data-show=raw]", "aria-pressed"), "true");

  await page.click(".lab-switch [data-show=std]");
  const std = await surfaces(page);
  assertOneInPlace(std, "std");
  assert.deepEqual(std.map(({ x, y, width, height }) => [x, y, width, height]), raw.map(({ x, y, width, height }) => [x, y, width, height]),
    "the other side appears where the first one was, at its size");
  assert.equal(await page.getAttribute(".lab-switch [data-show=std]", "aria-pressed"), "true");
  assert.equal(await page.getAttribute(".lab-switch [data-show=raw]", "aria-pressed"), "false");
  assert.equal(await page.isVisible("#panel-raw h2"), false);
  // Both sides keep training and drawing while one is shown.
  await page.click("#step");
  assert.deepEqual(await page.evaluate(() => window.nnNormalization.sides.map((s) => s.report.step)), [1, 1]);
  await page.click(".lab-switch [data-show=raw]");
  assertOneInPlace(await surfaces(page), "raw");
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("the lecture's widget: side by side at 1440 wide, one switch at 390", async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const { page } = await fresh({ viewport });
    await page.goto(`${suite.base}/lecture.html`);
    await page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
    const handle = await page.$('iframe[data-src^="normalization.html"]');
    await handle.scrollIntoViewIfNeeded();
    const frame = await handle.contentFrame();
    await frame.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
    const boxes = await surfaces(frame);
    if (viewport === DESKTOP) {
      assertSideBySide(boxes);
      assert.equal(await frame.isVisible(".lab-switch"), false);
    } else {
      assertOneInPlace(boxes, "raw");
      await frame.click(".lab-switch [data-show=std]");
      assertOneInPlace(await surfaces(frame), "std");
    }
  }
});

test("every part of the lab sits inside a landmark", async () => {
  const { page } = await fresh({ viewport: DESKTOP });
  await loadPlayground(page, suite.base, "normalization.html");
  await page.click("#more-toggle");
  const outside = await page.evaluate(() => {
    const landmark = "main, header, footer, nav, aside, [role=main], [role=banner], [role=contentinfo], " +
      "section[aria-label], section[aria-labelledby], form[aria-label], form[aria-labelledby]";
    const parts = document.querySelectorAll(".lab-card, .lab-panel, .lab-switch, #settings");
    return [...parts].filter((el) => !el.parentElement.closest(landmark)).map((el) => el.className || el.id);
  });
  assert.deepEqual(outside, []);
  assert.equal(await page.locator("main").count(), 1);
});

test("embed=1 with controls= shows the kept controls unfolded, without the fold's button", async () => {
  const { page } = await fresh({ viewport: DESKTOP });
  await loadPlayground(page, suite.base, "normalization.html#embed=1&controls=batchSize");
  assert.equal(await page.isVisible("#batchSize"), true);
  assert.equal(await page.isVisible("#more-toggle"), false);
  assert.equal(await page.isVisible(".lab-toolbar"), false, "none of the toolbar's controls was kept");
  assertSideBySide(await surfaces(page));
});
