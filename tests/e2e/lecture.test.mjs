/**
 * The lecture page (www/lecture.html) in headless Chromium: it loads in English
 * and in Korean with every live widget drawn and no console errors, the
 * Korean page has no English left, the formulas are MathML, the section beyond
 * the lecture (batch normalization, the sharpness) has its live widgets in both
 * languages, a playing widget scrolled out of view stops stepping until it is
 * back, and no request leaves the local server on any page of the site.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { waitFor, englishLeft, browserSuite } from "./helpers.mjs";

const suite = browserSuite();
const fresh = suite.fresh;

/** Open the lecture, bring every widget into view and wait until each has started and drawn. */
async function openLecture(page, hash = "") {
  await page.goto(`${suite.base}/lecture.html${hash}`);
  await page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
  const frames = await page.$$("iframe.widget-frame");
  assert.ok(frames.length >= 5, `${frames.length} widgets`);
  const widgets = [];
  for (const handle of frames) {
    await handle.scrollIntoViewIfNeeded();
    const frame = await handle.contentFrame();
    await frame.waitForSelector("html[data-ready]", { timeout: 30_000 });
    const info = await frame.evaluate(() => {
      // Drawn: some canvas of the view holds many pixels of more than one colour.
      let drawn = 0;
      for (const c of document.querySelectorAll("canvas")) {
        if (!c.width || !c.height || c.getBoundingClientRect().width === 0) continue;
        const px = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        const colours = new Set();
        for (let i = 0; i < px.length; i += 16) {
          if (px[i + 3] > 0) {
            painted++;
            if (colours.size < 50) colours.add(`${px[i] >> 4},${px[i + 1] >> 4},${px[i + 2] >> 4}`);
          }
        }
        if (painted > 500 && colours.size > 3) drawn++;
      }
      return {
        ready: document.documentElement.dataset.ready,
        lang: document.documentElement.lang,
        translated: document.documentElement.classList.contains("i18n-ready"),
        embed: document.body.classList.contains("embed"),
        drawn,
        page: location.pathname.split("/").pop(),
        notice: document.getElementById("hash-notice")?.hidden === false,
      };
    });
    info.height = (await handle.boundingBox()).height;
    widgets.push(info);
  }
  return widgets;
}

