//! How well conditioned the problem is: condition numbers κ = λmax/λmin of the input
//! covariance and second-moment matrices, of the cost's Hessian for a net without hidden layers,
//! and the learning rate they suggest (LeCun et al. 1998: gradient descent needs a number of steps
//! proportional to κ, and a fixed step must stay below 2/λmax).

use crate::config::Problem;
use crate::error::Result;
use crate::math::sigmoid;
use crate::nn::network::Network;
use crate::session::Session;
use crate::work;
use ndarray::ArrayView2;
use serde::Serialize;

/// Updates of each trial run of the learning-rate sweep, when they fit in one call's work.
const SWEEP_UPDATES: usize = 100;
/// The fewest updates a trial may have: shorter trials say too little, so a network and data too
/// big for them are refused.
const SWEEP_MIN_UPDATES: usize = 10;
/// The rates tried: 10^(k/4) for these k (1e-5 … 10).
const SWEEP_EXPONENTS: std::ops::RangeInclusive<i32> = -20..=4;

/// 10^(k/4), as 10^q·10^(r/4) for k = 4q + r: exact when r = 0 (10^|q| is exact, and a division
/// rounds its inverse correctly), and within an ulp or so otherwise.
fn ten_to_the_quarter(k: i32) -> f64 {
    const QUARTERS: [f64; 4] = [1.0, 1.778_279_410_038_922_8, 3.162_277_660_168_379_5, 5.623_413_251_903_491];
    let q = k.div_euclid(4);
    let whole = if q >= 0 { 10f64.powi(q) } else { 1.0 / 10f64.powi(-q) };
    whole * QUARTERS[k.rem_euclid(4) as usize]
}

/// Condition numbers of a session's problem (see [`of_session`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Conditioning {
    /// Covariance of the raw (distorted) features.
    pub raw_covariance: Spectrum,
    /// Covariance of the features the network sees (after normalization, if any).
    pub input_covariance: Spectrum,
    /// E[x̃x̃ᵀ] of the raw features with a bias 1.
    pub raw_second_moment: Spectrum,
    /// E[x̃x̃ᵀ] of the network's inputs with a bias 1.
    pub input_second_moment: Spectrum,
    /// Hessian of the cost at the current weights (only without hidden layers).
    pub hessian: Option<Spectrum>,
}

/// A suggested learning rate and how it was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LearningRateSuggestion {
    /// The rate.
    pub learning_rate: f64,
    /// "hessian" or "sweep".
    pub method: &'static str,
    /// The Hessian bound it came from (method "hessian").
    pub hessian_bound: Option<Spectrum>,
    /// Updates of each trial run (method "sweep"): 100, or fewer on a network and data too big
    /// for 100 in one call's work.
    pub sweep_updates: Option<usize>,
}

/// Condition numbers of the inputs (raw and as the network sees them) and, without hidden
/// layers, of the cost's Hessian at the current weights.
pub fn of_session(session: &Session) -> Conditioning {
    let (inputs, _) = session.training_set();
    let raw = session.split().train.x.view();
    let config = session.config();
    Conditioning {
        raw_covariance: covariance(raw),
        input_covariance: covariance(inputs),
        raw_second_moment: second_moment(raw),
        input_second_moment: second_moment(inputs),
        hessian: hessian(session.network(), config.problem, inputs, config.l2, false),
    }
}

/// A learning rate that trains `session` fast without diverging. Without hidden layers: the best
/// fixed step 2/(λmax + λmin) of the Hessian's bound (¼·E[x̃x̃ᵀ] for cross-entropy), stable
/// everywhere. With hidden layers: of the rates 10^(k/4) from 1e-5 to 10, the one whose short run
/// (100 updates from the same start, fewer on a big network) reaches the lowest training loss
/// without diverging. A network and data too big for trials of 10 updates are refused.
pub fn suggest_learning_rate(session: &Session) -> Result<LearningRateSuggestion> {
    let (inputs, _) = session.training_set();
    let config = session.config();
    if let Some(bound) = hessian(session.network(), config.problem, inputs, config.l2, true) {
        return Ok(LearningRateSuggestion {
            learning_rate: best_fixed_step(&bound),
            method: "hessian",
            hessian_bound: Some(bound),
            sweep_updates: None,
        });
    }
    let updates = sweep_updates(session)?;
    let mut best = (f64::INFINITY, 1e-5);
    for rate in SWEEP_EXPONENTS.map(ten_to_the_quarter) {
        let mut trial = session.with_learning_rate(rate)?;
        let report = trial.step(updates as u32);
        if !report.diverged && report.train_loss <= best.0 {
            best = (report.train_loss, rate);
        }
    }
    Ok(LearningRateSuggestion {
        learning_rate: best.1,
        method: "sweep",
        hessian_bound: None,
        sweep_updates: Some(updates),
    })
}

