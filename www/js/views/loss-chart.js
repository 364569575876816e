/**
 * The loss curve: training and test loss over the whole split, plus the noisy
 * mini-batch loss as a faint line (the lecture's mini-batch picture).
 *
 * One sample per `pg.step(k)` report; the x axis is the step count, the y axis
 * is scaled to the training/test loss (a spiky mini-batch loss is clipped),
 * linear from 0 or logarithmic (powers of ten). `logScale` picks the axis:
 * `true` logarithmic, `false` linear, "auto" (the default) logarithmic once
 * the training/test losses span a decade — so a long run, whose loss falls by
 * orders of magnitude, stays readable instead of flattening onto the axis.
 * The axis title says which scale is drawn, and so does the canvas's
 * `data-y-scale` ("log" or "linear").
 * Another page may pass its own `series` (e.g. two training losses to compare)
 * and feed them with `pushValues(step, { name: value, … })`.
 * When the reports' learning rate α changes (a schedule or a warm-up), it is
 * drawn as a thin line on an axis of its own on the right, from 0 to its
 * largest value (the canvas's `data-rate-max`).
 * With `showSharpness`, that axis is the curvature's instead (views/curvature.js):
 * the sharpness λmax measured along the run (`pushSharpness`) and the line 2/α
 * of every sample's α, on a log scale; the canvas's `data-sharpness-points`
 * counts the λmax points drawn and `data-stable-limit` is the newest 2/α.
 */
import { niceTicks, niceStep, formatTick, setupCanvas, drawYGrid, drawRightAxis } from "./plot.js";
import { SHARPNESS_STYLE, STABLE_STYLE, MAX_DOTS, stableLimits, curvatureScale } from "./curvature.js";
import { t } from "../core/i18n.js";

const MARGIN = { left: 48, right: 10, top: 8, bottom: 30 };
const HEIGHT = 150;
/** With `logScale` "auto", the axis turns logarithmic once the largest loss is this many times the smallest. */
const AUTO_LOG_RATIO = 10;
/** Width taken from the plot, on the right, by the learning rate's axis when it is drawn. */
const RATE_AXIS = 40;
/** How the learning rate is drawn. */
const RATE_STYLE = { color: "#7b3fa0", width: 1, dash: [3, 2] };

/**
 * How a series is drawn.
 * @typedef {{ color: string, width: number, dash: number[] }} SeriesStyle
 */

/** @type {Record<"batch" | "test" | "train", SeriesStyle>} */
export const SERIES_STYLE = {
  batch: { color: "rgba(120, 132, 148, 0.55)", width: 1, dash: [] },
  test: { color: "#b45309", width: 1.8, dash: [5, 3] },
  train: { color: "#1d3557", width: 2, dash: [] },
};

/** The playground's series, drawn in this order; `scaled` ones set the y range. */
export const DEFAULT_SERIES = Object.freeze([
  { name: "batch", style: SERIES_STYLE.batch, scaled: false },
  { name: "test", style: SERIES_STYLE.test, scaled: true },
  { name: "train", style: SERIES_STYLE.train, scaled: true },
]);

export class LossChart {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {{ series?: readonly { name: string, style: SeriesStyle, scaled: boolean }[], height?: number }} [options]
   */
  constructor(canvas, { series = DEFAULT_SERIES, height = HEIGHT } = {}) {
    this.canvas = canvas;
    this.series = series;
    this.cssHeight = height;
    /** @type {boolean | "auto"} logarithmic, linear, or logarithmic once the losses span a decade */
    this.logScale = "auto";
    /** Whether the right axis shows λmax and 2/α (instead of α when it changes). */
    this.showSharpness = false;
    this.reset();
    this.resize();
  }

  /** Forget every sample (a new Playground). */
  reset() {
    this.steps = [];
    /** @type {number[]} the learning rate α of each sample (NaN where unknown) */
    this.rates = [];
    this.values = {};
    for (const s of this.series) this.values[s.name] = [];
    /** λmax measured at some of the steps, in step order. */
    this.sharpness = { steps: [], values: [] };
  }

  resize() {
    const width = Math.max(160, this.canvas.clientWidth || 300);
    const height = this.cssHeight;
    this.canvas.style.height = `${height}px`;
    const { ctx } = setupCanvas(this.canvas, width, height);
    this.ctx = ctx;
    this.width = width;
    this.height = height;
    this.plot = {
      x: MARGIN.left,
      y: MARGIN.top,
      w: width - MARGIN.left - MARGIN.right,
      h: height - MARGIN.top - MARGIN.bottom,
    };
  }

  /** Add one step report (the default series). */
  push(report) {
    this.pushValues(report.step, {
      train: report.trainLoss,
      test: report.testLoss,
      batch: report.step > 0 ? report.batchLoss : NaN,
      rate: report.learningRate,
    });
  }

