//! The row kernels of the passes, over matrices stored a row per unit along the batch: weighted
//! sums of rows (z ← start + Σ w·row, the forward pass and the backward deltas, which LLVM
//! vectorizes along the batch) and blocks of dot products (the weight gradients, with the bias
//! gradients as the deltas' sums in the same pass; two units share a SIMD register in wasm:
//! `simd`). Each sum is taken term after term in a fixed order, so natively and in wasm the bits
//! are the same.

use super::simd;
use super::Real;

/// z ← start + Σ_k weight(k)·row(k) for k = 0 … count−1, added one term at a time in that
/// order (so the result is that of filling z with `start` and `count` successive axpys), up to
/// eight rows per pass over z to save its loads and stores (and the passes' own cost, which at a
/// batch of ten is as large as their arithmetic).
#[inline]
pub fn set_weighted_rows<'r, T: Real>(
    z: &mut [T],
    start: T,
    count: usize,
    weight: impl Fn(usize) -> T,
    row: impl Fn(usize) -> &'r [T],
) {
    if count == 0 {
        z.fill(start);
    }
    let mut k = 0;
    while k < count {
        let start = (k == 0).then_some(start);
        k += match count - k {
            1 => add_rows::<T, 1>(z, start, k, &weight, &row),
            2 | 3 => add_rows::<T, 2>(z, start, k, &weight, &row),
            4..=7 => add_rows::<T, 4>(z, start, k, &weight, &row),
            _ => add_rows::<T, 8>(z, start, k, &weight, &row),
        };
    }
}

/// z ← (`start`, or z itself when None) + Σ weight(k)·row(k) over the `ROWS` rows from `first`,
/// summed left to right; returns `ROWS`.
#[inline(always)]
fn add_rows<'r, T: Real, const ROWS: usize>(
    z: &mut [T],
    start: Option<T>,
    first: usize,
    weight: &impl Fn(usize) -> T,
    row: &impl Fn(usize) -> &'r [T],
) -> usize {
    let len = z.len();
    let rows: [(T, &[T]); ROWS] = std::array::from_fn(|r| (weight(first + r), &row(first + r)[..len]));
    let sum = |s: usize, from: T| rows.iter().fold(from, |sum, &(w, r)| sum + w * r[s]);
    match start {
        Some(start) => z.iter_mut().enumerate().for_each(|(s, zs)| *zs = sum(s, start)),
        None => z.iter_mut().enumerate().for_each(|(s, zs)| *zs = sum(s, *zs)),
    }
    ROWS
}

/// grad\[j·n_in + i\] ← Σ_s delta(j)\[s\]·input(i)\[s\] for every unit j and input i (grad is
/// n_out × n_in), and when given, bias_grad\[j\] ← Σ_s delta(j)\[s\]; each sum taken in order
/// from −0 like [`dot`](super::dot)'s and `Iterator::sum`'s, two units by up to four inputs per
/// pass over the batch ([`dot_block`]).
#[inline]
pub fn set_weight_gradients<'r>(
    grad: &mut [f64],
    mut bias_grad: Option<&mut [f64]>,
    n_in: usize,
    delta: impl Fn(usize) -> &'r [f64],
    input: impl Fn(usize) -> &'r [f64],
) {
    debug_assert!(n_in > 0 && grad.len() % n_in == 0, "grad is n_out × n_in");
    let n_out = grad.len() / n_in.max(1);
    let mut j = 0;
    while j < n_out {
        j += match n_out - j {
            1 => weight_gradient_rows::<1>(grad, bias_grad.as_deref_mut(), n_in, j, &delta, &input),
            _ => weight_gradient_rows::<2>(grad, bias_grad.as_deref_mut(), n_in, j, &delta, &input),
        };
    }
}

/// [`set_weight_gradients`] for the `UNITS` units from `first` (their bias gradients from the
/// first block's sums); returns `UNITS`.
#[inline(always)]
fn weight_gradient_rows<'r, const UNITS: usize>(
    grad: &mut [f64],
    bias_grad: Option<&mut [f64]>,
    n_in: usize,
    first: usize,
    delta: &impl Fn(usize) -> &'r [f64],
    input: &impl Fn(usize) -> &'r [f64],
) -> usize {
    let deltas: [&[f64]; UNITS] = std::array::from_fn(|u| delta(first + u));
    let mut delta_sums = [-0.0; UNITS];
    let mut i = 0;
    while i < n_in {
        let (done, sums) = match n_in - i {
            1 => weight_gradient_block::<UNITS, 1>(grad, n_in, first, &deltas, i, input),
            2 | 3 => weight_gradient_block::<UNITS, 2>(grad, n_in, first, &deltas, i, input),
            _ => weight_gradient_block::<UNITS, 4>(grad, n_in, first, &deltas, i, input),
        };
        if i == 0 {
            delta_sums = sums;
        }
        i += done;
    }
    if let Some(bias_grad) = bias_grad {
        bias_grad[first..first + UNITS].copy_from_slice(&delta_sums);
    }
    UNITS
}

