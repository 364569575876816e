/**
 * The backprop explorer (backprop.html): a Playground built from the link
 * (plain SGD on a small classification net), its `backpropTrace()` — of the
 * next mini-batch, exactly what `step(1)` will use, or of one chosen training
 * example — walked through stage by stage. A second session of the same
 * config, kept one update ahead, supplies the parameters after the update, so
 * the update stage shows the core's own result. "Apply update" steps both and
 * starts over. Below, SGD, momentum and Adam race on one loss surface
 * (js/backprop/optimizers.js). The page controller (js/shell/page.js) does the
 * loading, the link and the settings; there is no play loop here.
 */
import { Page } from "../shell/page.js";
import { describeExplorer, checkStage, MAX_STEPS } from "./state.js";
import { buildStages } from "./stages.js";
import { OptimizerRace } from "./optimizers.js";
import { renderStage, renderStageList, markStage } from "./view.js";
import { DiagramTiles, NetworkView } from "../views/network.js";
import { BoundaryView, shapeOf } from "../views/boundary.js";
import { cancelGradientCheck, runGradientCheck } from "../views/readouts.js";
import { formatLoss } from "../core/format.js";
import { multiClassDatasets, fitClasses } from "../core/classes.js";
import { describeDivergence, describeError } from "../core/errors.js";
import { showError } from "../shell/banners.js";
import { t } from "../core/i18n.js";
import "./ko.js";

const $ = (id) => document.getElementById(id);
/** Resolution of each unit's heatmap in the network diagram. */
const UNIT_RES = 24;
/** The keys of the optimizer comparison. */
const RACE_KEYS = ["optRate", "optStretch", "optSteps"];

