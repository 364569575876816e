//! Curvature of the cost J(θ) = mean loss + (λ/2)·Σw² over a set of points: exact
//! Hessian–vector products Hv by Pearlmutter's R-operator — the forward pass carries the
//! directional derivative R(·) = d/dt(·)(θ + t·v) of every z and a, the backward pass that of
//! every δ — and the sharpness λ_max, the Hessian's largest eigenvalue, by power iteration on
//! them. Full-batch gradient descent with step α is stable near a minimum only while
//! λ_max < 2/α. The L1 term, linear on either side of 0, adds no curvature. The products of a
//! batch-normalized network, and of a softmax output, are central differences of the exact
//! (backpropagated) gradients instead: the batch statistics couple every sample to every other,
//! and the softmax every output to every other, which the R-pass written here leaves out.

use crate::analysis::lanczos;
use crate::analysis::landscape::dominant_pair;
use crate::error::Result;
use crate::math::rng::SeededRng;
use crate::math::{dot, norm};
use crate::nn::loss::Loss;
use crate::nn::network::{Network, Workspace};
use crate::nn::penalty::Penalty;
use crate::session::Session;
use crate::work::{self, Pass};
use ndarray::ArrayView2;
use serde::Serialize;

/// Most power iterations.
const MAX_ITERATIONS: usize = 100;
/// Power iteration stops once λ changes by less than this, relatively.
const TOLERANCE: f64 = 1e-10;
/// Seed of the starting direction (a fixed one: the same network gives the same readout).
const START_SEED: u32 = 0x5eed;
/// A Hessian–vector product costs about this many double-precision forward passes in wasm
/// (measured on a 16 × 128 network: its loops run per sample, without the batch kernels' SIMD).
const PASSES_PER_PRODUCT: f64 = 35.0;

/// The Hessian's largest eigenvalue at the current parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sharpness {
    /// λ_max: the largest eigenvalue (the Rayleigh quotient vᵀHv of the converged unit direction,
    /// or the largest Ritz value of the Lanczos iteration).
    pub lambda_max: f64,
    /// 2/λ_max: the largest stable step of full-batch gradient descent near here.
    pub stable_step: f64,
    /// Power iterations run.
    pub iterations: usize,
    /// Points the cost was taken over.
    pub points: usize,
}

/// Step along v of the central differences of gradients (relative to ‖v‖): their truncation
/// error, about step²·‖∇³J‖, and their rounding, about 10⁻¹⁶·‖∇J‖/step, both stay near 10⁻⁸.
const GRADIENT_DIFFERENCE_STEP: f64 = 1e-4;

