/**
 * The stages of one gradient-descent update, built from a `pg.backpropTrace()`:
 * input, forward z[l] and a[l] layer by layer, the cost, then backward δ[L],
 * ∂J/∂W[L] and ∂J/∂b[L], δ[L−1], … down to layer 1, and the update. With
 * batch normalization each hidden layer gains a stage between z[l] and a[l],
 * and one on the way back from δ̃[l] = ∂J/∂z̃[l] to δ[l] (js/backprop/norm-stages.js).
 * With three or more classes the output is a softmax of one unit per class,
 * the cost categorical cross-entropy and δ[L] = (softmax(z[L]) − onehot(y))/m
 * (js/backprop/output.js says what differs).
 *
 * Every number shown is one the core computed: the trace's matrices (a
 * transpose only reads them in another order) and, for the update, the
 * parameters after the very same step (`after`, from a copy of the session one
 * update ahead). Nothing is computed here.
 */
import {
  math, eqInput, eqZ, eqA, eqGradW, eqGradB, eqDelta, eqUpdate, activationMath,
} from "./math.js";
import { normForward, normBackward } from "./norm-stages.js";
import { describeOutput } from "./output.js";
import { label, mat, op, productSize, sup } from "./terms.js";
import { featureName } from "../views/network-inputs.js";
import { t } from "../core/i18n.js";

// What the stages say that a learner can check; each is a claim, checked in tests/claims.
const L2_NOTE = { claim: "bp-l2", text: " L2 adds λW (the biases get no penalty)." };
const UPDATE_NOTE = {
  claim: "bp-update",
  text: "Every parameter moves against its gradient. The new values on the right are the core's own, from the very step that “Apply update” takes; then the walk starts over on them.",
};

/**
 * @param {import("../../pkg/nn_playground.js").BackpropTrace} trace  pg.backpropTrace()
 * @param {{
 *   activation: string, l2: number, learningRate: number, features: readonly string[],
 *   after: import("../../pkg/nn_playground.js").LayerParameters[] | null,
 * }} options
 *   `features`: the network's inputs (the trace's rows of a[0]); `after`: pg.parameters() of the
 *   session one update later (null when the traced examples are not the next mini-batch)
 * @returns {object[]} the stages in order
 */
