/**
 * The Initialization lab (initialization.html): one deep Playground, trained
 * while playing; the loss curve every frame and — as often as their own cost
 * allows — the per-layer strips from `pg.layerStats(points)`, the depth chart
 * and the decision boundary. The page controller (js/shell/page.js) does the
 * loading, the link, the settings and the play loop; here the network is
 * described by depth × width, the presets set the lecture's cases and
 * "Fix it" switches a badly scaled initialization to the right one — or
 * "or normalize every layer" keeps it and turns batch normalization on.
 */
import { TrainingPage } from "../shell/training-page.js";
import { PRESETS, describeLab, applyPreset, presetOf } from "./state.js";
import { fixOf, describeFix, normalizes } from "./fix.js";
import { BoundaryView, weightCount } from "../views/boundary.js";
import { LossChart } from "../views/loss-chart.js";
import { LayerStrips, formatValue } from "./layers.js";
import { DepthChart } from "./depth.js";
import { FormulaPanel } from "./formula.js";
import { ActivationPanel, curveArgs } from "./activation.js";
import { parseNumber } from "../core/hash.js";
import { t } from "../core/i18n.js";
import "./ko.js";

/** Multiply-adds one `layerStats` call may cost (≈ 3 × points × weights): a few ms. */
const STATS_WORK = 3e6;
const STATS_POINTS = [32, 256];
/** Time per frame the strips and the boundary may take on average, each; slower ones skip frames. */
const DRAW_BUDGET_MS = 3;

const $ = (id) => document.getElementById(id);
/** The fields the hidden layers are read from: how many, and how wide each. */
const depthField = () => /** @type {HTMLInputElement} */ ($("depth"));
const widthField = () => /** @type {HTMLInputElement} */ ($("width"));
/**
 * `x` within [lo, hi].
 * @param {number} x
 * @param {readonly number[]} range
 */
const clamp = (x, [lo, hi]) => Math.max(lo, Math.min(hi, x));

/** Runs a drawing at most as often as its last duration fits DRAW_BUDGET_MS per frame. */
class Paced {
  constructor(draw) {
    this.draw = draw;
    this.ms = 0;
    this.waited = 0;
  }

  /** Draw now if due (or `force`d). */
  tick(force = false) {
    this.waited++;
    if (!force && this.waited < Math.ceil(this.ms / DRAW_BUDGET_MS)) return;
    this.waited = 0;
    const t0 = performance.now();
    this.draw();
    this.ms = performance.now() - t0;
  }
}

/** @typedef {import("../../pkg/nn_playground.js").Playground} Playground */
/** @typedef {import("./state.js").LabState} LabState */

/** @extends {TrainingPage<LabState>} */
class InitializationLab extends TrainingPage {
  constructor() {
    super({
      hook: "nnInit",
      skip: "Skip to the lab",
      play: "Play / pause training (space)",
      divergedHint: "Training stopped; the last finite state stays drawn. Pick a better initialization or a lower learning rate.",
      maxSteps: 10000,
      widgets: {
        // The network is drawn as depth × width: every hidden layer the same width.
        hidden: {
          read: () => this.readDepthAndWidth(),
          write: (/** @type {number[]} */ hidden) => {
            depthField().value = String(hidden.length);
            widthField().value = String(hidden[0]);
          },
          control: (keyPath) => (/\[\d+\]/.test(keyPath) ? widthField() : depthField()),
        },
      },
    });
    this.stats = [];
    this.statsPoints = STATS_POINTS[1];
    this.stripsPace = new Paced(() => this.drawStats());
    this.boundaryPace = new Paced(() => this.drawBoundary());
  }

  describe(schema) {
    return describeLab(schema);
  }

