/**
 * Sharing, embedding and the user's own data on the playground (www/index.html)
 * in headless Chromium: Share and Embed, links that reproduce the view (data
 * and predictions), embed=1 with controls=, points edited on the plot, CSV in
 * and out, the model as JSON and back, the panel as PNG.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { loadPlayground, waitFor, readNumber, browserSuite, gridPredictions, plotPosition } from "./helpers.mjs";

const suite = browserSuite();
const fresh = suite.fresh;

function stateOf(page) {
  return page.evaluate(() => ({
    state: window.nnPlayground.state,
    config: window.nnPlayground.playground?.config() ?? null,
    hash: location.hash,
  }));
}

/** Both splits' points and the outputs on a 21×21 grid over the plot. */
async function viewOf(page) {
  const predictions = await gridPredictions(page);
  const rest = await page.evaluate(() => {
    const pg = window.nnPlayground.playground;
    return { train: Array.from(pg.points("train")), test: Array.from(pg.points("test")), step: pg.history().step.at(-1) ?? 0 };
  });
  return { predictions, ...rest };
}

/** Click the plot at page position `at`, holding Shift when `shift`. */
async function shiftClick(page, at) {
  await page.keyboard.down("Shift");
  await page.mouse.click(at.x, at.y);
  await page.keyboard.up("Shift");
}

async function steps(page, n) {
  for (let i = 0; i < n; i++) await page.click("#step");
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return { name: file.suggestedFilename(), data: await readFile(await file.path()) };
}

test("Share copies the link; without the clipboard the link is shown, selected", async () => {
  const { page, context } = await fresh();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: suite.base });
  await loadPlayground(page, suite.base, "#dataset=xor&hidden=5&learningRate=0.1");
  await page.click("#share-button");
  await waitFor(page, () => document.getElementById("share-status").textContent.length > 0);
  assert.equal(await page.textContent("#share-status"), "Link copied.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.evaluate(() => location.href));
  assert.match(copied, /dataset=xor&.*hidden=5/);

  // A browser that refuses the clipboard: the dialog shows the link, selected, to copy by hand.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error("denied"));
  });
  await page.click("#share-button");
  await page.waitForSelector("#share-dialog[open]");
  const field = await page.evaluate(() => {
    const f = document.getElementById("share-link");
    return { value: f.value, focused: document.activeElement === f, start: f.selectionStart, end: f.selectionEnd, href: location.href };
  });
  assert.equal(field.value, field.href);
  assert.ok(field.focused && field.start === 0 && field.end === field.value.length, JSON.stringify(field));
  await page.keyboard.press("Escape");
  await page.waitForSelector("#share-dialog", { state: "hidden" });
});

test("a shared link reproduces the view: the same points (the user's too) and the same predictions", async () => {
  const a = await fresh();
  await loadPlayground(a.page, suite.base, "#dataset=moons&samples=60&noise=0.1&hidden=6&optimizer=adam&learningRate=0.02&seed=9");
  // Two points of the user's: the data becomes custom, small enough to travel in the link.
  await a.page.click("#add-points");
  let at = await plotPosition(a.page, 1.5, 1.5);
  await a.page.mouse.click(at.x, at.y);
  at = await plotPosition(a.page, -2, -3);
  await shiftClick(a.page, at);
  const sa = await stateOf(a.page);
  assert.equal(sa.config.dataset, "custom");
  assert.equal(sa.state.points.length, 62 * 3);
  assert.deepEqual([sa.state.points[61 * 3 - 1], sa.state.points[62 * 3 - 1]], [1, 0], "a click adds class 1, Shift-click class 0");
  assert.match(sa.hash, /dataset=custom&points=/);
  await steps(a.page, 15);
  const viewA = await viewOf(a.page);

  const b = await fresh();
  await loadPlayground(b.page, suite.base, sa.hash);
  assert.equal(await b.page.isVisible("#hash-notice"), false);
  const sb = await stateOf(b.page);
  assert.deepEqual(sb.config, sa.config);
  assert.equal(await b.page.isChecked("#dataset-custom"), true);
  await steps(b.page, 15);
  const viewB = await viewOf(b.page);
  assert.deepEqual(viewB.train, viewA.train);
  assert.deepEqual(viewB.test, viewA.test);
  assert.equal(viewB.step, 15);
  assert.deepEqual(viewB.predictions, viewA.predictions, "same data, seed and steps: identical predictions");
});

