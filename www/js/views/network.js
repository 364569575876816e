/**
 * The network diagram: input features → hidden layers → output units (one, or
 * one per class for a softmax output), TensorFlow Playground style, with
 * buttons to add/remove hidden layers (0..16) and units per layer (1..128), and
 * on the playground input nodes that toggle the features (js/views/network-inputs.js).
 *
 * Columns, units and buttons are plain HTML (so they are keyboard accessible);
 * the links are an SVG drawn behind them from the laid-out unit positions. A
 * layer wider than MAX_DRAWN units shows its first units and a "+N" marker.
 * A `fit` diagram stays inside its container however deep the network: its
 * layers share the width, their units and heads shrinking with it (CSS), and
 * when a layer would get narrower than MIN_LAYER_PX the diagram runs down
 * instead, one row per layer.
 *
 * `update()` puts numbers on it: every unit becomes a small heatmap of its own
 * output over the input plane, every input one of the input as the network sees
 * it — tiles the core paints (`pg.drawNodeOutputs`) and each node copies —
 * every link is coloured by the
 * sign and sized by the magnitude of its weight — or of its gradient of the last
 * update (`pg.parameters()`, or the layers of a `pg.backpropTrace()`). Hovering
 * a link or a unit, or focusing a unit (arrow keys move between units), shows
 * the exact values. `highlight()` marks the units and links one computation
 * involves (the backprop explorer's stages).
 */
import { ORANGE, BLUE } from "./colors.js";
import { formatEntry } from "../core/format.js";
import { inputNodes, featureName, toggleFeature, lastInputText } from "./network-inputs.js";

/** @typedef {{ canvas: HTMLCanvasElement, perRow: number }} TileAtlas tiles the core painted, and how many a row */

const MAX_DRAWN = 8;
/** Narrowest a hidden layer's column may get (units about 16 px) before a `fit` diagram runs down. */
const MIN_LAYER_PX = 24;
const SVG_NS = "http://www.w3.org/2000/svg";
const NEW_LAYER_UNITS = 4;
/** Weights listed in a unit's tooltip. */
const MAX_LISTED = 12;

const ACTIVATION_NAMES = {
  tanh: "tanh",
  relu: "ReLU",
  leakyRelu: "leaky ReLU",
  sigmoid: "sigmoid",
  linear: "linear",
};

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === undefined) continue;
    e.setAttribute(k, v === true ? "" : String(v));
  }
  if (text !== undefined) e.textContent = text;
  return e;
}

function svgEl(tag, cls) {
  const e = document.createElementNS(SVG_NS, tag);
  e.setAttribute("class", cls);
  return e;
}

/**
 * Stroke of a link carrying value `v` when the largest magnitude shown is `scale`:
 * blue for positive, orange for negative; width and opacity grow with |v| / scale.
 */
export function linkStroke(v, scale) {
  const t = scale > 0 && Number.isFinite(v) ? Math.min(1, Math.abs(v) / scale) : 0;
  const [r, g, b] = v < 0 ? ORANGE : BLUE;
  return { color: `rgba(${r}, ${g}, ${b}, ${(0.3 + 0.7 * t).toFixed(2)})`, width: (0.6 + 4.4 * t).toFixed(1) };
}

/**
 * The diagram's heatmaps: the core paints every node's tile — the inputs', then every unit's — onto
 * one canvas kept from call to call (`pg.drawNodeOutputs`), and each node copies its own
 * (`NetworkView.update`).
 */
export class DiagramTiles {
  /** @param {number} res a tile's side, in grid cells */
  constructor(res) {
    this.res = res;
    /** @type {TileAtlas} */
    this.atlas = { canvas: document.createElement("canvas"), perRow: 1 };
  }

  /**
   * Paint `pg`'s nodes over its data bounds.
   * @param {import("../../pkg/nn_playground.js").Playground} pg
   * @returns {{ tiles: TileAtlas, res: number }} what `update` takes
   */
  paint(pg) {
    const [xmin, xmax, ymin, ymax] = pg.bounds();
    this.atlas.perRow = pg.drawNodeOutputs(this.atlas.canvas, this.res, xmin, xmax, ymin, ymax);
    return { tiles: this.atlas, res: this.res };
  }
}

