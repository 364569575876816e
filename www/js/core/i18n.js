/**
 * English and Korean.
 *
 * English is the source language and the English text is its own key:
 * - static text in a page is translated where it stands: a text node, or a
 *   title / aria-label / placeholder / alt attribute, whose whole (trimmed)
 *   text is in the dictionary;
 * - a block with markup inside carries `data-i18n="key"`; its Korean is stored
 *   under that key (as HTML) and replaces the block's content;
 * - code calls `t("English {n}", { n })` for the strings it writes, and redraws
 *   on `onLangChange` (canvas text, labels it owns);
 * - text another module writes in English is translated as it appears
 *   (`watch`), so a module need not know about languages to be translated.
 * Elements with `translate="no"` (names, code) and MathML, SVG, code, script
 * and style are left alone.
 *
 * The language is `lang=` in the URL hash (English when absent); `setLang`
 * writes it back there, so a shared link keeps the language.
 */

export const LANGS = Object.freeze(["en", "ko"]);
/** Each language's name in itself, for the switch. */
export const LANG_NAMES = Object.freeze({ en: "English", ko: "한국어" });

/** English text (or a block key) → Korean. */
const korean = new Map();
/** [anchored RegExp, replacement] for English text with numbers or names in it. */
const patterns = [];
const listeners = new Set();
let current = "en";
let translated = false;

/** Attributes translated like text. */
const ATTRIBUTES = ["title", "aria-label", "placeholder", "alt", "label"];
/** Subtrees left alone. */
const SKIP = new Set(["SCRIPT", "STYLE", "CODE", "PRE", "TEXTAREA", "math", "MATH", "svg", "SVG", "KBD", "SAMP"]);

/** What a node showed in English and what it shows now: node → { en, shown } (text nodes, blocks). */
const originals = new WeakMap();
/** Per element, per attribute: { en, shown }. */
const attrOriginals = new WeakMap();

/**
 * Add Korean strings: `table` maps English text (or a data-i18n key) to Korean;
 * `regexes` are [RegExp, replacement] pairs tried when no exact entry matches
 * (anchor them with ^…$).
 */
export function addStrings(table, regexes = []) {
  for (const [en, ko] of Object.entries(table)) korean.set(en, ko);
  for (const pair of regexes) patterns.push(pair);
  // Strings that arrive after the page went Korean apply at once.
  if (current === "ko" && typeof document !== "undefined") translate(document);
}

/**
 * Mark the page as fully translated: the language switch is offered and the
 * language of the URL hash applies. A page's main module calls this first
 * thing, after importing its strings, so its own code already writes in that
 * language; a page that never calls it stays English.
 */
export function markTranslated() {
  if (translated) return;
  translated = true;
  if (typeof document === "undefined") return;
  document.documentElement.classList.add("i18n-ready");
  watchDocument();
  const requested = langFromHash(location.hash) ?? "en";
  if (requested !== current) setLang(requested, { writeHash: false });
}

/** The current language, "en" or "ko". */
export function lang() {
  return current;
}

/** The Korean for an English text, or undefined. */
function lookup(text) {
  const hit = korean.get(text);
  if (hit !== undefined) return hit;
  for (const [re, replacement] of patterns) {
    if (re.test(text)) return text.replace(re, replacement);
  }
  return undefined;
}