test("more than 200 points stay out of the link, with a notice", async () => {
  const { page } = await fresh();
  await loadPlayground(page, suite.base, "#dataset=circle&samples=400");
  await page.click("#add-points");
  const at = await plotPosition(page, 0, 0);
  await page.mouse.click(at.x, at.y);
  const s = await stateOf(page);
  assert.equal(s.state.points.length, 401 * 3);
  assert.equal(await page.isVisible("#points-link-notice"), true);
  assert.match(await page.textContent("#points-link-notice"), /401 points/);
  assert.doesNotMatch(s.hash, /points=/);
  // Opening that link says what is missing and falls back to the default dataset.
  const b = await fresh();
  await loadPlayground(b.page, suite.base, s.hash);
  await b.page.waitForSelector("#hash-notice", { state: "visible" });
  assert.match(await b.page.textContent("#hash-notice"), /dataset=custom/);
  assert.equal((await stateOf(b.page)).config.dataset, "circle");
});

test("points: click adds, Shift the other class, right-click and erase mode remove, the keyboard too, Clear", async () => {
  const { page, pageErrors } = await fresh();
  await loadPlayground(page, suite.base, "#dataset=gauss&samples=20&seed=3");
  await page.click("#add-points");
  const n0 = 20;
  let at = await plotPosition(page, 4, 4);
  await page.mouse.click(at.x, at.y);
  let { state } = await stateOf(page);
  assert.equal(state.points.length, (n0 + 1) * 3);
  assert.deepEqual(state.points.slice(-3).map((v) => Math.round(v)), [4, 4, 1]);
  await page.click("label:has(#pointClass-0)");
  at = await plotPosition(page, -4, 4);
  await page.mouse.click(at.x, at.y);
  await shiftClick(page, { x: at.x + 30, y: at.y });
  ({ state } = await stateOf(page));
  assert.deepEqual(state.points.slice(-6).filter((_, i) => i % 3 === 2), [0, 1]);
  assert.match(await page.textContent("#data-status"), /Added a point/);
  // Right-click on the point at (−4, 4) removes it.
  await page.mouse.click(at.x, at.y, { button: "right" });
  ({ state } = await stateOf(page));
  assert.equal(state.points.length, (n0 + 2) * 3);
  // Erase mode: a click removes.
  await page.check("#erase-mode");
  at = await plotPosition(page, 4, 4);
  await page.mouse.click(at.x, at.y);
  ({ state } = await stateOf(page));
  assert.equal(state.points.length, (n0 + 1) * 3);
  await page.uncheck("#erase-mode");
  // Keyboard: focus the plot, move the crosshair, Enter adds, Delete removes; Space does not start training.
  await page.focus("#boundary");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  ({ state } = await stateOf(page));
  assert.equal(state.points.length, (n0 + 2) * 3);
  await page.keyboard.press("Delete");
  await page.keyboard.press("Space");
  ({ state } = await stateOf(page));
  assert.equal(state.points.length, (n0 + 2) * 3, "Space added a point at the crosshair, Delete removed one");
  assert.equal(await page.evaluate(() => window.nnPlayground.playing), false);
  // Clear: nothing to train until two points exist again.
  await page.click("#clear-points");
  ({ state } = await stateOf(page));
  assert.deepEqual(state.points, []);
  assert.equal(await page.evaluate(() => window.nnPlayground.playground), null);
  at = await plotPosition(page, 1, 1);
  await page.mouse.click(at.x, at.y);
  await shiftClick(page, { x: at.x + 60, y: at.y + 60 });
  const s = await stateOf(page);
  assert.equal(s.config.points.length, 6);
  await page.click("#step");
  assert.equal(await readNumber(page, "#step-counter"), 1);
  assert.deepEqual(pageErrors, []);
});

