//! The weight penalties of the cost: L2, (λ/2)·Σw², and L1, λ₁·Σ|w|, over every weight (biases
//! excluded). Their gradient λw + λ₁·sign(w) joins ∂J/∂W in [`Network::backward`], with
//! sign(0) = 0: the subgradient of |w| at its kink.

use crate::config::Config;
use crate::math::dot;
use crate::nn::network::Network;

/// The penalty coefficients of a cost.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Penalty {
    /// λ of the L2 term (λ/2)·Σw².
    pub l2: f64,
    /// λ₁ of the L1 term λ₁·Σ|w|.
    pub l1: f64,
}

/// An L2 penalty alone.
impl From<f64> for Penalty {
    fn from(l2: f64) -> Penalty {
        Penalty { l2, l1: 0.0 }
    }
}

impl Penalty {
    /// The penalties a config asks for.
    pub fn of(config: &Config) -> Penalty {
        Penalty { l2: config.l2, l1: config.l1 }
    }

    /// (λ/2)·Σw² + λ₁·Σ|w| over the weights of `net` (0 when both are off).
    pub fn cost(&self, net: &Network) -> f64 {
        let weights = || net.layers.iter().map(|l| &net.params[l.weights()]);
        let mut cost = 0.0;
        if self.l2 != 0.0 {
            cost = 0.5 * self.l2 * weights().map(|w| dot(w, w)).sum::<f64>();
        }
        if self.l1 != 0.0 {
            cost += self.l1 * weights().flatten().map(|w| w.abs()).sum::<f64>();
        }
        cost
    }

    /// Adds the L1 term's subgradient λ₁·sign(w) (0 at w = 0) of weights `w` to their gradient
    /// `grad` (nothing when L1 is off; the L2 term is added with the data's gradient). Out of
    /// line, so the module holds one copy for the backward pass's several callers.
    #[inline(never)]
    pub fn add_l1_gradient(&self, w: &[f64], grad: &mut [f64]) {
        if self.l1 == 0.0 {
            return;
        }
        for (g, &w) in grad.iter_mut().zip(w) {
            if w > 0.0 {
                *g += self.l1;
            } else if w < 0.0 {
                *g -= self.l1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::activation::Activation;
    use crate::nn::batch_norm::BatchNorm;
    use crate::nn::loss::Loss;

    #[test]
    fn the_cost_sums_squares_and_magnitudes_of_the_weights_only() {
        let mut net = Network::new(2, &[1], Activation::Tanh, Loss::CrossEntropy, BatchNorm::Off);
        // W1 = [3, −4], b1 = 5, W2 = [−2], b2 = 7.
        net.params.copy_from_slice(&[3.0, -4.0, 5.0, -2.0, 7.0]);
        assert_eq!(Penalty::default().cost(&net), 0.0);
        assert_eq!(Penalty::from(2.0).cost(&net), 29.0);
        assert_eq!(Penalty { l2: 0.0, l1: 0.5 }.cost(&net), 4.5);
        assert_eq!(Penalty { l2: 2.0, l1: 0.5 }.cost(&net), 33.5);
    }

    #[test]
    fn the_l1_subgradient_is_zero_at_zero() {
        let mut grad = [1.0; 4];
        Penalty { l2: 0.0, l1: 0.25 }.add_l1_gradient(&[2.0, -3.0, 0.0, -0.0], &mut grad);
        assert_eq!(grad, [1.25, 0.75, 1.0, 1.0]);
        Penalty::from(1.0).add_l1_gradient(&[2.0, -3.0, 0.0, -0.0], &mut grad);
        assert_eq!(grad, [1.25, 0.75, 1.0, 1.0], "without L1 the gradient is left alone");
    }
}
