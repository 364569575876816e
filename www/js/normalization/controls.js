/**
 * The form of the Normalization lab: writing a state into the controls and
 * reading it back. Reading passes values the core will judge (a learning rate
 * of −1) through untouched, so the core's message names the key; only text
 * that is not a number is reported here, by its key.
 */
import { parseNumber, DATASETS, PROBLEMS } from "../core/state.js";
import { PRESETS, presetOf } from "./state.js";
import { updateRangeLabels, readFields, writeFields, checkedDataset } from "../shell/controls.js";

const $ = (id) => document.getElementById(id);

const SELECTS = ["activation", "optimizer"];
/** [key, whole number?] of the single number inputs. */
const NUMBERS = [["noise", false], ["seed", true], ["rotation", false], ["learningRate", false], ["batchSize", true]];
const PAIRS = [["scale", ["scaleX1", "scaleX2"]], ["offset", ["offsetX1", "offsetX2"]]];

const FIELDS = { numbers: NUMBERS, pairs: PAIRS };

/** The problem type a dataset belongs to. */
export function problemOf(dataset) {
  return PROBLEMS.find((p) => DATASETS[p].includes(dataset)) ?? PROBLEMS[0];
}

/** Fill the hidden-unit selector for a first hidden layer of `units` units. */
export function writeUnits(units, unit) {
  const select = $("unit");
  const options = [];
  for (let i = 0; i < units; i++) options.push(new Option(`unit ${i + 1}`, String(i)));
  select.replaceChildren(...options);
  select.value = String(Math.min(unit, Math.max(0, units - 1)));
  $("unit-field").hidden = units === 0;
}

/** Select the preset matching the distortion fields, or "custom". */
export function showPreset(state) {
  $("preset").value = presetOf(state)?.id ?? "custom";
}

/** Put a preset's distortion into its fields. */
export function writePreset(id) {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) return;
  writeFields(preset, { numbers: [["rotation", false]], pairs: PAIRS });
}

export function writeControls(state) {
  for (const key of SELECTS) $(key).value = state[key];
  writeFields(state, FIELDS);
  $("target").value = String(state.target);
  $("speed").value = state.speed;
  $("logScale").checked = state.logScale;
  const radio = $(`dataset-${state.dataset}`);
  if (radio) radio.checked = true;
  const kind = $(`surface-${state.surface}`);
  if (kind) kind.checked = true;
  writeUnits(state.hidden[0] ?? 0, state.unit);
  showPreset(state);
  updateRangeLabels();
}

/**
 * Read the form over `base`.
 * @returns {{ state: object, errors: string[] }} errors name the key at fault
 */
export function readControls(base) {
  const state = { ...base };
  const errors = [];
  for (const key of SELECTS) state[key] = $(key).value;
  readFields(state, errors, FIELDS);

  const target = $("target").value.trim();
  const t = parseNumber(target);
  if (target === "" || target === "auto") state.target = "auto";
  else if (t > 0) state.target = t;
  else errors.push(`target must be "auto" or a positive number, got "${target}"`);

  const dataset = checkedDataset();
  if (dataset) {
    state.dataset = dataset;
    state.problem = problemOf(dataset);
  }
  state.surface = document.querySelector('input[name="surface"]:checked')?.value ?? base.surface;
  const units = state.hidden[0] ?? 0;
  state.unit = units ? Math.min(Number($("unit").value) || 0, units - 1) : 0;
  state.speed = $("speed").value;
  state.logScale = $("logScale").checked;
  return { state, errors };
}
