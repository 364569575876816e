/**
 * Small plotting helpers shared by the canvases: device-pixel-ratio setup,
 * "nice" axis ticks, compact tick labels, the labelled horizontal grid and an
 * axis of its own at a plot's right edge.
 */

/** Colours of the axis text and of the grid lines. */
const TICK_TEXT = "#5b6573";
const GRID = "#e3e7ed";

/**
 * Size a canvas for crisp drawing at the device pixel ratio.
 * Drawing afterwards uses CSS pixels.
 * @param {HTMLCanvasElement} canvas
 * @param {number} cssWidth
 * @param {number} cssHeight
 */
export function setupCanvas(canvas, cssWidth, cssHeight) {
  const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
  const w = Math.round(cssWidth * dpr);
  const h = Math.round(cssHeight * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext("2d");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { ctx, dpr };
}

/** A step of 1, 2 or 5 × 10^k giving about `count` intervals over [lo, hi]. */
export function niceStep(lo, hi, count) {
  const span = Math.abs(hi - lo);
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  return (norm < 1.5 ? 1 : norm < 3.5 ? 2 : norm < 7.5 ? 5 : 10) * mag;
}

/** Tick positions: multiples of a nice step inside [lo, hi]. */
export function niceTicks(lo, hi, count) {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi <= lo) return [];
  const step = niceStep(lo, hi, count);
  const out = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) {
    out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
    if (out.length > 50) break;
  }
  return out;
}

/**
 * In the axis style (10 px grey text, 1 px lines): a grid line across `plot` at
 * each of `ticks` (at pixel row `sy(t)`) labelled `label(t)` left of it, `gap`
 * pixels away; `lineColor(t)` picks each line's colour. Leaves the context set
 * for labels centred under the plot.
 * @param {CanvasRenderingContext2D} ctx
 * @param {{ x: number, y: number, w: number, h: number }} plot
 * @param {number[]} ticks
 * @param {(t: number) => number} sy
 * @param {{ label?: (t: number) => string, gap?: number, lineColor?: (t: number) => string }} [options]
 */
export function drawYGrid(ctx, plot, ticks, sy, { label = formatTick, gap = 5, lineColor = () => GRID } = {}) {
  ctx.font = "10px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  ctx.fillStyle = TICK_TEXT;
  ctx.lineWidth = 1;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const t of ticks) {
    const y = Math.round(sy(t)) + 0.5;
    ctx.strokeStyle = lineColor(t);
    ctx.beginPath();
    ctx.moveTo(plot.x, y);
    ctx.lineTo(plot.x + plot.w, y);
    ctx.stroke();
    ctx.fillText(label(t), plot.x - gap, y);
  }
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
}

/** Compact tick label: 0.5, 12, 1.5k, 2e-4. */
export function formatTick(t) {
  const a = Math.abs(t);
  if (a === 0) return "0";
  if (a >= 1e5 || a < 1e-3) return t.toExponential(0).replace("e+", "e");
  if (a >= 1e4) return `${+(t / 1000).toFixed(1)}k`;
  return String(+t.toPrecision(4));
}

/**
 * An axis of its own at the right edge of `plot`, in `color`: its line, a label right of it at
 * each of `ticks` (text at pixel row y), and `title` turned upright with its centre at x =
 * `titleX`. The context is left as it was.
 * @param {CanvasRenderingContext2D} ctx
 * @param {{ x: number, y: number, w: number, h: number }} plot
 * @param {{ color: string, ticks: { text: string, y: number }[], title: string, titleX: number }} axis
 */
export function drawRightAxis(ctx, plot, { color, ticks, title, titleX }) {
  const x = plot.x + plot.w + 0.5;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(x, plot.y);
  ctx.lineTo(x, plot.y + plot.h);
  ctx.stroke();
  ctx.fillStyle = color;
  ctx.font = "10px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  for (const { text, y } of ticks) ctx.fillText(text, x + 3, y);
  ctx.font = "11px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  ctx.translate(titleX, plot.y + plot.h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = "center";
  ctx.fillText(title, 0, 0);
  ctx.restore();
}
