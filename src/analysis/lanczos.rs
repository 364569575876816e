//! The largest eigenvalue of a symmetric operator by Lanczos iteration: k steps build the
//! tridiagonal T = QᵀHQ of the Krylov space of a start vector, whose largest eigenvalue (a Ritz
//! value) approaches the operator's largest from below — fast even when eigenvalues of both signs
//! or crowds near the top slow power iteration down. Only three vectors are kept (no
//! reorthogonalization: lost orthogonality only repeats converged Ritz values, it does not move
//! the largest). T's largest eigenvalue comes from bisection on its Sturm sequence.

use crate::math::{dot, norm};

/// The largest Ritz value after `steps` Lanczos steps of `product` from the unit vector `start`,
/// or sooner once it changes by less than `tolerance` (relative) over a step; and the steps taken.
pub fn largest_eigenvalue(
    product: impl Fn(&[f64]) -> Vec<f64>,
    start: Vec<f64>,
    steps: usize,
    tolerance: f64,
) -> (f64, usize) {
    let mut q = start;
    let mut q_prev = vec![0.0; q.len()];
    let (mut alphas, mut betas) = (Vec::with_capacity(steps), Vec::with_capacity(steps));
    let mut ritz = f64::NAN;
    for step in 1..=steps {
        let mut w = product(&q);
        let beta_prev = betas.last().copied().unwrap_or(0.0);
        w.iter_mut().zip(&q_prev).for_each(|(w, p)| *w -= beta_prev * p);
        let alpha = dot(&q, &w);
        w.iter_mut().zip(&q).for_each(|(w, q)| *w -= alpha * q);
        alphas.push(alpha);
        let next = largest_of_tridiagonal(&alphas, &betas);
        let settled = (next - ritz).abs() <= tolerance * next.abs();
        ritz = next;
        let beta = norm(&w);
        // The Krylov space is exhausted (or the products stopped being finite).
        let exhausted = beta.is_nan() || beta <= 1e-12 * alpha.abs().max(1e-300);
        if settled || exhausted {
            return (ritz, step);
        }
        betas.push(beta);
        w.iter_mut().for_each(|w| *w /= beta);
        q_prev = std::mem::replace(&mut q, w);
    }
    (ritz, steps)
}

/// The largest eigenvalue of the symmetric tridiagonal matrix with diagonal `alphas` and
/// off-diagonal `betas` (one shorter), by bisection between Gershgorin's bounds on the number of
/// eigenvalues above a point (the Sturm sequence of T − xI).
pub fn largest_of_tridiagonal(alphas: &[f64], betas: &[f64]) -> f64 {
    let n = alphas.len();
    let off = |i: usize| if i < betas.len() { betas[i].abs() } else { 0.0 };
    let radius = |i: usize| off(i) + if i > 0 { off(i - 1) } else { 0.0 };
    let mut low = (0..n).map(|i| alphas[i] - radius(i)).fold(f64::INFINITY, f64::min);
    let mut high = (0..n).map(|i| alphas[i] + radius(i)).fold(f64::NEG_INFINITY, f64::max);
    for _ in 0..200 {
        let middle = 0.5 * (low + high);
        if middle <= low || middle >= high {
            break;
        }
        if eigenvalues_below(alphas, betas, middle) < n {
            low = middle;
        } else {
            high = middle;
        }
    }
    0.5 * (low + high)
}

/// How many eigenvalues of the tridiagonal matrix lie below `x`: the negative pivots of the LDLᵀ
/// factorization of T − xI.
fn eigenvalues_below(alphas: &[f64], betas: &[f64], x: f64) -> usize {
    let mut count = 0;
    let mut pivot = 1.0;
    for (i, &alpha) in alphas.iter().enumerate() {
        let coupling = if i > 0 { betas[i - 1] * betas[i - 1] / pivot } else { 0.0 };
        pivot = alpha - x - coupling;
        if pivot == 0.0 {
            pivot = -f64::EPSILON * (alpha.abs() + x.abs()).max(f64::MIN_POSITIVE);
        }
        if pivot < 0.0 {
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_eigenvalue_of_a_tridiagonal_matrix() {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3; [[0, 1, 0], [1, 0, 1], [0, 1, 0]] ±√2 and 0.
        assert!((largest_of_tridiagonal(&[2.0, 2.0], &[1.0]) - 3.0).abs() < 1e-12);
        assert!((largest_of_tridiagonal(&[0.0; 3], &[1.0, 1.0]) - 2f64.sqrt()).abs() < 1e-12);
        assert_eq!(largest_of_tridiagonal(&[-4.0], &[]), -4.0);
    }

    #[test]
    fn lanczos_finds_the_largest_eigenvalue_behind_a_larger_negative_one() {
        // diag(−10, 5, 4.9, 4.8, …): power iteration would find −10 and crawl on 5 vs 4.9.
        let diagonal: Vec<f64> = std::iter::once(-10.0).chain((0..40).map(|k| 5.0 - 0.1 * k as f64)).collect();
        let product = |v: &[f64]| v.iter().zip(&diagonal).map(|(v, d)| v * d).collect::<Vec<_>>();
        let n = diagonal.len();
        let start = vec![1.0 / (n as f64).sqrt(); n];
        let (lambda, steps) = largest_eigenvalue(product, start, 100, 1e-12);
        assert!((lambda - 5.0).abs() < 1e-9 && steps < 100, "{lambda} after {steps} steps");
    }
}
