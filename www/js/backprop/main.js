/**
 * Wiring of the backprop explorer (backprop.html).
 *
 * Builds a Playground from the URL hash (plain SGD on a small classification
 * net), takes `pg.backpropTrace()` — of the next mini-batch, exactly what
 * `pg.step(1)` will use, or of one chosen training example — and walks through
 * it stage by stage. A second session of the same config, kept one update
 * ahead, supplies the parameters after the update, so the update stage shows
 * the core's own result. "Apply update" steps both and starts over. Below,
 * SGD, momentum and Adam race on one loss surface (js/backprop-optimizers.js).
 */
import {
  parseExplorerHash, serializeExplorerHash, toConfig, cloneState, checkStage, PARSERS_HERE, DATASET_CHOICES,
  MAX_STEPS, DEFAULTS,
} from "./state.js";
import { buildStages } from "./stages.js";
import { OptimizerRace } from "./optimizers.js";
import { renderStage, renderStageList, markStage } from "./view.js";
import { NetworkView } from "../views/network.js";
import { BoundaryView } from "../views/boundary.js";
import { describeProblems } from "../core/state.js";
import { onSettingsChange } from "../shell/controls.js";
import { initBanners, showError, hideError, showNotice, hideNotice, messageOf } from "../shell/banners.js";
import { showGradientCheckText, runGradientCheck, formatLoss } from "../views/readouts.js";
import { loadCore, onResize, replaceHash, buildOrFallback } from "../shell/page-shell.js";
import { t, onLangChange, markTranslated } from "../core/i18n.js";
import "./ko.js";

markTranslated(); // before anything is written: the page starts in the language of its link

const $ = (id) => document.getElementById(id);
const UNIT_RES = 24;
const DATA_RES = 60;
/** Form controls read through the page's parsers (the dataset and the mode are read apart). */
const FIELDS = ["hidden", "activation", "learningRate", "l2", "seed", "batchSize", "example"];

let wasm = null;
let pg = null;
let ahead = null; // the same session, one update later
let current = null;
let trace = null;
let stages = [];
let index = 0;
let unitGrid = null;
let trainCount = 0;
let lastHash = "";

let network;
let dataView;
let race;

// ------------------------------------------------------------- form

function writeForm(state) {
  $("dataset").value = state.dataset;
  for (const key of FIELDS) $(key).value = Array.isArray(state[key]) ? state[key].join(",") : String(state[key]);
  $(`mode-${state.mode}`).checked = true;
  showModeFields(state.mode);
}

function showModeFields(mode) {
  for (const field of document.querySelectorAll("[data-mode]")) field.hidden = field.dataset.mode !== mode;
}

/** The form as a state on top of `base`; errors name the key at fault. */
function readForm(base) {
  const state = cloneState(base);
  const errors = [];
  const dataset = $("dataset").value;
  if (DATASET_CHOICES.includes(dataset)) state.dataset = dataset;
  for (const key of FIELDS) {
    const raw = $(key).value;
    const r = PARSERS_HERE[key](raw.trim());
    if ("value" in r) state[key] = r.value;
    else errors.push(`${key}: ${r.reason} (got "${raw}")`);
  }
  const mode = document.querySelector('input[name="mode"]:checked')?.value;
  if (mode) state.mode = mode;
  return { state, errors };
}

// ------------------------------------------------------------- building

function freeSessions() {
  pg?.free();
  ahead?.free();
  pg = null;
  ahead = null;
}

/** Build the session (and its one-update-ahead twin) for `state`; false when the core refuses it. */
function build(state) {
  let next = null;
  let nextAhead = null;
  try {
    next = new wasm.Playground(toConfig(state));
    nextAhead = new wasm.Playground(toConfig(state));
    if (state.steps > 0) next.step(state.steps);
    nextAhead.step(state.steps + 1);
  } catch (err) {
    next?.free();
    nextAhead?.free();
    showError(messageOf(err));
    return false;
  }
  hideError();
  freeSessions();
  pg = next;
  ahead = nextAhead;
  current = cloneState(state);
  trainCount = pg.points("train").length / 3;
  $("batchSize").max = String(trainCount);
  $("example").max = String(trainCount - 1);
  $("batch-hint").textContent = `1 … ${trainCount} (all)`;
  $("example-hint").textContent = `0 … ${trainCount - 1}`;
  if (current.example >= trainCount) {
    showNotice(`example=${current.example} (the training set has ${trainCount} rows; using 0)`);
    current.example = 0;
    $("example").value = "0";
  }
  network.render({ hidden: current.hidden, activation: current.activation, problem: "classification", normalize: "none" });
  dataView.setData({ bounds: pg.bounds(), train: pg.points("train"), test: new Float32Array(0), regression: false });
  showGradientCheckText("");
  $("apply-status").textContent = "";
  retrace();
  return true;
}