export class NetworkView {
  /**
   * @param {HTMLElement} container
   * @param {((hidden: number[]) => void) | null} onChange called with the edited layer list
   * @param {{
   *   editable?: boolean, notation?: boolean, fit?: boolean, maxLayers?: number, maxUnits?: number,
   *   features?: { choices: readonly string[], onChange: (features: string[]) => void } | null,
   * }} [options]
   *   `editable: false` drops the +/− buttons (an editable diagram needs the most layers and
   *   units it may grow to); `notation: true` names every column a[l] as in the lecture;
   *   `fit: true` keeps every layer inside the container's width (see above); `features`
   *   draws every one of `choices` as an input node that toggles it, calling `onChange` with
   *   the features chosen.
   */
  constructor(container, onChange, {
    editable = true, notation = false, fit = false, maxLayers = 0, maxUnits = 0, features = null,
  } = {}) {
    this.container = container;
    this.fit = fit;
    container.classList.toggle("network-fit", fit);
    /** The container's width the orientation was chosen for. */
    this.laidOutWidth = 0;
    this.onChange = onChange;
    this.editable = editable;
    this.maxLayers = maxLayers;
    this.maxUnits = maxUnits;
    this.notation = notation;
    this.featureToggles = features;
    this.hidden = [];
    /** The network's inputs (feature names) and output units. */
    this.features = [];
    this.outputs = 1;
    this.activation = "tanh";
    this.problem = "classification";
    this.values = null;
    this.tipTarget = null;
    container.addEventListener("click", (e) => this.onClick(e));
    container.addEventListener("keydown", (e) => this.onKey(e));
    container.addEventListener("pointerover", (e) => this.onPointer(e));
    container.addEventListener("pointermove", (e) => this.onPointer(e));
    container.addEventListener("pointerleave", () => {
      this.hideTip("pointer");
      this.clearNote();
    });
    container.addEventListener("focusin", (e) => this.onFocus(e));
    container.addEventListener("focusout", () => {
      this.hideTip("focus");
      this.clearNote();
    });
    this.resizeObserver = new ResizeObserver(() => {
      if (container.clientWidth === this.laidOutWidth) this.drawEdges();
      // A new width may turn the diagram: after this layout, not inside the observer's callback.
      else requestAnimationFrame(() => {
        this.orient();
        this.drawEdges();
      });
    });
    this.resizeObserver.observe(container);
  }

  onClick(e) {
    const toggle = e.target.closest("button[data-feature]");
    if (toggle && this.featureToggles) {
      this.toggle(toggle);
      return;
    }
    const button = e.target.closest("button[data-op]");
    if (!button || button.disabled || !this.onChange) return;
    const hidden = [...this.hidden];
    const op = button.dataset.op;
    const layer = Number(button.dataset.layer);
    if (op === "add-layer" && hidden.length < this.maxLayers) {
      hidden.push(hidden.length ? hidden[hidden.length - 1] : NEW_LAYER_UNITS);
    } else if (op === "remove-layer" && hidden.length > 0) {
      hidden.pop();
    } else if (op === "add-unit" && hidden[layer] < this.maxUnits) {
      hidden[layer] += 1;
    } else if (op === "remove-unit" && hidden[layer] > 1) {
      hidden[layer] -= 1;
    } else {
      return;
    }
    this.focusAfterRender = button.id;
    this.onChange(hidden);
  }

  /**
   * An input node was pressed: its feature added or removed — or, the network's last input,
   * kept, and a note beside it says why until the pointer leaves the diagram or the focus the node.
   * @param {HTMLElement} button
   */
  toggle(button) {
    const feature = button.dataset.feature;
    const next = toggleFeature(this.featureToggles.choices, this.features, feature);
    if (!next) {
      // Beside the node, over the diagram: nothing moves under the pointer.
      this.note.textContent = lastInputText(feature);
      this.place(this.note, button, null);
      return;
    }
    this.focusAfterRender = button.id;
    this.featureToggles.onChange(next);
  }

  /** The note goes once the pointer or the focus leaves (see `toggle`). */
  clearNote() {
    if (this.note) this.note.textContent = "";
  }

