/**
 * Reading and writing the form controls.
 *
 * `writeControls(state)` puts a state into the form; `readControls(fallback)`
 * reads it back. Reading is deliberately lenient: a value the core will reject
 * (learning rate -1, batch size 0, a layer of 0 units) is passed through so the
 * core's own error message reaches the user. Only text that is not a number at
 * all is reported here, named by its config key.
 */
import { DATASETS, PROBLEMS, CUSTOM, parseNumber, parseLayerList } from "../core/state.js";

const $ = (id) => document.getElementById(id);

/** Config keys whose control is a plain <select>. */
const SELECTS = ["problem", "activation", "init", "optimizer"];
/** Numeric config keys read from one input each: [key, whole number?]. */
const NUMBERS = [
  ["samples", true],
  ["noise", false],
  ["trainFraction", false],
  ["seed", true],
  ["initScale", false],
  ["learningRate", false],
  ["batchSize", true],
  ["l2", false],
  ["momentum", false],
  ["beta1", false],
  ["beta2", false],
  ["epsilon", false],
];
/** Two-component keys: [key, input ids]. */
const PAIRS = [
  ["scale", ["scaleX1", "scaleX2"]],
  ["offset", ["offsetX1", "offsetX2"]],
];

/** The keys whose change only redraws (no new Playground). */
export const VIEW_ONLY_IDS = new Set(["showTestData", "logScale", "speed", "showGradients"]);

function formatNumber(x) {
  return Number.isFinite(x) ? String(x) : "";
}

/** Show the dataset thumbnails of one problem type and hide the other's. */
export function showDatasetsFor(problem) {
  for (const group of document.querySelectorAll(".thumbs[data-problem]")) {
    group.hidden = group.dataset.problem !== problem;
  }
}

/** Update the text next to the range sliders (those the page has). */
export function updateRangeLabels() {
  const label = (id, text) => {
    const out = $(`${id}-value`);
    if (out && $(id)) out.textContent = text(Number($(id).value));
  };
  label("noise", (x) => x.toFixed(2));
  label("trainFraction", (x) => `${Math.round(x * 100)}%`);
}

/** Put a full state into the form. */
export function writeControls(state) {
  for (const key of SELECTS) $(key).value = state[key];
  writeFields(state);
  $("normalize").checked = state.normalize === "standardize";
  $("showTestData").checked = !!state.showTestData;
  $("speed").value = state.speed;
  $("logScale").checked = !!state.logScale;
  $("showGradients").checked = !!state.showGradients;
  const radio = $(`dataset-${state.dataset}`);
  if (radio) radio.checked = true;
  showDatasetsFor(state.problem);
  showOptimizerFields(state.optimizer);
  updateRangeLabels();
}

/** Show the hyper-parameter fields of one optimizer (`[data-optimizer]` lists the ones a field belongs to). */
export function showOptimizerFields(optimizer) {
  for (const field of document.querySelectorAll("[data-optimizer]")) {
    field.hidden = !field.dataset.optimizer.split(" ").includes(optimizer);
  }
}

/** Select the dataset radio for `dataset` (if it exists). */
export function selectDataset(dataset) {
  const radio = $(`dataset-${dataset}`);
  if (radio) radio.checked = true;
}

/** The dataset radio currently checked (its value), or null. */
export function checkedDataset() {
  const radio = document.querySelector('input[name="dataset"]:checked');
  return radio ? radio.value : null;
}

/**
 * Read the number fields, the two-number pairs and the hidden-layer list into
 * `state` (another page passes its own lists); what is not a number goes to
 * `errors`, named by its key.
 * @param {[string, boolean][]} numbers [key (= input id), whole number?]
 * @param {[string, string[]][]} pairs [key, input ids]
 */
export function readFields(state, errors, { numbers = NUMBERS, pairs = PAIRS } = {}) {
  for (const [key, integer] of numbers) {
    const el = $(key);
    const text = el.value;
    const x = parseNumber(text);
    if (text.trim() === "" || Number.isNaN(x)) {
      errors.push(`${key} must be a number, got "${text || (el.validity?.badInput ? "(not a number)" : "")}"`);
      continue;
    }
    if (integer && !Number.isInteger(x)) {
      errors.push(`${key} must be a whole number, got ${text}`);
      continue;
    }
    state[key] = x;
  }

  for (const [key, ids] of pairs) {
    const xs = ids.map((id) => parseNumber($(id).value));
    const bad = ids.filter((id, i) => Number.isNaN(xs[i]));
    if (bad.length) errors.push(`${key} must be two numbers (check ${bad.join(", ")})`);
    else state[key] = xs;
  }

  const layers = parseLayerList($("hidden").value);
  if (layers === null) errors.push(`hidden must be comma-separated whole numbers, got "${$("hidden").value}"`);
  else state.hidden = layers;
}

/** Put number fields and pairs (lists as for readFields) and the hidden-layer list (if given) into the form. */
export function writeFields(state, { numbers = NUMBERS, pairs = PAIRS } = {}) {
  for (const [key] of numbers) $(key).value = formatNumber(state[key]);
  for (const [key, ids] of pairs) ids.forEach((id, i) => ($(id).value = formatNumber(state[key][i])));
  if (state.hidden) $("hidden").value = state.hidden.join(",");
}

/**
 * Read the form into a state, starting from `base` (for anything not on the form).
 * @returns {{ state: object, errors: string[] }} errors name the config key at fault.
 */
export function readControls(base) {
  const state = { ...base };
  const errors = [];

  for (const key of SELECTS) state[key] = $(key).value;
  if (!PROBLEMS.includes(state.problem)) state.problem = base.problem;

  readFields(state, errors);

  state.normalize = $("normalize").checked ? "standardize" : "none";
  state.showTestData = $("showTestData").checked;
  state.speed = $("speed").value;
  state.logScale = $("logScale").checked;
  state.showGradients = $("showGradients").checked;

  const ds = checkedDataset();
  state.dataset = ds === CUSTOM || (ds && DATASETS[state.problem].includes(ds)) ? ds : DATASETS[state.problem][0];
  return { state, errors };
}

/** Write the hidden-layer list into its text field. */
export function writeHidden(hidden) {
  $("hidden").value = hidden.join(",");
}

/** Write the seed field. */
export function writeSeed(seed) {
  $("seed").value = String(seed);
}

/** Show or hide the accuracy readouts (null for regression). */
export function setAccuracyVisible(visible) {
  for (const el of document.querySelectorAll(".readouts .accuracy")) el.hidden = !visible;
}

/**
 * Call `onChange(id)` whenever a setting is committed (change event, or Enter
 * in a text field), and keep the slider labels live while dragging.
 */
export function onSettingsChange(form, onChange) {
  form.addEventListener("change", (e) => {
    const t = e.target;
    if (!(t instanceof HTMLInputElement || t instanceof HTMLSelectElement)) return;
    onChange(t.name === "dataset" ? "dataset" : t.id);
  });
  form.addEventListener("input", (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === "range") updateRangeLabels();
  });
  form.addEventListener("keydown", (e) => {
    const t = e.target;
    if (e.key === "Enter" && t instanceof HTMLInputElement && (t.type === "text" || t.type === "number")) {
      e.preventDefault();
      onChange(t.id);
    }
  });
  form.addEventListener("submit", (e) => e.preventDefault());
}
