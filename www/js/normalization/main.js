/**
 * The Normalization lab (normalization.html): two Playground sessions from one
 * state — raw inputs, and beside them the same inputs standardized or every
 * hidden layer normalized (the `compare` key), otherwise identical — stepped in
 * lockstep: every frame both take the same number of updates, within a time
 * budget. Loss surfaces (computed in the compute worker, one at a time per
 * panel) and decision boundaries are recomputed on a schedule (one panel per
 * frame at most, spaced by their measured cost); readouts, loss curves and the
 * shared comparison chart follow every frame. The page
 * controller (js/shell/page.js) does the loading, the link, the settings and
 * the play loop.
 */
import { Page } from "../shell/page.js";
import { RAW, COMPARISONS, PRESETS, describeLab, sidesOf, comparisonChosen, sideConfig, configKey, presetOf } from "./state.js";
import { Panel, formatRate } from "./panel.js";
import { RefreshSchedule } from "./schedule.js";
import { startFold, startSideSwitch, nameComparedSide } from "./layout.js";
import { suggestRates, cachedRates, cancelRates, describeRates } from "./fair.js";
import { bestLoss } from "./readouts.js";
import { LossChart } from "../views/loss-chart.js";
import { formatLoss } from "../core/format.js";
import { updateThumbnails } from "../views/thumbnails.js";
import { t } from "../core/i18n.js";
import "./ko.js";
import "../playground/ko.js"; // after the lab's strings, so its general patterns are tried last

/** Auto target: this much above the lowest loss the right side reached. */
const TARGET_MARGIN = 0.05;
/**
 * Surface grids, in nodes per side: the full one when the worker is expected to compute it within
 * STILL_SURFACE_MS while the page is still, or within PLAYING_FULL_MS while it plays (surfaces are
 * refreshed every 150 ms at most, so the worker stays mostly idle); the first one of a side, not
 * yet timed, is asked for in full. Otherwise the fine one while it comes within FAST_SURFACE_MS,
 * else the coarse one. Never more than the core allows with the network: see Panel.fittedSurface.
 */
const FULL_RES = 101;
const FINE_RES = 51;
const COARSE_RES = 41;
const PLAYING_FULL_MS = 20;
const FAST_SURFACE_MS = 50;
const STILL_SURFACE_MS = 400;

/** The panels: the raw side, and the right side. */
const PANELS = 2;

const COMPARE_SERIES = [
  { name: "raw", style: { color: "#c2410c", width: 2, dash: [6, 3] }, scaled: true },
  { name: "compared", style: { color: "#1d3557", width: 2, dash: [] }, scaled: true },
];

const $ = (id) => document.getElementById(id);
/** The page's own controls: the unit and preset menus and the fair-rates button. */
const unitMenu = () => /** @type {HTMLSelectElement} */ ($("unit"));
const presetMenu = () => /** @type {HTMLSelectElement} */ ($("preset"));
const fairButton = () => /** @type {HTMLButtonElement} */ ($("fair"));

/**
 * Both sides, their sessions, and the learning rate each was built with.
 * @typedef {{ sides: import("./state.js").Side[], made: import("../../pkg/nn_playground.js").Playground[], rates: import("./fair.js").Rate[], pending: boolean }} Sides
 *   `pending`: fair rates were asked for and are being computed (the sides use the state's rate meanwhile)
 */

/** @typedef {import("./state.js").NormalizationState} NormalizationState */

/** @extends {Page<Sides, NormalizationState>} */
class NormalizationLab extends Page {
  constructor() {
    super({
      hook: "nnNormalization",
      banners: {
        errorHint: "Both sides keep running with their previous settings.",
        noticeTitle: "These link settings were not understood; their defaults are used:",
      },
      header: {
        skip: { text: "Skip to the two panels", target: "panels" },
        player: {
          label: "Training controls, both sides at once",
          reset: "Rebuild both sides from the same seed and initial weights",
          play: "Train both sides in lockstep (space)",
          step: "One update on each side",
        },
        speed: { label: "Updates per frame" },
        counters: [["Updates", "step-counter"]],
      },
      loop: { budgetMs: 8, maxSteps: 100000 },
      widgets: {
        // The unit menu lists the first hidden layer's units (none without one).
        unit: { read: () => unitMenu().value || "0", write: (unit) => (unitMenu().value = String(unit)), control: unitMenu },
      },
    });
    this.panels = [];
    this.target = NaN;
    /** The config whose fair rates are being (or were last) computed. */
    this.ratesKey = "";
    // Surfaces are computed off the main thread: each side's worker is kept at most half busy.
    this.surfaces = new RefreshSchedule(PANELS, { minInterval: 150, costFactor: 1 });
    this.boundaries = new RefreshSchedule(PANELS, { minInterval: 120, costFactor: 10 });
  }

  describe(schema) {
    return describeLab(schema);
  }