function typingIn(target) {
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

/** @typedef {import("../../pkg/nn_playground.js").Playground} Playground */

/**
 * The session after `steps` updates and its twin one update ahead.
 * @typedef {{ pg: Playground, ahead: Playground }} Twins
 */

/** @typedef {import("./state.js").ExplorerState} ExplorerState */

/** @extends {Page<Twins, ExplorerState>} */
class BackpropExplorer extends Page {
  constructor() {
    super({
      hook: "nnBackprop",
      banners: {
        errorHint: "The previous network stays on show.",
        noticeTitle: "Some link settings were not understood and use their defaults:",
      },
      header: {
        skip: { text: "Skip to the current stage", target: "stage-card" },
        player: { label: "Parameters", reset: "Back to the initial parameters (no update applied)" },
        counters: [["Updates applied", "step-counter"], ["Cost J", "cost"]],
      },
    });
    this.trace = null;
    this.stages = [];
    this.index = 0;
    this.tiles = new DiagramTiles(UNIT_RES);
    /** @type {ReturnType<DiagramTiles["paint"]> | null} the tiles of the traced network */
    this.tileNumbers = null;
    this.trainCount = 0;
    /** The last applied update: { n, rows, same } (same: null when not previewed). */
    this.status = null;
  }

  describe(schema) {
    return describeExplorer(schema);
  }

  prepare() {
    this.network = new NetworkView($("bp-network"), null, { editable: false, notation: true });
    /** The datasets that take more than two classes (the core refuses the others). */
    this.multiClass = multiClassDatasets(this.wasm.Playground, this.description.datasetsFor("classification"));
    this.dataView = new BoundaryView(/** @type {HTMLCanvasElement} */ ($("bp-data")));
    this.race = new OptimizerRace(this.wasm.Playground, $("race-panels"));
    $("prev-stage").addEventListener("click", () => this.move(-1));
    $("next-stage").addEventListener("click", () => this.move(1));
    $("apply-update").addEventListener("click", () => this.applyUpdate());
    $("grad-check").addEventListener("click", () => runGradientCheck(this.sessions?.pg));
    $("race-10").addEventListener("click", () => this.raceStep(10));
    $("race-50").addEventListener("click", () => this.raceStep(50));
    $("race-restart").addEventListener("click", () => this.restartRace());
    document.addEventListener("keydown", (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target)) return;
      if (e.target instanceof Element && e.target.closest(".network")) return; // arrows move between units there
      if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
        e.preventDefault();
        this.move(e.key === "ArrowRight" ? 1 : -1);
      }
    });
  }

  /**
   * The session after `steps` updates and its twin one update ahead.
   * @param {ExplorerState} state
   * @returns {Twins}
   */
  build(state) {
    const made = [];
    try {
      for (const ahead of [0, 1]) {
        const pg = new this.wasm.Playground(this.description.toConfig(state));
        made.push(pg);
        if (state.steps + ahead > 0) pg.step(state.steps + ahead);
      }
    } catch (err) {
      for (const pg of made) pg.free();
      throw err;
    }
    return { pg: made[0], ahead: made[1] };
  }

  /** @param {Twins} twins */
  free({ pg, ahead }) {
    pg.free();
    ahead.free();
  }

  adopt() {
    const { pg } = this.sessions;
    const firstBuild = !this.race.sessions.length;
    this.trainCount = pg.points("train").length / 3;
    /** @type {HTMLInputElement} */ ($("batchSize")).max = String(this.trainCount);
    /** @type {HTMLInputElement} */ ($("example")).max = String(this.trainCount - 1);
    this.showHints();
    if (this.state.example >= this.trainCount) {
      // A link's example beyond the training set: named with the link's other problems.
      const params = { min: 0, max: this.trainCount - 1, got: this.state.example };
      this.showLinkProblems([...this.linkProblems, { key: "example", raw: String(this.state.example), code: "outOfRange", params }]);
      this.state.example = 0;
      /** @type {HTMLInputElement} */ ($("example")).value = "0";
    }
    this.showModeFields();
    this.network.render({
      hidden: this.state.hidden, activation: this.state.activation, problem: "classification", normalize: "none", features: this.state.features,
      classes: this.state.classes,
    });
    this.dataView.setData({ bounds: pg.bounds(), train: pg.points("train"), test: new Float32Array(0), regression: false });
    cancelGradientCheck();
    this.status = null;
    this.showStatus();
    this.retrace();
    if (firstBuild && !this.buildRace(this.state)) {
      // The link's comparison settings were refused: the comparison starts from its defaults.
      const defaults = this.description.defaults();
      for (const key of RACE_KEYS) this.state[key] = defaults[key];
      this.form.write(this.state);
      this.buildRace(this.state);
    }
  }

  /**
   * @param {string} key
   * @param {ExplorerState} next
   */
  settingChanged(key, next) {
    fitClasses(key, next, this.multiClass);
    const { configKeys } = this.description;
    const config = (s) => JSON.stringify(configKeys.map((k) => s[k]));
    if (config(next) !== config(this.state)) {
      // A different network or data: start over from its initial parameters.
      next.steps = 0;
      checkStage(next);
    }
    next.example = Math.min(next.example, Math.max(0, this.trainCount - 1));
    return next;
  }

  /** @param {ExplorerState} previous */
  viewChanged(previous) {
    this.showModeFields();
    if (RACE_KEYS.some((k) => previous[k] !== this.state[k])) {
      this.state.optSteps = 0;
      if (!this.buildRace(this.state)) Object.assign(this.state, Object.fromEntries(RACE_KEYS.map((k) => [k, previous[k]])));
      return;
    }
    /** @type {HTMLInputElement} */ ($("example")).value = String(this.state.example);
    this.retrace();
  }

  showModeFields() {
    for (const field of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[data-mode]"))) {
      field.hidden = field.dataset.mode !== this.state.mode;
    }
  }

  /** Trace the pass on the current parameters and show the current stage. */
  retrace() {
    const { pg, ahead } = this.sessions;
    const state = this.state;
    this.trace = pg.backpropTrace(state.mode === "example" ? [state.example] : undefined);
    this.stages = buildStages(this.trace, {
      activation: state.activation,
      l2: state.l2,
      learningRate: state.learningRate,
      features: state.features,
      after: state.mode === "batch" ? ahead.parameters() : null,
    });
    renderStageList($("stage-list"), this.stages, (i) => this.showStage(i, { focus: true }));
    this.tileNumbers = this.tiles.paint(pg);
    this.dataView.paintFrom(pg, state.hidden, shapeOf(state));
    this.drawData();
    $("step-counter").textContent = String(state.steps);
    $("cost").textContent = formatLoss(this.trace.cost);
    /** @type {HTMLButtonElement} */ ($("apply-update")).disabled = state.steps >= MAX_STEPS;
    this.showStage(Math.max(0, this.stages.findIndex((s) => s.id === state.stage)));
  }

  /** The training set over the network's output, the traced examples ringed. */
  drawData() {
    this.dataView.draw({ showTestData: false });
    const { ctx } = this.dataView;
    const points = this.dataView.train;
    ctx.save();
    ctx.lineWidth = 2;
    ctx.strokeStyle = "#111";
    for (const row of this.trace.rows) {
      const [x, y] = this.dataView.toCanvas(points[row * 3], points[row * 3 + 1]);
      ctx.beginPath();
      ctx.arc(x, y, 6.5, 0, Math.PI * 2);
      ctx.stroke();
    }
    ctx.restore();
  }

  // ------------------------------------------------------------- stages

  showStage(i, { focus = false } = {}) {
    this.index = Math.max(0, Math.min(this.stages.length - 1, i));
    const stage = this.stages[this.index];
    this.state.stage = stage.id;
    renderStage(stage, this.index, this.stages.length);
    markStage($("stage-list"), stage.id);
    this.network.update({ layers: this.trace.layers, ...this.tileNumbers, showGradients: stage.links === "gradients" });
    this.network.highlight(stage.highlight);
    // A button that becomes disabled would drop the keyboard focus: hand it on.
    const focused = document.activeElement;
    const previous = /** @type {HTMLButtonElement} */ ($("prev-stage"));
    const next = /** @type {HTMLButtonElement} */ ($("next-stage"));
    previous.disabled = this.index === 0;
    next.disabled = this.index === this.stages.length - 1;
    if (focused === next && next.disabled) $("apply-update").focus();
    if (focused === previous && previous.disabled) next.focus();
    $("apply-update").classList.toggle("primary", stage.id === "update");
    if (focus) $("stage-card").focus({ preventScroll: true });
    this.updateHash();
  }

  move(delta) {
    if (this.stages.length) this.showStage(this.index + delta);
  }

  /** Take the traced update (pg.step(1)) and start over on the new parameters. */
  applyUpdate() {
    const { pg, ahead } = this.sessions ?? {};
    if (!pg || this.state.steps >= MAX_STEPS) return;
    const preview = this.state.mode === "batch" ? ahead.parameters() : null;
    const rows = Array.from(pg.nextBatch());
    const report = pg.step(1);
    ahead.step(1);
    this.state.steps += 1;
    this.state.stage = "input";
    let same = null;
    if (preview) {
      const now = pg.parameters();
      same = now.every((layer, l) => ["weights", "biases", "gamma"].every((key) =>
        (layer[key] ?? []).every((v, k) => v === preview[l][key][k])));
    }
    this.status = { n: report.step, rows: rows.join(", "), same };
    if (report.diverged) {
      showError(describeDivergence(report.divergence), {
        title: t("Training diverged."), hint: t("Lower the learning rate (the form) and press Reset."),
      });
    }
    this.retrace();
    this.showStatus();
  }

  /** What the last applied update did (empty before one). */
  showStatus() {
    const s = this.status;
    if (!s) {
      $("apply-status").textContent = "";
      return;
    }
    const check = s.same === null ? ""
      : ` ${s.same ? t("The parameters now equal the ones the update stage showed ✓.") : t("✗ The parameters differ from the preview.")}`;
    $("apply-status").textContent = t("Update {n} applied on training rows {rows}.", s) + check;
  }

  /** The hints beside the fields, with the page's limits and the training set's size. */
  showHints() {
    const hidden = this.description.spec("hidden");
    $("hidden-hint").textContent = t("units per layer, up to {layers} layers of 1–{units}", { layers: hidden.maxLayers, units: hidden.max });
    $("batchSize-hint").textContent = t("1 … {n} (all)", { n: this.trainCount });
    $("example-hint").textContent = `0 … ${this.trainCount - 1}`;
  }

  /** Back to the initial parameters. */
  reset() {
    if (!this.state) return;
    const { state, errors } = this.form.read(this.state);
    if (errors.length) this.showRejected(errors);
    else this.rebuild({ ...state, steps: 0, stage: "input" });
  }

  // ------------------------------------------------------------- optimizers side by side

  /**
   * Rebuild the three runs for `state`'s comparison keys; false (error shown) when the core refuses.
   * @param {ExplorerState} state
   */
  buildRace(state) {
    try {
      this.race.build(state);
    } catch (err) {
      showError(describeError(err, this.form.labelOf("optRate")), {
        title: t("Comparison settings rejected."), hint: t("The previous runs stay on show."),
      });
      return false;
    }
    this.state.optSteps = this.race.steps;
    this.updateHash();
    return true;
  }

  /** The comparison again from its start, with the settings in its fields. */
  restartRace() {
    const { state, errors } = this.form.read(this.state);
    if (errors.length) {
      this.showRejected(errors);
      return;
    }
    Object.assign(this.state, { optRate: state.optRate, optStretch: state.optStretch, optSteps: 0 });
    this.buildRace(this.state);
  }

  raceStep(n) {
    if (!this.race.sessions.length) return;
    this.race.step(Math.min(n, MAX_STEPS - this.state.optSteps));
    this.state.optSteps = this.race.steps;
    this.updateHash();
  }

  /** The stages and the race's canvases are written in the page's language: again after a change. */
  relabel() {
    if (this.trace) this.retrace();
    this.showHints();
    this.showStatus();
    this.race.draw();
  }

  resize() {
    this.dataView.resize();
    if (this.trace) this.drawData();
    this.race.resize();
  }

  handle() {
    return {
      playground: () => this.sessions?.pg ?? null,
      trace: () => this.trace,
      stage: () => this.stages[this.index]?.id,
      stages: () => this.stages.map((s) => s.id),
      race: () => this.race.sessions,
    };
  }
}

new BackpropExplorer().start();
