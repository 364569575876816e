/**
 * The core paints heatmaps onto canvases itself (drawBoundary, drawNodeOutputs, through web-sys): the pixels it puts equal those the pages' own colour maps (views/colors.js,
 * read at a colour table's entries: helpers.mjs installColourOracle) give the outputs `boundary`
 * computes — shaded or as hard classes (the optional last argument,
 * discretize), for classification and regression, at a canvas's pixel resolution; with three or
 * more classes each cell in its most probable class's colour of the pages' table — and a wrong
 * canvas or flag is refused by name, the module working on.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, installColourOracle } from "./helpers.mjs";

const suite = browserSuite();

/** In the page: the core's painting against JS's, for `config` at `res` cells per side. */
function compare(page, config, res, discretize = false) {
  return installColourOracle(page).then(() => page.evaluate(async ({ config, res, discretize }) => {
    const core = await import("/pkg/nn_playground.js");
    await core.default();
    const { BACKGROUND_STRENGTH } = await import("/js/views/colors.js");
    const pg = new core.Playground(config);
    pg.step(200);
    const [xmin, xmax, ymin, ymax] = pg.bounds();
    const paint = (...flag) => {
      const canvas = document.createElement("canvas");
      pg.drawBoundary(canvas, res, xmin, xmax, ymin, ymax, ...flag);
      return canvas;
    };
    const canvas = paint(discretize);
    const painted = canvas.getContext("2d").getImageData(0, 0, res, res).data;
    const regression = config.problem === "regression";
    const outputs = pg.boundary(res, xmin, xmax, ymin, ymax);
    const expected = [...outputs].flatMap((v) => window.colourOracle.diverging(regression ? (v + 1) / 2 : v, BACKGROUND_STRENGTH, discretize));
    let differing = 0;
    for (let i = 0; i < expected.length; i++) if (painted[i] !== expected[i]) differing += 1;
    const colours = new Set();
    for (let i = 0; i < painted.length; i += 4) colours.add(`${painted[i]},${painted[i + 1]},${painted[i + 2]}`);
    // Without the flag, and with undefined, null or false, the painting is the shaded one.
    const bytes = (c) => c.getContext("2d").getImageData(0, 0, res, res).data.join();
    const shaded = [paint(), paint(undefined), paint(null), paint(false)].map(bytes);
    pg.free();
    return { width: canvas.width, height: canvas.height, differing, colours: colours.size, shadedAlike: shaded.every((b) => b === shaded[0]) };
  }, { config, res, discretize }));
}

test("a boundary painted by the core equals the one JS paints from boundary(), pixel for pixel", async () => {
  const { page } = await suite.fresh();
  await page.goto(`${suite.base}/index.html`);
  for (const [config, res] of [
    [{ dataset: "spiral", hidden: [8, 8], seed: 3 }, 400],
    [{ dataset: "xor", hidden: [4], seed: 5 }, 37],
    [{ problem: "regression", dataset: "plane", seed: 2 }, 120],
  ]) {
    const result = await compare(page, config, res);
    assert.deepEqual([result.width, result.height], [res, res], "the canvas is sized to the grid");
    assert.equal(result.differing, 0, `${config.dataset}: every byte as JS paints it`);
    assert.ok(result.colours > 20, `${config.dataset}: a heatmap, not a flat fill (${result.colours} colours)`);
    assert.equal(result.shadedAlike, true, "undefined, null and false paint as the six-argument call");
  }
});

test("a discretized boundary painted by the core equals JS's hard classes, pixel for pixel", async () => {
  const { page } = await suite.fresh();
  await page.goto(`${suite.base}/index.html`);
  for (const [config, res] of [
    [{ dataset: "spiral", hidden: [8, 8], seed: 3 }, 300],
    [{ problem: "regression", dataset: "gaussians", hidden: [6], seed: 2 }, 57],
  ]) {
    const result = await compare(page, config, res, true);
    assert.equal(result.differing, 0, `${config.dataset}: every byte as JS paints it`);
    assert.equal(result.colours, 2, `${config.dataset}: two colours, one per class`);
  }
});