  /**
   * Draw the network for a layer list (only valid lists reach here), its input features
   * (default x₁, x₂) and its classes (a softmax output unit per class from 3 on).
   * @param {{
   *   hidden: readonly number[], activation: string, problem: string, normalize: string,
   *   features?: readonly string[], classes?: number,
   * }} network
   */
  render({ hidden, activation, problem, normalize, features = ["x1", "x2"], classes = 2 }) {
    this.hidden = [...hidden];
    this.activation = activation;
    this.problem = problem;
    this.features = [...features];
    this.outputs = problem === "classification" && classes > 2 ? classes : 1;
    this.values = null;
    this.tipTarget = null;
    const c = this.container;
    c.replaceChildren();

    const n = hidden.length;
    let add = null;
    if (this.editable) {
      const toolbar = el("div", { class: "net-toolbar" });
      add = el("button", {
        type: "button", id: "add-layer", "data-op": "add-layer", class: "round-button",
        "aria-label": "Add a hidden layer", title: "Add a hidden layer", disabled: n >= this.maxLayers,
      }, "+");
      const remove = el("button", {
        type: "button", id: "remove-layer", "data-op": "remove-layer", class: "round-button",
        "aria-label": "Remove the last hidden layer", title: "Remove the last hidden layer", disabled: n === 0,
      }, "−");
      const count = el("span", { class: "net-count", id: "layer-count", "aria-live": "polite" },
        n === 0
          ? `No hidden layer (${problem === "regression" ? "linear" : "logistic"} regression)`
          : `${n} hidden layer${n === 1 ? "" : "s"}`);
      toolbar.append(add, remove, count);
      c.append(toolbar);
    }

    const body = el("div", { class: "net-body" });
    const svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("class", "net-edges");
    svg.setAttribute("aria-hidden", "true");
    const cols = el("div", { class: "net-cols" });
    const tip = el("div", { class: "net-tip", id: this.tipIdFor(), role: "tooltip", hidden: true });
    body.append(svg, cols, tip);
    /** Why an input node's press changed nothing (empty otherwise). */
    this.note = el("p", { class: "net-note", role: "status", id: `${c.id || "net"}-note` });
    if (this.featureToggles) body.append(this.note);

    const L = n + 1;
    const inputNote = this.notation ? "a[0] = x" : normalize === "standardize" ? "standardized" : "raw";
    this.columns = [];
    cols.append(this.inputColumn(inputNote));
    hidden.forEach((units, i) => cols.append(this.hiddenColumn(units, i)));
    const outName = this.outputActivation();
    const outSymbol = outName === "sigmoid" ? "σ" : outName;
    cols.append(this.column(L, "Output", this.notation ? `ŷ = a[${L}], ${outSymbol}` : outName, this.outputs, "net-output"));

    c.append(body);
    this.svg = svg;
    this.body = body;
    this.tip = tip;
    this.buildLinks();
    const first = this.columns[1]?.[0];
    if (first?.el) first.el.tabIndex = 0;
    this.orient();
    this.drawEdges();

    if (this.focusAfterRender) {
      const target = /** @type {HTMLButtonElement | null} */ (document.getElementById(this.focusAfterRender));
      if (target && !target.disabled) target.focus();
      else add?.focus();
      this.focusAfterRender = null;
    }
  }

  column(index, title, note, units, cls) {
    const col = el("div", { class: `net-col ${cls}` });
    col.append(this.columnHead(title, note), this.nodes(index, units));
    return col;
  }

  columnHead(title, note) {
    const head = el("div", { class: "net-col-head" });
    head.append(el("span", { class: "net-col-title" }, title), el("span", { class: "net-col-note" }, note));
    return head;
  }

  /** The input features (js/views/network-inputs.js): column 0 records the network's own inputs. */
  inputColumn(note) {
    const col = el("div", { class: "net-col net-input" });
    const group = this.featureToggles ? { role: "group", "aria-label": "Input features: press one to add or remove it" } : {};
    const list = el("div", { class: "net-nodes", ...group });
    const nodes = inputNodes(this.features, this.featureToggles?.choices ?? null, this.container.id || "net");
    list.append(...nodes.map((n) => n.item));
    this.columns[0] = nodes.filter((n) => n.unit !== null).map((n) => ({ el: n.el, canvas: n.canvas, column: 0, unit: n.unit }));
    col.append(this.columnHead("Input", note), list);
    return col;
  }

