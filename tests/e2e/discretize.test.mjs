/**
 * Discretize output: the core paints the boundary as hard classes (drawBoundary's optional last
 * argument), byte for byte as JS's colour map of hard classes would; a flag that is not a boolean
 * is refused by name; the playground's checkbox and the element's attribute switch it, through
 * the link, in both languages.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadPlayground, waitFor, browserSuite } from "./helpers.mjs";

const suite = browserSuite();

/** In the page: the core's discretized painting of `config` against JS's, at `res` cells per side. */
function compare(page, config, res) {
  return page.evaluate(async ({ config, res }) => {
    const core = await import("/pkg/nn_playground.js");
    await core.default();
    const { makeLut, regressionToUnit } = await import("/js/views/colors.js");
    const { paintGrid } = await import("/js/views/boundary.js");
    const pg = new core.Playground(config);
    pg.step(200);
    const [xmin, xmax, ymin, ymax] = pg.bounds();
    const pixels = (discretize) => {
      const canvas = document.createElement("canvas");
      pg.drawBoundary(canvas, res, xmin, xmax, ymin, ymax, discretize);
      return canvas.getContext("2d").getImageData(0, 0, res, res).data;
    };
    const painted = pixels(true);
    const expected = new Uint8ClampedArray(res * res * 4);
    const regression = config.problem === "regression";
    paintGrid(expected, pg.boundary(res, xmin, xmax, ymin, ymax), 0, res * res, makeLut(undefined, true), regression ? regressionToUnit : null);
    let differing = 0;
    for (let i = 0; i < expected.length; i++) if (painted[i] !== expected[i]) differing += 1;
    const colours = new Set();
    for (let i = 0; i < painted.length; i += 4) colours.add(`${painted[i]},${painted[i + 1]},${painted[i + 2]}`);
    const shaded = [pixels(undefined), pixels(null), pixels(false)].map((p) => p.join());
    const canvas = document.createElement("canvas");
    pg.drawBoundary(canvas, res, xmin, xmax, ymin, ymax);
    const sixArguments = canvas.getContext("2d").getImageData(0, 0, res, res).data.join();
    pg.free();
    return { differing, colours: colours.size, shadedAsBefore: shaded.every((p) => p === sixArguments) };
  }, { config, res });
}

/** Share of the boundary plot's opaque pixels in the heatmap's two class colours. */
function classColourShare(page, selector = "#boundary") {
  return page.$eval(selector, (c) => {
    const data = /** @type {HTMLCanvasElement} */ (c).getContext("2d").getImageData(0, 0, c.width, c.height).data;
    const near = (i, [r, g, b]) => Math.abs(data[i] - r) <= 3 && Math.abs(data[i + 1] - g) <= 3 && Math.abs(data[i + 2] - b) <= 3;
    let ends = 0;
    let opaque = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      opaque++;
      if (near(i, [247, 171, 83]) || near(i, [62, 149, 204])) ends++;
    }
    return ends / opaque;
  });
}

test("a discretized boundary painted by the core equals JS's hard classes, pixel for pixel", async () => {
  const { page } = await suite.fresh();
  await page.goto(`${suite.base}/index.html`);
  for (const [config, res] of [
    [{ dataset: "spiral", hidden: [8, 8], seed: 3 }, 300],
    [{ problem: "regression", dataset: "gaussians", hidden: [6], seed: 2 }, 57],
  ]) {
    const result = await compare(page, config, res);
    assert.equal(result.differing, 0, `${config.dataset}: every byte as JS paints it`);
    assert.equal(result.colours, 2, `${config.dataset}: two colours, one per class`);
    assert.equal(result.shadedAsBefore, true, "undefined, null and false paint as the six-argument call");
  }
});

test("drawBoundary refuses a discretize flag that is not a boolean, by name", async () => {
  const { page } = await suite.fresh();
  await page.goto(`${suite.base}/index.html`);
  const outcome = await page.evaluate(async () => {
    const core = await import("/pkg/nn_playground.js");
    await core.default();
    const pg = new core.Playground({ seed: 1 });
    const thrown = [];
    for (const flag of ["true", 1, {}]) {
      try {
        pg.drawBoundary(document.createElement("canvas"), 10, -1, 1, -1, 1, flag);
        thrown.push(null);
      } catch (e) {
        thrown.push({ code: e.code, key: e.key, expected: e.params?.expected });
      }
    }
    return { thrown, stillWorks: Number.isFinite(pg.step(5).trainLoss) };
  });
  for (const e of outcome.thrown) assert.deepEqual(e, { code: "wrongType", key: "discretize", expected: "boolean" });
  assert.equal(outcome.stillWorks, true);
});

test("the playground's Discretize output checkbox: hard classes on the plot, through the link", async () => {
  const { page, consoleErrors } = await suite.fresh();
  // Small initial weights: every output near ½, a nearly white heatmap until discretized.
  await loadPlayground(page, suite.base, "#initScale=0.1");
  assert.equal(await page.isChecked("#discretize"), false);
  assert.ok(await classColourShare(page) < 0.05, "shaded: pale near ½");
  await page.check("#discretize");
  await waitFor(page, () => location.hash.includes("discretize=true"));
  assert.ok(await classColourShare(page) > 0.75, "discretized: every cell in its class's colour");
  const steps = await page.textContent("#step-counter");
  assert.equal(steps, "0", "a view option: the network is not rebuilt or trained");

  const b = await suite.fresh();
  await loadPlayground(b.page, suite.base, "#initScale=0.1&discretize=true&lang=ko");
  assert.equal(await b.page.isChecked("#discretize"), true);
  assert.equal((await b.page.textContent("label[for=discretize]")).trim(), "출력 이산화");
  assert.ok(await classColourShare(b.page) > 0.75);
  await b.page.uncheck("#discretize");
  await waitFor(b.page, () => location.hash.includes("discretize=false"));
  assert.ok(await classColourShare(b.page) < 0.05);
  assert.deepEqual(consoleErrors, []);
});

test("the custom element takes discretize as an attribute", async () => {
  const { page } = await suite.fresh();
  await page.goto(`${suite.base}/element-demo.html`);
  const share = await page.evaluate(async () => {
    const shares = [];
    for (const discretize of ["false", "true"]) {
      const el = document.createElement("nn-playground");
      el.setAttribute("init-scale", "0.1");
      el.setAttribute("discretize", discretize);
      const ready = new Promise((resolve) => el.addEventListener("nn-playground-ready", resolve, { once: true }));
      document.body.append(el);
      await ready;
      const c = el.shadowRoot.querySelector("canvas.boundary");
      const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let ends = 0;
      let opaque = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] === 0) continue;
        opaque++;
        const near = ([r, g, b]) => Math.abs(data[i] - r) <= 3 && Math.abs(data[i + 1] - g) <= 3 && Math.abs(data[i + 2] - b) <= 3;
        if (near([247, 171, 83]) || near([62, 149, 204])) ends++;
      }
      shares.push(ends / opaque);
    }
    return shares;
  });
  assert.ok(share[0] < 0.05 && share[1] > 0.75, `shaded ${share[0]}, discretized ${share[1]}`);
});
