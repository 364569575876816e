//! Checks of what the core computes: the gradient check (backpropagation against central
//! finite differences of the cost).

use crate::network::{Network, Workspace};
use ndarray::ArrayView2;

/// Step of the central differences.
const FD_STEP: f64 = 1e-5;
/// Most training points the gradient check uses (the first ones of the split).
pub const GRADIENT_CHECK_POINTS: usize = 64;

/// The cost J = mean loss + (λ/2)·Σw² of `net` on the rows loaded in `ws`.
fn cost(net: &Network, ws: &mut Workspace, m: usize, l2: f64) -> f64 {
    net.forward(ws, m);
    net.mean_loss(ws, m) + net.penalty(l2)
}

/// Relative error ‖g_bp − g_fd‖ / (‖g_bp‖ + ‖g_fd‖) between the backpropagated gradient and
/// central differences (J(θ+h) − J(θ−h))/2h, on up to [`GRADIENT_CHECK_POINTS`] points of
/// (`x`, `y`). Returns 0 when both gradients are exactly 0.
pub fn gradient_check(net: &Network, x: ArrayView2<f64>, y: &[f64], l2: f64) -> f64 {
    let mut net = net.clone();
    let n = x.nrows().min(GRADIENT_CHECK_POINTS);
    let mut ws = Workspace::new(&net, n);
    let m = ws.load_batch(x, y, 0..n);
    net.forward(&mut ws, m);
    net.backward(&mut ws, m, l2);
    let analytic = ws.grad.clone();
    let (mut diff, mut norm_a, mut norm_n) = (0.0, 0.0, 0.0);
    for (i, g_bp) in analytic.into_iter().enumerate() {
        let original = net.params[i];
        net.params[i] = original + FD_STEP;
        let plus = cost(&net, &mut ws, m, l2);
        net.params[i] = original - FD_STEP;
        let minus = cost(&net, &mut ws, m, l2);
        net.params[i] = original;
        let g_fd = (plus - minus) / (2.0 * FD_STEP);
        diff += (g_bp - g_fd).powi(2);
        norm_a += g_bp * g_bp;
        norm_n += g_fd * g_fd;
    }
    let denominator = norm_a.sqrt() + norm_n.sqrt();
    if denominator == 0.0 {
        0.0
    } else {
        diff.sqrt() / denominator
    }
}
