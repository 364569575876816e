/**
 * The loss-surface view of one panel. A 2-D surface is drawn as filled,
 * log-spaced contours of the cost over a square window (equal scale on both
 * axes, so an elongated bowl looks elongated), painted by the core
 * (`drawLossSurface`) at the plot's pixel resolution, with the optimizer's path
 * as a polyline from a ringed start to a dot at the current point, and the axes
 * named by `surface.axes`. The "line" kind is a 1-D cut from the initial to the
 * current parameters: the cost along t, with t = 0 and t = 1 marked.
 * The frame, ticks and axis titles come from the decision-boundary view.
 */
import { drawLossSurface } from "../../pkg/nn_playground.js";
import { BoundaryView } from "./boundary.js";
import { t } from "../core/i18n.js";

/** English titles of the axis ids a surface names (translated where drawn). */
const AXIS_TITLES = Object.freeze({
  weight1: "w₁ (weight of x₁)",
  weight2: "w₂ (weight of x₂)",
  bias: "b (bias)",
  randomDelta: "α (random direction δ)",
  randomEta: "β (random direction η)",
  pc1: "PC 1",
  pc2: "PC 2",
  t: "t (0 = initial, 1 = current parameters)",
  eigen1: "v₁ (Hessian's first eigenvector)",
  eigen2: "v₂ (Hessian's second eigenvector)",
  cost: "cost J",
});

/** The title of axis `id`; a weight or bias of first-layer unit `unit` (from 0) names the unit. */
export function axisTitle(id, unit) {
  const title = AXIS_TITLES[id] ?? id;
  if (unit === null || unit === undefined || !(id.startsWith("weight") || id === "bias")) return title;
  const [symbol, rest] = title.split(" (");
  return `${symbol} of unit ${unit + 1} (${rest}`;
}

/** Largest band image, in pixels per side (the canvas scales it up beyond). */
const MAX_IMAGE = 520;
/** Draw a dot at every path vertex up to this many vertices. */
const MAX_PATH_DOTS = 400;
/** A 1-D cut spanning more than this ratio of costs is drawn on a log axis. */
const LOG_RATIO = 30;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const CURRENT_COLOR = "#ff5a36";

/** Keep canvas coordinates of far-away points finite and modest. */
const clampPx = (v) => Math.max(-1e5, Math.min(1e5, v));