  /** The hidden layers of the depth and width fields: whole layers within the limits, as link text. */
  readDepthAndWidth() {
    const text = depthField().value;
    const depth = parseNumber(text);
    const maxLayers = this.description.spec("hidden").maxLayers;
    if (Number.isNaN(depth)) return { problem: { code: "wrongType", params: { expected: "number", got: text } } };
    if (!(depth >= 1 && depth <= maxLayers)) return { problem: { code: "outOfRange", params: { min: 1, max: maxLayers, got: depth } } };
    if (!Number.isInteger(depth)) return { problem: { code: "notWhole", params: { got: depth } } };
    return Array(depth).fill(widthField().value.trim()).join(",");
  }

  prepare() {
    $("preset").append(new Option("Custom", "custom"), ...PRESETS.map((p) => new Option(p.label, p.id)));
    this.boundaryView = new BoundaryView(/** @type {HTMLCanvasElement} */ ($("boundary")));
    this.chart = new LossChart(/** @type {HTMLCanvasElement} */ ($("loss-chart")));
    this.strips = new LayerStrips(/** @type {HTMLOListElement} */ ($("strips")));
    this.depthChart = new DepthChart(/** @type {HTMLCanvasElement} */ ($("depth-chart")));
    this.formulas = new FormulaPanel(
      {
        caption: $("formula-caption"), body: /** @type {HTMLTableSectionElement} */ ($("formula-body")),
        weights: $("weights-readout"), symmetry: $("symmetry-readout"),
      },
      (...args) => this.wasm.initVariance(...args),
    );
    this.activationPanel = new ActivationPanel(
      /** @type {HTMLCanvasElement} */ ($("activation-chart")), $("activation-formula"), $("activation-text"),
    );
    $("fix-it").addEventListener("click", () => this.applyFix(fixOf));
    $("normalize-fix").addEventListener("click", () => this.applyFix((s) => (normalizes(s) ? { batchNorm: "on" } : null)));
  }

  /**
   * A fix (fix.js), built on the form's settings: "Fix it" gives the right scale for their
   * activation, "or normalize every layer" batch normalization.
   * @param {(state: LabState) => object | null} fixFor the settings a state's fix changes, or null
   */
  applyFix(fixFor) {
    if (!this.state) return;
    const { state: read, errors } = this.form.read(this.state);
    if (errors.length) {
      this.showRejected(errors);
      return;
    }
    const fix = fixFor(read);
    const focused = $("fix-field").contains(document.activeElement);
    // The button goes: the preset menu, which now names the fixed case, takes the focus.
    if (fix && this.rebuild({ ...read, ...fix }) && focused) $("preset").focus();
  }

  /**
   * "Fix it" while the initialization is not at the right scale, naming what it switches to,
   * and beside it "or normalize every layer" when batch normalization would do instead.
   */
  showFix() {
    const fix = fixOf(this.state);
    $("fix-field").hidden = !fix;
    $("normalize-fix").hidden = !normalizes(this.state);
    if (!fix) return;
    const { text, title } = describeFix(this.state, fix);
    const button = $("fix-it");
    button.textContent = text;
    button.title = title;
  }

  adopt() {
    const { sessions: pg, state } = this;
    const weights = weightCount(state.hidden);
    this.statsPoints = clamp(Math.floor(STATS_WORK / weights), STATS_POINTS);
    $("stats-points").textContent = String(Math.min(this.statsPoints, pg.points("train").length / 3));
    const regression = state.problem === "regression";
    this.boundaryView.setData({ bounds: pg.bounds(), train: pg.points("train"), test: pg.points("test"), regression });
    $("scale-min").textContent = regression ? "−1" : "0";
    this.startTraining();
    this.stripsPace.tick(true);
    this.boundaryPace.tick(true);
    this.activationPanel.show(state.activation, this.wasm.activationCurve(...curveArgs(state.activation)));
    /** @type {HTMLSelectElement} */ ($("preset")).value = presetOf(this.description, state, this.wasm.deepLinearToy)?.id ?? "custom";
    this.showFix();
    $("bn-note").hidden = state.batchNorm !== "on";
  }

