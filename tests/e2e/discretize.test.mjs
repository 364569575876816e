/**
 * Discretize output: the playground's checkbox and the element's attribute switch it, through
 * the link, in both languages. (That the core's hard classes equal JS's colour map byte for byte,
 * and that a flag which is not a boolean is refused, is in heatmap.test.mjs.)
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadPlayground, waitFor, browserSuite } from "./helpers.mjs";

const suite = browserSuite();

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
