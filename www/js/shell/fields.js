/**
 * The settings controls of a page, driven by its state description
 * (js/core/state.js): a key's control is the element (or radios) named after
 * it. From the description come the controls' limits (min, max, step), the
 * options of menus, radio groups and dataset thumbnails, reading and writing
 * values, and the errors shown beside a control (aria-invalid, a message that
 * names its visible label) — so the HTML holds no defaults, limits or choices.
 *
 * Conventions in the markup:
 * - `<div data-setting="learningRate">`: the field of a setting, label and
 *   control written here as core/labels.js's SETTING_FIELDS says (the
 *   placeholder may set `data-label`, `data-symbol`, `data-hint`,
 *   `data-input`, `data-placeholder`, and `data-group` for a grouped menu);
 *   `<div data-settings="activation init">` stands for several such fields;
 * - `name="learningRate"` on an input, select or radios; a pair's two inputs
 *   carry `data-index="0"` and `"1"`; a checkbox of a two-choice key names the
 *   choice it means with `data-on` and `data-off`;
 * - `data-choices="dataset"` on an element that gets the key's radios
 *   (`data-style="thumbs"` for dataset thumbnails, `data-problem` to show one
 *   problem type's datasets, or "custom"); `data-group="problem"` on the
 *   dataset menu groups its options;
 * - `data-manual` on a select whose options the page fills itself;
 * - `<output id="<key>-value">` beside a slider shows its value
 *   (`data-format="percent"` as a percentage).
 */
import { CHOICE_LABELS, DATASET_TITLES, SETTING_FIELDS, choiceLabel } from "../core/labels.js";
import { describeError, settingOf, indexOf } from "../core/errors.js";
import { CUSTOM } from "../core/state.js";
import { t } from "../core/i18n.js";

/** @typedef {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} Control a control that holds a value */

/**
 * Settings whose choice decides which fields show: a field whose SETTING_FIELDS entry names some
 * of their choices (`optimizer: "momentum"`, `lrSchedule: "step cosine"`) is shown only while one
 * of those is chosen (showChosenFields).
 */
const DECIDING = ["optimizer", "lrSchedule"];

/**
 * Show every field of some choices of another setting only while `state` has one of them.
 * @param {ParentNode} root
 * @param {Record<string, unknown>} state
 */
export function showChosenFields(root, state) {
  for (const field of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll("[data-shown-with]"))) {
    field.hidden = !field.dataset.shownFor.split(" ").includes(String(state[field.dataset.shownWith]));
  }
}

/**
 * @param {unknown} el
 * @returns {el is Control}
 */
const isInput = (el) => el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;

/** Create an element with attributes and optional text. */
function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A key whose controls the page reads and writes itself.
 * @typedef {object} Widget
 * @property {() => string | import("../core/state.js").Parsed} read the value as link text, or
 *   already parsed
 * @property {(value: unknown) => void} write show a value of the key
 * @property {(keyPath: string) => Control} [control] the control an error's key path points at
 */

/** @typedef {import("../core/state.js").State} State */

export class SettingsForm {
  /**
   * @param {ParentNode} root where the controls are (the document: the header holds some)
   * @param {ReturnType<typeof import("../core/state.js").describeState>} description
   * @param {object} [options]
   * @param {Record<string, Widget>} [options.widgets]
   *   keys whose controls the page reads (as link text, or a parsed { value } or { problem }) and
   *   writes itself; `control` names the control an error's key path points at
   */
  constructor(root, description, { widgets = {} } = {}) {
    this.root = root;
    this.description = description;
    this.widgets = new Map(Object.entries(widgets));
  }

  /** The controls named `key`. */
  controls(key) {
    return [...this.root.querySelectorAll(`[name="${key}"]`)].filter(isInput);
  }

  /** Fields, limits, options, radios and thumbnails of every key, from the description. */
  prepare() {
    for (const list of /** @type {NodeListOf<HTMLElement>} */ (this.root.querySelectorAll("[data-settings]"))) {
      list.replaceWith(...list.dataset.settings.split(/\s+/).map((key) => element("div", { "data-setting": key })));
    }
    for (const placeholder of /** @type {NodeListOf<HTMLElement>} */ (this.root.querySelectorAll("[data-setting]"))) {
      const spec = this.description.spec(placeholder.dataset.setting);
      if (spec) renderField(placeholder, spec);
    }
    for (const [key, spec] of this.description.specs) {
      for (const container of this.root.querySelectorAll(`[data-choices="${key}"]`)) this.renderRadios(container, spec);
      for (const el of this.controls(key)) {
        if (el instanceof HTMLSelectElement && !el.hasAttribute("data-manual")) this.renderOptions(el, spec);
        if (el instanceof HTMLInputElement && (el.type === "number" || el.type === "range")) setLimits(el, spec);
      }
    }
  }

