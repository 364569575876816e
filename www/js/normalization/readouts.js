/**
 * The numbers of one panel of the Normalization lab: condition numbers from
 * `pg.conditioning()`, the error factor per step (κ − 1)/(κ + 1) of the
 * inputs' κ and of the Hessian's at the current weights, the current cost, the
 * share of the first hidden layer's outputs saturated, and how many updates
 * the side needed to bring its training loss down to the target (read from
 * `pg.history()`).
 */
import { formatLoss, formatAccuracy, timesPowerOfTen } from "../core/format.js";

/** 16.4, 998, 4.5 × 10⁴. */
export function formatKappa(k) {
  if (typeof k !== "number" || Number.isNaN(k)) return "–";
  if (!Number.isFinite(k)) return "∞";
  if (k < 1000) return String(+k.toPrecision(3));
  return timesPowerOfTen(k, 1);
}

/** The factor the error shrinks by per step at the best fixed step: (κ − 1)/(κ + 1); 1 when κ is infinite. */
export function contraction(kappa) {
  return Number.isFinite(kappa) ? (kappa - 1) / (kappa + 1) : kappa > 0 ? 1 : NaN;
}

/** 0.882, 1 − 4.4 × 10⁻⁵ when it is that close to 1, or 1 (no progress along some direction). */
export function formatContraction(rho) {
  if (!Number.isFinite(rho)) return "–";
  const gap = 1 - rho;
  if (gap === 0) return "1";
  if (gap > 0 && gap < 1e-3) return `1 − ${timesPowerOfTen(gap, 1)}`;
  return rho.toFixed(3);
}

/** The first recorded step whose training loss is ≤ target, or null. */
export function stepsToTarget(history, target) {
  const { step, trainLoss } = history;
  for (let i = 0; i < step.length; i++) if (trainLoss[i] <= target) return step[i];
  return null;
}

/** The lowest finite training loss recorded, or NaN. */
export function bestLoss(history) {
  let best = NaN;
  for (const v of history.trainLoss) if (Number.isFinite(v) && !(v >= best)) best = v;
  return best;
}

/**
 * Write the readouts of one panel into its `[data-out]` elements (`saturated`: a share, or null
 * to hide its readout).
 */
export function showPanelReadouts(root, { conditioning, report, reached, saturated }) {
  const out = (name) => root.querySelector(`[data-out="${name}"]`);
  if (conditioning) {
    out("kappa-inputs").textContent = formatKappa(conditioning.inputSecondMoment.kappa);
    out("contraction-inputs").textContent = formatContraction(contraction(conditioning.inputSecondMoment.kappa));
    out("kappa-covariance").textContent = formatKappa(conditioning.inputCovariance.kappa);
    const hessian = conditioning.hessian;
    for (const el of root.querySelectorAll("[data-needs-hessian]")) el.hidden = !hessian;
    if (hessian) {
      out("kappa-hessian").textContent = formatKappa(hessian.kappa);
      out("contraction").textContent = formatContraction(contraction(hessian.kappa));
    }
  }
  if (report) out("cost").textContent = formatLoss(report.trainLoss);
  /** @type {HTMLElement} */ (root.querySelector("[data-needs-saturation]")).hidden = saturated === null;
  if (saturated !== null) out("saturated").textContent = formatAccuracy(saturated);
  const steps = out("steps");
  steps.textContent = reached === undefined ? "–" : reached === null ? "not yet" : String(reached);
  steps.classList.toggle("pending", reached == null);
}