  /** The output layer's activation: sigmoid, softmax (3 or more classes) or linear (regression). */
  outputActivation() {
    if (this.problem === "regression") return "linear";
    return this.outputs > 1 ? "softmax" : "sigmoid";
  }

  hiddenColumn(units, i) {
    const col = el("div", { class: "net-col net-hidden", "data-layer": i });
    const head = el("div", { class: "net-col-head" });
    if (this.editable) {
      const buttons = el("div", { class: "net-unit-buttons", role: "group", "aria-label": `Layer ${i + 1} units` });
      buttons.append(
        el("button", {
          type: "button", class: "round-button small", id: `layer-${i + 1}-add`, "data-op": "add-unit",
          "data-layer": i, "aria-label": `Add a unit to layer ${i + 1}`, title: "Add a unit", disabled: units >= this.maxUnits,
        }, "+"),
        el("button", {
          type: "button", class: "round-button small", id: `layer-${i + 1}-remove`, "data-op": "remove-unit",
          "data-layer": i, "aria-label": `Remove a unit from layer ${i + 1}`, title: "Remove a unit", disabled: units <= 1,
        }, "−"),
      );
      head.append(buttons);
    }
    const activation = ACTIVATION_NAMES[this.activation] ?? this.activation;
    head.append(
      el("span", { class: "net-col-title", id: `layer-${i + 1}-units` }, `${units} unit${units === 1 ? "" : "s"}`),
      // What a narrow column shows instead of the title.
      el("span", { class: "net-col-count", "aria-hidden": "true", title: `${units} unit${units === 1 ? "" : "s"}` }, String(units)),
      el("span", { class: "net-col-note" }, this.notation ? `a[${i + 1}] · ${activation}` : activation),
    );
    col.append(head, this.nodes(i + 1, units));
    return col;
  }

  /** The unit elements of column `index` (1 … L), recorded in this.columns. */
  nodes(index, units) {
    const list = el("div", { class: "net-nodes" });
    const drawn = units > MAX_DRAWN ? MAX_DRAWN - 1 : units;
    const records = [];
    for (let j = 0; j < drawn; j++) {
      const name = this.unitName(index, j);
      const node = el("div", {
        class: "node node-unit", "data-node": "", "data-column": index, "data-unit": j, tabindex: -1,
        role: "img", "aria-label": name, "aria-describedby": this.tipIdFor(),
      });
      const canvas = el("canvas", { width: 1, height: 1, "aria-hidden": "true" });
      node.append(canvas);
      list.append(node);
      records.push({ el: node, canvas, column: index, unit: j });
    }
    if (drawn < units) {
      const more = el("div", { class: "node node-more", "data-node": "", title: `${units - drawn} more units` }, `+${units - drawn}`);
      list.append(more);
      records.push({ el: more, column: index, unit: null });
    }
    this.columns[index] = records;
    return list;
  }

  tipIdFor() {
    return `${this.container.id || "net"}-tip`;
  }

  /** "Layer 2, unit 3" / "Output unit" / "Output unit, class 2" (a softmax output: one unit per class). */
  unitName(column, j) {
    if (column <= this.hidden.length) return `Layer ${column}, unit ${j + 1}`;
    return this.outputs > 1 ? `Output unit, class ${j}` : "Output unit";
  }

  /** A link's source: an input feature ("x₁²"), else a unit of the previous layer ("unit 3"). */
  sourceName(column, i) {
    return column === 0 ? featureName(this.features[i]) : `unit ${i + 1}`;
  }

