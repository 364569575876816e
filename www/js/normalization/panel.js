/**
 * One side of the Normalization lab (raw inputs, or what the right side
 * compares them with): its Playground session and everything drawn from it —
 * the loss surface with the optimizer's path, the data with the decision
 * boundary, the loss curve, the readouts and the divergence notice. The markup
 * comes from a <template> so both sides are built the same way. Its loss
 * surfaces are computed in the compute worker (./surfaces.js), with a progress
 * note when one is slow.
 */
import { BoundaryView } from "../views/boundary.js";
import { LossChart } from "../views/loss-chart.js";
import { SurfaceView } from "../views/surface.js";
import { SurfaceWindow } from "./window.js";
import { SurfaceRequests } from "./surfaces.js";
import { DelayedProgress } from "../views/progress.js";
import { renderFigures } from "../views/figures.js";
import { showPanelReadouts, stepsToTarget, formatKappa } from "./readouts.js";
import { formatLoss, formatNumber } from "../core/format.js";
import { describeError, describeDivergence } from "../core/errors.js";
import { t } from "../core/i18n.js";

/** The coarsest loss surface worth drawing, in nodes per side: a network too big for it gets a message instead. */
const MIN_SURFACE_RES = 15;

/** What the progress note says while a surface of a kind is computed. */
const COMPUTING = {
  hessian: "Computing the Hessian's top eigenvectors…",
  other: "Computing the loss surface…",
};

/** Activations whose units can saturate (layerStats' `saturated`). */
const SATURATING = new Set(["tanh", "sigmoid"]);

const CAPTIONS = {
  random: "Plane of two filter-normalized random directions δ, η through the current parameters.",
  line: "Cost along θ₀ + t·(θ − θ₀), from the initial (t = 0) to the current parameters (t = 1); ticks mark where the path's points project.",
  normalizedUnit: "Normalized, the cost is the same all along each ray from the origin: scaling the unit's weights scales its z, which the normalization divides back out.",
};

/** "0.03", "1.8e-4". */
export function formatRate(x) {
  if (!Number.isFinite(x)) return "–";
  return x >= 0.01 && x < 1e4 ? String(+x.toPrecision(3)) : x.toExponential(2).replace(/\.?0+e/, "e");
}

export class Panel {
  /**
   * @param {HTMLTemplateElement} template
   * @param {import("./state.js").Side} side
   * @param {HTMLElement} container
   * @param {(keyPath: string) => string} label the visible label of the control a key names
   */
  constructor(template, side, container, label) {
    const root = /** @type {HTMLElement} */ (template.content.firstElementChild.cloneNode(true));
    renderFigures(root);
    container.append(root);
    this.root = root;
    this.setSide(side);
    this.label = label;
    this.surfaceView = new SurfaceView(/** @type {HTMLCanvasElement} */ (this.el("[data-view=surface]")));
    this.surfaceView.draw(); // its empty frame, until the worker sends the first surface
    this.boundaryView = new BoundaryView(/** @type {HTMLCanvasElement} */ (this.el("[data-view=boundary]")));
    this.chart = new LossChart(/** @type {HTMLCanvasElement} */ (this.el("[data-view=loss]")));
    this.window = new SurfaceWindow();
    this.surfaces = new SurfaceRequests();
    this.progress = new DelayedProgress(this.el("[data-role=surface-progress]"), this.el("[data-out=surface-progress]"));
    /** @type {import("../../pkg/nn_playground.js").Playground | null} */
    this.pg = null;
    /** @type {import("../../pkg/nn_playground.js").StepReport | null} */
    this.report = null;
    /** @type {import("../../pkg/nn_playground.js").Conditioning | null} */
    this.conditioning = null;
    /** @type {import("../../pkg/nn_playground.js").LossSurface | null} */
    this.surface = null;
    /** @type {number | null} the update count the surface shown was computed at */
    this.surfaceStep = null;
    /** @type {number | null} the share of the first hidden layer's outputs saturated, when it can saturate */
    this.saturated = null;
    this.diverged = false;
    /** @type {import("./fair.js").Rate | null} */
    this.rate = null;
  }

