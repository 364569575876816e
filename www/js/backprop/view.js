/**
 * Drawing one stage of the backprop explorer: its equation (MathML), the text,
 * the size check, and the terms as small matrices with their shapes — a
 * transposed matrix is marked, long dimensions (many examples) are elided in
 * the middle. The stage list beside it marks the current stage.
 */
import { formatEntry } from "../core/format.js";
import { t as tr } from "../core/i18n.js";

/** At most this many rows / columns of a matrix are drawn (first ones, ⋯, the last). */
const MAX_SHOWN = 6;

function el(tag, className, html) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (html !== undefined) e.innerHTML = html;
  return e;
}

/** Indices to draw of a dimension of size n (null marks the elided middle). */
function shownIndices(n) {
  if (n <= MAX_SHOWN) return Array.from({ length: n }, (_, i) => i);
  return [...Array.from({ length: MAX_SHOWN - 2 }, (_, i) => i), null, n - 1];
}

function plain(html) {
  return html.replace(/<[^>]+>/g, "");
}

/** A matrix term as a captioned table. */
function matrixElement(t) {
  const fig = el("figure", `mx mx-${t.kind}${t.T ? " mx-transposed" : ""}`);
  const cap = el("figcaption", "mx-caption");
  cap.append(el("span", "mx-name", t.name), el("span", "mx-shape", `${t.rows} × ${t.cols}`));
  const table = el("table", "mx-table");
  table.setAttribute("aria-label", tr(t.T ? "{name} transposed, {rows} by {cols}" : "{name}, {rows} by {cols}",
    { name: plain(t.name), rows: t.rows, cols: t.cols }));
  const body = el("tbody");
  const at = (r, c) => (t.T ? t.values[c * t.stride + r] : t.values[r * t.stride + c]);
  const cols = shownIndices(t.cols);
  for (const r of shownIndices(t.rows)) {
    const tr = el("tr");
    for (const c of cols) {
      if (r === null || c === null) {
        tr.append(el("td", "mx-gap", r === null && c === null ? "⋱" : r === null ? "⋮" : "⋯"));
        continue;
      }
      const v = at(r, c);
      const td = el("td", "mx-cell");
      td.textContent = formatEntry(v);
      td.title = String(v);
      if (v < 0) td.classList.add("neg");
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  fig.append(cap, table);
  if (t.T) fig.append(el("span", "mx-note", tr("transposed")));
  else if (t.note) fig.append(el("span", "mx-note", t.note));
  return fig;
}

function termElement(t) {
  if (t.matrix) return matrixElement(t);
  if (t.scalar) {
    const fig = el("figure", "mx mx-result mx-scalar");
    const value = el("output", "mx-cell scalar");
    value.textContent = formatEntry(t.value, 5);
    value.title = String(t.value);
    value.dataset.value = String(t.value);
    fig.append(el("figcaption", "mx-caption", `<span class="mx-name">${t.name}</span><span class="mx-shape">1 × 1</span>`), value);
    return fig;
  }
  const o = el("span", /[a-z\uac00-\ud7a3]/i.test(t.op) ? "mx-op mx-op-words" : "mx-op");
  o.textContent = t.op;
  if (t.title) o.title = t.title;
  o.setAttribute("aria-hidden", "true");
  return o;
}

/** Fill the stage card. */
export function renderStage(stage, index, count) {
  const $ = (id) => document.getElementById(id);
  const card = $("stage-card");
  card.dataset.group = stage.group;
  card.dataset.stage = stage.id;
  $("stage-count").textContent = tr("Stage {n} of {count}", { n: index + 1, count });
  $("stage-title").innerHTML = stage.title;
  $("stage-equation").innerHTML = stage.equation;
  $("stage-explain").innerHTML = stage.explain;
  const sizes = $("stage-sizes");
  sizes.replaceChildren(...stage.sizes.map((s) => el("li", "", s)));
  const terms = $("stage-terms");
  terms.replaceChildren(...stage.rows.map((row) => {
    const line = el("div", "mx-row");
    for (let i = 0; i < row.length; i++) {
      if (row[i].op === "=" && i + 1 < row.length) {
        // "=" stays on the line of the result it introduces.
        const group = el("span", "mx-group");
        group.append(termElement(row[i]), termElement(row[i + 1]));
        line.append(group);
        i++;
      } else {
        line.append(termElement(row[i]));
      }
    }
    return line;
  }));
}

/** The list of stages, one button each; `onPick(index)` when one is chosen. */
export function renderStageList(list, stages, onPick) {
  list.replaceChildren(...stages.map((s, i) => {
    const li = el("li", `stage-item stage-${s.group}`);
    const b = el("button", "stage-button", s.short);
    b.type = "button";
    b.dataset.stage = s.id;
    b.title = plain(s.title);
    b.addEventListener("click", () => onPick(i));
    li.append(b);
    return li;
  }));
}

/** Mark the current stage in the list. */
export function markStage(list, id) {
  for (const b of list.querySelectorAll(".stage-button")) {
    if (b.dataset.stage === id) b.setAttribute("aria-current", "step");
    else b.removeAttribute("aria-current");
  }
}
