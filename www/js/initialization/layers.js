/**
 * One strip per hidden layer: the histogram of its activations and of its
 * gradients (the backpropagated δ or ∂J/∂W), with the layer's numbers —
 * activation std, saturated or dead fraction, gradient std, update/weight
 * ratio, and a mark when every unit of the layer is identical.
 *
 * The strips are an <ol> of plain HTML rows with two small canvases each; the
 * numbers come from `pg.layerStats()`. Each strip carries `data-act` and
 * `data-grad` (the histogram counts) so a change is observable from outside.
 */
import { setupCanvas } from "../views/plot.js";
import { BLUE, ORANGE } from "../views/colors.js";

const HEIGHT = 46;
const AXIS = 12;
const ACT_COLOR = `rgb(${BLUE.join(",")})`;
const GRAD_COLOR = `rgb(${ORANGE.join(",")})`;
/** Background of the saturated ends of a tanh or sigmoid histogram. */
const SATURATED_BAND = "rgba(198, 40, 40, 0.28)";

/** Compact number: 3 significant digits, exponent form when very small or large. */
export function formatValue(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  const a = Math.abs(x);
  if (a === 0) return "0";
  if (a < 1e-3 || a >= 1e4) return x.toExponential(1).replace("e+", "e");
  return String(+x.toPrecision(3));
}

