//! Checks of what the core computes: the gradient check (backpropagation against central
//! finite differences of the cost), and the measured noise of the mini-batch loss.

use crate::math::rng::SeededRng;
use crate::nn::batch_norm::Statistics;
use crate::nn::network::{elements, Network, Workspace};
use crate::nn::penalty::Penalty;
use crate::session::Session;
use crate::work::{self, Pass};
use ndarray::ArrayView2;
use serde::Serialize;

/// Step of the central differences.
const FD_STEP: f64 = 1e-5;
/// Most training points the gradient check uses (the first ones of the split).
pub const GRADIENT_CHECK_POINTS: usize = 64;
/// Seed of the parameters a sampled gradient check compares.
const SAMPLE_SEED: u32 = 0x5eed;

/// The result of a gradient check.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GradientCheck {
    /// ‖g_bp − g_fd‖ / (‖g_bp‖ + ‖g_fd‖) over the checked parameters but the straddled ones (0
    /// when both are 0).
    pub relative_error: f64,
    /// Parameters whose central differences were taken: all of them when they fit in one call's work
    /// (see [`crate::work`]), otherwise this many drawn at random with a fixed seed.
    pub checked: usize,
    /// Parameters of the network.
    pub parameters: usize,
    /// Training points the cost is taken over.
    pub points: usize,
    /// Parameters among the checked ones left out of the relative error because their step
    /// θ ± h straddles a kink: a ReLU's (some hidden pre-activation z changes sign between the
    /// two costs) or the L1 term's (a weight within h of 0). Across a kink the central difference
    /// averages two slopes and is no derivative.
    pub straddled: usize,
}

/// The cost J = mean loss + penalty of `net` on the rows loaded in `ws`.
fn cost(net: &Network, ws: &mut Workspace, m: usize, penalty: Penalty) -> f64 {
    net.forward_logits(&net.params, ws, m, Statistics::Batch);
    net.mean_loss(ws, m) + penalty.cost(net)
}

/// [`gradient_check`] of `session`'s network at its current parameters, on its training set.
pub fn session_gradient_check(session: &Session) -> GradientCheck {
    let (x, y) = session.training_set();
    gradient_check(session.network(), x, y, Penalty::of(session.config()))
}

/// Appends the side of the kink at 0 (z > 0 or not) of every hidden pre-activation of the last
/// forward pass on `m` samples to `sides`, after clearing it; leaves it empty when the
/// activation has no kink.
fn record_kink_sides(net: &Network, ws: &Workspace, m: usize, sides: &mut Vec<bool>) {
    sides.clear();
    if !net.activation.has_kink() {
        return;
    }
    for (layer, z) in net.layers.iter().zip(&ws.z).take(net.layers.len() - 1) {
        let z = elements(z);
        for row in z.chunks_exact(ws.capacity).take(layer.n_out) {
            sides.extend(row[..m].iter().map(|&z| z > 0.0));
        }
    }
}

/// Whether parameter `i` is a weight within the step of 0, where the L1 term |w| has its kink.
fn straddles_l1_kink(net: &Network, penalty: Penalty, i: usize) -> bool {
    penalty.l1 != 0.0 && net.params[i].abs() < FD_STEP && net.layers.iter().any(|l| l.weights().contains(&i))
}

/// Compares the backpropagated gradient with central differences (J(θ+h) − J(θ−h))/2h on up to
/// [`GRADIENT_CHECK_POINTS`] points of (`x`, `y`): every parameter when two costs per parameter
/// fit in one call's work, else as many as fit, drawn with a fixed seed. The cost includes
/// `penalty` (a number is an L2 coefficient alone). A parameter whose step straddles a kink —
/// a ReLU's, or the L1 term's at w = 0 — is counted in [`GradientCheck::straddled`] and left out.
pub fn gradient_check(net: &Network, x: ArrayView2<f64>, y: &[f64], penalty: impl Into<Penalty>) -> GradientCheck {
    let penalty = penalty.into();
    let mut net = net.clone();
    let n = x.nrows().min(GRADIENT_CHECK_POINTS);
    let mut ws = Workspace::new(&net, n);
    let m = ws.load_batch(x, y, 0..n);
    net.forward(&mut ws, m);
    net.backward(&mut ws, m, penalty);
    let analytic = ws.grad.clone();
    let parameters = net.params.len();
    let per_parameter = 2.0 * m as f64 * work::per_example(&net, Pass::Forward);
    let checked = work::most(per_parameter, m as f64 * work::per_example(&net, Pass::Training)).min(parameters);
    let indices = SeededRng::new(SAMPLE_SEED, 0).sample(parameters, checked);
    let (mut diff, mut norm_a, mut norm_n) = (0.0, 0.0, 0.0);
    let (mut sides_plus, mut sides_minus) = (Vec::new(), Vec::new());
    let mut straddled = 0;
    for i in indices {
        let original = net.params[i];
        net.params[i] = original + FD_STEP;
        let plus = cost(&net, &mut ws, m, penalty);
        record_kink_sides(&net, &ws, m, &mut sides_plus);
        net.params[i] = original - FD_STEP;
        let minus = cost(&net, &mut ws, m, penalty);
        record_kink_sides(&net, &ws, m, &mut sides_minus);
        net.params[i] = original;
        if sides_plus != sides_minus || straddles_l1_kink(&net, penalty, i) {
            straddled += 1;
            continue;
        }
        let (g_bp, g_fd) = (analytic[i], (plus - minus) / (2.0 * FD_STEP));
        diff += (g_bp - g_fd).powi(2);
        norm_a += g_bp * g_bp;
        norm_n += g_fd * g_fd;
    }
    let denominator = norm_a.sqrt() + norm_n.sqrt();
    let relative_error = if denominator == 0.0 { 0.0 } else { diff.sqrt() / denominator };
    GradientCheck { relative_error, checked, parameters, points: m, straddled }
}

/// The noise of a loss curve: the root mean square of its deviation from a centred moving
/// average over `window` points (an even window counts as the next odd one, at least 3; NaN
/// entries are skipped). Mini-batch losses are noisier
/// the smaller the batch: the variance of the gradient estimate goes like 1/B. None when the
/// curve has fewer than `window` finite points.
pub fn loss_noise(losses: &[f64], window: usize) -> Option<f64> {
    let values: Vec<f64> = losses.iter().copied().filter(|v| v.is_finite()).collect();
    let half = window.max(3) / 2;
    if values.len() < 2 * half + 1 {
        return None;
    }
    let width = (2 * half + 1) as f64;
    let mut sum: f64 = values[..2 * half + 1].iter().sum();
    let mut squares = 0.0;
    for i in half..values.len() - half {
        if i > half {
            sum += values[i + half] - values[i - half - 1];
        }
        squares += (values[i] - sum / width).powi(2);
    }
    Some((squares / (values.len() - 2 * half) as f64).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noise_of_a_trend_is_zero_and_of_an_alternation_is_its_amplitude() {
        let line: Vec<f64> = (0..100).map(|i| 3.0 - 0.01 * i as f64).collect();
        assert!(loss_noise(&line, 11).unwrap() < 1e-12);
        let zigzag: Vec<f64> = (0..101).map(|i| if i % 2 == 0 { 1.0 } else { -1.0 }).collect();
        // A centred window of 11 alternating ±1 holds six of the neighbours' sign and five of
        // the centre's: it averages ∓1/11, so every point deviates by 12/11.
        assert!((loss_noise(&zigzag, 11).unwrap() - 12.0 / 11.0).abs() < 1e-12);
        assert_eq!(loss_noise(&[1.0, f64::NAN, 2.0], 3), None);
    }
}
