/**
 * Classifications of more than two classes (config key `classes`, 2 … 6): which
 * datasets take them, and a page's state kept so that its dataset and its
 * number of classes go together. The core knows which datasets take more than
 * two classes (it refuses the others with a `twoClasses` error), so a page asks
 * it once, with a tiny playground per dataset, instead of keeping a list.
 */
import { CUSTOM } from "./state.js";

/**
 * The datasets of `datasets` on which the core builds a classification of three classes.
 * @param {typeof import("../../pkg/nn_playground.js").Playground} Playground the wasm class
 * @param {readonly import("../../pkg/nn_playground.js").PlaygroundConfig["dataset"][]} datasets
 * @returns {ReadonlySet<string>}
 */
export function multiClassDatasets(Playground, datasets) {
  const multi = new Set();
  for (const dataset of datasets) {
    try {
      new Playground({ dataset, classes: 3, samples: 10, hidden: [] }).free();
      multi.add(dataset);
    } catch (err) {
      if (err?.code !== "twoClasses") throw err;
    }
  }
  return multi;
}

/**
 * Keep a state's dataset and classes together after the setting `key` changed: a regression has
 * two classes; a dataset of two classes chosen while more are set brings the classes back to 2;
 * more classes chosen on such a dataset bring the first dataset that has them. Changes `next`.
 * @template {{ dataset: string, classes: number, problem: string }} S
 * @param {string} key
 * @param {S} next
 * @param {ReadonlySet<string>} multiClass the datasets that take more than two classes
 * @returns {S}
 */
export function fitClasses(key, next, multiClass) {
  if (next.problem === "regression") next.classes = 2;
  else if (next.classes > 2 && next.dataset !== CUSTOM && !multiClass.has(next.dataset)) {
    if (key === "classes" && multiClass.size) next.dataset = [...multiClass][0];
    else if (key === "dataset") next.classes = 2;
  }
  return next;
}
