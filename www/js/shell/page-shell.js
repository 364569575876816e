/**
 * What every page's main module wires the same way: loading the wasm core
 * (with the error banner when it fails), the play button's pressed state, the
 * space bar as play/pause, a resize handler run at most once per frame, the
 * URL hash written without a history entry, and the defaults standing in for
 * a link the core refuses. Text is written in English unless a page passes
 * its translation function `tr` (i18n.js's `t`, when it relabels itself).
 */
import { showError, messageOf } from "./banners.js";

const english = (text) => text;

/**
 * Import and initialize www/pkg. On failure the error banner says how to build
 * it, `<html data-ready="error">` is set, and null is returned.
 */
export async function loadCore(tr = english) {
  try {
    const wasm = await import("../../pkg/nn_playground.js");
    await wasm.default();
    return wasm;
  } catch (err) {
    showError(`pkg/nn_playground.js: ${messageOf(err)}`, {
      title: tr("The WebAssembly core did not load."),
      hint: tr("The page cannot train without it. Build it with: wasm-pack build --target web --out-dir www/pkg"),
    });
    document.documentElement.dataset.ready = "error";
    return null;
  }
}

/** Show a play button (`.play-label` inside, icons switched by `.playing`) as playing or paused. */
export function showPlaying(button, on, tr = english) {
  button.setAttribute("aria-pressed", String(on));
  button.classList.toggle("playing", on);
  button.querySelector(".play-label").textContent = on ? tr("Pause") : tr("Play");
}

/** Call `toggle()` on the space bar, unless a control has the focus. */
export function onSpaceBar(toggle) {
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    const typing = t instanceof HTMLInputElement || t instanceof HTMLSelectElement ||
      t instanceof HTMLTextAreaElement || t instanceof HTMLButtonElement;
    if (e.key === " " && !typing && !e.repeat) {
      e.preventDefault();
      toggle();
    }
  });
}

/** Call `redraw()` after the window resized, at most once per animation frame. */
export function onResize(redraw) {
  let queued = false;
  window.addEventListener("resize", () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      redraw();
    });
  });
}

/** Make `hash` the URL's (replacing the history entry, if it differs); returns it. */
export function replaceHash(hash) {
  if (location.hash !== hash) history.replaceState(null, "", hash);
  return hash;
}

/**
 * Build from the link's state; when the core refuses it, write and build
 * `fallback` instead and keep the core's message on show.
 * @param {(state: object) => boolean} build
 * @param {(state: object) => void} write puts a state into the form
 */
export function buildOrFallback(build, initial, fallback, write, tr = english) {
  if (build(initial)) return;
  const message = document.getElementById("error-text").textContent;
  write(fallback);
  build(fallback);
  showError(message, { hint: tr("The link's settings were replaced by the defaults.") });
}
