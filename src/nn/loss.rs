//! The output unit and its loss: sigmoid + binary cross-entropy for two classes, softmax +
//! categorical cross-entropy for three or more ([`crate::nn::softmax`]), identity + half squared
//! error for regression. Each is evaluated from the output pre-activations z, in a numerically
//! stable form, and each gives the output error δ = a − y (y one-hot for the softmax).

use crate::config::Problem;
use crate::math::{log1p_exp_negabs_slice, Real};
use crate::nn::softmax;

/// The loss L(ŷ, y) of one example, paired with the output activation it is meant for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loss {
    /// ŷ = σ(z), L = −[y log ŷ + (1−y) log(1−ŷ)].
    CrossEntropy,
    /// ŷ = z, L = ½(ŷ − y)².
    HalfSquared,
    /// ŷ = softmax(z) over `classes` output units, L = −ln ŷ_y.
    Softmax {
        /// K, at least 3.
        classes: usize,
    },
}

impl Loss {
    /// The loss that fits a problem of `classes` classes (ignored for regression).
    pub fn for_problem(problem: Problem, classes: usize) -> Loss {
        match problem {
            Problem::Classification if classes > 2 => Loss::Softmax { classes },
            Problem::Classification => Loss::CrossEntropy,
            Problem::Regression => Loss::HalfSquared,
        }
    }

    /// The number of output units.
    pub fn outputs(self) -> usize {
        match self {
            Loss::Softmax { classes } => classes,
            Loss::CrossEntropy | Loss::HalfSquared => 1,
        }
    }

    /// ŷ of the first `m` columns of the output layer's z (rows of stride `cap`).
    pub fn activate<T: Real>(self, z: &[T], y_hat: &mut [T], cap: usize, m: usize) {
        match self {
            Loss::Softmax { classes } => softmax::activate(z, y_hat, classes, cap, m),
            _ => self.output_all(&z[..m], &mut y_hat[..m]),
        }
    }

    /// Σ L over the first `m` columns of the output layer's z against targets `y` (labels for
    /// the softmax); `scratch` holds intermediate values.
    pub fn total_of_layer<T: Real>(self, z: &[T], y: &[T], scratch: &mut [T], cap: usize, m: usize) -> f64 {
        match self {
            Loss::Softmax { classes } => softmax::total(z, y, classes, cap, m),
            _ => self.total(&z[..m], &y[..m], scratch),
        }
    }

    /// A lower bound of [`Loss::total_of_layer`] found without a transcendental, and how far
    /// above it the total may lie: for cross-entropy Σ max(z, 0) − z·y (each sample's
    /// ln(1 + e^−|z|) lies in (0, ln 2]), for the softmax Σ max_k z_k − z_y (see
    /// [`softmax::total_floor`]); ½ squared error is cheap and its own bound. NaN when a z is.
    pub fn total_floor_of_layer(self, z: &[f64], y: &[f64], cap: usize, m: usize) -> (f64, f64) {
        match self {
            Loss::CrossEntropy => {
                // max(z, 0) as (|z| + z)/2: no branch on the sign, which a batch's logits would
                // make the CPU mispredict about every other sample.
                let floor = z[..m].iter().zip(&y[..m]).map(|(&z, &y)| 0.5 * (z.abs() + z) - z * y).sum();
                (floor, m as f64 * std::f64::consts::LN_2)
            }
            Loss::HalfSquared => (self.total(&z[..m], &y[..m], &mut []), 0.0),
            Loss::Softmax { classes } => {
                (softmax::total_floor(z, y, classes, cap, m), m as f64 * (classes as f64).ln())
            }
        }
    }

    /// δ = (ŷ − y)·`scale` for the first `m` columns of the output layer.
    pub fn deltas(self, y_hat: &[f64], y: &[f64], delta: &mut [f64], cap: usize, m: usize, scale: f64) {
        match self {
            Loss::Softmax { classes } => softmax::deltas(y_hat, y, delta, classes, cap, m, scale),
            _ => {
                for ((d, &a), &y) in delta[..m].iter_mut().zip(&y_hat[..m]).zip(&y[..m]) {
                    *d = self.output_delta(a, y) * scale;
                }
            }
        }
    }