test("with three or more classes the core paints each cell in its most probable class's colour of JS's table, shaded by the confidence", async () => {
  const { page } = await suite.fresh();
  await page.goto(`${suite.base}/index.html`);
  for (const classes of [3, 6]) {
    const result = await page.evaluate(async (classes) => {
      const core = await import("/pkg/nn_playground.js");
      await core.default();
      const { classColor, BACKGROUND_STRENGTH } = await import("/js/views/colors.js");
      const pg = new core.Playground({ dataset: "gauss", classes, hidden: [8], seed: 4 });
      pg.step(300);
      const res = 50;
      const [xmin, xmax, ymin, ymax] = pg.bounds();
      const probabilities = pg.boundary(res, xmin, xmax, ymin, ymax);
      const painted = (discretize) => {
        const canvas = document.createElement("canvas");
        pg.drawBoundary(canvas, res, xmin, xmax, ymin, ymax, discretize);
        return canvas.getContext("2d").getImageData(0, 0, res, res).data;
      };
      const [shaded, hard] = [painted(false), painted(true)];
      let worst = 0;
      const best = new Set();
      for (let cell = 0; cell < res * res; cell++) {
        const p = probabilities.subarray(cell * classes, (cell + 1) * classes);
        const k = p.indexOf(Math.max(...p));
        best.add(k);
        const confidence = Math.min(1, Math.max(0, (p[k] - 1 / classes) / (1 - 1 / classes)));
        const expected = [Uint8ClampedArray.from(classColor(k, confidence * BACKGROUND_STRENGTH)), Uint8ClampedArray.from(classColor(k, BACKGROUND_STRENGTH))];
        for (let c = 0; c < 3; c++) {
          worst = Math.max(worst, Math.abs(shaded[cell * 4 + c] - expected[0][c]), Math.abs(hard[cell * 4 + c] - expected[1][c]));
        }
      }
      pg.free();
      return { worst, classesShown: best.size };
    }, classes);
    assert.equal(result.classesShown, classes, `every one of the ${classes} classes wins somewhere`);
    assert.ok(result.worst <= 1, `every byte as the colour table says (within rounding): ${result.worst}`);
  }
});

test("drawBoundary refuses what is not a canvas, and a discretize flag that is not a boolean, by name; the playground works on", async () => {
  const { page } = await suite.fresh();
  await page.goto(`${suite.base}/index.html`);
  const outcome = await page.evaluate(async () => {
    const core = await import("/pkg/nn_playground.js");
    await core.default();
    const pg = new core.Playground({ seed: 1 });
    const thrown = [];
    const webgl = document.createElement("canvas");
    webgl.getContext("webgl2") || webgl.getContext("webgl");
    const hostile = new Proxy({}, { getPrototypeOf() { throw new Error("no"); } });
    for (const canvas of [undefined, 42, {}, document.createElement("div"), hostile, webgl]) {
      try {
        pg.drawBoundary(canvas, 10, -1, 1, -1, 1);
        thrown.push(null);
      } catch (e) {
        thrown.push({ code: e.code, key: e.key, message: e.message });
      }
    }
    try { pg.drawBoundary(document.createElement("canvas"), 0, -1, 1, -1, 1); } catch (e) { thrown.push({ code: e.code, key: e.key }); }
    const flags = [];
    for (const flag of ["true", 1, {}]) {
      try {
        pg.drawBoundary(document.createElement("canvas"), 10, -1, 1, -1, 1, flag);
        flags.push(null);
      } catch (e) {
        flags.push({ code: e.code, key: e.key, expected: e.params?.expected });
      }
    }
    return { thrown, flags, stillWorks: Number.isFinite(pg.step(5).trainLoss) };
  });
  const [none, number, object, div, hostile, webgl, badRes] = outcome.thrown;
  for (const e of [none, number, object, div, hostile]) assert.deepEqual([e?.code, e?.key], ["wrongType", "canvas"], JSON.stringify(e));
  assert.match(object.message, /canvas/);
  // A canvas holding a WebGL context has no 2-D one (when this browser gave it WebGL at all).
  if (webgl) assert.deepEqual([webgl.code, webgl.key], ["unreadable", "canvas"]);
  assert.deepEqual([badRes.code, badRes.key], ["outOfRange", "res"]);
  for (const e of outcome.flags) assert.deepEqual(e, { code: "wrongType", key: "discretize", expected: "boolean" });
  assert.equal(outcome.stillWorks, true);
});