test("the lecture loads in English: every widget embedded, drawn, sized; no console errors", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  const widgets = await openLecture(page);
  for (const w of widgets) {
    assert.equal(w.ready, "true", JSON.stringify(w));
    assert.equal(w.embed, true, `${w.page} shows embed=1`);
    assert.ok(w.drawn >= 1, `${w.page} drew its canvases: ${JSON.stringify(w)}`);
    assert.equal(w.notice, false, `${w.page} understood its link`);
    assert.ok(w.height > 250, `${w.page} frame is ${w.height}px tall`);
  }
  // The sections of the lecture, in order, each with formulas in MathML.
  const sections = await page.$$eval("main section[id]", (ss) => ss.map((s) => [s.id, s.querySelectorAll("math").length, s.querySelectorAll("iframe").length]));
  assert.deepEqual(sections.map(([id]) => id), ["backprop", "activation", "normalization", "initialization", "mini-batch", "beyond-normalization", "beyond"]);
  for (const [id, maths, frames] of sections.slice(0, 6)) {
    assert.ok(maths >= 2 && frames >= 1, `${id}: ${maths} formulas, ${frames} widgets`);
  }
  // The mini-batch section compares batch size 1 with 100.
  const batch = await page.$$eval("#mini-batch iframe", (fs) => fs.map((f) => f.src.match(/batchSize=(\d+)/)[1]));
  assert.deepEqual(batch, ["1", "100"]);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

test("the lecture loads in Korean: no English left, the widgets in Korean too; the switch goes back", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  const english = await fresh();
  await english.page.goto(`${suite.base}/lecture.html`);
  const enTexts = await english.page.$$eval("h1, h2, .lead, figcaption", (els) => els.map((e) => e.textContent.trim()));

  const widgets = await openLecture(page, "#lang=ko");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ko");
  const koTexts = await page.$$eval("h1, h2, .lead, figcaption", (els) => els.map((e) => e.textContent.trim()));
  assert.equal(koTexts.length, enTexts.length);
  koTexts.forEach((ko, i) => assert.notEqual(ko, enTexts[i], `translated: ${enTexts[i]}`));
  assert.equal(await page.title(), "12강: 역전파와 신경망 개선 — nn-playground");
  assert.deepEqual(await englishLeft(page), []);
  // Every widget whose page is translated reads in Korean.
  for (const w of widgets.filter((w) => w.translated)) assert.equal(w.lang, "ko", w.page);
  assert.ok(widgets.some((w) => w.translated), "the playground widgets are translated");

  // Switching language reaches the loaded widgets too.
  await page.click(".lang-switch button[data-lang=en]");
  assert.equal(await page.textContent("h1"), "Backpropagation and improving neural networks");
  const frame = await (await page.$("#activation iframe")).contentFrame();
  await waitFor(frame, () => document.documentElement.lang === "en");
  assert.equal((await frame.textContent(".play-label")).trim(), "Play");
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

/** The playgrounds of the section beyond the lecture, read in their frames once each has started. */
async function beyondWidgets(page) {
  const out = [];
  for (const handle of await page.$$("#beyond-normalization iframe.widget-frame")) {
    await handle.scrollIntoViewIfNeeded();
    const frame = await handle.contentFrame();
    await frame.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
    out.push({
      frame,
      config: await frame.evaluate(() => window.nnPlayground.playground.config()),
      lang: await frame.evaluate(() => document.documentElement.lang),
      controls: await frame.$$eval("[data-control]:not(.embed-hidden)", (els) => els.filter((e) => e.getClientRects().length).map((e) => e.dataset.control)),
    });
  }
  return out;
}

for (const lang of ["en", "ko"]) {
  test(`beyond the lecture (${lang}): batch normalization off and on, λmax tracked against 2/α; no console errors`, async () => {
    const { page, consoleErrors, pageErrors } = await fresh();
    await openLecture(page, lang === "ko" ? "#lang=ko" : "");
    const heading = await page.textContent("#beyond-normalization-title");
    assert.match(heading, lang === "ko" ? /강의 너머: 신경망 안에서의 정규화/ : /Beyond the lecture: normalizing inside the network/);
    assert.equal(await page.$$eval("#beyond-normalization math", (m) => m.length), 4, "the formulas in MathML");
    const [off, on, sharp] = await beyondWidgets(page);
    for (const w of [off, on, sharp]) assert.equal(w.lang, lang);
    // The pair differs in batch normalization only, and keeps just its switch.
    assert.deepEqual([off.config.batchNorm, on.config.batchNorm], ["off", "on"]);
    assert.deepEqual({ ...off.config, batchNorm: null }, { ...on.config, batchNorm: null });
    assert.deepEqual([off.config.hidden, off.config.activation, off.config.learningRate], [[4, 4, 4, 4, 4, 4, 4, 4], "sigmoid", 0.1]);
    for (const w of [off, on]) assert.ok(w.controls.includes("batchNorm") && !w.controls.includes("learningRate"), w.controls.join());
    assert.equal(await on.frame.isChecked("#batchNorm"), true);
    // Full-batch gradient descent at α = 1 with λmax tracked: playing draws its points against 2/α = 2.
    assert.deepEqual([sharp.config.dataset, sharp.config.learningRate, sharp.config.batchSize], ["spiral", 1, 250]);
    assert.equal(await sharp.frame.isChecked("#trackSharpness"), true);
    await sharp.frame.click("#play");
    await waitFor(sharp.frame, () => window.nnPlayground.sharpness.length >= 3, undefined, 60_000);
    await sharp.frame.click("#play");
    assert.equal(await sharp.frame.$eval("#loss-chart", (c) => Number(c.dataset.stableLimit)), 2);
    if (lang === "ko") assert.deepEqual(await englishLeft(page), []);
    // The link to the normalization lab opens its comparison with every layer normalized.
    const href = await page.getAttribute("[data-i18n=bn-lab] a", "href");
    assert.equal(href, `normalization.html#compare=bn&hidden=8,8${lang === "ko" ? "&lang=ko" : ""}`);
    const lab = await fresh();
    await lab.page.goto(`${suite.base}/${href}`);
    await lab.page.waitForSelector("html[data-ready=true]");
    assert.equal(await lab.page.isVisible("#hash-notice"), false);
    assert.deepEqual(await lab.page.evaluate(() => window.nnNormalization.sides.map((s) => s.id)), ["raw", "bn"]);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(pageErrors, []);
  });
}

test("a playing widget out of view stays playing but does not step; it resumes when scrolled back", async () => {
  const { page, consoleErrors, pageErrors } = await fresh();
  await page.goto(`${suite.base}/lecture.html`);
  await page.waitForSelector("html[data-ready=true]");
  const handle = await page.$("#activation iframe.widget-frame");
  await handle.scrollIntoViewIfNeeded();
  const frame = await handle.contentFrame();
  await frame.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
  const steps = async () => Number(await frame.textContent("#step-counter"));
  const label = async () => (await frame.textContent(".play-label")).trim();
  /** Press the widget's button where it is, without scrolling it into view. */
  const press = () => frame.$eval("#play", (b) => b.click());
  const away = async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300); // the observer reports it out of view
  };
  const back = () => handle.scrollIntoViewIfNeeded();

  await frame.click("#play");
  await waitFor(frame, () => Number(document.getElementById("step-counter").textContent) > 0);
  // Out of view: still playing (the button offers Pause), but no update for a second.
  await away();
  const suspended = await steps();
  await page.waitForTimeout(1000);
  assert.equal(await steps(), suspended, "no update while out of view");
  assert.equal(await frame.evaluate(() => window.nnPlayground.playing), true);
  assert.equal(await label(), "Pause");
  // Back in view: it trains on at once.
  await back();
  await waitFor(frame, (n) => Number(document.getElementById("step-counter").textContent) > n, suspended);

  // Paused out of view, it stays paused when back; played out of view, it starts once back.
  await away();
  await press();
  assert.equal(await label(), "Play");
  const paused = await steps();
  await back();
  await page.waitForTimeout(500);
  assert.equal(await steps(), paused, "paused stays paused");
  await away();
  await press();
  assert.equal(await label(), "Pause");
  await page.waitForTimeout(500);
  assert.equal(await steps(), paused, "played out of view: waits to be seen");
  await back();
  await waitFor(frame, (n) => Number(document.getElementById("step-counter").textContent) > n, paused);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(pageErrors, []);
});

