/**
 * "Share trained" on the playground (www/index.html) in headless Chromium: a link that holds
 * the trained network (the `model` key) opens on the same predictions bit for bit and the same
 * update count; Share keeps to the settings; a network too big for a link is offered as a
 * model file; links whose weights are cut, forged or do not fit their settings say so in the
 * banner and start an untrained network that trains.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { loadPlayground, waitFor, browserSuite, gridPredictions } from "./helpers.mjs";

const suite = browserSuite();

/** A page whose clipboard works. */
async function withClipboard() {
  const opened = await suite.fresh();
  await opened.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: suite.base });
  return opened;
}

/** The network shown: its outputs on a 21×21 grid over the plot, its parameters and the counters. */
async function networkOf(page) {
  const predictions = await gridPredictions(page);
  const rest = await page.evaluate(() => {
    const pg = window.nnPlayground.playground;
    const [xmin, xmax, ymin, ymax] = pg.bounds();
    return {
      parameters: pg.exportModel().parameters,
      boundary: Array.from(pg.boundary(30, xmin, xmax, ymin, ymax)),
      step: document.getElementById("step-counter").textContent,
      epoch: document.getElementById("epoch").textContent,
      report: window.nnPlayground.report,
    };
  });
  return { predictions, ...rest };
}

/** Click "Share trained" and read the link it copied. */
async function shareTrained(page) {
  await page.evaluate(() => (document.getElementById("share-status").textContent = ""));
  await page.click("#share-trained-button");
  await waitFor(page, () => document.getElementById("share-status").textContent.length > 0);
  return { status: await page.textContent("#share-status"), link: await page.evaluate(() => navigator.clipboard.readText()) };
}

/** Open `href` in a fresh load (not a same-document hash change). */
async function open(page, href) {
  await page.goto("about:blank");
  await page.goto(href);
  await page.waitForSelector("html[data-ready]", { timeout: 30_000 });
  assert.equal(await page.getAttribute("html", "data-ready"), "true");
}

test("a batch-normalized network's link carries its running statistics: the same predictions, bit for bit", async () => {
  const a = await withClipboard();
  await loadPlayground(a.page, suite.base, "#dataset=circle&hidden=6,6&batchNorm=on&seed=4");
  assert.equal(await a.page.isChecked("#batchNorm"), true, "the checkbox shows the link's setting");
  await a.page.evaluate(() => window.nnPlayground.playground.step(800));
  await a.page.click("#step");
  const before = await networkOf(a.page);
  const running = await a.page.evaluate(() => window.nnPlayground.playground.exportModel().runningStatistics);
  assert.equal(running.length, 24, "a mean and a variance per hidden unit");
  const { link } = await shareTrained(a.page);
  const b = await suite.fresh();
  await open(b.page, link);
  assert.equal(await b.page.isVisible("#error-banner"), false);
  const after = await networkOf(b.page);
  assert.deepEqual(await b.page.evaluate(() => window.nnPlayground.playground.exportModel().runningStatistics), running);
  assert.deepEqual(after.predictions, before.predictions);
  assert.deepEqual(after.boundary, before.boundary);
  assert.equal(after.report.testLoss, before.report.testLoss);
  await a.context.close();
  await b.context.close();
});

