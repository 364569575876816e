/**
 * The words for the core's names: what a menu shows for each choice of a
 * setting (the schema gives the choices, this module their English labels; the
 * Korean is in the pages' string tables). A page may show other words for a
 * choice in its own state description.
 */

/** Menu labels of each choice setting. */
export const CHOICE_LABELS = Object.freeze({
  problem: { classification: "Classification", regression: "Regression" },
  dataset: {
    circle: "Circle", xor: "XOR", gauss: "Gauss", spiral: "Spiral", moons: "Moons",
    plane: "Plane", gaussians: "Gaussians", custom: "Yours",
  },
  normalize: { none: "Raw inputs", standardize: "Standardize inputs" },
  activation: { tanh: "Tanh", relu: "ReLU", leakyRelu: "Leaky ReLU", sigmoid: "Sigmoid", linear: "Linear" },
  init: {
    xavier: "Xavier", xavierNormal: "Xavier normal", he: "He", lecun: "LeCun", normal: "Normal N(0, 1)",
    uniform: "Uniform U(−1, 1)", zeros: "Zeros", constant: "Constant", identity: "Identity (W = s·I)",
  },
  optimizer: { sgd: "SGD", momentum: "Momentum", adam: "Adam" },
});

/** Longer names of the datasets, for a thumbnail's tooltip. */
export const DATASET_TITLES = Object.freeze({
  circle: "Circle", xor: "Exclusive or", gauss: "Two Gaussians", spiral: "Spiral", moons: "Two moons",
  plane: "Plane", gaussians: "Gaussians", custom: "Your own points: click the plot, or import a CSV file",
});

/** The label of `choice` of setting `key` (the choice itself when none is known). */
export function choiceLabel(key, choice, labels = CHOICE_LABELS[key]) {
  return labels?.[choice] ?? choice;
}