  /**
   * Name the panel after `side`: its id, title, and the divergence banner's id (which its ×
   * closes, through data-close, in banners.js).
   * @param {import("./state.js").Side} side
   */
  setSide(side) {
    this.side = side;
    this.root.dataset.side = side.id;
    this.root.id = `panel-${side.id}`;
    const title = this.el("h2");
    title.id = `${side.id}-title`;
    title.textContent = side.title;
    this.root.setAttribute("aria-labelledby", title.id);
    const diverged = this.el("[data-role=diverged]");
    diverged.id = `diverged-${side.id}`;
    /** @type {HTMLElement} */ (diverged.querySelector("[data-close]")).dataset.close = diverged.id;
  }

  /**
   * The element of the panel that `selector` matches.
   * @param {string} selector
   */
  el(selector) {
    return /** @type {HTMLElement} */ (this.root.querySelector(selector));
  }

  /** Take over a new session (the old one is freed) at learning rate `rate.learningRate`. */
  attach(pg, rate, { logScale }) {
    if (this.pg) this.pg.free();
    this.pg = pg;
    this.rate = rate;
    this.diverged = false;
    this.surfaces.cancel();
    this.progress.stop();
    this.surface = null;
    this.surfaceStep = null;
    this.window.reset();
    this.el("[data-role=diverged]").hidden = true;
    this.chart.reset();
    this.chart.logScale = logScale;
    const config = pg.config();
    this.boundaryView.setData({
      bounds: pg.bounds(),
      train: pg.points("train"),
      test: pg.points("test"),
      regression: config.problem === "regression",
    });
    this.config = config;
    const head = this.el("[data-out=rate]");
    head.textContent = `α = ${formatRate(rate.learningRate)}`;
    head.title = rate.method ? `Fair learning rate for this side (${rate.method})` : "Learning rate (shared by both sides)";
    head.classList.toggle("fair", !!rate.method);
    // Batch normalization without a hidden layer normalizes nothing: this side is the raw one.
    this.el("[data-role=nothing-normalized]").hidden = !(config.batchNorm === "on" && config.hidden.length === 0);
    this.onReport(pg.step(0));
    this.refreshConditioning();
  }

  /** `k` updates (none once diverged). */
  step(k) {
    if (!this.pg || this.diverged) return this.report;
    this.onReport(this.pg.step(k));
    return this.report;
  }

  onReport(r) {
    this.report = r;
    this.chart.push(r);
    if (r.diverged && !this.diverged) {
      this.diverged = true;
      this.el("[data-out=diverged-text]").textContent = describeDivergence(r.divergence);
      this.el("[data-role=diverged]").hidden = false;
    }
  }

  /** Recompute the decision boundary (skipped after divergence: the last finite one stays). */
  refreshBoundary() {
    if (!this.pg) return;
    if (!this.diverged) {
      this.boundaryView.paintFrom(this.pg, this.config.hidden);
    }
    this.boundaryView.draw();
  }

  /**
   * The loss surface (`kind`, `unit`, `res` nodes per side) at the session's current update,
   * computed in the compute worker and drawn when it comes (or why the core refused it). A slow
   * one shows the progress note, unless `quiet` (a routine refresh while training plays: the
   * surface shown stays until the next one, and a note would come and go every time).
   * @param {import("../../pkg/nn_playground.js").SurfaceRequest["kind"]} kind
   * @param {number} unit
   * @param {number} res
   * @param {boolean} [quiet]
   * @returns {Promise<number | null>} the milliseconds the worker took to compute it (without
   *   bringing its replica of the session up to date; for a refusal, the time it took to come), or
   *   null when a newer request or a new session made it stale
   */
  async refreshSurface(kind, unit, res, quiet = false) {
    if (!this.pg) return null;
    const steps = this.report.step;
    const t0 = performance.now();
    if (!quiet) this.progress.start(COMPUTING[kind] ?? COMPUTING.other);
    let surface = null;
    let message = "";
    try {
      surface = await this.fittedSurface(kind, unit, res, steps);
      if (!surface) return null;
    } catch (err) {
      if (err?.cancelled) return null;
      message = err?.code === "needsTraining"
        ? "Train for a few steps first: this plane is fitted to the optimizer's path."
        : this.surfaceRefused(err);
    }
    const ms = surface ? this.surfaces.lastMs : performance.now() - t0;
    this.progress.stop();
    this.surface = surface;
    this.surfaceStep = steps;
    if (surface) this.window.update(surface, unit);
    else this.window.reset();
    this.surfaceView.show(surface, message);
    this.el("[data-out=surface-caption]").textContent = surface ? this.caption(surface, unit) : "";
    return ms;
  }

