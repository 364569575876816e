/**
 * The Normalization lab's loss surfaces come from the compute worker: computed on its replica of
 * each side's session (the same config trained through the same updates), they are the very
 * surfaces — grid, path, eigenvalues — the page's own session gives, for every kind; while the
 * Hessian's plane of a big network is computed the main thread keeps running (timers fire, no
 * long task) and a progress note shows once it is slow; a newer request makes a stale one's
 * result never shown; English and Korean.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadPlayground, waitFor, browserSuite } from "./helpers.mjs";

const suite = browserSuite();

/** Wait until both sides show the loss surface (or refusal) of their current update, of `kind` when given. */
function surfacesNow(page, kind) {
  return waitFor(page, (k) => window.nnNormalization.sides.every((s) =>
    s.surfaceStep === s.report.step && (!k || s.surface?.kind === k)), kind, 60_000);
}

/**
 * Each side's surface against the one its page session computes itself on the same window:
 * whether the grid, the path, the current point and the eigenvalues are the same numbers.
 */
function sameAsPage(page) {
  return page.evaluate(() => window.nnNormalization.sides.map(({ surface: s, playground: pg }) => {
    const center = [(s.xRange[0] + s.xRange[1]) / 2, (s.yRange[0] + s.yRange[1]) / 2];
    const own = pg.lossSurface({ kind: s.kind, res: s.res, unit: s.unit ?? 0, center, span: (s.xRange[1] - s.xRange[0]) / 2 });
    const same = (a, b) => JSON.stringify(a && Array.from(a)) === JSON.stringify(b && Array.from(b));
    return {
      kind: s.kind,
      values: same(s.values, own.values),
      path: same(s.path, own.path) && s.path.length >= 2 * 20,
      current: same(s.currentPoint, own.currentPoint),
      eigenvalues: same(s.eigenvalues, own.eigenvalues),
    };
  }));
}

test("every kind of surface from the worker is the page session's own: grid, path, current point, eigenvalues", async () => {
  const { page, consoleErrors, pageErrors } = await suite.fresh();
  await loadPlayground(page, suite.base, "normalization.html#hidden=4&learningRate=0.1&seed=3");
  // Two bursts of play: the worker's replica catches up on the updates since its last surface.
  for (const steps of [25, 60]) {
    await page.click("#play");
    await waitFor(page, (n) => window.nnNormalization.sides.every((s) => s.report.step >= n), steps);
    await page.click("#play");
  }
  for (const kind of ["weights2d", "random", "pca", "line", "hessian"]) {
    await page.click(`label:has(#surface-${kind})`);
    await surfacesNow(page, kind);
    for (const side of await sameAsPage(page)) {
      assert.deepEqual(side, { kind, values: true, path: true, current: true, eigenvalues: true }, kind);
    }
  }
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

/** From now on in the page: timer ticks, long tasks, and each frame's surface kind and step of both sides. */
function startWatching(page) {
  return page.evaluate(() => {
    const w = { ticks: [], longTasks: [], frames: [], on: true, progressSeen: false, atSwitch: null };
    /** @type {any} */ (window).watch = w;
    const kinds = () => window.nnNormalization.sides.map((s) => `${s.surface?.kind}@${s.surfaceStep}`);
    // What each side shows when the surface kind is switched, and the frames from then on.
    document.addEventListener("change", (e) => {
      if (w.on && !w.atSwitch && e.target instanceof HTMLInputElement && e.target.name === "surface") {
        w.atSwitch = kinds();
        w.frames = [];
      }
    }, true);
    const tick = () => {
      w.ticks.push(performance.now());
      if (w.on) setTimeout(tick, 10);
    };
    tick();
    const frame = () => {
      w.frames.push(kinds());
      if ([...document.querySelectorAll("[data-role=surface-progress]")].some((el) => !el.hidden)) w.progressSeen = true;
      if (w.on) requestAnimationFrame(frame);
    };
    frame();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: "longtask" });
    return performance.now();
  });
}

/** Stop watching; what was seen, and the longest gap between two timer ticks. */
function stopWatching(page) {
  return page.evaluate(() => {
    const w = /** @type {any} */ (window).watch;
    w.on = false;
    let gap = 0;
    for (let i = 1; i < w.ticks.length; i++) gap = Math.max(gap, w.ticks[i] - w.ticks[i - 1]);
    return {
      end: performance.now(), gap, longest: Math.max(0, ...w.longTasks), frames: w.frames, atSwitch: w.atSwitch, progressSeen: w.progressSeen,
    };
  });
}

test("the Hessian's plane of a big network: the main thread keeps running while the worker computes it, with a progress note once slow", async () => {
  const { page, consoleErrors, pageErrors } = await suite.fresh();
  // The note shows at once here, as it does after half a second of work: a machine fast
  // enough to compute the plane sooner does not hide it from the test.
  await page.addInitScript(() => { window.nnProgressDelayMs = 0; });
  // Two layers of 96 units: the standardized side's Hessian plane takes about a second.
  await loadPlayground(page, suite.base, "normalization.html#hidden=96,96");
  await surfacesNow(page, "weights2d");
  const start = await startWatching(page);
  await page.click("label:has(#surface-hessian)");
  await surfacesNow(page, "hessian");
  const seen = await stopWatching(page);
  const took = seen.end - start;
  assert.ok(seen.progressSeen, `a progress note while the surfaces took ${took.toFixed(0)} ms`);
  // Computed on the main thread, it would be one task as long as the computation itself.
  assert.ok(seen.gap < took / 2, `timers fired throughout: longest gap ${seen.gap.toFixed(0)} ms of ${took.toFixed(0)} ms`);
  assert.ok(seen.longest < took / 2, `no long task like the computation: longest ${seen.longest} ms of ${took.toFixed(0)} ms`);
  assert.equal(await page.isVisible("[data-role=surface-progress]"), false, "the note goes with the computation");

  // A newer request makes the running one stale: its surface is never shown.
  await startWatching(page);
  await page.click("#step");
  await page.waitForSelector("[data-role=surface-progress]:not([hidden])", { timeout: 30_000 });
  assert.match(await page.textContent("[data-role=surface-progress]:not([hidden])"), /Computing the Hessian's top eigenvectors…/);
  await page.click("label:has(#surface-random)");
  await surfacesNow(page, "random");
  const after = await stopWatching(page);
  // A side whose Hessian plane had not come by the switch never shows it afterwards.
  const stale = after.atSwitch.map((shown, i) => shown !== "hessian@1" && after.frames.some((f) => f[i] === "hessian@1"));
  assert.deepEqual(stale, [false, false], `shown at the switch: ${after.atSwitch}`);
  assert.ok(after.atSwitch.includes("hessian@0"), "the standardized side's plane was still coming at the switch");
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("the progress note reads in Korean", async () => {
  const { page } = await suite.fresh();
  await page.addInitScript(() => { window.nnProgressDelayMs = 0; });
  await loadPlayground(page, suite.base, "normalization.html#hidden=96,96&surface=hessian&lang=ko");
  await page.click("#step");
  await page.waitForSelector("[data-role=surface-progress]:not([hidden])", { timeout: 30_000 });
  assert.match(await page.textContent("[data-role=surface-progress]:not([hidden])"), /헤세 행렬의 가장 큰 고유벡터들을 계산하고 있습니다…/);
  await surfacesNow(page, "hessian");
});
