/**
 * Wiring and animation loop of the Normalization lab (normalization.html).
 *
 * Builds two Playground sessions from one state — raw inputs and standardized
 * inputs, otherwise identical — and steps them in lockstep: every frame both
 * take the same number of updates, within a time budget. Loss surfaces and
 * decision boundaries are recomputed on a schedule (one panel per frame at
 * most, spaced by their measured cost); readouts, loss curves and the shared
 * comparison chart follow every frame. The state lives in the URL hash.
 */
import {
  SIDES, parseLabHash, serializeLabHash, sideConfig, configKey, cloneState, defaultState,
} from "./state.js";
import {
  writeControls, readControls, writePreset, showPreset, writeUnits,
} from "./controls.js";
import { Panel, formatRate } from "./panel.js";
import { RefreshSchedule } from "./schedule.js";
import { suggestRates, describeRates } from "./fair.js";
import { bestLoss } from "./readouts.js";
import { LossChart } from "../views/loss-chart.js";
import { formatLoss } from "../views/readouts.js";
import { updateThumbnails } from "../views/thumbnails.js";
import { onSettingsChange } from "../shell/controls.js";
import { describeProblems } from "../core/state.js";
import { initBanners, showError, hideError, errorShown, showNotice, hideNotice, messageOf } from "../shell/banners.js";
import { loadCore, onResize, replaceHash, buildOrFallback } from "../shell/page-shell.js";
import { PlayLoop } from "../shell/play-loop.js";
import { t, onLangChange, markTranslated } from "../core/i18n.js";
import "./ko.js";
import "../playground/ko.js"; // after the lab's strings, so its general patterns are tried last

markTranslated(); // before anything is written: the page starts in the language of its link

/** Time for stepping both sessions per frame, and the most updates per frame. */
const STEP_BUDGET_MS = 8;
const MAX_STEPS_PER_FRAME = 100000;
/** Auto target: this much above the lowest loss the standardized side reached. */
const TARGET_MARGIN = 0.05;
/** Surface grids: the fine one while it computes within FAST_SURFACE_MS, else the coarse one. */
const FINE_RES = 51;
const COARSE_RES = 41;
const FAST_SURFACE_MS = 12;
/** Settings that only change the view (no new sessions). */
const VIEW_IDS = new Set(["surface", "unit", "target", "speed", "logScale"]);

const COMPARE_SERIES = [
  { name: "raw", style: { color: "#c2410c", width: 2, dash: [6, 3] }, scaled: true },
  { name: "std", style: { color: "#1d3557", width: 2, dash: [] }, scaled: true },
];

const $ = (id) => document.getElementById(id);

let wasm = null;
let state = null; // the state the running sessions were built from
let panels = [];
let compare;
let lastHash = "";
let linkProblems = [];
let target = NaN;
const surfaces = new RefreshSchedule(SIDES.length, { minInterval: 150, costFactor: 10 });
const boundaries = new RefreshSchedule(SIDES.length, { minInterval: 120, costFactor: 10 });

// ------------------------------------------------------------- building

/** New sessions for `next`; on any failure the core's message is shown and the old ones keep running. */
function build(next) {
  const made = [];
  let rates = SIDES.map(() => ({ learningRate: next.learningRate, method: null }));
  try {
    for (const side of SIDES) made.push(new wasm.Playground(sideConfig(next, side)));
    if (next.fair) {
      rates = suggestRates(configKey(next), made);
      SIDES.forEach((side, i) => {
        made[i].free();
        made[i] = null; // not freed twice if the next constructor throws
        made[i] = new wasm.Playground(sideConfig(next, side, rates[i].learningRate));
      });
    }
  } catch (err) {
    for (const pg of made) pg?.free();
    showError(messageOf(err));
    return false;
  }
  hideError();
  state = cloneState(next);
  panels.forEach((panel, i) => panel.attach(made[i], rates[i], state));
  compare.reset();
  compare.logScale = state.logScale;
  surfaces.forget();
  boundaries.forget();
  loop.stepsPerFrame = 1;
  document.body.classList.toggle("embed", !!state.embed);
  showFair(rates);
  updateHash();
  updateThumbnails(wasm.Playground, state);
  refresh({ all: true });
  return true;
}

