//! Per-layer statistics for the initialization lab: how the signal and the gradients spread
//! through the hidden layers of a network on a batch of training points — mean, standard
//! deviation and histogram of the activations a\[l\], of the backpropagated δ\[l\] and of ∂J/∂W\[l\];
//! the saturated or dead units; the update-to-weight ratio; how far the units of a layer are
//! from being identical. Computed with the same forward and backward passes as training
//! ([`Network::forward`], [`Network::backward`] in a [`Workspace`]).
//!
//! Also the lecture's deep linear toy ([`deep_linear_toy`]): layers with W = c·I and linear
//! activations, run by the same network code.

use crate::config::{Config, Dataset, Normalize, Problem};
use crate::math::norm;
use crate::nn::activation::Activation;
use crate::nn::init::Init;
use crate::nn::network::{Network, Workspace};
use crate::nn::penalty::Penalty;
use crate::session::Session;
use ndarray::{s, ArrayView2};
use serde::Serialize;

/// Most training points the statistics use by default (the first ones of the split).
pub const STATS_POINTS: usize = 256;
/// Bins of every histogram.
pub const BINS: usize = 24;
/// Half-width of a gradient histogram in multiples of the values' RMS (see [`Histogram::robust`]).
pub const TAIL_RMS: f64 = 5.0;
/// A tanh output with |a| above this, or a sigmoid output above it or below 1 − it, is saturated.
pub const SATURATION: f64 = 0.97;

/// Counts of values in [`BINS`] equal bins.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Histogram {
    /// BINS + 1 increasing edges; bin k counts values in [edges\[k\], edges[k+1]), the last bin
    /// also its upper edge.
    pub edges: Vec<f64>,
    /// Values in each bin (values outside the edges are counted in the end bins; NaN nowhere).
    pub counts: Vec<u32>,
}

impl Histogram {
    /// [`BINS`] equal bins over [lo, hi] (lo < hi).
    pub fn new(values: &[f64], lo: f64, hi: f64) -> Histogram {
        let width = (hi - lo) / BINS as f64;
        let edges = (0..=BINS).map(|k| if k == BINS { hi } else { lo + k as f64 * width }).collect();
        let mut counts = vec![0; BINS];
        for v in values.iter().filter(|v| !v.is_nan()) {
            let k = ((v - lo) / width).floor();
            counts[k.clamp(0.0, (BINS - 1) as f64) as usize] += 1;
        }
        Histogram { edges, counts }
    }

    /// Bins over ±max|v| (±1 when every value is 0 or none is finite).
    fn symmetric(values: &[f64]) -> Histogram {
        Histogram::around_zero(max_abs(values), values)
    }

    /// Bins over ±min(max|v|, [`TAIL_RMS`]·rms): gradients are heavy-tailed (most examples
    /// contribute little), so a few far values would otherwise squeeze the rest into the middle
    /// bins; those beyond the range land in the end bins.
    pub fn robust(values: &[f64]) -> Histogram {
        let (sum, n) = values.iter().filter(|v| v.is_finite()).fold((0.0, 0usize), |(s, n), v| (s + v * v, n + 1));
        let rms = if n > 0 { (sum / n as f64).sqrt() } else { 0.0 };
        Histogram::around_zero(max_abs(values).min(TAIL_RMS * rms), values)
    }

    /// Bins over ±`half` (±1 when `half` is not positive).
    fn around_zero(half: f64, values: &[f64]) -> Histogram {
        let half = positive_or_one(half);
        Histogram::new(values, -half, half)
    }
}

/// `x` if it is positive, else 1: the extent of a histogram whose values are all 0.
fn positive_or_one(x: f64) -> f64 {
    if x > 0.0 {
        x
    } else {
        1.0
    }
}

/// Largest finite |v| (0 when there is none).
fn max_abs(values: &[f64]) -> f64 {
    values.iter().filter(|v| v.is_finite()).fold(0.0, |m, v| if v.abs() > m { v.abs() } else { m })
}

/// Mean and population standard deviation of some values (two passes).
fn mean_std(values: &[f64]) -> (f64, f64) {
    let (sum, n) = values.iter().fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 {
        return (f64::NAN, f64::NAN);
    }
    let mean = sum / n as f64;
    let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n as f64;
    (mean, var.sqrt())
}

/// Largest difference between two entries of each group, over all groups.
fn largest_range<'a>(groups: impl Iterator<Item = ndarray::ArrayView1<'a, f64>>) -> f64 {
    groups
        .map(|g| {
            let (lo, hi) = g.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)));
            hi - lo
        })
        .fold(0.0, f64::max)
}

