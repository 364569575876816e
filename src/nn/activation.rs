//! Activation functions g(z) and their derivatives g'(z).

/// Slope of leaky ReLU for negative inputs.
pub const LEAKY_SLOPE: f64 = 0.01;

crate::config::choices! {
    /// A hidden layer's non-linearity.
    pub enum Activation {
        /// g(z) = tanh z, output in (−1,1); saturates like the sigmoid.
        Tanh = "tanh",
        /// g(z) = max(0, z) (NaN stays NaN).
        Relu = "relu",
        /// g(z) = z for z > 0, 0.01·z otherwise.
        LeakyRelu = "leakyRelu",
        /// g(z) = 1/(1+e^−z), output in (0,1); g' = g(1−g) vanishes for large |z|.
        Sigmoid = "sigmoid",
        /// g(z) = z: without a non-linearity any stack of layers is one linear map.
        Linear = "linear",
    }
}

use crate::math::{sigmoid, Real};

impl Activation {
    /// The range of g when it is bounded: (−1, 1) for tanh, (0, 1) for the sigmoid.
    pub fn bounds(self) -> Option<(f64, f64)> {
        match self {
            Activation::Tanh => Some((-1.0, 1.0)),
            Activation::Sigmoid => Some((0.0, 1.0)),
            Activation::Linear | Activation::Relu | Activation::LeakyRelu => None,
        }
    }

    /// g(z).
    #[inline]
    pub fn apply(self, z: f64) -> f64 {
        match self {
            Activation::Linear => z,
            Activation::Sigmoid => sigmoid(z),
            Activation::Tanh => crate::math::tanh(z),
            Activation::Relu => relu(z),
            Activation::LeakyRelu => leaky_relu(z),
        }
    }

    /// a\[i\] = g(z\[i\]) for a whole batch; the match runs once, outside the loop.
    #[inline(never)] // one copy per precision: each map is long, and callers pass whole layers
    pub fn apply_all<T: Real>(self, z: &[T], a: &mut [T]) {
        match self {
            Activation::Linear => a.copy_from_slice(z),
            Activation::Sigmoid => crate::math::sigmoid_slice(z, a),
            Activation::Tanh => crate::math::tanh_slice(z, a),
            Activation::Relu => a.iter_mut().zip(z).for_each(|(a, &z)| *a = relu(z)),
            Activation::LeakyRelu => a.iter_mut().zip(z).for_each(|(a, &z)| *a = leaky_relu(z)),
        }
    }

    /// d\[i\] ← d\[i\]·g'(z\[i\]) for a whole batch, given a = g(z); the match runs once.
    pub fn scale_by_derivative(self, z: &[f64], a: &[f64], d: &mut [f64]) {
        match self {
            Activation::Linear => {}
            Activation::Sigmoid => d.iter_mut().zip(a).for_each(|(d, &a)| *d *= a * (1.0 - a)),
            Activation::Tanh => d.iter_mut().zip(a).for_each(|(d, &a)| *d *= 1.0 - a * a),
            Activation::Relu | Activation::LeakyRelu => {
                d.iter_mut().zip(z).for_each(|(d, &z)| *d *= self.derivative(z, 0.0))
            }
        }
    }

    /// g'(z), given z and the already computed a = g(z) (the sigmoid and tanh derivatives are
    /// cheapest written in terms of a: σ' = σ(1−σ), tanh' = 1 − tanh²).
    #[inline]
    pub fn derivative(self, z: f64, a: f64) -> f64 {
        match self {
            Activation::Linear => 1.0,
            Activation::Sigmoid => a * (1.0 - a),
            Activation::Tanh => 1.0 - a * a,
            Activation::Relu => {
                if z > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::LeakyRelu => {
                if z > 0.0 {
                    1.0
                } else {
                    LEAKY_SLOPE
                }
            }
        }
    }

    /// Whether g has a kink at z = 0 (ReLU, leaky ReLU): a difference quotient across it is no
    /// derivative.
    pub fn has_kink(self) -> bool {
        matches!(self, Activation::Relu | Activation::LeakyRelu)
    }

    /// g''(z) given a = g(z): tanh'' = −2a(1 − a²), σ'' = σ(1−σ)(1−2σ); 0 for the piecewise
    /// linear ones (their kink at 0 has no second derivative; 0 is what autodiff takes there).
    pub fn second_derivative(self, a: f64) -> f64 {
        match self {
            Activation::Sigmoid => a * (1.0 - a) * (1.0 - 2.0 * a),
            Activation::Tanh => -2.0 * a * (1.0 - a * a),
            Activation::Linear | Activation::Relu | Activation::LeakyRelu => 0.0,
        }
    }
}

/// max(0, z), written as a comparison (`max` becomes a call in wasm) that lets NaN through, so
/// an overflow upstream is not hidden as 0.
#[inline(always)]
fn relu<T: Real>(z: T) -> T {
    if z <= T::ZERO {
        T::ZERO
    } else {
        z
    }
}

/// z for z > 0, 0.01·z otherwise (NaN stays NaN).
#[inline(always)]
fn leaky_relu<T: Real>(z: T) -> T {
    if z > T::ZERO {
        z
    } else {
        T::splat(LEAKY_SLOPE) * z
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Choice;

    #[test]
    fn derivatives_match_central_differences() {
        let h = 1e-6;
        for &act in Activation::ALL {
            for &z in &[-3.0, -0.7, 0.3, 2.5] {
                let numeric = (act.apply(z + h) - act.apply(z - h)) / (2.0 * h);
                let analytic = act.derivative(z, act.apply(z));
                assert!((numeric - analytic).abs() < 1e-8, "{act:?} at {z}: {numeric} vs {analytic}");
            }
        }
    }

    #[test]
    fn nan_passes_through_every_activation() {
        for &act in Activation::ALL {
            let mut a = [0.0f32; 1];
            act.apply_all(&[f32::NAN], &mut a);
            assert!(act.apply(f64::NAN).is_nan() && a[0].is_nan(), "{act:?}");
        }
    }

    #[test]
    fn batch_forms_agree_with_the_scalar_ones() {
        let z = [-2.0, -0.1, 0.0, 0.4, 3.0];
        for &act in Activation::ALL {
            let mut a = [0.0; 5];
            act.apply_all(&z, &mut a);
            let mut d = [2.0; 5];
            act.scale_by_derivative(&z, &a, &mut d);
            for i in 0..5 {
                assert_eq!(a[i], act.apply(z[i]));
                assert_eq!(d[i], 2.0 * act.derivative(z[i], a[i]));
            }
        }
    }
}
