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
  /**
   * The header and banners every training page shares; the page names what differs.
   * @param {object} options
   * @param {string} options.hook the window property of the read-only handle
   * @param {string} options.skip the skip link's text (it jumps to the main content)
   * @param {string} options.play the play button's title (also pause's unless `pause` is given)
   * @param {string} [options.pause] the title while playing
   * @param {string} options.divergedHint what the diverged banner advises
   * @param {number} options.maxSteps the most updates one frame may run
   * @param {Record<string, import("./fields.js").Widget>} [options.widgets] controls the page
   *   reads itself
   */
  constructor({ hook, skip, play, pause, divergedHint, maxSteps, widgets }) {
    super({
      hook,
      widgets,
      banners: {
        errorHint: "The previous network keeps running.",
        divergedHint,
        noticeTitle: "Some link settings were not understood and use their defaults:",
      },
      header: {
        skip: { text: skip, target: "main" },
        player: {
          label: "Training controls",
          reset: "Reset the network (same seed, same initial weights)",
          play,
          pause,
          step: "One mini-batch update",
        },
        speed: { label: "Speed", title: "Mini-batch updates per animation frame" },
        counters: [["Epoch", "epoch"], ["Steps", "step-counter"]],
      },
      loop: { budgetMs: 8, maxSteps },
    });
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
