/**
 * The page header, one renderer for every page: the brand with the site
 * navigation (filled by js/shell/nav.js), the transport buttons (Reset, Play,
 * Step — each only where the page has it), the speed menu (its options come
 * from the page's `speed` key) and the counters. Each page passes its own
 * wording; text is written in English and translated like the rest of the page.
 */

/** Create an element with attributes and children (strings become text). */
function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** An icon from icons.svg. */
function icon(name, className) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", name === "logo" ? "0 0 32 32" : "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  if (className) svg.setAttribute("class", className);
  const use = document.createElementNS("http://www.w3.org/2000/svg", "use");
  use.setAttribute("href", `icons.svg#icon-${name}`);
  svg.append(use);
  return svg;
}

/**
 * The page's `<header class="topbar">`, first in its body.
 * @param {object} [parts]
 * @param {{ label: string, reset?: string, play?: string, pause?: string, step?: string }} [parts.player]
 *   the transport group's accessible name and the title of each button it has (`pause`: the
 *   play button's title while playing, which the page controller sets)
 * @param {{ label: string, title?: string }} [parts.speed] the speed menu (`name="speed"`)
 * @param {[label: string, id: string][]} [parts.counters] the counters, each shown in `<dd id>`
 * @param {boolean} [parts.article] an article page: its own title is the page's heading, so the
 *   site's name is not one
 * @param {{ text: string, target: string }} [parts.skip] the link that skips the header, first in
 *   the page (`target`: the id of what it skips to)
 */
export function renderHeader({ player, speed, counters = [], article = false, skip } = {}) {
  const header = element("header", { class: "topbar" });
  document.body.prepend(header);
  if (skip) header.before(element("a", { class: "skip-link", href: `#${skip.target}` }, skip.text));
  const name = article ? element("p", { class: "site-name", translate: "no" }, "nn-playground")
    : element("h1", { translate: "no" }, "nn-playground");
  const brand = element("div", { class: "brand" }, icon("logo", "logo"), name,
    element("nav", { class: "site-nav", "data-site-nav": "", "aria-label": "Pages" }));
  const parts = [brand];
  if (player) {
    const group = element("div", { class: "player", role: "group", "aria-label": player.label });
    if (player.reset) group.append(element("button", { type: "button", id: "reset", class: "icon-button", title: player.reset }, icon("reset"), element("span", {}, "Reset")));
    if (player.play) {
      group.append(element("button", { type: "button", id: "play", class: "play-button", "aria-pressed": "false", title: player.play },
        icon("play", "icon-play"), icon("pause", "icon-pause"), element("span", { class: "play-label" }, "Play")));
    }
    if (player.step) group.append(element("button", { type: "button", id: "step", class: "icon-button", title: player.step }, icon("step"), element("span", {}, "Step")));
    parts.push(group);
  }
  if (speed) {
    const select = element("select", { id: "speed", name: "speed", ...(speed.title && { title: speed.title }) });
    parts.push(element("div", { class: "speed", "data-control": "speed" }, element("label", { for: "speed" }, speed.label), select));
  }
  if (counters.length) {
    parts.push(element("dl", { class: "counters", "aria-live": "off" },
      ...counters.map(([label, id]) => element("div", {}, element("dt", {}, label), element("dd", { id }, "0")))));
  }
  header.replaceChildren(...parts);
}
