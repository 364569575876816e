/**
 * Whether a click on the decision-boundary plot edits the data: the "Add
 * points" toggle under the plot, and the note shown where a click landed.
 *
 * Off (the start), a click leaves the data alone and the note at the click
 * says how to edit (unless an embedded view leaves the toggle out); on, a
 * click adds or removes a point (point-editor.js) and the note at the click
 * says what changed — the first edit of a built-in dataset turns it into
 * "Yours", a copy of the points on screen. The note also goes to screen
 * readers (role="status").
 */
import { t } from "../core/i18n.js";

/** How long a note stays at the click. */
const NOTE_MS = 4000;

export class EditMode {
  /**
   * @param {HTMLButtonElement} button the toggle (aria-pressed)
   * @param {HTMLCanvasElement} canvas the plot
   * @param {() => void} changed called after the mode was switched by the button
   */
  constructor(button, canvas, changed) {
    this.button = button;
    this.canvas = canvas;
    this.on = false;
    this.timer = 0;
    this.note = document.createElement("p");
    this.note.className = "plot-note";
    this.note.setAttribute("role", "status");
    this.note.hidden = true;
    canvas.parentElement.append(this.note);
    button.addEventListener("click", () => {
      this.set(!this.on);
      changed();
    });
    this.set(false);
  }

  /**
   * Turn editing on or off.
   * @param {boolean} on
   */
  set(on) {
    this.on = on;
    this.button.setAttribute("aria-pressed", String(on));
    this.canvas.classList.toggle("editing", on);
    if (!on) this.hide();
  }

  /**
   * Show `text` just below canvas position `at` ([x, y] in CSS pixels), for a few seconds.
   * @param {string} text
   * @param {readonly number[]} at
   */
  say(text, [x, y]) {
    const note = this.note;
    note.textContent = text;
    note.hidden = false;
    const figure = /** @type {HTMLElement} */ (note.parentElement);
    const left = this.canvas.offsetLeft + x - note.offsetWidth / 2;
    note.style.left = `${Math.max(0, Math.min(figure.clientWidth - note.offsetWidth, left))}px`;
    note.style.top = `${this.canvas.offsetTop + y + 14}px`;
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.hide(), NOTE_MS);
  }

  /** At a click that changed nothing because editing is off: how to edit (where the toggle is shown). */
  explain(at) {
    if (!this.button.getClientRects().length) return; // an embedded view without the data controls
    this.say(t("The data stays as it is. To add points, press “Add points” under the plot."), at);
  }

  hide() {
    clearTimeout(this.timer);
    this.note.hidden = true;
  }
}
