//! The row kernels of the passes, over matrices stored a row per unit along the batch (taken as
//! [`Strided`] slices, checked to fit once per matrix rather than once per row): weighted
//! sums of rows for every unit of a layer (z ← start + Σ w·row, the forward pass and the
//! backward deltas, which LLVM vectorizes along the batch) and blocks of dot products (the weight gradients, with the bias
//! gradients as the deltas' sums in the same pass, each as the sum of its even and its odd
//! samples' terms, two samples to a SIMD register in wasm: `simd`). Each sum is taken term after
//! term in a fixed order, so natively and in wasm the bits are the same.

use super::simd;
use super::Real;

/// `count` slices of `len` elements whose starts lie `stride` apart in one buffer: the rows of
/// a matrix stored a row per unit (or, with `len` 1, the elements of a row or a column). Checked
/// once, when made, to lie inside the buffer, so the kernels take each slice without a check of
/// its own: at a batch of ten those checks cost a tenth of a training step in wasm.
#[derive(Debug, Clone, Copy)]
pub struct Strided<'a, T> {
    data: &'a [T],
    stride: usize,
    len: usize,
    count: usize,
}

impl<'a, T: Copy> Strided<'a, T> {
    /// The `count` slices data\[k·stride .. k·stride + len\]; panics unless they all lie in
    /// `data`.
    #[inline(always)]
    pub fn new(data: &'a [T], stride: usize, len: usize, count: usize) -> Self {
        let end = match count {
            0 => Some(0),
            _ => (count - 1).checked_mul(stride).and_then(|last| last.checked_add(len)),
        };
        if end.is_none_or(|end| end > data.len()) {
            misfit(count, len, stride, data.len());
        }
        Strided { data, stride, len, count }
    }

    /// Slice k.
    ///
    /// # Safety
    /// k < the count.
    #[inline(always)]
    unsafe fn slice(&self, k: usize) -> &'a [T] {
        debug_assert!(k < self.count);
        // SAFETY: k < count, and `new` checked that (count − 1)·stride + len ≤ data.len().
        unsafe { self.data.get_unchecked(k * self.stride..k * self.stride + self.len) }
    }

    /// The first element of slice k.
    ///
    /// # Safety
    /// k < the count, and the slices are not empty.
    #[inline(always)]
    unsafe fn first(&self, k: usize) -> T {
        debug_assert!(k < self.count && self.len > 0);
        // SAFETY: k·stride < k·stride + len ≤ data.len() (see `slice`).
        unsafe { *self.data.get_unchecked(k * self.stride) }
    }
}

/// The panic of [`Strided::new`], out of the kernels' way.
#[cold]
#[inline(never)]
fn misfit(count: usize, len: usize, stride: usize, available: usize) -> ! {
    panic!("{count} slices of {len}, {stride} apart, do not fit in {available} elements")
}

/// The weights of a layer's units: unit u's weight for row k is data\[u·unit_step + k·step\].
#[derive(Debug, Clone, Copy)]
pub struct UnitWeights<'a, T> {
    /// The weights.
    pub data: &'a [T],
    /// How far apart two units' first weights lie.
    pub unit_step: usize,
    /// How far apart a unit's consecutive weights lie.
    pub step: usize,
}

impl<'a, T: Copy> UnitWeights<'a, T> {
    /// Unit u's `count` weights (panics unless they lie in the data).
    #[inline(always)]
    fn of_unit(&self, u: usize, count: usize) -> Strided<'a, T> {
        Strided::new(&self.data[u * self.unit_step..], self.step, 1, count)
    }
}