  /** A menu's options: the key's choices (grouped by problem type with data-group). */
  renderOptions(select, spec) {
    const option = (choice) => element("option", { value: choice }, choiceLabel(spec.key, choice, spec.labels ?? CHOICE_LABELS[spec.key]));
    if (select.dataset.group === "problem") {
      const groups = ["classification", "regression"].map((problem) => {
        const group = element("optgroup", { label: choiceLabel("problem", problem) });
        group.append(...this.description.datasetsFor(problem).map(option));
        return group;
      });
      select.replaceChildren(...groups.filter((g) => g.children.length));
    } else {
      select.replaceChildren(...spec.choices.map(option));
    }
  }

  /** A radio group of the key's choices: dataset thumbnails, or labelled buttons. */
  renderRadios(container, spec) {
    const problem = container.dataset.problem;
    const choices = problem === CUSTOM ? [CUSTOM]
      : problem ? this.description.datasetsFor(problem)
      : spec.choices.filter((c) => c !== CUSTOM);
    const labels = spec.labels ?? CHOICE_LABELS[spec.key];
    const radios = choices.map((choice) => {
      const label = element("label", { title: spec.titles?.[choice] ?? (spec.key === "dataset" ? DATASET_TITLES[choice] : choiceLabel(spec.key, choice, labels)) });
      const input = element("input", { type: "radio", name: spec.key, id: `${spec.key}-${choice}`, value: choice });
      const text = element("span", {}, choiceLabel(spec.key, choice, labels));
      if (container.dataset.style === "thumbs") {
        label.className = "thumb";
        const canvas = element("canvas", { width: "60", height: "60", "aria-hidden": "true" });
        if (choice === CUSTOM) canvas.id = "custom-thumb";
        else canvas.dataset.dataset = choice;
        label.append(input, canvas, text);
      } else {
        label.append(input, text);
      }
      return label;
    });
    container.replaceChildren(...radios);
  }

  /**
   * Put a state into the controls.
   * @param {State} state
   */
  write(state) {
    for (const [key, spec] of this.description.specs) {
      if (this.widgets.has(key)) {
        this.widgets.get(key).write(state[key]);
        continue;
      }
      writeControls(this.controls(key), spec, state[key]);
    }
    this.updateSliders();
  }

  /**
   * Read the controls into a state on top of `base` (keys without a control keep
   * their value). What does not parse or lies outside its limits is an error
   * { key, code, params } and keeps the base value.
   * @template {State} S
   * @param {S} base
   * @returns {{ state: S, errors: import("../core/errors.js").CodedError[] }}
   */
  read(base) {
    const state = this.description.clone(base);
    const errors = [];
    for (const key of this.description.keys) {
      const raw = this.widgets.has(key) ? this.widgets.get(key).read() : readControls(this.controls(key), this.description.spec(key));
      if (raw === null) continue;
      const r = typeof raw === "string" ? this.description.parseValue(key, raw) : raw;
      if ("value" in r) state[key] = r.value;
      else errors.push({ key: r.problem.at === undefined ? key : `${key}[${r.problem.at}]`, ...r.problem });
    }
    return { state: /** @type {S} */ (state), errors };
  }

  /**
   * The visible label of the control for an error's key path ("scale[1]" → "Scale x₂"; a radio
   * group's name, not its choice's), in the page's language; for a setting without a control of
   * its own (the features, chosen on the network diagram) its field's label, else the key.
   */
  labelOf(keyPath) {
    const control = this.controlFor(keyPath);
    const key = settingOf(keyPath);
    const named = SETTING_FIELDS[key]?.label;
    const text = (control && labelText(control, this.root)) ?? (named && t(named));
    return (text ?? key).replace(/[\u00ad\u2060]/g, "").replace(/\s+/g, " ").trim() || key;
  }

  /** The control an error's key path points at (a pair's own input), or null. */
  controlFor(keyPath) {
    const key = settingOf(keyPath);
    if (this.widgets.has(key)) return this.widgets.get(key).control?.(keyPath) ?? null;
    const controls = this.controls(key);
    const index = indexOf(keyPath);
    return controls.find((c) => index !== null && c.dataset.index === String(index)) ?? controls[0] ?? null;
  }

