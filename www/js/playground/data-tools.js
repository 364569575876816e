/**
 * The playground's "Your data" and "Save" panels.
 *
 * Your data: "Add points" under the plot (clicks edit only while it is on,
 * edit-mode.js), what a click adds (a class from the class picker, or a value
 * for regression), erase mode, Clear, and the points as CSV (x,y,label): import
 * parses with the core's `parsePointsCsv`, whose error lists every bad line —
 * then nothing changes; labels that are classes but not of the classes set
 * (a 3 with 3 classes) are refused by name; labels that are no classes at all
 * switch to regression. Export writes `pointsToCsv`. The first edit starts from
 * the dataset on screen (its training and test points).
 * Save: the panel as a PNG (panel-image.js: the decision boundary with its
 * points, the loss curves and the losses), the model as JSON (`pg.exportModel()`), and a saved
 * model loaded back (`Playground.fromModel`, which names what does not fit).
 */
import { CUSTOM, MAX_HASH_POINTS, firstNonLabel, pointsLeftOut } from "../core/state.js";
import { PointEditor, rawPoints, customBounds } from "./point-editor.js";
import { EditMode } from "./edit-mode.js";
import { ClassPicker } from "./class-picker.js";
import { composePanel } from "./panel-image.js";
import { drawThumbnail } from "../views/thumbnails.js";
import { formatLoss, formatAccuracy } from "../core/format.js";
import { describeError, settingOf } from "../core/errors.js";
import { download, saveModel } from "../core/download.js";
import { t, onLangChange } from "../core/i18n.js";

const $ = (id) => document.getElementById(id);

/** "1.235" for a coordinate in a message. */
function coord(v) {
  return String(Math.round(v * 100) / 100).replace("-", "−");
}

/** @typedef {import("../../pkg/nn_playground.js").Playground} Playground */
/** @typedef {import("./state.js").PlaygroundState} PlaygroundState */

export class DataTools {
  /**
   * @param {{
   *   wasm: typeof import("../../pkg/nn_playground.js"), view: import("../views/boundary.js").BoundaryView,
   *   chartCanvas: HTMLCanvasElement, state: () => PlaygroundState, playground: () => Playground | null,
   *   report: () => import("../../pkg/nn_playground.js").StepReport | null,
   *   usePoints: (points: number[], problem: PlaygroundState["problem"]) => boolean,
   *   useModel: (pg: Playground) => void,
   *   redraw: () => void,
   *   label: (keyPath: string) => string,
   *   maxClasses: number,
   * }} page the playground page; `label` names the field a key path points at by its visible
   *   label (the key when no field shows it); `maxClasses` is the most classes the core takes
   */
  constructor(page) {
    this.page = page;
    const erase = /** @type {HTMLInputElement} */ ($("erase-mode"));
    this.picker = new ClassPicker($("pointClass"));
    this.mode = new EditMode(/** @type {HTMLButtonElement} */ ($("add-points")), page.view.canvas, () => {
      if (!this.mode.on) erase.checked = false;
    });
    this.editor = new PointEditor(page.view.canvas, page.view, {
      points: () => this.editablePoints(),
      distortion: () => page.state(),
      label: (other) => this.label(other),
      editing: () => this.mode.on,
      idle: (at) => this.mode.explain(at),
      erasing: () => erase.checked,
      change: (points, what) => this.change(points, what),
      refused: (why, at) => this.say(why === "full" ? t("5000 points is the most a dataset can have.") : t("No point near there to remove."), at),
      redraw: page.redraw,
    });
    erase.addEventListener("change", () => {
      if (erase.checked) this.mode.set(true);
    });
    $("clear-points").addEventListener("click", () => {
      this.mode.set(true);
      this.change([], { cleared: true });
    });
    $("export-csv").addEventListener("click", () => this.exportCsv());
    $("import-csv").addEventListener("change", (e) => this.importFile(e.target, (text, name) => this.importCsv(text, name)));
    $("export-png").addEventListener("click", () => this.exportPng());
    $("export-model").addEventListener("click", () => this.exportModel());
    $("import-model").addEventListener("change", (e) => this.importFile(e.target, (text, name) => this.importModel(text, name)));
    onLangChange(() => this.update(page.state()));
    // These controls edit data, not settings: keep their events from the settings form.
    for (const id of ["data-tools", "save-tools"]) {
      for (const type of ["change", "input", "keydown"]) $(id).addEventListener(type, (e) => e.stopPropagation());
    }
  }

  /** The points an edit starts from: the custom ones, or the dataset on screen. */
  editablePoints() {
    const state = this.page.state();
    if (state.dataset === CUSTOM) return state.points;
    const pg = this.page.playground();
    if (!pg) return [];
    return [...rawPoints(pg.points("train"), state), ...rawPoints(pg.points("test"), state)];
  }

  label(other) {
    if (this.page.state().problem === "regression") {
      const v = Number(/** @type {HTMLInputElement} */ ($("pointValue")).value);
      const value = Number.isFinite(v) ? v : 1;
      return other ? -value : value;
    }
    return this.picker.label(other);
  }

  /**
   * Turn editing on the plot on or off (a dataset chosen: on for "Yours", off for a built-in one).
   * @param {boolean} on
   */
  setEditing(on) {
    this.mode.set(on);
  }

