/**
 * How many mini-batch updates to run per animation frame so that stepping
 * takes about a fixed budget of milliseconds: shrink at once when a frame went
 * over budget, grow gently (at most doubling) when under.
 */

/**
 * The next number of updates per frame.
 * @param {number} current the number used so far
 * @param {number} k updates the last frame ran
 * @param {number} dt milliseconds they took
 * @param {number} budgetMs milliseconds a frame may spend stepping
 * @param {number} max the most updates per frame
 */
export function nextStepsPerFrame(current, k, dt, budgetMs, max) {
  const ideal = dt > 0.05 ? (k * budgetMs) / dt : k * 2;
  let next;
  if (ideal < k) next = Math.floor(ideal);
  else next = Math.max(current, Math.floor(k + Math.min(k, (ideal - k) * 0.5)));
  return Math.min(max, Math.max(1, next));
}
