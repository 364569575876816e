//! Batch normalization of a hidden layer (Ioffe & Szegedy 2015): before the activation, every
//! unit's pre-activation z is standardized over the batch and rescaled by learned γ and β,
//! z̃ = γ·(z − μ_B)/√(σ²_B + ε) + β. Training uses the batch's own mean and variance (so the
//! backward pass runs through them); the test loss, the boundary and predictions use running
//! averages of them, kept by the session.
//!
//! With a batch of one, z − μ_B = 0: every normalized unit outputs β whatever the input, and the
//! weights feeding it get no gradient. Batches of one teach such a layer nothing.

use crate::math::Real;

crate::config::choices! {
    /// Whether the hidden layers normalize their pre-activations over the batch.
    pub enum BatchNorm {
        /// z goes to the activation as it is.
        Off = "off",
        /// Every hidden layer: z̃ = γ·(z − μ_B)/√(σ²_B + ε) + β before the activation.
        On = "on",
    }
}

/// ε under the square root of the variance.
pub const EPSILON: f64 = 1e-5;
/// Weight of the newest batch in the running averages: r ← (1 − m)·r + m·(batch statistic).
pub const RUNNING_MOMENTUM: f64 = 0.1;

/// Which mean and variance a normalized layer divides by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statistics {
    /// The batch's own (training, and every cost whose gradient backpropagation computes).
    Batch,
    /// The running averages (the test loss, the boundary, predictions).
    Running,
}

/// 1/√(σ² + ε).
#[inline]
pub fn inverse_std(variance: f64) -> f64 {
    1.0 / (variance + EPSILON).sqrt()
}

/// The mean and (biased) variance of one unit's pre-activations over a batch, summed in f64.
pub fn moments<T: Real>(z: &[T]) -> (f64, f64) {
    let m = z.len() as f64;
    let mean = z.iter().map(|v| v.to_f64()).sum::<f64>() / m;
    let variance = z.iter().map(|v| (v.to_f64() - mean).powi(2)).sum::<f64>() / m;
    (mean, variance)
}

/// ẑ = (z − mean)·inverse_std into `z_hat`, then z ← γ·ẑ + β, for one unit's row.
pub fn normalize_row<T: Real>(z: &mut [T], z_hat: &mut [T], mean: f64, inverse_std: f64, gamma: T, beta: T) {
    let (mean, inverse_std) = (T::splat(mean), T::splat(inverse_std));
    for (z, z_hat) in z.iter_mut().zip(z_hat.iter_mut()) {
        *z_hat = (*z - mean) * inverse_std;
        *z = gamma * *z_hat + beta;
    }
}

/// The backward pass through one unit's normalization over a batch of m: given δ = ∂J/∂z̃ in
/// `delta`, returns (∂J/∂γ, ∂J/∂β) = (Σ δ·ẑ, Σ δ) and turns `delta` into ∂J/∂z =
/// γ·inverse_std·(δ − mean(δ) − ẑ·mean(δ·ẑ)) — the two means are the paths through μ_B and σ²_B.
pub fn backward_row(delta: &mut [f64], z_hat: &[f64], gamma: f64, inverse_std: f64) -> (f64, f64) {
    let m = delta.len() as f64;
    let d_beta: f64 = delta.iter().sum();
    let d_gamma: f64 = delta.iter().zip(z_hat).map(|(d, z)| d * z).sum();
    let scale = gamma * inverse_std;
    let (mean_delta, mean_delta_z) = (d_beta / m, d_gamma / m);
    for (d, &z) in delta.iter_mut().zip(z_hat) {
        *d = scale * (*d - mean_delta - z * mean_delta_z);
    }
    (d_gamma, d_beta)
}

/// Moves a running mean and variance towards a batch's: the variance as the unbiased estimate
/// σ²·m/(m − 1) (the batch's own when m = 1).
pub fn update_running(running_mean: &mut f64, running_variance: &mut f64, mean: f64, variance: f64, m: usize) {
    let unbiased = if m > 1 { variance * m as f64 / (m - 1) as f64 } else { variance };
    *running_mean += RUNNING_MOMENTUM * (mean - *running_mean);
    *running_variance += RUNNING_MOMENTUM * (unbiased - *running_variance);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_normalized_row_has_mean_beta_and_spread_gamma() {
        let mut z = [1.0, 2.0, 4.0, 9.0];
        let (mean, variance) = moments(&z);
        let mut z_hat = [0.0; 4];
        normalize_row(&mut z, &mut z_hat, mean, inverse_std(variance), 2.0, 0.5);
        let (m2, v2) = moments(&z);
        assert!((m2 - 0.5).abs() < 1e-12 && (v2 - 4.0 * variance / (variance + EPSILON)).abs() < 1e-9);
    }

    #[test]
    fn a_batch_of_one_passes_no_gradient_to_z() {
        let mut delta = [0.7];
        let (d_gamma, d_beta) = backward_row(&mut delta, &[0.0], 1.5, inverse_std(0.0));
        assert_eq!((delta[0], d_gamma, d_beta), (0.0, 0.0, 0.7));
    }

    #[test]
    fn running_averages_approach_the_batch_statistics() {
        let (mut mean, mut variance) = (0.0, 1.0);
        for _ in 0..200 {
            update_running(&mut mean, &mut variance, 3.0, 2.0, 5);
        }
        assert!((mean - 3.0).abs() < 1e-6 && (variance - 2.5).abs() < 1e-6);
    }
}
