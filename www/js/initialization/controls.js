/**
 * The Initialization lab's form: writing a state into the controls and
 * reading it back. Reading is lenient like the playground's: a value the core
 * will reject (a learning rate of −1, 20 layers) is passed through so the
 * core's own message reaches the user; only text that is not a number at all
 * is reported here, named by its key.
 */
import { DATASETS, PROBLEMS, parseNumber } from "../core/state.js";
import { PRESETS } from "./state.js";
import { t, onLangChange } from "../core/i18n.js";

const $ = (id) => document.getElementById(id);

/** Keys whose control is a <select> with the same id. */
const SELECTS = ["dataset", "activation", "init", "optimizer", "gradient", "speed"];
/** Numeric keys read from one input each: [key, whole number?]. */
const NUMBERS = [["initScale", false], ["learningRate", false], ["batchSize", true], ["seed", true]];

/** Controls whose change only redraws (no new Playground). */
export const VIEW_ONLY_IDS = new Set(["gradient", "speed"]);

/** Label the dataset menu's groups (a `label` attribute, so written here in the page's language). */
function labelGroups() {
  for (const group of $("dataset").querySelectorAll("optgroup")) {
    group.dataset.en ??= group.label;
    group.label = t(group.dataset.en);
  }
}

/** Fill the preset menu once (and label the dataset groups, now and after every language change). */
export function fillPresets() {
  labelGroups();
  onLangChange(labelGroups);
  const select = $("preset");
  for (const p of PRESETS) {
    const option = document.createElement("option");
    option.value = p.id;
    option.textContent = p.label;
    select.append(option);
  }
}

/** Put a state (and the preset it matches, or null) into the form. */
export function writeControls(state, preset) {
  for (const key of SELECTS) $(key).value = state[key];
  for (const [key] of NUMBERS) $(key).value = String(state[key]);
  $("depth").value = String(state.hidden.length);
  $("width").value = String(state.hidden[0]);
  showPreset(preset);
}

/** Show which preset the state matches. */
export function showPreset(preset) {
  $("preset").value = preset ? preset.id : "custom";
}

/**
 * Read the form into a state, starting from `base`.
 * @returns {{ state: object, errors: string[] }} errors name the key at fault.
 */
export function readControls(base) {
  const state = { ...base, hidden: [...base.hidden] };
  const errors = [];
  for (const key of SELECTS) state[key] = $(key).value;
  state.problem = PROBLEMS.find((p) => DATASETS[p].includes(state.dataset)) ?? base.problem;
  const read = (id, integer) => {
    const text = $(id).value;
    const x = parseNumber(text);
    if (Number.isNaN(x)) errors.push(`${id} must be a number, got "${text}"`);
    else if (integer && !Number.isInteger(x)) errors.push(`${id} must be a whole number, got ${text}`);
    else return x;
    return null;
  };
  for (const [key, integer] of NUMBERS) {
    const x = read(key, integer);
    if (x !== null) state[key] = x;
  }
  const depth = read("depth", true);
  const width = read("width", true);
  if (depth !== null && width !== null) {
    if (depth < 1) errors.push(t("depth must be at least 1 hidden layer, got {depth}", { depth }));
    // Passed through: the core names a layer count or width out of range.
    else state.hidden = Array(Math.min(depth, 1000)).fill(width);
  }
  return { state, errors };
}