/// Updates of each sweep trial: as many as fit in one call's work, at most [`SWEEP_UPDATES`];
/// an error when fewer than [`SWEEP_MIN_UPDATES`] fit.
fn sweep_updates(session: &Session) -> Result<usize> {
    let trials = SWEEP_EXPONENTS.count() as f64;
    let report = work::per_report(session);
    let update = work::per_update(session.network(), session.batch_size());
    let fit = ((work::BUDGET / trials - report) / update).floor().max(0.0) as usize;
    if fit < SWEEP_MIN_UPDATES {
        work::check_total("learning-rate sweep", trials * (report + SWEEP_MIN_UPDATES as f64 * update))?;
    }
    Ok(fit.min(SWEEP_UPDATES))
}

/// Eigenvalues of a small symmetric matrix (row-major n×n), ascending, by cyclic Jacobi rotations.
fn symmetric_eigenvalues(mut a: Vec<f64>, n: usize) -> Vec<f64> {
    for _sweep in 0..64 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * n + j].powi(2))
            .sum();
        let scale: f64 = (0..n).map(|i| a[i * n + i].powi(2)).sum::<f64>() + off;
        if off <= 1e-30 * scale {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = a[p * n + q];
                if apq == 0.0 {
                    continue;
                }
                let theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
                let sign = if theta >= 0.0 { 1.0 } else { -1.0 };
                let t = sign / (theta.abs() + (theta * theta + 1.0).sqrt());
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    let (akp, akq) = (a[k * n + p], a[k * n + q]);
                    a[k * n + p] = c * akp - s * akq;
                    a[k * n + q] = s * akp + c * akq;
                }
                for k in 0..n {
                    let (apk, aqk) = (a[p * n + k], a[q * n + k]);
                    a[p * n + k] = c * apk - s * aqk;
                    a[q * n + k] = s * apk + c * aqk;
                }
            }
        }
    }
    let mut eigenvalues: Vec<f64> = (0..n).map(|i| a[i * n + i]).collect();
    // Insertion sort: n is a handful of features, and the library's sort adds 5 kB to the wasm.
    for i in 1..n {
        let mut j = i;
        while j > 0 && eigenvalues[j - 1].total_cmp(&eigenvalues[j]).is_gt() {
            eigenvalues.swap(j - 1, j);
            j -= 1;
        }
    }
    eigenvalues
}

/// The spectrum of a symmetric positive semi-definite matrix, summarized.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Spectrum {
    /// Largest eigenvalue.
    pub lambda_max: f64,
    /// Smallest eigenvalue.
    pub lambda_min: f64,
    /// λmax/λmin (infinite when λmin ≤ 0).
    pub kappa: f64,
}

impl Spectrum {
    /// Summarizes the eigenvalues of a symmetric n×n matrix.
    pub fn of(matrix: Vec<f64>, n: usize) -> Spectrum {
        let eigenvalues = symmetric_eigenvalues(matrix, n);
        let (lambda_min, lambda_max) = (eigenvalues[0], eigenvalues[n - 1]);
        let kappa = if lambda_min > 0.0 { lambda_max / lambda_min } else { f64::INFINITY };
        Spectrum { lambda_max, lambda_min, kappa }
    }
}

/// (1/m) Σ wᵢ x̃ᵢ x̃ᵢᵀ over the rows of `x` (d features), with x̃ = (x₁, …, x_d, 1) when
/// `with_bias`, else the centred (x₁ − μ₁, …, x_d − μ_d); `weight` gives wᵢ from the row index.
fn moment_matrix(x: ArrayView2<f64>, with_bias: bool, weight: &dyn Fn(usize) -> f64) -> (Vec<f64>, usize) {
    let (m, d) = (x.nrows() as f64, x.ncols());
    let mean: Vec<f64> = x.columns().into_iter().map(|c| if with_bias { 0.0 } else { c.sum() / m }).collect();
    let n = if with_bias { d + 1 } else { d };
    let mut a = vec![0.0; n * n];
    let mut v = vec![1.0; d + 1];
    for (i, row) in x.rows().into_iter().enumerate() {
        for (k, (&x, mean)) in row.iter().zip(&mean).enumerate() {
            v[k] = x - mean;
        }
        let w = weight(i);
        for r in 0..n {
            for c in 0..n {
                a[r * n + c] += w * v[r] * v[c] / m;
            }
        }
    }
    (a, n)
}

