//! Parameter updates: plain SGD, momentum and Adam, each step sized by the learning-rate
//! schedule ([`crate::nn::schedule`]). The gradient passed in already contains the penalties'
//! terms (see [`crate::nn::network::Network::backward`]).

use crate::config::{Config, OptimizerKind};
use crate::nn::schedule::LearningRate;

/// An update rule with its state (velocity, moments), sized for one parameter vector.
#[derive(Debug, Clone, PartialEq)]
pub struct Optimizer {
    kind: OptimizerKind,
    learning_rate: LearningRate,
    momentum: f64,
    beta1: f64,
    beta2: f64,
    epsilon: f64,
    /// Momentum's velocity, or Adam's first moment.
    first: Vec<f64>,
    /// Adam's second moment.
    second: Vec<f64>,
    /// Updates taken so far (Adam's bias correction and the schedule use it).
    steps: u32,
}

impl Optimizer {
    /// The optimizer the config asks for, with zero state for `n_params` parameters.
    pub fn new(config: &Config, n_params: usize) -> Optimizer {
        let state = |used: bool| if used { vec![0.0; n_params] } else { Vec::new() };
        Optimizer {
            kind: config.optimizer,
            learning_rate: LearningRate::new(config),
            momentum: config.momentum,
            beta1: config.beta1,
            beta2: config.beta2,
            epsilon: config.epsilon,
            first: state(config.optimizer != OptimizerKind::Sgd),
            second: state(config.optimizer == OptimizerKind::Adam),
            steps: 0,
        }
    }

    /// α of the next update.
    pub fn learning_rate(&self) -> f64 {
        self.learning_rate.at(self.steps.into())
    }

    /// Lets the learning-rate schedule go on after `updates` earlier updates (a restored
    /// model's, whose optimizer state is not kept).
    pub fn continue_schedule_after(&mut self, updates: u64) {
        self.learning_rate = self.learning_rate.after(updates);
    }

    /// Writes into `to` the parameters `from` after one update by the gradient `grad`, with α
    /// from the schedule (the caller keeps `from`: the parameters to go back to if `to` is not
    /// finite).
    /// - SGD: w ← w − α g
    /// - momentum: v ← β v + g, w ← w − α v
    /// - Adam: m ← β1 m + (1−β1) g, s ← β2 s + (1−β2) g², w ← w − α m̂ / (√ŝ + ε),
    ///   with m̂ = m/(1−β1^t), ŝ = s/(1−β2^t)
    ///
    /// Returns whether every parameter is finite after it (checked in the same pass).
    pub fn update(&mut self, from: &[f64], to: &mut [f64], grad: &[f64]) -> bool {
        let lr = self.learning_rate();
        self.steps = self.steps.saturating_add(1);
        match self.kind {
            OptimizerKind::Sgd => {
                let mut finite = true;
                for ((w, &old), g) in to.iter_mut().zip(from).zip(grad) {
                    *w = old - lr * g;
                    finite &= w.is_finite();
                }
                finite
            }
            OptimizerKind::Momentum => {
                let beta = self.momentum;
                let mut finite = true;
                for (((w, &old), g), v) in to.iter_mut().zip(from).zip(grad).zip(self.first.iter_mut()) {
                    *v = beta * *v + g;
                    *w = old - lr * *v;
                    finite &= w.is_finite();
                }
                finite
            }
            OptimizerKind::Adam => {
                let (b1, b2, eps) = (self.beta1, self.beta2, self.epsilon);
                let t = self.steps as i32;
                let correction1 = 1.0 - b1.powi(t);
                let correction2 = 1.0 - b2.powi(t);
                let mut finite = true;
                let moments = self.first.iter_mut().zip(self.second.iter_mut());
                for (((w, &old), g), (m, s)) in to.iter_mut().zip(from).zip(grad).zip(moments) {
                    *m = b1 * *m + (1.0 - b1) * g;
                    *s = b2 * *s + (1.0 - b2) * g * g;
                    *w = old - lr * (*m / correction1) / ((*s / correction2).sqrt() + eps);
                    finite &= w.is_finite();
                }
                finite
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn optimizer(kind: OptimizerKind, lr: f64) -> Optimizer {
        let config = Config { optimizer: kind, learning_rate: lr, ..Config::default() };
        Optimizer::new(&config, 1)
    }

    /// Minimizes f(w) = ½ a w² (gradient a·w) from w = 1 and returns the iterates.
    fn iterates(mut opt: Optimizer, a: f64, n: usize) -> Vec<f64> {
        let mut w = [1.0];
        (0..n)
            .map(|_| {
                let (g, from) = ([a * w[0]], w);
                opt.update(&from, &mut w, &g);
                w[0]
            })
            .collect()
    }

    #[test]
    fn first_updates_match_hand_computation() {
        // SGD: w1 = 1 − 0.1·2·1 = 0.8.
        assert!((iterates(optimizer(OptimizerKind::Sgd, 0.1), 2.0, 1)[0] - 0.8).abs() < 1e-15);
        // Momentum: v1 = 2, w1 = 0.8; v2 = 0.9·2 + 1.6 = 3.4, w2 = 0.8 − 0.34 = 0.46.
        let w = iterates(optimizer(OptimizerKind::Momentum, 0.1), 2.0, 2);
        assert!((w[0] - 0.8).abs() < 1e-15 && (w[1] - 0.46).abs() < 1e-15, "{w:?}");
        // Adam's first step moves every parameter by ≈ α whatever the gradient's size.
        let w = iterates(optimizer(OptimizerKind::Adam, 0.1), 2.0, 1);
        assert!((w[0] - 0.9).abs() < 1e-7, "{w:?}");
    }

    #[test]
    fn every_rule_says_whether_the_parameters_stayed_finite() {
        for kind in [OptimizerKind::Sgd, OptimizerKind::Momentum, OptimizerKind::Adam] {
            let mut opt = optimizer(kind, 0.1);
            let mut w = [0.0; 2];
            let from = [1.0, -2.0];
            assert!(opt.update(&from, &mut w, &[0.5, 0.25]), "{kind:?}");
            assert!(!opt.update(&from, &mut w, &[f64::INFINITY, 0.0]), "{kind:?}: {w:?}");
        }
    }

    #[test]
    fn every_rule_converges_on_a_quadratic() {
        for kind in [OptimizerKind::Sgd, OptimizerKind::Momentum, OptimizerKind::Adam] {
            let w = iterates(optimizer(kind, 0.05), 2.0, 2000);
            assert!(w.last().unwrap().abs() < 1e-3, "{kind:?}: {:?}", w.last());
        }
    }
}
