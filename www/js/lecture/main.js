/**
 * The lecture page: an article whose figures are the site's own views in
 * iframes, each preset by its URL hash to the point the text makes and shown
 * with embed=1.
 *
 * A frame whose view (`data-src`) is missing from the site opens its
 * `data-fallback` (a playground preset) instead. Frames are sized to the
 * height their page reports, and follow the article's language: it is added to
 * their address before they load and sent to them afterwards (js/embed.js).
 */
import { lang, onLangChange, markTranslated } from "../core/i18n.js";
import { SIZE_MESSAGE, LANG_MESSAGE } from "../shell/embed.js";
import { renderHeader } from "../shell/header.js";
import { startNav } from "../shell/nav.js";
import "./ko.js";

markTranslated();
renderHeader({ article: true, skip: { text: "Skip to the article", target: "article" } });
startNav();

const frames = [.../** @type {NodeListOf<HTMLIFrameElement>} */ (document.querySelectorAll("iframe[data-src]"))];

/** A URL (with a hash) in language `l`. */
function inLang(src, l) {
  return l === "en" ? src : `${src}&lang=${l}`;
}

/** True when the server has the page of `src`. */
async function pageExists(src) {
  try {
    const response = await fetch(new URL(src.split("#")[0], location.href), { method: "HEAD", cache: "no-store" });
    return response.ok;
  } catch {
    return false;
  }
}

async function chooseSource(frame) {
  const { src, fallback } = frame.dataset;
  const usable = !fallback || (await pageExists(src));
  frame.dataset.view = usable ? src : fallback;
  if (!usable) frame.dataset.fellBack = "true";
  frame.addEventListener("load", () => (frame.dataset.loaded = "true"));
  frame.src = inLang(frame.dataset.view, lang());
}

window.addEventListener("message", (e) => {
  if (e.data?.type !== SIZE_MESSAGE || !(e.data.height > 0)) return;
  const frame = frames.find((f) => f.contentWindow === e.source);
  if (frame) frame.style.height = `${Math.ceil(e.data.height)}px`;
});

onLangChange((l) => {
  for (const frame of frames) {
    if (frame.dataset.loaded) frame.contentWindow.postMessage({ type: LANG_MESSAGE, lang: l }, location.origin);
    else if (frame.dataset.view) frame.src = inLang(frame.dataset.view, l);
  }
});

await Promise.all(frames.map(chooseSource));
document.documentElement.dataset.ready = "true";