/** A fraction as a percentage. */
function formatPercent(x) {
  return `${(100 * x).toFixed(x > 0 && x < 0.01 ? 1 : 0)}%`;
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * Draw a histogram into the canvas's CSS box (`width` CSS pixels wide): bar heights ∝ √count,
 * scaled to the fullest bin, the range's ends and 0 labelled underneath. Outside `band` =
 * [lo, hi] (the activation's saturated ends) the background is red.
 */
export function drawHistogram(canvas, histogram, color, { band = null, width = 140 } = {}) {
  const { ctx } = setupCanvas(canvas, width, HEIGHT);
  ctx.clearRect(0, 0, width, HEIGHT);
  const { edges, counts } = histogram;
  const lo = edges[0];
  const hi = edges[edges.length - 1];
  const plotH = HEIGHT - AXIS;
  ctx.fillStyle = "#f3f5f8";
  ctx.fillRect(0, 0, width, plotH);
  // Heights ∝ √count: gradients are heavy-tailed, and linear bars would show only the middle bins.
  const max = Math.sqrt(Math.max(1, ...counts));
  const x = (v) => ((v - lo) / (hi - lo)) * width;
  if (band) {
    ctx.fillStyle = SATURATED_BAND;
    ctx.fillRect(0, 0, x(band[0]), plotH);
    ctx.fillRect(x(band[1]), 0, width - x(band[1]), plotH);
  }
  ctx.fillStyle = color;
  for (let k = 0; k < counts.length; k++) {
    if (counts[k] === 0) continue;
    const x0 = x(edges[k]);
    const x1 = x(edges[k + 1]);
    const h = Math.max(1, (Math.sqrt(counts[k]) / max) * (plotH - 2));
    ctx.fillRect(x0 + 0.5, plotH - h, Math.max(1, x1 - x0 - 1), h);
  }
  ctx.fillStyle = "#5b6573";
  ctx.font = "9px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  ctx.textBaseline = "bottom";
  ctx.textAlign = "left";
  ctx.fillText(formatValue(lo), 1, HEIGHT);
  ctx.textAlign = "right";
  ctx.fillText(formatValue(hi), width - 1, HEIGHT);
  if (lo < 0 && hi > 0) {
    ctx.textAlign = "center";
    ctx.fillText("0", x(0), HEIGHT);
    ctx.fillRect(x(0) - 0.5, plotH, 1, 2);
  }
}

/** The saturation band of an activation, as the range outside of which a value counts. */
function saturationBand(activation) {
  if (activation === "tanh") return [-0.97, 0.97];
  if (activation === "sigmoid") return [0.03, 0.97];
  return null;
}

export class LayerStrips {
  /** @param {HTMLOListElement} list */
  constructor(list) {
    this.list = list;
    this.rows = [];
    /** @type {[number, number][]} each row's histogram widths in CSS pixels */
    this.widths = [];
  }

  /** Measure the histograms' widths (after a layout or a resize, never per frame: a read after the frame's writes forces a layout). */
  resize() {
    const width = (canvas) => Math.max(60, canvas.clientWidth || 140);
    this.widths = this.rows.map((row) => [width(row.act), width(row.grad)]);
  }

  /** Make one row per hidden layer (called when the network changes). */
  layout(count) {
    if (this.rows.length === count) return;
    this.rows = [];
    const items = [];
    for (let l = 1; l <= count; l++) {
      const item = el("li", "layer-strip");
      item.dataset.layer = String(l);
      const head = el("div", "strip-head");
      const title = el("span", "strip-title", `Layer ${l}`);
      const badges = el("span", "strip-badges");
      head.append(title, badges);
      const act = el("canvas", "strip-hist strip-act");
      act.setAttribute("role", "img");
      const grad = el("canvas", "strip-hist strip-grad");
      grad.setAttribute("role", "img");
      const actNote = el("span", "strip-note");
      const gradNote = el("span", "strip-note");
      const actCell = el("div", "strip-cell");
      actCell.append(act, actNote);
      const gradCell = el("div", "strip-cell");
      gradCell.append(grad, gradNote);
      item.append(head, actCell, gradCell);
      items.push(item);
      this.rows.push({ item, title, badges, act, grad, actNote, gradNote, badgesKey: "" });
    }
    this.list.replaceChildren(...items);
    this.resize();
  }

  /**
   * Show statistics.
   * @param {import("../../pkg/nn_playground.js").LayerStats[]} stats from `pg.layerStats()`
   * @param {{ activation: string, gradient: "delta"|"weights" }} view
   */
  update(stats, { activation, gradient }) {
    this.layout(stats.length);
    const band = saturationBand(activation);
    stats.forEach((s, i) => {
      const row = this.rows[i];
      setText(row.title, `Layer ${s.layer} · ${s.units} unit${s.units === 1 ? "" : "s"}`);
      const badges = [];
      if (s.saturated !== null) badges.push([`${formatPercent(s.saturated)} saturated`, s.saturated > 0.3]);
      if (s.dead !== null) badges.push([`${formatPercent(s.dead)} dead`, s.dead > 0.3]);
      if (s.units > 1 && s.unitSpread === 0) badges.push(["units identical", true]);
      const key = JSON.stringify(badges);
      if (row.badgesKey !== key) {
        row.badgesKey = key;
        row.badges.replaceChildren(...badges.map(([text, alert]) => badge(text, alert)));
      }

      const histogram = gradient === "weights" ? s.gradHistogram : s.deltaHistogram;
      const gradStd = gradient === "weights" ? s.gradStd : s.deltaStd;
      const gradName = gradient === "weights" ? "∂J/∂W" : "δ";
      const [actWidth, gradWidth] = this.widths[i];
      drawHistogram(row.act, s.actHistogram, ACT_COLOR, { band, width: actWidth });
      drawHistogram(row.grad, histogram, GRAD_COLOR, { width: gradWidth });
      const actText = `a: mean ${formatValue(s.actMean)}, std ${formatValue(s.actStd)}`;
      const ratio = s.updateRatio === null ? "" : ` · update/weight ${formatValue(s.updateRatio)}`;
      const gradText = `${gradName}: std ${formatValue(gradStd)}${ratio}`;
      if (setText(row.actNote, actText)) row.act.setAttribute("aria-label", `Layer ${s.layer} activations: ${actText}`);
      if (setText(row.gradNote, gradText)) {
        row.gradNote.title = gradText;
        row.grad.setAttribute("aria-label", `Layer ${s.layer} gradients: ${gradText}`);
      }
      row.item.dataset.act = s.actHistogram.counts.join(",");
      row.item.dataset.grad = histogram.counts.join(",");
    });
  }
}

/** Set an element's text if it differs (an unchanged write still invalidates layout); whether it changed. */
function setText(element, text) {
  if (element.textContent === text) return false;
  element.textContent = text;
  return true;
}

function badge(text, alert) {
  return el("span", alert ? "badge badge-alert" : "badge", text);
}