  prepare() {
    const template = /** @type {HTMLTemplateElement} */ ($("panel-template"));
    this.panels = [RAW, COMPARISONS.std].map((side) => new Panel(template, side, $("panels"), (keyPath) => this.form.labelOf(keyPath)));
    this.compare = new LossChart(/** @type {HTMLCanvasElement} */ ($("compare-chart")), { series: COMPARE_SERIES, height: 190 });
    const custom = new Option("custom", "custom");
    presetMenu().append(...PRESETS.map((p) => new Option(p.label, p.id)), custom);
    custom.disabled = true;
    fairButton().addEventListener("click", () => this.toggleFair());
    this.fold = startFold(/** @type {HTMLButtonElement} */ ($("more-toggle")));
    this.sideSwitch = /** @type {HTMLElement} */ (document.querySelector(".lab-switch"));
    startSideSwitch(this.sideSwitch, $("panels"));
  }

  /** As the page controller does, and a refused setting in the folded settings unfolds them. */
  showRejected(errors) {
    super.showRejected(errors);
    if ($("more-settings").querySelector("[aria-invalid=true]")) this.fold.open();
  }

  /**
   * Both sides: at the state's rate, or each at its fair rate when asked and already known (else
   * at the state's rate until `adopt` has them computed); on any refusal the new ones are freed.
   * @param {NormalizationState} state
   * @returns {Sides}
   */
  build(state) {
    const key = configKey(this.description, state);
    const known = state.fair ? cachedRates(key) : null;
    if (!state.fair || key !== this.ratesKey) cancelRates();
    const sides = sidesOf(state);
    const made = [];
    try {
      for (const [i, side] of sides.entries()) {
        made.push(new this.wasm.Playground(sideConfig(this.description, state, side, known?.[i].learningRate ?? state.learningRate)));
      }
    } catch (err) {
      for (const pg of made) pg.free();
      throw err;
    }
    const rates = known ?? sides.map(() => ({ learningRate: state.learningRate, method: null }));
    return { sides, made, rates, pending: state.fair && !known };
  }

  /** The panels free the sessions they replace (Panel.attach). */
  free() {}

  adopt() {
    const { sides, made, rates } = this.sessions;
    this.panels[1].setSide(sides[1]);
    this.nameCompared();
    this.panels.forEach((panel, i) => panel.attach(made[i], rates[i], this.state));
    this.compare.reset();
    this.compare.logScale = this.state.logScale;
    this.surfaces.forget();
    this.boundaries.forget();
    this.showFair(rates);
    if (this.sessions.pending) this.findRates();
    this.writeUnits();
    presetMenu().value = presetOf(this.state)?.id ?? "custom";
    updateThumbnails(this.wasm.Playground, this.state, this.description.problemOf);
    this.refresh({ all: true });
  }

  showFair(rates) {
    const button = fairButton();
    button.setAttribute("aria-pressed", String(this.state.fair));
    button.textContent = this.state.fair ? t("Same learning rate") : t("Fair learning rates");
    $("fair-info").textContent = this.sessions?.pending
      ? t("Computing each side's learning rate…")
      : this.state.fair
        ? describeRates(this.sessions.sides, rates)
        : t("Both sides use α = {rate}.", { rate: formatRate(this.state.learningRate) });
  }

  /**
   * Each side's fair rate, computed in the compute worker while the page goes on; then both
   * sides start over at their rates (unless the settings changed meanwhile).
   */
  async findRates() {
    const state = this.state;
    const key = configKey(this.description, state);
    this.ratesKey = key;
    try {
      await suggestRates(key, sidesOf(state).map((side) => sideConfig(this.description, state, side)));
      if (this.state === state) this.rebuild(this.description.clone(state));
    } catch (err) {
      if (err?.cancelled || this.state !== state) return;
      this.showRejected([err]);
      this.rebuild({ ...this.description.clone(state), fair: false });
    }
  }

  /** The hidden-unit selector for the first hidden layer. */
  writeUnits() {
    const units = this.state.hidden[0] ?? 0;
    const select = unitMenu();
    const options = [];
    for (let i = 0; i < units; i++) options.push(new Option(t("unit {n}", { n: i + 1 }), String(i)));
    select.replaceChildren(...options);
    select.value = String(Math.min(this.state.unit, Math.max(0, units - 1)));
    $("unit-field").hidden = units === 0;
  }

  /**
   * @param {string} key
   * @param {NormalizationState} next
   */
  settingChanged(key, next) {
    if (key === "preset") {
      const preset = PRESETS.find((p) => p.id === presetMenu().value);
      if (preset) Object.assign(next, { scale: [...preset.scale], rotation: preset.rotation, offset: [...preset.offset] });
    }
    next.problem = this.description.problemOf(next.dataset) ?? next.problem;
    if (key === "learningRate") next.fair = false;
    if (key === "compare") comparisonChosen(next);
    const units = next.hidden[0] ?? 0;
    next.unit = units ? Math.min(next.unit, units - 1) : 0;
    return next;
  }

