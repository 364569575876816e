/**
 * The sharpness readout: λmax, the largest eigenvalue of the cost's Hessian at the current
 * parameters (`pg.sharpness()`: power iteration on exact Hessian–vector products), computed in
 * the compute worker on a copy of the model, and what it says about the step: full-batch
 * gradient descent near here is stable only with α < 2/λmax.
 */
import { Computation } from "../core/compute.js";
import { describeError } from "../core/errors.js";
import { formatNumber } from "../core/format.js";
import { t } from "../core/i18n.js";

/** The sharpness runs, in the compute worker. */
const runs = new Computation("sharpness");

/** Show `text` in the readout, marked ok or bad (or neither); returns the readout. */
function show(text, verdict = "") {
  const out = /** @type {HTMLOutputElement} */ (document.getElementById("sharpness-value"));
  out.classList.remove("ok", "bad");
  if (verdict) out.classList.add(verdict);
  out.textContent = text;
  return out;
}

/**
 * Compute the sharpness of `pg` and show it beside the learning rate `alpha`: "computing…" at
 * once, then λmax and the stable limit 2/λmax, or why it was not computed. A newer run, or
 * `cancelSharpness()` when the network is rebuilt, drops this one.
 * @param {import("../../pkg/nn_playground.js").Playground | null | undefined} pg
 * @param {number} alpha
 */
export async function runSharpness(pg, alpha) {
  if (!pg) return;
  show(t("computing…"));
  try {
    const { lambdaMax, stableStep } = await runs.run({ model: pg.exportModel() });
    const stable = alpha < stableStep;
    const values = { lambda: formatNumber(lambdaMax), limit: formatNumber(stableStep), alpha: formatNumber(alpha) };
    const out = show(
      stable
        ? t("λmax {lambda}: full-batch gradient descent is stable here for α < {limit} ✓ (α = {alpha})", values)
        : t("λmax {lambda}: full-batch gradient descent is stable here only for α < {limit} ✗ (α = {alpha})", values),
      stable ? "ok" : "bad",
    );
    out.dataset.lambdaMax = String(lambdaMax);
  } catch (err) {
    if (!err?.cancelled) showSharpnessRefused(err);
  }
}

/**
 * Say in the readout why the core did not compute the sharpness (the button's request, or the
 * loss chart's tracking of λmax).
 * @param {unknown} err the core's error
 */
export function showSharpnessRefused(err) {
  show(t("The sharpness was not computed: {reason}", { reason: describeError(err) }), "bad");
}

/** Drop a running sharpness computation (its network is gone) and clear the readout. */
export function cancelSharpness() {
  runs.cancel();
  show("");
}
