/**
 * Filled contours of a loss surface, computed here from the grid the core
 * returns: `logLevels` spaces the level edges logarithmically between the
 * grid's smallest and largest cost, and `bandImage` colours every pixel by the
 * band its bilinearly interpolated cost falls in, with a thin darker line
 * wherever the band changes (the contour lines).
 */
import { sequentialAt } from "./colors.js";

/** Number of bands. */
export const BAND_COUNT = 14;
/** The lowest edge is at most this many decades below the highest. */
const MAX_DECADES = 12;
/** How much a contour-line pixel is darkened. */
const LINE_SHADE = 0.72;

/**
 * Log-spaced bands over the positive finite values of `values`.
 * @returns {{ lo: number, hi: number, count: number, edges: number[] } | null} null when nothing is positive
 */
export function logLevels(values, count = BAND_COUNT) {
  let lo = Infinity;
  let hi = 0;
  for (const v of values) {
    if (v > 0 && v < Infinity) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!(hi > 0)) return null;
  lo = Math.max(lo, hi * 10 ** -MAX_DECADES);
  // A flat surface still gets bands (around its one value).
  if (hi < lo * (1 + 1e-6)) {
    lo /= 1 + 1e-6;
    hi *= 1 + 1e-6;
  }
  const ratio = Math.log(hi / lo);
  const edges = [];
  for (let i = 0; i <= count; i++) edges.push(lo * Math.exp((ratio * i) / count));
  return { lo, hi, count, edges };
}

/** The colour of each band, lowest first, as a flat [r, g, b, …] array. */
function bandColors(count) {
  const out = new Uint8ClampedArray(count * 3);
  for (let b = 0; b < count; b++) {
    const rgb = sequentialAt(count === 1 ? 0 : b / (count - 1));
    out.set(rgb.map(Math.round), b * 3);
  }
  return out;
}

/**
 * A size×size RGBA image of the bands of a res×res grid (row-major, first row
 * at the top) stretched over the whole image.
 * @returns {Uint8ClampedArray<ArrayBuffer>} size·size·4 bytes
 */
export function bandImage(values, res, size, levels) {
  const { lo, hi, count } = levels;
  const band = new Uint8Array(size * size);
  const NONE = 255;
  const perLog = count / Math.log(hi / lo);
  const logLo = Math.log(lo);
  const gridPerPixel = (res - 1) / size;
  for (let py = 0; py < size; py++) {
    const gy = (py + 0.5) * gridPerPixel;
    const r = Math.min(res - 2, Math.floor(gy));
    const fy = gy - r;
    const top = r * res;
    const bottom = top + res;
    for (let px = 0; px < size; px++) {
      const gx = (px + 0.5) * gridPerPixel;
      const c = Math.min(res - 2, Math.floor(gx));
      const fx = gx - c;
      const upper = values[top + c] + (values[top + c + 1] - values[top + c]) * fx;
      const lower = values[bottom + c] + (values[bottom + c + 1] - values[bottom + c]) * fx;
      const v = upper + (lower - upper) * fy;
      let b;
      if (Number.isNaN(v)) b = NONE;
      else if (!(v > lo)) b = 0;
      else b = Math.min(count - 1, Math.floor((Math.log(v) - logLo) * perLog));
      band[py * size + px] = b;
    }
  }

  const colors = bandColors(count);
  const image = new Uint8ClampedArray(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const b = band[i];
    const o = i * 4;
    image[o + 3] = 255;
    if (b === NONE) {
      image[o] = image[o + 1] = image[o + 2] = 200;
      continue;
    }
    const right = (i + 1) % size !== 0 ? band[i + 1] : b;
    const below = i + size < band.length ? band[i + size] : b;
    const shade = right !== b || below !== b ? LINE_SHADE : 1;
    image[o] = colors[b * 3] * shade;
    image[o + 1] = colors[b * 3 + 1] * shade;
    image[o + 2] = colors[b * 3 + 2] * shade;
  }
  return image;
}
