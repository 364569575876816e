/**
 * Input features on the pages, in headless Chromium: the playground's diagram draws all seven
 * features as input nodes — the network's own filled with their heatmaps (pg.inputOutputs) and
 * linked, the others dimmed — and a press (mouse, Enter or Space) adds or removes one, rebuilding
 * the network and the link; the last input is never removed, and the diagram says why; Korean;
 * the lesson "logistic regression on x₁², x₂² solves the circle"; a softmax output draws one unit
 * per class; the <nn-playground> element's features attribute; the backprop explorer's a[0]
 * follows the network's inputs.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadPlayground, waitFor, browserSuite, englishLeft } from "./helpers.mjs";

const suite = browserSuite();
const { fresh } = suite;

/** The input nodes of the playground's diagram: feature, pressed, filled (a heatmap), title. */
function inputNodes(page) {
  return page.$$eval("#network .net-input .node-feature", (nodes) => nodes.map((n) => ({
    feature: n.dataset.feature,
    pressed: n.getAttribute("aria-pressed"),
    filled: !!n.querySelector("canvas"),
    name: n.textContent,
    title: n.title,
  })));
}

/** The network's inputs and the link's features. */
function inputsOf(page) {
  return page.evaluate(() => {
    const pg = window.nnPlayground.playground;
    return { features: pg.config().features, nIn: pg.parameters()[0].nIn, hash: location.hash };
  });
}

/**
 * Whether the heatmap of `feature`'s node is exactly the core's tile of input `index` over the
 * diagram's grid (pg.drawNodeOutputs: the inputs' tiles first, coloured as the diagram colours
 * them).
 */
function heatmapMatches(page, feature, index) {
  return page.evaluate(async ([feature, index]) => {
    const canvas = /** @type {HTMLCanvasElement} */ (document.querySelector(`#network [data-feature="${feature}"] canvas`));
    const res = canvas.width;
    const pg = window.nnPlayground.playground;
    const atlas = document.createElement("canvas");
    const [xmin, xmax, ymin, ymax] = pg.bounds();
    const perRow = pg.drawNodeOutputs(atlas, res, xmin, xmax, ymin, ymax);
    const [x, y] = [(index % perRow) * res, Math.floor(index / perRow) * res];
    const expected = atlas.getContext("2d").getImageData(x, y, res, res).data;
    const shown = canvas.getContext("2d").getImageData(0, 0, res, res).data;
    // A heatmap, not a flat colour: the feature varies over the plane.
    const colours = new Set();
    for (let i = 0; i < shown.length; i += 4) colours.add(`${shown[i]},${shown[i + 1]},${shown[i + 2]}`);
    return { res, same: shown.every((v, i) => v === expected[i]), colours: colours.size };
  }, [feature, index]);
}

