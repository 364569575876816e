/**
 * Wiring and the animation loop of the Initialization lab.
 *
 * Loads the wasm core, turns the URL hash into a state, builds a Playground,
 * and while playing calls `pg.step(k)` once per animation frame (k scaled so
 * stepping takes about STEP_BUDGET_MS), then redraws the loss curve, and — as
 * often as their own cost allows — the per-layer strips from
 * `pg.layerStats(points)` and the decision boundary. Changing a setting builds
 * a new Playground (the old one keeps running if the core rejects the config);
 * view options only redraw.
 */
import {
  PRESETS, parseLabHash, serializeLabHash, toConfig, applyPreset, presetOf, cloneState, defaultState,
} from "./state.js";
import { fillPresets, writeControls, readControls, showPreset, VIEW_ONLY_IDS } from "./controls.js";
import { BoundaryView } from "../views/boundary.js";
import { LossChart } from "../views/loss-chart.js";
import { showReport } from "../views/readouts.js";
import { LayerStrips, formatValue } from "./layers.js";
import { DepthChart } from "./depth.js";
import { FormulaPanel } from "./formula.js";
import { ActivationPanel, curveArgs } from "./activation.js";
import {
  initBanners, showError, hideError, errorShown, showDiverged, hideDiverged, showNotice, hideNotice, messageOf,
} from "../shell/banners.js";
import { describeProblems } from "../core/state.js";
import { loadCore, onResize, replaceHash, buildOrFallback } from "../shell/page-shell.js";
import { PlayLoop } from "../shell/play-loop.js";
import { markTranslated, onLangChange } from "../core/i18n.js";
import "./ko.js";

markTranslated(); // before anything is written: the page starts in the language of its link

const STEP_BUDGET_MS = 8;
const MAX_STEPS_PER_FRAME = 10000;
/** Multiply-adds one `layerStats` call may cost (≈ 3 × points × weights): a few ms. */
const STATS_WORK = 3e6;
const STATS_POINTS = [32, 256];
/** Multiply-adds of one boundary grid (res² × weights). */
const BOUNDARY_WORK = 2e7;
const BOUNDARY_RES = [24, 100];
/** Time per frame the strips and the boundary may take, each; slower ones skip frames. */
const DRAW_BUDGET_MS = 10;

const $ = (id) => document.getElementById(id);

let wasm = null;
let pg = null;
let current = null;
let report = null;
let stats = [];
let diverged = false;
let lastHash = "";
let statsPoints = STATS_POINTS[1];
let boundaryRes = BOUNDARY_RES[1];

let boundaryView;
let chart;
let strips;
let depthChart;
let formulas;
let activationPanel;

/** Runs a drawing at most as often as its last duration fits DRAW_BUDGET_MS per frame. */
class Paced {
  constructor(draw) {
    this.draw = draw;
    this.ms = 0;
    this.waited = 0;
  }

  /** Draw now if due (or `force`d). */
  tick(force = false) {
    this.waited++;
    if (!force && this.waited < Math.ceil(this.ms / DRAW_BUDGET_MS)) return;
    this.waited = 0;
    const t0 = performance.now();
    this.draw();
    this.ms = performance.now() - t0;
  }
}

const clamp = (x, [lo, hi]) => Math.max(lo, Math.min(hi, x));

/** Weights of a 2 → hidden… → 1 network. */
function weightCount(hidden) {
  const widths = [2, ...hidden, 1];
  let n = 0;
  for (let i = 1; i < widths.length; i++) n += widths[i - 1] * widths[i];
  return n;
}

// ------------------------------------------------------------- building

function build(state) {
  let next;
  try {
    next = new wasm.Playground(toConfig(state));
  } catch (err) {
    showError(messageOf(err));
    return false;
  }
  hideError();
  hideDiverged();
  if (pg) pg.free();
  pg = next;
  current = cloneState(state);
  diverged = false;
  loop.stepsPerFrame = 1;
  const weights = weightCount(state.hidden);
  statsPoints = clamp(Math.floor(STATS_WORK / weights), STATS_POINTS);
  boundaryRes = clamp(Math.floor(Math.sqrt(BOUNDARY_WORK / weights)), BOUNDARY_RES);
  $("stats-points").textContent = String(Math.min(statsPoints, pg.points("train").length / 3));

  const regression = state.problem === "regression";
  boundaryView.setData({ bounds: pg.bounds(), train: pg.points("train"), test: pg.points("test"), regression });
  $("scale-min").textContent = regression ? "−1" : "0";
  chart.reset();
  report = pg.step(0);
  chart.push(report);
  showReport(report);
  chart.draw();
  stripsPace.tick(true);
  boundaryPace.tick(true);
  activationPanel.show(state.activation, wasm.activationCurve(...curveArgs(state.activation)));
  showPreset(presetOf(current, wasm.deepLinearToy));
  updateHash();
  return true;
}

function updateHash() {
  lastHash = replaceHash(`#${serializeLabHash(current)}`);
}

// ------------------------------------------------------------- drawing

/** c of the deep linear toy (identity weights, linear units), or null. */
function toyScale() {
  return current.init === "identity" && current.activation === "linear" ? current.initScale : null;
}

function drawStats() {
  if (!pg) return;
  stats = pg.layerStats(statsPoints);
  strips.update(stats, { activation: current.activation, gradient: current.gradient });
  const c = toyScale();
  depthChart.draw(stats, c);
  showToy(c);
  if (stats.length) formulas.showTable(current, stats[Math.min(1, stats.length - 1)]);
  formulas.showLive(stats);
}