test("a trained link opens on the same predictions, bit for bit, and the same update count", async () => {
  const a = await withClipboard();
  await loadPlayground(a.page, suite.base, "#dataset=spiral&hidden=8,8&optimizer=adam&learningRate=0.01&seed=5");
  await a.page.evaluate(() => window.nnPlayground.playground.step(1500));
  await a.page.click("#step"); // the page's own update: the counters show 1501
  const before = await networkOf(a.page);
  assert.equal(before.step, "1501");

  const { status, link } = await shareTrained(a.page);
  assert.equal(status, "Link with the trained network copied (1501 updates).");
  assert.match(link, /[#&]model=[A-Za-z0-9_-]+(&|$)/);
  assert.ok(link.length < 3000, `${link.length} characters`);

  const b = await suite.fresh();
  await open(b.page, link);
  assert.equal(await b.page.isVisible("#error-banner"), false);
  assert.equal(await b.page.isVisible("#hash-notice"), false);
  const after = await networkOf(b.page);
  assert.deepEqual(after.parameters, before.parameters, "every weight, as a 64-bit float");
  assert.deepEqual(after.predictions, before.predictions);
  assert.deepEqual(after.boundary, before.boundary);
  assert.equal(after.step, "1501");
  assert.equal(after.epoch, before.epoch);
  assert.equal(after.report.trainLoss, before.report.trainLoss);
  assert.equal(after.report.testAccuracy, before.report.testAccuracy);

  // Training goes on from there, and the address keeps the weights until a setting changes.
  await b.page.click("#step");
  assert.equal(await b.page.textContent("#step-counter"), "1502");
  assert.match(await b.page.evaluate(() => location.hash), /&model=/);
  await b.page.fill("#learningRate", "0.02");
  await b.page.press("#learningRate", "Enter");
  await waitFor(b.page, () => document.getElementById("step-counter").textContent === "0");
  assert.doesNotMatch(await b.page.evaluate(() => location.hash), /model=/);
});

test("Share copies the settings only; the trained link also reaches an open page and reads in Korean", async () => {
  const a = await withClipboard();
  await loadPlayground(a.page, suite.base, "#dataset=xor&hidden=4&learningRate=0.1&seed=2&lang=ko");
  await a.page.evaluate(() => window.nnPlayground.playground.step(300));
  await a.page.click("#step");
  const before = await networkOf(a.page);
  const { status, link } = await shareTrained(a.page);
  assert.equal(status, "학습된 네트워크가 담긴 링크를 복사했습니다 (업데이트 301번).");
  assert.equal(await a.page.textContent("#share-trained-button"), "학습 결과 공유");
  // The header's share buttons follow the language switch, though the page opened in Korean.
  await a.page.click(".lang-switch button[data-lang=en]");
  await waitFor(a.page, () => document.getElementById("share-trained-button").textContent === "Share trained");
  assert.equal(await a.page.textContent("#share-button"), "Share");
  assert.equal(await a.page.getAttribute("#embed-button", "title"), "Show the HTML that embeds this view in another page");
  await a.page.click(".lang-switch button[data-lang=ko]");
  await waitFor(a.page, () => document.getElementById("share-button").textContent === "공유");

  // Opened on a page already showing the playground (the address bar edited, a hash change).
  const b = await withClipboard();
  await loadPlayground(b.page, suite.base, "#lang=ko");
  await b.page.evaluate((hash) => (location.hash = hash), new URL(link).hash);
  await waitFor(b.page, () => document.getElementById("step-counter").textContent === "301");
  assert.deepEqual((await networkOf(b.page)).predictions, before.predictions);

  // Share: the settings of the view, without the weights.
  await b.page.click("#share-button");
  await waitFor(b.page, () => document.getElementById("share-status").textContent === "링크를 복사했습니다.");
  const settings = await b.page.evaluate(() => navigator.clipboard.readText());
  assert.doesNotMatch(settings, /model=/);
  assert.equal(settings, link.replace(/&model=[^&]*/, ""));

  // Without the clipboard the trained link is shown to copy by hand.
  await b.page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error("denied"));
  });
  await b.page.click("#share-trained-button");
  await b.page.waitForSelector("#share-dialog[open]");
  assert.equal(await b.page.textContent("#share-dialog-title"), "학습된 네트워크 공유하기");
  assert.match(await b.page.inputValue("#share-link"), /&model=[A-Za-z0-9_-]+/);
});

test("a network too big for a link is offered as a model file holding every weight", async () => {
  const a = await withClipboard();
  await loadPlayground(a.page, suite.base, "#dataset=circle&hidden=64,64&samples=100&seed=4");
  await a.page.evaluate(() => window.nnPlayground.playground.step(50));
  await a.page.click("#step");
  await a.page.evaluate(() => navigator.clipboard.writeText("before")); // the browser's clipboard is shared
  await a.page.click("#share-trained-button");
  await a.page.waitForSelector("#share-dialog[open]");
  assert.equal(await a.page.textContent("#share-dialog-title"), "The trained network is too big for a link");
  assert.match(await a.page.textContent("#share-dialog .hint"),
    /^Its 4417 weights would make the link 47\u202f138 characters long; it may hold 16\u202f384\. Save the model as a file and share the file: Load a model opens it with the same predictions\.$/);
  const [file] = await Promise.all([a.page.waitForEvent("download"), a.page.click("#share-save-model")]);
  assert.equal(file.suggestedFilename(), "nn-playground-model.json");
  const model = JSON.parse(await readFile(await file.path(), "utf8"));
  assert.equal(model.parameters.length, 4417);
  assert.deepEqual(model.parameters, (await networkOf(a.page)).parameters);
  assert.equal(await a.page.evaluate(() => navigator.clipboard.readText()), "before", "nothing copied");
});

test("custom points the link leaves out: the model file is offered instead", async () => {
  const a = await withClipboard();
  await loadPlayground(a.page, suite.base, "#dataset=gauss&samples=300&hidden=3");
  // The first edit makes the 300 points shown the user's own: more than a link holds.
  await a.page.click("#add-points");
  const box = await a.page.locator("#boundary").boundingBox();
  await a.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await waitFor(a.page, () => window.nnPlayground.state.dataset === "custom");
  await a.page.click("#share-trained-button");
  await a.page.waitForSelector("#share-dialog[open]");
  assert.equal(await a.page.textContent("#share-dialog-title"), "Your points do not fit in a link");
  assert.match(await a.page.textContent("#share-dialog .hint"), /^A link holds at most 200 points; yours are 301\./);
  assert.equal(await a.page.isVisible("#share-save-model"), true);
});