  /** Mark the controls of `errors` invalid, each with its message beside it; returns the messages. */
  showErrors(errors) {
    this.clearErrors();
    return errors.map((error) => {
      const message = describeError(error, this.labelOf(error.key));
      const control = this.controlFor(error.key);
      if (control) {
        control.setAttribute("aria-invalid", "true");
        const field = control.closest(".field") ?? control.parentElement;
        const note = element("span", { class: "field-error", id: `${control.id || control.name}-error` }, message);
        field.append(note);
        control.setAttribute("aria-describedby", [control.getAttribute("aria-describedby"), note.id].filter(Boolean).join(" "));
      }
      return message;
    });
  }

  /** Remove every error mark. */
  clearErrors() {
    for (const note of this.root.querySelectorAll(".field-error")) {
      const control = this.root.querySelector(`[aria-describedby~="${note.id}"]`);
      if (control) {
        const rest = control.getAttribute("aria-describedby").split(" ").filter((id) => id !== note.id);
        if (rest.length) control.setAttribute("aria-describedby", rest.join(" "));
        else control.removeAttribute("aria-describedby");
      }
      note.remove();
    }
    for (const control of this.root.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
  }

  /** The text beside every slider. */
  updateSliders() {
    for (const out of /** @type {NodeListOf<HTMLOutputElement>} */ (this.root.querySelectorAll("output[id$='-value']"))) {
      const key = out.id.slice(0, -"-value".length);
      const slider = /** @type {HTMLInputElement | null} */ (this.root.querySelector(`input[type=range][name="${key}"]`));
      if (!slider) continue;
      const x = Number(slider.value);
      out.textContent = out.dataset.format === "percent" ? `${Math.round(x * 100)}%` : x.toFixed(2);
    }
  }

  /**
   * Call `onChange(key)` whenever a setting is committed (change event, or Enter
   * in a text field), with the key of the control; sliders update their text
   * while dragging.
   */
  onChange(onChange) {
    const keyOf = (el) => el.name || el.id;
    this.root.addEventListener("change", (e) => {
      if (isInput(e.target) && e.target.name) onChange(keyOf(e.target));
    });
    this.root.addEventListener("input", (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === "range") this.updateSliders();
    });
    this.root.addEventListener("keydown", (/** @type {KeyboardEvent} */ e) => {
      const el = e.target;
      if (e.key === "Enter" && el instanceof HTMLInputElement && el.name && (el.type === "text" || el.type === "number")) {
        e.preventDefault();
        onChange(keyOf(el));
      }
    });
    for (const form of this.root.querySelectorAll("form")) form.addEventListener("submit", (e) => e.preventDefault());
  }
}

const SUBSCRIPT = { 0: "₀", 1: "₁", 2: "₂", 3: "₃", 4: "₄", 5: "₅", 6: "₆", 7: "₇", 8: "₈", 9: "₉" };

/**
 * A label's own words, translated: its text without the hints and values shown inside it
 * (x<sub>2</sub> as x₂).
 */
function ownText(label) {
  let text = "";
  for (const node of label.childNodes) {
    if (node instanceof Element && node.matches(".hint, output")) continue;
    if (node instanceof Element && node.localName === "sub") text += node.textContent.replace(/\d/g, (d) => SUBSCRIPT[d]);
    else if (node instanceof Element) text += node.textContent;
    else text += node.textContent.replace(/\S(.*\S)?/s, (words) => t(words)); // before the page's translation reaches it
  }
  return text;
}

/**
 * The visible label of a control: its <label for>, or a radio's group's (aria-labelledby,
 * aria-label), else the legend of its fieldset or the name of the group around it.
 * @param {Control} control
 * @param {ParentNode} root
 */
function labelText(control, root) {
  if (control instanceof HTMLInputElement && control.type === "radio") {
    const group = control.closest("[role=radiogroup]");
    const by = group?.getAttribute("aria-labelledby");
    const named = by && root.querySelector(`[id="${by}"]`);
    if (named) return ownText(named);
    if (group?.hasAttribute("aria-label")) return t(group.getAttribute("aria-label"));
  } else {
    const label = control.id && root.querySelector(`label[for="${control.id}"]`);
    if (label) return ownText(label);
  }
  const legend = control.closest("fieldset")?.querySelector("legend");
  const name = legend ? legend.textContent : control.closest("[aria-label]")?.getAttribute("aria-label");
  return name ? t(name.trim()) : null;
}

