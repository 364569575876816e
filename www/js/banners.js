/**
 * The banners above the columns: the error banner (a config the core
 * rejected), the divergence banner (a report with `diverged: true`) and the
 * notice naming URL settings that fell back to their defaults.
 */

const $ = (id) => document.getElementById(id);

function show(id, textId, text) {
  $(textId).textContent = text;
  $(id).hidden = false;
}

/**
 * Show the error banner. The default title and hint fit a rejected setting;
 * other failures (the core not loading) pass their own.
 */
export function showError(message, {
  title = "Settings rejected.",
  hint = "The previous network keeps running.",
} = {}) {
  $("error-title").textContent = title;
  $("error-hint").textContent = hint;
  show("error-banner", "error-text", message);
}
export function hideError() {
  $("error-banner").hidden = true;
}
export function errorShown() {
  return !$("error-banner").hidden;
}

export function showDiverged(message) {
  show("diverged-banner", "diverged-text", message || "The loss is no longer finite.");
}
export function hideDiverged() {
  $("diverged-banner").hidden = true;
}

export function showNotice(text) {
  show("hash-notice", "hash-notice-text", text);
}
export function hideNotice() {
  $("hash-notice").hidden = true;
}

/** Wire the × buttons. */
export function initBanners() {
  for (const button of document.querySelectorAll("[data-close]")) {
    button.addEventListener("click", () => {
      $(button.dataset.close).hidden = true;
    });
  }
}

/** The message of anything thrown across the wasm boundary. */
export function messageOf(err) {
  if (err instanceof Error) return err.message;
  if (typeof err === "string") return err;
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}
