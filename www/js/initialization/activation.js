/**
 * The activation panel: g(z) and its derivative g'(z) of the chosen
 * activation, sampled by the core (`activationCurve`), with what the lecture
 * says about each — the sigmoid's slope is at most ¼ and vanishes for large
 * |z|, tanh saturates the same way, ReLU passes gradients unchanged where it is
 * active, and a linear "activation" collapses any stack of layers into one
 * linear map (a straight decision boundary).
 */
import { setupCanvas, niceTicks, formatTick, drawYGrid } from "../views/plot.js";
import { BLUE, ORANGE } from "../views/colors.js";

const Z_RANGE = [-5, 5];
const SAMPLES = 201;
const Y_LIMIT = 2.5;
const MARGIN = { left: 30, right: 8, top: 8, bottom: 18 };
const HEIGHT = 150;

/** Formula and lesson of each activation; each lesson is a claim (`claim`), checked in tests/claims. */
export const ACTIVATION_NOTES = Object.freeze({
  tanh: {
    claim: "act-note-tanh",
    formula: "g(z) = tanh z = (eᶻ − e⁻ᶻ)/(eᶻ + e⁻ᶻ),  g′(z) = 1 − tanh²z",
    text: "Output in (−1, 1), centred on 0. Like the sigmoid it saturates: for |z| > 2 the slope is below 0.08, so a unit driven that far passes almost no gradient back.",
  },
  sigmoid: {
    claim: "act-note-sigmoid",
    formula: "g(z) = σ(z) = 1/(1 + e⁻ᶻ),  g′(z) = σ(z)(1 − σ(z)) ≤ ¼",
    text: "Output in (0, 1), read as a probability. Its slope is at most ¼ and ≈ 0 for large |z|, and every layer multiplies the backpropagated gradient by it: with LeCun's scale δ shrinks about 4× per layer (more or less, as the weights vary), so deep sigmoid nets learn slowly.",
  },
  relu: {
    claim: "act-note-relu",
    formula: "g(z) = max(0, z),  g′(z) = 1 if z > 0, else 0",
    text: "The most used in practice: where a unit is active the gradient passes unchanged, so it does not saturate. A unit whose z is negative for every example is dead: it outputs 0 and gets no gradient.",
  },
  leakyRelu: {
    claim: "act-note-leaky",
    formula: "g(z) = z if z > 0, else 0.01·z,  g′(z) = 1 or 0.01",
    text: "ReLU with a small slope for z < 0, so no unit can die completely.",
  },
  linear: {
    claim: "act-note-linear",
    formula: "g(z) = z,  g′(z) = 1",
    text: "No non-linearity: a stack of linear layers W[L]⋯W[2]W[1]x is one linear map, however deep. The decision boundary can only be a straight line — try the “Linear activations” preset on the moons.",
  },
});

export class ActivationPanel {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {HTMLElement} formula
   * @param {HTMLElement} text
   */
  constructor(canvas, formula, text) {
    this.canvas = canvas;
    this.formula = formula;
    this.text = text;
  }

  /** Show `activation`; `curve` is `activationCurve(activation, −5, 5, n)` from the core. */
  show(activation, curve) {
    const note = ACTIVATION_NOTES[activation];
    this.formula.textContent = note?.formula ?? "";
    this.text.textContent = note?.text ?? "";
    this.draw(curve);
    this.canvas.setAttribute("aria-label", `Plot of the ${activation} activation g(z) and its derivative g′(z) for z from −5 to 5`);
  }

  draw(curve) {
    const width = Math.max(160, this.canvas.clientWidth || 280);
    const { ctx } = setupCanvas(this.canvas, width, HEIGHT);
    const plot = { x: MARGIN.left, y: MARGIN.top, w: width - MARGIN.left - MARGIN.right, h: HEIGHT - MARGIN.top - MARGIN.bottom };
    ctx.clearRect(0, 0, width, HEIGHT);
    const all = [...curve.g, ...curve.derivative];
    const ylo = Math.max(-Y_LIMIT, Math.min(-0.25, ...all));
    const yhi = Math.min(Y_LIMIT, Math.max(1.25, ...all));
    const sx = (z) => plot.x + ((z - Z_RANGE[0]) / (Z_RANGE[1] - Z_RANGE[0])) * plot.w;
    const sy = (v) => plot.y + plot.h - ((v - ylo) / (yhi - ylo)) * plot.h;

    const lineColor = (t) => (t === 0 ? "#9aa5b1" : "#e3e7ed");
    drawYGrid(ctx, plot, niceTicks(ylo, yhi, 4), sy, { gap: 4, lineColor });
    for (const t of niceTicks(Z_RANGE[0], Z_RANGE[1], 5)) {
      const x = Math.round(sx(t)) + 0.5;
      ctx.strokeStyle = lineColor(t);
      ctx.beginPath();
      ctx.moveTo(x, plot.y);
      ctx.lineTo(x, plot.y + plot.h);
      ctx.stroke();
      ctx.fillText(formatTick(t), x, plot.y + plot.h + 3);
    }

    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.x, plot.y, plot.w, plot.h);
    ctx.clip();
    const series = [
      { values: curve.derivative, color: `rgb(${ORANGE.join(",")})`, dash: [5, 3] },
      { values: curve.g, color: `rgb(${BLUE.join(",")})`, dash: [] },
    ];
    for (const { values, color, dash } of series) {
      ctx.strokeStyle = color;
      ctx.lineWidth = 2.2;
      ctx.setLineDash(dash);
      ctx.beginPath();
      values.forEach((v, i) => {
        const x = sx(curve.z[i]);
        const y = sy(v);
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      });
      ctx.stroke();
    }
    ctx.restore();
  }
}

/**
 * The curve request for `activation` (so callers ask the core for the same grid).
 * @param {string} activation
 * @returns {Parameters<typeof import("../../pkg/nn_playground.js").activationCurve>}
 */
export function curveArgs(activation) {
  return [activation, Z_RANGE[0], Z_RANGE[1], SAMPLES];
}