  /**
   * The surface at `res` nodes per side after `steps` updates or, when that is more than one call
   * of the core may do with this network, at the most it allows (at least MIN_SURFACE_RES; below
   * that the refusal stands). Null when a newer request made it stale.
   * @returns {Promise<import("../../pkg/nn_playground.js").LossSurface | null>}
   */
  async fittedSurface(kind, unit, res, steps) {
    try {
      return await this.surfaces.compute(this.pg, steps, this.window.request(kind, unit, res));
    } catch (err) {
      const most = err?.code === "tooMuchWork" && err.key === "res" ? Number(err.params?.max) : 0;
      if (!(most >= MIN_SURFACE_RES && most < res)) throw err;
      return this.surfaces.compute(this.pg, steps, this.window.request(kind, unit, most));
    }
  }

  /**
   * Why the core refused a loss surface, named by the control it comes from ("Loss surface must be
   * at most 34 nodes per side with this network and data; got 41", "Hidden unit must be …") and,
   * when the network is too big for it, what makes it fit.
   */
  surfaceRefused(err) {
    const refused = describeError(err, this.label(err?.key === "unit" ? "unit" : "surface"));
    return err?.code === "tooMuchWork" ? `${refused}. ${t("Fewer or smaller hidden layers make it fit.")}` : refused;
  }

  caption(s, unit) {
    if (s.kind === "line") return CAPTIONS.line;
    const levels = this.surfaceView.levels;
    const contours = levels
      ? `${levels.count} log-spaced bands of J from ${formatLoss(levels.lo)} to ${formatLoss(levels.hi)}.`
      : "";
    let what = CAPTIONS[s.kind] ?? "";
    if (s.kind === "pca" && s.explained) {
      const pct = (x) => `${(x * 100).toFixed(1)} %`;
      what = `Plane of the path's two principal directions (${pct(s.explained[0])} and ${pct(s.explained[1])} of its variance).`;
    } else if (s.kind === "hessian" && s.eigenvalues) {
      const [l1, l2] = s.eigenvalues.map(formatNumber);
      what = `Plane of the Hessian's two top eigenvectors: λ₁ = ${l1}, λ₂ = ${l2}, κ of the plane ${formatKappa(Math.abs(s.eigenvalues[0] / s.eigenvalues[1]))}.`;
    } else if (s.kind === "weights2d") {
      const model = this.config.problem === "regression" ? "linear" : "logistic";
      what = this.config.hidden.length
        ? `Input weights of hidden unit ${unit + 1}; every other parameter at its current value.${this.config.batchNorm === "on" ? ` ${CAPTIONS.normalizedUnit}` : ""}`
        : `The exact cost of the ${model} regression over its two weights, bias at its current value.`;
    }
    return `${what} ${contours}`.trim();
  }

  /**
   * Condition numbers at the current weights (the Hessian's change as the model trains), and the
   * share of the first hidden layer's tanh or sigmoid outputs saturated now (null without one).
   */
  refreshConditioning() {
    if (!this.pg || this.diverged) return;
    this.conditioning = this.pg.conditioning();
    const { hidden, activation } = this.config;
    this.saturated = hidden.length && SATURATING.has(activation) ? this.pg.layerStats(256)[0].saturated : null;
  }

  /** Readouts against `target`; returns the step the target was reached at, null if not yet, undefined without a target. */
  showNumbers(target) {
    const reached = this.pg && Number.isFinite(target) ? stepsToTarget(this.pg.history(), target) : undefined;
    showPanelReadouts(this.root, { conditioning: this.conditioning, report: this.report, reached, saturated: this.saturated });
    return reached;
  }

  drawCharts() {
    this.chart.draw();
  }

  resize() {
    this.surfaceView.resize();
    this.boundaryView.resize();
    this.chart.resize();
    this.surfaceView.draw();
    this.boundaryView.draw();
    this.chart.draw();
  }

  free() {
    if (this.pg) this.pg.free();
    this.pg = null;
  }
}