test("a click on a built-in dataset changes nothing until “Add points” is on, and says so where it landed", async () => {
  const { page, pageErrors } = await fresh();
  await loadPlayground(page, suite.base, "#dataset=circle&samples=100");
  const before = await stateOf(page);
  const at = await plotPosition(page, 2, 2);
  await page.mouse.click(at.x, at.y);
  await page.mouse.click(at.x, at.y, { modifiers: ["Alt"] });
  await page.focus("#boundary");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Delete");
  const after = await stateOf(page);
  assert.equal(after.config.dataset, "circle", "still the built-in dataset");
  assert.deepEqual(after.state.points, []);
  assert.equal(after.hash, before.hash);
  assert.equal(await page.isChecked("#dataset-circle"), true);
  assert.equal(await page.getAttribute("#add-points", "aria-pressed"), "false");

  // The note at the click says how to edit.
  await page.mouse.click(at.x, at.y);
  await page.waitForSelector(".plot-note", { state: "visible" });
  assert.match(await page.textContent(".plot-note"), /press “Add points”/);
  const note = await page.locator(".plot-note").boundingBox();
  assert.ok(Math.abs(note.y - at.y) < 40 && note.x <= at.x && note.x + note.width >= at.x - 1,
    `the note ${JSON.stringify(note)} is at the click ${JSON.stringify(at)}`);

  // On, a click adds a point: the data becomes "Yours", and the note there says so.
  await page.click("#add-points");
  assert.equal(await page.getAttribute("#add-points", "aria-pressed"), "true");
  await page.mouse.click(at.x, at.y);
  const edited = await stateOf(page);
  assert.equal(edited.config.dataset, "custom");
  assert.equal(edited.state.points.length, 101 * 3);
  assert.match(await page.textContent(".plot-note"), /Added a point .* The data is now yours/);
  // Choosing a built-in dataset turns editing off again; choosing "Yours" turns it on.
  await page.click("label.thumb:has(#dataset-xor)");
  await waitFor(page, () => window.nnPlayground.playground?.config().dataset === "xor");
  assert.equal(await page.getAttribute("#add-points", "aria-pressed"), "false");
  await page.click("label.thumb:has(#dataset-custom)");
  await waitFor(page, () => window.nnPlayground.playground?.config().dataset === "custom");
  assert.equal(await page.getAttribute("#add-points", "aria-pressed"), "true");

  // Embedded without the data controls, a click leaves the data alone, and no note points at the hidden toggle.
  const embedded = await fresh();
  await loadPlayground(embedded.page, suite.base, "#dataset=spiral&embed=1&controls=learningRate");
  const there = await plotPosition(embedded.page, 1, 1);
  await embedded.page.mouse.click(there.x, there.y);
  assert.equal((await stateOf(embedded.page)).config.dataset, "spiral");
  assert.equal(await embedded.page.isVisible(".plot-note"), false);
  assert.deepEqual(pageErrors, []);
});

