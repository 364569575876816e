/**
 * A progress note for work that runs off the main thread: an element with an indeterminate
 * <progress> and a line of text, shown only once the work has taken longer than DELAY_MS (quick
 * work never makes it flash) and hidden when it ends.
 */
import { t } from "../core/i18n.js";

/** Milliseconds of work before the note shows (`window.nnProgressDelayMs` overrides it, for tests
 * whose machine may compute faster than that). */
export const DELAY_MS = 500;

/** The delay in force. */
function delay() {
  const override = /** @type {{ nnProgressDelayMs?: number }} */ (globalThis).nnProgressDelayMs;
  return typeof override === "number" ? override : DELAY_MS;
}

export class DelayedProgress {
  /**
   * @param {HTMLElement} element the note (hidden while nothing is slow)
   * @param {HTMLElement} text where its words go
   */
  constructor(element, text) {
    this.element = element;
    this.text = text;
    this.timer = 0;
    /** The English words of the work going on ("" when none). */
    this.words = "";
  }

  /**
   * Work started (or other work took over): `words` (English) show if it lasts DELAY_MS.
   * @param {string} words
   */
  start(words) {
    this.words = words;
    if (!this.element.hidden) this.relabel();
    else if (!this.timer) this.timer = window.setTimeout(() => this.show(), delay());
  }

  /** The work ended: hide the note (or never show it). */
  stop() {
    window.clearTimeout(this.timer);
    this.timer = 0;
    this.words = "";
    this.element.hidden = true;
  }

  show() {
    this.timer = 0;
    this.relabel();
    this.element.hidden = false;
  }

  /** The words in the page's language (after a language change too). */
  relabel() {
    this.text.textContent = t(this.words);
  }
}