/** Replace {name} by params.name. */
function fill(text, params) {
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/**
 * The text in the current language: `english` itself, or its Korean, with
 * `{name}` placeholders filled from `params`.
 */
export function t(english, params) {
  return tIn(current, english, params);
}

/** Like `t`, in language `l` whatever the page's (a custom element follows its own `lang`). */
export function tIn(l, english, params) {
  let out = english;
  if (l === "ko") out = lookup(english) ?? english;
  return params ? fill(out, params) : out;
}

/** Call `fn(lang)` after every language change; returns a function that unsubscribes. */
export function onLangChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The `lang=` of a hash ("#a=1&lang=ko"), or null when absent or unknown. */
export function langFromHash(hash) {
  for (const part of String(hash ?? "").replace(/^#/, "").split("&")) {
    const [key, value] = part.split("=");
    if (key === "lang" && LANGS.includes(value)) return value;
  }
  return null;
}

/** The hash with `lang=` set to `l` (dropped for English). */
export function hashWithLang(hash, l) {
  const parts = String(hash ?? "").replace(/^#/, "").split("&").filter((p) => p && !/^lang(=|$)/.test(p));
  if (l !== "en") parts.push(`lang=${l}`);
  return parts.length ? `#${parts.join("&")}` : "";
}

/**
 * Switch the language: translate the document, tell the listeners, and
 * (unless `writeHash` is false) record it in the URL hash.
 */
export function setLang(l, { writeHash = true } = {}) {
  // A page without Korean strings stays English (no mixed pages).
  const next = translated && LANGS.includes(l) ? l : "en";
  if (writeHash && typeof location !== "undefined") {
    const hash = hashWithLang(location.hash, next);
    if (hash !== location.hash) history.replaceState(history.state, "", hash || location.pathname + location.search);
  }
  if (next === current) return;
  current = next;
  if (typeof document !== "undefined") {
    document.documentElement.lang = next;
    translate(document);
  }
  for (const fn of listeners) fn(next);
}

// ------------------------------------------------------------- the DOM

function skipped(el) {
  return SKIP.has(el.nodeName) || el.getAttribute("translate") === "no";
}

function translateText(node) {
  const rec = originals.get(node);
  const data = node.data;
  const en = rec && data === rec.shown ? rec.en : data;
  const core = en.trim().replace(/\s+/g, " ");
  if (core === "" || !/[A-Za-z]/.test(core)) {
    if (rec) originals.delete(node);
    return;
  }
  let shown = en;
  if (current === "ko") {
    const ko = lookup(core);
    if (ko !== undefined) shown = en.match(/^\s*/)[0] + ko + en.match(/\s*$/)[0];
  }
  if (shown !== data) node.data = shown;
  if (rec || shown !== en) originals.set(node, { en, shown });
}

function translateAttributes(el) {
  let recs = attrOriginals.get(el);
  for (const name of ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value === null) continue;
    const rec = recs?.get(name);
    const en = rec && value === rec.shown ? rec.en : value;
    const ko = current === "ko" ? lookup(en.trim()) : undefined;
    const shown = ko ?? en;
    if (shown !== value) el.setAttribute(name, shown);
    if (rec || shown !== en) {
      if (!recs) attrOriginals.set(el, (recs = new Map()));
      recs.set(name, { en, shown });
    }
  }
}

/** A `data-i18n` block: its content is swapped whole. Returns true when it was handled. */
function translateBlock(el) {
  const key = el.dataset.i18n;
  const ko = korean.get(key);
  if (ko === undefined) return false;
  let rec = originals.get(el);
  if (!rec) originals.set(el, (rec = { en: el.innerHTML, shown: el.innerHTML }));
  const html = current === "ko" ? ko : rec.en;
  if (el.innerHTML !== html) el.innerHTML = html;
  rec.shown = html;
  return true;
}

/**
 * Translate `root` (an element, a document or a text node) into the current language.
 * @param {Node} [root]
 */
export function translate(root = document) {
  if (root.nodeType === Node.TEXT_NODE) {
    const parent = root.parentElement;
    if (parent && !insideSkipped(parent)) translateText(root);
    return;
  }
  const start = root.nodeType === Node.DOCUMENT_NODE ? /** @type {Document} */ (root).documentElement : root;
  if (!start || (start.nodeType === Node.ELEMENT_NODE && insideSkipped(start))) return;
  visit(start);
}

function visit(el) {
  if (el.nodeType === Node.TEXT_NODE) {
    translateText(el);
    return;
  }
  if (el.nodeType !== Node.ELEMENT_NODE || skipped(el)) return;
  translateAttributes(el);
  if (el.dataset.i18n !== undefined && translateBlock(el)) {
    // The block's own markup may hold attributes or further text to translate.
    for (const inner of el.querySelectorAll("[title], [aria-label], [placeholder], [alt], [label]")) translateAttributes(inner);
    return;
  }
  for (let child = el.firstChild; child; child = child.nextSibling) visit(child);
}

function insideSkipped(el) {
  for (let e = el; e; e = e.parentElement) {
    if (skipped(e)) return true;
    if (e !== el && e.dataset?.i18n !== undefined && korean.has(e.dataset.i18n)) return true;
  }
  return false;
}

/**
 * Keep `root` translated while other code changes it (new nodes, new text,
 * new titles). Returns the observer.
 */
export function watch(root) {
  const observer = new MutationObserver((records) => {
    if (current !== "ko") return;
    for (const r of records) {
      if (r.type === "characterData") translate(r.target);
      else if (r.type === "attributes") {
        if (!insideSkipped(r.target)) translateAttributes(r.target);
      } else {
        for (const node of r.addedNodes) if (node.isConnected) translate(node);
      }
    }
  });
  observer.observe(root, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES,
  });
  return observer;
}

let watching = false;
function watchDocument() {
  if (watching) return;
  watching = true;
  watch(document.documentElement);
  // A link within the page that does not name a language keeps the current one.
  window.addEventListener("hashchange", () => {
    const l = langFromHash(location.hash);
    if (l === null) setLang(current);
    else if (l !== current) setLang(l, { writeHash: false });
  });
}
