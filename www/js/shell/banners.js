/**
 * The banners above the columns: the error banner (a config the core
 * rejected), the divergence banner (a report with `diverged: true`) and the
 * notice naming URL settings that fell back to their defaults.
 */

const $ = (id) => document.getElementById(id);

/**
 * Writes the banners into a `<div class="banners">` after the page's header, in the page's own
 * wording; the divergence banner is there only on a page that trains (with `divergedHint`).
 * @param {{ errorHint: string, noticeTitle: string, divergedHint?: string }} wording
 */
export function renderBanners({ errorHint, divergedHint, noticeTitle }) {
  const container = element("div", { class: "banners" });
  document.querySelector("header.topbar").after(container);
  /**
   * One banner, hidden; `titleId` and `hintId` give its title and hint ids for a page to rewrite.
   * @param {string} id
   * @param {string} kind
   * @param {string} role
   * @param {string} title
   * @param {{ textId: string, titleId?: string, hint?: string, hintId?: string, dismiss: string }} parts
   */
  const banner = (id, kind, role, title, { textId, titleId, hint, hintId, dismiss }) => {
    const box = element("div", { id, class: `banner ${kind}`, role });
    box.hidden = true;
    box.append(
      element("strong", { class: "banner-title", ...(titleId && { id: titleId }) }, title),
      element("span", { class: "banner-text", id: textId }),
    );
    if (hint) box.append(element("span", { class: "banner-hint", ...(hintId && { id: hintId }) }, hint));
    box.append(element("button", { type: "button", class: "banner-close", "data-close": id, "aria-label": dismiss }, "×"));
    return box;
  };
  container.append(
    banner("error-banner", "banner-error", "alert", "Settings rejected.", {
      titleId: "error-title", textId: "error-text", hint: errorHint, hintId: "error-hint", dismiss: "Dismiss error",
    }),
  );
  if (divergedHint) {
    container.append(
      banner("diverged-banner", "banner-diverged", "alert", "Training diverged.", {
        textId: "diverged-text", hint: divergedHint, dismiss: "Dismiss divergence notice",
      }),
    );
  }
  container.append(
    banner("hash-notice", "banner-notice", "status", noticeTitle, { textId: "hash-notice-text", dismiss: "Dismiss notice" }),
  );
  closeOnClick();
}

function element(tag, attributes, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}


function show(id, textId, text) {
  $(textId).textContent = text;
  $(id).hidden = false;
}

/** Messages as sentences: each ends with a full stop unless it has one. */
function sentences(messages) {
  return messages.map((m) => (/[.!?]$/.test(m) ? m : `${m}.`)).join(" ");
}

/**
 * Show the error banner with one message or several (each its own sentence).
 * The default title and hint fit a rejected setting; other failures (the core
 * not loading) pass their own.
 * @param {string | string[]} message
 */
export function showError(message, {
  title = "Settings rejected.",
  hint = "The previous network keeps running.",
} = {}) {
  $("error-title").textContent = title;
  $("error-hint").textContent = hint;
  show("error-banner", "error-text", sentences(Array.isArray(message) ? message : [message]));
}
export function hideError() {
  $("error-banner").hidden = true;
}

export function showDiverged(message) {
  show("diverged-banner", "diverged-text", message);
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

/** The × of any banner (the page's, or one a view adds later) hides it. */
function closeOnClick() {
  document.addEventListener("click", (e) => {
    const button = e.target instanceof Element ? e.target.closest("[data-close]") : null;
    if (button instanceof HTMLElement) $(button.dataset.close).hidden = true;
  });
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