/// Hv for the cost of `net` over the first `n` rows of (`x`, `y`), with L2 coefficient `l2`.
pub fn hessian_vector_product(net: &Network, x: ArrayView2<f64>, y: &[f64], l2: f64, v: &[f64], n: usize) -> Vec<f64> {
    if net.is_normalized() || net.loss.outputs() > 1 {
        return gradient_difference_product(net, x, y, l2, v, n);
    }
    let widths = net.widths();
    let layers = net.layers.len();
    let buffers = |w: &[usize]| -> Vec<Vec<f64>> { w.iter().map(|&n| vec![0.0; n]).collect() };
    // a[l] (a[0] = x) and its R, z[l] and its R, δ[l] and its R.
    let (mut a, mut ra) = (buffers(&widths), buffers(&widths));
    let (mut z, mut rz) = (buffers(&widths[1..]), buffers(&widths[1..]));
    let (mut delta, mut rdelta) = (buffers(&widths[1..]), buffers(&widths[1..]));
    let mut hv = vec![0.0; net.params.len()];
    let inv_n = 1.0 / n as f64;
    for (point, &target) in x.rows().into_iter().zip(y).take(n) {
        a[0].iter_mut().zip(point).for_each(|(a, &x)| *a = x);
        for (l, layer) in net.layers.iter().enumerate() {
            let (w, vw) = (&net.params[layer.weights()], &v[layer.weights()]);
            for j in 0..layer.n_out {
                let row = j * layer.n_in..(j + 1) * layer.n_in;
                z[l][j] = net.params[layer.b + j] + dot(&w[row.clone()], &a[l]);
                rz[l][j] = v[layer.b + j] + dot(&vw[row.clone()], &a[l]) + dot(&w[row], &ra[l]);
                if l + 1 < layers {
                    let g = net.activation.apply(z[l][j]);
                    a[l + 1][j] = g;
                    ra[l + 1][j] = net.activation.derivative(z[l][j], g) * rz[l][j];
                }
            }
        }
        // δ[L] = (ŷ − y)/n and its R: σ'(z)·R(z)/n for the sigmoid, R(z)/n for the identity.
        let (last, zl) = (layers - 1, z[layers - 1][0]);
        let (y_hat, slope) = match net.loss {
            Loss::CrossEntropy => {
                let p = crate::math::sigmoid(zl);
                (p, p * (1.0 - p))
            }
            Loss::HalfSquared => (zl, 1.0),
            Loss::Softmax { .. } => unreachable!("a softmax network's products are gradient differences"),
        };
        delta[last][0] = (y_hat - target) * inv_n;
        rdelta[last][0] = slope * rz[last][0] * inv_n;
        for l in (0..layers).rev() {
            let layer = net.layers[l];
            for j in 0..layer.n_out {
                for i in 0..layer.n_in {
                    hv[layer.w + j * layer.n_in + i] += rdelta[l][j] * a[l][i] + delta[l][j] * ra[l][i];
                }
                hv[layer.b + j] += rdelta[l][j];
            }
            if l == 0 {
                break;
            }
            let (w, vw) = (&net.params[layer.weights()], &v[layer.weights()]);
            for i in 0..layer.n_in {
                let (mut back, mut r_back) = (0.0, 0.0);
                for j in 0..layer.n_out {
                    let k = j * layer.n_in + i;
                    back += w[k] * delta[l][j];
                    r_back += vw[k] * delta[l][j] + w[k] * rdelta[l][j];
                }
                let (zi, ai) = (z[l - 1][i], a[l][i]);
                let slope = net.activation.derivative(zi, ai);
                delta[l - 1][i] = back * slope;
                rdelta[l - 1][i] = r_back * slope + back * net.activation.second_derivative(ai) * rz[l - 1][i];
            }
        }
    }
    for layer in &net.layers {
        for k in layer.weights() {
            hv[k] += l2 * v[k];
        }
    }
    hv
}

/// Hv ≈ (∇J(θ + hv) − ∇J(θ − hv))/2h over the first `n` rows as one batch, h =
/// [`GRADIENT_DIFFERENCE_STEP`]/‖v‖.
fn gradient_difference_product(net: &Network, x: ArrayView2<f64>, y: &[f64], l2: f64, v: &[f64], n: usize) -> Vec<f64> {
    let length = norm(v);
    if length == 0.0 {
        return vec![0.0; v.len()];
    }
    let step = GRADIENT_DIFFERENCE_STEP / length;
    let mut shifted = net.clone();
    let mut ws = Workspace::new(net, n);
    let mut gradient_at = |sign: f64| {
        for ((p, &theta), &d) in shifted.params.iter_mut().zip(&net.params).zip(v) {
            *p = theta + sign * step * d;
        }
        let m = ws.load_batch(x, y, 0..n);
        shifted.forward(&mut ws, m);
        shifted.backward(&mut ws, m, Penalty::from(l2));
        ws.grad.clone()
    };
    let plus = gradient_at(1.0);
    let minus = gradient_at(-1.0);
    plus.iter().zip(&minus).map(|(p, m)| (p - m) / (2.0 * step)).collect()
}

