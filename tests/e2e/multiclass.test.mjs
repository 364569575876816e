/**
 * More than two classes on the playground (www/index.html) and in the <nn-playground> element,
 * in headless Chromium: a three-class link trains and its confusion matrix agrees with the
 * accuracies shown; the boundary in three hue families; the Classes field and the datasets kept
 * together; Discretize output in the classes' colours; points added with the class picker; CSV
 * labels 0 … K−1 and a label beyond them refused by name; the element's `classes` attribute;
 * Korean with no English left.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadPlayground, waitFor, browserSuite, plotPosition, englishLeft } from "./helpers.mjs";

const suite = browserSuite();

const SPIRAL3 = "#dataset=spiral&classes=3&hidden=16,16&optimizer=adam&learningRate=0.01&noise=0.05";

/**
 * In the page: how many of the class colours' hue families the canvas `selector` shows (inside
 * the shadow root of `host` when given), each counted when it covers at least 3 % of the canvas's
 * coloured pixels (the heatmap's pale cells and the white and grey of the axes aside).
 */
function hueFamilies(page, selector, host = null) {
  return page.evaluate(async ({ selector, host }) => {
    const { CLASS_COLORS } = await import("/js/views/colors.js");
    const root = host ? document.querySelector(host).shadowRoot : document;
    const canvas = /** @type {HTMLCanvasElement} */ (root.querySelector(selector));
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    const hue = (r, g, b) => {
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      if (max - min < 40) return null; // too pale or grey to say
      const d = max - min;
      const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return (h * 60 + 360) % 360;
    };
    const targets = CLASS_COLORS.map(([r, g, b]) => hue(r, g, b));
    const counts = targets.map(() => 0);
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      const h = hue(data[i], data[i + 1], data[i + 2]);
      if (h === null) continue;
      coloured++;
      const distance = targets.map((t) => Math.min(Math.abs(h - t), 360 - Math.abs(h - t)));
      counts[distance.indexOf(Math.min(...distance))]++;
    }
    return counts.map((n) => n / coloured).filter((share) => share >= 0.03).length;
  }, { selector, host });
}

/** The confusion matrix on the page: its counts row by row, its size, and the summary's numbers. */
function shownMatrix(page) {
  return page.evaluate(() => {
    const cells = [...document.querySelectorAll("#confusion .confusion-table td[data-count]")].map((td) => Number(td.textContent));
    const summary = /** @type {HTMLElement} */ (document.querySelector("#confusion .confusion-summary"));
    return {
      cells,
      rows: document.querySelectorAll("#confusion tbody tr").length,
      columns: document.querySelectorAll("#confusion thead tr:last-child th[scope=col]").length - 1,
      right: Number(summary.dataset.right),
      total: Number(summary.dataset.total),
      visible: !document.getElementById("confusion").hidden,
    };
  });
}