  /** One SVG path (and a wider invisible one to hover) per pair of drawn units of adjacent columns. */
  buildLinks() {
    const svg = this.svg;
    svg.replaceChildren();
    const visible = svgEl("g", "net-links");
    const hits = svgEl("g", "net-hits");
    svg.append(visible, hits);
    this.links = [];
    for (let c = 1; c < this.columns.length; c++) {
      for (const to of this.columns[c]) {
        for (const from of this.columns[c - 1]) {
          const more = to.unit === null || from.unit === null;
          const path = svgEl("path", more ? "net-link net-link-more" : "net-link");
          visible.append(path);
          const link = { path, hit: null, column: c, to: to.unit, from: from.unit, a: from.el, b: to.el };
          if (!more) {
            link.hit = svgEl("path", "net-hit");
            link.hit.dataset.link = String(this.links.length);
            hits.append(link.hit);
          }
          this.links.push(link);
        }
      }
    }
  }

  /** Whether the layers run down (one row each) rather than across. */
  get down() {
    return this.body?.classList.contains("net-down") ?? false;
  }

  /**
   * A `fit` diagram: across while every hidden layer gets at least MIN_LAYER_PX of the
   * container's width, down otherwise.
   */
  orient() {
    const { body } = this;
    this.laidOutWidth = this.container.clientWidth;
    if (!this.fit || !body?.isConnected) return;
    body.classList.remove("net-down");
    const layer = body.querySelector(".net-hidden");
    body.classList.toggle("net-down", !!layer && layer.getBoundingClientRect().width < MIN_LAYER_PX);
  }

  /** Lay the links out along the current unit positions (left to right, or top to bottom when down). */
  drawEdges() {
    const { svg, body, down } = this;
    if (!svg || !body || !body.isConnected || !this.links) return;
    const origin = body.getBoundingClientRect();
    const width = Math.max(body.scrollWidth, origin.width);
    const height = Math.max(body.scrollHeight, origin.height);
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", String(height));
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const boxes = new Map();
    const box = (node) => {
      let b = boxes.get(node);
      if (!b) {
        const r = node.getBoundingClientRect();
        b = {
          left: r.left - origin.left + body.scrollLeft,
          right: r.right - origin.left + body.scrollLeft,
          top: r.top - origin.top + body.scrollTop,
          bottom: r.bottom - origin.top + body.scrollTop,
          x: (r.left + r.right) / 2 - origin.left + body.scrollLeft,
          y: (r.top + r.bottom) / 2 - origin.top + body.scrollTop,
        };
        boxes.set(node, b);
      }
      return b;
    };
    const f = (v) => v.toFixed(1);
    for (const link of this.links) {
      const a = box(link.a);
      const b = box(link.b);
      let d;
      if (down) {
        const my = (a.bottom + b.top) / 2;
        d = `M${f(a.x)} ${f(a.bottom)}C${f(a.x)} ${f(my)} ${f(b.x)} ${f(my)} ${f(b.x)} ${f(b.top)}`;
      } else {
        const mx = (a.right + b.left) / 2;
        d = `M${f(a.right)} ${f(a.y)}C${f(mx)} ${f(a.y)} ${f(mx)} ${f(b.y)} ${f(b.left)} ${f(b.y)}`;
      }
      link.path.setAttribute("d", d);
      link.hit?.setAttribute("d", d);
    }
  }

  /**
   * Show numbers: `layers` as `pg.parameters()` returns them (or a trace's layers), link
   * strokes from the weights or, with `showGradients`, the gradients; `tiles` (optional), the
   * tiles `pg.drawNodeOutputs(canvas, res, …)` painted — its canvas and the tiles per row it
   * returned — paints every drawn input and unit; `res` is a tile's side.
   * @param {{ layers: any[], tiles?: TileAtlas | null, res?: number, showGradients?: boolean }} numbers
   */
  update({ layers, tiles = null, res = 0, showGradients = false }) {
    if (!this.links || !layers || layers.length !== this.hidden.length + 1) return;
    this.values = { layers, showGradients };
    const key = showGradients ? "gradWeights" : "weights";
    let scale = 0;
    for (const link of this.links) {
      if (link.hit) scale = Math.max(scale, Math.abs(this.linkValue(link, key)));
    }
    for (const link of this.links) {
      if (!link.hit) continue;
      const { color, width } = linkStroke(this.linkValue(link, key), scale);
      // Touch the style only when it changes (it is restyled every few frames while training).
      if (link.color !== color) link.path.style.stroke = link.color = color;
      if (link.width !== width) link.path.style.strokeWidth = link.width = width;
    }
    this.container.classList.toggle("net-showing-gradients", showGradients);
    if (tiles && res > 0) this.copyTiles(tiles, res);
    if (this.tipTarget) this.showTip(this.tipTarget.target, this.tipTarget.at);
  }

