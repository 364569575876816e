/**
 * The playground page (index.html): one Playground, trained while playing,
 * with the decision boundary, the loss chart, the network diagram and the
 * user's own data. The page controller (js/shell/page.js) does the loading,
 * the link, the settings and the play loop; this module builds the network
 * and draws. Boundary and diagram are redrawn as often as their measured cost
 * allows.
 */
import { TrainingPage } from "../shell/training-page.js";
import { describePlayground } from "./state.js";
import { CUSTOM } from "../core/state.js";
import { BoundaryView, shapeOf } from "../views/boundary.js";
import { LossChart } from "../views/loss-chart.js";
import { DiagramTiles, NetworkView } from "../views/network.js";
import { updateThumbnails } from "../views/thumbnails.js";
import { ConfusionView } from "../views/confusion.js";
import { showClassKey } from "../views/class-key.js";
import { multiClassDatasets, fitClasses } from "../core/classes.js";
import { choiceLabel } from "../core/labels.js";
import { showReport, cancelGradientCheck, runGradientCheck } from "../views/readouts.js";
import { runSharpness, cancelSharpness, showSharpnessRefused } from "../views/sharpness.js";
import { SharpnessTrack } from "./sharpness-track.js";
import { formatLoss } from "../core/format.js";
import { hideError } from "../shell/banners.js";
import { DataTools } from "./data-tools.js";
import { customBounds, shownPoints, relabel } from "./point-editor.js";
import { setElementSnippet, elementSnippet } from "../shell/share.js";
import { showChosenFields } from "../shell/fields.js";
import { t } from "../core/i18n.js";
import "./ko.js";

const BOUNDARY_BUDGET_MS = 12;
/** Resolution of each unit's heatmap in the network diagram. */
const UNIT_RES = 24;
/** While playing, the diagram and the noise readout are refreshed every this many frames (or more). */
const NETWORK_EVERY = 4;
/** …and spend at most about this long per frame on it, on average. */
const NETWORK_BUDGET_MS = 1;
/** While playing, the confusion matrix is counted again at most this often. */
const CONFUSION_EVERY_MS = 250;

const $ = (id) => document.getElementById(id);

/** @typedef {import("../../pkg/nn_playground.js").Playground} Playground */
/** @typedef {import("./state.js").PlaygroundState} PlaygroundState */

/** @extends {TrainingPage<PlaygroundState>} */
class PlaygroundPage extends TrainingPage {
  constructor() {
    super({
      hook: "nnPlayground",
      skip: "Skip to the playground",
      play: "Play: train continuously (space)",
      pause: "Pause training (space)",
      divergedHint: "Training stopped; the last finite state stays drawn. Lower the learning rate and press Reset.",
      maxSteps: 100000,
      shareModel: true,
      // The input features are chosen on the network diagram's input nodes.
      widgets: {
        features: {
          read: () => this.features.join(","),
          write: (/** @type {string[]} */ features) => (this.features = [...features]),
        },
      },
    });
    /** @type {string[]} the input features the diagram shows chosen */
    this.features = [];
    this.frameCount = 0;
    this.boundaryMs = 0;
    this.networkMs = 0;
    this.trainCount = 0;
    this.confusionAt = 0;
  }

  describe(schema) {
    return describePlayground(schema);
  }

