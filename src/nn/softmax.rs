//! The softmax output of K ≥ 3 classes with categorical cross-entropy: ŷₖ = e^zₖ / Σⱼ e^zⱼ,
//! L = −ln ŷ_y = ln Σⱼ e^zⱼ − z_y, and the output error δₖ = ŷₖ − 1{k = y} — the binary
//! sigmoid's ŷ − y, one row per class. The output layer's matrices are K × capacity (one row per
//! class, one column per sample); labels are class indices 0 … K−1. Exponentials are taken of
//! z − max z (never above 0), so nothing overflows.

use crate::math::{exp_nonpositive_lanes, Real};

/// The largest of column `s` of a K-row matrix with row stride `cap`.
#[inline]
fn column_max<T: Real>(z: &[T], classes: usize, cap: usize, s: usize) -> T {
    (1..classes).fold(z[s], |max, k| if z[k * cap + s] > max { z[k * cap + s] } else { max })
}

/// ŷ = softmax(z) of every one of the first `m` columns.
#[inline(never)] // only K-class outputs take this path: one copy, not one per caller
pub fn activate<T: Real>(z: &[T], y_hat: &mut [T], classes: usize, cap: usize, m: usize) {
    for s in 0..m {
        let max = column_max(z, classes, cap, s);
        let mut sum = T::ZERO;
        for k in 0..classes {
            let e = exp_nonpositive_lanes(z[k * cap + s] - max);
            y_hat[k * cap + s] = e;
            sum += e;
        }
        for k in 0..classes {
            y_hat[k * cap + s] = y_hat[k * cap + s].div(sum);
        }
    }
}

/// Σ over the first `m` columns of ln Σⱼ e^zⱼ − z_y, in f64 whatever the precision of z.
#[inline(never)] // only K-class outputs take this path: one copy, not one per caller
pub fn total<T: Real>(z: &[T], labels: &[T], classes: usize, cap: usize, m: usize) -> f64 {
    let mut total = 0.0;
    for (s, label) in labels.iter().take(m).enumerate() {
        let max = column_max(z, classes, cap, s).to_f64();
        let sum: f64 = (0..classes).map(|k| exp_nonpositive_lanes(z[k * cap + s].to_f64() - max)).sum();
        let y = label.to_f64() as usize;
        total += max + libm::log(sum) - z[y * cap + s].to_f64();
    }
    total
}

/// Σ over the first `m` columns of max_k z_k − z_y: at most [`total`], which exceeds it by at
/// most m·ln K (ln Σ e^(z_k − max) lies in [0, ln K]), without a transcendental.
#[inline(never)] // only K-class outputs take this path: one copy, not one per caller
pub fn total_floor(z: &[f64], labels: &[f64], classes: usize, cap: usize, m: usize) -> f64 {
    let mut floor = 0.0;
    for (s, &label) in labels.iter().take(m).enumerate() {
        floor += column_max(z, classes, cap, s) - z[label as usize * cap + s];
    }
    floor
}

/// δₖ = (ŷₖ − 1{k = y})·`scale` for the first `m` columns.
#[inline(never)] // only K-class outputs take this path: one copy, not one per caller
pub fn deltas(y_hat: &[f64], labels: &[f64], delta: &mut [f64], classes: usize, cap: usize, m: usize, scale: f64) {
    for k in 0..classes {
        let row = k * cap..k * cap + m;
        for ((d, &p), &y) in delta[row.clone()].iter_mut().zip(&y_hat[row]).zip(labels) {
            *d = (p - if y as usize == k { 1.0 } else { 0.0 }) * scale;
        }
    }
}

/// The class with the largest output in column `s` (the first of equals).
pub fn predicted<T: Real>(y_hat: &[T], classes: usize, cap: usize, s: usize) -> usize {
    (1..classes).fold(0, |best, k| if y_hat[k * cap + s] > y_hat[best * cap + s] { k } else { best })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probabilities_sum_to_one_without_overflow() {
        let z: [f64; 6] = [1000.0, -5.0, 999.0, 2.0, 0.0, 1.0];
        let mut p = [0.0f64; 6];
        activate(&z, &mut p, 3, 2, 2);
        assert!((p[0] + p[2] + p[4] - 1.0).abs() < 1e-15 && (p[1] + p[3] + p[5] - 1.0).abs() < 1e-15);
        assert!((p[0] / p[2] - std::f64::consts::E).abs() < 1e-12);
        assert_eq!(predicted(&p, 3, 2, 1), 1);
    }

    #[test]
    fn the_loss_is_minus_the_log_probability_and_its_derivative_is_the_delta() {
        let (z, labels) = ([0.3, -1.2, 2.0], [2.0]);
        let loss = |z: &[f64]| total(z, &labels, 3, 1, 1);
        let mut p = [0.0; 3];
        activate(&z, &mut p, 3, 1, 1);
        assert!((loss(&z) + p[2].ln()).abs() < 1e-14);
        let mut delta = [0.0; 3];
        deltas(&p, &labels, &mut delta, 3, 1, 1, 1.0);
        for k in 0..3 {
            let (mut up, mut down) = (z, z);
            up[k] += 1e-6;
            down[k] -= 1e-6;
            assert!(((loss(&up) - loss(&down)) / 2e-6 - delta[k]).abs() < 1e-8);
        }
    }
}
