//! How much computing one call from JS may do. A call whose work grows with its arguments and
//! with the network (training updates, grids of outputs, predictions, loss surfaces, traces)
//! estimates its work up front, in multiply-adds of a double-precision forward pass, and refuses a
//! size that would take much longer than about a second, naming the argument and the largest size
//! allowed with this network and data. Analyses without an argument to refuse (the gradient check,
//! the learning-rate sweep) fit themselves into the same budget and say how.
//!
//! The relative costs of the passes were measured on the wasm build (`make bench` prints the
//! throughputs they come from): a training update costs about five forward passes per example
//! plus about 50 multiply-adds per parameter (see [`per_update`]), a single-precision drawing
//! pass about half of one, a loss-surface node about 0.6.

use crate::error::{Code, Error, Result};
use crate::nn::network::Network;
use crate::session::Session;

/// Multiply-adds one call may do: about a second in a browser.
pub const BUDGET: f64 = 6e9;

/// Work of one example on top of its weights' multiply-adds (activations, loss, loading), in
/// multiply-adds.
const PER_EXAMPLE_OVERHEAD: f64 = 200.0;

/// Work of one training update per parameter on top of its examples' passes, in multiply-adds:
/// the optimizer's step and the loops over every weight that a small batch cannot spread over
/// many examples (measured in wasm: 5.5 ns per parameter with SGD, 8 with Adam, where a forward
/// multiply-add takes about 0.17).
const PER_UPDATE_PER_PARAMETER: f64 = 50.0;

/// A kind of pass of examples through the network, with its cost relative to a forward pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// Forward in double precision (losses, predictions).
    Forward,
    /// Forward in single precision, for drawing.
    Drawing,
    /// A loss-surface node's cost over the training set (single precision, f64 where it fails).
    Surface,
    /// Forward, backward and the update's share.
    Training,
}

impl Pass {
    fn factor(self) -> f64 {
        match self {
            Pass::Forward => 1.0,
            Pass::Drawing => 0.5,
            Pass::Surface => 0.6,
            Pass::Training => 5.0,
        }
    }
}

/// The work of one example through `net` in `pass`.
pub fn per_example(net: &Network, pass: Pass) -> f64 {
    let weights: usize = net.layers.iter().map(|l| l.n_in * l.n_out).sum();
    pass.factor() * (weights as f64 + PER_EXAMPLE_OVERHEAD)
}

/// The work of one training update of `batch` examples through `net`: the examples' forward and
/// backward passes and a share per parameter, which dominates with a batch of one.
pub fn per_update(net: &Network, batch: usize) -> f64 {
    batch as f64 * per_example(net, Pass::Training) + PER_UPDATE_PER_PARAMETER * net.params.len() as f64
}

/// The work of the report after a session's updates: a forward pass over both splits.
pub fn per_report(session: &Session) -> f64 {
    let examples = session.split().train.len() + session.split().test.len();
    examples as f64 * per_example(session.network(), Pass::Forward)
}

/// How many items of `each` multiply-adds fit in the budget after `fixed` ones (at least one).
pub fn most(each: f64, fixed: f64) -> usize {
    ((BUDGET - fixed) / each).floor().max(1.0) as usize
}

/// The side of the largest square grid of at most `cells` cells.
pub fn side_of(cells: usize) -> usize {
    let mut side = (cells as f64).sqrt() as usize;
    while side * side > cells {
        side -= 1;
    }
    while (side + 1) * (side + 1) <= cells {
        side += 1;
    }
    side
}

/// Refuses `got` of `key` when more than `max` fit: "n must be at most 12 updates with this
/// network and data".
pub fn check(key: &str, got: usize, max: usize, unit: &str) -> Result<()> {
    if got <= max {
        return Ok(());
    }
    Err(Error::new(Code::TooMuchWork, key).with("max", max).with("got", got).with("unit", unit))
}

/// Refuses a call without a size to name (a sweep) whose `work` exceeds the budget: "the
/// learning-rate sweep needs about 4e10 multiply-adds with this network and data".
pub fn check_total(what: &str, work: f64) -> Result<()> {
    if work <= BUDGET {
        return Ok(());
    }
    Err(Error::new(Code::TooMuchWork, "").with("what", what).with("work", work).with("budget", BUDGET))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nn::activation::Activation;
    use crate::nn::batch_norm::BatchNorm;
    use crate::nn::loss::Loss;

    #[test]
    fn the_largest_network_gets_a_few_updates_and_a_small_one_many() {
        let big = Network::new(2, &[128; 16], Activation::Tanh, Loss::CrossEntropy, BatchNorm::Off);
        let small = Network::new(2, &[8, 8], Activation::Tanh, Loss::CrossEntropy, BatchNorm::Off);
        // 2·128 + 15·128² + 128 = 246 144 multiply-adds a forward pass.
        assert_eq!(per_example(&big, Pass::Forward), 246_144.0 + PER_EXAMPLE_OVERHEAD);
        let updates = |net: &Network, batch: usize| most(per_update(net, batch), 0.0);
        assert_eq!(updates(&big, 2500), 1, "one update is always allowed");
        assert!(updates(&small, 10) > 100_000, "{}", updates(&small, 10));
        // With a batch of one the updates' share per parameter is most of the work.
        let params = big.params.len() as f64;
        assert_eq!(per_update(&big, 1), per_example(&big, Pass::Training) + 50.0 * params);
        assert!(updates(&big, 1) < 500, "{}", updates(&big, 1));
        assert_eq!([side_of(0), side_of(3), side_of(4), side_of(99), side_of(100)], [0, 1, 2, 9, 10]);
        assert!(check("n", 2, 1, "updates").is_err());
        assert!(check("n", 1, 1, "updates").is_ok());
        let refused = check_total("sweep", 2.0 * BUDGET).unwrap_err();
        assert_eq!(refused.message(), "the sweep needs about 12000000000 multiply-adds with this network and data, more than one call may do (6000000000)");
    }
}