  /**
   * @param {string} key
   * @param {LabState} next
   */
  settingChanged(key, next) {
    if (key === "preset") {
      const preset = PRESETS.find((p) => p.id === /** @type {HTMLSelectElement} */ ($("preset")).value);
      return preset ? applyPreset(this.description, this.state, preset, this.wasm.deepLinearToy) : null;
    }
    next.problem = this.description.problemOf(next.dataset) ?? next.problem;
    return next;
  }

  viewChanged() {
    this.strips.update(this.stats, { activation: this.state.activation, gradient: this.state.gradient });
  }

  // ------------------------------------------------------------- drawing

  /** c of the deep linear toy (identity weights, linear units), or null. */
  toyScale() {
    const s = this.state;
    return s.init === "identity" && s.activation === "linear" ? s.initScale : null;
  }

  drawStats() {
    if (!this.sessions) return;
    this.stats = this.sessions.layerStats(this.statsPoints);
    this.strips.update(this.stats, { activation: this.state.activation, gradient: this.state.gradient });
    const c = this.toyScale();
    this.depthChart.draw(this.stats, c);
    this.showToy(c);
    if (this.stats.length) this.formulas.showTable(this.state, this.stats[Math.min(1, this.stats.length - 1)]);
    this.formulas.showLive(this.stats);
  }

  /**
   * The deep linear toy's readout: the last layer's RMS over the first's against c^(l−1) — or,
   * with every layer normalized, against 1.
   * @param {number | null} c the toy's scale, or null when the state is not the toy
   */
  showToy(c) {
    const readout = $("toy-readout");
    $("toy-key").hidden = c === null;
    readout.hidden = c === null || this.stats.length < 2;
    if (readout.hidden) return;
    const last = this.stats[this.stats.length - 1];
    const ratio = last.actRms / this.stats[0].actRms;
    const predicted = c ** (last.layer - 1);
    const values = { layer: last.layer, ratio: formatValue(ratio), c, power: last.layer - 1, predicted: formatValue(predicted) };
    readout.textContent = this.state.batchNorm === "on"
      ? t("Deep linear toy, every layer normalized: RMS of layer {layer} = {rms}, layer {layer} / layer 1 = {ratio}, "
        + "not {c}^{power} = {predicted} as without normalization (the dotted line).", { ...values, rms: formatValue(last.actRms) })
      : t("Deep linear toy: hidden layer l outputs c^l·x. RMS of layer {layer} / layer 1 = {ratio} = {c}^{power} = {predicted} (relative difference {difference}).",
        { ...values, difference: Math.abs(ratio / predicted - 1).toExponential(0) });
  }

  drawBoundary() {
    const pg = this.sessions;
    if (!pg) return;
    if (!this.diverged) {
      this.boundaryView.paintFrom(pg, this.state.hidden);
    }
    this.boundaryView.draw();
  }

  // ------------------------------------------------------------- playing

  /**
   * @param {import("../../pkg/nn_playground.js").StepReport} r
   * @param {{ forced: boolean }} options
   */
  show(r, { forced }) {
    this.record(r);
    this.stripsPace.tick(forced);
    this.boundaryPace.tick(forced);
  }

  paused() {
    if (!this.sessions) return;
    this.stripsPace.tick(true);
    this.boundaryPace.tick(true);
  }

  /** Canvas text (chart axes) is drawn in the current language: redraw everything. */
  resize() {
    this.boundaryView.resize();
    this.chart.resize();
    this.strips.resize();
    this.depthChart.resize();
    this.chart.draw();
    if (!this.sessions) return;
    this.boundaryView.draw();
    this.strips.update(this.stats, { activation: this.state.activation, gradient: this.state.gradient });
    this.depthChart.draw(this.stats, this.toyScale());
    this.showToy(this.toyScale());
    this.activationPanel.show(this.state.activation, this.wasm.activationCurve(...curveArgs(this.state.activation)));
  }

  relabel() {
    super.relabel();
    this.resize();
  }

  handle() {
    return { ...super.handle(), stats: () => this.stats, statsPoints: () => this.statsPoints };
  }
}

new InitializationLab().start();
