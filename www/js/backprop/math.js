/**
 * MathML for the backprop explorer's equations, as markup strings (Chromium
 * renders MathML Core natively). Symbols follow the lecture: W[l], b[l], z[l],
 * a[l], δ[l] with the layer in a bracketed superscript, ᵀ for a transpose.
 */

const mi = (x) => `<mi>${x}</mi>`;
const mn = (x) => `<mn>${x}</mn>`;
const mo = (x) => `<mo>${x}</mo>`;
/** An operator without its default spacing (brackets inside superscripts, ∂). */
const tight = (x) => `<mo lspace="0" rspace="0" stretchy="false">${x}</mo>`;
const row = (...xs) => `<mrow>${xs.join("")}</mrow>`;
const paren = (...xs) => row(tight("("), ...xs, tight(")"));

/** A layer symbol: base with superscript [l], optionally transposed (marked) or hatted. */
export function sym(base, l, { T = false, hat = false } = {}) {
  const b = hat ? mi(base === "y" ? "ŷ" : `${base}\u0302`) : mi(base);
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

export function eqInput() {
  return row(sym("a", 0), mo("="), mi("X"), mo("="), row(tight("["), `<msup>${mi("x")}${paren(mn(1))}</msup>`,
    mo("…"), `<msup>${mi("x")}${paren(mi("m"))}</msup>`, tight("]")));
}

export function eqZ(l) {
  return row(sym("z", l), mo("="), sym("W", l), sym("a", l - 1), mo("+"), sym("b", l));
}

export function eqA(l, L, activation) {
  if (l === L) return row(sym("y", null, { hat: true }), mo("="), sym("a", l), mo("="), mi("σ"), paren(sym("z", l)));
  return row(sym("a", l), mo("="), activationMath(activation).g, paren(sym("z", l)));
}

export function eqLoss(l2) {
  const yi = `<msup>${mi("y")}${paren(mi("i"))}</msup>`;
  const hi = `<msup>${sym("y", null, { hat: true })}${paren(mi("i"))}</msup>`;
  const sum = `<munderover>${mo("∑")}${row(mi("i"), mo("="), mn(1))}${mi("m")}</munderover>`;
  const mean = row(mo("−"), `<mfrac>${mn(1)}${mi("m")}</mfrac>`, sum,
    row(tight("["), yi, mi("log"), hi, mo("+"), paren(mn(1), mo("−"), yi), mi("log"), paren(mn(1), mo("−"), hi), tight("]")));
  const penalty = l2 > 0
    ? row(mo("+"), `<mfrac>${mi("λ")}${mn(2)}</mfrac>`, `<munder>${mo("∑")}${mi("l")}</munder>`,
      `<msup>${row(mo("‖"), `<msup>${mi("W")}${row(tight("["), mi("l"), tight("]"))}</msup>`, mo("‖"))}${mn(2)}</msup>`)
    : "";
  return row(mi("J"), mo("="), mean, penalty);
}

export function eqDeltaOut(L) {
  return row(sym("δ", L), mo("="), dJ(sym("z", L)), mo("="), `<mfrac>${row(sym("a", L), mo("−"), mi("y"))}${mi("m")}</mfrac>`);
}

export function eqGradW(l, l2) {
  const decay = l2 > 0 ? row(mo("+"), mi("λ"), sym("W", l)) : "";
  return row(dJ(sym("W", l)), mo("="), sym("δ", l), sym("a", l - 1, { T: true }), decay);
}

export function eqGradB(l) {
  const sum = `<munderover>${mo("∑")}${row(mi("i"), mo("="), mn(1))}${mi("m")}</munderover>`;
  return row(dJ(sym("b", l)), mo("="), sum, `<msup>${sym("δ", l)}${paren(mi("i"))}</msup>`);
}

export function eqDelta(l, activation) {
  const g = activation === "sigmoid" ? mi("σ") : mi("g");
  return row(sym("δ", l), mo("="), paren(sym("W", l + 1, { T: true }), sym("δ", l + 1)), mo("⊙"),
    `<msup>${g}<mo>′</mo></msup>`, paren(sym("z", l)));
}

export function eqUpdate() {
  const l = mi("l");
  const s = (base) => `<msup>${mi(base)}${row(tight("["), l, tight("]"))}</msup>`;
  const d = (base) => `<mfrac>${row(tight("∂"), mi("J"))}${row(tight("∂"), s(base))}</mfrac>`;
  return [
    row(s("W"), mo("←"), s("W"), mo("−"), mi("α"), d("W")),
    row(s("b"), mo("←"), s("b"), mo("−"), mi("α"), d("b")),
  ];
}
