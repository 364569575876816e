/**
 * The figures the training pages show alike, written into placeholders so the
 * markup stands in one place:
 * - `<dl data-figure="readouts">`: training and test loss and accuracy (the
 *   accuracies hidden for regression by views/readouts.js);
 * - `<figure data-figure="boundary">`: the decision boundary's canvas and its
 *   colour scale (or, with more than two classes, a key of their colours:
 *   views/class-key.js);
 * - `<figure data-figure="loss">`: a loss chart's canvas and its legend, with
 *   the menu of its y axis (`logScale`: auto, linear, log) when the figure has
 *   `data-axis-menu`, and with `data-sharpness` the keys of λmax and 2/α
 *   (`[data-sharpness-key]`, hidden until the page tracks λmax).
 * A figure's `data-id` becomes its canvas's id, `data-canvas-view` its
 * canvas's data-view, `data-label` its accessible name and `data-described-by` its
 * aria-describedby.
 */

/** Create an element with attributes and children (strings become text). */
function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** The figure's canvas, named and described as its placeholder says. */
function canvasOf(figure) {
  const { id, canvasView, label, describedBy } = figure.dataset;
  return element("canvas", { id, "data-view": canvasView, role: "img", "aria-label": label, "aria-describedby": describedBy });
}

/** @param {HTMLElement} list */
function readouts(list) {
  const entry = (label, id, accuracy = false) =>
    element("div", accuracy ? { class: "accuracy" } : {}, element("dt", {}, label), element("dd", { id }, "–"));
  list.append(
    entry("Training loss", "train-loss"), entry("Test loss", "test-loss"),
    entry("Training accuracy", "train-accuracy", true), entry("Test accuracy", "test-accuracy", true),
  );
}

/** @param {HTMLElement} figure */
function boundary(figure) {
  const scale = element("figcaption", { class: "scale" },
    element("span", { class: "scale-min", id: "scale-min" }, "0"),
    element("span", { class: "scale-bar", "aria-hidden": "true" }),
    element("span", { class: "scale-max", id: "scale-max" }, "1"),
    element("span", { class: "class-key", hidden: "" }));
  figure.append(canvasOf(figure), scale);
}

/** @param {HTMLElement} figure */
function loss(figure) {
  const legend = element("figcaption", { class: "legend" },
    element("span", { class: "key key-train" }, "training"),
    element("span", { class: "key key-test" }, "test"),
    element("span", { class: "key key-batch" }, "mini-batch"));
  if (figure.hasAttribute("data-sharpness")) {
    legend.append(
      element("span", { class: "key key-sharpness", "data-sharpness-key": "", hidden: "" }, "λmax (sharpness)"),
      element("span", { class: "key key-stable", "data-sharpness-key": "", hidden: "" }, "2/α: full-batch gradient descent is stable below it"),
    );
  }
  if (figure.hasAttribute("data-axis-menu")) {
    // Its options come from the state's `logScale` choices (js/shell/fields.js).
    legend.append(element("span", { class: "axis-menu", "data-control": "logScale" },
      element("label", { for: "logScale" }, "Loss axis"),
      element("select", { id: "logScale", name: "logScale" })));
  }
  figure.append(canvasOf(figure), legend);
}

const RENDERERS = new Map([["readouts", readouts], ["boundary", boundary], ["loss", loss]]);

/** Fill every figure placeholder under `root`. */
export function renderFigures(root) {
  for (const placeholder of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll("[data-figure]"))) {
    RENDERERS.get(placeholder.dataset.figure)?.(placeholder);
  }
}
