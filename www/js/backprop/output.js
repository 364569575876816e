/**
 * The output layer of the backprop explorer's network, as its stages say it:
 * with two classes one sigmoid unit and binary cross-entropy (the lecture's
 * case); with K ≥ 3 a softmax of K units and categorical cross-entropy, whose
 * δ[L] = (softmax(z[L]) − onehot(y))/m is the lecture's binary formula
 * generalized. The stages (stages.js) lay out the same terms either way; this
 * module gives what differs — the words, the equations and the y that δ[L]
 * subtracts (the labels as they are, or written one-hot: one row per class,
 * a 1 in the row of each example's class). Every other number is the trace's.
 */
import { math, eqA, eqSoftmax, eqLoss, eqDeltaOut, eqDeltaSoftmax } from "./math.js";
import { mat, sup } from "./terms.js";
import { t } from "../core/i18n.js";

// What the stages say that a learner can check; each is a claim, checked in tests/claims.
const DELTA_OUT = {
  claim: "bp-delta-out",
  text: "With a sigmoid output and cross-entropy the derivative of the loss with respect to z is simply ŷ − y. Here δ carries the 1/m of the mean (the lecture divides by m in ∂J/∂W instead): the same numbers.",
};
const SOFTMAX = {
  claim: "bp-softmax",
  text: "The softmax turns the weighted sums of each example, one per class, into probabilities of the classes: ŷ<sub>k</sub> = e<sup>z<sub>k</sub></sup> / Σ<sub>j</sub> e<sup>z<sub>j</sub></sup>. Every entry lies between 0 and 1 and each column sums to 1. Unlike the sigmoid it does not act on each entry on its own: every z of a column changes every ŷ of it.",
};
const LOSS_SOFTMAX = {
  claim: "bp-loss-softmax",
  text: " Each example's loss is L = −log ŷ<sub>y</sub>, minus the log of the probability the network gives its true class y; the other probabilities enter only through the softmax, which makes them sum to 1.",
};
const DELTA_SOFTMAX = {
  claim: "bp-delta-softmax",
  text: "The lecture's binary formula generalized: with a softmax output and categorical cross-entropy, ∂J/∂z is again ŷ − y, with y written one-hot (one row per class, a 1 in the row of each example's class) and the 1/m of the mean. One row per class, one column per example; each column of δ sums to 0, because the column of ŷ and that of the one-hot y both sum to 1. With two classes and a sigmoid output the same formula is the binary ŷ − y.",
};

/**
 * What the output stages say of a trace's output layer.
 * @param {import("../../pkg/nn_playground.js").BackpropTrace} trace
 */
export function describeOutput(trace) {
  const { m, targets, layers } = trace;
  const L = layers.length;
  const K = layers[L - 1].nOut;
  const softmax = K > 1;
  const y = () => mat("y", targets, 1, m, { note: t(softmax ? "class labels" : "targets") });
  const oneHot = () => {
    const values = new Float64Array(K * m);
    targets.forEach((c, i) => (values[c * m + i] = 1));
    return mat("onehot(y)", values, K, m, { note: t("a 1 in the row of each example's class") });
  };
  return {
    /** The units of the output layer: 1, or one per class. */
    units: K,
    /** The output's g between z[L] and a[L], and what it does. */
    g: softmax ? "softmax" : "σ",
    gTitle: softmax ? t("over each column: e^z divided by the column's sum") : t("element-wise"),
    title: softmax ? t("Forward, output: ŷ = softmax(z{sup})", { sup: sup(L) }) : t("Forward, output: ŷ = σ(z{sup})", { sup: sup(L) }),
    equation: softmax
      ? math(`y hat = a[${L}] = softmax(z[${L}])`, ...eqSoftmax(L))
      : math(`y hat = a[${L}] = sigma(z[${L}])`, eqA(L, L, "sigmoid")),
    explain: softmax ? t(SOFTMAX.text) : t("The sigmoid turns each weighted sum into a probability of class 1 (blue), one per example."),
    /** The targets as the input stage shows them. */
    y,
    lossTitle: softmax ? t("Cost: categorical cross-entropy, averaged over the examples") : t("Cost: binary cross-entropy, averaged over the examples"),
    lossEquation: (l2) => math(softmax ? "J, the mean categorical cross-entropy" : "J, the mean cross-entropy", ...eqLoss(l2, softmax)),
    lossNote: softmax ? t(LOSS_SOFTMAX.text) : "",
    lossSizes: softmax
      ? t("ŷ: {K} × {m}, y: 1 × {m} → J: one number", { K, m })
      : t("ŷ and y: 1 × {m} → J: one number", { m }),
    deltaEquation: softmax
      ? math(`delta[${L}] = (softmax(z[${L}]) - onehot(y)) / m`, eqDeltaSoftmax(L))
      : math(`delta[${L}] = (a[${L}] - y) / m`, eqDeltaOut(L)),
    deltaExplain: t(softmax ? DELTA_SOFTMAX.text : DELTA_OUT.text),
    /** What δ[L] subtracts from ŷ: y, or y one-hot. */
    deltaY: softmax ? oneHot : y,
  };
}
