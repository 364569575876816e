/**
 * Files a page saves: any blob, and a playground's model as JSON (what the playground's
 * "Load a model" reads back).
 */

/** Save a blob as a file. */
export function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Save a playground's model (`pg.exportModel()`: settings and every weight) as nn-playground-model.json.
 * @param {import("../../pkg/nn_playground.js").Playground} pg
 */
export function saveModel(pg) {
  const json = JSON.stringify(pg.exportModel(), null, 1);
  download(new Blob([json], { type: "application/json" }), "nn-playground-model.json");
}