/// Statistics of one hidden layer on a batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerStats {
    /// Hidden layer number, 1 for the first.
    pub layer: usize,
    /// Units of the layer.
    pub units: usize,
    /// Units feeding the layer (n_in of its W).
    pub fan_in: usize,
    /// Units the layer feeds (n_out of the next W).
    pub fan_out: usize,
    /// Mean of the activations a\[l\] over units and examples.
    pub act_mean: f64,
    /// Standard deviation of the activations over units and examples.
    pub act_std: f64,
    /// √(mean a²): the magnitude of the signal leaving the layer.
    pub act_rms: f64,
    /// Over the activation's range ([−1, 1] tanh, [0, 1] sigmoid, [0, max a] ReLU,
    /// ±max|a| otherwise).
    pub act_histogram: Histogram,
    /// Tanh and sigmoid: fraction of the activations (units × examples) within 0.03 of the
    /// range's ends (see [`SATURATION`]).
    pub saturated: Option<f64>,
    /// ReLU: fraction of the units that output 0 for every example of the batch.
    pub dead: Option<f64>,
    /// Standard deviation of the backpropagated δ\[l\] = ∂L/∂z\[l\] per example.
    pub delta_std: f64,
    /// Of δ\[l\], over ±min(max|δ|, 5·rms δ) (see [`Histogram::robust`]).
    pub delta_histogram: Histogram,
    /// Standard deviation of the entries of ∂J/∂W\[l\] on the batch (with the L2 term).
    pub grad_std: f64,
    /// Of ∂J/∂W\[l\], over ±min(max, 5·rms).
    pub grad_histogram: Histogram,
    /// ‖α·∂J/∂W\[l\]‖ / ‖W\[l\]‖ with the config's learning rate α (the step plain SGD would take;
    /// None while W\[l\] = 0).
    pub update_ratio: Option<f64>,
    /// Standard deviation of the entries of W\[l\] now.
    pub weight_std: f64,
    /// Var(W\[l\]) the config's initialization draws with for this layer's fan-in and units
    /// (the n_in and n_out of its weight matrix).
    pub init_variance: f64,
    /// Largest difference between two units of the layer in any incoming weight, bias or
    /// outgoing weight: 0 when every unit is identical (symmetry not broken).
    pub unit_spread: f64,
}

/// Statistics of every hidden layer of `net` on the first `max_points` rows of (`inputs`,
/// `targets`), with the penalties, learning rate and initialization of `config`. Empty without hidden
/// layers or points.
pub fn layer_stats(
    net: &Network,
    config: &Config,
    inputs: ArrayView2<f64>,
    targets: &[f64],
    max_points: usize,
) -> Vec<LayerStats> {
    let n = inputs.nrows().min(max_points);
    if n == 0 {
        return Vec::new();
    }
    let mut ws = Workspace::new(net, n);
    let m = ws.load_batch(inputs, targets, 0..n);
    net.forward(&mut ws, m);
    net.backward(&mut ws, m, Penalty::of(config));
    (0..net.layers.len() - 1).map(|l| hidden_layer(net, config, &ws, l, m)).collect()
}

/// [`layer_stats`] of a session's network on its (normalized) training set.
pub fn session_stats(session: &Session, max_points: usize) -> Vec<LayerStats> {
    let (inputs, targets) = session.training_set();
    layer_stats(session.network(), session.config(), inputs, targets, max_points)
}