/**
 * A setting's field in its placeholder: the label (with its symbol and hint) and the control —
 * a menu for a choice, a checkbox, a slider with its value, or a text or number input.
 * @param {HTMLElement} field
 * @param {import("../core/state.js").Spec} spec
 */
function renderField(field, spec) {
  const key = spec.key;
  const look = { ...SETTING_FIELDS[key], ...field.dataset };
  field.classList.add("field");
  field.dataset.control ??= key;
  const decider = DECIDING.find((k) => look[k]);
  if (decider) {
    // A field of some choices of another setting: the page shows it only while one is chosen.
    field.dataset.shownWith = decider;
    field.dataset.shownFor = look[decider];
    field.hidden = true;
  }
  const label = element("label", { for: key }, look.label ?? key);
  if (look.symbol) label.append(" ", element("span", { class: "symbol" }, look.symbol));
  const hint = look.hint && element("span", { class: "hint", id: `${key}-hint` }, look.hint);
  const attributes = {
    id: key, name: key, ...(look.title && { title: look.title }), ...(hint && { "aria-describedby": hint.id }),
    ...(look.group && { "data-group": look.group }), ...(look.placeholder && { placeholder: look.placeholder }),
  };
  if (look.input === "checkbox") {
    field.classList.add("field-check");
    const [off, on] = spec.choices ?? [];
    if (hint) label.append(" ", hint);
    field.replaceChildren(element("input", { ...attributes, type: "checkbox", ...(on && { "data-on": on, "data-off": off }) }), label);
    return;
  }
  let control;
  if (spec.type === "choice") control = element("select", attributes);
  else if (look.input === "range") {
    field.classList.add("field-range");
    label.append(" ", element("output", { id: `${key}-value`, for: key, ...(look.format && { "data-format": look.format }) }));
    control = element("input", { ...attributes, type: "range", step: "0.01" });
  } else {
    const text = look.input === "text";
    const whole = spec.type === "integer" || spec.type === "layers";
    control = element("input", {
      ...attributes, type: text ? "text" : "number", inputmode: whole ? "numeric" : "decimal", ...(text && { spellcheck: "false" }),
    });
  }
  const parts = [label, control];
  if (look.suggestions) {
    control.setAttribute("list", `${key}-suggestions`);
    const list = element("datalist", { id: `${key}-suggestions` });
    list.append(...look.suggestions.map((v) => element("option", { value: String(v) })));
    parts.push(list);
  }
  if (hint) parts.push(hint);
  field.replaceChildren(...parts);
}

/** min, max and step of a number input or slider from its spec (inclusive bounds only). */
function setLimits(input, spec) {
  const integer = spec.type === "integer";
  if (spec.min !== null && spec.min !== undefined && !spec.minExclusive) input.min = String(spec.min);
  if (spec.max !== null && spec.max !== undefined && !spec.maxExclusive) input.max = String(spec.max);
  if (input.type === "number") input.step = integer ? "1" : "any";
}

/** Put one key's value into its controls. */
function writeControls(controls, spec, value) {
  for (const el of controls) {
    if (el instanceof HTMLInputElement && el.type === "radio") el.checked = el.value === String(value);
    else if (el instanceof HTMLInputElement && el.type === "checkbox") el.checked = el.dataset.on ? value === el.dataset.on : !!value;
    else if (el.dataset.index !== undefined) el.value = String(value?.[Number(el.dataset.index)] ?? "");
    else el.value = Array.isArray(value) ? value.join(",") : String(value ?? "");
  }
}

/** The hash text of one key's controls, or null when it has none. */
function readControls(controls, spec) {
  if (!controls.length) return null;
  const [first] = controls;
  if (first instanceof HTMLInputElement && first.type === "radio") {
    const checked = controls.find((c) => c.checked);
    return checked ? checked.value : null;
  }
  if (first instanceof HTMLInputElement && first.type === "checkbox") {
    if (first.dataset.on) return first.checked ? first.dataset.on : first.dataset.off;
    return String(first.checked);
  }
  if (spec.type === "pair") {
    const parts = [...controls].sort((a, b) => a.dataset.index - b.dataset.index).map((c) => c.value.trim());
    return parts.some((p) => p === "") ? parts.filter((p) => p !== "").join(",") : parts.join(",");
  }
  return first.value.trim();
}
