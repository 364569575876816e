/**
 * The batch-normalization stages of the backprop explorer, for a hidden layer
 * of a network with `batchNorm: "on"`: forward, between z[l] and the
 * activation (μ_B, σ²_B, ẑ, z̃ = γ ⊙ ẑ + β), and backward, from δ̃ = ∂J/∂z̃ to
 * ∂J/∂γ, ∂J/∂β and δ = ∂J/∂z through the batch statistics. Every number shown
 * is the trace's own (`layer.norm`, `layer.delta`, `layer.biases` = β,
 * `layer.gradBiases` = ∂J/∂β); nothing is computed here.
 */
import { math, eqNorm, eqNormBack } from "./math.js";
import { label, mat, op, sup } from "./terms.js";
import { t } from "../core/i18n.js";

// What the stages say that a learner can check; each is a claim, checked in tests/claims.
const FORWARD_NOTE = {
  claim: "bp-bn-forward",
  text: "Each unit’s z is standardized over the m examples of the batch: minus its batch mean μ<sub>B</sub>, divided by its batch standard deviation (ε = 10⁻⁵ keeps the division finite). Each row of ẑ then has mean 0 and variance 1 (just under: σ²<sub>B</sub>/(σ²<sub>B</sub> + ε)), whatever the scale of W. The learned γ and β set the scale and offset the activation receives; β takes the place of the bias.",
};
const BACKWARD_NOTE = {
  claim: "bp-bn-backward",
  text: "μ<sub>B</sub> and σ²<sub>B</sub> depend on every example of the batch, so δ = ∂J/∂z is not simply γ/√(σ²<sub>B</sub> + ε) times δ̃: the two means take off what flows back through μ<sub>B</sub> and σ²<sub>B</sub>. So each row of δ sums to 0 — a bias before the normalization would get no gradient, which is why β takes its place. ∂J/∂γ = Σ δ̃ẑ and ∂J/∂β = Σ δ̃ are the gradients of the learned scale and shift.",
};
const BATCH_OF_ONE = {
  claim: "bp-bn-one",
  text: " With a batch of one, z = μ<sub>B</sub> and σ²<sub>B</sub> = 0, so ẑ = 0: every normalized unit outputs β (z̃ = β) and ∂J/∂W = 0 in every normalized layer — such a batch teaches their weights nothing.",
};

/** The per-unit statistics and parameters of layer `l`, as n × 1 columns. */
function columns(layer, l) {
  const { nOut, norm } = layer;
  return {
    mean: mat("μ<sub>B</sub>", norm.mean, nOut, 1, { note: t("batch mean") }),
    variance: mat("σ²<sub>B</sub>", norm.variance, nOut, 1, { note: t("batch variance") }),
    gamma: mat(label("γ", l), norm.gamma, nOut, 1, { kind: "param" }),
    beta: mat(label("β", l), layer.biases, nOut, 1, { kind: "param" }),
  };
}

/**
 * The forward stage of hidden layer `l`: z[l] standardized over the batch, then scaled and shifted.
 * @param {import("../../pkg/nn_playground.js").LayerTrace} layer the trace's layer l (with `norm`)
 * @param {number} l
 * @param {number} m examples in the trace
 */
export function normForward(layer, l, m) {
  const { nOut, norm } = layer;
  const c = columns(layer, l);
  const z = () => mat(label("z", l), layer.z, nOut, m);
  const zHat = (kind = "data") => mat(label("ẑ", l), norm.zHat, nOut, m, { kind });
  return {
    id: `bn${l}`,
    group: "forward",
    short: label("z̃", l),
    title: t("Forward, layer {l}: batch normalization z̃{sup}", { l, sup: sup(l) }),
    equation: math(`batch normalization of z[${l}]`, ...eqNorm(l)),
    explain: t(FORWARD_NOTE.text) + (m === 1 ? t(BATCH_OF_ONE.text) : ""),
    sizes: [t("μ<sub>B</sub>, σ²<sub>B</sub>, {gamma}, {beta}: {n} × 1, one per unit, used in every column; {zHat} and {zTilde}: {n} × {m}", {
      gamma: label("γ", l), beta: label("β", l), zHat: label("ẑ", l), zTilde: label("z̃", l), n: nOut, m,
    })],
    rows: [
      [z(), op("→", t("mean and variance of each row over the examples")), c.mean, c.variance],
      [op("("), z(), op("−"), c.mean, op(") ÷ √("), c.variance, op("+ ε)"), op("="), zHat("result")],
      [c.gamma, op("⊙", t("element-wise")), zHat(), op("+"), c.beta, op("="), mat(label("z̃", l), norm.zTilde, nOut, m, { kind: "result" })],
    ],
    highlight: { columns: [l], links: [], direction: "forward" },
    links: "weights",
  };
}

/**
 * The backward stage of hidden layer `l`: δ̃[l] back through the normalization to ∂J/∂γ, ∂J/∂β and δ[l].
 * @param {import("../../pkg/nn_playground.js").LayerTrace} layer the trace's layer l (with `norm`)
 * @param {number} l
 * @param {number} m examples in the trace
 */
export function normBackward(layer, l, m) {
  const { nOut, norm } = layer;
  const c = columns(layer, l);
  const deltaTilde = () => mat(label("δ̃", l), norm.deltaTilde, nOut, m, { kind: "grad" });
  const zHat = () => mat(label("ẑ", l), norm.zHat, nOut, m);
  const sum = () => op(t("Σ over the examples of"), t("sum of each row"));
  return {
    id: `bnback${l}`,
    group: "backward",
    short: label("δ", l),
    title: t("Backward, layer {l}: through the normalization to ∂J/∂γ{sup}, ∂J/∂β{sup} and δ{sup}", { l, sup: sup(l) }),
    equation: math(`back through the batch normalization of layer ${l}`, ...eqNormBack(l)),
    explain: t(BACKWARD_NOTE.text) + (m === 1 ? t(BATCH_OF_ONE.text) : ""),
    sizes: [t("∂J/∂{gamma} and ∂J/∂{beta}: {n} × 1, the size of {gamma} and {beta}; {delta}: {n} × {m}, the size of {z}", {
      gamma: label("γ", l), beta: label("β", l), delta: label("δ", l), z: label("z", l), n: nOut, m,
    })],
    rows: [
      [sum(), deltaTilde(), op("⊙", t("element-wise")), zHat(), op("="), mat(`∂J/∂${label("γ", l)}`, norm.gradGamma, nOut, 1, { kind: "result" })],
      [sum(), deltaTilde(), op("="), mat(`∂J/∂${label("β", l)}`, layer.gradBiases, nOut, 1, { kind: "result" })],
      [
        c.gamma, op("÷ √("), c.variance, op("+ ε) ⊙ ("), deltaTilde(), op(t("− mean(δ̃) −"), t("each row's mean over the examples")), zHat(),
        op(t("⊙ mean(δ̃ẑ))"), t("each row's mean over the examples")),
        op("="), mat(label("δ", l), layer.delta, nOut, m, { kind: "result" }),
      ],
    ],
    highlight: { columns: [l], links: [], direction: "backward" },
    links: "gradients",
  };
}