function showFair(rates) {
  const button = $("fair");
  button.setAttribute("aria-pressed", String(state.fair));
  button.textContent = state.fair ? "Same learning rate" : "Fair learning rates";
  button.disabled = false;
  $("fair-info").textContent = state.fair
    ? describeRates(SIDES, rates)
    : `Both sides use α = ${formatRate(state.learningRate)}.`;
}

function updateHash() {
  lastHash = replaceHash(`#${serializeLabHash(state)}`);
}

// ------------------------------------------------------------- drawing

/** The target loss: the user's, or 0.05 above the standardized side's best so far (none before it trained). */
function currentTarget() {
  if (state.target !== "auto") return state.target;
  const std = panels[SIDES.findIndex((s) => s.normalize === "standardize")];
  if (!std?.pg || !(std.report?.step > 0)) return NaN;
  return bestLoss(std.pg.history()) + TARGET_MARGIN;
}

/** After stepping: surfaces and boundaries when due (all of them with `all`), then numbers and charts. */
function refresh({ all = false } = {}) {
  const now = performance.now();
  const res = (i) => (surfaces.predict(i, FINE_RES ** 2) <= FAST_SURFACE_MS ? FINE_RES : COARSE_RES);
  const surfaceDue = all ? panels.map((_, i) => i) : [surfaces.due(now)].filter((i) => i >= 0);
  for (const i of surfaceDue) {
    const r = res(i);
    const ms = panels[i].refreshSurface(state.surface, state.unit, r);
    surfaces.done(i, ms, now, r * r);
    panels[i].refreshConditioning();
  }
  // A frame that computed a surface leaves the boundaries for the next one.
  const boundaryDue = all ? panels.map((_, i) => i) : surfaceDue.length ? [] : [boundaries.due(now)].filter((i) => i >= 0);
  for (const i of boundaryDue) {
    const t0 = performance.now();
    panels[i].refreshBoundary();
    boundaries.done(i, performance.now() - t0, now);
  }

  const step = Math.max(...panels.map((p) => p.report?.step ?? 0));
  const values = {};
  SIDES.forEach((side, i) => {
    const p = panels[i];
    values[side.id] = p.diverged ? NaN : p.report.trainLoss;
  });
  compare.pushValues(step, values);
  compare.draw();

  target = currentTarget();
  $("target-value").textContent = Number.isFinite(target) ? `J ≤ ${formatLoss(target)}` : "J ≤ –";
  for (const p of panels) {
    p.showNumbers(target);
    p.drawCharts();
  }
  $("step-counter").textContent = String(step);
}

// ------------------------------------------------------------- playing

const loop = new PlayLoop({
  button: $("play"),
  budgetMs: STEP_BUDGET_MS,
  maxSteps: MAX_STEPS_PER_FRAME,
  speed: () => state.speed,
  step(k) {
    for (const p of panels) p.step(k);
  },
  show() {
    refresh();
    if (panels.every((p) => p.diverged)) loop.pause();
  },
  canPlay: () => state !== null && !panels.every((p) => p.diverged),
  paused() {
    if (state) refresh({ all: true });
  },
});

function stepOnce() {
  if (!state) return;
  if (loop.playing) loop.pause();
  for (const p of panels) p.step(1);
  refresh({ all: true });
}

// ------------------------------------------------------------- settings

function applySettings(id) {
  if (!state) return;
  const changedId = id.startsWith("surface-") ? "surface" : id;
  if (changedId === "preset") writePreset($("preset").value);
  const { state: next, errors } = readControls(state);
  if (errors.length) {
    showError(errors.join("; "));
    return;
  }
  if (["scaleX1", "scaleX2", "rotation", "offsetX1", "offsetX2"].includes(changedId)) showPreset(next);
  if (changedId === "hidden") writeUnits(next.hidden[0] ?? 0, next.unit);
  if (changedId === "learningRate") next.fair = false;
  if (VIEW_IDS.has(changedId)) {
    applyView(next);
    return;
  }
  const same = JSON.stringify(sideConfig(next, SIDES[0])) === JSON.stringify(sideConfig(state, SIDES[0])) &&
    next.fair === state.fair;
  if (same && !errorShown()) return;
  build(next);
}

