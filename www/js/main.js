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
  DATASETS,
} from "./state.js";
import {
  writeControls, readControls, onSettingsChange, showDatasetsFor, selectDataset, checkedDataset,
  writeHidden, writeSeed, VIEW_ONLY_IDS,
} from "./controls.js";
import { BoundaryView } from "./heatmap.js";
import { LossChart } from "./chart.js";
import { NetworkView } from "./network-view.js";
import { drawThumbnails } from "./thumbnails.js";
import { showReport, showGradientCheck, showGradientCheckText } from "./readouts.js";
import {
  initBanners, showError, hideError, errorShown, showDiverged, hideDiverged, showNotice, hideNotice, messageOf,
} from "./banners.js";

const STEP_BUDGET_MS = 8;
const MAX_STEPS_PER_FRAME = 100000;
const BOUNDARY_RES = 100;
const BOUNDARY_BUDGET_MS = 12;

const $ = (id) => document.getElementById(id);

let wasm = null;
let pg = null;
let current = null; // the state the running Playground was built from
let report = null;
let playing = false;
let diverged = false;
let stepsPerFrame = 1;
let frameCount = 0;
let boundaryMs = 0;
let rafId = 0;
let lastHash = "";
let thumbKey = "";

let boundaryView;
let chart;
let network;

// ------------------------------------------------------------- building

/** Build a Playground for `state`. On failure show the core's message and keep the old one. */
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
  chart.logScale = !!state.logScale;
  diverged = false;
  stepsPerFrame = 1;
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
  document.body.classList.toggle("embed", !!state.embed);

  report = pg.step(0);
  chart.push(report);
  drawBoundary();
  chart.draw();
  showReport(report);
  updateHash();
  updateThumbnails();
  return true;
}

function updateThumbnails() {
  const key = `${current.noise}|${current.seed}`;
  if (key === thumbKey) return;
  thumbKey = key;
  drawThumbnails(wasm.Playground, { noise: current.noise, seed: current.seed });
}