/// For every unit u < `units`: out\[u·stride ..\]\[..len\] ← start(u) + Σ_k w\[u\]\[k\]·rows\[k\]
/// over the k of `rows` (len their length), added one term at a time in that order (so each
/// result is that of filling the row with its start and successive axpys). Up to eight rows go
/// through each unit's row per pass, to save its loads and stores; the rows' slices are taken once
/// per pass for every unit, not once per unit (at a batch of ten that work is as large as the
/// arithmetic).
#[inline(always)]
pub fn set_weighted_units<T: Real>(
    out: &mut [T],
    stride: usize,
    units: usize,
    start: impl Fn(usize) -> T,
    weights: UnitWeights<T>,
    rows: Strided<T>,
) {
    let count = rows.count;
    if count == 0 {
        for u in 0..units {
            out[u * stride..u * stride + rows.len].fill(start(u));
        }
    }
    let mut k = 0;
    while k < count {
        let start = (k == 0).then_some(&start);
        // Each block's rows are k … k + ROWS − 1 < count, as `add_rows` requires.
        k += match count - k {
            1 => add_rows::<T, 1>(out, stride, units, start, k, weights, &rows),
            2 | 3 => add_rows::<T, 2>(out, stride, units, start, k, weights, &rows),
            4..=7 => add_rows::<T, 4>(out, stride, units, start, k, weights, &rows),
            _ => add_rows::<T, 8>(out, stride, units, start, k, weights, &rows),
        };
    }
}

/// For every unit's row of `out` (see [`set_weighted_units`]): z ← (`start`(u), or z itself when
/// None) + Σ w\[u\]\[k\]·rows\[k\] over the `ROWS` rows k from `first` (first + ROWS ≤ the
/// count), summed left to right; returns `ROWS`.
#[inline(always)]
fn add_rows<T: Real, const ROWS: usize>(
    out: &mut [T],
    stride: usize,
    units: usize,
    start: Option<&impl Fn(usize) -> T>,
    first: usize,
    weights: UnitWeights<T>,
    rows: &Strided<T>,
) -> usize {
    let len = rows.len;
    // SAFETY: first + r < first + ROWS ≤ the count.
    let block: [&[T]; ROWS] = std::array::from_fn(|r| unsafe { rows.slice(first + r) });
    // Unit u's weights for the block.
    let unit_weights = |u: usize| -> [T; ROWS] {
        let of_unit = weights.of_unit(u, first + ROWS);
        // SAFETY: first + r < first + ROWS, the count of `of_unit`, whose slices hold one weight.
        std::array::from_fn(|r| unsafe { of_unit.first(first + r) })
    };
    let sum = |w: &[T; ROWS], s: usize, from: T| (0..ROWS).fold(from, |sum, r| sum + w[r] * block[r][s]);
    // The match outside the units' loop, and `for` loops, not `for_each` (a call LLVM may leave
    // out of line at the wasm's low inlining threshold, which then runs its closure element by
    // element): both keep the loops as tight as the arithmetic.
    match start {
        Some(start) => {
            for u in 0..units {
                let (w, from) = (unit_weights(u), start(u));
                for (s, zs) in out[u * stride..u * stride + len].iter_mut().enumerate() {
                    *zs = sum(&w, s, from);
                }
            }
        }
        None => {
            for u in 0..units {
                let w = unit_weights(u);
                for (s, zs) in out[u * stride..u * stride + len].iter_mut().enumerate() {
                    *zs = sum(&w, s, *zs);
                }
            }
        }
    }
    ROWS
}

/// grad\[j·n_in + i\] ← Σ_s deltas\[j\]\[s\]·inputs\[i\]\[s\] for every unit j of `deltas` and
/// input i of `inputs` (grad is n_out × n_in; all rows equally long), and when given,
/// bias_grad\[j\] ← Σ_s deltas\[j\]\[s\]; each sum in the order of [`paired_dot`], two units by
/// up to four inputs per pass over the batch ([`dot_block`]).
#[inline]
pub fn set_weight_gradients(
    grad: &mut [f64],
    mut bias_grad: Option<&mut [f64]>,
    deltas: Strided<f64>,
    inputs: Strided<f64>,
) {
    let (n_out, n_in) = (deltas.count, inputs.count);
    assert!(grad.len() == n_out * n_in && deltas.len == inputs.len, "grad is n_out × n_in, rows equally long");
    let mut j = 0;
    while j < n_out {
        // Units j … j + UNITS − 1 < n_out, as `weight_gradient_rows` requires.
        j += match n_out - j {
            1 => weight_gradient_rows::<1>(grad, bias_grad.as_deref_mut(), j, &deltas, &inputs),
            _ => weight_gradient_rows::<2>(grad, bias_grad.as_deref_mut(), j, &deltas, &inputs),
        };
    }
}

