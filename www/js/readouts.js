/**
 * The numbers beside the plots: epoch and step counters, training/test loss,
 * training/test accuracy (hidden for regression, where they are null) and the
 * gradient-check result.
 */

const $ = (id) => document.getElementById(id);

/** A loss for display: 3 decimals, "NaN"/"∞" when training blew up. */
export function formatLoss(x) {
  if (x === null || x === undefined) return "–";
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  if (Math.abs(x) >= 1000) return x.toExponential(2);
  if (x !== 0 && Math.abs(x) < 0.001) return x.toExponential(1);
  return x.toFixed(3);
}

/** An accuracy in [0, 1] as a percentage. */
export function formatAccuracy(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return `${(x * 100).toFixed(1)}%`;
}

/** Show a step report. */
export function showReport(r) {
  $("epoch").textContent = String(r.epoch);
  $("step-counter").textContent = String(r.step);
  $("train-loss").textContent = formatLoss(r.trainLoss);
  $("test-loss").textContent = formatLoss(r.testLoss);
  const hasAccuracy = r.trainAccuracy !== null && r.trainAccuracy !== undefined;
  for (const el of document.querySelectorAll(".readouts .accuracy")) el.hidden = !hasAccuracy;
  $("train-accuracy").textContent = formatAccuracy(r.trainAccuracy);
  $("test-accuracy").textContent = formatAccuracy(r.testAccuracy);
}

/** Show a gradient-check value (relative error) with a verdict. */
export function showGradientCheck(value) {
  const out = $("grad-check-value");
  out.classList.remove("ok", "bad");
  if (typeof value !== "number" || Number.isNaN(value)) {
    out.textContent = "relative error: NaN";
    out.classList.add("bad");
    return;
  }
  const ok = value < 1e-6;
  out.textContent = `relative error ${value.toExponential(2)} ${ok ? "✓ backprop matches finite differences" : "✗ larger than 1e-6"}`;
  out.classList.add(ok ? "ok" : "bad");
  out.dataset.value = String(value);
}

/** Show a message in the gradient-check slot ("computing…", an error). */
export function showGradientCheckText(text) {
  const out = $("grad-check-value");
  out.classList.remove("ok", "bad");
  out.textContent = text;
  delete out.dataset.value;
}
