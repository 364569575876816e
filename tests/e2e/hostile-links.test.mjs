// Links a hostile or careless reader may send: keys named like Object.prototype's members,
// repeated, empty, huge or non-finite values. Every page must start, name what it ignored,
// and still train.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, loadPlayground, waitFor } from "./helpers.mjs";

const suite = browserSuite();

const HOSTILE_HASHES = [
  "#__proto__=1",
  "#toString=1",
  "#hasOwnProperty=1",
  "#valueOf=1",
  "#constructor=1",
  "#__proto__[seed]=5&constructor.prototype=1",
  "#seed=1e400&learningRate=NaN&hidden=9999999999",
  "#hidden=" + "8,".repeat(5000),
  "#=&&=1&seed&seed=2&%E0%A4%A=1",
  "#model=__proto__&toString=1",
  "#model=" + "A".repeat(100_000) + "&seed=-1",
  "#model&model=%E0%A4%A&model=AQ%00&constructor=1",
];

// Trained weights (the playground's `model` key) a hostile or careless reader may send.
const HOSTILE_MODELS = ["__proto__", "constructor", "", "%00", "AQ", "A".repeat(100_000), "-_-_", "AQAAAAAAAAAA".repeat(1000)];

// Each page, and the button that runs one update there (the backprop page applies one).
const PAGES = [
  ["index.html", "#step"],
  ["normalization.html", "#step"],
  ["initialization.html", "#step"],
  ["backprop.html", "#apply-update"],
];

for (const [file, stepButton] of PAGES) {
  test(`${file} starts after hostile links, names what it ignored, and trains`, async () => {
    const { page, pageErrors, consoleErrors } = await suite.fresh();
    for (const hash of HOSTILE_HASHES) {
      await page.goto("about:blank"); // a fresh load each time, not a same-document hash change
      await loadPlayground(page, suite.base, `${file}${hash}`);
      const before = await page.textContent("#step-counter");
      await page.click(stepButton);
      await waitFor(page, (b) => document.getElementById("step-counter").textContent !== b, before);
      if (hash !== "#=&&=1&seed&seed=2&%E0%A4%A=1") {
        assert.equal(await page.isVisible("#hash-notice"), true, `${file}${hash}: the notice names what was ignored`);
      }
    }
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
  });
}

test("index.html: hostile trained weights in a link are named in the banner; the network trains from the start", async () => {
  const { page, pageErrors, consoleErrors } = await suite.fresh();
  for (const model of HOSTILE_MODELS) {
    await page.goto("about:blank");
    await loadPlayground(page, suite.base, `index.html#dataset=xor&model=${model}`);
    assert.equal(await page.textContent("#error-title"), "The trained network in the link was not restored.", model.slice(0, 20));
    assert.match(await page.textContent("#error-text"), /^The weights in the link /);
    await page.click("#step");
    await waitFor(page, () => document.getElementById("step-counter").textContent === "1");
  }
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(consoleErrors, []);
});

test("the element ignores attributes named like Object.prototype's members, and trains", async () => {
  const { page, pageErrors } = await suite.fresh();
  await page.goto(`${suite.base}/element-demo.html`);
  await waitFor(page, () => [...document.querySelectorAll("nn-playground")].every((e) => e.report));
  const dataset = await page.evaluate(async () => {
    const el = document.createElement("nn-playground");
    for (const name of ["__proto__", "to-string", "has-own-property", "value-of", "constructor"]) el.setAttribute(name, "1");
    el.id = "hostile";
    const ready = new Promise((resolve) => el.addEventListener("nn-playground-ready", resolve, { once: true }));
    document.body.append(el);
    await ready;
    return el.config.dataset;
  });
  assert.equal(dataset, "circle");
  await page.click("#hostile .step");
  await waitFor(page, () => document.getElementById("hostile").report?.step === 1);
  assert.deepEqual(pageErrors, []);
});
