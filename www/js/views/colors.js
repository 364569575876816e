/**
 * The diverging colour map shared by every drawing: orange (0) … white (0.5) … blue (1).
 *
 * Orange and blue stay distinguishable for the common forms of colour blindness
 * (they differ in lightness as well as hue). Regression outputs on [-1, 1] are
 * mapped onto the same scale with `regressionToUnit`. With more than two classes
 * each class has a colour of its own (CLASS_COLORS: classes 0 and 1 as above,
 * then green, red, purple, brown — the core's table, src/draw/mod.rs). Costs (loss
 * surfaces) use a separate sequential map, dark (low) to pale (high), that
 * avoids them: the core paints them (src/draw/contours.rs).
 */

/** Class 0 / negative target. */
export const ORANGE = [245, 147, 34];
/** Class 1 / positive target. */
export const BLUE = [8, 119, 189];
const WHITE = [255, 255, 255];

/**
 * The colour of each class of a classification, as [r, g, b]: 0 orange, 1 blue, 2 green, 3 red,
 * 4 purple, 5 brown (the core paints its heatmaps with the same table).
 */
export const CLASS_COLORS = Object.freeze([ORANGE, BLUE, [44, 160, 44], [214, 39, 40], [148, 103, 189], [140, 86, 75]]);
/** The name of each class's colour, for tooltips and screen readers. */
export const CLASS_COLOR_NAMES = Object.freeze(["orange", "blue", "green", "red", "purple", "brown"]);

/** How strongly the heatmap background is coloured (points use the full colour). */
export const BACKGROUND_STRENGTH = 0.78;

function mix(a, b, t) {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** Full-strength colour for t in [0, 1] as [r, g, b]. */
export function colorAt(t, strength = 1) {
  const u = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0.5;
  if (u < 0.5) return mix(WHITE, ORANGE, (1 - u * 2) * strength);
  return mix(WHITE, BLUE, (u * 2 - 1) * strength);
}

/**
 * The colour of class `k` as [r, g, b], blended from white by `strength` (1: the full colour).
 * @param {number} k a class, 0 … 5
 * @param {number} [strength]
 */
export function classColor(k, strength = 1) {
  return mix(WHITE, CLASS_COLORS[k] ?? CLASS_COLORS[CLASS_COLORS.length - 1], strength);
}

/**
 * A colour as CSS text.
 * @param {readonly number[]} rgb
 */
export function cssColor([r, g, b]) {
  return `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
}

/** Map a regression value on [-1, 1] to [0, 1]. */
export function regressionToUnit(v) {
  return (v + 1) / 2;
}
