/**
 * The site navigation in every page header. The list of pages lives here
 * only: each header holds an empty `<nav data-site-nav>` that `startNav` fills
 * with one link per page, the current one marked `aria-current="page"`. After
 * the menu come the page tools every page shares: the language switch (on
 * pages whose strings are translated, js/core/i18n.js), Share and Embed
 * (js/shell/share.js); and the embed=1 view (js/shell/embed.js) starts here.
 */
import { LANGS, LANG_NAMES, lang, setLang, onLangChange, t } from "../core/i18n.js";
import { renderShareTools } from "./share.js";
import { startEmbed } from "./embed.js";
import "./ko.js";

/** The pages, in menu order. */
export const PAGES = Object.freeze([
  { href: "index.html", title: "Playground" },
  { href: "backprop.html", title: "Backprop" },
  { href: "normalization.html", title: "Normalization" },
  { href: "initialization.html", title: "Initialization" },
  { href: "lecture.html", title: "Lecture" },
]);

/** The file name of the page being shown ("/" counts as index.html). */
function currentFile() {
  const last = location.pathname.split("/").pop();
  return last === "" ? "index.html" : last;
}

/** A page's address in the current language (the language travels in the hash). */
function hrefIn(href, l) {
  return l === "en" ? href : `${href}#lang=${l}`;
}

/** Fill every `nav[data-site-nav]` under `root`. */
export function renderNav(root = document) {
  const here = currentFile();
  for (const nav of root.querySelectorAll("nav[data-site-nav]")) {
    if (!nav.hasAttribute("aria-label")) nav.setAttribute("aria-label", "Pages");
    const list = document.createElement("ul");
    for (const { href, title } of PAGES) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = hrefIn(href, lang());
      link.dataset.page = href;
      link.textContent = title;
      if (href === here) link.setAttribute("aria-current", "page");
      item.append(link);
      list.append(item);
    }
    nav.replaceChildren(list);
  }
}

/** The English / 한국어 switch: two toggle buttons, the current language pressed. */
function renderLangSwitch() {
  const group = document.createElement("div");
  group.className = "lang-switch";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", t("Language"));
  for (const l of LANGS) {
    const button = document.createElement("button");
    button.type = "button";
    button.lang = l;
    button.setAttribute("translate", "no");
    button.dataset.lang = l;
    button.textContent = LANG_NAMES[l];
    button.addEventListener("click", () => setLang(l));
    group.append(button);
  }
  return group;
}

function showLang(l) {
  for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll(".lang-switch button"))) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === l));
  }
  for (const link of /** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll("nav[data-site-nav] a[data-page]"))) {
    link.href = hrefIn(link.dataset.page, l);
  }
}

/** The language switch, Share and Embed after the first menu. */
export function renderPageTools(root = document) {
  const nav = root.querySelector("nav[data-site-nav]");
  if (!nav || root.querySelector(".page-tools")) return;
  const tools = document.createElement("div");
  tools.className = "page-tools";
  tools.append(renderLangSwitch());
  renderShareTools(tools);
  nav.after(tools);
  showLang(lang());
}

/** The navigation and page tools in the header, and the embedded view: call once the header is there. */
export function startNav() {
  renderNav();
  renderPageTools();
  onLangChange(showLang);
  startEmbed();
}