export class SurfaceView extends BoundaryView {
  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas) {
    super(canvas);
    this.surface = null;
    this.message = "";
    /** @type {import("../../pkg/nn_playground.js").SurfaceLevels | null} the bands drawn */
    this.levels = null;
    this.logY = false;
  }

  resize() {
    super.resize();
    if (this.surface) this.render();
  }

  /** Show `surface`; with null, an empty frame with `message`. */
  show(surface, message = "") {
    this.surface = surface;
    this.message = message;
    if (surface) this.render();
    else this.hasGrid = false;
    this.draw();
  }

  render() {
    const s = this.surface;
    if (s.kind === "line") {
      this.renderCut(s);
      return;
    }
    this.axisTitles = s.axes.map((id) => axisTitle(id, s.unit));
    this.bounds = [s.xRange[0], s.xRange[1], s.yRange[0], s.yRange[1]];
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const size = Math.max(16, Math.min(MAX_IMAGE, Math.round(this.plot.w * dpr)));
    this.levels = drawLossSurface(this.off, s.values, s.res, size);
    this.hasGrid = this.levels !== null;
  }

  /** The 1-D cut: y axis in cost units, or log₁₀ of the cost when it spans decades. */
  renderCut(s) {
    const [lo, hi] = s.yRange;
    this.logY = lo > 0 && hi / lo > LOG_RATIO;
    this.levels = null;
    this.hasGrid = false;
    const y0 = this.y(lo);
    const y1 = this.y(hi);
    const pad = Math.max((y1 - y0) * 0.08, Math.abs(y1) * 1e-6, 1e-12);
    this.bounds = [s.xRange[0], s.xRange[1], y0 - pad, y1 + pad];
    const [x, y] = s.axes.map((id) => axisTitle(id, s.unit));
    this.axisTitles = [x, this.logY ? `log₁₀ ${y}` : y];
  }

  /** The axes named in the current language (`axisTitles` keeps the English). */
  drawAxes() {
    const english = this.axisTitles;
    this.axisTitles = english.map((title) => t(title));
    try {
      super.drawAxes();
    } finally {
      this.axisTitles = english;
    }
  }

  /** A cost on the cut's y axis. */
  y(cost) {
    return this.logY ? Math.log10(cost) : cost;
  }

  draw() {
    const { ctx, plot } = this;
    const s = this.surface;
    ctx.clearRect(0, 0, this.width, this.height);
    ctx.fillStyle = s && s.kind === "line" ? "#fff" : "#f3f5f8";
    ctx.fillRect(plot.x, plot.y, plot.w, plot.h);
    if (s && this.hasGrid) {
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = "high";
      ctx.drawImage(this.off, plot.x, plot.y, plot.w, plot.h);
    }
    if (!s) {
      this.drawMessage(this.message);
      return;
    }
    this.drawAxes();
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.x, plot.y, plot.w, plot.h);
    ctx.clip();
    if (s.kind === "line") this.drawCut(s);
    else this.drawPath(s.path);
    ctx.restore();
  }

  point(a, b) {
    const [x, y] = this.toCanvas(a, b);
    return [clampPx(x), clampPx(y)];
  }

  drawPath(path) {
    const { ctx } = this;
    const n = path.length >> 1;
    if (n === 0) return;
    ctx.lineJoin = "round";
    ctx.lineCap = "round";
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      const [x, y] = this.point(path[2 * i], path[2 * i + 1]);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.strokeStyle = "rgba(8, 14, 28, 0.55)";
    ctx.lineWidth = 3.6;
    ctx.stroke();
    ctx.strokeStyle = "#fff";
    ctx.lineWidth = 1.6;
    ctx.stroke();
    if (n <= MAX_PATH_DOTS) {
      ctx.fillStyle = "#fff";
      for (let i = 1; i < n - 1; i++) {
        const [x, y] = this.point(path[2 * i], path[2 * i + 1]);
        ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
      }
    }
    this.drawStart(...this.point(path[0], path[1]));
    this.drawCurrent(...this.point(path[2 * n - 2], path[2 * n - 1]));
  }

  /** Ringed marker of the initial parameters. */
  drawStart(x, y) {
    const { ctx } = this;
    ctx.beginPath();
    ctx.arc(x, y, 5.5, 0, Math.PI * 2);
    ctx.lineWidth = 4;
    ctx.strokeStyle = "rgba(8, 14, 28, 0.6)";
    ctx.stroke();
    ctx.lineWidth = 2;
    ctx.strokeStyle = "#fff";
    ctx.stroke();
  }

  /** Filled dot at the current parameters. */
  drawCurrent(x, y) {
    const { ctx } = this;
    ctx.beginPath();
    ctx.arc(x, y, 5.5, 0, Math.PI * 2);
    ctx.fillStyle = CURRENT_COLOR;
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = "#fff";
    ctx.stroke();
  }

  /** The cost along t, the trajectory's projections as ticks, t = 0 and t = 1 marked. */
  drawCut(s) {
    const { ctx, plot } = this;
    const [t0, t1] = s.xRange;
    const res = s.values.length;
    ctx.strokeStyle = "#c5ccd6";
    ctx.setLineDash([4, 3]);
    ctx.lineWidth = 1;
    for (const t of [0, 1]) {
      const [x] = this.point(t, 0);
      ctx.beginPath();
      ctx.moveTo(Math.round(x) + 0.5, plot.y);
      ctx.lineTo(Math.round(x) + 0.5, plot.y + plot.h);
      ctx.stroke();
    }
    ctx.setLineDash([]);

    ctx.fillStyle = "rgba(36, 73, 122, 0.45)";
    for (let i = 0; i + 1 < s.path.length; i += 2) {
      const [x] = this.point(s.path[i], 0);
      ctx.fillRect(x - 0.5, plot.y + plot.h - 7, 1, 7);
    }

    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < res; i++) {
      const v = s.values[i];
      if (!(v > 0 || (!this.logY && Number.isFinite(v)))) {
        pen = false;
        continue;
      }
      const [x, y] = this.point(t0 + ((t1 - t0) * i) / (res - 1), this.y(v));
      if (pen) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
      pen = true;
    }
    ctx.strokeStyle = "#1d3557";
    ctx.lineWidth = 2;
    ctx.lineJoin = "round";
    ctx.stroke();

    const n = s.path.length >> 1;
    const start = this.point(s.path[0], this.y(s.path[1]));
    const now = this.point(s.path[2 * n - 2], this.y(s.path[2 * n - 1]));
    this.drawStart(...start);
    this.drawCurrent(...now);
    ctx.font = `11px ${FONT}`;
    ctx.fillStyle = "#3c4654";
    ctx.textBaseline = "bottom";
    ctx.textAlign = "center";
    ctx.fillText(t("initial"), start[0], start[1] - 8);
    ctx.fillText(t("current"), now[0], now[1] - 8);
  }

  /** A centred, wrapped line of text in an empty frame. */
  drawMessage(text) {
    const { ctx, plot } = this;
    ctx.strokeStyle = "#c5ccd6";
    ctx.lineWidth = 1;
    ctx.strokeRect(plot.x - 0.5, plot.y - 0.5, plot.w + 1, plot.h + 1);
    if (!text) return;
    ctx.font = `13px ${FONT}`;
    ctx.fillStyle = "#3c4654";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    const lines = [];
    let line = "";
    for (const word of t(text).split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (line && ctx.measureText(next).width > plot.w - 32) {
        lines.push(line);
        line = word;
      } else {
        line = next;
      }
    }
    if (line) lines.push(line);
    const top = plot.y + plot.h / 2 - ((lines.length - 1) * 18) / 2;
    lines.forEach((l, i) => ctx.fillText(l, plot.x + plot.w / 2, top + i * 18));
  }
}
