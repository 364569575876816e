/**
 * The loss chart's curvature overlay (the playground's "Track λmax on the loss chart"): the
 * sharpness λmax measured along the run, and the line 2/α from the learning rate α of every
 * update. Full-batch gradient descent is stable only while λmax < 2/α; training tends to drive
 * λmax up to that line and keep it there (the "edge of stability", Cohen et al. 2021). Both share
 * a logarithmic axis of their own at the chart's right, since 2/α is often many times λmax (and,
 * during a warm-up from a tiny α, many decades above it).
 */

/** How λmax is drawn: a line through its measurements, each marked with a dot. */
export const SHARPNESS_STYLE = Object.freeze({ color: "#0f766e", width: 1.8, dash: [] });
/** How 2/α is drawn. */
export const STABLE_STYLE = Object.freeze({ color: "#be123c", width: 1.2, dash: [6, 3] });
/** Draw a dot at each λmax measurement up to this many of them. */
export const MAX_DOTS = 200;

/**
 * 2/α for each learning rate α (NaN where α is unknown or not positive).
 * @param {readonly number[]} rates
 */
export function stableLimits(rates) {
  return rates.map((r) => (r > 0 ? 2 / r : NaN));
}

/**
 * The curvature axis: whole decades from the smallest to the largest positive finite value of
 * `series` (at least one decade, at most about five ticks), mapped to 0…1 on a log scale; null
 * when no value is positive (a λmax ≤ 0, from a Hessian whose largest |eigenvalue| is negative,
 * is not drawn).
 * @param {readonly (readonly number[])[]} series
 * @returns {{ ticks: number[], map: (v: number) => number } | null}
 */
export function curvatureScale(series) {
  let min = Infinity;
  let max = 0;
  for (const values of series) {
    for (const v of values) {
      if (!(v > 0) || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (!(max > 0)) return null;
  const lo = Math.floor(Math.log10(min) + 1e-9);
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(max) - 1e-9));
  const every = Math.max(1, Math.ceil((hi - lo) / 4));
  const ticks = [];
  for (let e = hi; e >= lo; e -= every) ticks.push(10 ** e);
  return { ticks, map: (v) => (Math.log10(v) - lo) / (hi - lo) };
}