  linkValue(link, key) {
    const layer = this.values.layers[link.column - 1];
    return layer[key][link.to * layer.nIn + link.from];
  }

  /**
   * Copy each drawn node's tile from `atlas`, whose tiles are the columns' nodes one after the
   * other (the inputs, then each layer's units), `perRow` a row, onto the node's canvas.
   * @param {TileAtlas} atlas
   * @param {number} res a tile's side
   */
  copyTiles({ canvas, perRow }, res) {
    let offset = 0;
    for (let c = 0; c < this.columns.length; c++) {
      for (const rec of this.columns[c]) {
        if (rec.unit === null) continue;
        const tile = offset + rec.unit;
        const [x, y] = [(tile % perRow) * res, Math.floor(tile / perRow) * res];
        if (x + res > canvas.width || y + res > canvas.height) return;
        if (rec.canvas.width !== res) {
          rec.canvas.width = res;
          rec.canvas.height = res;
        }
        rec.canvas.getContext("2d").drawImage(canvas, x, y, res, res, 0, 0, res, res);
      }
      offset += this.unitsOf(c);
    }
    this.container.dataset.painted = "true";
  }

  /** How many units column `c` has (0: the inputs). */
  unitsOf(c) {
    if (c === 0) return this.features.length;
    return c <= this.hidden.length ? this.hidden[c - 1] : this.outputs;
  }

  /**
   * Mark the units of `columns` and the links into each column of `links` (column indices:
   * 0 = inputs … L = output); `direction` "forward" or "backward" picks the colour; null clears.
   */
  highlight(spec) {
    const on = !!spec;
    const c = this.container;
    c.classList.toggle("net-hl", on);
    c.classList.toggle("net-hl-backward", on && spec.direction === "backward");
    const columns = new Set(on ? spec.columns ?? [] : []);
    const links = new Set(on ? spec.links ?? [] : []);
    this.columns?.forEach((records, index) => {
      for (const rec of records) rec.el.classList.toggle("is-active", columns.has(index));
    });
    for (const link of this.links ?? []) link.path.classList.toggle("is-active", links.has(link.column));
  }

  // ------------------------------------------------------------ values on demand

  onPointer(e) {
    const hit = e.target.closest?.(".net-hit");
    const unit = e.target.closest?.(".node-unit");
    const target = hit ?? unit;
    if (!target) {
      if (this.tipTarget?.source === "pointer") this.hideTip("pointer");
      return;
    }
    const at = hit ? this.pointIn(e) : null;
    this.showTip(target, at, "pointer");
  }

  onFocus(e) {
    const unit = e.target.closest?.(".node-unit");
    if (unit) this.showTip(unit, null, "focus");
  }

  /**
   * Arrow keys move the focus between units: along a layer (up/down, or left/right when the
   * layers run down) and across layers (left/right, or up/down).
   */
  onKey(e) {
    const node = e.target.closest?.(".node-unit");
    if (!node || !["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End"].includes(e.key)) return;
    const column = Number(node.dataset.column);
    const unit = Number(node.dataset.unit);
    const units = (c) => (this.columns[c] ?? []).filter((r) => r.unit !== null);
    const [back, forward, previous, next] = this.down
      ? ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"]
      : ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"];
    let target = null;
    if (e.key === back || e.key === forward) {
      const list = units(column);
      const i = list.findIndex((r) => r.unit === unit) + (e.key === back ? -1 : 1);
      target = list[Math.max(0, Math.min(list.length - 1, i))];
    } else if (e.key === "Home" || e.key === "End") {
      const list = e.key === "Home" ? units(1) : units(this.columns.length - 1);
      target = list[0];
    } else {
      const c = column + (e.key === previous ? -1 : 1);
      const list = c >= 1 && c < this.columns.length ? units(c) : [];
      if (list.length) target = list[Math.min(unit, list.length - 1)];
    }
    if (!target) return;
    e.preventDefault();
    node.tabIndex = -1;
    target.el.tabIndex = 0;
    target.el.focus();
  }

