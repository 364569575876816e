/**
 * The decision-boundary view: the network's output over the input plane as a
 * heatmap, with the data points on top and labelled axes.
 *
 * The core paints the outputs on a res×res grid into an off-screen canvas
 * (`paintFrom`: `pg.drawBoundary`), which is then scaled up to the plot area.
 * Classification outputs (probabilities) map to orange(0)…white(0.5)…blue(1);
 * regression outputs on [-1, 1] use the same colours. With three or more classes the core paints each
 * cell in its most probable class's colour, shaded by the confidence. With
 * `discretize` the core paints hard classes instead (class 1 where the output is
 * at least ½, or 0 for regression; else the most probable class). The points
 * take their class's colour (views/colors.js CLASS_COLORS).
 * `axisTitles` names the two axes (another view drawing in the same frame, such
 * as a loss surface, sets its own).
 */
import { colorAt, classColor, cssColor, regressionToUnit } from "./colors.js";
import { niceTicks, formatTick, setupCanvas } from "./plot.js";

const MARGIN = { left: 46, right: 8, top: 8, bottom: 34 };
/** Multiply-adds one heatmap may cost (cells × weights): a couple of milliseconds. */
const HEATMAP_WORK = 2e7;

/**
 * The inputs and output units of a state's network: one input per feature (two without a
 * `features` key), one output unit — or one per class from three classes on.
 * @param {{ features?: readonly string[], classes?: number }} state
 * @returns {{ inputs: number, outputs: number }}
 */
export function shapeOf(state) {
  const classes = state.classes ?? 2;
  return { inputs: state.features?.length ?? 2, outputs: classes > 2 ? classes : 1 };
}

/**
 * Weights of an inputs → hidden… → outputs network (its multiply-adds per point).
 * @param {number[]} hidden
 * @param {{ inputs: number, outputs: number }} [shape] two inputs and one output by default
 */
export function weightCount(hidden, { inputs, outputs } = { inputs: 2, outputs: 1 }) {
  const widths = [inputs, ...hidden, outputs];
  let n = 0;
  for (let i = 1; i < widths.length; i++) n += widths[i - 1] * widths[i];
  return n;
}
const POINT_RADIUS = 3.2;

/**
 * The colour of a data point: its class's (classification, any number of classes), or its target
 * on the orange … blue scale (regression, on [−1, 1]).
 * @param {number} label
 * @param {boolean} regression
 */
export function pointColor(label, regression) {
  return regression ? colorAt(regressionToUnit(label)) : classColor(label);
}

