#!/usr/bin/env node
/**
 * `make soak`: long runs that would show a leak.
 *
 * 1. In Node: 10⁶ updates of the reference network in calls of 100, a loss surface every 10⁴
 *    updates; then 2000 playgrounds built and freed. The bytes in use (memoryInUse) may grow only
 *    by what the bounded history and path hold; the wasm memory is printed before and after.
 * 2. In Chromium: the playground page playing for `--minutes` (default 3), with the JS heap, the
 *    bytes in use and the wasm memory printed before and after.
 *
 *   node tests/soak/soak.mjs [--minutes M]
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { chromium } from "playwright-core";
import { serve, closeServer, CHROMIUM, CHROMIUM_ARGS } from "../e2e/helpers.mjs";

const minutesAt = process.argv.indexOf("--minutes");
const MINUTES = minutesAt > 0 ? Number(process.argv[minutesAt + 1]) : 3;
/** Growth allowed while training: the history's bound (65 536 records of 4 numbers) and slack. */
const HISTORY_BYTES = 65_536 * 4 * 8 * 2;

const PKG = new URL("../../www/pkg/", import.meta.url);
const wasm = await import(new URL("nn_playground.js", PKG).href);
const exports = wasm.initSync({ module: readFileSync(new URL("nn_playground_bg.wasm", PKG)) });
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const memory = () => `in use ${mb(wasm.memoryInUse())}, wasm memory ${mb(exports.memory.buffer.byteLength)}`;

let failed = false;
const check = (ok, message) => {
  console.log(`  ${ok ? "ok" : "FAILED"}: ${message}`);
  if (!ok) failed = true;
};

console.log("soak in Node: 10⁶ updates with a loss surface every 10⁴, then 2000 build/free cycles");
const pg = new wasm.Playground({ hidden: [8, 8], samples: 500, batchSize: 10 });
pg.step(0);
const before = wasm.memoryInUse();
console.log(`  before: ${memory()}`);
const t0 = performance.now();
for (let update = 0; update < 1_000_000; update += 100) {
  const report = pg.step(100);
  if (report.diverged) throw new Error(`diverged at ${report.step}`);
  if (update % 10_000 === 0) pg.lossSurface({ kind: "random", res: 21 });
}
const trained = wasm.memoryInUse();
console.log(`  after 10⁶ updates (${((performance.now() - t0) / 1000).toFixed(0)} s): ${memory()}, ${pg.history().step.length} history records`);
check(trained - before <= HISTORY_BYTES, `training grew the bytes in use by ${mb(trained - before)} (bound ${mb(HISTORY_BYTES)})`);
for (let i = 0; i < 2000; i++) {
  const other = new wasm.Playground({ seed: i, samples: 200 });
  other.step(5);
  other.free();
}
const cycled = wasm.memoryInUse();
console.log(`  after 2000 build/free cycles: ${memory()}`);
check(cycled - trained <= 64 * 1024, `build/free cycles grew the bytes in use by ${mb(cycled - trained)}`);
pg.free();

console.log(`soak in Chromium: the playground page playing for ${MINUTES} min`);
const { server, base } = await serve();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(String(err)));
  await page.goto(`${base}/index.html#hidden=8,8&dataset=spiral&learningRate=0.01`);
  await page.waitForSelector("html[data-ready=true]");
  const session = await page.context().newCDPSession(page);
  await session.send("Performance.enable");
  const measure = async () => {
    const { metrics } = await session.send("Performance.getMetrics");
    const heap = metrics.find((m) => m.name === "JSHeapUsedSize").value;
    const core = await page.evaluate(async () => {
      const m = await import("./pkg/nn_playground.js");
      return { inUse: m.memoryInUse(), steps: window.nnPlayground.report?.step ?? 0 };
    });
    return { heap, ...core };
  };
  const start = await measure();
  console.log(`  before: JS heap ${mb(start.heap)}, core in use ${mb(start.inUse)}`);
  await page.click("#play");
  await page.waitForTimeout(MINUTES * 60_000);
  await page.click("#play");
  const end = await measure();
  console.log(`  after ${end.steps} updates: JS heap ${mb(end.heap)}, core in use ${mb(end.inUse)}`);
  check(errors.length === 0, `no page error${errors.length ? `: ${errors[0]}` : ""}`);
  check(end.inUse - start.inUse <= HISTORY_BYTES, `the core's bytes in use grew by ${mb(end.inUse - start.inUse)} (bound ${mb(HISTORY_BYTES)})`);
} finally {
  await browser.close();
  await closeServer(server);
}
process.exit(failed ? 1 : 0);