function updateHash() {
  const hash = `#${serializeHash(current)}`;
  lastHash = hash;
  if (location.hash !== hash) history.replaceState(null, "", hash);
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

/** A new report: chart, readouts, and the boundary unless it would show a blown-up state. */
function onReport(r, { forceBoundary = true } = {}) {
  report = r;
  chart.push(r);
  if (r.diverged) {
    diverged = true;
    pause();
    showDiverged(r.message);
  } else if (forceBoundary || frameCount % Math.max(1, Math.ceil(boundaryMs / BOUNDARY_BUDGET_MS)) === 0) {
    drawBoundary();
  }
  chart.draw();
  showReport(r);
}

// ------------------------------------------------------------- playing

function frame() {
  rafId = 0;
  if (!playing || !pg) return;
  const cap = current.speed === "max" ? Infinity : Number(current.speed);
  const k = Math.min(stepsPerFrame, cap);
  const t0 = performance.now();
  const r = pg.step(k);
  const dt = performance.now() - t0;
  adaptStepsPerFrame(k, dt);
  frameCount++;
  onReport(r, { forceBoundary: false });
  if (playing) rafId = requestAnimationFrame(frame);
}

/**
 * Keep one frame's stepping within the budget: `k` updates took `dt` ms.
 * Shrink at once when over budget, grow gently (at most doubling) when under.
 */
function adaptStepsPerFrame(k, dt) {
  const ideal = dt > 0.05 ? (k * STEP_BUDGET_MS) / dt : k * 2;
  let next;
  if (ideal < k) next = Math.floor(ideal);
  else next = Math.max(stepsPerFrame, Math.floor(k + Math.min(k, (ideal - k) * 0.5)));
  stepsPerFrame = Math.min(MAX_STEPS_PER_FRAME, Math.max(1, next));
}

function setPlaying(on) {
  playing = on;
  const button = $("play");
  button.setAttribute("aria-pressed", String(on));
  button.classList.toggle("playing", on);
  button.querySelector(".play-label").textContent = on ? "Pause" : "Play";
  button.title = on ? "Pause training (space)" : "Play: train continuously (space)";
}

function play() {
  if (!pg) return;
  if (diverged) {
    // Nothing left to train: the banner says why.
    showDiverged(report?.message);
    return;
  }
  setPlaying(true);
  if (!rafId) rafId = requestAnimationFrame(frame);
}

function pause() {
  setPlaying(false);
  if (rafId) cancelAnimationFrame(rafId);
  rafId = 0;
  if (pg && !diverged) drawBoundary();
}

function stepOnce() {
  if (!pg) return;
  if (playing) pause();
  onReport(pg.step(1));
}

// ------------------------------------------------------------- settings

function applySettings(changedId) {
  if (!pg) return;
  if (VIEW_ONLY_IDS.has(changedId)) {
    current.showTestData = $("showTestData").checked;
    current.speed = $("speed").value;
    current.logScale = $("logScale").checked;
    chart.logScale = current.logScale;
    boundaryView.draw({ showTestData: current.showTestData });
    chart.draw();
    updateHash();
    return;
  }
  if (changedId === "problem") {
    const problem = $("problem").value;
    showDatasetsFor(problem);
    if (!DATASETS[problem].includes(checkedDataset())) selectDataset(defaultDatasetFor(problem));
  }
  const { state, errors } = readControls(current);
  if (errors.length) {
    showError(errors.join("; "));
    return;
  }
  const same = JSON.stringify(toConfig(state)) === JSON.stringify(toConfig(current));
  if (same && !errorShown()) return;
  build(state);
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

function onHashChange() {
  if (location.hash === lastHash) return;
  const { state, problems } = parseHash(location.hash);
  if (problems.length) showNotice(describeProblems(problems));
  else hideNotice();
  writeControls(state);
  build(state);
}

async function runGradientCheck() {
  if (!pg) return;
  showGradientCheckText("computing…");
  $("grad-check").disabled = true;
  // Let the "computing…" text paint before the (synchronous) check runs.
  await new Promise((resolve) => setTimeout(resolve, 30));
  try {
    showGradientCheck(pg.gradientCheck());
  } catch (err) {
    showGradientCheckText(messageOf(err));
  } finally {
    $("grad-check").disabled = false;
  }
}

// ------------------------------------------------------------- start-up

function wire() {
  $("play").addEventListener("click", () => (playing ? pause() : play()));
  $("step").addEventListener("click", stepOnce);
  $("reset").addEventListener("click", reset);
  $("regenerate").addEventListener("click", regenerate);
  $("grad-check").addEventListener("click", runGradientCheck);
  onSettingsChange($("settings"), applySettings);
  $("speed").addEventListener("change", () => applySettings("speed"));
  window.addEventListener("hashchange", onHashChange);
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    const typing = t instanceof HTMLInputElement || t instanceof HTMLSelectElement ||
      t instanceof HTMLTextAreaElement || t instanceof HTMLButtonElement;
    if (e.key === " " && !typing && !e.repeat) {
      e.preventDefault();
      playing ? pause() : play();
    }
  });
  let resizeQueued = false;
  window.addEventListener("resize", () => {
    if (resizeQueued) return;
    resizeQueued = true;
    requestAnimationFrame(() => {
      resizeQueued = false;
      boundaryView.resize();
      chart.resize();
      if (pg) boundaryView.draw({ showTestData: current.showTestData });
      chart.draw();
    });
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
  if (problems.length) showNotice(describeProblems(problems));

  try {
    wasm = await import("../pkg/nn_playground.js");
    await wasm.default();
  } catch (err) {
    showError(`pkg/nn_playground.js: ${messageOf(err)}`, {
      title: "The WebAssembly core did not load.",
      hint: "The page cannot train without it. Build it with: wasm-pack build --target web --out-dir www/pkg",
    });
    document.documentElement.dataset.ready = "error";
    return;
  }

  if (!build(state)) {
    // The link's settings passed the page's checks but the core refused them:
    // keep the message visible and start from the defaults.
    const message = $("error-text").textContent;
    const fallback = { ...defaultState(), showTestData: state.showTestData, embed: state.embed };
    writeControls(fallback);
    build(fallback);
    showError(message, { hint: "The link's settings were replaced by the defaults." });
  }
  wire();
  document.documentElement.dataset.ready = "true";

  // A read-only handle for the console and the end-to-end tests.
  window.nnPlayground = Object.freeze({
    get playground() { return pg; },
    get state() { return current && cloneState(current); },
    get report() { return report; },
    get playing() { return playing; },
    get stepsPerFrame() { return stepsPerFrame; },
  });
}

start();