/// [`set_weight_gradients`] for the `UNITS` units from `first` (first + UNITS ≤ n_out), their
/// bias gradients from the first block's sums; returns `UNITS`.
#[inline(always)]
fn weight_gradient_rows<const UNITS: usize>(
    grad: &mut [f64],
    bias_grad: Option<&mut [f64]>,
    first: usize,
    deltas: &Strided<f64>,
    inputs: &Strided<f64>,
) -> usize {
    // SAFETY: first + u < first + UNITS ≤ n_out, the count of `deltas`.
    let unit_deltas: [&[f64]; UNITS] = std::array::from_fn(|u| unsafe { deltas.slice(first + u) });
    let n_in = inputs.count;
    let mut delta_sums = [-0.0; UNITS];
    let mut i = 0;
    while i < n_in {
        // Inputs i … i + INPUTS − 1 < n_in, as `weight_gradient_block` requires.
        let (done, sums) = match n_in - i {
            1 => weight_gradient_block::<UNITS, 1>(grad, first, &unit_deltas, i, inputs),
            2 | 3 => weight_gradient_block::<UNITS, 2>(grad, first, &unit_deltas, i, inputs),
            _ => weight_gradient_block::<UNITS, 4>(grad, first, &unit_deltas, i, inputs),
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
/// from `first_input` (first_input + INPUTS ≤ n_in); returns `INPUTS` and the deltas' sums.
#[inline(always)]
fn weight_gradient_block<const UNITS: usize, const INPUTS: usize>(
    grad: &mut [f64],
    first: usize,
    deltas: &[&[f64]; UNITS],
    first_input: usize,
    inputs: &Strided<f64>,
) -> (usize, [f64; UNITS]) {
    // SAFETY: first_input + k < first_input + INPUTS ≤ n_in, the count of `inputs`.
    let block: [&[f64]; INPUTS] = std::array::from_fn(|k| unsafe { inputs.slice(first_input + k) });
    let (sums, delta_sums) = dot_block(deltas, &block);
    let n_in = inputs.count;
    for (u, unit_sums) in sums.iter().enumerate() {
        let row = (first + u) * n_in + first_input;
        grad[row..row + INPUTS].copy_from_slice(unit_sums);
    }
    (INPUTS, delta_sums)
}

/// sums\[u\]\[r\] = Σ_s d\[u\]\[s\]·rows\[r\]\[s\] for UNITS × ROWS sums in one pass, and
/// the UNITS sums Σ_s d\[u\]\[s\]. Each sum is taken as two: the even samples' terms and the odd
/// ones', each in order from −0 (the last sample of an odd count joining the even sum), added at
/// the end. That order lets a SIMD register hold two samples (`simd::paired_dot_block`) and halves
/// each sum's chain of dependent additions. Every slice is as long as d\[0\].
#[inline(always)]
pub fn dot_block<const UNITS: usize, const ROWS: usize>(
    d: &[&[f64]; UNITS],
    rows: &[&[f64]; ROWS],
) -> ([[f64; ROWS]; UNITS], [f64; UNITS]) {
    let (mut sums, mut d_sums) = ([[-0.0; ROWS]; UNITS], [-0.0; UNITS]);
    if simd::paired_dot_block(d, rows, &mut sums, &mut d_sums) {
        return (sums, d_sums);
    }
    // [even, odd] partial sums.
    let (mut partial, mut d_partial) = ([[[-0.0; 2]; ROWS]; UNITS], [[-0.0; 2]; UNITS]);
    for s in 0..d[0].len() {
        let parity = s % 2;
        for u in 0..UNITS {
            d_partial[u][parity] += d[u][s];
            for r in 0..ROWS {
                partial[u][r][parity] += d[u][s] * rows[r][s];
            }
        }
    }
    for u in 0..UNITS {
        d_sums[u] = d_partial[u][0] + d_partial[u][1];
        for r in 0..ROWS {
            sums[u][r] = partial[u][r][0] + partial[u][r][1];
        }
    }
    (sums, d_sums)
}

/// Σ aᵢ·bᵢ in the order of [`dot_block`]: the even terms' sum and the odd terms' sum, each in order
/// from −0, added.
pub fn paired_dot(a: &[f64], b: &[f64]) -> f64 {
    let mut partial = [-0.0; 2];
    for (s, (x, y)) in a.iter().zip(b).enumerate() {
        partial[s % 2] += x * y;
    }
    partial[0] + partial[1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weight_gradients_are_paired_dot_products_bit_for_bit() {
        // Every block shape: 3 units (a pair and a single) by 7 inputs (4, 2 and 1 at a time).
        let m = 9;
        let deltas: Vec<Vec<f64>> =
            (0..3).map(|j| (0..m).map(|s| ((s * 5 + j * 3) % 7) as f64 * 0.31 - 0.9).collect()).collect();
        let inputs: Vec<Vec<f64>> = (0..7).map(|i| (0..m).map(|s| 1.0 / (s + i + 1) as f64 - 0.2).collect()).collect();
        let (mut grad, mut bias_grad) = (vec![f64::NAN; 3 * 7], vec![f64::NAN; 3]);
        let (deltas_flat, inputs_flat) = (deltas.concat(), inputs.concat());
        let rows = |flat, count| Strided::new(flat, m, m, count);
        set_weight_gradients(&mut grad, Some(&mut bias_grad), rows(&deltas_flat, 3), rows(&inputs_flat, 7));
        for (k, g) in grad.iter().enumerate() {
            let expected = paired_dot(&deltas[k / 7], &inputs[k % 7]);
            assert_eq!(g.to_bits(), expected.to_bits(), "unit {}, input {}", k / 7, k % 7);
        }
        for (j, g) in bias_grad.iter().enumerate() {
            assert_eq!(g.to_bits(), paired_dot(&deltas[j], &[1.0; 9]).to_bits(), "bias of unit {j}");
        }
    }

    #[test]
    fn strided_slices_are_checked_to_fit_once() {
        let data = [0.0; 10];
        Strided::new(&data, 4, 2, 3); // the last slice ends at the end
        Strided::new(&data, usize::MAX, 1, 1); // one slice: its stride never counts
        Strided::new(&data, 4, 99, 0);
        for (stride, len, count) in [(4, 3, 3), (usize::MAX, 1, 2), (1, 11, 1)] {
            let made = std::panic::catch_unwind(|| Strided::new(&data, stride, len, count));
            assert!(made.is_err(), "{count} slices of {len}, {stride} apart");
        }
    }

    #[test]
    fn weighted_units_add_their_terms_in_order() {
        // Three units over rows of five stored seven apart: every block shape (8, 4, 2 and 1
        // rows), and both weight layouts: a unit's weights side by side (the forward pass) or
        // apart (W's columns, the backward pass).
        for count in [0, 1, 3, 7, 9, 15] {
            let rows: Vec<f64> = (0..count * 7).map(|e| e as f64 * 0.1 + 1e-17).collect();
            let weights: Vec<f64> = (0..3 * count).map(|k| ((k * 5) % 11) as f64 * 0.7 - 3.1).collect();
            for (unit_step, step) in [(count, 1), (1, 3)] {
                let mut out = vec![f64::NAN; 3 * 6];
                let unit_weights = UnitWeights { data: &weights, unit_step, step };
                let start = |u: usize| 0.25 * u as f64;
                set_weighted_units(&mut out, 6, 3, start, unit_weights, Strided::new(&rows, 7, 5, count));
                for u in 0..3 {
                    for s in 0..5 {
                        let term = |k: usize| weights[u * unit_step + k * step] * rows[k * 7 + s];
                        let expected = (0..count).fold(start(u), |sum, k| sum + term(k));
                        assert_eq!(out[u * 6 + s].to_bits(), expected.to_bits(), "{count} rows, unit {u}");
                    }
                    assert!(out[u * 6 + 5].is_nan(), "only the rows' length is written");
                }
            }
        }
    }
}
