// How smooth each page is while it trains, in headless Chromium: for every page playing at its
// default settings and `max` speed, the frame intervals (median, 95th percentile, share over
// 33 ms), the long tasks (PerformanceObserver "longtask": count per 5 s and the longest) and the
// input latency (Event Timing: a click's duration from input to the next paint) and the layouts
// per frame (DevTools' LayoutCount: a frame loop should cause at most one). Figures are
// printed, never asserted: headless Chromium draws in software and this machine may be loaded, so
// compare pages within one run. Then the reference net's 400×400 boundary painted by the core
// against the JS colouring loop, in the same page.
//
//   node benches/pages.mjs [--seconds 5] [--runs 3] [--page index.html]
import { chromium } from "playwright-core";
import { serve, closeServer, CHROMIUM, CHROMIUM_ARGS } from "../tests/e2e/helpers.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SECONDS = Number(arg("seconds", 5));
const RUNS = Number(arg("runs", 3));

/** Each page, and how to start it playing (the page's play button, or each element's). */
const PAGES = [
  { name: "playground", file: "index.html", play: ["#play"] },
  { name: "normalization", file: "normalization.html", play: ["#play"] },
  { name: "initialization", file: "initialization.html", play: ["#play"] },
  { name: "backprop (race)", file: "backprop.html", play: [] },
  { name: "two <nn-playground>", file: "element-demo.html", play: ["#demo-spiral .play", "#demo-xor .play"] },
  { name: "lecture (every widget playing)", file: "lecture.html", play: [], widgets: "iframe.widget-frame" },
].filter((p) => !arg("page") || p.file === arg("page"));

// Installed before any page script: frame intervals, long tasks and event durations.
function instrument() {
  const m = { frames: [], longTasks: [], events: [], recording: false };
  window.__bench = m;
  let last = 0;
  const tick = (t) => {
    if (m.recording && last) m.frames.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    if (m.recording) for (const e of list.getEntries()) m.longTasks.push(e.duration);
  }).observe({ type: "longtask", buffered: false });
  new PerformanceObserver((list) => {
    if (m.recording) for (const e of list.getEntries()) if (e.name === "click" || e.name === "pointerdown") m.events.push(e.duration);
  }).observe({ type: "event", durationThreshold: 16, buffered: false });
}

const quantile = (xs, q) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** Loads every embedded widget (they are lazy) and presses its Play, if it has one; the page
 *  stays scrolled to the last widget. */
async function playWidgets(tab, selector) {
  for (const frameElement of await tab.$$(selector)) {
    await frameElement.scrollIntoViewIfNeeded();
    const frame = await frameElement.contentFrame();
    if (!frame) continue;
    await frame.waitForSelector("html[data-ready=true]", { timeout: 60_000 });
    const play = await frame.$("#play");
    if (play && (await play.isVisible())) await play.click();
  }
}

async function measure(browser, base, page) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const tab = await context.newPage();
  await tab.addInitScript(instrument);
  await tab.goto(`${base}/${page.file}`);
  if (page.file === "element-demo.html") {
    await tab.waitForFunction(() => [...document.querySelectorAll("nn-playground")].every((e) => e.report));
  } else {
    await tab.waitForSelector("html[data-ready=true]", { timeout: 60_000 });
  }
  for (const selector of page.play) await tab.click(selector);
  if (page.widgets) await playWidgets(tab, page.widgets);
  await tab.waitForTimeout(500);
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Performance.enable");
  const metric = async (name) => (await cdp.send("Performance.getMetrics")).metrics.find((x) => x.name === name)?.value ?? 0;
  const layoutsBefore = await metric("LayoutCount");
  await tab.evaluate(() => { window.__bench.recording = true; });
  // Clicks on inert text spread over the run: their duration is input → next paint.
  const target = await tab.$("h1, h2, h3");
  const clicks = 5;
  for (let i = 0; i < clicks; i++) {
    await tab.waitForTimeout((SECONDS * 1000) / clicks);
    if (target) await target.click({ force: true });
  }
  await tab.waitForTimeout(200);
  const m = await tab.evaluate(() => ({ ...window.__bench }));
  const layouts = (await metric("LayoutCount")) - layoutsBefore;
  await context.close();
  // Event Timing reports only events of 16 ms or more: a click it did not report took less.
  const events = [...m.events, ...Array(Math.max(0, clicks - m.events.length)).fill(16)];
  return {
    median: quantile(m.frames, 0.5),
    p95: quantile(m.frames, 0.95),
    slow: m.frames.filter((f) => f > 33).length / Math.max(1, m.frames.length),
    longTasks: m.longTasks.length * (5 / SECONDS),
    longest: Math.max(0, ...m.longTasks),
    input: quantile(events, 0.5),
    inputMax: Math.max(...events),
    layoutsPerFrame: layouts / Math.max(1, m.frames.length),
  };
}