export function buildStages(trace, { activation, l2, learningRate, features, after }) {
  const { m, layers } = trace;
  const L = layers.length;
  const act = activationMath(activation);
  const stages = [];
  const inputs = trace.input.length / m;
  const aOf = (l) => (l === 0
    ? { values: trace.input, rows: inputs }
    : { values: layers[l - 1].a, rows: layers[l - 1].nOut });
  const aMat = (l, opts = {}) => {
    const { values, rows } = aOf(l);
    const name = label("a", l, { T: opts.T });
    return mat(l === L && !opts.T ? `ŷ = ${name}` : name, values, rows, m, opts);
  };
  // The output layer: a sigmoid unit, or a softmax of one unit per class (output.js).
  const output = describeOutput(trace);
  const yMat = output.y;
  const examples = t(m === 1 ? "1 example" : "{m} examples", { m });
  const sizeOf = (name, size, of) => t("{name}: {size}, the size of {of}", { name, size, of });
  const actName = activation === "sigmoid" ? t("sigmoid") : activation;
  /** Whether layer l is batch-normalized (the trace carries its `norm`). */
  const normed = (l) => !!layers[l - 1].norm;

  stages.push({
    id: "input",
    group: "input",
    short: `${label("a", 0)} = x`,
    title: t("Input: the examples, one per column"),
    equation: math("a[0] = X", eqInput()),
    explain: t("The traced {examples} (training rows {rows}) stacked as columns: "
      + "a<sup>[0]</sup> has one row per input feature ({features}) and one column per example, so it is {n} × m with m = {m}.",
    { examples, rows: trace.rows.join(", "), features: features.map(featureName).join(", "), n: inputs, m }),
    sizes: [`${label("a", 0)}: ${inputs} × ${m}; y: 1 × ${m}`],
    rows: [[aMat(0, { note: t("inputs x") }), yMat()]],
    highlight: { columns: [0], links: [], direction: "forward" },
    links: "weights",
  });

  // ---------------------------------------------------------------- forward
  for (let l = 1; l <= L; l++) {
    const layer = layers[l - 1];
    const { nIn, nOut } = layer;
    const norm = normed(l);
    const words = { n: nOut, s: nOut === 1 ? "" : "s", l, nIn, W: label("W", l), b: label("b", l), m, ms: m === 1 ? "" : "s" };
    const product = { Wa: `${label("W", l)} ${label("a", l - 1)}`, product: productSize([nOut, nIn], [nIn, m]), b: label("b", l), n: nOut };
    const weighted = [mat(label("W", l), layer.weights, nOut, nIn, { kind: "param" }), op("·", t("matrix product")), aMat(l - 1)];
    stages.push({
      id: `z${l}`,
      group: "forward",
      short: label("z", l),
      title: t("Forward, layer {l}: weighted sums z{sup}", { l, sup: sup(l) }),
      equation: math(norm ? `z[${l}] = W[${l}] a[${l - 1}]` : `z[${l}] = W[${l}] a[${l - 1}] + b[${l}]`, eqZ(l, norm)),
      explain: norm
        ? t("Each of the {n} unit{s} of layer {l} sums its {nIn} inputs with its weights (one row of {W}), for every "
          + "example at once in one matrix product. No bias here: the normalization that follows subtracts each unit's "
          + "batch mean, which would cancel it; its β takes the bias's place.", words)
        : t("Each of the {n} unit{s} of layer {l} sums its {nIn} inputs with its weights (one row of "
          + "{W}) and adds its bias. One matrix product does it for every example at once; "
          + "{b} is added to each of the {m} column{ms}.", words),
      sizes: [norm ? t("{Wa}: {product}", product) : t("{Wa}: {product}; + {b} ({n} × 1) in every column", product)],
      rows: [[
        ...weighted, ...(norm ? [] : [op("+"), mat(label("b", l), layer.biases, nOut, 1, { kind: "param" })]), op("="),
        mat(label("z", l), layer.z, nOut, m, { kind: "result" }),
      ]],
      highlight: { columns: [l - 1, l], links: [l], direction: "forward" },
      links: "weights",
    });
    if (norm) stages.push(normForward(layer, l, m));
    // What the activation receives: z[l], or z̃[l] after the normalization.
    const input = norm ? { name: label("z̃", l), values: layer.norm.zTilde } : { name: label("z", l), values: layer.z };
    const out = l === L;
    const gName = out ? output.g : activation === "sigmoid" ? "σ" : activation === "relu" ? "ReLU" : "tanh";
    stages.push({
      id: `a${l}`,
      group: "forward",
      short: out ? `${label("a", l)} = ŷ` : label("a", l),
      title: out ? output.title : t("Forward, layer {l}: activations a{sup}", { l, sup: sup(l) }),
      equation: out ? output.equation : math(`a[${l}] = g(${norm ? "z tilde" : "z"}[${l}])`, eqA(l, L, activation, norm)),
      explain: out
        ? output.explain
        : t("The activation {act} acts on every entry on its own: a{sup} has the same size as {z}. "
          + "These are the numbers the next layer receives.", { act: actName, sup: sup(l), z: input.name }),
      sizes: [sizeOf(label("a", l), `${nOut} × ${m}`, input.name)],
      rows: [[
        mat(input.name, input.values, nOut, m), op(gName, out ? output.gTitle : t("element-wise")),
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
    title: output.lossTitle,
    equation: output.lossEquation(l2),
    explain: t("Mean loss over the {examples}: {loss}", {
      examples, loss: `<output class="scalar" data-value="${trace.loss}">${trace.loss.toFixed(5)}</output>`,
    })
      + (l2 > 0 ? t("; with the L2 penalty, J = {cost}.", {
        cost: `<output class="scalar" data-value="${trace.cost}">${trace.cost.toFixed(5)}</output>`,
      }) : ".")
      + output.lossNote
      + t(" It is large when a confident prediction is wrong."),
    sizes: [output.lossSizes],
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
    equation: output.deltaEquation,
    explain: output.deltaExplain,
    sizes: [sizeOf(label("δ", L), `${output.units} × ${m}`, label("z", L))],
    rows: [[aMat(L), op("−"), output.deltaY(), op("÷ m"), mat(label("δ", L), out.delta, output.units, m, { kind: "grad" })]],
    highlight: { columns: [L], links: [], direction: "backward" },
    links: "gradients",
  });
  for (let l = L; l >= 1; l--) {
    const layer = layers[l - 1];
    const { nIn, nOut } = layer;
    // A normalized layer has no b: ∂J/∂β came with δ[l] in the normalization's stage.
    const norm = normed(l);
    if (norm) stages.push(normBackward(layer, l, m));
    const gradRows = [[
      mat(label("δ", l), layer.delta, nOut, m, { kind: "grad" }), op("·", t("matrix product")),
      aMat(l - 1, { T: true }),
      ...(l2 > 0 ? [op("+ λ·", `λ = ${l2}`), mat(label("W", l), layer.weights, nOut, nIn, { kind: "param" })] : []),
      op("="), mat(`∂J/∂${label("W", l)}`, layer.gradWeights, nOut, nIn, { kind: "result" }),
    ], ...(norm ? [] : [[
      op(t("Σ over the examples of"), t("sum of each row")), mat(label("δ", l), layer.delta, nOut, m, { kind: "grad" }), op("="),
      mat(`∂J/∂${label("b", l)}`, layer.gradBiases, nOut, 1, { kind: "result" }),
    ]])];
    stages.push({
      id: `grad${l}`,
      group: "backward",
      short: `∂${label("W", l)}`,
      title: norm
        ? t("Backward, layer {l}: gradient ∂J/∂W{sup}", { l, sup: sup(l) })
        : t("Backward, layer {l}: gradients ∂J/∂W{sup} and ∂J/∂b{sup}", { l, sup: sup(l) }),
      equation: norm
        ? math(`dJ/dW[${l}] = delta[${l}] a[${l - 1}] transposed`, eqGradW(l, l2))
        : math(`dJ/dW[${l}] = delta[${l}] a[${l - 1}] transposed; dJ/db[${l}] = sum of delta[${l}]`, eqGradW(l, l2), eqGradB(l)),
      explain: t("The gradient of each weight is its unit's δ times the input it multiplies, summed over the examples. "
        + "Transposing {a} ({r} × {m}) to {m} × {r} makes the sizes fit: "
        + "the product runs over the {m} example{ms} and comes out the size of {W}.", {
        a: label("a", l - 1), r: aOf(l - 1).rows, m, ms: m === 1 ? "" : "s", W: label("W", l),
      })
        + (l2 > 0 ? t(L2_NOTE.text) : ""),
      sizes: [
        sizeOf(`${label("δ", l)} ${label("a", l - 1, { T: true })}`, productSize([nOut, m], [m, nIn]), label("W", l)),
        ...(norm ? [] : [sizeOf(`∂J/∂${label("b", l)}`, `${nOut} × 1`, label("b", l))]),
      ],
      rows: gradRows,
      highlight: { columns: [l - 1, l], links: [l], direction: "backward" },
      links: "gradients",
    });
    if (l > 1) {
      const below = layers[l - 2];
      // Below a normalized layer the chain rule reaches δ̃ = ∂J/∂z̃, at the normalization's output.
      const k = l - 1;
      const tilde = normed(k);
      const z = tilde ? { name: label("z̃", k), values: below.norm.zTilde } : { name: label("z", k), values: below.z };
      const result = tilde ? { name: label("δ̃", k), values: below.norm.deltaTilde } : { name: label("δ", k), values: below.delta };
      stages.push({
        id: `delta${k}`,
        group: "backward",
        short: result.name,
        title: tilde
          ? t("Backward, layer {k}: δ̃{supk} = ∂J/∂z̃{supk} from δ{supl} (chain rule)", { k, supk: sup(k), supl: sup(l) })
          : t("Backward, layer {k}: δ{supk} from δ{supl} (chain rule)", { k, supk: sup(k), supl: sup(l) }),
        equation: math(`${tilde ? "delta tilde" : "delta"}[${k}] = (W[${l}] transposed delta[${l}]) times g'(${tilde ? "z tilde" : "z"}[${k}])`,
          eqDelta(k, activation, tilde), act.derivative),
        explain: t("Each unit of layer {k} collects the δ of the units it feeds, weighted by the same weights as on the way forward: "
          + "that is {WT} δ{supl}, with {W} ({nOut} × {nIn}) transposed to {nIn} × {nOut}. "
          + "Then ⊙ multiplies entry by entry with the slope of the activation at {z} ({inWords}).", {
          k, WT: label("W", l, { T: true }), supl: sup(l), W: label("W", l), nOut, nIn, z: z.name, inWords: t(act.inWords),
        })
          + (tilde ? t(" This is δ̃ = ∂J/∂z̃, the gradient at the normalization's output; the next stage carries it back through the normalization.") : ""),
        sizes: [t("{WTd}: {product}; ⊙ g′({z}) keeps {n} × {m}", {
          WTd: `${label("W", l, { T: true })} ${label("δ", l)}`, product: productSize([nIn, nOut], [nOut, m]), z: z.name, n: nIn, m,
        })],
        rows: [[
          op("(", ""), mat(label("W", l, { T: true }), layer.weights, nOut, nIn, { T: true, kind: "param" }), op("·", t("matrix product")),
          mat(label("δ", l), layer.delta, nOut, m, { kind: "grad" }), op(")", ""), op(t("⊙ g′ of"), t("element-wise, the slope at")),
          mat(z.name, z.values, nIn, m),
          op("="), mat(result.name, result.values, nIn, m, { kind: "result" }),
        ]],
        highlight: { columns: [l - 1], links: [l], direction: "backward" },
        links: "gradients",
      });
    }
  }

  // ---------------------------------------------------------------- update
  /** One parameter's update: value − α · gradient (= the new value, when known), rows × cols. */
  const stepRow = (name, values, gradient, newValues, rows, cols) => [
    mat(name, values, rows, cols, { kind: "param" }), op(`− ${learningRate} ·`, t("minus α times")),
    mat(`∂J/∂${name}`, gradient, rows, cols, { kind: "grad" }),
    ...(newValues ? [op("="), mat(t("new {name}", { name }), newValues, rows, cols, { kind: "new" })] : []),
  ];
  const updateRows = [];
  for (let l = L; l >= 1; l--) {
    const layer = layers[l - 1];
    const next = after?.[l - 1];
    updateRows.push(stepRow(label("W", l), layer.weights, layer.gradWeights, next?.weights, layer.nOut, layer.nIn));
    updateRows.push(stepRow(label(normed(l) ? "β" : "b", l), layer.biases, layer.gradBiases, next?.biases, layer.nOut, 1));
    if (normed(l)) updateRows.push(stepRow(label("γ", l), layer.norm.gamma, layer.norm.gradGamma, next?.gamma, layer.nOut, 1));
  }
  const normalized = L > 1 && normed(1);
  stages.push({
    id: "update",
    group: "update",
    short: t("update"),
    title: t("Update: one step of gradient descent, α = {rate}", { rate: learningRate }),
    equation: math(`W[l] ← W[l] − α dJ/dW[l], b[l] ← b[l] − α dJ/db[l]${normalized ? ", gamma[l] ← gamma[l] − α dJ/dgamma[l]" : ""}`,
      ...eqUpdate(normalized)),
    explain: (after
      ? t(UPDATE_NOTE.text)
      : t("Every parameter moves against its gradient. These gradients are of one chosen example; "
        + "“Apply update” trains on the next mini-batch (switch to “next mini-batch” to see that update’s result here)."))
      + (normalized ? t(" In the normalized layers β is updated in the bias's place, and γ with it.") : ""),
    sizes: [t("Each gradient has the size of its parameter: that is what makes the subtraction possible.")],
    rows: updateRows,
    highlight: { columns: [], links: Array.from({ length: L }, (_, i) => i + 1), direction: "forward" },
    links: "weights",
  });
  return stages;
}
