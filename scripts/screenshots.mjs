// The README's screenshots (docs/*.png), taken in headless Chromium from the pages as served:
// the playground after a few seconds of training on the spiral, and both labs on their first
// screen after a few seconds of play.  Usage: node scripts/screenshots.mjs (after make pkg)
import { chromium } from "playwright-core";
import { serve, closeServer, CHROMIUM, CHROMIUM_ARGS } from "../tests/e2e/helpers.mjs";

const SHOTS = [
  { file: "docs/screenshot.png", page: "index.html#dataset=spiral&hidden=8,8,4&learningRate=0.03&speed=max", seconds: 6 },
  { file: "docs/normalization.png", page: "normalization.html", seconds: 4 },
  { file: "docs/initialization.png", page: "initialization.html", seconds: 3 },
];

const { server, base } = await serve();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  for (const shot of SHOTS) {
    const tab = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await tab.goto(`${base}/${shot.page}`);
    await tab.waitForSelector("html[data-ready=true]", { timeout: 60_000 });
    await tab.click("#play");
    await tab.waitForTimeout(shot.seconds * 1000);
    await tab.click("#play");
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: shot.file });
    console.log(shot.file);
    await tab.close();
  }
} finally {
  await browser.close();
  await closeServer(server);
}
