/**
 * The shared frame budget of the play loops (www/js/shell/play-loop.js), in
 * Node: a late animation frame shrinks it, frames on time grow it back slowly
 * to its ceiling, and a tab whose frames come late above some budget settles
 * just under it, late in few frames.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { nextFrameBudget, FRAME_BUDGET_MS, MIN_FRAME_BUDGET_MS } from "../../www/js/shell/play-loop.js";

const FRAME = 1000 / 60;

test("frames on time keep the full budget; a late frame shrinks it, not below the floor", () => {
  assert.equal(nextFrameBudget(FRAME_BUDGET_MS, FRAME), FRAME_BUDGET_MS);
  assert.equal(nextFrameBudget(FRAME_BUDGET_MS, 1.2 * FRAME), FRAME_BUDGET_MS, "jitter is not late");
  const shrunk = nextFrameBudget(FRAME_BUDGET_MS, 2 * FRAME);
  assert.ok(shrunk < FRAME_BUDGET_MS && shrunk >= 0.5 * FRAME_BUDGET_MS, `${shrunk}`);
  let ms = FRAME_BUDGET_MS;
  for (let i = 0; i < 50; i++) ms = nextFrameBudget(ms, 3 * FRAME);
  assert.equal(ms, MIN_FRAME_BUDGET_MS);
});

test("frames on time grow the budget back slowly, up to its ceiling", () => {
  let ms = MIN_FRAME_BUDGET_MS;
  const after = (frames) => {
    for (let i = 0; i < frames; i++) ms = nextFrameBudget(ms, FRAME);
    return ms;
  };
  assert.ok(after(60) < MIN_FRAME_BUDGET_MS + 2, "a second on time adds little");
  assert.equal(after(600), FRAME_BUDGET_MS, "ten seconds on time restore it");
});

test("a tab late whenever its loops take over 9 ms settles under 9 ms, late in under 5 % of frames", () => {
  let ms = FRAME_BUDGET_MS;
  let late = 0;
  const budgets = [];
  for (let i = 0; i < 3000; i++) {
    const interval = ms > 9 ? 2 * FRAME : FRAME;
    if (i >= 600) {
      late += interval > FRAME ? 1 : 0;
      budgets.push(ms);
    }
    ms = nextFrameBudget(ms, interval);
  }
  assert.ok(late / budgets.length < 0.05, `${late} late of ${budgets.length}`);
  assert.ok(Math.min(...budgets) > 6, `budget fell to ${Math.min(...budgets)} ms`);
});