/** A trained link of a small network, to damage. */
async function trainedLink() {
  const a = await withClipboard();
  await loadPlayground(a.page, suite.base, "#dataset=xor&hidden=3&seed=7");
  await a.page.evaluate(() => window.nnPlayground.playground.step(200));
  await a.page.click("#step");
  return (await shareTrained(a.page)).link;
}

/** The model key's text of weights written by hand: version, update count, epoch, parameters. */
function forged(version, step, epoch, parameters) {
  const bytes = Buffer.alloc(17 + 8 * parameters.length);
  bytes.writeUInt8(version, 0);
  bytes.writeDoubleLE(step, 1);
  bytes.writeDoubleLE(epoch, 9);
  parameters.forEach((p, i) => bytes.writeDoubleLE(p, 17 + 8 * i));
  return bytes.toString("base64url");
}

test("cut, forged or mismatched weights in a link: a banner says why, and the page trains from the start", async () => {
  const link = await trainedLink();
  const text = /model=([^&]*)/.exec(link)[1];
  const withModel = (value) => link.replace(`model=${text}`, value);
  const weights13 = Array.from({ length: 13 }, (_, i) => i / 10); // 2-3-1: 13 parameters
  const cases = [
    [withModel(`model=${text.slice(0, -7)}`), /^The weights in the link are cut off \(\d+ bytes\): copy the whole link again\.$/],
    [withModel("model="), /^The weights in the link are cut off \(0 bytes\): copy the whole link again\.$/],
    [withModel("model"), /^The weights in the link are cut off \(0 bytes\)/],
    [withModel(`model=${text}%25%00`), /^The weights in the link must be base64url text \(letters, digits, - and _\); got “%”\.$/],
    [withModel(`model=${"A".repeat(20_000)}`), /^The weights in the link may have at most 16\u202f384 characters; got 20\u202f000\.$/],
    [withModel(`model=${forged(3, 0, 0, weights13)}`), /^The weights in the link are of version 3; this page reads versions up to 2\.$/],
    // Version 2's header holds the number of running statistics: half a one cannot be.
    [withModel(`model=${forged(2, 0, 0, [0.5, ...weights13])}`), /^The weights in the link are cut off \(129 bytes\): copy the whole link again\.$/],
    [withModel(`model=${forged(1, -5, 0, weights13)}`), /^The weights in the link hold an update count that cannot be: −5\.$/],
    [withModel(`model=${forged(1, 1e300, 0, weights13)}`), /^The weights in the link hold an update count that cannot be: 1 × 10³⁰⁰\.$/],
    [withModel(`model=${forged(1, 10, 0, weights13.slice(1))}`), /^The link holds 12 weights, but its settings need 13: were they changed after it was shared\?$/],
    [link.replace("hidden=3", "hidden=4"), /^The link holds 13 weights, but its settings need 17: were they changed after it was shared\?$/],
    [withModel(`model=${forged(1, 10, 0, weights13.map(() => 1e200))}`), /^The weights in the link give a training loss of .+ on their data; it must be finite and at most 10¹²\.$/],
    [withModel(`model=${forged(1, 10, 0, weights13.map(() => NaN))}`), /^The weights in the link hold a weight that is not a finite number: NaN\.$/],
    [withModel(`model=${forged(1, 10, 0, [...weights13.slice(1), -Infinity])}`), /^The weights in the link hold a weight that is not a finite number: −∞\.$/],
    [withModel(`model=${text}&model=${text.slice(0, 10)}`), /^The weights in the link are cut off/], // the last one wins
  ];
  const { page, pageErrors, consoleErrors } = await suite.fresh();
  for (const [href, message] of cases) {
    await open(page, href);
    await page.waitForSelector("#error-banner", { state: "visible" });
    assert.equal(await page.textContent("#error-title"), "The trained network in the link was not restored.", href);
    assert.match(await page.textContent("#error-text"), message, href);
    assert.equal(await page.textContent("#error-hint"), "The network starts from its initial weights, with the link's settings.");
    assert.equal(await page.textContent("#step-counter"), "0");
    assert.doesNotMatch(await page.evaluate(() => location.hash), /model=/, "the address drops weights it did not restore");
    await page.click("#step");
    await waitFor(page, () => document.getElementById("step-counter").textContent === "1");
  }
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(consoleErrors, []);
});

test("a broken weights link reads in Korean", async () => {
  const { page } = await suite.fresh();
  await open(page, `${suite.base}/index.html#dataset=xor&hidden=3&lang=ko&model=AQAAAA`);
  await page.waitForSelector("#error-banner", { state: "visible" });
  assert.equal(await page.textContent("#error-title"), "링크의 학습된 네트워크를 복원하지 못했습니다.");
  assert.equal(await page.textContent("#error-text"), "링크의 가중치: 잘려 있습니다 (4 바이트). 링크 전체를 다시 복사하세요.");
  assert.equal(await page.textContent("#error-hint"), "네트워크는 링크의 설정으로, 초기 가중치에서 시작합니다.");
});