/** Trace the pass on the current parameters and show the current stage. */
function retrace() {
  const rows = current.mode === "example" ? [current.example] : undefined;
  trace = pg.backpropTrace(rows);
  stages = buildStages(trace, {
    activation: current.activation,
    l2: current.l2,
    learningRate: current.learningRate,
    after: current.mode === "batch" ? ahead.parameters() : null,
  });
  renderStageList($("stage-list"), stages, (i) => show(i, { focus: true }));
  const [xmin, xmax, ymin, ymax] = pg.bounds();
  unitGrid = pg.unitOutputs(UNIT_RES, xmin, xmax, ymin, ymax);
  dataView.setGrid(pg.boundary(DATA_RES, xmin, xmax, ymin, ymax), DATA_RES);
  drawData();
  $("step-counter").textContent = String(current.steps);
  $("cost").textContent = formatLoss(trace.cost);
  $("apply-update").disabled = current.steps >= MAX_STEPS;
  show(Math.max(0, stages.findIndex((s) => s.id === current.stage)));
}

/** The training set over the network's output, the traced examples ringed. */
function drawData() {
  dataView.draw({ showTestData: false });
  const { ctx } = dataView;
  const points = dataView.train;
  ctx.save();
  ctx.lineWidth = 2;
  ctx.strokeStyle = "#111";
  for (const row of trace.rows) {
    const [x, y] = dataView.toCanvas(points[row * 3], points[row * 3 + 1]);
    ctx.beginPath();
    ctx.arc(x, y, 6.5, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.restore();
}

// ------------------------------------------------------------- stages

function show(i, { focus = false } = {}) {
  index = Math.max(0, Math.min(stages.length - 1, i));
  const stage = stages[index];
  current.stage = stage.id;
  renderStage(stage, index, stages.length);
  markStage($("stage-list"), stage.id);
  network.update({ layers: trace.layers, outputs: unitGrid, res: UNIT_RES, showGradients: stage.links === "gradients" });
  network.highlight(stage.highlight);
  // A button that becomes disabled would drop the keyboard focus: hand it on.
  const focused = document.activeElement;
  $("prev-stage").disabled = index === 0;
  $("next-stage").disabled = index === stages.length - 1;
  if (focused === $("next-stage") && focused.disabled) $("apply-update").focus();
  if (focused === $("prev-stage") && focused.disabled) $("next-stage").focus();
  $("apply-update").classList.toggle("primary", stage.id === "update");
  if (focus) $("stage-card").focus({ preventScroll: true });
  updateHash();
}

function move(delta) {
  if (!stages.length) return;
  show(index + delta);
}

/** Take the traced update (pg.step(1)) and start over on the new parameters. */
function applyUpdate() {
  if (!pg || current.steps >= MAX_STEPS) return;
  const preview = current.mode === "batch" ? ahead.parameters() : null;
  const rows = Array.from(pg.nextBatch());
  const report = pg.step(1);
  ahead.step(1);
  current.steps += 1;
  current.stage = "input";
  let status = `Update ${report.step} applied on training rows ${rows.join(", ")}.`;
  if (preview) {
    const now = pg.parameters();
    const same = now.every((layer, l) =>
      layer.weights.every((w, k) => w === preview[l].weights[k]) && layer.biases.every((b, k) => b === preview[l].biases[k]));
    status += same ? " The parameters now equal the ones the update stage showed ✓." : " ✗ The parameters differ from the preview.";
  }
  if (report.diverged) showError(report.message || "The loss is no longer finite.", {
    title: "Training diverged.", hint: "Lower the learning rate (the form) and press Reset.",
  });
  retrace();
  $("apply-status").textContent = status;
}

function reset() {
  if (!pg) return;
  build({ ...current, steps: 0, stage: "input" });
}

// ------------------------------------------------------------- optimizers side by side

function writeRaceForm(state) {
  $("optRate").value = String(state.optRate);
  $("optStretch").value = String(state.optStretch);
}

/** Rebuild the three runs for `state`'s opt* keys; false (error shown) when the core refuses. */
function buildRace(state) {
  try {
    race.build(state);
  } catch (err) {
    showError(messageOf(err), { title: "Comparison settings rejected.", hint: "The previous runs stay on show." });
    return false;
  }
  return true;
}

function applyRaceSettings() {
  const rate = PARSERS_HERE.optRate($("optRate").value.trim());
  const stretch = PARSERS_HERE.optStretch($("optStretch").value);
  if (!("value" in rate) || !("value" in stretch)) {
    showError(`optRate: ${rate.reason ?? stretch.reason} (got "${$("optRate").value}")`, {
      title: "Comparison settings rejected.", hint: "The previous runs stay on show.",
    });
    return;
  }
  hideError();
  const next = { ...current, optRate: rate.value, optStretch: stretch.value, optSteps: 0 };
  if (buildRace(next)) {
    Object.assign(current, { optRate: next.optRate, optStretch: next.optStretch, optSteps: 0 });
    updateHash();
  }
}

function raceStep(n) {
  if (!race.sessions.length) return;
  race.step(Math.min(n, MAX_STEPS - current.optSteps));
  current.optSteps = race.steps;
  updateHash();
}

// ------------------------------------------------------------- settings and hash

function updateHash() {
  lastHash = replaceHash(`#${serializeExplorerHash(current)}`);
}

function applySettings(changedId) {
  if (!pg) return;
  const { state, errors } = readForm(current);
  showModeFields(state.mode);
  if (errors.length) {
    showError(errors.join("; "), { title: "Settings rejected.", hint: "The previous network stays on show." });
    return;
  }
  hideError();
  if (JSON.stringify(toConfig(state)) !== JSON.stringify(toConfig(current))) {
    // A different network or data: start over from its initial parameters.
    state.steps = 0;
    checkStage(state);
    build(state);
    return;
  }
  if (changedId === "seed") return;
  current.mode = state.mode;
  current.example = Math.min(state.example, trainCount - 1);
  $("example").value = String(current.example);
  retrace();
}

function onHashChange() {
  if (location.hash === lastHash) return;
  const { state, problems } = parseExplorerHash(location.hash);
  if (problems.length) showNotice(describeProblems(problems, t));
  else hideNotice();
  writeForm(state);
  writeRaceForm(state);
  build(state);
  buildRace(current);
}

function typingIn(t) {
  return t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;
}

function wire() {
  $("prev-stage").addEventListener("click", () => move(-1));
  $("next-stage").addEventListener("click", () => move(1));
  $("apply-update").addEventListener("click", applyUpdate);
  $("reset").addEventListener("click", reset);
  $("grad-check").addEventListener("click", () => runGradientCheck(pg, $("grad-check")));
  $("race-10").addEventListener("click", () => raceStep(10));
  $("race-50").addEventListener("click", () => raceStep(50));
  $("race-restart").addEventListener("click", applyRaceSettings);
  $("optStretch").addEventListener("change", applyRaceSettings);
  $("optRate").addEventListener("change", applyRaceSettings);
  $("optRate").addEventListener("keydown", (e) => {
    if (e.key === "Enter") applyRaceSettings();
  });
  onSettingsChange($("settings"), applySettings);
  window.addEventListener("hashchange", onHashChange);
  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target)) return;
    if (e.target instanceof Element && e.target.closest(".network")) return; // arrows move between units there
    if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      e.preventDefault();
      move(e.key === "ArrowRight" ? 1 : -1);
    }
  });
  onResize(() => {
    dataView.resize();
    if (trace) drawData();
    race.resize();
  });
}

