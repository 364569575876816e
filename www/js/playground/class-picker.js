/**
 * The class a click on the plot adds (the "Your data" panel): one swatch per
 * class in its colour, as radio buttons (the arrow keys move between them),
 * each named by its number and colour. Shift adds the next class instead.
 */
import { CLASS_COLOR_NAMES } from "../views/colors.js";
import { classSwatch } from "../views/class-key.js";
import { t, onLangChange } from "../core/i18n.js";

export class ClassPicker {
  /**
   * @param {HTMLElement} group the radio group (role="radiogroup") the swatches go into
   */
  constructor(group) {
    this.group = group;
    this.classes = 0;
    /** The class chosen: class 1 (blue) at first, as before there were more. */
    this.chosen = 1;
    group.addEventListener("change", (e) => {
      if (e.target instanceof HTMLInputElement) this.chosen = Number(e.target.value);
    });
    onLangChange(() => this.name());
  }

  /**
   * One swatch per class of a classification with `classes` classes (the choice kept when it
   * is one of them, else class 0).
   * @param {number} classes
   */
  show(classes) {
    if (classes === this.classes) return;
    this.classes = classes;
    if (this.chosen >= classes) this.chosen = 0;
    this.group.replaceChildren(...Array.from({ length: classes }, (_, k) => {
      const input = document.createElement("input");
      Object.assign(input, { type: "radio", name: "pointClass", id: `pointClass-${k}`, value: String(k), checked: k === this.chosen });
      const label = document.createElement("label");
      label.className = "class-choice";
      label.append(input, classSwatch(k), String(k));
      return label;
    }));
    this.name();
  }

  /** Each swatch's tooltip and accessible name, in the page's language. */
  name() {
    for (const input of this.group.querySelectorAll("input")) {
      const k = Number(input.value);
      const name = t("class {k} ({colour})", { k, colour: t(CLASS_COLOR_NAMES[k]) });
      input.setAttribute("aria-label", name);
      /** @type {HTMLElement} */ (input.parentElement).title = name;
    }
  }

  /**
   * The label a new point gets: the chosen class, or with `next` the one after it.
   * @param {boolean} next
   */
  label(next) {
    return next ? (this.chosen + 1) % this.classes : this.chosen;
  }
}