/// λ_max of the cost's Hessian over (`x`, `y`) by power iteration from a fixed random direction —
/// or, when it does not settle on a positive eigenvalue (a negative one of larger magnitude,
/// common at saddles and with batch normalization), by Lanczos iteration — on as many points as
/// the work budget allows for 2 × `MAX_ITERATIONS` products.
pub fn sharpness(net: &Network, x: ArrayView2<f64>, y: &[f64], l2: f64) -> Result<Sharpness> {
    let n = points_within_budget("sharpness", net, x.nrows(), 2 * MAX_ITERATIONS)?;
    let product = |v: &[f64]| hessian_vector_product(net, x, y, l2, v, n);
    let mut v = start_direction(net.params.len(), 0);
    let (mut lambda, mut iterations, mut settled) = (0.0, 0, false);
    while iterations < MAX_ITERATIONS && !settled {
        let hv = product(&v);
        let next = dot(&v, &hv);
        iterations += 1;
        settled = (next - lambda).abs() <= TOLERANCE * next.abs();
        lambda = next;
        v = hv;
        if !scale_to_unit(&mut v) {
            break;
        }
    }
    if !(settled && lambda > 0.0) {
        // The eigenvalue of largest magnitude is negative (a saddle's direction, or a normalized
        // layer's scale), or eigenvalues of opposite signs compete: Lanczos finds the largest.
        let (largest, steps) =
            lanczos::largest_eigenvalue(product, start_direction(net.params.len(), 0), MAX_ITERATIONS, TOLERANCE);
        (lambda, iterations) = (largest, iterations + steps);
    }
    Ok(Sharpness { lambda_max: lambda, stable_step: 2.0 / lambda, iterations, points: n })
}

/// The Hessian's two eigenpairs of largest magnitude over (`x`, `y`) (see `dominant_pair`):
/// the eigenvalues, |λ₁| ≥ |λ₂|, and their unit eigenvectors.
pub fn top_two(net: &Network, x: ArrayView2<f64>, y: &[f64], l2: f64) -> Result<([f64; 2], [Vec<f64>; 2])> {
    let n = points_within_budget("Hessian surface", net, x.nrows(), 2 * MAX_ITERATIONS)?;
    let apply = |v: &[f64]| hessian_vector_product(net, x, y, l2, v, n);
    let start = [start_direction(net.params.len(), 0), start_direction(net.params.len(), 1)];
    let [u1, u2] = dominant_pair(&apply, start, MAX_ITERATIONS, TOLERANCE);
    let rayleigh = |u: &[f64]| dot(u, &apply(u));
    let (l1, l2_) = (rayleigh(&u1), rayleigh(&u2));
    Ok(if l1.abs() >= l2_.abs() { ([l1, l2_], [u1, u2]) } else { ([l2_, l1], [u2, u1]) })
}

/// How many of `rows` points `products` Hessian–vector products may take within one call's
/// work (all of them when they fit), or the refusal of `what` when not even one fits.
fn points_within_budget(what: &str, net: &Network, rows: usize, products: usize) -> Result<usize> {
    let per_point = PASSES_PER_PRODUCT * work::per_example(net, Pass::Forward) * products as f64;
    work::check_total(what, per_point)?;
    Ok(rows.min(work::most(per_point, 0.0)))
}

/// A fixed random unit direction in parameter space (stream `stream` of the start seed).
fn start_direction(len: usize, stream: u32) -> Vec<f64> {
    let mut rng = SeededRng::new(START_SEED, stream);
    let mut v: Vec<f64> = (0..len).map(|_| rng.normal()).collect();
    scale_to_unit(&mut v);
    v
}

/// [`sharpness`] of a session's network on its (normalized) training set.
pub fn session_sharpness(session: &Session) -> Result<Sharpness> {
    let (x, y) = session.training_set();
    sharpness(session.network(), x, y, session.config().l2)
}

/// Scales `v` to length 1; false when it is 0 or not finite.
fn scale_to_unit(v: &mut [f64]) -> bool {
    let length = norm(v);
    if !(length > 0.0 && length.is_finite()) {
        return false;
    }
    v.iter_mut().for_each(|x| *x /= length);
    true
}