  /** @param {NormalizationState} previous */
  viewChanged(previous) {
    const surfaceChanged = previous.surface !== this.state.surface || previous.unit !== this.state.unit;
    if (surfaceChanged) {
      for (const p of this.panels) p.window.reset();
      this.surfaces.forget();
    }
    this.compare.logScale = this.state.logScale;
    for (const p of this.panels) p.chart.logScale = this.state.logScale;
    this.refresh({ all: surfaceChanged });
  }

  toggleFair() {
    if (!this.state) return;
    const { state: next, errors } = this.form.read(this.state);
    if (errors.length) {
      this.showRejected(errors);
      return;
    }
    next.fair = !this.state.fair;
    this.rebuild(next);
  }

  // ------------------------------------------------------------- drawing

  /** The target loss: the user's, or 0.05 above the right side's best so far (none before it trained). */
  currentTarget() {
    if (this.state.target !== "auto") return this.state.target;
    const compared = this.panels[1];
    if (!compared?.pg || !(compared.report?.step > 0)) return NaN;
    return bestLoss(compared.pg.history()) + TARGET_MARGIN;
  }

  /** The right side's name where the page shows both: the narrow screen's switch, the chart's legend. */
  nameCompared() {
    const side = this.sessions.sides[1];
    nameComparedSide(this.sideSwitch, $("panels"), side);
    $("compared-key").textContent = side.legend;
  }

  /** After stepping: surfaces and boundaries when due (all of them with `all`), then numbers and charts. */
  refresh({ all = false } = {}) {
    const { panels, surfaces, boundaries, state } = this;
    const now = performance.now();
    const surfaceDue = all ? panels.map((_, i) => i) : [surfaces.due(now)].filter((i) => i >= 0);
    for (const i of surfaceDue) {
      this.requestSurface(i, !all && this.loop.playing);
      panels[i].refreshConditioning();
    }
    const boundaryDue = all ? panels.map((_, i) => i) : [boundaries.due(now)].filter((i) => i >= 0);
    for (const i of boundaryDue) {
      const t0 = performance.now();
      panels[i].refreshBoundary();
      boundaries.done(i, performance.now() - t0, now);
    }

    const step = Math.max(...panels.map((p) => p.report?.step ?? 0));
    const [raw, compared] = panels.map((p) => (p.diverged ? NaN : p.report.trainLoss));
    this.compare.pushValues(step, { raw, compared });
    this.compare.draw();

    this.target = this.currentTarget();
    $("target-value").textContent = Number.isFinite(this.target) ? `J ≤ ${formatLoss(this.target)}` : "J ≤ –";
    for (const p of panels) {
      p.showNumbers(this.target);
      p.drawCharts();
    }
    $("step-counter").textContent = String(step);
  }

  /**
   * Panel `i`'s loss surface, from the compute worker; the schedule hears when it came and what
   * it cost (a stale one, replaced by a newer request, does not count).
   * @param {number} i
   * @param {boolean} quiet a routine refresh while playing: no progress note (Panel.refreshSurface)
   */
  async requestSurface(i, quiet) {
    const { surfaces, state } = this;
    const full = surfaces.predict(i, FULL_RES ** 2) <= (this.loop.playing ? PLAYING_FULL_MS : STILL_SURFACE_MS);
    const res = full ? FULL_RES : surfaces.predict(i, FINE_RES ** 2) <= FAST_SURFACE_MS ? FINE_RES : COARSE_RES;
    surfaces.begin(i);
    const ms = await this.panels[i].refreshSurface(state.surface, state.unit, res, quiet);
    const drawn = this.panels[i].surface?.res ?? res;
    if (ms !== null) surfaces.done(i, ms, performance.now(), drawn * drawn);
  }

  // ------------------------------------------------------------- playing

  /** @param {number} k */
  step(k) {
    for (const p of this.panels) p.step(k);
  }

  /**
   * @param {unknown} _result
   * @param {{ forced: boolean }} options
   */
  show(_result, { forced }) {
    this.refresh({ all: forced });
    if (this.panels.every((p) => p.diverged)) this.loop.pause();
  }

  canPlay() {
    return !this.panels.every((p) => p.diverged);
  }

  paused() {
    if (this.state) this.refresh({ all: true });
  }

  relabel() {
    for (const p of this.panels) {
      p.progress.relabel();
      p.surfaceView.draw();
      p.drawCharts();
    }
    this.compare.draw();
    if (this.sessions) {
      this.showFair(this.sessions.rates);
      this.writeUnits();
    }
  }

  resize() {
    for (const p of this.panels) p.resize();
    this.compare.resize();
    this.compare.draw();
  }

  handle() {
    return {
      target: () => this.target,
      sides: () => this.panels.map((p) => Object.freeze({
        id: p.side.id,
        playground: p.pg,
        report: p.report,
        surface: p.surface,
        surfaceStep: p.surfaceStep,
        surfaceMessage: p.surfaceView.message,
        conditioning: p.conditioning,
        learningRate: p.rate?.learningRate,
        method: p.rate?.method ?? null,
        diverged: p.diverged,
      })),
    };
  }
}

new NormalizationLab().start();
