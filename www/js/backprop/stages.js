/**
 * The stages of one gradient-descent update, built from a `pg.backpropTrace()`:
 * input, forward z[l] and a[l] layer by layer, the cost, then backward δ[L],
 * ∂J/∂W[L] and ∂J/∂b[L], δ[L−1], … down to layer 1, and the update.
 *
 * Every number shown is one the core computed: the trace's matrices (a
 * transpose only reads them in another order) and, for the update, the
 * parameters after the very same step (`after`, from a copy of the session one
 * update ahead). Nothing is computed here.
 */
import {
  math, eqInput, eqZ, eqA, eqLoss, eqDeltaOut, eqGradW, eqGradB, eqDelta, eqUpdate, activationMath,
} from "./math.js";
import { t } from "../core/i18n.js";

/** A symbol for captions and text: W<sup>[2]</sup>, with a marked ᵀ when transposed. */
export function label(base, l, { T = false } = {}) {
  if (l === null || l === undefined) return base;
  return `${base}<sup>[${l}]${T ? '<span class="t-mark">T</span>' : ""}</sup>`;
}

/**
 * A matrix to show: `values` row-major with `rows` × `cols`; `T` shows its transpose
 * (cols × rows). `kind` styles it: "data", "param", "grad", "result", "new".
 */
function mat(name, values, rows, cols, { T = false, kind = "data", note = "" } = {}) {
  return { matrix: true, name, values, rows: T ? cols : rows, cols: T ? rows : cols, stride: cols, T, kind, note };
}

const op = (symbol, title = "") => ({ op: symbol, title });

// What the stages say that a learner can check; each is a claim, checked in tests/claims.
const DELTA_OUT = {
  claim: "bp-delta-out",
  text: "With a sigmoid output and cross-entropy the derivative of the loss with respect to z is simply ŷ − y. Here δ carries the 1/m of the mean (the lecture divides by m in ∂J/∂W instead): the same numbers.",
};
const L2_NOTE = { claim: "bp-l2", text: " L2 adds λW (the biases get no penalty)." };
const UPDATE_NOTE = {
  claim: "bp-update",
  text: "Every parameter moves against its gradient. The new values on the right are the core's own, from the very step that “Apply update” takes; then the walk starts over on them.",
};

/** "(2 × <b>3</b>)·(<b>3</b> × 10) → 2 × 10": a product's sizes with the matching inner size marked. */
function productSize(a, b) {
  return `(${a[0]} × <b class="dim-match">${a[1]}</b>) · (<b class="dim-match">${b[0]}</b> × ${b[1]}) → ${a[0]} × ${b[1]}`;
}

/**
 * @param {import("../../pkg/nn_playground.js").BackpropTrace} trace  pg.backpropTrace()
 * @param {{
 *   activation: string, l2: number, learningRate: number,
 *   after: import("../../pkg/nn_playground.js").LayerParameters[] | null,
 * }} options
 *   `after`: pg.parameters() of the session one update later (null when the traced examples are
 *   not the next mini-batch)
 * @returns {object[]} the stages in order
 */