/// The UNITS × INPUTS sums of [`set_weight_gradients`] for the units from `first` and the inputs
/// from `first_input`; returns `INPUTS` and the deltas' sums.
#[inline(always)]
fn weight_gradient_block<'r, const UNITS: usize, const INPUTS: usize>(
    grad: &mut [f64],
    n_in: usize,
    first: usize,
    deltas: &[&[f64]; UNITS],
    first_input: usize,
    input: &impl Fn(usize) -> &'r [f64],
) -> (usize, [f64; UNITS]) {
    let m = deltas[0].len();
    let inputs: [&[f64]; INPUTS] = std::array::from_fn(|k| &input(first_input + k)[..m]);
    let (sums, delta_sums) = dot_block(deltas, &inputs);
    for (u, unit_sums) in sums.iter().enumerate() {
        let row = (first + u) * n_in + first_input;
        grad[row..row + INPUTS].copy_from_slice(unit_sums);
    }
    (INPUTS, delta_sums)
}

/// sums\[u\]\[r\] = Σ_s d\[u\]\[s\]·rows\[r\]\[s\] for UNITS × ROWS sums in one pass, and
/// the UNITS sums Σ_s d\[u\]\[s\], each summed in order from −0 like [`dot`](super::dot)'s
/// (independent sums overlap their additions, where one sum after another waits on each addition
/// in turn; in wasm two units share a register). Every slice is as long as d\[0\].
#[inline(always)]
pub fn dot_block<const UNITS: usize, const ROWS: usize>(
    d: &[&[f64]; UNITS],
    rows: &[&[f64]; ROWS],
) -> ([[f64; ROWS]; UNITS], [f64; UNITS]) {
    let mut sums = [[-0.0; ROWS]; UNITS];
    let mut d_sums = [-0.0; UNITS];
    if UNITS == 2 {
        let (mut pair, mut pair_sums) = ([[-0.0; ROWS]; 2], [-0.0; 2]);
        if simd::dots_of_two_units([d[0], d[1]], rows, &mut pair, &mut pair_sums) {
            sums.copy_from_slice(&pair);
            d_sums.copy_from_slice(&pair_sums);
            return (sums, d_sums);
        }
    }
    for s in 0..d[0].len() {
        for u in 0..UNITS {
            d_sums[u] += d[u][s];
            for r in 0..ROWS {
                sums[u][r] += d[u][s] * rows[r][s];
            }
        }
    }
    (sums, d_sums)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::dot;

    #[test]
    fn weight_gradients_are_dot_products_bit_for_bit() {
        // Every block shape: 3 units (a pair and a single) by 7 inputs (4, 2 and 1 at a time).
        let m = 9;
        let deltas: Vec<Vec<f64>> =
            (0..3).map(|j| (0..m).map(|s| ((s * 5 + j * 3) % 7) as f64 * 0.31 - 0.9).collect()).collect();
        let inputs: Vec<Vec<f64>> = (0..7).map(|i| (0..m).map(|s| 1.0 / (s + i + 1) as f64 - 0.2).collect()).collect();
        let (mut grad, mut bias_grad) = (vec![f64::NAN; 3 * 7], vec![f64::NAN; 3]);
        set_weight_gradients(&mut grad, Some(&mut bias_grad), 7, |j| &deltas[j], |i| &inputs[i]);
        for (k, g) in grad.iter().enumerate() {
            assert_eq!(g.to_bits(), dot(&deltas[k / 7], &inputs[k % 7]).to_bits(), "unit {}, input {}", k / 7, k % 7);
        }
        for (j, g) in bias_grad.iter().enumerate() {
            assert_eq!(g.to_bits(), deltas[j].iter().sum::<f64>().to_bits(), "bias of unit {j}");
        }
    }

    #[test]
    fn weighted_rows_add_their_terms_in_order() {
        let rows: Vec<Vec<f64>> = (0..6).map(|k| (0..5).map(|s| (k * 5 + s) as f64 * 0.1 + 1e-17).collect()).collect();
        let weights = [0.3, -1.7, 2.5, 1e-3, -0.6, 4.0];
        let mut z = vec![0.0; 5];
        set_weighted_rows(&mut z, 0.25, 6, |k| weights[k], |k| &rows[k]);
        for (s, &z) in z.iter().enumerate() {
            let expected = (0..6).fold(0.25, |sum, k| sum + weights[k] * rows[k][s]);
            assert_eq!(z.to_bits(), expected.to_bits());
        }
    }
}