/**
 * In Chromium: the reference net's 400×400 boundary painted by the core onto a canvas
 * (drawBoundary), against the same outputs computed by boundary() and coloured by the JS loop
 * the pages used before (paintGrid + putImageData); medians of 30 of each, interleaved.
 */
async function heatmapTimes(browser, base) {
  const tab = await browser.newPage();
  await tab.goto(`${base}/index.html`);
  const times = await tab.evaluate(async () => {
    const core = await import("/pkg/nn_playground.js");
    await core.default();
    const { colorAt, BACKGROUND_STRENGTH } = await import("/js/views/colors.js");
    // The JS loop the pages used before the core painted: a 256-entry table, a lookup a pixel.
    const lut = new Uint8ClampedArray(256 * 4);
    for (let i = 0; i < 256; i++) lut.set([...colorAt(i / 255, BACKGROUND_STRENGTH), 255], i * 4);
    const paintGrid = (px, grid) => {
      for (let i = 0; i < grid.length; i++) {
        let t = grid[i];
        t = t >= 0 ? Math.min(t, 1) : t < 0 ? 0 : 0.5;
        const j = ((t * 255 + 0.5) | 0) * 4;
        px[i * 4] = lut[j];
        px[i * 4 + 1] = lut[j + 1];
        px[i * 4 + 2] = lut[j + 2];
        px[i * 4 + 3] = 255;
      }
    };
    const pg = new core.Playground({ hidden: [8, 8], batchSize: 10, samples: 500, dataset: "circle", seed: 1 });
    pg.step(500);
    const [xmin, xmax, ymin, ymax] = pg.bounds();
    const res = 400;
    const canvas = document.createElement("canvas");
    const other = document.createElement("canvas");
    other.width = other.height = res;
    const context = /** @type {CanvasRenderingContext2D} */ (other.getContext("2d"));
    const image = context.createImageData(res, res);
    const painted = [], js = [];
    // Warm-up: a page that plays calls both every frame, so its wasm and JS run in the engines'
    // optimized tiers; measure that steady state, not the first calls in the baseline tiers.
    for (const start = performance.now(); performance.now() - start < 2000; ) {
      pg.drawBoundary(canvas, res, xmin, xmax, ymin, ymax);
      paintGrid(image.data, pg.boundary(res, xmin, xmax, ymin, ymax));
    }
    for (let i = 0; i < 30; i++) {
      let t = performance.now();
      pg.drawBoundary(canvas, res, xmin, xmax, ymin, ymax);
      painted.push(performance.now() - t);
      t = performance.now();
      paintGrid(image.data, pg.boundary(res, xmin, xmax, ymin, ymax));
      context.putImageData(image, 0, 0);
      js.push(performance.now() - t);
    }
    const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
    return { core: median(painted), js: median(js) };
  });
  await tab.close();
  return times;
}

const { server, base } = await serve();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const fmt = (ms) => (!Number.isFinite(ms) ? "–" : ms <= 16 ? "≤ 16 ms" : `${ms.toFixed(1)} ms`);
console.log(`pages while playing (headless Chromium, ${RUNS} runs of ${SECONDS} s, medians of the runs)`);
console.log("| page | median frame | p95 | frames > 33 ms | long tasks / 5 s (longest) | input → next paint (max) | layouts / frame |");
console.log("|---|---|---|---|---|---|---|");
try {
  for (const page of PAGES) {
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await measure(browser, base, page));
    const mid = (key) => quantile(runs.map((x) => x[key]), 0.5);
    console.log(`| ${page.name} | ${fmt(mid("median"))} | ${fmt(mid("p95"))} | ${(mid("slow") * 100).toFixed(0)} % | ${mid("longTasks").toFixed(1)} (${fmt(mid("longest"))}) | ${fmt(mid("input"))} (${fmt(mid("inputMax"))}) | ${mid("layoutsPerFrame").toFixed(1)} |`);
  }
  const heatmap = await heatmapTimes(browser, base);
  console.log(`\n400×400 boundary of the reference net (2-8-8-1) in Chromium: painted by the core ${heatmap.core.toFixed(2)} ms, through the JS loop ${heatmap.js.toFixed(2)} ms (${(heatmap.js / heatmap.core).toFixed(1)}×); goal ≤ 4 ms ${heatmap.core <= 4 ? "met" : "NOT met"}`);
} finally {
  await browser.close();
  await closeServer(server);
}
