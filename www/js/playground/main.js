/**
 * Wiring and the animation loop of the playground page.
 *
 * Loads the wasm core, turns the URL hash into a state, builds a Playground,
 * and while playing calls `pg.step(k)` once per animation frame with k adapted
 * so that stepping takes about STEP_BUDGET_MS, then redraws the boundary, the
 * loss chart and the readouts. Changing a setting builds a new Playground (the
 * old one keeps running if the core rejects the new config); view options only
 * redraw.
 */
import {
  parseHash, serializeHash, describeProblems, toConfig, cloneState, defaultState, defaultDatasetFor,
  DATASETS, CUSTOM, CONFIG_KEYS,
} from "../core/state.js";
import {
  writeControls, readControls, onSettingsChange, showDatasetsFor, selectDataset, checkedDataset,
  writeHidden, writeSeed, showOptimizerFields, VIEW_ONLY_IDS,
} from "../shell/controls.js";
import { BoundaryView } from "../views/boundary.js";
import { LossChart } from "../views/loss-chart.js";
import { NetworkView } from "../views/network.js";
import { updateThumbnails } from "../views/thumbnails.js";
import { showReport, showGradientCheckText, runGradientCheck, formatLoss } from "../views/readouts.js";
import {
  initBanners, showError, hideError, errorShown, showDiverged, hideDiverged, showNotice, hideNotice, messageOf,
} from "../shell/banners.js";
import { loadCore, showPlaying, onResize, replaceHash, buildOrFallback } from "../shell/page-shell.js";
import { PlayLoop } from "../shell/play-loop.js";
import { DataTools } from "./data-tools.js";
import { customBounds, shownPoints, relabel } from "./point-editor.js";
import { setElementSnippet, elementSnippet } from "../shell/share.js";
import { t, onLangChange, markTranslated } from "../core/i18n.js";
import "./ko.js";

markTranslated(); // before anything is written: the page starts in the language of its link

const STEP_BUDGET_MS = 8;
const MAX_STEPS_PER_FRAME = 100000;
const BOUNDARY_RES = 100;
const BOUNDARY_BUDGET_MS = 12;
/** Resolution of each unit's heatmap in the network diagram. */
const UNIT_RES = 24;
/** While playing, the diagram and the noise readout are refreshed every this many frames (or more). */
const NETWORK_EVERY = 4;
/** …and spend at most about this long per frame on it, on average. */
const NETWORK_BUDGET_MS = 1;

const $ = (id) => document.getElementById(id);

let wasm = null;
let pg = null;
let current = null; // the state the running Playground was built from
let report = null;
let diverged = false;
let frameCount = 0;
let boundaryMs = 0;
let lastHash = "";
let trainCount = 0;
let networkMs = 0;

let boundaryView;
let chart;
let network;
let dataTools;
/** What the link got wrong (named in the notice, again after a language change). */
let linkProblems = [];

// ------------------------------------------------------------- building

/** Build a Playground for `state`. On failure show the core's message and keep the old one. */
function build(state) {
  if (state.dataset === CUSTOM && state.points.length < 6) return showDraft(state);
  let next;
  try {
    next = new wasm.Playground(toConfig(state));
  } catch (err) {
    showError(messageOf(err));
    return false;
  }
  adopt(next, state);
  return true;
}

/** Make `next` the running Playground; `state` is the page state it stands for. */
function adopt(next, state) {
  hideError();
  hideDiverged();
  if (pg) pg.free();
  pg = next;
  current = cloneState(state);
  chart.logScale = !!state.logScale;
  diverged = false;
  loop.stepsPerFrame = 1;
  frameCount = 0;
  chart.reset();
  showGradientCheckText("");

  const regression = state.problem === "regression";
  boundaryView.setData({
    bounds: pg.bounds(),
    train: pg.points("train"),
    test: pg.points("test"),
    regression,
  });
  $("scale-min").textContent = regression ? "−1" : "0";
  $("scale-max").textContent = "1";
  network.render(current);
  showOptimizerFields(current.optimizer);
  trainCount = pg.points("train").length / 3;
  $("batchSize").max = String(trainCount);
  $("batch-hint").textContent = `of ${trainCount}`;
  document.body.classList.toggle("embed", !!state.embed);

  report = pg.step(0);
  chart.push(report);
  drawBoundary();
  drawNetwork();
  chart.draw();
  showReport(report);
  showNoise();
  updateHash();
  updateThumbnails(wasm.Playground, current);
  dataTools.update(current);
}

