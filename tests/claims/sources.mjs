/**
 * The claims the pages make, found where they are written: elements marked
 * `data-claim="id"` in www/*.html, and objects with `claim: "id"` in www/js (texts the pages
 * render from JS: presets, notes). For each claim: its id, where it is, its English text, its
 * Korean text (from the pages' own string tables) and the links it carries (the lesson's `href`,
 * the widget's `data-src`), which are the settings its check runs under.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tIn } from "../../www/js/core/i18n.js";

const WWW = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../www");

// The pages' Korean strings, registered as the pages register them.
for (const dir of ["shell", "playground", "normalization", "initialization", "backprop", "lecture"]) {
  await import(path.join(WWW, "js", dir, "ko.js"));
}
await import(path.join(WWW, "js", "core", "labels.js"));

/** HTML entities the pages use, decoded. */
function decode(html) {
  return html.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&nbsp;/g, " ");
}

/** Visible text of an HTML fragment: tags dropped, whitespace collapsed. */
export function textOf(html) {
  return decode(html.replace(/<[^>]+>/g, "")).replace(/\s+/g, " ").trim();
}

/** Every data-i18n element inside `html` (the claim's element included): [key, English inner HTML]. */
function translatedParts(html) {
  const parts = [];
  const re = /<(\w+)\b[^>]*\bdata-i18n="([^"]+)"[^>]*>([\s\S]*?)<\/\1>/g;
  for (const m of html.matchAll(re)) parts.push([m[2], m[3]]);
  return parts;
}

function htmlClaims() {
  const claims = [];
  for (const file of readdirSync(WWW).filter((f) => f.endsWith(".html"))) {
    const html = readFileSync(path.join(WWW, file), "utf8");
    const re = /<(\w+)\b([^>]*\bdata-claim="([^"]+)"[^>]*)>([\s\S]*?)<\/\1>/g;
    for (const m of html.matchAll(re)) {
      const [, tag, attributes, id, inner] = m;
      const whole = `<${tag}${attributes}>${inner}</${tag}>`;
      const parts = translatedParts(whole);
      const links = [...whole.matchAll(/\b(?:href|data-src)="([^"]*#[^"]*)"/g)].map((l) => decode(l[1]));
      claims.push({
        id,
        where: `${file}:${html.slice(0, m.index).split("\n").length}`,
        english: parts.map(([, en]) => textOf(en)).join(" "),
        korean: parts.map(([key]) => textOf(tIn("ko", key))).join(" "),
        untranslated: parts.filter(([key]) => tIn("ko", key) === key).map(([key]) => key),
        links,
      });
    }
  }
  return claims;
}

/** JS sources under www/js. */
function jsFiles(dir = path.join(WWW, "js")) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(path.join(dir, e.name)) : e.name.endsWith(".js") ? [path.join(dir, e.name)] : []);
}

function jsClaims() {
  const claims = [];
  for (const file of jsFiles()) {
    const source = readFileSync(file, "utf8");
    // An object literal: { …, claim: "id", …, text|label|inWords: "English", … } — the text is
    // the first of those after the claim, before the next claim.
    for (const m of source.matchAll(/\bclaim: "([^"]+)"/g)) {
      const rest = source.slice(m.index + m[0].length).split(/\bclaim: "/)[0];
      const text = /\b(?:text|label|inWords): "((?:[^"\\]|\\.)*)"/.exec(rest);
      const english = text ? JSON.parse(`"${text[1]}"`) : "";
      claims.push({
        id: m[1],
        where: `${path.relative(WWW, file)}:${source.slice(0, m.index).split("\n").length}`,
        english,
        korean: tIn("ko", english),
        untranslated: tIn("ko", english) === english ? [english] : [],
        links: [],
      });
    }
  }
  return claims;
}

/** Every claim the pages make. */
export function findClaims() {
  return [...htmlClaims(), ...jsClaims()];
}

/**
 * The numbers a sentence states, in order of appearance: "10⁻¹⁰" → "10^-10", "¼" → "1/4",
 * "10 000" → "10000", "1.5·I" → "1.5".
 */
export function numbersOf(text) {
  const SUPER = { "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-" };
  const normalized = text
    .replace(/(\d)[\s\u202f\u2009](?=\d{3}\b)/g, "$1")
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+/g, (s) => `^${[...s].map((c) => SUPER[c]).join("")}`)
    .replace(/¼/g, " 1/4 ").replace(/½/g, " 1/2 ").replace(/−/g, "-");
  return [...normalized.matchAll(/\d+(?:\.\d+)?(?:\^-?\d+)?(?:\/\d+)?/g)].map((m) => m[0]);
}
