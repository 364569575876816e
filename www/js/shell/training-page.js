/**
 * A page that trains one Playground (the playground, the initialization lab):
 * it builds the network from the state's config, steps it, keeps its last
 * report on the loss chart and the readouts, and when training diverges stops
 * the play loop and says why in the banner. The page adds what it draws.
 * With `shareModel`, "Share trained" puts the trained network in a link
 * (js/shell/model-share.js), and a link's network is restored and counted on
 * from its updates (js/shell/linked-models.js).
 */
import { Page } from "./page.js";
import { showDiverged, hideDiverged, showError } from "./banners.js";
import { showReport } from "../views/readouts.js";
import { describeDivergence } from "../core/errors.js";
import { t } from "../core/i18n.js";
import { MODEL_KEY } from "../core/model-link.js";
import { LinkedModels, readModelLink, describeModelProblem } from "./linked-models.js";
import { renderModelShare } from "./model-share.js";

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
   * @param {boolean} [options.shareModel] whether the trained network can be shared in a link
   */
  constructor({ hook, skip, play, pause, divergedHint, maxSteps, widgets, shareModel = false }) {
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
    /** The networks restored from links, when the page shares trained networks. */
    this.models = shareModel ? new LinkedModels() : null;
    /** @type {import("../core/errors.js").CodedError | null} why the last build did not restore its link's network */
    this.modelProblem = null;
  }

  tools() {
    if (!this.models) return;
    renderModelShare(() => ({
      pg: this.sessions, state: this.state, report: this.report, description: this.description, Playground: this.wasm?.Playground,
    }));
  }

  /**
   * The link's settings, and the trained network in its model key (when the page shares them).
   * @param {string} hash
   */
  parseLink(hash) {
    if (!this.models) return super.parseLink(hash);
    const { rest, link } = readModelLink(hash);
    return { ...super.parseLink(rest), link };
  }

  /** @param {import("./linked-models.js").ModelLink | null} link */
  linkChanged(link) {
    return this.models !== null && (link?.text ?? null) !== this.models.text(this.sessions);
  }

  /** The model key while the network shown is the one its link restored. */
  linkParts() {
    const text = this.models?.text(this.sessions);
    return text ? [`${MODEL_KEY}=${text}`] : [];
  }

  /**
   * The network of `state`: restored from the link's weights when it holds some that fit,
   * else new (and why not is kept for `rebuild` to show).
   * @param {S} state
   * @param {import("./linked-models.js").ModelLink | null} [link]
   */
  build(state, link = null) {
    const config = this.description.toConfig(state);
    if (link && this.models) {
      const restored = this.models.restore(this.wasm.Playground, config, link);
      if ("pg" in restored) return restored.pg;
      this.modelProblem = restored.problem;
    }
    return new this.wasm.Playground(config);
  }

  /** Build as every page does; then say why a link's trained network was not restored. */
  rebuild(state, link = null) {
    this.modelProblem = null;
    const built = super.rebuild(state, link);
    if (built && this.modelProblem) {
      showError(describeModelProblem(this.modelProblem), {
        title: t("The trained network in the link was not restored."),
        hint: t("The network starts from its initial weights, with the link's settings."),
      });
    }
    this.modelProblem = null;
    return built;
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
    if (this.sessions) this.record(this.step(0));
  }

  /**
   * k updates; the report counts on from a link's network's updates.
   * @param {number} k
   */
  step(k) {
    const report = this.sessions.step(k);
    return this.models ? this.models.counted(this.sessions, report) : report;
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