  prepare() {
    this.boundaryView = new BoundaryView(/** @type {HTMLCanvasElement} */ ($("boundary")));
    this.confusion = new ConfusionView($("confusion"));
    /** The datasets that take more than two classes (the core refuses the others). */
    this.multiClass = multiClassDatasets(this.wasm.Playground, this.description.datasetsFor("classification"));
    this.showClassesHint();
    this.chart = new LossChart(/** @type {HTMLCanvasElement} */ ($("loss-chart")));
    this.sharpnessTrack = new SharpnessTrack({
      chart: this.chart,
      current: () => (this.sessions && this.report && !this.diverged ? { pg: this.sessions, step: this.report.step } : null),
      failed: showSharpnessRefused,
    });
    const hidden = this.description.spec("hidden");
    this.network = new NetworkView($("network"), (layers) => {
      /** @type {HTMLInputElement} */ ($("hidden")).value = layers.join(",");
      this.applySettings("hidden");
    }, {
      fit: true, maxLayers: hidden.maxLayers, maxUnits: hidden.max,
      features: { choices: this.description.spec("features").choices, onChange: (features) => this.chooseFeatures(features) },
    });
    this.tiles = new DiagramTiles(UNIT_RES);
    this.dataTools = new DataTools({
      wasm: this.wasm,
      view: this.boundaryView,
      chartCanvas: /** @type {HTMLCanvasElement} */ ($("loss-chart")),
      state: () => this.state,
      playground: () => this.sessions,
      report: () => this.report,
      usePoints: (points, problem) => this.usePoints(points, problem),
      useModel: (pg) => this.useModel(pg),
      redraw: () => this.boundaryView.draw({ showTestData: this.state.showTestData }),
      label: (keyPath) => this.form.labelOf(keyPath),
      maxClasses: this.description.spec("classes").max,
    });
    setElementSnippet(() => elementSnippet(this.description));
    $("full-batch").addEventListener("click", () => this.fullBatch());
    $("regenerate").addEventListener("click", () => this.regenerate());
    $("grad-check").addEventListener("click", () => runGradientCheck(this.sessions));
    $("sharpness").addEventListener("click", () => runSharpness(this.sessions, this.state.learningRate));
  }

  /**
   * A Playground (restored from the link's `link` when it holds one), or null for custom data of
   * fewer than two points (drawn, nothing to train).
   * @param {PlaygroundState} state
   * @param {import("../shell/linked-models.js").ModelLink | null} [link]
   */
  build(state, link = null) {
    if (state.dataset === CUSTOM && state.points.length < 6) return null;
    return super.build(state, link);
  }

  adopt() {
    const { sessions: pg, state } = this;
    this.frameCount = 0;
    this.chart.logScale = state.logScale;
    this.sharpnessTrack.reset();
    this.startTraining();
    cancelGradientCheck();
    cancelSharpness();
    this.showTracking();
    const regression = state.problem === "regression";
    this.showFor(state);
    if (!pg) {
      this.loop.pause();
      this.boundaryView.setData({
        bounds: customBounds(state.points, state),
        train: shownPoints(state.points, state),
        test: new Float32Array(0),
        regression,
      });
      this.boundaryView.draw({ showTestData: false });
      this.confusion.show(null);
      this.chart.draw();
      showReport({ epoch: 0, step: 0, trainLoss: null, testLoss: null, trainAccuracy: null, testAccuracy: null });
      this.dataTools.update(state);
      return;
    }
    this.boundaryView.setData({ bounds: pg.bounds(), train: pg.points("train"), test: pg.points("test"), regression });
    $("scale-min").textContent = regression ? "−1" : "0";
    this.network.render(state);
    this.trainCount = pg.points("train").length / 3;
    /** @type {HTMLInputElement} */ ($("batchSize")).max = String(this.trainCount);
    $("batch-hint").textContent = t("of {n}", { n: this.trainCount });
    this.drawBoundary();
    this.drawNetwork();
    this.showNoise();
    this.confusion.show(regression ? null : pg);
    updateThumbnails(this.wasm.Playground, { ...state, multiClass: this.multiClass }, this.description.problemOf);
    this.dataTools.update(state);
  }