  /** Add one sample of every series (and the learning rate `rate`) at `step` (NaN where `values` has none). */
  pushValues(step, values) {
    const last = this.steps.length ? this.steps[this.steps.length - 1] : -1;
    if (step === last && this.steps.length) {
      // Same step reported again (step(0) after a rebuild): replace.
      this.steps.pop();
      this.rates.pop();
      for (const s of this.series) this.values[s.name].pop();
    }
    this.steps.push(step);
    this.rates.push(num(values.rate));
    for (const s of this.series) this.values[s.name].push(num(values[s.name]));
  }

  /**
   * Add λmax measured at `step` (after the points before it; a second one at the same step
   * replaces the first).
   * @param {number} step
   * @param {number} lambdaMax
   */
  pushSharpness(step, lambdaMax) {
    const { steps, values } = this.sharpness;
    if (steps.length && steps[steps.length - 1] === step) {
      steps.pop();
      values.pop();
    }
    steps.push(step);
    values.push(lambdaMax);
  }

  /** The largest learning rate when the rates differ (then it gets its axis), else null. */
  rateMax() {
    const finite = this.rates.filter(Number.isFinite);
    return finite.some((r) => r !== finite[0]) ? Math.max(...finite) : null;
  }

  get length() {
    return this.steps.length;
  }

  /** Largest finite loss of the scaled series (of the others only when there is nothing else). */
  maxLoss() {
    let m = 0;
    for (const scaled of [true, false]) {
      for (const s of this.series) {
        if (s.scaled !== scaled) continue;
        for (const v of this.values[s.name]) if (Number.isFinite(v) && v > m) m = v;
      }
      if (m > 0) break;
    }
    return m;
  }

  /**
   * Smallest positive finite loss of any series (`scaledOnly`: of the scaled series).
   * @param {boolean} [scaledOnly]
   */
  minPositiveLoss(scaledOnly = false) {
    let m = Infinity;
    for (const s of this.series) {
      if (scaledOnly && !s.scaled) continue;
      for (const v of this.values[s.name]) if (Number.isFinite(v) && v > 0 && v < m) m = v;
    }
    return m;
  }

  /** Whether the y axis is drawn logarithmic now: asked for, or "auto" and the losses span a decade. */
  isLog() {
    if (this.logScale !== "auto") return this.logScale;
    const max = this.maxLoss();
    return max > 0 && max >= AUTO_LOG_RATIO * this.minPositiveLoss(true);
  }

  /** The y axis: { log, ticks, map(v) → 0..1 }. */
  yAxis() {
    const max = this.maxLoss();
    if (this.isLog() && max > 0) {
      const hi = Math.ceil(Math.log10(max) + 1e-9);
      const lo = Math.min(hi - 1, Math.floor(Math.log10(Math.max(this.minPositiveLoss(), max * 1e-12))));
      const every = Math.max(1, Math.ceil((hi - lo) / 5));
      const ticks = [];
      for (let e = hi; e >= lo; e -= every) ticks.push(10 ** e);
      return { log: true, ticks, map: (v) => (v > 0 ? (Math.log10(v) - lo) / (hi - lo) : -1) };
    }
    let top = 1;
    if (max > 0) {
      const step = niceStep(0, max * 1.05, 4);
      top = Math.ceil((max * 1.05) / step) * step;
    }
    return { log: false, ticks: niceTicks(0, top, 4), map: (v) => v / top };
  }

