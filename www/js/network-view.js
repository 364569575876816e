/**
 * The network diagram: inputs x₁, x₂ → hidden layers → output, with buttons to
 * add/remove hidden layers (0..16) and units per layer (1..128).
 *
 * Columns and buttons are plain HTML (so they are keyboard accessible); the
 * connections are an SVG drawn behind them from the laid-out node positions.
 * A layer wider than MAX_DRAWN units shows its first units and a "+N" marker.
 */
import { MAX_LAYERS, MAX_UNITS } from "./state.js";

const MAX_DRAWN = 8;
const SVG_NS = "http://www.w3.org/2000/svg";
const NEW_LAYER_UNITS = 4;

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

export class NetworkView {
  /**
   * @param {HTMLElement} container
   * @param {(hidden: number[]) => void} onChange called with the edited layer list
   */
  constructor(container, onChange) {
    this.container = container;
    this.onChange = onChange;
    this.hidden = [];
    this.activation = "tanh";
    this.problem = "classification";
    container.addEventListener("click", (e) => this.onClick(e));
    this.resizeObserver = new ResizeObserver(() => this.drawEdges());
    this.resizeObserver.observe(container);
  }

  onClick(e) {
    const button = e.target.closest("button[data-op]");
    if (!button || button.disabled) return;
    const hidden = [...this.hidden];
    const op = button.dataset.op;
    const layer = Number(button.dataset.layer);
    if (op === "add-layer" && hidden.length < MAX_LAYERS) {
      hidden.push(hidden.length ? hidden[hidden.length - 1] : NEW_LAYER_UNITS);
    } else if (op === "remove-layer" && hidden.length > 0) {
      hidden.pop();
    } else if (op === "add-unit" && hidden[layer] < MAX_UNITS) {
      hidden[layer] += 1;
    } else if (op === "remove-unit" && hidden[layer] > 1) {
      hidden[layer] -= 1;
    } else {
      return;
    }
    this.focusAfterRender = button.id;
    this.onChange(hidden);
  }

  /** Draw the network for a layer list (only valid lists reach here). */
  render({ hidden, activation, problem, normalize }) {
    this.hidden = [...hidden];
    this.activation = activation;
    this.problem = problem;
    const c = this.container;
    c.replaceChildren();

    const n = hidden.length;
    const toolbar = el("div", { class: "net-toolbar" });
    const add = el("button", {
      type: "button", id: "add-layer", "data-op": "add-layer", class: "round-button",
      "aria-label": "Add a hidden layer", title: "Add a hidden layer", disabled: n >= MAX_LAYERS,
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

    const body = el("div", { class: "net-body" });
    const svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("class", "net-edges");
    svg.setAttribute("aria-hidden", "true");
    const cols = el("div", { class: "net-cols" });
    body.append(svg, cols);

    const inputNote = normalize === "standardize" ? "standardized" : "raw";
    cols.append(this.column("Input", inputNote, ["x₁", "x₂"], 2, "net-input"));
    hidden.forEach((units, i) => cols.append(this.hiddenColumn(units, i)));
    const outName = problem === "regression" ? "linear" : "sigmoid";
    cols.append(this.column("Output", outName, ["ŷ"], 1, "net-output"));

    c.append(toolbar, body);
    this.svg = svg;
    this.body = body;
    this.drawEdges();

    if (this.focusAfterRender) {
      const target = document.getElementById(this.focusAfterRender);
      if (target && !target.disabled) target.focus();
      else add.focus();
      this.focusAfterRender = null;
    }
  }

  column(title, note, labels, units, cls) {
    const col = el("div", { class: `net-col ${cls}` });
    const head = el("div", { class: "net-col-head" });
    head.append(el("span", { class: "net-col-title" }, title), el("span", { class: "net-col-note" }, note));
    col.append(head, this.nodes(labels, units));
    return col;
  }

  hiddenColumn(units, i) {
    const col = el("div", { class: "net-col net-hidden", "data-layer": i });
    const head = el("div", { class: "net-col-head" });
    const buttons = el("div", { class: "net-unit-buttons", role: "group", "aria-label": `Layer ${i + 1} units` });
    buttons.append(
      el("button", {
        type: "button", class: "round-button small", id: `layer-${i + 1}-add`, "data-op": "add-unit",
        "data-layer": i, "aria-label": `Add a unit to layer ${i + 1}`, title: "Add a unit", disabled: units >= MAX_UNITS,
      }, "+"),
      el("button", {
        type: "button", class: "round-button small", id: `layer-${i + 1}-remove`, "data-op": "remove-unit",
        "data-layer": i, "aria-label": `Remove a unit from layer ${i + 1}`, title: "Remove a unit", disabled: units <= 1,
      }, "−"),
    );
    head.append(
      buttons,
      el("span", { class: "net-col-title", id: `layer-${i + 1}-units` }, `${units} unit${units === 1 ? "" : "s"}`),
      el("span", { class: "net-col-note" }, ACTIVATION_NAMES[this.activation] ?? this.activation),
    );
    const labels = [];
    col.append(head, this.nodes(labels, units));
    return col;
  }

  nodes(labels, units) {
    const list = el("div", { class: "net-nodes" });
    const drawn = units > MAX_DRAWN ? MAX_DRAWN - 1 : units;
    for (let j = 0; j < drawn; j++) {
      list.append(el("div", { class: "node", "data-node": "" }, labels[j] ?? ""));
    }
    if (drawn < units) {
      list.append(el("div", { class: "node node-more", "data-node": "", title: `${units - drawn} more units` }, `+${units - drawn}`));
    }
    return list;
  }

  /** Connect every drawn node to every drawn node of the next column. */
  drawEdges() {
    const { svg, body } = this;
    if (!svg || !body || !body.isConnected) return;
    const origin = body.getBoundingClientRect();
    const width = Math.max(body.scrollWidth, origin.width);
    const height = Math.max(body.scrollHeight, origin.height);
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const columns = [...body.querySelectorAll(".net-col")].map((col) =>
      [...col.querySelectorAll("[data-node]")].map((node) => {
        const r = node.getBoundingClientRect();
        return {
          left: r.left - origin.left + body.scrollLeft,
          right: r.right - origin.left + body.scrollLeft,
          y: (r.top + r.bottom) / 2 - origin.top + body.scrollTop,
        };
      }),
    );
    const parts = [];
    for (let c = 0; c + 1 < columns.length; c++) {
      for (const a of columns[c]) {
        for (const b of columns[c + 1]) {
          const mx = (a.right + b.left) / 2;
          parts.push(`M${a.right.toFixed(1)} ${a.y.toFixed(1)}C${mx.toFixed(1)} ${a.y.toFixed(1)} ${mx.toFixed(1)} ${b.y.toFixed(1)} ${b.left.toFixed(1)} ${b.y.toFixed(1)}`);
        }
      }
    }
    let path = svg.firstChild;
    if (!path) {
      path = document.createElementNS(SVG_NS, "path");
      svg.append(path);
    }
    path.setAttribute("d", parts.join(""));
  }
}
