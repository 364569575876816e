/**
 * MathML for the backprop explorer's equations, as markup strings (Chromium
 * renders MathML Core natively). Symbols follow the lecture: W[l], b[l], z[l],
 * a[l], δ[l] with the layer in a bracketed superscript, ᵀ for a transpose;
 * with batch normalization μ_B, σ²_B, ẑ, z̃ = γ ⊙ ẑ + β and δ̃ = ∂J/∂z̃
 * (Ioffe & Szegedy's names).
 */

const mi = (x) => `<mi>${x}</mi>`;
const mn = (x) => `<mn>${x}</mn>`;
const mo = (x) => `<mo>${x}</mo>`;
/** An operator without its default spacing (brackets inside superscripts, ∂). */
const tight = (x) => `<mo lspace="0" rspace="0" stretchy="false">${x}</mo>`;
const row = (...xs) => `<mrow>${xs.join("")}</mrow>`;
const paren = (...xs) => row(tight("("), ...xs, tight(")"));

/** A layer symbol: base with superscript [l], optionally transposed (marked), hatted or with a tilde. */
export function sym(base, l, { T = false, hat = false, tilde = false } = {}) {
  const b = hat ? mi(base === "y" ? "ŷ" : `${base}\u0302`) : tilde ? mi(`${base}\u0303`) : mi(base);
  if (l === null || l === undefined) return b;
  const sup = row(tight("["), mn(l), tight("]"), T ? '<mi mathvariant="normal" class="m-transpose">T</mi>' : "");
  return `<msup>${b}${sup}</msup>`;
}

/** ∂J/∂x as a fraction. */
export function dJ(x) {
  return `<mfrac>${row(tight("∂"), mi("J"))}${row(tight("∂"), x)}</mfrac>`;
}

/** The hidden activation g, its name in the equations and its derivative. */
export function activationMath(activation) {
  const z = mi("z");
  switch (activation) {
    case "sigmoid":
      return {
        g: mi("σ"),
        derivative: row(`<msup>${mi("σ")}<mo>′</mo></msup>`, paren(z), mo("="), mi("σ"), paren(z), paren(mn(1), mo("−"), mi("σ"), paren(z))),
        claim: "bp-sigmoid-prime",
        inWords: "σ′ = σ(1 − σ): read off a[l] as a(1 − a), at most ¼",
      };
    case "relu":
      return {
        g: mi("ReLU"),
        derivative: row(`<msup>${mi("g")}<mo>′</mo></msup>`, paren(z), mo("="), mn(1), mtext("\u00a0if\u00a0"), z, mo("&gt;"), mn(0),
          mo(","), mtext("\u00a0else\u00a0"), mn(0)),
        claim: "bp-relu-prime",
        inWords: "ReLU′ is 1 where z > 0 and 0 elsewhere: a unit that is off passes no gradient back",
      };
    default:
      return {
        g: mi("tanh"),
        derivative: row(`<msup>${mi("tanh")}<mo>′</mo></msup>`, paren(z), mo("="), mn(1), mo("−"),
          `<msup>${mi("tanh")}${mn(2)}</msup>`, paren(z)),
        claim: "bp-tanh-prime",
        inWords: "tanh′ = 1 − tanh²: read off a[l] as 1 − a², at most 1",
      };
  }
}

function mtext(x) {
  return `<mtext>${x}</mtext>`;
}

/** Wrap rows of an equation in a block <math>, one row per line. */
export function math(label, ...lines) {
  const body = lines.length === 1
    ? lines[0]
    : `<mtable columnalign="left">${lines.map((l) => `<mtr><mtd displaystyle="true">${l}</mtd></mtr>`).join("")}</mtable>`;
  return `<math display="block" aria-label="${label}">${body}</math>`;
}

// ------------------------------------------------------------------ equations per stage

/** Σ from i = 1 to m (`i`: the index's name). */
const sumOver = (i = "i") => `<munderover>${mo("∑")}${row(mi(i), mo("="), mn(1))}${mi("m")}</munderover>`;
/** x of example i: x with the superscript (i). */
const ofExample = (x, i = "i") => `<msup>${x}${paren(mi(i))}</msup>`;
/** A thin space (after "log"). */
const THIN = '<mspace width="0.17em"></mspace>';
/** The batch mean μ_B and variance σ²_B of a layer's z. */
const MU = `<msub>${mi("μ")}${mi("B")}</msub>`;
const SIGMA2 = `<msubsup>${mi("σ")}${mi("B")}${mn(2)}</msubsup>`;
/** √(σ²_B + ε). */
const SPREAD = `<msqrt>${row(SIGMA2, mo("+"), mi("ε"))}</msqrt>`;