  draw() {
    const { ctx } = this;
    const limits = this.showSharpness ? stableLimits(this.rates) : null;
    const curvature = limits && curvatureScale([this.sharpness.values, limits]);
    const rateMax = limits ? null : this.rateMax();
    const plot = rateMax === null && !curvature ? this.plot : { ...this.plot, w: this.plot.w - RATE_AXIS };
    this.mark("rateMax", rateMax);
    this.mark("sharpnessPoints", curvature ? this.sharpness.values.filter((v) => v > 0).length : null);
    this.mark("stableLimit", curvature ? limits[limits.length - 1] : null);
    ctx.clearRect(0, 0, this.width, this.height);
    // Steps are whole numbers: start with a 0..10 axis so ticks never show fractions.
    const xMax = Math.max(10, this.steps.length ? this.steps[this.steps.length - 1] : 10);
    const axis = this.yAxis();
    const scale = axis.log ? "log" : "linear";
    if (this.canvas.dataset.yScale !== scale) this.canvas.dataset.yScale = scale;
    const sx = (s) => plot.x + (s / xMax) * plot.w;
    const sy = (v) => plot.y + plot.h - axis.map(v) * plot.h;

    // grid and axes
    ctx.save();
    drawYGrid(ctx, plot, axis.ticks, sy);
    for (const t of niceTicks(0, xMax, Math.max(2, Math.floor(plot.w / 70)))) {
      const x = Math.round(sx(t)) + 0.5;
      ctx.fillRect(x - 0.5, plot.y + plot.h, 1, 3);
      ctx.fillText(formatTick(t), x, plot.y + plot.h + 4);
    }
    ctx.strokeStyle = "#9aa5b1";
    ctx.beginPath();
    ctx.moveTo(plot.x + 0.5, plot.y);
    ctx.lineTo(plot.x + 0.5, plot.y + plot.h + 0.5);
    ctx.lineTo(plot.x + plot.w, plot.y + plot.h + 0.5);
    ctx.stroke();

    ctx.font = "11px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
    ctx.fillStyle = "#3c4654";
    ctx.textAlign = "right";
    ctx.textBaseline = "bottom";
    ctx.fillText(t("step"), plot.x + plot.w, this.height - 1);
    ctx.translate(8, plot.y + plot.h / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillText(axis.log ? t("loss (log scale)") : t("loss (linear scale)"), 0, 0);
    ctx.restore();

    // series, clipped to the plot
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.x, plot.y - 1, plot.w + 1, plot.h + 2);
    ctx.clip();
    for (const s of this.series) this.drawSeries(this.values[s.name], s.style, sx, sy, axis.log);
    if (rateMax !== null) this.drawSeries(this.rates, RATE_STYLE, sx, (r) => plot.y + plot.h - (r / rateMax) * plot.h, false);
    const cy = curvature && ((v) => plot.y + plot.h - curvature.map(v) * plot.h);
    if (curvature) {
      this.drawSeries(limits, STABLE_STYLE, sx, cy, true);
      this.drawSeries(this.sharpness.values, SHARPNESS_STYLE, sx, cy, true, this.sharpness.steps);
      this.drawDots(sx, cy);
    }
    ctx.restore();
    const titleX = this.width - 6;
    if (rateMax !== null) {
      drawRightAxis(ctx, plot, {
        color: RATE_STYLE.color, title: t("learning rate α"), titleX,
        ticks: [{ text: formatTick(rateMax), y: plot.y + 4 }, { text: "0", y: plot.y + plot.h }],
      });
    }
    if (curvature) {
      drawRightAxis(ctx, plot, {
        color: SHARPNESS_STYLE.color, title: t("λmax and 2/α"), titleX,
        ticks: curvature.ticks.map((v) => ({ text: formatTick(v), y: cy(v) })),
      });
    }
  }

  /**
   * Set the canvas's data attribute `name` to `value`, or remove it for null.
   * @param {string} name
   * @param {number | null} value
   */
  mark(name, value) {
    const { dataset } = this.canvas;
    if (value === null) delete dataset[name];
    else if (dataset[name] !== String(value)) dataset[name] = String(value);
  }

  /** A dot at each positive λmax measurement (while there are few enough to tell apart). */
  drawDots(sx, sy) {
    const { ctx } = this;
    const { steps, values } = this.sharpness;
    if (values.length > MAX_DOTS) return;
    ctx.fillStyle = SHARPNESS_STYLE.color;
    values.forEach((v, i) => {
      if (!(v > 0) || !Number.isFinite(v)) return;
      ctx.beginPath();
      ctx.arc(sx(steps[i]), sy(v), 2.5, 0, Math.PI * 2);
      ctx.fill();
    });
  }

  /**
   * One series as a line: `values[i]` at `steps[i]` (the samples' steps unless given), broken
   * where a value is not finite (or, with `log`, not positive).
   */
  drawSeries(values, style, sx, sy, log, steps = this.steps) {
    const { ctx } = this;
    const n = values.length;
    if (n === 0) return;
    // At most ~2 samples per pixel column.
    const stride = Math.max(1, Math.floor(n / (this.plot.w * 2)));
    ctx.strokeStyle = style.color;
    ctx.lineWidth = style.width;
    ctx.setLineDash(style.dash);
    ctx.lineJoin = "round";
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < n; i += stride) {
      const v = values[i];
      if (!Number.isFinite(v) || (log && v <= 0)) {
        pen = false;
        continue;
      }
      const x = sx(steps[i]);
      const y = sy(v);
      if (pen) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
      pen = true;
    }
    // Always end at the newest sample.
    const v = values[n - 1];
    if (pen && Number.isFinite(v) && (n - 1) % stride !== 0) ctx.lineTo(sx(steps[n - 1]), sy(v));
    if (n === 1 && Number.isFinite(v)) {
      ctx.moveTo(sx(steps[0]) - 0.01, sy(v));
      ctx.lineTo(sx(steps[0]) + 2, sy(v));
    }
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

function num(v) {
  return typeof v === "number" ? v : NaN;
}
