/**
 * Reading and writing the form controls.
 *
 * `writeControls(state)` puts a state into the form; `readControls(fallback)`
 * reads it back. Reading is deliberately lenient: a value the core will reject
 * (learning rate -1, batch size 0, a layer of 0 units) is passed through so the
 * core's own error message reaches the user. Only text that is not a number at
 * all is reported here, named by its config key.
 */
import { DATASETS, PROBLEMS, parseNumber, parseLayerList } from "./state.js";

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
];
/** Two-component keys: [key, input ids]. */
const PAIRS = [
  ["scale", ["scaleX1", "scaleX2"]],
  ["offset", ["offsetX1", "offsetX2"]],
];

/** The keys whose change only redraws (no new Playground). */
export const VIEW_ONLY_IDS = new Set(["showTestData", "logScale", "speed"]);

function formatNumber(x) {
  return Number.isFinite(x) ? String(x) : "";
}

/** Show the dataset thumbnails of one problem type and hide the other's. */
export function showDatasetsFor(problem) {
  for (const group of document.querySelectorAll(".thumbs[data-problem]")) {
    group.hidden = group.dataset.problem !== problem;
  }
}

/** Update the text next to the range sliders. */
export function updateRangeLabels() {
  $("noise-value").textContent = Number($("noise").value).toFixed(2);
  $("trainFraction-value").textContent = `${Math.round(Number($("trainFraction").value) * 100)}%`;
}

/** Put a full state into the form. */
export function writeControls(state) {
  for (const key of SELECTS) $(key).value = state[key];
  for (const [key] of NUMBERS) $(key).value = formatNumber(state[key]);
  for (const [key, ids] of PAIRS) ids.forEach((id, i) => ($(id).value = formatNumber(state[key][i])));
  $("hidden").value = state.hidden.join(",");
  $("normalize").checked = state.normalize === "standardize";
  $("showTestData").checked = !!state.showTestData;
  $("speed").value = state.speed;
  $("logScale").checked = !!state.logScale;
  const radio = $(`dataset-${state.dataset}`);
  if (radio) radio.checked = true;
  showDatasetsFor(state.problem);
  updateRangeLabels();
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
 * Read the form into a state, starting from `base` (for anything not on the form).
 * @returns {{ state: object, errors: string[] }} errors name the config key at fault.
 */
export function readControls(base) {
  const state = { ...base };
  const errors = [];

  for (const key of SELECTS) state[key] = $(key).value;
  if (!PROBLEMS.includes(state.problem)) state.problem = base.problem;

  for (const [key, integer] of NUMBERS) {
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

  for (const [key, ids] of PAIRS) {
    const xs = ids.map((id) => parseNumber($(id).value));
    const bad = ids.filter((id, i) => Number.isNaN(xs[i]));
    if (bad.length) errors.push(`${key} must be two numbers (check ${bad.join(", ")})`);
    else state[key] = xs;
  }

  const layers = parseLayerList($("hidden").value);
  if (layers === null) errors.push(`hidden must be comma-separated whole numbers, got "${$("hidden").value}"`);
  else state.hidden = layers;

  state.normalize = $("normalize").checked ? "standardize" : "none";
  state.showTestData = $("showTestData").checked;
  state.speed = $("speed").value;
  state.logScale = $("logScale").checked;

  const ds = checkedDataset();
  state.dataset = ds && DATASETS[state.problem].includes(ds) ? ds : DATASETS[state.problem][0];
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