/** Custom data with fewer than two points: draw them and wait for more (nothing to train yet). */
function showDraft(state) {
  loop.pause();
  hideError();
  hideDiverged();
  if (pg) pg.free();
  pg = null;
  report = null;
  current = cloneState(state);
  boundaryView.setData({
    bounds: customBounds(state.points, state),
    train: shownPoints(state.points, state),
    test: new Float32Array(0),
    regression: state.problem === "regression",
  });
  boundaryView.draw({ showTestData: false });
  chart.reset();
  chart.draw();
  showReport({ epoch: 0, step: 0, trainLoss: null, testLoss: null, trainAccuracy: null, testAccuracy: null });
  updateHash();
  dataTools.update(current);
  return true;
}

/** The user's points (the core's coordinates) for `problem`: a network on them. */
function usePoints(points, problem) {
  const state = { ...cloneState(current), dataset: CUSTOM, points: [...points], problem };
  if (!build(state)) return false;
  writeControls(current);
  return true;
}

/** A Playground restored from a saved model: its config becomes the page's state. */
function useModel(next) {
  const config = next.config();
  const state = cloneState({ ...current, points: config.points ?? [] });
  for (const key of CONFIG_KEYS) if (key in config) state[key] = config[key];
  writeControls(state);
  adopt(next, state);
}

function updateHash() {
  lastHash = replaceHash(`#${serializeHash(current)}`);
}

// ------------------------------------------------------------- drawing

function drawBoundary() {
  if (!pg) return;
  if (!diverged) {
    const [xmin, xmax, ymin, ymax] = pg.bounds();
    const t0 = performance.now();
    const grid = pg.boundary(BOUNDARY_RES, xmin, xmax, ymin, ymax);
    boundaryMs = performance.now() - t0;
    boundaryView.setGrid(grid, BOUNDARY_RES);
  }
  boundaryView.draw({ showTestData: current.showTestData });
}

/** The network diagram: every unit's output over the plane, links from the weights or the last gradient. */
function drawNetwork() {
  if (!pg || diverged) return;
  const t0 = performance.now();
  const [xmin, xmax, ymin, ymax] = pg.bounds();
  network.update({
    layers: pg.parameters(),
    outputs: pg.unitOutputs(UNIT_RES, xmin, xmax, ymin, ymax),
    res: UNIT_RES,
    showGradients: current.showGradients,
  });
  networkMs = performance.now() - t0;
}

/** The measured noise of the mini-batch loss (null until enough updates are recorded). */
function showNoise() {
  const noise = pg.batchLossNoise();
  const out = $("batch-noise");
  const ready = typeof noise === "number";
  out.textContent = ready ? formatLoss(noise) : "after 21 steps";
  out.classList.toggle("pending", !ready);
  if (ready) out.dataset.value = String(noise);
  else delete out.dataset.value;
}

/** A new report: chart, readouts, and the boundary unless it would show a blown-up state. */
function onReport(r, { forceBoundary = true } = {}) {
  report = r;
  chart.push(r);
  if (r.diverged) {
    diverged = true;
    loop.pause();
    showDiverged(r.message);
  } else if (forceBoundary || frameCount % Math.max(1, Math.ceil(boundaryMs / BOUNDARY_BUDGET_MS)) === 0) {
    drawBoundary();
  }
  if (forceBoundary || frameCount % Math.max(NETWORK_EVERY, Math.ceil(networkMs / NETWORK_BUDGET_MS)) === 0) {
    drawNetwork();
    showNoise();
  }
  chart.draw();
  showReport(r);
}

// ------------------------------------------------------------- playing

const loop = new PlayLoop({
  button: $("play"),
  budgetMs: STEP_BUDGET_MS,
  maxSteps: MAX_STEPS_PER_FRAME,
  speed: () => current.speed,
  step: (k) => pg.step(k),
  show(r) {
    frameCount++;
    onReport(r, { forceBoundary: false });
  },
  canPlay() {
    if (!pg) return false;
    // Nothing left to train: the banner says why.
    if (diverged) showDiverged(report?.message);
    return !diverged;
  },
  paused() {
    if (pg && !diverged) {
      drawBoundary();
      drawNetwork();
      showNoise();
    }
  },
  label(on) {
    showPlaying($("play"), on, t);
    $("play").title = on ? t("Pause training (space)") : t("Play: train continuously (space)");
  },
});

function stepOnce() {
  if (!pg) return;
  if (loop.playing) loop.pause();
  onReport(pg.step(1));
}

// ------------------------------------------------------------- settings

