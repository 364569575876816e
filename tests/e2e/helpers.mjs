/**
 * Shared set-up of the browser end-to-end tests: a static server on an
 * ephemeral port (scripts/serve.mjs) and headless Chromium through
 * playwright-core, plus collectors for console errors and requests.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
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

/** Number shown in an element (e.g. "#train-loss"), NaN when not a number. */
export async function readNumber(page, selector) {
  const text = (await page.textContent(selector)).trim().replace("%", "");
  return Number(text);
}
