/**
 * The input column of the network diagram: one node per input feature, its name beside a small
 * heatmap of the input as the network sees it (the feature, normalized: `pg.inputOutputs`).
 *
 * With `choices` (the playground) the column shows every feature the core offers, as TensorFlow
 * Playground does: the network's own inputs filled and linked, the others dimmed (unfilled, no
 * links). Each node is then a toggle button (aria-pressed) that adds or removes its feature; the
 * last input is never removed. Without choices only the network's inputs are drawn.
 */
import { choiceLabel } from "../core/labels.js";

/** The name a feature is drawn with ("x1Squared" → "x₁²"). */
export function featureName(feature) {
  return choiceLabel("features", feature);
}

/**
 * The features after toggling `feature`: added or removed, in the order of `choices`; null when
 * removing it would leave the network without an input.
 * @param {readonly string[]} choices
 * @param {readonly string[]} active
 * @param {string} feature
 * @returns {string[] | null}
 */
export function toggleFeature(choices, active, feature) {
  const on = active.includes(feature) ? active.filter((f) => f !== feature) : [...active, feature];
  return on.length ? choices.filter((c) => on.includes(c)) : null;
}

/** Why `feature` was not removed, in English (the pages' strings translate it). */
export function lastInputText(feature) {
  return `${featureName(feature)} is the only input left: add another feature before removing it.`;
}

/** The tooltip of a feature's toggle. */
function toggleTitle(feature, on) {
  return on
    ? `${featureName(feature)}: an input of the network. Press to remove it.`
    : `${featureName(feature)}: not an input. Press to add it.`;
}

/**
 * A node of the input column (see above).
 * @typedef {object} InputNode
 * @property {HTMLElement} el the element drawn as the node (links start at it)
 * @property {HTMLCanvasElement | null} canvas its heatmap (an input of the network only)
 * @property {number | null} unit the input's index in the network, null for a feature it lacks
 * @property {HTMLElement} item the element in the column (a toggle, or the node with its name)
 */

/**
 * The nodes of the input column: the network's `features`, or every one of `choices` when the
 * diagram toggles them.
 * @param {readonly string[]} features the network's inputs, in their order
 * @param {readonly string[] | null} choices every feature, when the diagram toggles them
 * @param {string} id the diagram's id: a toggle's is `<id>-feature-<feature>`
 * @returns {InputNode[]}
 */
export function inputNodes(features, choices, id) {
  return (choices ?? features).map((feature) => {
    const unit = features.indexOf(feature);
    const on = unit >= 0;
    const node = document.createElement("span");
    node.className = "node node-input";
    node.dataset.node = "";
    let canvas = null;
    if (on) {
      canvas = document.createElement("canvas");
      canvas.width = 1;
      canvas.height = 1;
      canvas.setAttribute("aria-hidden", "true");
      node.append(canvas);
    }
    const name = document.createElement("span");
    name.className = "feature-name";
    name.textContent = featureName(feature);
    const item = document.createElement(choices ? "button" : "span");
    item.className = "node-feature";
    item.dataset.feature = feature;
    if (choices) {
      item.id = `${id}-feature-${feature}`;
      /** @type {HTMLButtonElement} */ (item).type = "button";
      item.setAttribute("aria-pressed", String(on));
      item.title = toggleTitle(feature, on);
    }
    item.append(name, node);
    return { el: node, canvas, unit: on ? unit : null, item };
  });
}