/// Spectrum of the input covariance (centred features).
pub fn covariance(x: ArrayView2<f64>) -> Spectrum {
    let (a, n) = moment_matrix(x, false, &|_| 1.0);
    Spectrum::of(a, n)
}

/// Spectrum of the second-moment matrix E[x̃x̃ᵀ] of x̃ = (x₁, x₂, 1): the Hessian of a linear
/// model's squared error, which a non-zero mean inflates as much as unequal scales do.
pub fn second_moment(x: ArrayView2<f64>) -> Spectrum {
    let (a, n) = moment_matrix(x, true, &|_| 1.0);
    Spectrum::of(a, n)
}

/// Hessian of the cost of a net without hidden layers at its current weights, over the inputs
/// `x`: (1/m) Σ s(zᵢ) x̃ᵢx̃ᵢᵀ + λ·diag(1, …, 1, 0), with s = σ(1−σ) for cross-entropy, 1 for
/// squared error. With `bound`, s is replaced by its maximum (¼ for cross-entropy), which bounds
/// the Hessian everywhere. The L1 term, linear on either side of 0, adds no curvature. None for a
/// net with hidden layers or a softmax output.
pub fn hessian(net: &Network, problem: Problem, x: ArrayView2<f64>, l2: f64, bound: bool) -> Option<Spectrum> {
    if net.layers.len() != 1 || net.loss.outputs() != 1 {
        return None;
    }
    let d = x.ncols();
    let (w, b) = (&net.params[..d], net.params[d]);
    let curvature = |i: usize| match problem {
        Problem::Regression => 1.0,
        Problem::Classification if bound => 0.25,
        Problem::Classification => {
            let z = w.iter().zip(x.row(i)).fold(0.0, |z, (w, x)| z + w * x) + b;
            let p = sigmoid(z);
            p * (1.0 - p)
        }
    };
    let (mut a, n) = moment_matrix(x, true, &curvature);
    for k in 0..d {
        a[k * n + k] += l2;
    }
    Some(Spectrum::of(a, n))
}

/// The best fixed step of gradient descent on a quadratic with this curvature,
/// 2/(λmax + λmin): it contracts the error by (κ−1)/(κ+1) per step and is below the stability
/// limit 2/λmax.
pub fn best_fixed_step(spectrum: &Spectrum) -> f64 {
    2.0 / (spectrum.lambda_max + spectrum.lambda_min.max(0.0))
}

#[cfg(test)]
mod tests {
    #[test]
    fn quarter_powers_of_ten_are_those_of_pow() {
        for k in super::SWEEP_EXPONENTS {
            let (ours, reference) = (super::ten_to_the_quarter(k), libm::pow(10.0, k as f64 / 4.0));
            assert!(((ours - reference) / reference).abs() < 3e-16, "10^({k}/4): {ours} vs {reference}");
            if k % 4 == 0 {
                // Exactly the nearest double to the power (pow itself is an ulp off at 10⁻⁵).
                assert_eq!(ours, format!("1e{}", k / 4).parse::<f64>().unwrap());
            }
        }
    }

    use super::*;

    #[test]
    fn jacobi_finds_known_eigenvalues() {
        // [[2,1,0],[1,2,0],[0,0,5]] has eigenvalues 1, 3, 5.
        let e = symmetric_eigenvalues(vec![2.0, 1.0, 0.0, 1.0, 2.0, 0.0, 0.0, 0.0, 5.0], 3);
        for (got, want) in e.iter().zip([1.0, 3.0, 5.0]) {
            assert!((got - want).abs() < 1e-12, "{e:?}");
        }
        let diag = Spectrum::of(vec![4.0, 0.0, 0.0, 0.25], 2);
        assert_eq!(diag.kappa, 16.0);
    }
}
