/**
 * Share and Embed buttons (js/nav.js puts them in every page header).
 *
 * A page keeps its whole state in the URL hash, so the address is the link.
 * Share copies it with navigator.clipboard; where the browser refuses, a
 * dialog shows the link selected in a text field, to copy by hand. Embed shows
 * the <iframe> snippet for the current state (embed=1 added) and, on a page
 * that registers one with `setElementSnippet`, the <nn-playground> snippet.
 * Both leave out trained weights the address may still hold from a link
 * (`model=`): those are shared by "Share trained" (js/shell/model-share.js),
 * as they are now.
 */
import { t } from "../core/i18n.js";
import { CUSTOM } from "../core/state.js";
import { attributeName, withoutKey } from "../core/hash.js";
import { MODEL_KEY } from "../core/model-link.js";

/** Height of the suggested iframe, in CSS pixels. */
const IFRAME_HEIGHT = 720;

let elementSnippetOfPage = null;

/** A page that the custom element can show registers how to write its snippet (e.g. `elementSnippet`). */
export function setElementSnippet(fn) {
  elementSnippetOfPage = fn;
}

/** The address of the settings: without trained weights from a link. */
export function settingsUrl(href = location.href) {
  const url = new URL(href);
  url.hash = withoutKey(url.hash, MODEL_KEY);
  return url.href;
}

/** The address of the settings with embed=1 in its hash. */
export function embedUrl(href = location.href) {
  const url = new URL(settingsUrl(href));
  const parts = url.hash.replace(/^#/, "").split("&").filter((p) => p && !/^embed(=|$)/.test(p));
  parts.push("embed=1");
  url.hash = parts.join("&");
  return url.href;
}

export function escapeHtml(text) {
  return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The <iframe> element for an embed address. */
export function iframeSnippet(src, height = IFRAME_HEIGHT) {
  return `<iframe src="${escapeHtml(src)}" title="nn-playground" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;
}

/**
 * The <nn-playground> custom element showing a playground hash: its module
 * script and one attribute per setting that differs from the default.
 * @param {ReturnType<typeof import("../core/state.js").describeState>} description the playground's state
 */
export function elementSnippet(description, hash = location.hash, script = new URL("js/element/nn-playground-element.js", location.href).href) {
  const { state } = description.parse(hash);
  const base = description.defaults();
  const attrs = [];
  for (const key of description.keys) {
    const v = state[key];
    if ((key === "points" && state.dataset !== CUSTOM) || JSON.stringify(v) === JSON.stringify(base[key])) continue;
    attrs.push(`${attributeName(key)}="${escapeHtml(Array.isArray(v) ? v.join(",") : v)}"`);
  }
  return `<script type="module" src="${escapeHtml(script)}"></script>\n<nn-playground ${attrs.join(" ")}></nn-playground>`;
}

/** Copy text to the clipboard; false when the browser does not allow it. */
export async function copyText(text) {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A read-only text field with its label and a Copy button. */
function snippetField(id, label, value, status) {
  const wrap = el("div", { class: "snippet" });
  const lab = el("label", { for: id }, label);
  const field = el(value.length > 90 ? "textarea" : "input", { id, readonly: "", spellcheck: "false" });
  if (field instanceof HTMLTextAreaElement) field.rows = Math.min(5, Math.ceil(value.length / 80));
  field.value = value;
  const copy = el("button", { type: "button", class: "tool-button" }, t("Copy"));
  copy.addEventListener("click", async () => {
    const ok = await copyText(value);
    if (!ok) {
      field.focus();
      field.select();
    }
    status.textContent = ok ? t("Copied.") : t("Selected: press Ctrl+C (⌘C on a Mac) to copy.");
  });
  wrap.append(lab, el("div", { class: "snippet-row" }), status);
  wrap.querySelector(".snippet-row").append(field, copy);
  return { wrap, field };
}

/**
 * Fill the share dialog with a title, an explanation, snippets ([id, label, text]) and other
 * nodes (`extra`, before Close), and open it; returns the first snippet's field.
 * @param {string} title
 * @param {string} hint
 * @param {[string, string, string][]} snippets
 * @param {Node[]} [extra]
 */
export function openDialog(title, hint, snippets, extra = []) {
  const dialog = /** @type {HTMLDialogElement} */ (document.getElementById("share-dialog"));
  const heading = el("h2", { id: "share-dialog-title" }, title);
  const parts = [heading, el("p", { class: "hint" }, hint)];
  let first = null;
  for (const [id, label, value] of snippets) {
    const status = el("p", { class: "snippet-status", role: "status", "aria-live": "polite" });
    const { wrap, field } = snippetField(id, label, value, status);
    first ??= field;
    parts.push(wrap);
  }
  const close = el("button", { type: "button", class: "tool-button dialog-close" }, t("Close"));
  close.addEventListener("click", () => dialog.close());
  parts.push(...extra, close);
  dialog.replaceChildren(...parts);
  dialog.showModal();
  first?.focus();
  first?.select();
  return first;
}

let statusTimer = 0;
/** Say `text` beside the Share button for a few seconds. */
export function showShareStatus(text) {
  const status = document.getElementById("share-status");
  status.textContent = text;
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => (status.textContent = ""), 4000);
}

/**
 * Render the Share and Embed buttons into `container`, in English: the page's translation
 * turns them into its language and back.
 */
export function renderShareTools(container) {
  const share = el("button", { type: "button", id: "share-button", class: "tool-button", title: "Copy a link to this exact view" }, "Share");
  const embed = el("button", { type: "button", id: "embed-button", class: "tool-button", title: "Show the HTML that embeds this view in another page" }, "Embed");
  const status = el("span", { id: "share-status", class: "tool-status", role: "status", "aria-live": "polite" });
  const dialog = el("dialog", { id: "share-dialog", class: "share-dialog", "aria-labelledby": "share-dialog-title" });

  share.addEventListener("click", async () => {
    const link = settingsUrl();
    if (await copyText(link)) {
      showShareStatus(t("Link copied."));
      return;
    }
    openDialog(t("Share this view"), t("The link holds every setting of this view. Copy it:"),
      [["share-link", t("Link"), link]]);
  });

  embed.addEventListener("click", () => {
    const src = embedUrl();
    /** @type {[string, string, string][]} */
    const snippets = [["embed-iframe", t("In an iframe"), iframeSnippet(src)]];
    if (elementSnippetOfPage) snippets.push(["embed-element", t("As a custom element"), elementSnippetOfPage()]);
    openDialog(t("Embed this view"),
      t("embed=1 shows only the widget; add controls=learningRate,dataset (hash keys) to keep just those controls, or controls=none."),
      snippets);
  });

  container.append(share, embed, status, dialog);
}
