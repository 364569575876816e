/**
 * The terms a stage of the backprop explorer lays out, and the symbols its
 * text uses: matrices of the trace's numbers (shown as they are or
 * transposed), the operators between them, a layer's symbol with its
 * bracketed superscript, and a product's sizes. Nothing here computes a value.
 */

/**
 * A symbol for captions and text: W<sup>[2]</sup>, with a marked ᵀ when transposed.
 * @param {string} base
 * @param {number | null} [l] the layer (none: the bare symbol)
 * @param {{ T?: boolean }} [options]
 */
export function label(base, l, { T = false } = {}) {
  if (l === null || l === undefined) return base;
  return `${base}<sup>[${l}]${T ? '<span class="t-mark">T</span>' : ""}</sup>`;
}

/**
 * The bracketed layer superscript alone: <sup>[2]</sup>.
 * @param {number} l
 */
export function sup(l) {
  return `<sup>[${l}]</sup>`;
}

/**
 * A matrix to show: `values` row-major with `rows` × `cols`; `T` shows its transpose
 * (cols × rows). `kind` styles it: "data", "param", "grad", "result", "new".
 * @param {string} name its caption (HTML)
 * @param {ArrayLike<number>} values
 * @param {number} rows
 * @param {number} cols
 * @param {{ T?: boolean, kind?: string, note?: string }} [options]
 */
export function mat(name, values, rows, cols, { T = false, kind = "data", note = "" } = {}) {
  return { matrix: true, name, values, rows: T ? cols : rows, cols: T ? rows : cols, stride: cols, T, kind, note };
}

/**
 * An operator between terms, with a tooltip saying what it does.
 * @param {string} symbol
 * @param {string} [title]
 */
export function op(symbol, title = "") {
  return { op: symbol, title };
}

/**
 * "(2 × <b>3</b>)·(<b>3</b> × 10) → 2 × 10": a product's sizes with the matching inner size marked.
 * @param {number[]} a rows and columns of the left factor
 * @param {number[]} b rows and columns of the right factor
 */
export function productSize(a, b) {
  return `(${a[0]} × <b class="dim-match">${a[1]}</b>) · (<b class="dim-match">${b[0]}</b> × ${b[1]}) → ${a[0]} × ${b[1]}`;
}