test("pressing the x₁² node adds it: the link, three inputs, its heatmap is the core's; inactive nodes are dimmed and unlinked", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadPlayground(page, suite.base, "#dataset=circle&hidden=4");
  const before = await inputNodes(page);
  assert.deepEqual(before.map((n) => n.name), ["x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin x₁", "sin x₂"]);
  assert.deepEqual(before.map((n) => n.pressed), ["true", "true", "false", "false", "false", "false", "false"]);
  assert.deepEqual(before.map((n) => n.filled), [true, true, false, false, false, false, false]);
  assert.equal(before[2].title, "x₁²: not an input. Press to add it.");
  assert.equal(await page.$$eval("#network .net-link", (l) => l.length), 2 * 4 + 4 * 1, "links from the two inputs only");

  await page.click("#network [data-feature=x1Squared]");
  await waitFor(page, () => window.nnPlayground.playground.config().features.length === 3);
  const { features, nIn, hash } = await inputsOf(page);
  assert.deepEqual(features, ["x1", "x2", "x1Squared"]);
  assert.equal(nIn, 3);
  assert.match(hash, /(^#|&)features=x1,x2,x1Squared(&|$)/);
  const after = await inputNodes(page);
  assert.deepEqual(after.map((n) => n.pressed), ["true", "true", "true", "false", "false", "false", "false"]);
  assert.equal(after[2].title, "x₁²: an input of the network. Press to remove it.");
  assert.equal(await page.$$eval("#network .net-link", (l) => l.length), 3 * 4 + 4 * 1);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.feature), "x1Squared", "the focus stays on the node");

  for (const [feature, index] of [["x1", 0], ["x2", 1], ["x1Squared", 2]]) {
    const m = await heatmapMatches(page, feature, index);
    assert.ok(m.same, `${feature}'s heatmap is the core's input ${index}`);
    assert.ok(m.colours > 5, `${feature} varies over the plane: ${m.colours} colours`);
  }
  // Trained, the heatmap stays the input's (the inputs do not change with the weights).
  await page.click("#step");
  assert.ok((await heatmapMatches(page, "x1Squared", 2)).same);

  // The link reproduces it; pressing it again takes it away.
  const b = await fresh();
  await loadPlayground(b.page, suite.base, hash);
  assert.deepEqual((await inputNodes(b.page)).map((n) => n.pressed), ["true", "true", "true", "false", "false", "false", "false"]);
  await page.click("#network [data-feature=x1Squared]");
  await waitFor(page, () => window.nnPlayground.playground.config().features.length === 2);
  assert.match((await inputsOf(page)).hash, /(^#|&)features=x1,x2(&|$)/);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("removing the last input is refused with a note beside it; it goes when the pointer leaves; adding another works", async () => {
  const { page, pageErrors } = await fresh();
  await loadPlayground(page, suite.base, "#features=sinX2&hidden=3");
  assert.deepEqual((await inputsOf(page)).features, ["sinX2"]);
  const box = () => page.locator("#network [data-feature=x1]").boundingBox();
  const before = await box();
  await page.click("#network [data-feature=sinX2]");
  const note = page.locator("#network-note");
  await note.waitFor({ state: "visible" });
  assert.deepEqual(await box(), before, "nothing moves under the pointer");
  assert.equal(await note.textContent(), "sin x₂ is the only input left: add another feature before removing it.");
  assert.equal(await note.getAttribute("role"), "status");
  const kept = await inputsOf(page);
  assert.deepEqual(kept.features, ["sinX2"], "the network keeps its input");
  assert.match(kept.hash, /features=sinX2/);
  assert.equal(await page.getAttribute("#network [data-feature=sinX2]", "aria-pressed"), "true");
  await page.mouse.move(5, 5);
  await note.waitFor({ state: "hidden" });
  assert.equal(await note.textContent(), "");

  await page.click("#network [data-feature=x1x2]");
  await waitFor(page, () => window.nnPlayground.playground.config().features.length === 2);
  assert.deepEqual((await inputsOf(page)).features, ["x1x2", "sinX2"], "kept in the core's order");
  assert.equal(await note.isVisible(), false);
  assert.deepEqual(pageErrors, []);
});

test("the keyboard toggles a feature: Tab reaches the nodes, Enter adds, Space removes; the last input's note stays while focused", async () => {
  const { page } = await fresh();
  await loadPlayground(page, suite.base, "#hidden=2");
  const node = "#network [data-feature=x2Squared]";
  assert.equal(await page.evaluate((s) => document.querySelector(s).tagName, node), "BUTTON", "a button: role button, focusable");
  await page.focus("#network [data-feature=x1Squared]");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.feature), "x2Squared");
  await page.keyboard.press("Enter");
  await waitFor(page, () => window.nnPlayground.playground.config().features.includes("x2Squared"));
  assert.equal(await page.getAttribute(node, "aria-pressed"), "true");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.feature), "x2Squared");
  assert.equal(await page.evaluate(() => window.nnPlayground.playground.parameters()[0].nIn), 3);
  await page.keyboard.press(" ");
  await waitFor(page, () => !window.nnPlayground.playground.config().features.includes("x2Squared"));
  assert.equal(await page.getAttribute(node, "aria-pressed"), "false");
  assert.equal(await page.evaluate(() => window.nnPlayground.playing), false, "Space on a node toggles it, it does not play");

  await loadPlayground(page, suite.base, "#features=x2&hidden=2");
  await page.focus("#network [data-feature=x2]");
  await page.keyboard.press("Enter");
  assert.equal(await page.textContent("#network-note"), "x₂ is the only input left: add another feature before removing it.");
  await page.keyboard.press("Tab");
  assert.equal(await page.textContent("#network-note"), "", "gone once the focus leaves the node");
});

test("the input nodes read in Korean: names kept, tooltips and the refusal translated", async () => {
  const { page, consoleErrors } = await fresh();
  await loadPlayground(page, suite.base, "#features=x1&lang=ko");
  assert.equal(await page.getAttribute("#network [data-feature=x1]", "title"), "x₁: 네트워크의 입력입니다. 누르면 뺍니다.");
  assert.equal(await page.getAttribute("#network [data-feature=sinX1]", "title"), "sin x₁: 입력이 아닙니다. 누르면 넣습니다.");
  assert.equal(await page.textContent("#network [data-feature=x1x2]"), "x₁x₂");
  await page.click("#network [data-feature=x1]");
  await page.locator("#network-note").waitFor({ state: "visible" });
  assert.equal(await page.textContent("#network-note"), "x₁ 은(는) 남은 하나뿐인 입력입니다: 빼기 전에 다른 특성을 넣으세요.");
  assert.deepEqual(await englishLeft(page), []);
  // Back in English, the same nodes say it in English.
  await page.click(".lang-switch button[data-lang=en]");
  assert.equal(await page.getAttribute("#network [data-feature=sinX1]", "title"), "sin x₁: not an input. Press to add it.");
  await page.click("#network [data-feature=x1]");
  assert.equal(await page.textContent("#network-note"), "x₁ is the only input left: add another feature before removing it.");
  assert.deepEqual(consoleErrors, []);
});

