/**
 * Shared set-up of the browser end-to-end tests: a static server on an
 * ephemeral port (scripts/serve.mjs) and headless Chromium through
 * playwright-core, plus collectors for console errors and requests.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The site under test; E2E_WWW points the tests at another build of it. */
export const WWW = path.resolve(process.env.E2E_WWW || path.join(REPO, "www"));
export const PKG = path.join(WWW, "pkg", "nn_playground.js");

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Fail loudly (not skip) when the wasm package has not been built. */
export function requirePkg() {
  if (!existsSync(PKG)) {
    throw new Error(`${path.relative(REPO, PKG)} is missing: build it first with ` +
      "`wasm-pack build --target web --out-dir www/pkg`");
  }
}

/** Start the static server on 127.0.0.1:<ephemeral>; returns { server, base }. */
export async function serve(root = WWW) {
  const server = await startServer({ root, port: 0 });
  const { port } = server.address();
  return { server, base: `http://127.0.0.1:${port}` };
}

export function closeServer(server) {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A fresh page that records console errors, page errors and every request URL.
 * @returns {Promise<{ context, page, consoleErrors: string[], pageErrors: string[], requests: string[] }>}
 */
export async function openPage(browser, { viewport = { width: 1400, height: 1000 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const consoleErrors = [];
  const pageErrors = [];
  const requests = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => pageErrors.push(String(err?.message ?? err)));
  context.on("request", (req) => requests.push(req.url()));
  return { context, page, consoleErrors, pageErrors, requests };
}

/** Load the playground (optionally with a hash) and wait until its first network is drawn. */
export async function loadPlayground(page, base, hash = "") {
  await page.goto(`${base}/${hash}`);
  await page.waitForSelector("html[data-ready]", { timeout: 30_000 });
  const ready = await page.getAttribute("html", "data-ready");
  if (ready !== "true") {
    const text = await page.textContent("#error-banner").catch(() => "");
    throw new Error(`the page did not start: ${text}`);
  }
}

/** Poll `fn` (run in the page) until it returns a truthy value. */
export async function waitFor(page, fn, arg, timeout = 20_000) {
  const handle = await page.waitForFunction(fn, arg, { timeout, polling: 50 });
  return handle.jsonValue();
}

/** "−1.5e−3" → -0.0015 (the pages write true minus signs). */
export function parseShown(text) {
  return Number(text.trim().replace(/−/g, "-"));
}

/** The requests that went anywhere but the test server (`base`), data: and blob: URLs. */
export function requestsOutside(requests, base) {
  const origin = new URL(base).origin;
  return requests.filter((u) => !(u.startsWith(`${origin}/`) || u.startsWith("data:") || u.startsWith("blob:")));
}

/** Number shown in an element (e.g. "#train-loss"), NaN when not a number. */
export async function readNumber(page, selector) {
  const text = (await page.textContent(selector)).trim().replace("%", "");
  return Number(text);
}

/**
 * Words of English left on a page that should read in Korean: every visible
 * text node and title / aria-label / placeholder / alt attribute, outside
 * elements marked translate="no" or lang="en" (names, quoted English terms),
 * code, MathML and SVG. Words of fewer than three letters, and names and
 * symbols that Korean text keeps as they are (`keep`), are not counted.
 * Runs in `target` (a page or a frame); returns "word (in: text)" strings.
 */
export const KEPT_IN_KOREAN = [
  "SGD", "Adam", "ReLU", "Leaky", "tanh", "Xavier", "LeCun", "XOR", "CSV", "PNG", "JSON", "Rust",
  "WebAssembly", "Stanford", "CS229", "RMS", "NaN", "Shift", "Alt", "Enter", "Delete", "Ctrl", "Mac",
  "kebab-case", "max", "min", "log", "wasm", "iframe", "English", "HTML", "nn-playground", "hessian", "sin",
];
export function englishLeft(target, keep = KEPT_IN_KOREAN) {
  return target.evaluate((kept) => {
    const keepSet = new Set(kept.map((w) => w.toLowerCase()));
    const skip = (el) => el.closest('[translate="no"], [lang="en"], code, pre, textarea, math, svg, script, style, [hidden]');
    const visible = (el) => {
      const s = getComputedStyle(el);
      return s.display !== "none" && s.visibility !== "hidden" && el.getClientRects().length > 0;
    };
    const out = [];
    const check = (text, where) => {
      for (const word of text.match(/[A-Za-z][A-Za-z'-]{2,}/g) ?? []) {
        if (!keepSet.has(word.toLowerCase())) out.push(`${word} (in: ${where.trim().slice(0, 80)})`);
      }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || skip(el) || !visible(el)) continue;
      check(n.data, n.data);
    }
    for (const el of document.body.querySelectorAll("[title], [aria-label], [placeholder], [alt]")) {
      if (skip(el)) continue;
      for (const a of ["title", "aria-label", "placeholder", "alt"]) if (el.hasAttribute(a)) check(el.getAttribute(a), `${a}="${el.getAttribute(a)}"`);
    }
    check(document.title, "<title>");
    return out;
  }, keep);
}

/**
 * The set-up a browser test file shares: before its tests, the static server
 * and Chromium; after them, every page opened with `fresh` closed, then the
 * browser and the server. `base` is the server's address once started.
 */
export function browserSuite() {
  const suite = { server: null, base: "", browser: null, opened: [] };
  before(async () => {
    requirePkg();
    ({ server: suite.server, base: suite.base } = await serve());
    suite.browser = await launch();
  });
  after(async () => {
    for (const ctx of suite.opened) await ctx.close().catch(() => {});
    await suite.browser?.close();
    if (suite.server) await closeServer(suite.server);
  });
  /** A new page in its own context (see openPage), closed with the suite. */
  suite.fresh = async (options) => {
    const p = await openPage(suite.browser, options);
    suite.opened.push(p.context);
    return p;
  };
  return suite;
}

/**
 * WCAG contrast ratio of the text of `selector` against the first opaque background behind it
 * (white when none), e.g. 4.5 for normal text to pass AA.
 */
export function contrastRatio(page, selector) {
  return page.$eval(selector, (el) => {
    const rgba = (css) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]) => {
      const lin = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    let back = [255, 255, 255];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || c[3] === 1) {
        back = c;
        break;
      }
    }
    const [a, b] = [luminance(rgba(getComputedStyle(el).color)), luminance(back)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

/** The playground page's network outputs (`predict`) on a 21×21 grid over its plot. */
export function gridPredictions(page) {
  return page.evaluate(() => {
    const pg = window.nnPlayground.playground;
    const [xmin, xmax, ymin, ymax] = pg.bounds();
    const grid = [];
    for (let i = 0; i <= 20; i++) {
      for (let j = 0; j <= 20; j++) grid.push(xmin + ((xmax - xmin) * i) / 20, ymin + ((ymax - ymin) * j) / 20);
    }
    return Array.from(pg.predict(new Float32Array(grid)));
  });
}

/** Where a data point is on the playground's boundary plot, in viewport coordinates (the plot scrolled into view). */
export async function plotPosition(page, x, y) {
  return page.evaluate(([x, y]) => {
    const [xmin, xmax, ymin, ymax] = window.nnPlayground.playground?.bounds() ?? [-6, 6, -6, 6];
    const canvas = document.getElementById("boundary");
    canvas.scrollIntoView({ block: "center" });
    const r = canvas.getBoundingClientRect();
    const size = r.width - 46 - 8; // the plot's margins: 46 left, 8 right and top
    return { x: r.left + 46 + ((x - xmin) / (xmax - xmin)) * size, y: r.top + 8 + ((ymax - y) / (ymax - ymin)) * size };
  }, [x, y]);
}

/**
 * Gives the page `window.colourOracle`: the colour of a heatmap value as the pages' colour maps
 * (views/colors.js, which the points and legends use) give it, read at the nearest of a colour
 * table's 256 entries as the core's tables are — the reference the core's painting is checked
 * against. `diverging(t, strength, discrete)`: orange (0) … white … blue (1), or the two class
 * colours split at ½; `classRamp(k, t, strength)`: white … class k's colour; `spread(values)`:
 * the map of unbounded values onto [0, 1] (0 → ½, the largest finite magnitude → 0 or 1).
 * Each colour is [r, g, b, 255] rounded as a Uint8ClampedArray stores it.
 */
export function installColourOracle(page) {
  return page.evaluate(async () => {
    const { colorAt, classColor } = await import("/js/views/colors.js");
    /** @param {number} t */
    const entry = (t) => (((t >= 0 ? Math.min(t, 1) : t < 0 ? 0 : 0.5) * 255 + 0.5) | 0);
    const bytes = (rgb) => [...Uint8ClampedArray.from(rgb), 255];
    Object.assign(window, {
      colourOracle: {
        diverging: (t, strength, discrete = false) => bytes(colorAt(discrete ? Number(entry(t) >= 128) : entry(t) / 255, strength)),
        classRamp: (k, t, strength) => bytes(classColor(k, (entry(t) / 255) * strength)),
        spread: (values) => {
          let m = 0;
          for (const v of values) if (Math.abs(v) > m && Math.abs(v) < Infinity) m = Math.abs(v);
          const s = m > 0 ? 0.5 / m : 0;
          return (v) => 0.5 + v * s;
        },
      },
    });
  });
}