  /**
   * The points were edited: a network on them, and a line saying what changed (also at the
   * plot's position `at` of an edit made there; the first edit of a built-in dataset says
   * that the data is now the user's).
   * @param {number[]} points
   * @param {{ added?: number[], removed?: number[], cleared?: boolean, at?: number[] }} [what]
   */
  change(points, { added, removed, cleared, at } = {}) {
    this.hideError();
    const copied = this.page.state().dataset !== CUSTOM;
    if (!this.page.usePoints(points, this.page.state().problem)) return;
    const n = points.length / 3;
    const yours = copied && !cleared ? ` ${t("The data is now yours: a copy of the points shown, edited.")}` : "";
    if (added) this.say(t("Added a point at ({x}, {y}) with label {label}; {n} points.", { x: coord(added[0]), y: coord(added[1]), label: added[2], n }) + yours, at);
    else if (removed) this.say(t("Removed the point at ({x}, {y}); {n} points.", { x: coord(removed[0]), y: coord(removed[1]), n }) + yours, at);
    else if (cleared) this.say(t("Cleared. Click the plot to add points (at least two)."));
  }

  /** After every new network: the controls for the problem type, the thumbnail, the link notice. */
  update(state) {
    const regression = state.problem === "regression";
    $("class-tool").hidden = regression;
    $("value-tool").hidden = !regression;
    this.picker.show(state.classes);
    const thumb = $("custom-thumb");
    if (thumb) drawThumbnail(thumb, state.points, customBounds(state.points), regression);
    const n = state.points.length / 3;
    const notice = $("points-link-notice");
    notice.hidden = !pointsLeftOut(state);
    notice.textContent = notice.hidden ? ""
      : t("The link does not include your {n} points (it holds at most {max}): export them as CSV to share them.", { n, max: MAX_HASH_POINTS });
    if (state.dataset === CUSTOM && n < 2) this.say(t("Add at least two points to train a network."));
  }

  /**
   * A line about the data in the panel, and at the plot's position `at` when given.
   * @param {string} text
   * @param {number[]} [at]
   */
  say(text, at) {
    $("data-status").textContent = text;
    if (at) this.mode.say(text, at);
  }

  showError(id, text) {
    $(id).textContent = text;
    $(id).hidden = false;
  }

  hideError() {
    for (const id of ["data-error", "model-error"]) $(id).hidden = true;
  }

  /** Read the file chosen in a file input, then clear the input (the same file can be chosen again). */
  async importFile(input, use) {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    this.hideError();
    use(await file.text(), file.name);
  }

  importCsv(text, name) {
    let points;
    try {
      points = Array.from(this.page.wasm.parsePointsCsv(text));
    } catch (err) {
      this.showError("data-error", t("{file} was not loaded, your points are unchanged. {message}", { file: name, message: describeError(err, t("The file")) }));
      return;
    }
    const { problem: current, classes } = this.page.state();
    const notAClass = current === "classification" ? firstNonLabel(points, this.page.maxClasses) : -1;
    const notOfThese = current === "classification" && notAClass < 0 ? firstNonLabel(points, classes) : -1;
    if (notOfThese >= 0) {
      const label = points[notOfThese * 3 + 2];
      this.showError("data-error", t("{file} was not loaded, your points are unchanged. {message}", {
        file: name,
        message: t("Point {n} has the label {label}, which is not one of the {classes} classes 0 … {max}: set Classes to {need} or more to load it.", {
          n: notOfThese + 1, label, classes, max: classes - 1, need: label + 1,
        }),
      }));
      return;
    }
    const switched = notAClass >= 0;
    const problem = switched ? "regression" : current;
    if (!this.page.usePoints(points, problem)) {
      this.showError("data-error", t("{file} was not loaded, your points are unchanged. {message}", { file: name, message: t($("error-text").textContent) }));
      return;
    }
    const n = points.length / 3;
    this.say(switched
      ? t("Loaded {n} points from {file}. Their labels are not all class numbers 0 … {max}, so the problem type is now regression.", { n, file: name, max: this.page.maxClasses - 1 })
      : t("Loaded {n} points from {file}.", { n, file: name }));
  }

  exportCsv() {
    const csv = this.page.wasm.pointsToCsv(new Float64Array(this.editablePoints()));
    download(new Blob([csv], { type: "text/csv" }), "nn-playground-points.csv");
  }

  exportPng() {
    const r = this.page.report();
    const parts = [];
    if (r) {
      parts.push(`${t("Step")} ${r.step}`, `${t("Training loss")} ${formatLoss(r.trainLoss)}`, `${t("Test loss")} ${formatLoss(r.testLoss)}`);
      if (r.testAccuracy !== null && r.testAccuracy !== undefined) parts.push(`${t("Test accuracy")} ${formatAccuracy(r.testAccuracy)}`);
    }
    const canvas = composePanel(this.page.view.canvas, this.page.chartCanvas, parts);
    canvas.toBlob((blob) => blob && download(blob, "nn-playground.png"), "image/png");
  }

  exportModel() {
    const pg = this.page.playground();
    if (pg) saveModel(pg);
  }

  /**
   * What a model file's error names: the field's label with the file's key path after it
   * ("Learning rate (config.learningRate)"), the key path alone when no field shows it, or the file.
   * @param {string} [keyPath]
   */
  modelKeyName(keyPath) {
    if (!keyPath) return t("The file");
    const label = this.page.label(keyPath);
    return label === settingOf(keyPath) ? keyPath : `${label} (${keyPath})`;
  }

  importModel(text, name) {
    let model;
    let next;
    try {
      model = JSON.parse(text);
      next = this.page.wasm.Playground.fromModel(model);
    } catch (err) {
      this.showError("model-error", t("{file} was not loaded: {message}", { file: name, message: describeError(err, this.modelKeyName(err?.key)) }));
      return;
    }
    // The restored playground counts its own updates from 0; the file says how long it trained.
    const step = Number.isFinite(model.step) ? model.step : 0;
    this.page.useModel(next);
    this.say(t("Loaded the model from {file} ({n} updates). The link holds its settings but not its weights.", { file: name, n: step }));
  }
}