export class BoundaryView {
  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas) {
    this.canvas = canvas;
    this.off = document.createElement("canvas");
    this.bounds = [-6, 6, -6, 6];
    this.regression = false;
    this.train = new Float32Array(0);
    this.test = new Float32Array(0);
    this.hasGrid = false;
    /** Whether `paintFrom` paints hard classes instead of probabilities. */
    this.discretize = false;
    this.axisTitles = ["x₁", "x₂"];
    /** A crosshair in data coordinates ([x, y]) or null: the keyboard cursor of the point editor. */
    this.cursor = null;
    this.resize();
  }

  /** Match the canvas backing store to its CSS size (keeps the plot square). */
  resize() {
    const width = Math.max(160, this.canvas.clientWidth || 300);
    const plot = width - MARGIN.left - MARGIN.right;
    const height = plot + MARGIN.top + MARGIN.bottom;
    this.canvas.style.height = `${height}px`;
    const { ctx } = setupCanvas(this.canvas, width, height);
    this.ctx = ctx;
    this.width = width;
    this.height = height;
    this.plot = { x: MARGIN.left, y: MARGIN.top, w: plot, h: plot };
  }

  /** New data: domain bounds [xmin, xmax, ymin, ymax], train/test points, problem type. */
  setData({ bounds, train, test, regression }) {
    this.bounds = Array.from(bounds);
    this.train = train;
    this.test = test;
    this.regression = regression;
    this.hasGrid = false;
  }

  /**
   * Let the core compute `pg`'s outputs over the data bounds and paint them into the off-screen
   * image itself (its colour map is the pages'; no per-pixel loop in JS), at
   * `pixelResolution(hidden, shape)` cells per side, as hard classes with `discretize`.
   * @param {{ drawBoundary(canvas: HTMLCanvasElement, res: number, xmin: number, xmax: number, ymin: number, ymax: number, discretize?: boolean): void }} pg
   * @param {number[]} hidden the network's hidden layer widths
   * @param {{ inputs: number, outputs: number }} [shape] its inputs and output units (see `shapeOf`)
   */
  paintFrom(pg, hidden, shape) {
    const [xmin, xmax, ymin, ymax] = this.bounds;
    pg.drawBoundary(this.off, this.pixelResolution(hidden, shape), xmin, xmax, ymin, ymax, this.discretize);
    this.hasGrid = true;
  }

  /**
   * Cells per side matching the plot's device pixels, so the heatmap is as crisp as the screen,
   * as far as the network's cost per point allows (a couple of milliseconds), and at least 24.
   * @param {number[]} hidden
   * @param {{ inputs: number, outputs: number }} [shape] the inputs and output units (see `shapeOf`)
   */
  pixelResolution(hidden, shape) {
    const pixels = Math.round(this.plot.w * (window.devicePixelRatio || 1));
    const affordable = Math.floor(Math.sqrt(HEATMAP_WORK / weightCount(hidden, shape)));
    return Math.max(24, Math.min(affordable, pixels));
  }

  /** Data → canvas (CSS pixel) coordinates. */
  /** Canvas (CSS pixel) → data coordinates; null outside the plot area. */
  toData(cx, cy) {
    const [xmin, xmax, ymin, ymax] = this.bounds;
    const { x: px, y: py, w, h } = this.plot;
    if (cx < px || cx > px + w || cy < py || cy > py + h) return null;
    return [xmin + ((cx - px) / w) * (xmax - xmin), ymax - ((cy - py) / h) * (ymax - ymin)];
  }

  toCanvas(x, y) {
    const [xmin, xmax, ymin, ymax] = this.bounds;
    const { x: px, y: py, w, h } = this.plot;
    return [px + ((x - xmin) / (xmax - xmin)) * w, py + ((ymax - y) / (ymax - ymin)) * h];
  }

  /** Redraw everything: heatmap, axes, points. */
  draw({ showTestData = false } = {}) {
    const { ctx, plot } = this;
    ctx.clearRect(0, 0, this.width, this.height);
    ctx.fillStyle = "#f3f5f8";
    ctx.fillRect(plot.x, plot.y, plot.w, plot.h);
    if (this.hasGrid) {
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = "high";
      ctx.drawImage(this.off, plot.x, plot.y, plot.w, plot.h);
    }
    this.drawAxes();
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.x, plot.y, plot.w, plot.h);
    ctx.clip();
    this.drawPoints(this.train, false);
    if (showTestData) this.drawPoints(this.test, true);
    if (this.cursor) this.drawCursor(this.cursor);
    ctx.restore();
  }

  drawPoints(points, isTest) {
    const { ctx } = this;
    ctx.lineWidth = isTest ? 1.3 : 1;
    ctx.strokeStyle = isTest ? "#222" : "#fff";
    for (let i = 0; i + 2 < points.length; i += 3) {
      const [cx, cy] = this.toCanvas(points[i], points[i + 1]);
      ctx.beginPath();
      ctx.arc(cx, cy, POINT_RADIUS, 0, Math.PI * 2);
      ctx.globalAlpha = isTest ? 0.45 : 1;
      ctx.fillStyle = cssColor(pointColor(points[i + 2], this.regression));
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.stroke();
    }
  }

  drawCursor([x, y]) {
    const { ctx } = this;
    const [cx, cy] = this.toCanvas(x, y);
    ctx.save();
    for (const [color, width] of /** @type {[string, number][]} */ ([["#fff", 3.5], ["#1c2430", 1.5]])) {
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.beginPath();
      ctx.arc(cx, cy, 7, 0, Math.PI * 2);
      ctx.moveTo(cx - 12, cy);
      ctx.lineTo(cx - 3, cy);
      ctx.moveTo(cx + 3, cy);
      ctx.lineTo(cx + 12, cy);
      ctx.moveTo(cx, cy - 12);
      ctx.lineTo(cx, cy - 3);
      ctx.moveTo(cx, cy + 3);
      ctx.lineTo(cx, cy + 12);
      ctx.stroke();
    }
    ctx.restore();
  }

  drawAxes() {
    const { ctx, plot } = this;
    const [xmin, xmax, ymin, ymax] = this.bounds;
    ctx.save();
    ctx.strokeStyle = "#c5ccd6";
    ctx.lineWidth = 1;
    ctx.strokeRect(plot.x - 0.5, plot.y - 0.5, plot.w + 1, plot.h + 1);
    ctx.fillStyle = "#5b6573";
    ctx.font = "10px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (const t of niceTicks(xmin, xmax, 5)) {
      const [x] = this.toCanvas(t, ymin);
      ctx.fillRect(x - 0.5, plot.y + plot.h, 1, 3);
      ctx.fillText(formatTick(t), x, plot.y + plot.h + 4);
    }
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const t of niceTicks(ymin, ymax, 5)) {
      const [, y] = this.toCanvas(xmin, t);
      ctx.fillRect(plot.x - 3, y - 0.5, 3, 1);
      ctx.fillText(formatTick(t), plot.x - 5, y);
    }
    ctx.font = "italic 12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
    ctx.fillStyle = "#3c4654";
    ctx.textAlign = "center";
    ctx.textBaseline = "bottom";
    ctx.fillText(this.axisTitles[0], plot.x + plot.w / 2, this.height - 1);
    ctx.save();
    ctx.translate(8, plot.y + plot.h / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = "middle";
    ctx.fillText(this.axisTitles[1], 0, 0);
    ctx.restore();
    ctx.restore();
  }
}
