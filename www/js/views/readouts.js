/**
 * The numbers beside the plots: epoch and step counters, training/test loss,
 * training/test accuracy (hidden for regression, where they are null) and the
 * gradient-check result.
 */
import { messageOf } from "../shell/banners.js";

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

/**
 * Run `pg.gradientCheck()` for its `button`: "computing…" first (painted before the
 * synchronous check runs), then the result or the core's error; the button is
 * disabled meanwhile.
 */
export async function runGradientCheck(pg, button) {
  if (!pg) return;
  showGradientCheckText("computing…");
  button.disabled = true;
  await new Promise((resolve) => setTimeout(resolve, 30));
  try {
    showGradientCheck(pg.gradientCheck());
  } catch (err) {
    showGradientCheckText(messageOf(err));
  } finally {
    button.disabled = false;
  }
}

/** Show a message in the gradient-check slot ("computing…", an error). */
export function showGradientCheckText(text) {
  const out = $("grad-check-value");
  out.classList.remove("ok", "bad");
  out.textContent = text;
  delete out.dataset.value;
}

/**
 * One entry of a matrix or a tooltip: `digits` decimals, exponent form for tiny
 * (below 0.01) or huge (10⁴ and up) magnitudes, and a true minus sign.
 */
export function formatEntry(x, digits = 3) {
  if (typeof x !== "number" || Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  const a = Math.abs(x);
  if (Number.isInteger(x) && a < 1e4) return x < 0 ? `−${a}` : String(a);
  const text = a < 0.01 || a >= 1e4 ? a.toExponential(Math.max(1, digits - 1)).replace("e+", "e").replace("e-", "e−") : a.toFixed(digits);
  return x < 0 ? `−${text}` : text;
}