  /**
   * The controls that depend on the problem type, the optimizer and the learning-rate schedule.
   * @param {PlaygroundState} state
   */
  showFor(state) {
    for (const group of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".thumbs[data-problem]"))) {
      group.hidden = group.dataset.problem !== state.problem && group.dataset.problem !== CUSTOM;
      // With more classes, the datasets of two classes only are dimmed (choosing one sets 2).
      group.classList.toggle("many-classes", state.classes > 2);
    }
    $("classes").closest(".field").toggleAttribute("hidden", state.problem === "regression");
    showClassKey($("boundary").closest("figure"), state.problem === "regression" ? 2 : state.classes);
    showChosenFields(document, state);
  }

  /**
   * @param {string} key
   * @param {PlaygroundState} next
   */
  settingChanged(key, next) {
    if (key === "dataset") this.dataTools.setEditing(next.dataset === CUSTOM); // "Yours" is chosen to be edited
    if (key === "problem" && next.dataset !== CUSTOM && !this.description.datasetsFor(next.problem).includes(next.dataset)) {
      next.dataset = this.description.defaultDatasetFor(next.problem);
    }
    if (next.dataset === CUSTOM && this.state.dataset !== CUSTOM && next.points.length === 0) {
      next.points = this.dataTools.editablePoints(); // the first switch to custom data starts from the data on screen
    }
    if (next.dataset === CUSTOM && next.problem !== this.state.problem) next.points = relabel(next.points, next.problem);
    fitClasses(key, next, this.multiClass);
    this.showFor(next);
    return next;
  }

  viewChanged() {
    this.chart.logScale = this.state.logScale;
    this.showTracking();
    this.drawBoundary();
    this.drawNetwork();
    this.chart.draw();
  }

  /**
   * λmax and 2/α on the loss chart, and their keys in its legend, while `trackSharpness` is on;
   * turned on, λmax of the network as it is now.
   */
  showTracking() {
    const on = this.state.trackSharpness;
    this.chart.showSharpness = on;
    for (const key of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[data-sharpness-key]"))) key.hidden = !on;
    if (on) this.sharpnessTrack.now();
  }

  /**
   * The user's points (the core's coordinates) for `problem`: a network on them.
   * @param {number[]} points
   * @param {PlaygroundState["problem"]} problem
   */
  usePoints(points, problem) {
    const next = fitClasses("points", { ...this.description.clone(this.state), dataset: CUSTOM, points: [...points], problem }, this.multiClass);
    if (!this.rebuild(next)) return false;
    this.form.write(this.state);
    return true;
  }

  /**
   * A Playground restored from a saved model: its config becomes the page's state.
   * @param {Playground} pg
   */
  useModel(pg) {
    const config = pg.config();
    const next = this.description.clone(this.state);
    for (const key of this.description.configKeys) if (key in config) next[key] = config[key];
    next.points = config.points ?? [];
    if (this.sessions) this.free(this.sessions);
    this.sessions = pg;
    this.state = next;
    this.form.write(next);
    hideError();
    this.adopt();
    this.updateHash();
  }

  // ------------------------------------------------------------- drawing

  drawBoundary() {
    const pg = this.sessions;
    if (pg && !this.diverged) {
      const t0 = performance.now();
      this.boundaryView.discretize = this.state.discretize;
      this.boundaryView.paintFrom(pg, this.state.hidden, shapeOf(this.state));
      this.boundaryMs = performance.now() - t0;
    }
    this.boundaryView.draw({ showTestData: this.state.showTestData });
  }

  /** The network diagram: every unit's output over the plane, links from the weights or the last gradient. */
  drawNetwork() {
    const pg = this.sessions;
    if (!pg || this.diverged) return;
    const t0 = performance.now();
    this.network.update({ layers: pg.parameters(), ...this.tiles.paint(pg), showGradients: this.state.showGradients });
    this.networkMs = performance.now() - t0;
  }

  /** The measured noise of the mini-batch loss (null until enough updates are recorded). */
  showNoise() {
    const noise = this.sessions.batchLossNoise(undefined); // the core's window, 21 records
    const out = $("batch-noise");
    const ready = typeof noise === "number";
    out.textContent = ready ? formatLoss(noise) : t("after 21 steps");
    out.classList.toggle("pending", !ready);
    if (ready) out.dataset.value = String(noise);
    else delete out.dataset.value;
  }

  // ------------------------------------------------------------- playing

  /**
   * A new report: chart, readouts, and the boundary unless it would show a blown-up state.
   * @param {import("../../pkg/nn_playground.js").StepReport} r
   * @param {{ forced: boolean }} options
   */
  show(r, { forced }) {
    if (!forced) this.frameCount++;
    this.record(r);
    if (!this.diverged && (forced || this.frameCount % Math.max(1, Math.ceil(this.boundaryMs / BOUNDARY_BUDGET_MS)) === 0)) {
      this.drawBoundary();
    }
    if (forced || this.frameCount % Math.max(NETWORK_EVERY, Math.ceil(this.networkMs / NETWORK_BUDGET_MS)) === 0) {
      this.drawNetwork();
      this.showNoise();
    }
    if (this.state.trackSharpness) {
      if (forced) this.sharpnessTrack.now();
      else this.sharpnessTrack.tick();
    }
    if (forced || performance.now() - this.confusionAt > CONFUSION_EVERY_MS) this.countConfusion();
  }

  /** The confusion matrix at the current weights (a classification's; hidden for a regression). */
  countConfusion() {
    this.confusionAt = performance.now();
    if (!this.diverged) this.confusion.show(this.state.problem === "regression" ? null : this.sessions);
  }

  /** Beside the Classes field, the datasets that take more than two. */
  showClassesHint() {
    const field = $("classes").closest(".field");
    let hint = $("classes-hint");
    if (!hint) {
      hint = field.appendChild(Object.assign(document.createElement("span"), { className: "hint", id: "classes-hint" }));
      $("classes").setAttribute("aria-describedby", hint.id);
    }
    const names = [...this.multiClass, CUSTOM].map((d) => t(choiceLabel("dataset", d)));
    hint.textContent = t("3 or more: {datasets}", { datasets: names.join(", ") });
  }

  paused() {
    if (this.sessions && !this.diverged) {
      this.drawBoundary();
      this.drawNetwork();
      this.showNoise();
      this.countConfusion();
      if (this.state.trackSharpness) this.sharpnessTrack.now();
    }
  }

  // ------------------------------------------------------------- buttons

  /**
   * Other input features, chosen on the diagram: the network is rebuilt as for any setting (a
   * refused build keeps the features it had).
   * @param {string[]} features
   */
  chooseFeatures(features) {
    this.features = features;
    this.applySettings("features");
    this.features = [...this.state.features];
  }

  /** Full-batch gradient descent: the batch size becomes the training set size. */
  fullBatch() {
    if (!this.trainCount) return;
    /** @type {HTMLInputElement} */ ($("batchSize")).value = String(this.trainCount);
    this.applySettings("batchSize");
  }

  regenerate() {
    /** @type {HTMLInputElement} */ ($("seed")).value = String(this.wasm?.freshSeed() ?? 1);
    this.applySettings("seed");
  }

  relabel() {
    super.relabel();
    if (this.trainCount) $("batch-hint").textContent = t("of {n}", { n: this.trainCount });
    this.showClassesHint();
    if (this.sessions) this.showNoise();
    this.chart.draw();
    this.boundaryView.draw({ showTestData: this.state?.showTestData });
  }

  resize() {
    this.boundaryView.resize();
    this.chart.resize();
    if (this.sessions) this.boundaryView.draw({ showTestData: this.state.showTestData });
    this.chart.draw();
  }

  /** The page's handle, with the λmax points on the loss chart (`sharpness`: [{ step, lambdaMax }]). */
  handle() {
    const points = () => {
      const { steps, values } = this.chart.sharpness;
      return steps.map((step, i) => ({ step, lambdaMax: values[i] }));
    };
    return { ...super.handle(), sharpness: points };
  }

}

new PlaygroundPage().start();