/// Statistics of hidden layer `l` (0-based) after a forward and backward pass on `m` examples.
fn hidden_layer(net: &Network, config: &Config, ws: &Workspace, l: usize, m: usize) -> LayerStats {
    let shape = net.layers[l];
    let next = net.layers[l + 1];
    let a = ws.a[l + 1].slice(s![.., ..m]);
    let acts: Vec<f64> = a.iter().copied().collect();
    let (act_mean, act_std) = mean_std(&acts);
    let act_rms = (acts.iter().map(|v| v * v).sum::<f64>() / a.len() as f64).sqrt();
    let act_histogram = match (net.activation.bounds(), net.activation) {
        (Some((lo, hi)), _) => Histogram::new(&acts, lo, hi),
        (None, Activation::Relu) => Histogram::new(&acts, 0.0, positive_or_one(max_abs(&acts))),
        (None, _) => Histogram::symmetric(&acts),
    };
    let fraction = |hits: usize| hits as f64 / a.len() as f64;
    let saturated = match net.activation {
        Activation::Tanh => Some(fraction(acts.iter().filter(|v| v.abs() > SATURATION).count())),
        Activation::Sigmoid => Some(fraction(acts.iter().filter(|v| (*v - 0.5).abs() > SATURATION - 0.5).count())),
        _ => None,
    };
    let dead = (net.activation == Activation::Relu).then(|| {
        a.rows().into_iter().filter(|unit| unit.iter().all(|&v| v == 0.0)).count() as f64 / shape.n_out as f64
    });
    // The workspace's δ carries the 1/m of the mean cost; per example it is m times larger.
    let deltas: Vec<f64> = ws.delta[l].slice(s![.., ..m]).iter().map(|d| d * m as f64).collect();
    let grad = &ws.grad[shape.weights()];
    let weights = &net.params[shape.weights()];
    let weight_norm = norm(weights);
    let incoming = net.weights(l);
    let bias = ndarray::ArrayView1::from(&net.params[shape.biases()]);
    let outgoing = net.weights(l + 1);
    LayerStats {
        layer: l + 1,
        units: shape.n_out,
        fan_in: shape.n_in,
        fan_out: next.n_out,
        act_mean,
        act_std,
        act_rms,
        act_histogram,
        saturated,
        dead,
        delta_std: mean_std(&deltas).1,
        delta_histogram: Histogram::robust(&deltas),
        grad_std: mean_std(grad).1,
        grad_histogram: Histogram::robust(grad),
        update_ratio: (weight_norm > 0.0).then(|| config.learning_rate * norm(grad) / weight_norm),
        weight_std: mean_std(weights).1,
        init_variance: config.init.variance(shape.n_in, shape.n_out, config.init_scale),
        unit_spread: largest_range(incoming.columns().into_iter().chain([bias]).chain(outgoing.rows())),
    }
}

/// The lecture's deep linear toy: `layers` hidden layers of 2 units, linear activations,
/// W = c·I in every layer (the readout's W = c·[1 0]) and zero biases, on the regression plane
/// with standardized inputs. Hidden layer l outputs exactly c^l·x, so the RMS of layer L over
/// that of layer 1 is c^(L−1): the signal explodes for c > 1 and vanishes for c < 1.
pub fn deep_linear_toy(layers: usize, c: f64) -> Config {
    Config {
        dataset: Some(Dataset::Plane),
        problem: Problem::Regression,
        normalize: Normalize::Standardize,
        hidden: vec![2; layers],
        activation: Activation::Linear,
        init: Init::Identity,
        init_scale: c,
        ..Config::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_bins_clamp_and_skip_nan() {
        let h = Histogram::new(&[-2.0, -1.0, 0.0, 0.99, 1.0, 5.0, f64::NAN], -1.0, 1.0);
        assert_eq!(h.edges.len(), BINS + 1);
        assert_eq!((h.edges[0], h.edges[BINS]), (-1.0, 1.0));
        assert_eq!(h.counts.iter().sum::<u32>(), 6);
        assert_eq!(h.counts[0], 2);
        assert_eq!(h.counts[BINS / 2], 1);
        assert_eq!(h.counts[BINS - 1], 3);
        let zeros = Histogram::symmetric(&[0.0, 0.0]);
        assert_eq!((zeros.edges[0], zeros.edges[BINS]), (-1.0, 1.0));
    }

    #[test]
    fn robust_histograms_clip_the_tails_into_the_end_bins() {
        // 99 zeros and one 100: rms 10, so the range is ±50 and the 100 lands in the last bin.
        let values: Vec<f64> = std::iter::repeat_n(0.0, 99).chain([100.0]).collect();
        let h = Histogram::robust(&values);
        assert_eq!((h.edges[0], h.edges[BINS]), (-50.0, 50.0));
        assert_eq!((h.counts[BINS / 2], h.counts[BINS - 1]), (99, 1));
        let narrow = Histogram::robust(&[-1.0, 1.0]);
        assert_eq!((narrow.edges[0], narrow.edges[BINS]), (-1.0, 1.0), "never wider than the values");
    }

    #[test]
    fn mean_and_std() {
        let (mean, std) = mean_std(&[1.0, 2.0, 3.0, 4.0]);
        assert_eq!(mean, 2.5);
        assert!((std - 1.25f64.sqrt()).abs() < 1e-15);
    }
}