test("CSV: a good file replaces the points; a bad file lists its bad lines and changes nothing", async () => {
  const { page } = await fresh();
  await loadPlayground(page, suite.base, "#dataset=spiral&samples=100");
  const good = "x,y,label\n1,2,1\n-1,-2,0\n# a comment\n3,0.5,1\n\n-2.5,1,0\n";
  await page.setInputFiles("#import-csv", { name: "mine.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await waitFor(page, () => window.nnPlayground.playground?.config().dataset === "custom");
  let s = await stateOf(page);
  assert.deepEqual(s.config.points, [1, 2, 1, -1, -2, 0, 3, 0.5, 1, -2.5, 1, 0]);
  assert.match(await page.textContent("#data-status"), /Loaded 4 points from mine\.csv/);

  const bad = "x,y,label\n1,2,1\n1,2\nfoo,2,1\n3,4,0\n";
  await page.setInputFiles("#import-csv", { name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.waitForSelector("#data-error", { state: "visible" });
  const message = await page.textContent("#data-error");
  assert.match(message, /bad\.csv/);
  assert.match(message, /line 3: “1,2”/);
  assert.match(message, /line 4: “foo,2,1”/);
  assert.doesNotMatch(message, /line 5/);
  s = await stateOf(page);
  assert.deepEqual(s.config.points, [1, 2, 1, -1, -2, 0, 3, 0.5, 1, -2.5, 1, 0], "points unchanged");

  // Real-valued labels turn the problem into regression.
  await page.setInputFiles("#import-csv", { name: "heights.csv", mimeType: "text/csv", buffer: Buffer.from("0,0,0.5\n1,1,-0.25\n2,2,0.75\n") });
  await waitFor(page, () => window.nnPlayground.playground?.config().problem === "regression");
  assert.equal(await page.inputValue("#problem"), "regression");
  assert.equal(await page.isVisible("#data-error"), false);

  // Export writes the same points back.
  const file = await download(page, "#export-csv");
  assert.equal(file.name, "nn-playground-points.csv");
  assert.equal(file.data.toString(), "x,y,label\n0,0,0.5\n1,1,-0.25\n2,2,0.75\n");
});

test("the model as JSON and back: identical predictions; a wrong file is named and changes nothing", async () => {
  const { page } = await fresh();
  await loadPlayground(page, suite.base, "#dataset=xor&hidden=6,3&activation=relu&optimizer=adam&learningRate=0.03&seed=5");
  await steps(page, 40);
  const trained = await viewOf(page);
  const file = await download(page, "#export-model");
  assert.equal(file.name, "nn-playground-model.json");
  const model = JSON.parse(file.data.toString());
  assert.equal(model.format, "nn-playground-model");
  assert.equal(model.version, 1);
  assert.equal(model.step, 40);
  assert.deepEqual(model.config.hidden, [6, 3]);

  // Another network on screen, then the saved one loaded back.
  await page.selectOption("#activation", "tanh");
  await waitFor(page, () => window.nnPlayground.playground.config().activation === "tanh");
  await page.setInputFiles("#import-model", { name: "model.json", mimeType: "application/json", buffer: file.data });
  await waitFor(page, () => window.nnPlayground.playground.config().activation === "relu");
  const restored = await viewOf(page);
  assert.deepEqual(restored.predictions, trained.predictions);
  assert.deepEqual(restored.train, trained.train);
  assert.equal(await page.inputValue("#activation"), "relu");
  assert.equal(await page.inputValue("#hidden"), "6,3");
  assert.match(await page.textContent("#data-status"), /Loaded the model from model\.json \(40 updates\)/);

  const broken = JSON.stringify({ ...model, parameters: model.parameters.slice(1) });
  await page.setInputFiles("#import-model", { name: "broken.json", mimeType: "application/json", buffer: Buffer.from(broken) });
  await page.waitForSelector("#model-error", { state: "visible" });
  assert.match(await page.textContent("#model-error"), /broken\.json.*parameters/);
  assert.deepEqual((await viewOf(page)).predictions, trained.predictions, "the loaded model keeps running");
});

test("the panel as PNG", async () => {
  const { page } = await fresh();
  await loadPlayground(page, suite.base, "#dataset=circle&hidden=4");
  await steps(page, 3);
  const file = await download(page, "#export-png");
  assert.equal(file.name, "nn-playground.png");
  assert.deepEqual([...file.data.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = file.data.readUInt32BE(16);
  const height = file.data.readUInt32BE(20);
  assert.ok(width > 200 && height > width, `${width}×${height}`);
});

test("the PNG's caption is not cut off at the right, in either language, on a phone too", async () => {
  for (const [viewport, hash] of [[{ width: 1400, height: 1000 }, ""], [{ width: 390, height: 844 }, "&lang=ko"]]) {
    const { page } = await fresh({ viewport });
    await loadPlayground(page, suite.base, `#dataset=circle&hidden=4${hash}`);
    await steps(page, 3);
    const file = await download(page, "#export-png");
    const ink = await page.evaluate(async (url) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      const c = document.createElement("canvas");
      c.width = image.width;
      c.height = image.height;
      const ctx = c.getContext("2d");
      ctx.drawImage(image, 0, 0);
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      const chart = document.getElementById("loss-chart");
      const captionTop = document.getElementById("boundary").height + chart.height + 24;
      const dark = (x, y) => {
        const i = (y * c.width + x) * 4;
        return data[i] + data[i + 1] + data[i + 2] < 600;
      };
      let caption = 0;
      let margin = 0;
      for (let y = captionTop; y < c.height; y++) {
        for (let x = 0; x < c.width; x++) {
          if (!dark(x, y)) continue;
          caption++;
          if (x >= c.width - 10) margin++;
        }
      }
      return { caption, margin };
    }, `data:image/png;base64,${file.data.toString("base64")}`);
    assert.ok(ink.caption > 200, `the caption is drawn (${ink.caption} dark pixels)`);
    assert.equal(ink.margin, 0, `${viewport.width} px${hash}: the caption runs into the right margin`);
  }
});

test("embed=1 shows only the widget; controls= keeps the named controls; Embed gives the snippets", async () => {
  const { page } = await fresh();
  await loadPlayground(page, suite.base, "#dataset=spiral&hidden=8,8&embed=1");
  for (const sel of [".brand", ".site-nav", ".footer", ".lessons", ".page-tools"]) {
    assert.equal(await page.isVisible(sel), false, `${sel} hidden`);
  }
  for (const sel of ["#play", "#step", "#reset", "#boundary", "#loss-chart", "#learningRate", "#batchSize", "#hidden"]) {
    assert.equal(await page.isVisible(sel), true, `${sel} visible`);
  }

  await page.evaluate(() => { location.hash = "#dataset=spiral&hidden=8,8&embed=1&controls=learningRate,dataset"; });
  await waitFor(page, () => document.body.classList.contains("embed-some"));
  for (const sel of ["#learningRate", "#dataset-spiral + canvas", "#play", "#boundary", "#loss-chart"]) {
    assert.equal(await page.isVisible(sel), true, `${sel} visible`);
  }
  for (const sel of ["#batchSize", "#optimizer", "#hidden", "#noise", "#network", "#data-tools", "#grad-check", "#speed"]) {
    assert.equal(await page.isVisible(sel), false, `${sel} hidden`);
  }
  assert.match(await page.evaluate(() => location.hash), /embed=1&controls=learningRate,dataset/);
  // A hidden control still works through the link, and the options survive a change.
  await page.fill("#learningRate", "0.2");
  await page.press("#learningRate", "Enter");
  assert.match(await page.evaluate(() => location.hash), /learningRate=0\.2&.*embed=1&controls=learningRate,dataset/);

  // Embed, on the full page: the iframe and the custom element for this exact state.
  const full = await fresh();
  await loadPlayground(full.page, suite.base, "#dataset=xor&hidden=5&learningRate=0.3");
  await full.page.click("#embed-button");
  await full.page.waitForSelector("#share-dialog[open]");
  const iframe = await full.page.inputValue("#embed-iframe");
  assert.match(iframe, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/(index\.html)?#.*dataset=xor.*&amp;embed=1"/);
  const element = await full.page.inputValue("#embed-element");
  assert.match(element, /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/js\/element\/nn-playground-element\.js"><\/script>/);
  assert.match(element, /<nn-playground dataset="xor" hidden="5" learning-rate="0.3"><\/nn-playground>/);
});

test("usable at 360 px with the data tools: nothing wider than the screen", async () => {
  const { page } = await fresh({ viewport: { width: 360, height: 740 } });
  await loadPlayground(page, suite.base, "#lang=ko");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  for (const sel of ["#share-button", "#embed-button", "#clear-points", "#export-png", "#pointClass"]) {
    const box = await page.locator(sel).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 361, `${sel} fits: ${JSON.stringify(box)}`);
  }
});
