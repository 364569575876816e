/**
 * The numbers beside the plots: epoch and step counters, training/test loss,
 * training/test accuracy (hidden for regression, where they are null) and the
 * gradient-check result.
 */
import { formatLoss, formatAccuracy, formatNumber } from "../core/format.js";
import { describeError } from "../core/errors.js";
import { t } from "../core/i18n.js";
import { Computation } from "../core/compute.js";

const $ = (id) => document.getElementById(id);

/**
 * Show a step report (losses and accuracies null before there is a network).
 * @param {Pick<import("../../pkg/nn_playground.js").StepReport,
 *   "epoch" | "step" | "trainLoss" | "testLoss" | "trainAccuracy" | "testAccuracy">} r
 */
export function showReport(r) {
  $("epoch").textContent = String(r.epoch);
  $("step-counter").textContent = String(r.step);
  $("train-loss").textContent = formatLoss(r.trainLoss);
  $("test-loss").textContent = formatLoss(r.testLoss);
  const hasAccuracy = r.trainAccuracy !== null && r.trainAccuracy !== undefined;
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".readouts .accuracy"))) el.hidden = !hasAccuracy;
  $("train-accuracy").textContent = formatAccuracy(r.trainAccuracy);
  $("test-accuracy").textContent = formatAccuracy(r.testAccuracy);
}

/**
 * Show a gradient check's relative error with a verdict, and what it compared: every
 * parameter, or (on a big network) a seeded sample of them, and how many it left out because
 * their step crossed a kink (a ReLU's, the L1 term's).
 * @param {import("../../pkg/nn_playground.js").GradientCheck} check
 */
export function showGradientCheck({ relativeError: value, checked, parameters, points, straddled }) {
  const out = $("grad-check-value");
  out.classList.remove("ok", "bad");
  const sampled = checked === parameters
    ? t("all {parameters} parameters, {points} points", { parameters, points })
    : t("{checked} of {parameters} parameters sampled, {points} points", { checked, parameters: formatNumber(parameters), points });
  const scope = straddled > 0 ? `${sampled}; ${t("{straddled} left out, their step crossing a kink", { straddled })}` : sampled;
  if (typeof value !== "number" || Number.isNaN(value)) {
    out.textContent = `${t("relative error: NaN")} (${scope})`;
    out.classList.add("bad");
    return;
  }
  const ok = value < 1e-6;
  const verdict = ok
    ? t("relative error {value} ✓ backprop matches finite differences", { value: value.toExponential(2) })
    : t("relative error {value} ✗ larger than 1e-6", { value: value.toExponential(2) });
  out.textContent = `${verdict} (${scope})`;
  out.classList.add(ok ? "ok" : "bad");
  out.dataset.value = String(value);
  out.dataset.checked = String(checked);
  out.dataset.straddled = String(straddled);
}

/** The gradient checks, run in the compute worker. */
const gradientChecks = new Computation("gradientCheck");

/**
 * Check `pg`'s gradient off the main thread (on a copy of its model in the compute worker):
 * "computing…" at once, then the result or the core's error. Training and drawing go on; a
 * newer check, or `cancelGradientCheck()` when the network is rebuilt, drops this one.
 * @param {import("../../pkg/nn_playground.js").Playground | null | undefined} pg
 */
export async function runGradientCheck(pg) {
  if (!pg) return;
  showGradientCheckText(t("computing…"));
  try {
    showGradientCheck(await gradientChecks.run({ model: pg.exportModel() }));
  } catch (err) {
    if (!err?.cancelled) showGradientCheckText(gradientCheckRefused(err));
  }
}

/**
 * Why a gradient check did not run, as a sentence about the check: the core's refusal with the
 * check as its subject ("The gradient check needs about 4 × 10¹⁰ multiply-adds …") and, when the
 * network is too big, what makes it fit; anything else after "The gradient check did not run:".
 */
function gradientCheckRefused(err) {
  if (!err?.code || err.key) return t("The gradient check did not run: {reason}", { reason: describeError(err) });
  const refused = describeError(err, t("The gradient check"));
  return err.code === "tooMuchWork" ? `${refused}. ${t("Fewer or smaller hidden layers make it fit.")}` : refused;
}

/** Drop a running gradient check (its network is gone) and clear its slot. */
export function cancelGradientCheck() {
  gradientChecks.cancel();
  showGradientCheckText("");
}

/** Show a message in the gradient-check slot ("computing…", an error). */
export function showGradientCheckText(text) {
  const out = $("grad-check-value");
  out.classList.remove("ok", "bad");
  out.textContent = text;
  delete out.dataset.value;
}