function applySettings(changedId) {
  if (!wasm) return;
  if (VIEW_ONLY_IDS.has(changedId)) {
    current.showTestData = $("showTestData").checked;
    current.speed = $("speed").value;
    current.logScale = $("logScale").checked;
    current.showGradients = $("showGradients").checked;
    chart.logScale = current.logScale;
    boundaryView.draw({ showTestData: current.showTestData });
    drawNetwork();
    chart.draw();
    updateHash();
    return;
  }
  if (changedId === "optimizer") showOptimizerFields($("optimizer").value);
  if (changedId === "problem") {
    const problem = $("problem").value;
    showDatasetsFor(problem);
    if (checkedDataset() !== CUSTOM && !DATASETS[problem].includes(checkedDataset())) selectDataset(defaultDatasetFor(problem));
  }
  const { state, errors } = readControls(current);
  if (errors.length) {
    showError(errors.join("; "));
    return;
  }
  if (state.dataset === CUSTOM && current.dataset !== CUSTOM && state.points.length === 0) {
    state.points = dataTools.editablePoints(); // the first switch to custom data starts from the data on screen
  }
  if (state.dataset === CUSTOM && state.problem !== current.problem) state.points = relabel(state.points, state.problem);
  const same = JSON.stringify(toConfig(state)) === JSON.stringify(toConfig(current));
  if (same && !errorShown()) return;
  build(state);
}

/** Full-batch gradient descent: the batch size becomes the training set size. */
function fullBatch() {
  if (!trainCount) return;
  $("batchSize").value = String(trainCount);
  applySettings("batchSize");
}

function regenerate() {
  const seed = crypto.getRandomValues(new Uint32Array(1))[0];
  writeSeed(seed);
  applySettings("seed");
}

function reset() {
  if (!pg) return;
  const { state, errors } = readControls(current);
  if (errors.length) {
    showError(errors.join("; "));
    return;
  }
  build(state);
}

/** Name the link settings that fell back to their defaults (or hide the notice). */
function showLinkProblems(problems) {
  linkProblems = problems;
  if (problems.length) showNotice(describeProblems(problems, t));
  else hideNotice();
}

/** Strings the page wrote itself, again in the new language. */
function relabelAll() {
  loop.setPlaying(loop.playing);
  if (linkProblems.length && !$("hash-notice").hidden) showNotice(describeProblems(linkProblems, t));
  if (report) showReport(report);
  chart.draw();
  boundaryView.draw({ showTestData: current?.showTestData });
}

function onHashChange() {
  if (location.hash === lastHash) return;
  const { state, problems } = parseHash(location.hash);
  showLinkProblems(problems);
  writeControls(state);
  build(state);
}


// ------------------------------------------------------------- start-up

function wire() {
  loop.wire();
  $("step").addEventListener("click", stepOnce);
  $("reset").addEventListener("click", reset);
  $("regenerate").addEventListener("click", regenerate);
  $("full-batch").addEventListener("click", fullBatch);
  $("grad-check").addEventListener("click", () => runGradientCheck(pg, $("grad-check")));
  onSettingsChange($("settings"), applySettings);
  $("speed").addEventListener("change", () => applySettings("speed"));
  window.addEventListener("hashchange", onHashChange);
  onResize(() => {
    boundaryView.resize();
    chart.resize();
    if (pg) boundaryView.draw({ showTestData: current.showTestData });
    chart.draw();
  });
}

async function start() {
  initBanners();
  boundaryView = new BoundaryView($("boundary"));
  chart = new LossChart($("loss-chart"));
  network = new NetworkView($("network"), (hidden) => {
    writeHidden(hidden);
    applySettings("hidden");
  });

  const { state, problems } = parseHash(location.hash);
  writeControls(state);
  showLinkProblems(problems);
  loop.setPlaying(false);

  wasm = await loadCore(t);
  if (!wasm) return;

  dataTools = new DataTools({
    wasm,
    view: boundaryView,
    chartCanvas: $("loss-chart"),
    state: () => current,
    playground: () => pg,
    report: () => report,
    usePoints,
    useModel,
    redraw: () => boundaryView.draw({ showTestData: current.showTestData }),
  });
  setElementSnippet(() => elementSnippet());
  onLangChange(relabelAll);

  // The link's settings passed the page's checks but the core may still refuse them.
  const fallback = { ...defaultState(), showTestData: state.showTestData, embed: state.embed };
  buildOrFallback(build, state, fallback, writeControls, t);
  wire();
  document.documentElement.dataset.ready = "true";

  // A read-only handle for the console and the end-to-end tests.
  window.nnPlayground = Object.freeze({
    get playground() { return pg; },
    get state() { return current && cloneState(current); },
    get report() { return report; },
    get playing() { return loop.playing; },
    get stepsPerFrame() { return loop.stepsPerFrame; },
  });
}

start();
