/**
 * The classes' colours where a page names them: a swatch per class, and the
 * key under the decision boundary (views/figures.js) — the orange … blue scale
 * from 0 to 1 for two classes or a regression, one swatch per class for more.
 */
import { classColor, cssColor, CLASS_COLOR_NAMES } from "./colors.js";

/**
 * A small square in class `k`'s colour (hidden from screen readers: the class's number or name
 * stands beside it).
 * @param {number} k
 */
export function classSwatch(k) {
  const swatch = document.createElement("span");
  swatch.className = "class-swatch";
  swatch.style.background = cssColor(classColor(k));
  swatch.setAttribute("aria-hidden", "true");
  return swatch;
}

/**
 * Show the boundary figure's key for a classification of `classes` classes (2 for a regression):
 * the scale, or with three or more classes "class ■0 ■1 ■2 …".
 * @param {HTMLElement} figure the boundary figure
 * @param {number} classes
 */
export function showClassKey(figure, classes) {
  const key = /** @type {HTMLElement} */ (figure.querySelector(".class-key"));
  const many = classes > 2;
  for (const part of /** @type {NodeListOf<HTMLElement>} */ (figure.querySelectorAll(".scale-min, .scale-bar, .scale-max"))) part.hidden = many;
  key.hidden = !many;
  if (!many || key.querySelectorAll(".class-key-item").length === classes) return;
  const word = document.createElement("span");
  word.textContent = "class"; // translated as it appears (js/core/i18n.js)
  key.replaceChildren(word, ...Array.from({ length: classes }, (_, k) => {
    const item = document.createElement("span");
    item.className = "class-key-item";
    item.title = CLASS_COLOR_NAMES[k]; // translated as it appears
    item.append(classSwatch(k), String(k));
    return item;
  }));
}
