/**
 * Embedding a page in another one.
 *
 * `embed=1` in the URL hash shows only the widget: the page's chrome (header,
 * menu, footer, "try this" lists) hides under `body.embed`. With embed=1,
 * `controls=learningRate,dataset` keeps only the controls named: every element
 * marked `data-control="<hash key>"` whose key is not listed is hidden, and so
 * is a `data-embed-group` (a panel, a column) whose controls all went.
 * `controls=none` leaves just the plots and the play buttons.
 *
 * Inside an iframe the page tells its parent how tall it is (message
 * `{ type: "nn-playground:size", height }`) so a lecture page can size the
 * frame, and follows the parent's language (`{ type: "nn-playground:lang", lang }`).
 */
import { pageOptionsOf, embedRequested } from "../core/hash.js";
import { setLang } from "../core/i18n.js";

export const SIZE_MESSAGE = "nn-playground:size";
export const LANG_MESSAGE = "nn-playground:lang";

/** The controls `controls=` keeps visible, or null for all of them. */
export function visibleControls(hash) {
  const raw = pageOptionsOf(hash).get("controls");
  return raw === undefined ? null : raw.split(",").filter(Boolean);
}

/** Show or hide the page's chrome and controls for the hash. */
export function applyEmbed(hash = location.hash, root = document) {
  const embed = embedRequested(hash);
  const keep = embed ? visibleControls(hash) : null;
  root.body.classList.toggle("embed", embed);
  root.body.classList.toggle("embed-some", keep !== null);
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll("[data-control]"))) {
    el.classList.toggle("embed-hidden", keep !== null && !keep.includes(el.dataset.control));
  }
  for (const group of root.querySelectorAll("[data-embed-group]")) {
    const controls = [...group.querySelectorAll("[data-control]")];
    group.classList.toggle("embed-hidden", keep !== null && controls.length > 0 &&
      controls.every((c) => c.classList.contains("embed-hidden")));
  }
}

let observer = null;

/** Report the page's height to the parent frame while embedded. */
function reportSize() {
  if (window.parent === window || observer) return;
  let last = 0;
  const send = () => {
    if (!document.body.classList.contains("embed")) return;
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: SIZE_MESSAGE, height }, "*");
  };
  observer = new ResizeObserver(send);
  observer.observe(document.body);
  send();
}

/** Apply the embed options now and after every hash change; talk to the parent frame. */
export function startEmbed() {
  applyEmbed();
  window.addEventListener("hashchange", () => applyEmbed());
  reportSize();
  window.addEventListener("message", (e) => {
    if (e.source !== window.parent || e.data?.type !== LANG_MESSAGE) return;
    setLang(e.data.lang);
  });
}