function showToy(c) {
  const readout = $("toy-readout");
  $("toy-key").hidden = c === null;
  readout.hidden = c === null || stats.length < 2;
  if (readout.hidden) return;
  const last = stats[stats.length - 1];
  const ratio = last.actRms / stats[0].actRms;
  const predicted = c ** (last.layer - 1);
  readout.textContent =
    `Deep linear toy: hidden layer l outputs c^l·x. RMS of layer ${last.layer} / layer 1 = ${formatValue(ratio)}` +
    ` = ${c}^${last.layer - 1} = ${formatValue(predicted)} (relative difference ${Math.abs(ratio / predicted - 1).toExponential(0)}).`;
}

function drawBoundary() {
  if (!pg) return;
  if (!diverged) {
    const [xmin, xmax, ymin, ymax] = pg.bounds();
    boundaryView.setGrid(pg.boundary(boundaryRes, xmin, xmax, ymin, ymax), boundaryRes);
  }
  boundaryView.draw();
}

const stripsPace = new Paced(drawStats);
const boundaryPace = new Paced(drawBoundary);

function onReport(r, force) {
  report = r;
  chart.push(r);
  if (r.diverged && !diverged) {
    diverged = true;
    loop.pause();
    showDiverged(r.message);
  }
  chart.draw();
  showReport(r);
  stripsPace.tick(force);
  boundaryPace.tick(force);
}

// ------------------------------------------------------------- playing

const loop = new PlayLoop({
  button: $("play"),
  budgetMs: STEP_BUDGET_MS,
  maxSteps: MAX_STEPS_PER_FRAME,
  speed: () => current.speed,
  step: (k) => pg.step(k),
  show: (r) => onReport(r, false),
  canPlay() {
    if (!pg) return false;
    if (diverged) showDiverged(report?.message);
    return !diverged;
  },
  paused() {
    if (pg) {
      stripsPace.tick(true);
      boundaryPace.tick(true);
    }
  },
});

function stepOnce() {
  if (!pg) return;
  if (loop.playing) loop.pause();
  onReport(pg.step(1), true);
}

// ------------------------------------------------------------- settings

function applySettings(changedId) {
  if (!pg) return;
  if (changedId === "preset") {
    const preset = PRESETS.find((p) => p.id === $("preset").value);
    if (!preset) return;
    const next = applyPreset(current, preset, wasm.deepLinearToy);
    writeControls(next, preset);
    build(next);
    return;
  }
  const { state, errors } = readControls(current);
  if (errors.length) {
    showError(errors.join("; "));
    return;
  }
  if (VIEW_ONLY_IDS.has(changedId)) {
    current.gradient = state.gradient;
    current.speed = state.speed;
    strips.update(stats, { activation: current.activation, gradient: current.gradient });
    updateHash();
    return;
  }
  const same = JSON.stringify(toConfig(state)) === JSON.stringify(toConfig(current));
  if (same && !errorShown()) return;
  build(state);
}

function reset() {
  if (!pg) return;
  const { state, errors } = readControls(current);
  if (errors.length) showError(errors.join("; "));
  else build(state);
}

function loadHash(hash) {
  const { state, problems } = parseLabHash(hash);
  if (problems.length) showNotice(describeProblems(problems));
  else hideNotice();
  writeControls(state, presetOf(state, wasm.deepLinearToy));
  return state;
}

function onHashChange() {
  if (location.hash === lastHash) return;
  build(loadHash(location.hash));
}

function redrawAll() {
  boundaryView.resize();
  chart.resize();
  chart.draw();
  if (!pg) return;
  boundaryView.draw();
  strips.update(stats, { activation: current.activation, gradient: current.gradient });
  depthChart.draw(stats, toyScale());
  activationPanel.show(current.activation, wasm.activationCurve(...curveArgs(current.activation)));
}

function wire() {
  loop.wire();
  $("step").addEventListener("click", stepOnce);
  $("reset").addEventListener("click", reset);
  const form = $("settings");
  form.addEventListener("change", (e) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) applySettings(e.target.id);
  });
  form.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      applySettings(e.target.id);
    }
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  $("speed").addEventListener("change", () => applySettings("speed"));
  window.addEventListener("hashchange", onHashChange);
  onResize(redrawAll);
  onLangChange(redrawAll); // canvas text (chart axes) is drawn in the current language
}

async function start() {
  initBanners();
  fillPresets();
  boundaryView = new BoundaryView($("boundary"));
  chart = new LossChart($("loss-chart"));
  strips = new LayerStrips($("strips"));
  depthChart = new DepthChart($("depth-chart"));
  formulas = new FormulaPanel(
    { caption: $("formula-caption"), body: $("formula-body"), weights: $("weights-readout"), symmetry: $("symmetry-readout") },
    (...args) => wasm.initVariance(...args),
  );
  activationPanel = new ActivationPanel($("activation-chart"), $("activation-formula"), $("activation-text"));

  wasm = await loadCore();
  if (!wasm) return;

  const state = loadHash(location.hash);
  buildOrFallback(build, state, defaultState(), (s) => writeControls(s, presetOf(s, wasm.deepLinearToy)));
  wire();
  document.documentElement.dataset.ready = "true";

  // A read-only handle for the console and the end-to-end tests.
  window.nnInit = Object.freeze({
    get playground() { return pg; },
    get state() { return current && cloneState(current); },
    get stats() { return stats; },
    get report() { return report; },
    get playing() { return loop.playing; },
    get statsPoints() { return statsPoints; },
  });
}

start();