/** a[0] = X = [x(1) … x(m)]. */
export function eqInput() {
  return row(sym("a", 0), mo("="), mi("X"), mo("="), row(tight("["), `<msup>${mi("x")}${paren(mn(1))}</msup>`,
    mo("…"), `<msup>${mi("x")}${paren(mi("m"))}</msup>`, tight("]")));
}

/**
 * z[l] = W[l] a[l−1] + b[l]; without the bias when the layer is normalized (β takes its place).
 * @param {number} l
 * @param {boolean} [normalized]
 */
export function eqZ(l, normalized = false) {
  return row(sym("z", l), mo("="), sym("W", l), sym("a", l - 1), ...(normalized ? [] : [mo("+"), sym("b", l)]));
}

/**
 * a[l] = g(z[l]) (of z̃[l] when normalized), or ŷ = a[L] = σ(z[L]) at the output.
 * @param {number} l
 * @param {number} L
 * @param {string} activation
 * @param {boolean} [normalized]
 */
export function eqA(l, L, activation, normalized = false) {
  if (l === L) return row(sym("y", null, { hat: true }), mo("="), sym("a", l), mo("="), mi("σ"), paren(sym("z", l)));
  return row(sym("a", l), mo("="), activationMath(activation).g, paren(sym("z", l, { tilde: normalized })));
}

/**
 * The batch normalization of layer l: μ_B and σ²_B of each unit over the m examples, ẑ and
 * z̃ = γ ⊙ ẑ + β, one line each.
 * @param {number} l
 */
export function eqNorm(l) {
  const z = ofExample(sym("z", l));
  return [
    row(MU, mo("="), `<mfrac>${mn(1)}${mi("m")}</mfrac>`, sumOver(), z),
    row(SIGMA2, mo("="), `<mfrac>${mn(1)}${mi("m")}</mfrac>`, sumOver(), `<msup>${paren(z, mo("−"), MU)}${mn(2)}</msup>`),
    row(sym("z", l, { hat: true }), mo("="), `<mfrac>${row(sym("z", l), mo("−"), MU)}${SPREAD}</mfrac>`),
    row(sym("z", l, { tilde: true }), mo("="), sym("γ", l), mo("⊙"), sym("z", l, { hat: true }), mo("+"), sym("β", l)),
  ];
}

/**
 * Back through the normalization of layer l: ∂J/∂γ = Σ δ̃ ẑ, ∂J/∂β = Σ δ̃ and
 * δ = γ/√(σ²_B + ε) ⊙ (δ̃ − mean δ̃ − ẑ ⊙ mean(δ̃ ẑ)), one line each.
 * @param {number} l
 */
export function eqNormBack(l) {
  const dt = sym("δ", l, { tilde: true });
  const zh = sym("z", l, { hat: true });
  const mean = (...xs) => row(`<mfrac>${mn(1)}${mi("m")}</mfrac>`, sumOver("j"), ...xs);
  return [
    row(dJ(sym("γ", l)), mo("="), sumOver(), ofExample(dt), ofExample(zh)),
    row(dJ(sym("β", l)), mo("="), sumOver(), ofExample(dt)),
    row(sym("δ", l), mo("="), `<mfrac>${sym("γ", l)}${SPREAD}</mfrac>`, mo("⊙"),
      paren(dt, mo("−"), mean(ofExample(dt, "j")), mo("−"), zh, mo("⊙"), mean(ofExample(dt, "j"), ofExample(zh, "j")))),
  ];
}

/**
 * The softmax output, two lines: ŷ = a[L] = softmax(z[L]), and ŷ_k = e^{z_k} / Σ_j e^{z_j}.
 * @param {number} L
 */
export function eqSoftmax(L) {
  const e = (k) => `<msup>${mi("e")}<msub>${mi("z")}${mi(k)}</msub></msup>`;
  return [
    row(sym("y", null, { hat: true }), mo("="), sym("a", L), mo("="), mi("softmax"), paren(sym("z", L))),
    row(`<msub>${sym("y", null, { hat: true })}${mi("k")}</msub>`, mo("="), `<mfrac>${e("k")}${row(`<munder>${mo("∑")}${mi("j")}</munder>`, e("j"))}</mfrac>`),
  ];
}

/**
 * J: the mean cross-entropy over the m examples plus the L2 penalty when λ > 0 — binary, one
 * line; or with `softmax` categorical, two lines: each example's L = −log ŷ_y, and J the mean of
 * them.
 * @param {number} l2
 * @param {boolean} [softmax]
 * @returns {string[]} the lines
 */
