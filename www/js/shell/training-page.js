/**
 * A page that trains one Playground (the playground, the initialization lab):
 * it builds the network from the state's config, steps it, keeps its last
 * report on the loss chart and the readouts, and when training diverges stops
 * the play loop and says why in the banner. The page adds what it draws.
 */
import { Page } from "./page.js";
import { showDiverged, hideDiverged } from "./banners.js";
import { showReport } from "../views/readouts.js";
import { describeDivergence } from "../core/errors.js";

/** @typedef {import("../../pkg/nn_playground.js").Playground} Playground */
/** @typedef {import("../../pkg/nn_playground.js").StepReport} StepReport */

/**
 * @template {import("../core/state.js").State & { speed?: string }} S the page's state
 * @extends {Page<Playground | null, S>}
 */
export class TrainingPage extends Page {
  /** @param {ConstructorParameters<typeof Page>[0]} options */
  constructor(options) {
    super(options);
    /** @type {StepReport | null} the last report */
    this.report = null;
    /** Whether training stopped because the loss or a parameter blew up. */
    this.diverged = false;
    /** @type {import("../views/loss-chart.js").LossChart | null} the loss chart (the page makes it) */
    this.chart = null;
  }

  /** @param {S} state */
  build(state) {
    return new this.wasm.Playground(this.description.toConfig(state));
  }

  /** @param {Playground} pg */
  free(pg) {
    pg.free();
  }

  /** A new network: no divergence yet, an empty chart, and its first report (no update). */
  startTraining() {
    hideDiverged();
    this.diverged = false;
    this.chart.reset();
    this.report = null;
    if (this.sessions) this.record(this.sessions.step(0));
  }

  /** @param {number} k */
  step(k) {
    return this.sessions.step(k);
  }

  /**
   * Keep a report: on the chart and in the readouts; when training diverged, the loop
   * stops and the banner says why.
   * @param {StepReport} report
   */
  record(report) {
    this.report = report;
    this.chart.push(report);
    if (report.diverged && !this.diverged) {
      this.diverged = true;
      this.loop.pause();
      showDiverged(describeDivergence(report.divergence));
    }
    this.chart.draw();
    showReport(report);
  }

  /** Nothing left to train after a divergence: the banner says why. */
  canPlay() {
    if (this.diverged) showDiverged(describeDivergence(this.report?.divergence));
    return !this.diverged;
  }

  relabel() {
    if (this.report) showReport(this.report);
  }

  handle() {
    return { playground: () => this.sessions, report: () => this.report };
  }
}
