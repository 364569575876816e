// Every page declares a Content-Security-Policy (scripts only from the site, wasm allowed, no
// inline script or style) and runs under it: no violation while it loads and trains.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, waitFor } from "./helpers.mjs";

const suite = browserSuite();

const PAGES = ["index.html", "normalization.html", "initialization.html", "backprop.html", "lecture.html", "element-demo.html"];

for (const file of PAGES) {
  test(`${file} runs under its Content-Security-Policy without a violation`, async () => {
    const { page, consoleErrors, pageErrors } = await suite.fresh();
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));
    });
    await page.goto(`${suite.base}/${file}`);
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
    if (file === "element-demo.html") {
      await waitFor(page, () => [...document.querySelectorAll("nn-playground")].every((e) => e.report));
      await page.click("nn-playground .step");
    } else if (file === "lecture.html") {
      await page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
      for (const handle of await page.$$("iframe.widget-frame")) {
        await handle.scrollIntoViewIfNeeded();
        await (await handle.contentFrame()).waitForSelector("html[data-ready]", { timeout: 30_000 });
      }
    } else {
      await page.waitForSelector("html[data-ready='true']");
      await page.click(file === "backprop.html" ? "#apply-update" : "#step");
    }
    await page.waitForTimeout(300);
    for (const frame of page.frames()) {
      assert.deepEqual(await frame.evaluate(() => window.cspViolations), [], frame.url());
    }
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(pageErrors, []);
  });
}
