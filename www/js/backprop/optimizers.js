/**
 * SGD, momentum and Adam side by side on the backprop page: three sessions of
 * logistic regression (no hidden layer) on the same data, from the same
 * initial weights, with the same learning rate and full-batch gradients. Each
 * panel is the cost over the two weights (`lossSurface({ kind: "weights2d" })`,
 * the bias at that session's current value) with the optimizer's path, drawn
 * by the normalization lab's surface view; all three share one window so the
 * paths compare at a glance.
 */
import { SurfaceView } from "../views/surface.js";
import { formatLoss } from "../core/format.js";
import { t } from "../core/i18n.js";

/** @typedef {import("../../pkg/nn_playground.js").PlaygroundConfig} PlaygroundConfig */

/**
 * The panels, left to right: each optimizer with its title and update rule.
 * @type {readonly { optimizer: PlaygroundConfig["optimizer"], title: string, rule: string }[]}
 */
export const OPTIMIZER_PANELS = Object.freeze([
  { optimizer: "sgd", title: "SGD", rule: "w ← w − α g" },
  { optimizer: "momentum", title: "Momentum (β = 0.9)", rule: "v ← β v + g,  w ← w − α v" },
  { optimizer: "adam", title: "Adam (β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸)", rule: "m ← β₁m + (1−β₁)g,  s ← β₂s + (1−β₂)g²,  w ← w − α m̂ / (√ŝ + ε)" },
]);

const SURFACE_RES = 41;
/** Margin around the paths, as a fraction of their extent. */
const MARGIN = 0.15;
/** Largest centre coordinate and half-width drawn (well inside the core's limit). */
const MAX_WINDOW = 1e5;

/**
 * The config of one panel's session.
 * @param {{ optRate: number, optStretch: number }} comparison the learning rate and x₂'s stretch
 * @param {PlaygroundConfig["optimizer"]} optimizer
 * @returns {PlaygroundConfig}
 */
export function raceConfig({ optRate, optStretch }, optimizer) {
  return {
    dataset: "gauss", noise: 0.5, samples: 500, seed: 1, hidden: [], scale: [1, optStretch],
    optimizer, learningRate: optRate, batchSize: 250,
  };
}

export class OptimizerRace {
  /**
   * @param {typeof import("../../pkg/nn_playground.js").Playground} Playground the wasm class
   * @param {HTMLElement} root where the three panels go
   */
  constructor(Playground, root) {
    this.Playground = Playground;
    /** @type {import("../../pkg/nn_playground.js").Playground[]} */
    this.sessions = [];
    this.panels = OPTIMIZER_PANELS.map((p) => {
      const figure = document.createElement("figure");
      figure.className = "race-panel";
      figure.dataset.optimizer = p.optimizer;
      const canvas = document.createElement("canvas");
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", `${p.title}: cost over the two weights, with the optimizer's path`);
      const caption = document.createElement("figcaption");
      const title = document.createElement("strong");
      title.textContent = p.title;
      const rule = document.createElement("span");
      rule.className = "race-rule";
      rule.textContent = p.rule;
      const cost = document.createElement("output");
      cost.className = "race-cost";
      caption.append(title, rule, cost);
      figure.append(canvas, caption);
      root.append(figure);
      return { ...p, canvas, cost, view: null };
    });
  }

  free() {
    for (const pg of this.sessions) pg.free();
    this.sessions = [];
  }

  /** Three fresh sessions for `state` ({ optRate, optStretch, optSteps }); throws the core's Error. */
  build(state) {
    const next = [];
    try {
      for (const p of this.panels) next.push(new this.Playground(raceConfig(state, p.optimizer)));
    } catch (err) {
      for (const pg of next) pg.free();
      throw err;
    }
    this.free();
    this.sessions = next;
    for (const p of this.panels) p.view ??= new SurfaceView(p.canvas);
    this.step(state.optSteps);
  }

  /** `n` more updates on every side, then redraw. */
  step(n) {
    this.reports = this.sessions.map((pg) => pg.step(n));
    this.draw();
  }

  get steps() {
    return this.reports?.[0]?.step ?? 0;
  }

  /** One window around all three paths; each panel's surface and path in it. */
  draw() {
    if (!this.sessions.length) return;
    const paths = this.sessions.map((pg) => pg.lossSurface({ kind: "weights2d", res: 3 }).path);
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const path of paths) {
      for (let i = 0; i + 1 < path.length; i += 2) {
        x0 = Math.min(x0, path[i]);
        x1 = Math.max(x1, path[i]);
        y0 = Math.min(y0, path[i + 1]);
        y1 = Math.max(y1, path[i + 1]);
      }
    }
    /** @type {[number, number]} */
    const center = [(x0 + x1) / 2, (y0 + y1) / 2];
    const span = Math.max(0.25, ((Math.max(x1 - x0, y1 - y0) / 2) * (1 + MARGIN)));
    this.sessions.forEach((pg, i) => {
      const p = this.panels[i];
      // A window the core draws (far-flung paths of a run going astray are not).
      const ok = [center[0], center[1], span].every((v) => Math.abs(v) < MAX_WINDOW) && !this.reports[i].diverged;
      if (!ok) {
        p.view.show(null, t("Diverged: lower the learning rate."));
        p.cost.textContent = "diverged";
        return;
      }
      p.view.show(pg.lossSurface({ kind: "weights2d", res: SURFACE_RES, center, span }));
      p.cost.textContent = `cost ${formatLoss(this.reports[i].trainLoss)} after ${this.reports[i].step} updates`;
      p.cost.dataset.value = String(this.reports[i].trainLoss);
    });
  }

  resize() {
    for (const p of this.panels) p.view?.resize();
    for (const p of this.panels) p.view?.draw();
  }
}
