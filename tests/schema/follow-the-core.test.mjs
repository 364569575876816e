/**
 * One default and one limit changed in the core's settings table only — the
 * seed's default 1 → 7, the learning rate's ceiling 10⁶ → 5 — and every page
 * and the custom element follow with no other edit: their fields and states
 * start from the new default, their links, forms and attributes refuse what
 * the new limit refuses. Runs against the site scripts/schema-variant.sh
 * builds (E2E_WWW points the browser helpers at it; `make test-schema`).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, loadPlayground } from "../e2e/helpers.mjs";

const suite = browserSuite();

/** Each page, its handle on window, and where the handle keeps a Playground it built. */
const PAGES = [
  ["index.html", "nnPlayground", "playground"],
  ["normalization.html", "nnNormalization", "sides.0.playground"],
  ["initialization.html", "nnInit", "playground"],
  ["backprop.html", "nnBackprop", "playground"],
];

for (const [file, hook, path] of PAGES) {
  test(`${file}: the seed starts at the core's new default; a link beyond the new ceiling is refused by name`, async () => {
    const { page, pageErrors } = await suite.fresh();
    await loadPlayground(page, suite.base, file);
    assert.equal(await page.inputValue("#seed"), "7");
    assert.equal(await page.evaluate((h) => window[h].state.seed, hook), 7);
    const seed = await page.evaluate(([h, p]) => p.split(".").reduce((o, k) => o[k], window[h]).config().seed, [hook, path]);
    assert.equal(seed, 7);

    await loadPlayground(page, suite.base, `${file}#learningRate=10`);
    await page.waitForSelector("#hash-notice", { state: "visible" });
    assert.match(await page.textContent("#hash-notice-text"), /learningRate=10: must be greater than 0 and at most 5; got 10/);
    assert.notEqual(await page.evaluate((h) => window[h].state.learningRate, hook), 10);

    await page.fill("#learningRate", "6");
    await page.press("#learningRate", "Enter");
    await page.waitForSelector("#error-banner", { state: "visible" });
    assert.match(await page.textContent("#error-text"), /^Learning rate( α)? must be greater than 0 and at most 5; got 6\.$/);
    assert.deepEqual(pageErrors, []);
  });
}

test("the backprop explorer's comparison takes its learning rate's limits from the core too", async () => {
  const { page } = await suite.fresh();
  await loadPlayground(page, suite.base, "backprop.html#optRate=6");
  assert.match(await page.textContent("#hash-notice-text"), /optRate=6: must be greater than 0 and at most 5; got 6/);
});

test("<nn-playground> starts from the core's new default and refuses an attribute beyond the new ceiling", async () => {
  const { page } = await suite.fresh();
  await page.goto(`${suite.base}/element-demo.html`);
  await page.waitForFunction(() => customElements.get("nn-playground"));
  const result = await page.evaluate(async () => {
    const plain = document.createElement("nn-playground");
    const fast = document.createElement("nn-playground");
    fast.setAttribute("learning-rate", "10");
    const ready = (el) => new Promise((resolve) => el.addEventListener("nn-playground-ready", resolve, { once: true }));
    const both = Promise.all([ready(plain), ready(fast)]);
    document.body.append(plain, fast);
    await both;
    return {
      seed: plain.config.seed,
      rate: fast.config.learningRate,
      notice: fast.shadowRoot.querySelector(".notice").textContent,
    };
  });
  assert.equal(result.seed, 7);
  assert.equal(result.rate, 0.03);
  assert.match(result.notice, /learning-rate=10: must be greater than 0 and at most 5; got 10/);
});
