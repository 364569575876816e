/**
 * Dataset picker thumbnails: for each dataset a small Playground
 * (`{ dataset, samples: 200, noise, seed }`) is built just to read its training
 * points, which are drawn onto the dataset's 60×60 canvas; then it is freed.
 */
import { colorAt, regressionToUnit } from "./colors.js";
import { setupCanvas } from "./plot.js";

const SIZE = 60;

/** @typedef {import("../../pkg/nn_playground.js").PlaygroundConfig} PlaygroundConfig */

/**
 * Draw every thumbnail canvas (`canvas[data-dataset]`) under `root`.
 * @param {typeof import("../../pkg/nn_playground.js").Playground} Playground the wasm class
 * @param {{ noise: number, seed: number }} options
 * @param {(dataset: string) => PlaygroundConfig["problem"]} problemOf the problem type of a dataset
 */
export function drawThumbnails(Playground, { noise, seed }, problemOf, root = document) {
  for (const canvas of /** @type {NodeListOf<HTMLCanvasElement>} */ (root.querySelectorAll("canvas[data-dataset]"))) {
    const dataset = /** @type {PlaygroundConfig["dataset"]} */ (canvas.dataset.dataset);
    const problem = problemOf(dataset);
    let pg = null;
    try {
      pg = new Playground({ dataset, problem, samples: 200, noise, seed });
      drawThumbnail(canvas, pg.points("train"), pg.bounds(), problem === "regression");
      canvas.dataset.drawn = "true";
    } catch {
      // A thumbnail is decoration: leave it blank rather than break the page.
      canvas.dataset.drawn = "false";
    } finally {
      if (pg) pg.free();
    }
  }
}

let drawnKey = "";

/**
 * `drawThumbnails` on the page, unless they already show this noise and seed.
 * @param {Parameters<typeof drawThumbnails>[0]} Playground
 * @param {Parameters<typeof drawThumbnails>[1]} options
 * @param {Parameters<typeof drawThumbnails>[2]} problemOf
 */
export function updateThumbnails(Playground, { noise, seed }, problemOf) {
  const key = `${noise}|${seed}`;
  if (key === drawnKey) return;
  drawnKey = key;
  drawThumbnails(Playground, { noise, seed }, problemOf);
}

/** Draw `points` ([x, y, label, …] inside `bounds`) on a 60×60 thumbnail canvas. */
export function drawThumbnail(canvas, points, bounds, regression) {
  const { ctx } = setupCanvas(canvas, SIZE, SIZE);
  canvas.style.width = `${SIZE}px`;
  canvas.style.height = `${SIZE}px`;
  const [xmin, xmax, ymin, ymax] = bounds;
  ctx.fillStyle = "#f7f8fa";
  ctx.fillRect(0, 0, SIZE, SIZE);
  // Regression targets: stretch to the full colour range (and lift small values with a square
  // root) so a thumbnail shows its shape even where most targets are near 0.
  let spread = 1;
  if (regression) {
    spread = 0;
    for (let i = 2; i < points.length; i += 3) spread = Math.max(spread, Math.abs(points[i]));
    if (!(spread > 0)) spread = 1;
  }
  for (let i = 0; i + 2 < points.length; i += 3) {
    const x = ((points[i] - xmin) / (xmax - xmin)) * SIZE;
    const y = ((ymax - points[i + 1]) / (ymax - ymin)) * SIZE;
    const label = points[i + 2];
    const u = label / spread;
    const [r, g, b] = colorAt(regression ? regressionToUnit(Math.sign(u) * Math.sqrt(Math.abs(u))) : label);
    ctx.fillStyle = `rgb(${r | 0}, ${g | 0}, ${b | 0})`;
    ctx.beginPath();
    ctx.arc(x, y, 1.6, 0, Math.PI * 2);
    ctx.fill();
  }
}