export function buildStages(trace, { activation, l2, learningRate, after }) {
  const { m, layers } = trace;
  const L = layers.length;
  const act = activationMath(activation);
  const stages = [];
  const aOf = (l) => (l === 0
    ? { values: trace.input, rows: 2 }
    : { values: layers[l - 1].a, rows: layers[l - 1].nOut });
  const aMat = (l, opts = {}) => {
    const { values, rows } = aOf(l);
    const name = label("a", l, { T: opts.T });
    return mat(l === L && !opts.T ? `ŷ = ${name}` : name, values, rows, m, opts);
  };
  const yMat = () => mat("y", trace.targets, 1, m, { note: t("targets") });
  const examples = t(m === 1 ? "1 example" : "{m} examples", { m });
  const sizeOf = (name, size, of) => t("{name}: {size}, the size of {of}", { name, size, of });
  const actName = activation === "sigmoid" ? t("sigmoid") : activation;

  stages.push({
    id: "input",
    group: "input",
    short: `${label("a", 0)} = x`,
    title: t("Input: the examples, one per column"),
    equation: math("a[0] = X", eqInput()),
    explain: t("The traced {examples} (training rows {rows}) stacked as columns: "
      + "a<sup>[0]</sup> has one row per feature (x₁, x₂) and one column per example, so it is 2 × m with m = {m}.",
    { examples, rows: trace.rows.join(", "), m }),
    sizes: [`${label("a", 0)}: 2 × ${m}; y: 1 × ${m}`],
    rows: [[aMat(0, { note: t("inputs x") }), yMat()]],
    highlight: { columns: [0], links: [], direction: "forward" },
    links: "weights",
  });

  // ---------------------------------------------------------------- forward
  for (let l = 1; l <= L; l++) {
    const layer = layers[l - 1];
    const { nIn, nOut } = layer;
    stages.push({
      id: `z${l}`,
      group: "forward",
      short: label("z", l),
      title: t("Forward, layer {l}: weighted sums z{sup}", { l, sup: sup(l) }),
      equation: math(`z[${l}] = W[${l}] a[${l - 1}] + b[${l}]`, eqZ(l)),
      explain: t("Each of the {n} unit{s} of layer {l} sums its {nIn} inputs with its weights (one row of "
        + "{W}) and adds its bias. One matrix product does it for every example at once; "
        + "{b} is added to each of the {m} column{ms}.", {
        n: nOut, s: nOut === 1 ? "" : "s", l, nIn, W: label("W", l), b: label("b", l), m, ms: m === 1 ? "" : "s",
      }),
      sizes: [t("{Wa}: {product}; + {b} ({n} × 1) in every column", {
        Wa: `${label("W", l)} ${label("a", l - 1)}`, product: productSize([nOut, nIn], [nIn, m]), b: label("b", l), n: nOut,
      })],
      rows: [[
        mat(label("W", l), layer.weights, nOut, nIn, { kind: "param" }), op("·", t("matrix product")),
        aMat(l - 1), op("+"), mat(label("b", l), layer.biases, nOut, 1, { kind: "param" }), op("="),
        mat(label("z", l), layer.z, nOut, m, { kind: "result" }),
      ]],
      highlight: { columns: [l - 1, l], links: [l], direction: "forward" },
      links: "weights",
    });
    const out = l === L;
    const gName = out || activation === "sigmoid" ? "σ" : activation === "relu" ? "ReLU" : "tanh";
    stages.push({
      id: `a${l}`,
      group: "forward",
      short: out ? `${label("a", l)} = ŷ` : label("a", l),
      title: out ? t("Forward, output: ŷ = σ(z{sup})", { sup: sup(l) }) : t("Forward, layer {l}: activations a{sup}", { l, sup: sup(l) }),
      equation: math(out ? `y hat = a[${l}] = sigma(z[${l}])` : `a[${l}] = g(z[${l}])`, eqA(l, L, activation)),
      explain: out
        ? t("The sigmoid turns each weighted sum into a probability of class 1 (blue), one per example.")
        : t("The activation {act} acts on every entry on its own: a{sup} has the same size as z{sup}. "
          + "These are the numbers the next layer receives.", { act: actName, sup: sup(l) }),
      sizes: [sizeOf(label("a", l), `${nOut} × ${m}`, label("z", l))],
      rows: [[
        mat(label("z", l), layer.z, nOut, m), op(gName, t("element-wise")),
        aMat(l, { kind: "result" }),
      ]],
      highlight: { columns: [l], links: [], direction: "forward" },
      links: "weights",
    });
  }

  // ---------------------------------------------------------------- cost
  const out = layers[L - 1];
  stages.push({
    id: "loss",
    group: "loss",
    short: "J",
    title: t("Cost: binary cross-entropy, averaged over the examples"),
    equation: math("J, the mean cross-entropy", eqLoss(l2)),
    explain: t("Mean loss over the {examples}: {loss}", {
      examples, loss: `<output class="scalar" data-value="${trace.loss}">${trace.loss.toFixed(5)}</output>`,
    })
      + (l2 > 0 ? t("; with the L2 penalty, J = {cost}.", {
        cost: `<output class="scalar" data-value="${trace.cost}">${trace.cost.toFixed(5)}</output>`,
      }) : ".")
      + t(" It is large when a confident prediction is wrong."),
    sizes: [t("ŷ and y: 1 × {m} → J: one number", { m })],
    rows: [[aMat(L), yMat(), op("→"), { scalar: true, name: "J", value: trace.cost }]],
    highlight: { columns: [L], links: [], direction: "forward" },
    links: "weights",
  });

  // ---------------------------------------------------------------- backward
  stages.push({
    id: `delta${L}`,
    group: "backward",
    short: label("δ", L),
    title: t("Backward, output: δ{sup} = ∂J/∂z{sup}", { sup: sup(L) }),
    equation: math(`delta[${L}] = (a[${L}] - y) / m`, eqDeltaOut(L)),
    explain: t(DELTA_OUT.text),
    sizes: [sizeOf(label("δ", L), `1 × ${m}`, label("z", L))],
    rows: [[aMat(L), op("−"), yMat(), op("÷ m"), mat(label("δ", L), out.delta, 1, m, { kind: "grad" })]],
    highlight: { columns: [L], links: [], direction: "backward" },
    links: "gradients",
  });
  for (let l = L; l >= 1; l--) {
    const layer = layers[l - 1];
    const { nIn, nOut } = layer;
    const gradRows = [[
      mat(label("δ", l), layer.delta, nOut, m, { kind: "grad" }), op("·", t("matrix product")),
      aMat(l - 1, { T: true }),
      ...(l2 > 0 ? [op("+ λ·", `λ = ${l2}`), mat(label("W", l), layer.weights, nOut, nIn, { kind: "param" })] : []),
      op("="), mat(`∂J/∂${label("W", l)}`, layer.gradWeights, nOut, nIn, { kind: "result" }),
    ], [
      op(t("Σ over the examples of"), t("sum of each row")), mat(label("δ", l), layer.delta, nOut, m, { kind: "grad" }), op("="),
      mat(`∂J/∂${label("b", l)}`, layer.gradBiases, nOut, 1, { kind: "result" }),
    ]];
    stages.push({
      id: `grad${l}`,
      group: "backward",
      short: `∂${label("W", l)}`,
      title: t("Backward, layer {l}: gradients ∂J/∂W{sup} and ∂J/∂b{sup}", { l, sup: sup(l) }),
      equation: math(`dJ/dW[${l}] = delta[${l}] a[${l - 1}] transposed; dJ/db[${l}] = sum of delta[${l}]`, eqGradW(l, l2), eqGradB(l)),
      explain: t("The gradient of each weight is its unit's δ times the input it multiplies, summed over the examples. "
        + "Transposing {a} ({r} × {m}) to {m} × {r} makes the sizes fit: "
        + "the product runs over the {m} example{ms} and comes out the size of {W}.", {
        a: label("a", l - 1), r: aOf(l - 1).rows, m, ms: m === 1 ? "" : "s", W: label("W", l),
      })
        + (l2 > 0 ? t(L2_NOTE.text) : ""),
      sizes: [
        sizeOf(`${label("δ", l)} ${label("a", l - 1, { T: true })}`, productSize([nOut, m], [m, nIn]), label("W", l)),
        sizeOf(`∂J/∂${label("b", l)}`, `${nOut} × 1`, label("b", l)),
      ],
      rows: gradRows,
      highlight: { columns: [l - 1, l], links: [l], direction: "backward" },
      links: "gradients",
    });
    if (l > 1) {
      const below = layers[l - 2];
      stages.push({
        id: `delta${l - 1}`,
        group: "backward",
        short: label("δ", l - 1),
        title: t("Backward, layer {k}: δ{supk} from δ{supl} (chain rule)", { k: l - 1, supk: sup(l - 1), supl: sup(l) }),
        equation: math(`delta[${l - 1}] = (W[${l}] transposed delta[${l}]) times g'(z[${l - 1}])`, eqDelta(l - 1, activation), act.derivative),
        explain: t("Each unit of layer {k} collects the δ of the units it feeds, weighted by the same weights as on the way forward: "
          + "that is {WT} δ{supl}, with {W} ({nOut} × {nIn}) transposed to {nIn} × {nOut}. "
          + "Then ⊙ multiplies entry by entry with the slope of the activation at z{supk} ({inWords}).", {
          k: l - 1, WT: label("W", l, { T: true }), supl: sup(l), W: label("W", l), nOut, nIn, supk: sup(l - 1), inWords: t(act.inWords),
        }),
        sizes: [t("{WTd}: {product}; ⊙ g′({z}) keeps {n} × {m}", {
          WTd: `${label("W", l, { T: true })} ${label("δ", l)}`, product: productSize([nIn, nOut], [nOut, m]), z: label("z", l - 1), n: nIn, m,
        })],
        rows: [[
          op("(", ""), mat(label("W", l, { T: true }), layer.weights, nOut, nIn, { T: true, kind: "param" }), op("·", t("matrix product")),
          mat(label("δ", l), layer.delta, nOut, m, { kind: "grad" }), op(")", ""), op(t("⊙ g′ of"), t("element-wise, the slope at")),
          mat(label("z", l - 1), below.z, nIn, m),
          op("="), mat(label("δ", l - 1), below.delta, nIn, m, { kind: "result" }),
        ]],
        highlight: { columns: [l - 1], links: [l], direction: "backward" },
        links: "gradients",
      });
    }
  }

  // ---------------------------------------------------------------- update
  const updateRows = [];
  for (let l = L; l >= 1; l--) {
    const layer = layers[l - 1];
    const next = after?.[l - 1];
    const tail = next
      ? [op("="), mat(t("new {name}", { name: label("W", l) }), next.weights, layer.nOut, layer.nIn, { kind: "new" })]
      : [];
    updateRows.push([
      mat(label("W", l), layer.weights, layer.nOut, layer.nIn, { kind: "param" }), op(`− ${learningRate} ·`, t("minus α times")),
      mat(`∂J/∂${label("W", l)}`, layer.gradWeights, layer.nOut, layer.nIn, { kind: "grad" }), ...tail,
    ]);
    updateRows.push([
      mat(label("b", l), layer.biases, layer.nOut, 1, { kind: "param" }), op(`− ${learningRate} ·`, t("minus α times")),
      mat(`∂J/∂${label("b", l)}`, layer.gradBiases, layer.nOut, 1, { kind: "grad" }),
      ...(next ? [op("="), mat(t("new {name}", { name: label("b", l) }), next.biases, layer.nOut, 1, { kind: "new" })] : []),
    ]);
  }
  stages.push({
    id: "update",
    group: "update",
    short: t("update"),
    title: t("Update: one step of gradient descent, α = {rate}", { rate: learningRate }),
    equation: math("W[l] ← W[l] − α dJ/dW[l], b[l] ← b[l] − α dJ/db[l]", ...eqUpdate()),
    explain: after
      ? t(UPDATE_NOTE.text)
      : t("Every parameter moves against its gradient. These gradients are of one chosen example; "
        + "“Apply update” trains on the next mini-batch (switch to “next mini-batch” to see that update’s result here)."),
    sizes: [t("Each gradient has the size of its parameter: that is what makes the subtraction possible.")],
    rows: updateRows,
    highlight: { columns: [], links: Array.from({ length: L }, (_, i) => i + 1), direction: "forward" },
    links: "weights",
  });
  return stages;
}

function sup(l) {
  return `<sup>[${l}]</sup>`;
}