/** Korean sentences of a page's text in the plain written style (…한다. …이다.), not the polite one (…합니다.). */
function plainSentences(text) {
  return [...text.matchAll(/[\uAC00-\uD7A3]+다[.!?](?=\s|$)/gu)].map((m) => m[0]).filter((w) => !/(니다|시다|마다|보다)[.!?]$/u.test(w));
}

test("the lecture speaks Korean in the polite style of the tool pages", async () => {
  const { page } = await fresh();
  await openLecture(page, "#lang=ko");
  const lecture = await page.evaluate(() => document.body.innerText);
  const tool = await fresh();
  await tool.page.goto(`${suite.base}/initialization.html#lang=ko`);
  await tool.page.waitForSelector("html[data-ready=true]");
  const toolText = await tool.page.evaluate(() => document.body.innerText);
  for (const [name, text] of [["lecture", lecture], ["initialization lab", toolText]]) {
    assert.deepEqual(plainSentences(text), [], `${name}: sentences in the plain style`);
    assert.ok((text.match(/니다[.!?]/gu) ?? []).length >= 3, `${name}: polite sentences`);
  }
});

test("the lecture is usable at 360 px: nothing wider than the screen, widgets fit", async () => {
  const { page } = await fresh({ viewport: { width: 360, height: 740 } });
  await openLecture(page, "#lang=ko");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  for (const box of await page.$$eval("iframe.widget-frame", (fs) => fs.map((f) => f.getBoundingClientRect().toJSON()))) {
    assert.ok(box.left >= 0 && box.right <= 361, JSON.stringify(box));
  }
});

test("no request leaves 127.0.0.1 on any page", async () => {
  const { page, requests } = await fresh();
  await openLecture(page);
  for (const path of ["index.html#dataset=spiral", "element-demo.html", "normalization.html", "initialization.html", "backprop.html"]) {
    await page.goto(`${suite.base}/${path}`);
    await page.waitForSelector("html[data-ready]", { timeout: 30_000 }).catch(() => {});
    await page.waitForTimeout(300);
  }
  await page.goto(`${suite.base}/index.html`);
  await page.waitForSelector("html[data-ready]");
  await page.click("#play");
  await page.waitForTimeout(300);
  await page.click("#embed-button");
  const origin = new URL(suite.base).origin;
  const outside = requests.filter((u) => !(u.startsWith(`${origin}/`) || u.startsWith("data:") || u.startsWith("blob:")));
  assert.deepEqual(outside, []);
  assert.ok(requests.filter((u) => u.endsWith(".wasm")).length >= 3, "the wasm core came from the local server");
});