/** A view option changed: redraw without touching the sessions (other edits wait for their own commit). */
function applyView(next) {
  const surfaceChanged = next.surface !== state.surface || next.unit !== state.unit;
  for (const key of VIEW_IDS) state[key] = next[key];
  if (surfaceChanged) {
    for (const p of panels) p.window.reset();
    surfaces.forget();
  }
  compare.logScale = state.logScale;
  for (const p of panels) p.chart.logScale = state.logScale;
  updateHash();
  refresh({ all: surfaceChanged });
}

function reset() {
  if (!state) return;
  const { state: next, errors } = readControls(state);
  if (errors.length) showError(errors.join("; "));
  else build(next);
}

async function toggleFair() {
  if (!state) return;
  const { state: next, errors } = readControls(state);
  if (errors.length) {
    showError(errors.join("; "));
    return;
  }
  next.fair = !state.fair;
  if (next.fair) {
    const button = $("fair");
    button.disabled = true;
    $("fair-info").textContent = "Computing each side's learning rate…";
    // Let the message paint before the (synchronous) suggestion runs.
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  if (!build(next)) showFair(panels.map((p) => p.rate));
}

/** Name the link's settings that fell back to their defaults (none: no notice). */
function showLinkProblems(problems) {
  linkProblems = problems;
  if (problems.length) showNotice(describeProblems(problems, t));
  else hideNotice();
}

/** After a language change: rewrite what code wrote and redraw the canvas text. */
function relabel() {
  loop.label(loop.playing);
  if (linkProblems.length && !$("hash-notice").hidden) showNotice(describeProblems(linkProblems, t));
  for (const p of panels) {
    p.surfaceView.draw();
    p.drawCharts();
  }
  compare.draw();
}

function onHashChange() {
  if (location.hash === lastHash) return;
  const { state: next, problems } = parseLabHash(location.hash);
  showLinkProblems(problems);
  if (state && serializeLabHash(next) === serializeLabHash(state)) {
    // Only a page option (the language, say) changed: keep training.
    lastHash = location.hash;
    return;
  }
  writeControls(next);
  build(next);
}

// ------------------------------------------------------------- start-up

function wire() {
  loop.wire();
  $("step").addEventListener("click", stepOnce);
  $("reset").addEventListener("click", reset);
  $("fair").addEventListener("click", toggleFair);
  onSettingsChange($("settings"), applySettings);
  $("speed").addEventListener("change", () => applySettings("speed"));
  $("logScale").addEventListener("change", () => applySettings("logScale"));
  window.addEventListener("hashchange", onHashChange);
  onLangChange(relabel);
  onResize(() => {
    for (const p of panels) p.resize();
    compare.resize();
    compare.draw();
  });
}

async function start() {
  const container = $("panels");
  panels = SIDES.map((side) => new Panel($("panel-template"), side, container));
  initBanners();
  compare = new LossChart($("compare-chart"), { series: COMPARE_SERIES, height: 190 });

  const { state: initial, problems } = parseLabHash(location.hash);
  writeControls(initial);
  showLinkProblems(problems);

  wasm = await loadCore();
  if (!wasm) return;

  buildOrFallback(build, initial, { ...defaultState(), embed: initial.embed }, writeControls);
  wire();
  document.documentElement.dataset.ready = "true";

  // A read-only handle for the console and the end-to-end tests.
  window.nnNormalization = Object.freeze({
    get state() { return state && cloneState(state); },
    get playing() { return loop.playing; },
    get target() { return target; },
    get sides() {
      return panels.map((p, i) => Object.freeze({
        id: SIDES[i].id,
        playground: p.pg,
        report: p.report,
        surface: p.surface,
        conditioning: p.conditioning,
        learningRate: p.rate?.learningRate,
        method: p.rate?.method ?? null,
        diverged: p.diverged,
      }));
    },
  });
}

start();
