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
} from "./backprop-math.js";

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

/** "(2 × <b>3</b>)·(<b>3</b> × 10) → 2 × 10": a product's sizes with the matching inner size marked. */
function productSize(a, b) {
  return `(${a[0]} × <b class="dim-match">${a[1]}</b>) · (<b class="dim-match">${b[0]}</b> × ${b[1]}) → ${a[0]} × ${b[1]}`;
}

/**
 * @param {object} trace  pg.backpropTrace()
 * @param {{ activation: string, l2: number, learningRate: number, after: object[] | null }} options
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
  const yMat = () => mat("y", trace.targets, 1, m, { note: "targets" });
  const examples = m === 1 ? "1 example" : `${m} examples`;

  stages.push({
    id: "input",
    group: "input",
    short: `${label("a", 0)} = x`,
    title: "Input: the examples, one per column",
    equation: math("a[0] = X", eqInput()),
    explain: `The traced ${examples} (training rows ${trace.rows.join(", ")}) stacked as columns: `
      + `a<sup>[0]</sup> has one row per feature (x₁, x₂) and one column per example, so it is 2 × m with m = ${m}.`,
    sizes: [`${label("a", 0)}: 2 × ${m}; y: 1 × ${m}`],
    rows: [[aMat(0, { note: "inputs x" }), yMat()]],
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
      title: `Forward, layer ${l}: weighted sums z${sup(l)}`,
      equation: math(`z[${l}] = W[${l}] a[${l - 1}] + b[${l}]`, eqZ(l)),
      explain: `Each of the ${nOut} unit${nOut === 1 ? "" : "s"} of layer ${l} sums its ${nIn} inputs with its weights (one row of `
        + `${label("W", l)}) and adds its bias. One matrix product does it for every example at once; `
        + `${label("b", l)} is added to each of the ${m} column${m === 1 ? "" : "s"}.`,
      sizes: [`${label("W", l)} ${label("a", l - 1)}: ${productSize([nOut, nIn], [nIn, m])}; `
        + `+ ${label("b", l)} (${nOut} × 1) in every column`],
      rows: [[
        mat(label("W", l), layer.weights, nOut, nIn, { kind: "param" }), op("·", "matrix product"),
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
      title: out ? `Forward, output: ŷ = σ(z${sup(l)})` : `Forward, layer ${l}: activations a${sup(l)}`,
      equation: math(out ? `y hat = a[${l}] = sigma(z[${l}])` : `a[${l}] = g(z[${l}])`, eqA(l, L, activation)),
      explain: out
        ? "The sigmoid turns each weighted sum into a probability of class 1 (blue), one per example."
        : `The activation ${activation} acts on every entry on its own: a${sup(l)} has the same size as z${sup(l)}. `
          + "These are the numbers the next layer receives.",
      sizes: [`${label("a", l)}: ${nOut} × ${m}, the size of ${label("z", l)}`],
      rows: [[
        mat(label("z", l), layer.z, nOut, m), op(gName, "element-wise"),
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
    title: "Cost: binary cross-entropy, averaged over the examples",
    equation: math("J, the mean cross-entropy", eqLoss(l2)),
    explain: `Mean loss over the ${examples}: <output class="scalar" data-value="${trace.loss}">${trace.loss.toFixed(5)}</output>`
      + (l2 > 0 ? `; with the L2 penalty, J = <output class="scalar" data-value="${trace.cost}">${trace.cost.toFixed(5)}</output>.` : ".")
      + " It is large when a confident prediction is wrong.",
    sizes: [`ŷ and y: 1 × ${m} → J: one number`],
    rows: [[aMat(L), yMat(), op("→"), { scalar: true, name: "J", value: trace.cost }]],
    highlight: { columns: [L], links: [], direction: "forward" },
    links: "weights",
  });

  // ---------------------------------------------------------------- backward
  stages.push({
    id: `delta${L}`,
    group: "backward",
    short: label("δ", L),
    title: `Backward, output: δ${sup(L)} = ∂J/∂z${sup(L)}`,
    equation: math(`delta[${L}] = (a[${L}] - y) / m`, eqDeltaOut(L)),
    explain: "With a sigmoid output and cross-entropy the derivative of the loss with respect to z is simply ŷ − y. "
      + "Here δ carries the 1/m of the mean (the lecture divides by m in ∂J/∂W instead): the same numbers.",
    sizes: [`${label("δ", L)}: 1 × ${m}, the size of ${label("z", L)}`],
    rows: [[aMat(L), op("−"), yMat(), op("÷ m"), mat(label("δ", L), out.delta, 1, m, { kind: "grad" })]],
    highlight: { columns: [L], links: [], direction: "backward" },
    links: "gradients",
  });
  for (let l = L; l >= 1; l--) {
    const layer = layers[l - 1];
    const { nIn, nOut } = layer;
    const gradRows = [[
      mat(label("δ", l), layer.delta, nOut, m, { kind: "grad" }), op("·", "matrix product"),
      aMat(l - 1, { T: true }),
      ...(l2 > 0 ? [op("+ λ·", `λ = ${l2}`), mat(label("W", l), layer.weights, nOut, nIn, { kind: "param" })] : []),
      op("="), mat(`∂J/∂${label("W", l)}`, layer.gradWeights, nOut, nIn, { kind: "result" }),
    ], [
      op("Σ over the examples of", "sum of each row"), mat(label("δ", l), layer.delta, nOut, m, { kind: "grad" }), op("="),
      mat(`∂J/∂${label("b", l)}`, layer.gradBiases, nOut, 1, { kind: "result" }),
    ]];
    stages.push({
      id: `grad${l}`,
      group: "backward",
      short: `∂${label("W", l)}`,
      title: `Backward, layer ${l}: gradients ∂J/∂W${sup(l)} and ∂J/∂b${sup(l)}`,
      equation: math(`dJ/dW[${l}] = delta[${l}] a[${l - 1}] transposed; dJ/db[${l}] = sum of delta[${l}]`, eqGradW(l, l2), eqGradB(l)),
      explain: `The gradient of each weight is its unit's δ times the input it multiplies, summed over the examples. `
        + `Transposing ${label("a", l - 1)} (${aOf(l - 1).rows} × ${m}) to ${m} × ${aOf(l - 1).rows} makes the sizes fit: `
        + `the product runs over the ${m} example${m === 1 ? "" : "s"} and comes out the size of ${label("W", l)}.`
        + (l2 > 0 ? " L2 adds λW (the biases get no penalty)." : ""),
      sizes: [
        `${label("δ", l)} ${label("a", l - 1, { T: true })}: ${productSize([nOut, m], [m, nIn])}, the size of ${label("W", l)}`,
        `∂J/∂${label("b", l)}: ${nOut} × 1, the size of ${label("b", l)}`,
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
        title: `Backward, layer ${l - 1}: δ${sup(l - 1)} from δ${sup(l)} (chain rule)`,
        equation: math(`delta[${l - 1}] = (W[${l}] transposed delta[${l}]) times g'(z[${l - 1}])`, eqDelta(l - 1, activation), act.derivative),
        explain: `Each unit of layer ${l - 1} collects the δ of the units it feeds, weighted by the same weights as on the way forward: `
          + `that is ${label("W", l, { T: true })} δ${sup(l)}, with ${label("W", l)} (${nOut} × ${nIn}) transposed to ${nIn} × ${nOut}. `
          + `Then ⊙ multiplies entry by entry with the slope of the activation at z${sup(l - 1)} (${act.inWords}).`,
        sizes: [`${label("W", l, { T: true })} ${label("δ", l)}: ${productSize([nIn, nOut], [nOut, m])}; `
          + `⊙ g′(${label("z", l - 1)}) keeps ${nIn} × ${m}`],
        rows: [[
          op("(", ""), mat(label("W", l, { T: true }), layer.weights, nOut, nIn, { T: true, kind: "param" }), op("·", "matrix product"),
          mat(label("δ", l), layer.delta, nOut, m, { kind: "grad" }), op(")", ""), op("⊙ g′ of", "element-wise, the slope at"),
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
      ? [op("="), mat(`new ${label("W", l)}`, next.weights, layer.nOut, layer.nIn, { kind: "new" })]
      : [];
    updateRows.push([
      mat(label("W", l), layer.weights, layer.nOut, layer.nIn, { kind: "param" }), op(`− ${learningRate} ·`, "minus α times"),
      mat(`∂J/∂${label("W", l)}`, layer.gradWeights, layer.nOut, layer.nIn, { kind: "grad" }), ...tail,
    ]);
    updateRows.push([
      mat(label("b", l), layer.biases, layer.nOut, 1, { kind: "param" }), op(`− ${learningRate} ·`, "minus α times"),
      mat(`∂J/∂${label("b", l)}`, layer.gradBiases, layer.nOut, 1, { kind: "grad" }),
      ...(next ? [op("="), mat(`new ${label("b", l)}`, next.biases, layer.nOut, 1, { kind: "new" })] : []),
    ]);
  }
  stages.push({
    id: "update",
    group: "update",
    short: "update",
    title: `Update: one step of gradient descent, α = ${learningRate}`,
    equation: math("W[l] ← W[l] − α dJ/dW[l], b[l] ← b[l] − α dJ/db[l]", ...eqUpdate()),
    explain: after
      ? "Every parameter moves against its gradient. The new values on the right are the core's own, "
        + "from the very step that “Apply update” takes; then the walk starts over on them."
      : "Every parameter moves against its gradient. These gradients are of one chosen example; "
        + "“Apply update” trains on the next mini-batch (switch to “next mini-batch” to see that update’s result here).",
    sizes: ["Each gradient has the size of its parameter: that is what makes the subtraction possible."],
    rows: updateRows,
    highlight: { columns: [], links: Array.from({ length: L }, (_, i) => i + 1), direction: "forward" },
    links: "weights",
  });
  return stages;
}

function sup(l) {
  return `<sup>[${l}]</sup>`;
}