test("the lesson's link: logistic regression on the squares only, and it solves the circle", async () => {
  const { page } = await fresh();
  await loadPlayground(page, suite.base);
  await page.click(".lessons a:text('Logistic regression on x₁², x₂² solves the circle')");
  await waitFor(page, () => window.nnPlayground.playground.config().features[0] === "x1Squared");
  const config = await page.evaluate(() => window.nnPlayground.playground.config());
  assert.deepEqual(config.features, ["x1Squared", "x2Squared"]);
  assert.deepEqual(config.hidden, []);
  assert.equal(config.normalize, "standardize");
  const nodes = await inputNodes(page);
  assert.deepEqual(nodes.filter((n) => n.pressed === "true").map((n) => n.name), ["x₁²", "x₂²"]);
  assert.equal(await page.$$eval("#network .net-link", (l) => l.length), 2, "two links into the output unit");
  const accuracy = await page.evaluate(() => window.nnPlayground.playground.step(2000).testAccuracy);
  assert.equal(accuracy, 1);
});

test("a softmax output draws one unit per class, each shaded in its class's colour and named", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await loadPlayground(page, suite.base, "#dataset=spiral&classes=3&hidden=6&features=x1,x2,sinX1");
  for (let i = 0; i < 20; i++) await page.click("#step");
  const outputs = await page.evaluate(async () => {
    const { CLASS_COLORS } = await import("/js/views/colors.js");
    return [...document.querySelectorAll("#network .net-output .node-unit")].map((n, k) => {
      const c = n.querySelector("canvas");
      const px = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      // Every pixel lies between white and the class's colour: 255 − pixel points along 255 − colour.
      const toward = CLASS_COLORS[k].map((v) => 255 - v);
      let coloured = 0;
      let worst = 1;
      for (let i = 0; i < px.length; i += 4) {
        const d = [255 - px[i], 255 - px[i + 1], 255 - px[i + 2]];
        const size = Math.hypot(...d);
        if (size < 40) continue;
        coloured++;
        worst = Math.min(worst, d.reduce((s, v, j) => s + v * toward[j], 0) / (size * Math.hypot(...toward)));
      }
      return { label: n.getAttribute("aria-label"), coloured, worst };
    });
  });
  assert.deepEqual(outputs.map((o) => o.label), ["Output unit, class 0", "Output unit, class 1", "Output unit, class 2"]);
  for (const o of outputs) assert.ok(o.coloured > 20 && o.worst > 0.99, JSON.stringify(o));
  assert.equal(await page.textContent("#network .net-output .net-col-note"), "softmax");
  assert.equal(await page.$$eval("#network .net-link", (l) => l.length), 3 * 6 + 6 * 3);
  await page.focus("#network .net-output .node-unit >> nth=2");
  assert.match(await page.innerText("#network-tip"), /Output unit, class 2 · softmax/);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("<nn-playground features=…>: the network's inputs; a bad feature is named by its field", async () => {
  const { page } = await fresh();
  await page.goto(`${suite.base}/element-demo.html`);
  const add = (id, features) => page.evaluate(async ([id, features]) => {
    document.body.insertAdjacentHTML("beforeend", `<nn-playground id="${id}" dataset="circle" hidden="" features="${features}"></nn-playground>`);
    const el = document.getElementById(id);
    await new Promise((resolve) => el.addEventListener("nn-playground-ready", resolve, { once: true }));
    return {
      features: el.config.features,
      nIn: el.playground.parameters()[0].nIn,
      notice: el.shadowRoot.querySelector(".notice").hidden ? "" : el.shadowRoot.querySelector(".notice").textContent,
    };
  }, [id, features]);
  const squares = await add("squares", "x1Squared,x2Squared");
  assert.deepEqual(squares, { features: ["x1Squared", "x2Squared"], nIn: 2, notice: "" });
  const bad = await add("bad", "x1,x3");
  assert.deepEqual(bad.features, ["x1", "x2"], "the default stands in");
  assert.match(bad.notice, /Input features — features=x1,x3: /);
  assert.match(await page.textContent("[data-i18n=demo-attributes]"), /features/);
});

test("the backprop explorer follows the network's inputs: a[0] has a row per feature", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await page.goto(`${suite.base}/backprop.html#features=x1,x2,x1x2&hidden=3`);
  await page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
  assert.equal(await page.isVisible("#hash-notice"), false, "the link's features are understood");
  const text = `${await page.textContent("#stage-explain")} ${await page.textContent("#stage-sizes")}`;
  assert.match(text, /one row per input feature \(x₁, x₂, x₁x₂\)/);
  assert.match(text, /so it is 3 × m/);
  assert.match(text, /a\[0\]: 3 × 4/);
  assert.deepEqual(await page.$$eval("#bp-network .net-input .node-feature", (n) => n.map((e) => e.textContent)), ["x₁", "x₂", "x₁x₂"]);
  assert.equal(await page.$$eval("#bp-network .net-input canvas", (c) => c.length), 3, "each input a heatmap");
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});
