/**
 * The initialization panel: every scheme's Var(W) formula with the current
 * fan-in and fan-out substituted, the variance the core computes for it
 * (`initVariance`), the current scheme highlighted; the weights' spread now
 * against the one they were drawn with; and the symmetry readout (the largest
 * difference between two units of a layer — 0 means every unit is the same).
 */
import { formatValue } from "./layers.js";

/** The schemes, with their variance written out for fan-in n and fan-out m and scale s. */
export const INIT_FORMULAS = Object.freeze([
  { id: "xavier", name: "Xavier (uniform)", suits: "tanh", formula: (n, m) => `2/(${n}+${m})` },
  { id: "xavierNormal", name: "Xavier normal", suits: "tanh", formula: (n, m) => `2/(${n}+${m})` },
  { id: "he", name: "He", suits: "ReLU", formula: (n) => `2/${n}` },
  { id: "lecun", name: "LeCun", suits: "sigmoid", formula: (n) => `1/${n}` },
  { id: "normal", name: "Normal N(0, 1)", suits: "", formula: () => "1" },
  { id: "uniform", name: "Uniform U(−1, 1)", suits: "", formula: () => "1/3" },
  { id: "zeros", name: "Zeros", suits: "never", formula: () => "0 (every W = 0)" },
  { id: "constant", name: "Constant", suits: "never", formula: () => "0 (every W = s)" },
  { id: "identity", name: "Identity", suits: "deep linear toy", formula: () => "0 (W = s·I)" },
]);

function cell(tag, text, className) {
  const e = document.createElement(tag);
  e.textContent = text;
  if (className) e.className = className;
  return e;
}

export class FormulaPanel {
  /**
   * @param {{ caption: HTMLElement, body: HTMLTableSectionElement, weights: HTMLElement, symmetry: HTMLElement }} parts
   * @param {(init: string, nIn: number, nOut: number, scale: number) => number} initVariance the core's
   */
  constructor(parts, initVariance) {
    this.parts = parts;
    this.initVariance = initVariance;
    this.key = "";
  }

  /** The table for `state`, at the fan-in/out of `layer` (a LayerStats entry). */
  showTable(state, layer) {
    const { fanIn: n, units: m } = layer;
    const key = `${state.init}|${state.initScale}|${n}|${m}`;
    if (key === this.key) return;
    this.key = key;
    const s = state.initScale;
    this.parts.caption.textContent =
      `Var(W) of hidden layer ${layer.layer}: fan-in n_in = ${n}, fan-out n_out = ${m}` + (s === 1 ? "" : `, times initScale² = ${s}²`);
    const rows = INIT_FORMULAS.map((f) => {
      const row = document.createElement("tr");
      if (f.id === state.init) {
        row.className = "current";
        row.setAttribute("aria-current", "true");
      }
      const variance = this.initVariance(f.id, n, m, s);
      const scaled = s === 1 || variance === 0 ? "" : ` × ${s}²`;
      row.append(
        cell("th", f.name),
        cell("td", `${f.formula(n, m)}${scaled}`, "formula"),
        cell("td", formatValue(variance), "num"),
        cell("td", formatValue(Math.sqrt(variance)), "num"),
        cell("td", f.suits, "suits"),
      );
      return row;
    });
    this.parts.body.replaceChildren(...rows);
  }

  /** The readouts that change while training. */
  showLive(stats) {
    if (stats.length === 0) return;
    const layer = stats[Math.min(1, stats.length - 1)];
    const start = layer.initVariance > 0 ? `drawn with std ${formatValue(Math.sqrt(layer.initVariance))}` : "set, not drawn at random";
    this.parts.weights.textContent = `Layer ${layer.layer}: weights ${start}; their std now ${formatValue(layer.weightStd)}.`;
    const spread = Math.max(...stats.map((s) => s.unitSpread));
    const symmetric = stats.every((s) => s.units === 1 || s.unitSpread === 0);
    this.parts.symmetry.textContent = symmetric
      ? "Symmetry: every unit of each layer is identical (largest difference between two units' weights: 0) — they compute the same function and get the same gradient, forever."
      : `Symmetry broken: units of a layer differ by up to ${formatValue(spread)} in a weight.`;
    this.parts.symmetry.classList.toggle("alert", symmetric);
    this.parts.symmetry.dataset.spread = String(spread);
  }
}