test("the network diagram's tiles painted by the core hold every input's and every unit's outputs in the diagram's colours, tile by tile", async () => {
  const { page } = await suite.fresh();
  await page.goto(`${suite.base}/index.html`);
  await installColourOracle(page);
  const configs = [
    { dataset: "xor", hidden: [4, 3], activation: "tanh", features: ["x1", "x2", "x1Squared"], seed: 1 },
    { dataset: "spiral", hidden: [5], activation: "relu", seed: 2 },
    { dataset: "gauss", classes: 3, hidden: [2], activation: "sigmoid", seed: 3 },
    { problem: "regression", dataset: "plane", hidden: [3], activation: "linear", seed: 4 },
  ];
  for (const config of configs) {
    const r = await page.evaluate(async (config) => {
      const core = await import("/pkg/nn_playground.js");
      await core.default();
      const oracle = window.colourOracle;
      const pg = new core.Playground(config);
      pg.step(100);
      const res = 13;
      const n = res * res;
      const [xmin, xmax, ymin, ymax] = pg.bounds();
      const canvas = document.createElement("canvas");
      const perRow = pg.drawNodeOutputs(canvas, res, xmin, xmax, ymin, ymax);
      const inputs = pg.config().features.length;
      const hidden = config.hidden.reduce((a, b) => a + b, 0);
      const classes = config.classes ?? 1;
      const values = [...pg.inputOutputs(res, xmin, xmax, ymin, ymax), ...pg.unitOutputs(res, xmin, xmax, ymin, ymax)];
      const tiles = values.length / n;
      // How the diagram reads node k: the inputs spread; σ and probabilities on [0, 1], tanh and
      // regression on [−1, 1], the other units spread; a softmax unit white … its class's colour.
      const reading = (k, tile) => {
        const u = k - inputs;
        const kind = u < 0 ? "s" : u < hidden ? { sigmoid: "p", tanh: "r" }[config.activation] ?? "s" : config.problem === "regression" ? "r" : "p";
        return { p: (v) => v, r: (v) => (v + 1) / 2, s: oracle.spread(tile) }[kind];
      };
      const colour = (k, t) => (k - inputs >= hidden && classes > 2 ? oracle.classRamp(k - inputs - hidden, t, 0.92) : oracle.diverging(t, 0.92));
      const px = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      let differing = 0;
      for (let k = 0; k < tiles; k++) {
        const tile = values.slice(k * n, (k + 1) * n);
        const map = reading(k, tile);
        for (let i = 0; i < n; i++) {
          const x = (k % perRow) * res + (i % res);
          const y = Math.floor(k / perRow) * res + Math.floor(i / res);
          const expected = colour(k, map(tile[i]));
          for (let c = 0; c < 4; c++) if (px[(y * canvas.width + x) * 4 + c] !== expected[c]) differing++;
        }
      }
      pg.free();
      return { tiles, expectedTiles: inputs + hidden + (classes > 2 ? classes : 1), perRow, size: [canvas.width, canvas.height], differing };
    }, config);
    const label = `${config.dataset} ${config.activation}`;
    assert.equal(r.tiles, r.expectedTiles, `${label}: a tile a node`);
    assert.equal(r.perRow, Math.ceil(Math.sqrt(r.tiles)), `${label}: rows of ⌈√tiles⌉`);
    assert.deepEqual(r.size, [r.perRow * 13, Math.ceil(r.tiles / r.perRow) * 13], `${label}: the canvas holds the tiles`);
    assert.equal(r.differing, 0, `${label}: every node's tile in the diagram's colours`);
  }
});

test("drawNodeOutputs refuses what is not a canvas, a grid beyond the cap and a bad window by name", async () => {
  const { page } = await suite.fresh();
  await page.goto(`${suite.base}/index.html`);
  const errors = await page.evaluate(async () => {
    const core = await import("/pkg/nn_playground.js");
    await core.default();
    const pg = new core.Playground({ hidden: [8, 8], seed: 1 });
    const canvas = document.createElement("canvas");
    const calls = [
      () => pg.drawNodeOutputs({}, 10, -1, 1, -1, 1),
      () => pg.drawNodeOutputs(document.createElement("div"), 10, -1, 1, -1, 1),
      () => pg.drawNodeOutputs(canvas, 2000, -1, 1, -1, 1),
      () => pg.drawNodeOutputs(canvas, 10, 1, -1, -1, 1),
    ];
    const out = calls.map((call) => {
      try {
        call();
        return null;
      } catch (e) {
        return [e.code, e.key, e.message.split(":")[0]];
      }
    });
    out.push(Number.isFinite(pg.step(5).trainLoss));
    return out;
  });
  assert.deepEqual(errors, [
    ["wrongType", "canvas", "drawNodeOutputs"],
    ["wrongType", "canvas", "drawNodeOutputs"],
    ["tooLarge", "res", "drawNodeOutputs"],
    ["outOfRange", "xmax", "drawNodeOutputs"],
    true,
  ]);
});