async function start() {
  initBanners();
  network = new NetworkView($("bp-network"), null, { editable: false, notation: true });
  dataView = new BoundaryView($("bp-data"));
  const { state, problems } = parseExplorerHash(location.hash);
  writeForm(state);
  writeRaceForm(state);
  if (problems.length) showNotice(describeProblems(problems, t));

  wasm = await loadCore();
  if (!wasm) return;
  buildOrFallback(build, state, parseExplorerHash("").state, writeForm);
  race = new OptimizerRace(wasm.Playground, $("race-panels"));
  if (!buildRace(current)) {
    Object.assign(current, { optRate: DEFAULTS.optRate, optStretch: DEFAULTS.optStretch, optSteps: DEFAULTS.optSteps });
    writeRaceForm(current);
    buildRace(current);
  }
  updateHash();
  wire();
  // The stages and the race's canvases are written in the page's language: again after a change.
  onLangChange(() => {
    if (trace) retrace();
    race.draw();
  });
  document.documentElement.dataset.ready = "true";

  // A read-only handle for the console and the end-to-end tests.
  window.nnBackprop = Object.freeze({
    get playground() { return pg; },
    get state() { return current && cloneState(current); },
    get trace() { return trace; },
    get stage() { return stages[index]?.id; },
    get stages() { return stages.map((s) => s.id); },
    get race() { return race.sessions; },
  });
}

start();
