/**
 * The signal and the gradients across depth: for each hidden layer the
 * standard deviation of its activations, of the backpropagated δ and of
 * ∂J/∂W, on a logarithmic axis, so a signal that vanishes or explodes layer
 * after layer shows as a straight slope. In the deep linear toy a dashed line
 * adds the lecture's prediction c^(l−1) × (layer 1's value).
 */
import { setupCanvas, drawYGrid } from "../views/plot.js";
import { BLUE, ORANGE } from "../views/colors.js";

const MARGIN = { left: 40, right: 10, top: 8, bottom: 18 };
const HEIGHT = 170;

export const DEPTH_SERIES = Object.freeze([
  { key: "actStd", label: "activations a", color: `rgb(${BLUE.join(",")})`, dash: [] },
  { key: "deltaStd", label: "δ", color: `rgb(${ORANGE.join(",")})`, dash: [] },
  { key: "gradStd", label: "∂J/∂W", color: "#6b7280", dash: [4, 3] },
]);

export class DepthChart {
  /** @param {HTMLCanvasElement} canvas */
  constructor(canvas) {
    this.canvas = canvas;
    this.resize();
  }

  /** Measure the canvas's CSS width (on resize only: reading it in the frame loop forces a layout). */
  resize() {
    this.width = Math.max(160, this.canvas.clientWidth || 300);
  }

  /**
   * @param {import("../../pkg/nn_playground.js").LayerStats[]} stats from `pg.layerStats()`
   * @param {number|null} toyScale c of the deep linear toy, or null
   */
  draw(stats, toyScale = null) {
    const width = this.width;
    const { ctx } = setupCanvas(this.canvas, width, HEIGHT);
    const plot = { x: MARGIN.left, y: MARGIN.top, w: width - MARGIN.left - MARGIN.right, h: HEIGHT - MARGIN.top - MARGIN.bottom };
    ctx.clearRect(0, 0, width, HEIGHT);
    const n = stats.length;
    const prediction = toyScale === null || n === 0 ? null : stats.map((_, i) => stats[0].actStd * toyScale ** i);

    let lo = Infinity;
    let hi = -Infinity;
    for (const values of [...DEPTH_SERIES.map((s) => stats.map((l) => l[s.key])), prediction ?? []]) {
      for (const v of values) {
        if (v > 0 && Number.isFinite(v)) {
          lo = Math.min(lo, Math.log10(v));
          hi = Math.max(hi, Math.log10(v));
        }
      }
    }
    if (!(hi >= lo)) [lo, hi] = [-1, 1];
    lo = Math.floor(lo);
    hi = Math.max(lo + 1, Math.ceil(hi));
    const sx = (i) => plot.x + (n <= 1 ? plot.w / 2 : (i / (n - 1)) * plot.w);
    const sy = (v) => plot.y + plot.h - ((Math.log10(v) - lo) / (hi - lo)) * plot.h;

    const every = Math.max(1, Math.ceil((hi - lo) / 5));
    const exponents = [];
    for (let e = hi; e >= lo; e -= every) exponents.push(e);
    drawYGrid(ctx, plot, exponents, (e) => sy(10 ** e), { label: (e) => (e === 0 ? "1" : `1e${e}`) });
    const labelEvery = Math.max(1, Math.ceil(n / Math.max(2, Math.floor(plot.w / 28))));
    for (let i = 0; i < n; i += labelEvery) ctx.fillText(String(i + 1), sx(i), plot.y + plot.h + 4);

    if (prediction) this.line(ctx, prediction, sx, sy, { color: "#1b6e3a", dash: [2, 3], width: 3 });
    for (const s of DEPTH_SERIES) this.line(ctx, stats.map((l) => l[s.key]), sx, sy, { color: s.color, dash: s.dash, width: 2 });
  }

  line(ctx, values, sx, sy, { color, dash, width }) {
    ctx.save();
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = width;
    ctx.setLineDash(dash);
    ctx.beginPath();
    let pen = false;
    values.forEach((v, i) => {
      if (!(v > 0 && Number.isFinite(v))) {
        pen = false;
        return;
      }
      if (pen) ctx.lineTo(sx(i), sy(v));
      else ctx.moveTo(sx(i), sy(v));
      pen = true;
    });
    ctx.stroke();
    ctx.setLineDash([]);
    values.forEach((v, i) => {
      if (v > 0 && Number.isFinite(v) && values.length <= 24) {
        ctx.beginPath();
        ctx.arc(sx(i), sy(v), 2.2, 0, Math.PI * 2);
        ctx.fill();
      }
    });
    ctx.restore();
  }
}