export function eqLoss(l2, softmax = false) {
  const yi = ofExample(mi("y"));
  const hi = ofExample(sym("y", null, { hat: true }));
  const log = row(mi("log"), THIN);
  const perExample = softmax
    ? row(log, `<msubsup>${sym("y", null, { hat: true })}${yi}${paren(mi("i"))}</msubsup>`)
    : row(tight("["), yi, log, hi, mo("+"), paren(mn(1), mo("−"), yi), log, paren(mn(1), mo("−"), hi), tight("]"));
  const mean = row(mo("−"), `<mfrac>${mn(1)}${mi("m")}</mfrac>`, sumOver(), perExample);
  const penalty = l2 > 0
    ? row(mo("+"), `<mfrac>${mi("λ")}${mn(2)}</mfrac>`, `<munder>${mo("∑")}${mi("l")}</munder>`,
      `<msup>${row(mo("‖"), `<msup>${mi("W")}${row(tight("["), mi("l"), tight("]"))}</msup>`, mo("‖"))}${mn(2)}</msup>`)
    : "";
  const cost = row(mi("J"), mo("="), mean, penalty);
  return softmax ? [row(mi("L"), mo("="), mo("−"), log, `<msub>${sym("y", null, { hat: true })}${mi("y")}</msub>`), cost] : [cost];
}

/**
 * δ[L] = ∂J/∂z[L] = (a[L] − y)/m.
 * @param {number} L
 */
export function eqDeltaOut(L) {
  return row(sym("δ", L), mo("="), dJ(sym("z", L)), mo("="), `<mfrac>${row(sym("a", L), mo("−"), mi("y"))}${mi("m")}</mfrac>`);
}

/**
 * δ[L] = ∂J/∂z[L] = (softmax(z[L]) − onehot(y))/m: the binary formula with y one-hot.
 * @param {number} L
 */
export function eqDeltaSoftmax(L) {
  return row(sym("δ", L), mo("="), dJ(sym("z", L)), mo("="),
    `<mfrac>${row(mi("softmax"), paren(sym("z", L)), mo("−"), mi("onehot"), paren(mi("y")))}${mi("m")}</mfrac>`);
}

/**
 * ∂J/∂W[l] = δ[l] a[l−1]ᵀ (+ λW[l]).
 * @param {number} l
 * @param {number} l2
 */
export function eqGradW(l, l2) {
  const decay = l2 > 0 ? row(mo("+"), mi("λ"), sym("W", l)) : "";
  return row(dJ(sym("W", l)), mo("="), sym("δ", l), sym("a", l - 1, { T: true }), decay);
}

/**
 * ∂J/∂b[l] = Σ δ[l](i).
 * @param {number} l
 */
export function eqGradB(l) {
  return row(dJ(sym("b", l)), mo("="), sumOver(), ofExample(sym("δ", l)));
}

/**
 * δ[l] = (W[l+1]ᵀ δ[l+1]) ⊙ g′(z[l]); when layer l is normalized, δ̃[l] = ∂J/∂z̃[l], with g′ at z̃[l].
 * @param {number} l
 * @param {string} activation
 * @param {boolean} [normalized]
 */
export function eqDelta(l, activation, normalized = false) {
  const g = activation === "sigmoid" ? mi("σ") : mi("g");
  const lhs = normalized ? row(sym("δ", l, { tilde: true }), mo("="), dJ(sym("z", l, { tilde: true }))) : sym("δ", l);
  return row(lhs, mo("="), paren(sym("W", l + 1, { T: true }), sym("δ", l + 1)), mo("⊙"),
    `<msup>${g}<mo>′</mo></msup>`, paren(sym("z", l, { tilde: normalized })));
}

/**
 * The update of every parameter, one line each: W and b, and γ when the hidden layers are
 * normalized (β is updated as b is, in its place).
 * @param {boolean} [normalized]
 */
export function eqUpdate(normalized = false) {
  const l = mi("l");
  const s = (base) => `<msup>${mi(base)}${row(tight("["), l, tight("]"))}</msup>`;
  const d = (base) => `<mfrac>${row(tight("∂"), mi("J"))}${row(tight("∂"), s(base))}</mfrac>`;
  const step = (base) => row(s(base), mo("←"), s(base), mo("−"), mi("α"), d(base));
  return normalized ? [step("W"), step("b"), step("γ")] : [step("W"), step("b")];
}
