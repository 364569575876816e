/**
 * Numbers as the pages show them: losses, accuracies, matrix entries, and the
 * values quoted in messages (6.78 × 10⁴⁷ rather than 6.779248914044274e47).
 */

const SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };

/** "NaN", "∞" or "−∞" for a number that is not finite, else null. */
function nonFinite(x) {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  return null;
}

/** A loss for display: 3 decimals, "NaN"/"∞" when training blew up, "–" when there is none. */
export function formatLoss(x) {
  if (x === null || x === undefined) return "–";
  const special = nonFinite(x);
  if (special) return special;
  if (Math.abs(x) >= 1000) return x.toExponential(2);
  if (x !== 0 && Math.abs(x) < 0.001) return x.toExponential(1);
  return x.toFixed(3);
}

/** An accuracy in [0, 1] as a percentage. */
export function formatAccuracy(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return `${(x * 100).toFixed(1)}%`;
}

/**
 * One entry of a matrix or a tooltip: `digits` decimals, exponent form for tiny
 * (below 0.01) or huge (10⁴ and up) magnitudes, and a true minus sign.
 */
export function formatEntry(x, digits = 3) {
  if (typeof x !== "number") return "NaN";
  const special = nonFinite(x);
  if (special) return special;
  const a = Math.abs(x);
  if (Number.isInteger(x) && a < 1e4) return x < 0 ? `−${a}` : String(a);
  const text = a < 0.01 || a >= 1e4 ? a.toExponential(Math.max(1, digits - 1)).replace("e+", "e").replace("e-", "e−") : a.toFixed(digits);
  return x < 0 ? `−${text}` : text;
}

/**
 * A value quoted in a message: whole numbers below 10¹⁵ as they are (grouped by
 * thousands with a narrow space from 10 000 up), other
 * numbers to 4 significant digits, and magnitudes from 10⁶ up or below 10⁻⁴ as
 * m × 10ⁿ. Anything else (text) as it is.
 */
export function formatNumber(x) {
  if (typeof x !== "number") return String(x);
  const special = nonFinite(x);
  if (special) return special;
  const a = Math.abs(x);
  const sign = x < 0 ? "−" : "";
  if (Number.isInteger(x) && a < 1e15) return `${sign}${a >= 1e4 ? String(a).replace(/\B(?=(\d{3})+$)/g, "\u202f") : a}`;
  if (a !== 0 && (a >= 1e6 || a < 1e-4)) return `${sign}${timesPowerOfTen(a, 2, true)}`;
  return `${sign}${Number(a.toPrecision(4))}`;
}

/**
 * A positive number as m × 10ⁿ, the mantissa to `digits` decimals (trailing zeros dropped
 * with `trim`): 4.5 × 10⁴, 3.4 × 10⁻⁵.
 * @param {number} x
 * @param {number} digits
 */
export function timesPowerOfTen(x, digits, trim = false) {
  const [mantissa, exponent] = x.toExponential(digits).split("e");
  const power = String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPT[c]);
  return `${trim ? Number(mantissa) : mantissa} × 10${power}`;
}