test("a three-class link trains; its 3×3 confusion matrix's diagonal over its total is the test accuracy shown", async () => {
  const { page, consoleErrors, pageErrors } = await suite.fresh();
  await loadPlayground(page, suite.base, `${SPIRAL3}&speed=max`);
  assert.equal(await page.inputValue("#classes"), "3");
  const before = await shownMatrix(page);
  assert.equal(before.visible, true);
  assert.deepEqual([before.rows, before.columns, before.cells.length], [3, 3, 9]);
  await page.click("#play");
  // Counted again while training plays, at a modest rate.
  await waitFor(page, (r) => Number(document.querySelector("#confusion .confusion-summary").dataset.right) > r * 2, before.right, 30_000);
  await waitFor(page, () => window.nnPlayground.report.step >= 3000, undefined, 60_000);
  await page.click("#play");
  const m = await shownMatrix(page);
  const diagonal = m.cells[0] + m.cells[4] + m.cells[8];
  const total = m.cells.reduce((a, b) => a + b, 0);
  assert.deepEqual([m.right, m.total], [diagonal, total]);
  assert.equal(total, await page.evaluate(() => window.nnPlayground.playground.points("test").length / 3));
  const shown = (await page.textContent("#test-accuracy")).trim();
  assert.equal(`${((diagonal / total) * 100).toFixed(1)}%`, shown, "the diagonal's share is the test accuracy shown");
  assert.ok(diagonal / total > 0.9, `trained: ${shown}`);
  assert.match(await page.textContent("#confusion .confusion-summary"), new RegExp(`${diagonal} of ${total} points classified right \\(${shown.replace(".", "\\.")}\\)`));
  // The switch counts the training data: its diagonal is the training accuracy.
  await page.click("#confusion label:has(input[value=train])");
  const train = await shownMatrix(page);
  assert.equal(`${((train.right / train.total) * 100).toFixed(1)}%`, (await page.textContent("#train-accuracy")).trim());
  assert.equal(train.total, await page.evaluate(() => window.nnPlayground.playground.points("train").length / 3));
  // Accessible markup: the axes are headers, the table says what it counts.
  assert.match(await page.textContent("#confusion caption"), /training data: one row per true class/);
  assert.equal(await page.locator("#confusion tbody th[scope=row]").count(), 3);
  assert.equal(await hueFamilies(page, "#boundary"), 3, "the boundary and the points in three hue families");
  assert.equal(await page.locator("#boundary").evaluate((c) => c.closest("figure").querySelectorAll(".class-key-item").length), 3);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("Discretize output with three classes: the plot in the three classes' colours only", async () => {
  const { page } = await suite.fresh();
  await loadPlayground(page, suite.base, `${SPIRAL3}&discretize=true`);
  const share = await page.evaluate(async () => {
    const { classColor, BACKGROUND_STRENGTH } = await import("/js/views/colors.js");
    const colours = [0, 1, 2].map((k) => Uint8ClampedArray.from(classColor(k, BACKGROUND_STRENGTH)));
    const canvas = /** @type {HTMLCanvasElement} */ (document.getElementById("boundary"));
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    const counts = [0, 0, 0];
    let opaque = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      opaque++;
      colours.forEach((c, k) => {
        if (Math.abs(data[i] - c[0]) <= 3 && Math.abs(data[i + 1] - c[1]) <= 3 && Math.abs(data[i + 2] - c[2]) <= 3) counts[k]++;
      });
    }
    return counts.map((n) => n / opaque);
  });
  assert.ok(share.reduce((a, b) => a + b, 0) > 0.75, `every cell in a class's colour: ${share}`);
  assert.ok(share.every((s) => s > 0.05), `each of the three classes somewhere: ${share}`);
});

test("the Classes field and the datasets go together; a regression has neither the field nor the matrix", async () => {
  const { page, pageErrors } = await suite.fresh();
  await loadPlayground(page, suite.base, "#dataset=circle");
  assert.equal((await shownMatrix(page)).cells.length, 4, "a binary classification: 2 × 2");
  assert.match(await page.textContent("#classes-hint"), /Gauss, Spiral, Pinwheel, Yours/);
  // More classes on a dataset of two: the first dataset that takes them.
  await page.fill("#classes", "4");
  await page.press("#classes", "Enter");
  await waitFor(page, () => window.nnPlayground.playground.config().classes === 4);
  assert.equal(await page.evaluate(() => window.nnPlayground.playground.config().dataset), "gauss");
  assert.equal((await shownMatrix(page)).cells.length, 16);
  assert.equal(await page.getAttribute("canvas[data-dataset=pinwheel]", "data-classes"), "4", "the thumbnails in four classes");
  assert.equal(await page.getAttribute("canvas[data-dataset=circle]", "data-classes"), "2");
  assert.equal(await page.locator("label.thumb:has(#dataset-circle)").evaluate((l) => getComputedStyle(l).opacity), "0.45");
  // A dataset of two classes chosen: two classes.
  await page.click("label.thumb:has(#dataset-moons)");
  await waitFor(page, () => window.nnPlayground.playground.config().dataset === "moons");
  assert.equal(await page.evaluate(() => window.nnPlayground.playground.config().classes), 2);
  assert.equal(await page.inputValue("#classes"), "2");
  // Regression: two classes, no field, no matrix.
  await page.click("label.thumb:has(#dataset-pinwheel)");
  await page.fill("#classes", "5");
  await page.press("#classes", "Enter");
  await waitFor(page, () => window.nnPlayground.playground.config().classes === 5);
  await page.selectOption("#problem", "regression");
  await waitFor(page, () => window.nnPlayground.playground.config().problem === "regression");
  assert.equal(await page.evaluate(() => window.nnPlayground.playground.config().classes), 2);
  assert.equal(await page.isVisible("#classes"), false);
  assert.equal((await shownMatrix(page)).visible, false);
  assert.deepEqual(pageErrors, []);
});

test("with class 2 picked a click adds a point labelled 2, drawn green; Shift adds the next class", async () => {
  const { page, pageErrors } = await suite.fresh();
  await loadPlayground(page, suite.base, "#dataset=gauss&classes=3&samples=30&seed=2");
  await page.click("#add-points");
  assert.equal(await page.locator("#pointClass input[type=radio]").count(), 3, "one swatch per class");
  await page.click("label:has(#pointClass-2)");
  assert.equal(await page.isChecked("#pointClass-2"), true);
  const at = await plotPosition(page, 5, -5);
  await page.mouse.click(at.x, at.y);
  await waitFor(page, () => window.nnPlayground.playground?.config().dataset === "custom");
  const points = await page.evaluate(() => window.nnPlayground.state.points);
  assert.equal(points.length, 31 * 3);
  assert.deepEqual(points.slice(-3).map(Math.round), [5, -5, 2]);
  assert.match(await page.textContent("#data-status"), /with label 2/);
  // The new point in class 2's colour, green (where the plot shows it now; in the test split it is paler).
  await page.check("#showTestData");
  const there = await plotPosition(page, 5, -5);
  const colour = await page.evaluate(({ x, y }) => {
    const canvas = /** @type {HTMLCanvasElement} */ (document.getElementById("boundary"));
    const r = canvas.getBoundingClientRect();
    const scale = canvas.width / r.width;
    return [...canvas.getContext("2d").getImageData(Math.round((x - r.left) * scale), Math.round((y - r.top) * scale), 1, 1).data];
  }, there);
  assert.ok(colour[1] > colour[0] + 40 && colour[1] > colour[2] + 40, `green: ${colour}`);
  await page.keyboard.down("Shift");
  await page.mouse.click(at.x - 40, at.y);
  await page.keyboard.up("Shift");
  assert.equal(await page.evaluate(() => window.nnPlayground.state.points.at(-1)), 0, "the class after 2 of three is 0");
  assert.deepEqual(pageErrors, []);
});

test("CSV labels 0 … 2 load under three classes; a label 3 is refused by name and nothing changes", async () => {
  const { page } = await suite.fresh();
  await loadPlayground(page, suite.base, "#dataset=spiral&classes=3");
  const good = "x,y,label\n1,2,0\n-1,-2,1\n3,0.5,2\n-2.5,1,2\n";
  await page.setInputFiles("#import-csv", { name: "three.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await waitFor(page, () => window.nnPlayground.playground?.config().dataset === "custom");
  const config = await page.evaluate(() => window.nnPlayground.playground.config());
  assert.deepEqual([config.classes, config.problem, config.points], [3, "classification", [1, 2, 0, -1, -2, 1, 3, 0.5, 2, -2.5, 1, 2]]);
  assert.match(await page.textContent("#data-status"), /Loaded 4 points from three\.csv/);

  await page.setInputFiles("#import-csv", { name: "four.csv", mimeType: "text/csv", buffer: Buffer.from("0,0,0\n1,1,3\n2,2,1\n") });
  await page.waitForSelector("#data-error", { state: "visible" });
  const message = await page.textContent("#data-error");
  assert.match(message, /four\.csv was not loaded/);
  assert.match(message, /Point 2 has the label 3, which is not one of the 3 classes 0 … 2: set Classes to 4 or more/);
  assert.deepEqual(await page.evaluate(() => window.nnPlayground.playground.config().points), config.points, "points unchanged");
  assert.equal(await page.evaluate(() => window.nnPlayground.playground.config().problem), "classification");
});

test("a link's points with a label beyond its classes fall back, named", async () => {
  const { page } = await suite.fresh();
  await loadPlayground(page, suite.base, "#dataset=custom&classes=3&points=0,0,0,1,1,1,2,2,3");
  await page.waitForSelector("#hash-notice", { state: "visible" });
  assert.match(await page.textContent("#hash-notice"), /dataset=custom: must be a class label, 0 … 2; got 3/);
});

test("the element's classes attribute: three classes drawn, three hue families", async () => {
  const { page, pageErrors } = await suite.fresh();
  await page.goto(`${suite.base}/element-demo.html`);
  const config = await page.evaluate(async () => {
    const el = document.createElement("nn-playground");
    el.id = "three";
    for (const [name, value] of Object.entries({ dataset: "spiral", classes: "3", hidden: "16,16", optimizer: "adam", "learning-rate": "0.01" })) {
      el.setAttribute(name, value);
    }
    const ready = new Promise((resolve) => el.addEventListener("nn-playground-ready", resolve, { once: true }));
    document.body.append(el);
    await ready;
    el.step(1500);
    return el.config;
  });
  assert.deepEqual([config.dataset, config.classes], ["spiral", 3]);
  assert.equal(await hueFamilies(page, "canvas.boundary", "#three"), 3);
  assert.match(await page.textContent("[data-i18n=demo-attributes]"), /\bclasses\b/);
  assert.deepEqual(pageErrors, []);
});

test("Korean: the classes, the class picker and the confusion matrix have no English left", async () => {
  const { page, pageErrors } = await suite.fresh();
  await loadPlayground(page, suite.base, `${SPIRAL3}&lang=ko`);
  await page.click("#step");
  await page.click("#add-points");
  await page.click("#confusion label:has(input[value=train])");
  assert.equal(await page.textContent("label[for=classes]"), "클래스 수");
  assert.match(await page.textContent("#confusion-title"), /혼동 행렬/);
  assert.deepEqual(await englishLeft(page), []);
  // A refused CSV in Korean too.
  await page.setInputFiles("#import-csv", { name: "4.csv", mimeType: "text/csv", buffer: Buffer.from("0,0,0\n1,1,3\n2,2,1\n") });
  await page.waitForSelector("#data-error", { state: "visible" });
  assert.match(await page.textContent("#data-error"), /레이블 3/);
  assert.deepEqual(await englishLeft(page), []);
  assert.deepEqual(pageErrors, []);
});