    /// ŷ(z) of a single output unit for a whole batch (the softmax needs [`Loss::activate`]).
    pub fn output_all<T: Real>(self, z: &[T], y_hat: &mut [T]) {
        match self {
            Loss::CrossEntropy => crate::math::sigmoid_slice(z, y_hat),
            Loss::HalfSquared | Loss::Softmax { .. } => y_hat.copy_from_slice(z),
        }
    }

    /// Σ L over a batch, from the output pre-activations z and targets y; `scratch` (at least as
    /// long as z) holds intermediate values. Cross-entropy is written as
    /// max(z, 0) − z·y + ln(1 + e^−|z|), which never takes log(0) nor overflows exp. The sum runs
    /// in f64 (whatever the precision of z) in an order fixed by the precision
    /// ([`Real::sum_in_f64`]), so it is the same on every platform.
    pub fn total<T: Real>(self, z: &[T], y: &[T], scratch: &mut [T]) -> f64 {
        match self {
            Loss::CrossEntropy => {
                let losses = &mut scratch[..z.len()];
                cross_entropies(z, y, losses);
                T::sum_in_f64(losses)
            }
            Loss::HalfSquared => z.iter().zip(y).map(|(&z, &y)| half_squared(z, y).to_f64()).sum(),
            // z holds the K rows of y.len() samples each.
            Loss::Softmax { classes } => softmax::total(z, y, classes, y.len(), y.len()),
        }
    }

    /// Each of the first `m` samples' L, the terms [`Loss::total_of_layer`] adds up, into
    /// `out[..m]`.
    pub fn per_sample_of_layer<T: Real>(self, z: &[T], y: &[T], out: &mut [T], cap: usize, m: usize) {
        let out = &mut out[..m];
        match self {
            Loss::CrossEntropy => cross_entropies(&z[..m], &y[..m], out),
            Loss::HalfSquared => {
                for ((loss, &z), &y) in out.iter_mut().zip(z).zip(y) {
                    *loss = half_squared(z, y);
                }
            }
            Loss::Softmax { classes } => {
                for (s, loss) in out.iter_mut().enumerate() {
                    *loss = T::splat(softmax::total(&z[s..], &y[s..=s], classes, cap, 1));
                }
            }
        }
    }

    /// ∂L/∂z = ŷ − y (for both pairs).
    #[inline]
    pub fn output_delta(self, y_hat: f64, y: f64) -> f64 {
        y_hat - y
    }
}

/// out\[s\] = max(z, 0) − z·y + ln(1 + e^−|z|) for every sample s of z.
fn cross_entropies<T: Real>(z: &[T], y: &[T], out: &mut [T]) {
    log1p_exp_negabs_slice(z, out);
    for ((loss, &z), &y) in out.iter_mut().zip(z).zip(y) {
        *loss = positive_part(z) - z * y + *loss;
    }
}

/// ½(z − y)².
#[inline(always)]
fn half_squared<T: Real>(z: T, y: T) -> T {
    T::splat(0.5) * (z - y) * (z - y)
}

