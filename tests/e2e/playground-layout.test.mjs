/**
 * The playground's layout (www/index.html) in headless Chromium, on a laptop
 * (1440 × 900) and a phone (390 × 844): a network of 16 hidden layers fits the
 * Network column, every input feature, unit and the output unit inside it; no settings menu
 * cuts off the text of its choice.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadPlayground, browserSuite } from "./helpers.mjs";

const suite = browserSuite();

const SCREENS = [{ width: 1440, height: 900 }, { width: 390, height: 844 }];

/** The boxes of the Network column and of every unit of the diagram, and the diagram's overflow. */
function diagramBoxes(page) {
  return page.evaluate(() => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const body = document.querySelector("#network .net-body");
    return {
      column: box(document.querySelector(".column-network")),
      units: [...document.querySelectorAll("#network [data-node]")].map(box),
      output: box(document.querySelector("#network .net-output .node")),
      overflow: body.scrollWidth - body.clientWidth,
      down: body.classList.contains("net-down"),
    };
  });
}

const inside = (b, c) => b.left >= c.left - 0.5 && b.right <= c.right + 0.5 && b.top >= c.top - 0.5 && b.bottom <= c.bottom + 0.5;

for (const viewport of SCREENS) {
  test(`16 hidden layers fit the Network column at ${viewport.width} × ${viewport.height}`, async () => {
    const { page, consoleErrors, pageErrors } = await suite.fresh({ viewport });
    for (const units of [4, 8]) {
      await loadPlayground(page, suite.base, `#hidden=${Array(16).fill(units).join(",")}`);
      await page.waitForTimeout(100); // a resize settles the diagram's orientation in the next frame
      const { column, units: boxes, output, overflow, down } = await diagramBoxes(page);
      assert.equal(boxes.length, 7 + 16 * units + 1, "the seven input features, every unit, the output unit");
      assert.ok(inside(output, column), `the output unit ${JSON.stringify(output)} lies in the column ${JSON.stringify(column)}`);
      const outside = boxes.filter((b) => !inside(b, column));
      assert.deepEqual(outside, [], `${outside.length} units outside the column (${units} per layer)`);
      assert.ok(overflow <= 1, `the diagram scrolls by ${overflow}px`);
      // Across on the laptop (units shrink), down on the phone (one row per layer).
      assert.equal(down, viewport.width < 600, `down: ${down}`);
    }
    // The links follow the units: the last link ends at the output unit.
    const end = await page.evaluate(() => {
      const paths = [...document.querySelectorAll("#network .net-link")];
      const d = paths[paths.length - 1].getAttribute("d");
      const [x, y] = d.trim().split(/[ MC]+/).filter(Boolean).slice(-2).map(Number);
      const body = document.querySelector("#network .net-body").getBoundingClientRect();
      const r = document.querySelector("#network .net-output .node").getBoundingClientRect();
      return { x: body.left + x, y: body.top + y, box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom } };
    });
    assert.ok(end.x >= end.box.left - 1 && end.x <= end.box.right + 1 && end.y >= end.box.top - 1 && end.y <= end.box.bottom + 1,
      `the last link ends at the output unit: ${JSON.stringify(end)}`);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(pageErrors, []);
  });
}

test("a shallow network keeps its full-size units and per-layer buttons", async () => {
  const { page } = await suite.fresh({ viewport: { width: 1440, height: 900 } });
  await loadPlayground(page, suite.base, "#hidden=4,2");
  const sizes = await page.$$eval("#network .net-hidden .node-unit", (nodes) => nodes.map((n) => n.getBoundingClientRect().width));
  assert.ok(sizes.every((w) => w >= 37), `unit sizes ${sizes}`);
  assert.equal(await page.isVisible("#layer-2-add"), true);
  assert.equal(await page.isVisible("#layer-1-units"), true);
});

/**
 * Every visible menu of the settings bar and the header, with each of its choices selected:
 * the width its text needs (a copy of the menu sized to that choice) against the width it has.
 */
function cutMenus(page) {
  return page.evaluate(() => {
    const cut = [];
    for (const select of document.querySelectorAll(".hyper select, .topbar select")) {
      if (!select.getClientRects().length) continue;
      const shown = select.value;
      for (const option of select.options) {
        const copy = /** @type {HTMLSelectElement} */ (select.cloneNode(false));
        copy.removeAttribute("id");
        copy.removeAttribute("name");
        copy.append(new Option(option.text));
        copy.style.position = "absolute";
        copy.style.width = "auto";
        copy.style.minWidth = "0";
        copy.style.fieldSizing = "content";
        select.after(copy);
        const needs = copy.getBoundingClientRect().width;
        copy.remove();
        select.value = option.value;
        const has = select.getBoundingClientRect().width;
        if (needs > has + 1) cut.push(`${select.id} “${option.text}”: needs ${needs.toFixed(1)} px, has ${has.toFixed(1)}`);
      }
      select.value = shown;
    }
    return cut;
  });
}

test("no settings menu cuts off its text (the optimizer's among them), at any width", async () => {
  const { page } = await suite.fresh({ viewport: { width: 1440, height: 900 } });
  for (const hash of ["#optimizer=sgd", "#optimizer=momentum", "#optimizer=adam&lang=ko"]) {
    await loadPlayground(page, suite.base, hash);
    for (let width = 320; width <= 1600; width += 40) {
      await page.setViewportSize({ width, height: 900 });
      assert.deepEqual(await cutMenus(page), [], `${hash} at ${width} px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${hash} at ${width} px: the page is ${overflow}px too wide`);
    }
  }
});
