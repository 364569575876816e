/**
 * Dataset picker thumbnails: for each dataset a small Playground
 * (`{ dataset, samples: 200, noise, seed, classes }`) is built just to read its
 * training points, which are drawn onto the dataset's 60×60 canvas in their
 * classes' colours; then it is freed. A dataset of two classes only is drawn
 * with two (its canvas's `data-classes` says how many it shows).
 */
import { colorAt, classColor, cssColor, regressionToUnit } from "./colors.js";
import { setupCanvas } from "./plot.js";

const SIZE = 60;

/** @typedef {import("../../pkg/nn_playground.js").PlaygroundConfig} PlaygroundConfig */

/**
 * What the thumbnails show: the data's noise and seed, and (on a page with more than two classes)
 * the classes of a classification and the datasets that take more than two (js/core/classes.js).
 * @typedef {{ noise: number, seed: number, classes?: number, multiClass?: ReadonlySet<string> }} ThumbnailOptions
 */

/**
 * Draw every thumbnail canvas (`canvas[data-dataset]`) under `root`.
 * @param {typeof import("../../pkg/nn_playground.js").Playground} Playground the wasm class
 * @param {ThumbnailOptions} options
 * @param {(dataset: string) => PlaygroundConfig["problem"]} problemOf the problem type of a dataset
 */
export function drawThumbnails(Playground, { noise, seed, classes = 2, multiClass = new Set() }, problemOf, root = document) {
  for (const canvas of /** @type {NodeListOf<HTMLCanvasElement>} */ (root.querySelectorAll("canvas[data-dataset]"))) {
    const dataset = /** @type {PlaygroundConfig["dataset"]} */ (canvas.dataset.dataset);
    const problem = problemOf(dataset);
    const shown = problem === "classification" && multiClass.has(dataset) ? classes : 2;
    let pg = null;
    try {
      pg = new Playground({ dataset, problem, samples: 200, noise, seed, ...(problem === "classification" && { classes: shown }) });
      drawThumbnail(canvas, pg.points("train"), pg.bounds(), problem === "regression");
      canvas.dataset.drawn = "true";
      canvas.dataset.classes = String(shown);
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
 * `drawThumbnails` on the page, unless they already show this noise, seed and number of classes.
 * @param {Parameters<typeof drawThumbnails>[0]} Playground
 * @param {ThumbnailOptions} options
 * @param {Parameters<typeof drawThumbnails>[2]} problemOf
 */
export function updateThumbnails(Playground, options, problemOf) {
  const key = `${options.noise}|${options.seed}|${options.classes ?? 2}`;
  if (key === drawnKey) return;
  drawnKey = key;
  drawThumbnails(Playground, options, problemOf);
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
    const u = points[i + 2] / spread;
    ctx.fillStyle = cssColor(regression ? colorAt(regressionToUnit(Math.sign(u) * Math.sqrt(Math.abs(u)))) : classColor(points[i + 2]));
    ctx.beginPath();
    ctx.arc(x, y, 1.6, 0, Math.PI * 2);
    ctx.fill();
  }
}
