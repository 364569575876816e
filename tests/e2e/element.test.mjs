/**
 * The <nn-playground> custom element (www/js/element/nn-playground-element.js) in
 * headless Chromium: several on one page train independently; attributes are
 * the hash keys; a bad one is named; it reads in Korean; autoplay waits for
 * Play when the reader prefers reduced motion; one playing out of view does
 * not step until it is back.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { waitFor, englishLeft, browserSuite } from "./helpers.mjs";

const suite = browserSuite();
const fresh = suite.fresh;

async function demo(hash = "") {
  const p = await fresh();
  await p.page.goto(`${suite.base}/element-demo.html${hash}`);
  await waitFor(p.page, () => [...document.querySelectorAll("nn-playground")].every((e) => e.report));
  return p;
}

const reportOf = (page, id) => page.evaluate((id) => {
  const el = document.getElementById(id);
  return { ...el.report, playing: el.playing, config: el.config };
}, id);

test("two elements on one page train independently", async () => {
  const { page, consoleErrors, pageErrors } = await demo();
  const a0 = await reportOf(page, "demo-spiral");
  const b0 = await reportOf(page, "demo-xor");
  assert.equal(a0.config.dataset, "spiral");
  assert.deepEqual(a0.config.hidden, [8, 8]);
  assert.equal(a0.config.optimizer, "adam");
  assert.equal(b0.config.dataset, "xor");
  assert.equal(b0.config.activation, "relu");
  assert.equal(b0.config.batchSize, 1);
  assert.notEqual(a0.trainLoss, b0.trainLoss);
  // Each has its own shadow root, canvases and drawing.
  const canvases = await page.evaluate(() => [...document.querySelectorAll("nn-playground")].map((e) => {
    const c = e.shadowRoot.querySelector("canvas.boundary");
    return c.toDataURL().length;
  }));
  assert.equal(canvases.length, 2);
  assert.ok(canvases.every((n) => n > 5000), `both boundaries drawn: ${canvases}`);

  await page.click("#demo-spiral .play");
  await page.click("#demo-xor .play");
  await waitFor(page, () => ["demo-spiral", "demo-xor"].every((id) => document.getElementById(id).report.step > 50));
  await page.click("#demo-spiral .play"); // pause the first one only
  const a1 = await reportOf(page, "demo-spiral");
  const b1 = await reportOf(page, "demo-xor");
  assert.equal(a1.playing, false);
  assert.equal(b1.playing, true);
  await page.waitForTimeout(400);
  const a2 = await reportOf(page, "demo-spiral");
  const b2 = await reportOf(page, "demo-xor");
  assert.equal(a2.step, a1.step, "the paused one stays");
  assert.ok(b2.step > b1.step, `the other goes on: ${b1.step} → ${b2.step}`);
  assert.notEqual(a2.trainLoss, b2.trainLoss);
  // Step and Reset act on their own element only.
  await page.click("#demo-spiral .step");
  assert.equal((await reportOf(page, "demo-spiral")).step, a2.step + 1);
  await page.click("#demo-spiral .reset");
  assert.equal((await reportOf(page, "demo-spiral")).step, 0);
  assert.ok((await reportOf(page, "demo-xor")).step > b2.step);
  await page.click("#demo-xor .play");
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("attributes are the hash keys (kebab-case or camelCase); a bad one is named; a change rebuilds", async () => {
  const { page } = await demo();
  const config = await page.evaluate(async () => {
    document.body.insertAdjacentHTML("beforeend",
      '<nn-playground id="c" dataset="moons" learningRate="0.5" batch-size="7" hidden="3" seed="4" noise="0.2"></nn-playground>');
    const el = document.getElementById("c");
    await new Promise((resolve) => el.addEventListener("nn-playground-ready", resolve, { once: true }));
    return el.config;
  });
  assert.equal(config.dataset, "moons");
  assert.equal(config.learningRate, 0.5);
  assert.equal(config.batchSize, 7);
  assert.deepEqual(config.hidden, [3]);
  assert.equal(config.seed, 4);
  assert.equal(config.noise, 0.2);
  assert.equal(await page.isVisible("#c canvas.boundary"), true, "hidden= names layers, it does not hide the element");

  await page.evaluate(() => {
    const el = document.getElementById("c");
    el.setAttribute("learning-rate", "fast");
    el.setAttribute("activaton", "relu");
  });
  await waitFor(page, () => !document.getElementById("c").shadowRoot.querySelector(".notice").hidden);
  const notice = await page.evaluate(() => document.getElementById("c").shadowRoot.querySelector(".notice").textContent);
  assert.match(notice, /learning-rate=fast: must be a number; got “fast”/);
  assert.match(notice, /activaton: is not a setting here/);
  const rebuilt = await page.evaluate(() => document.getElementById("c").config);
  assert.equal(rebuilt.learningRate, 0.03, "the default stands in");
  assert.equal(rebuilt.batchSize, 7);
});

test("the demo and its elements read in Korean", async () => {
  const { page } = await demo("#lang=ko");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ko");
  assert.equal(await page.evaluate(() => document.getElementById("demo-xor").shadowRoot.querySelector(".play").textContent), "재생");
  assert.deepEqual(await englishLeft(page), []);
  await page.click(".lang-switch button[data-lang=en]");
  assert.equal(await page.evaluate(() => document.getElementById("demo-xor").shadowRoot.querySelector(".play").textContent), "Play");
});

test("autoplay respects prefers-reduced-motion: it waits for Play and says why", async () => {
  const { page, pageErrors } = await fresh();
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(`${suite.base}/element-demo.html`);
  const add = (id, lang) => page.evaluate(async ([id, lang]) => {
    document.body.insertAdjacentHTML("beforeend", `<nn-playground id="${id}" lang="${lang}" dataset="xor" hidden="4" autoplay></nn-playground>`);
    const el = document.getElementById(id);
    await new Promise((resolve) => el.addEventListener("nn-playground-ready", resolve, { once: true }));
  }, [id, lang]);
  await add("still", "en");
  await page.waitForTimeout(400);
  let r = await reportOf(page, "still");
  assert.equal(r.playing, false, "not playing by itself");
  assert.equal(r.step, 0);
  const note = () => page.evaluate(() => {
    const n = document.getElementById("still").shadowRoot.querySelector(".motion-note");
    return n.hidden ? null : n.textContent;
  });
  assert.match(await note(), /reduced motion\. Press Play/);
  assert.equal(await page.evaluate(() => document.getElementById("still").shadowRoot.querySelector(".play").textContent), "Play");
  await page.click("#still .play");
  await waitFor(page, () => document.getElementById("still").report.step > 0);
  assert.equal(await note(), null, "the note goes once Play is pressed");
  await page.click("#still .play");
  await add("still-ko", "ko");
  assert.match(await page.evaluate(() => document.getElementById("still-ko").shadowRoot.querySelector(".motion-note").textContent), /움직임 줄이기/);

  // Without the preference, autoplay plays.
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await add("moving", "en");
  await waitFor(page, () => document.getElementById("moving").playing && document.getElementById("moving").report.step > 0);
  r = await reportOf(page, "moving");
  assert.equal(r.playing, true);
  await page.click("#moving .play");
  assert.deepEqual(pageErrors, []);
});

test("an element out of view stays playing but does not step; it resumes when scrolled back", async () => {
  const { page, pageErrors } = await demo();
  await page.evaluate(async () => {
    const spacer = document.createElement("div");
    spacer.style.height = "3000px";
    const el = document.createElement("nn-playground");
    el.id = "far";
    el.setAttribute("dataset", "xor");
    document.body.append(spacer, el);
    await new Promise((resolve) => el.addEventListener("nn-playground-ready", resolve, { once: true }));
  });
  await page.click("#far .play");
  await waitFor(page, () => document.getElementById("far").report.step > 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300); // the observer reports it out of view
  const suspended = (await reportOf(page, "far")).step;
  await page.waitForTimeout(1000);
  const r = await reportOf(page, "far");
  assert.equal(r.step, suspended, "no update while out of view");
  assert.equal(r.playing, true);
  await page.evaluate(() => document.getElementById("far").scrollIntoView());
  await waitFor(page, (n) => document.getElementById("far").report.step > n, suspended);
  await page.click("#far .play");
  assert.deepEqual(pageErrors, []);
});