/// max(z, 0), written as a comparison that lets NaN through.
#[inline(always)]
fn positive_part<T: Real>(z: T) -> T {
    if z > T::ZERO {
        z
    } else {
        T::ZERO
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(loss: Loss, z: f64, y: f64) -> f64 {
        loss.total(&[z], &[y], &mut [0.0])
    }

    #[test]
    fn cross_entropy_matches_the_textbook_formula_and_stays_finite() {
        for &(z, y) in &[(0.3, 1.0), (-2.0, 0.0), (4.0, 0.0), (-1.5, 1.0)] {
            let p = crate::math::sigmoid(z);
            let textbook = -(y * p.ln() + (1.0 - y) * (1.0 - p).ln());
            assert!((value(Loss::CrossEntropy, z, y) - textbook).abs() < 1e-12);
        }
        assert!((value(Loss::CrossEntropy, 800.0, 0.0) - 800.0).abs() < 1e-9);
        assert!(value(Loss::CrossEntropy, -800.0, 0.0) < 1e-300);
    }

    #[test]
    fn the_floor_of_the_total_and_its_slack_bound_the_total() {
        let z = [-900.0, -3.0, -0.2, 0.0, 0.7, 4.0, 35.0, 800.0];
        let (cap, m) = (z.len(), z.len());
        for (loss, y) in [
            (Loss::CrossEntropy, [0.0, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0]),
            (Loss::HalfSquared, [0.5, -1.0, 1.0, 0.0, 0.3, 2.0, 0.0, 1.0]),
        ] {
            let total = loss.total_of_layer(&z, &y, &mut [0.0; 8], cap, m);
            let (floor, slack) = loss.total_floor_of_layer(&z, &y, cap, m);
            assert!(floor <= total && total <= floor + slack, "{loss:?}: {floor} + {slack} vs {total}");
        }
        // Three classes of four samples: the rows of z are the classes.
        let logits = [0.0, 5.0, -2.0, 700.0, 1.0, 5.0, 3.0, -700.0, 2.0, -5.0, 3.0, 0.0];
        let labels = [0.0, 1.0, 2.0, 1.0];
        let softmax = Loss::Softmax { classes: 3 };
        let total = softmax.total_of_layer(&logits, &labels, &mut [0.0; 4], 4, 4);
        let (floor, slack) = softmax.total_floor_of_layer(&logits, &labels, 4, 4);
        assert!(floor <= total && total <= floor + slack, "{floor} + {slack} vs {total}");
        assert!(Loss::CrossEntropy.total_floor_of_layer(&[f64::NAN], &[1.0], 1, 1).0.is_nan());
    }

    #[test]
    fn the_samples_losses_add_up_to_the_total() {
        // Two columns of a layer stored three apart; for the softmax, three classes.
        let (cap, m) = (3, 2);
        for (loss, z, y) in [
            (Loss::CrossEntropy, vec![0.3, -40.0, 9.0], vec![1.0, 1.0]),
            (Loss::HalfSquared, vec![0.3, -4.0, 9.0], vec![1.5, -2.0]),
            (Loss::Softmax { classes: 3 }, vec![0.3, -4.0, 9.0, 2.0, 0.5, 9.0, -1.0, 3.0, 9.0], vec![2.0, 0.0]),
        ] {
            let mut each = [f64::NAN; 3];
            loss.per_sample_of_layer(&z, &y, &mut each, cap, m);
            let total = loss.total_of_layer(&z, &y, &mut [0.0; 3], cap, m);
            assert!(each[2].is_nan(), "{loss:?} wrote past m");
            assert!((each[0] + each[1] - total).abs() < 1e-15 * total.abs().max(1.0), "{loss:?}: {each:?} vs {total}");
            for (s, &value) in each[..m].iter().enumerate() {
                let one: Vec<f64> = z.chunks(cap).map(|row| row[s]).collect();
                assert_eq!(value, loss.total_of_layer(&one, &y[s..=s], &mut [0.0], 1, 1), "{loss:?} sample {s}");
            }
        }
    }

    #[test]
    fn output_delta_is_the_derivative_of_the_loss() {
        let h = 1e-6;
        for loss in [Loss::CrossEntropy, Loss::HalfSquared] {
            for &(z, y) in &[(0.3, 1.0), (-2.0, 0.0), (1.2, 0.4)] {
                let numeric = (value(loss, z + h, y) - value(loss, z - h, y)) / (2.0 * h);
                let mut y_hat = [0.0];
                loss.output_all(&[z], &mut y_hat);
                let analytic = loss.output_delta(y_hat[0], y);
                assert!((numeric - analytic).abs() < 1e-8, "{loss:?}");
            }
        }
    }
}