  pointIn(e) {
    const r = this.body.getBoundingClientRect();
    return { x: e.clientX - r.left + this.body.scrollLeft, y: e.clientY - r.top + this.body.scrollTop };
  }

  /** Fill and place the tooltip for a link's hit path or a unit element. */
  showTip(target, at, source = this.tipTarget?.source ?? "pointer") {
    if (!this.tip || !target.isConnected) return;
    const lines = target.classList.contains("net-hit")
      ? this.linkText(this.links[Number(target.dataset.link)])
      : this.unitText(Number(target.dataset.column), Number(target.dataset.unit));
    this.tip.replaceChildren(...lines.map((line, i) => el("div", i === 0 ? { class: "net-tip-title" } : {}, line)));
    this.tip.hidden = false;
    this.tipTarget = { target, at, source };
    for (const link of this.links) {
      link.path.classList.toggle("is-hovered", target.classList.contains("net-hit")
        ? link.hit === target
        : link.b === target || link.a === target);
    }
    this.place(this.tip, target, at);
  }

  /**
   * Place a box drawn over the diagram (the tooltip, the note) next to the pointer `at` or
   * beside `target`, kept inside the diagram.
   * @param {HTMLElement} box
   * @param {Element} target
   * @param {{ x: number, y: number } | null} at
   */
  place(box, target, at) {
    const body = this.body;
    let x;
    let y;
    if (at) {
      x = at.x + 12;
      y = at.y + 12;
    } else {
      const r = target.getBoundingClientRect();
      const o = body.getBoundingClientRect();
      x = r.right - o.left + body.scrollLeft + 8;
      y = r.top - o.top + body.scrollTop;
    }
    const w = box.offsetWidth;
    const h = box.offsetHeight;
    const maxX = body.scrollLeft + body.clientWidth - w - 4;
    if (x > maxX) x = at ? at.x - w - 12 : Math.max(body.scrollLeft + 4, maxX);
    x = Math.max(body.scrollLeft + 2, x);
    y = Math.max(0, Math.min(y, Math.max(body.scrollHeight, body.clientHeight) - h - 2));
    box.style.left = `${x}px`;
    box.style.top = `${y}px`;
  }

  hideTip(source) {
    if (!this.tip || (this.tipTarget && this.tipTarget.source !== source)) return;
    this.tip.hidden = true;
    this.tipTarget = null;
    for (const link of this.links ?? []) link.path.classList.remove("is-hovered");
  }

  linkText(link) {
    const column = link.column;
    const from = column === 1 ? this.sourceName(0, link.from) : `${this.unitName(column - 1, link.from).toLowerCase()}`;
    const to = this.unitName(column, link.to).toLowerCase();
    const title = `W[${column}]: ${from} → ${to}`;
    if (!this.values) return [title, "Train a step to see its value."];
    const layer = this.values.layers[column - 1];
    const k = link.to * layer.nIn + link.from;
    return [title, `weight w = ${formatEntry(layer.weights[k], 5)}`, `gradient ∂J/∂w = ${formatEntry(layer.gradWeights[k], 5)}`];
  }

  unitText(column, j) {
    const L = this.hidden.length + 1;
    const activation = column === L ? this.outputActivation() : ACTIVATION_NAMES[this.activation];
    const title = `${this.unitName(column, j)} · ${activation}`;
    if (!this.values) return [title];
    const layer = this.values.layers[column - 1];
    const lines = [
      title,
      `bias b = ${formatEntry(layer.biases[j], 5)}, ∂J/∂b = ${formatEntry(layer.gradBiases[j], 5)}`,
    ];
    const key = this.values.showGradients ? "gradWeights" : "weights";
    const shown = Math.min(layer.nIn, MAX_LISTED);
    const parts = [];
    for (let i = 0; i < shown; i++) parts.push(`${this.sourceName(column - 1, i)} ${formatEntry(layer[key][j * layer.nIn + i], 4)}`);
    if (shown < layer.nIn) parts.push(`… ${layer.nIn - shown} more`);
    lines.push(`${this.values.showGradients ? "∂J/∂w in" : "weights in"}: ${parts.join(", ")}`);
    return lines;
  }
}
