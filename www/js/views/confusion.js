/**
 * The confusion matrix of a classification (`pg.confusionMatrix(split)`) as a
 * table: one row per true class, one column per predicted class, each cell its
 * count of points shaded by its share of the row (so a class of few points
 * reads like one of many), the classes named by their colour swatches. Below
 * it, the diagonal — the points classified right — over the total, which is
 * the split's accuracy. A switch in the figure (radios named `confusionSplit`)
 * picks the test or the training split. Hidden for a regression.
 */
import { CLASS_COLOR_NAMES } from "./colors.js";
import { classSwatch } from "./class-key.js";
import { formatAccuracy } from "../core/format.js";
import { t, onLangChange } from "../core/i18n.js";

/** The shade of a whole row's share, as an opacity of the navy that fills a cell. */
const FULL_SHADE = 0.85;
/** From this shade on a cell's count is written in white (where white contrasts more than ink). */
const WHITE_FROM = 0.62;

/** Create an element with a class and text. */
function element(tag, className = "", text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A class's swatch and number, for a header cell. */
function classHeader(tag, k, scope) {
  const cell = element(tag, "confusion-class");
  cell.setAttribute("scope", scope);
  cell.append(classSwatch(k), String(k));
  cell.title = t(CLASS_COLOR_NAMES[k]);
  return cell;
}

export class ConfusionView {
  /**
   * @param {HTMLElement} figure the figure with the table (`.confusion-table`), the summary
   *   (`.confusion-summary`) and the split's radios
   */
  constructor(figure) {
    this.figure = figure;
    this.table = /** @type {HTMLTableElement} */ (figure.querySelector(".confusion-table"));
    this.summary = /** @type {HTMLElement} */ (figure.querySelector(".confusion-summary"));
    /** @type {"test" | "train"} */
    this.split = "test";
    /** @type {import("../../pkg/nn_playground.js").Playground | null} */
    this.pg = null;
    /** @type {Uint32Array} */
    this.counts = new Uint32Array(0);
    // The switch is the figure's own: keep its events from the settings form around it.
    figure.addEventListener("change", (e) => {
      e.stopPropagation();
      if (e.target instanceof HTMLInputElement && e.target.name === "confusionSplit") {
        this.split = e.target.value === "train" ? "train" : "test";
        this.update();
      }
    });
    onLangChange(() => this.render());
  }

  /**
   * Show the matrix of `pg` at its current weights (none, and the figure hidden, for null or a
   * regression).
   * @param {import("../../pkg/nn_playground.js").Playground | null} pg
   */
  show(pg) {
    this.pg = pg;
    this.update();
  }

  /** Count again at the current weights. */
  update() {
    this.counts = this.pg ? this.pg.confusionMatrix(this.split) : new Uint32Array(0);
    this.render();
  }

  /** The table and the summary from the last counts. */
  render() {
    const k = Math.round(Math.sqrt(this.counts.length));
    this.figure.hidden = k < 2;
    if (k < 2) return;
    const { counts } = this;
    this.table.replaceChildren(element("caption", "visually-hidden",
      t(this.split === "test"
        ? "Confusion matrix of the test data: one row per true class, one column per predicted class"
        : "Confusion matrix of the training data: one row per true class, one column per predicted class")));
    const head = element("thead");
    const top = element("tr");
    top.append(element("td"), Object.assign(element("th", "confusion-axis", t("predicted")), { colSpan: k, scope: "colgroup" }));
    const names = element("tr");
    names.append(Object.assign(element("th", "confusion-axis", t("true")), { scope: "col" }));
    for (let c = 0; c < k; c++) names.append(classHeader("th", c, "col"));
    head.append(top, names);
    const body = element("tbody");
    let right = 0;
    let total = 0;
    for (let r = 0; r < k; r++) {
      const row = element("tr");
      row.append(classHeader("th", r, "row"));
      let inRow = 0;
      for (let c = 0; c < k; c++) inRow += counts[r * k + c];
      for (let c = 0; c < k; c++) {
        const n = counts[r * k + c];
        const share = inRow ? n / inRow : 0;
        const cell = element("td", r === c ? "confusion-cell confusion-diagonal" : "confusion-cell", String(n));
        cell.dataset.count = String(n);
        cell.style.background = `rgba(24, 49, 83, ${(share * FULL_SHADE).toFixed(3)})`;
        cell.classList.toggle("confusion-dark", share * FULL_SHADE >= WHITE_FROM);
        cell.title = t("true class {r}, predicted {c}: {n} of the {all} points of class {r}", { r, c, n, all: inRow });
        row.append(cell);
      }
      right += counts[r * k + r];
      total += inRow;
      body.append(row);
    }
    this.table.append(head, body);
    this.summary.textContent = t("Diagonal: {right} of {total} points classified right ({accuracy})", {
      right, total, accuracy: formatAccuracy(total ? right / total : null),
    });
    this.summary.dataset.right = String(right);
    this.summary.dataset.total = String(total);
  }
}
