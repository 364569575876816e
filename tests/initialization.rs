//! The lecture's claims about initialization and activations, checked against the numbers the
//! per-layer statistics compute: vanishing and exploding signals, saturation, the variance each
//! scheme keeps, the deep linear toy, symmetry under zero initialization, and the straight
//! boundary of a linear network.

use nn_playground::analysis::stats::{deep_linear_toy, session_stats, LayerStats, STATS_POINTS};
use nn_playground::config::{Config, Dataset, Normalize, Problem};
use nn_playground::nn::activation::Activation;
use nn_playground::nn::init::Init;
use nn_playground::nn::network::Workspace;
use nn_playground::Session;

/// Statistics of a fresh network of `depth` hidden layers of `width` units on standardized
/// inputs (250 training points).
fn fresh_stats(depth: usize, width: usize, activation: Activation, init: Init, init_scale: f64) -> Vec<LayerStats> {
    seeded_stats(1, depth, width, activation, init, init_scale)
}

fn seeded_stats(
    seed: u32,
    depth: usize,
    width: usize,
    activation: Activation,
    init: Init,
    init_scale: f64,
) -> Vec<LayerStats> {
    let config = Config {
        hidden: vec![width; depth],
        activation,
        init,
        init_scale,
        seed,
        normalize: Normalize::Standardize,
        noise: 0.1,
        ..Config::default()
    };
    session_stats(&Session::new(config).expect("valid config"), STATS_POINTS)
}

fn act_std(stats: &[LayerStats]) -> Vec<f64> {
    stats.iter().map(|s| s.act_std).collect()
}

#[test]
fn stats_have_one_entry_per_hidden_layer_with_consistent_shapes() {
    let stats = fresh_stats(3, 5, Activation::Relu, Init::He, 1.0);
    assert_eq!(stats.len(), 3);
    for (k, s) in stats.iter().enumerate() {
        assert_eq!((s.layer, s.units), (k + 1, 5));
        assert_eq!(s.fan_in, if k == 0 { 2 } else { 5 });
        assert_eq!(s.fan_out, if k == 2 { 1 } else { 5 });
        for h in [&s.act_histogram, &s.delta_histogram, &s.grad_histogram] {
            assert_eq!(h.edges.len(), h.counts.len() + 1);
            assert!(h.edges.windows(2).all(|e| e[0] < e[1]));
        }
        assert_eq!(s.act_histogram.edges[0], 0.0, "ReLU activations are binned from 0");
        assert_eq!(s.act_histogram.counts.iter().sum::<u32>() as usize, 5 * 250);
        assert_eq!(s.grad_histogram.counts.iter().sum::<u32>() as usize, 5 * s.fan_in);
        assert!(s.dead.is_some() && s.saturated.is_none());
        assert!((s.init_variance - 2.0 / s.fan_in as f64).abs() < 1e-15);
        assert!(s.update_ratio.unwrap() > 0.0);
    }
    let tanh = fresh_stats(2, 4, Activation::Tanh, Init::Xavier, 1.0);
    assert_eq!((tanh[0].act_histogram.edges[0], *tanh[0].act_histogram.edges.last().unwrap()), (-1.0, 1.0));
    assert!(tanh[0].saturated.is_some() && tanh[0].dead.is_none());
}

#[test]
fn tanh_with_unit_normal_weights_saturates_the_deep_layers() {
    let stats = fresh_stats(10, 100, Activation::Tanh, Init::Normal, 1.0);
    for s in &stats[2..] {
        let saturated = s.saturated.unwrap();
        assert!(saturated > 0.6, "layer {}: {saturated} saturated", s.layer);
    }
}

#[test]
fn tanh_with_tiny_weights_loses_the_signal() {
    let stats = fresh_stats(10, 100, Activation::Tanh, Init::Normal, 0.01);
    let std = act_std(&stats);
    assert!(std[9] < 1e-6 * std[0], "{std:?}");
    // The backpropagated δ vanishes on the way back too.
    assert!(stats[0].delta_std < 1e-6 * stats[9].delta_std, "δ std: {} vs {}", stats[0].delta_std, stats[9].delta_std);
}

#[test]
fn xavier_keeps_tanh_activations_and_gradients_on_one_scale() {
    let stats = fresh_stats(10, 100, Activation::Tanh, Init::Xavier, 1.0);
    let std = act_std(&stats);
    let (lo, hi) = std.iter().fold((f64::INFINITY, 0.0f64), |(lo, hi), &s| (lo.min(s), hi.max(s)));
    assert!(hi / lo < 4.0, "activation std across layers: {std:?}");
    let (first, last) = (stats[0].grad_std, stats[9].grad_std);
    assert!(first / last < 10.0 && last / first < 10.0, "weight-gradient std: layer 1 {first}, layer 10 {last}");
    assert!(stats.iter().all(|s| s.saturated.unwrap() < 0.1));
}

/// Ratios of the mean squared activation (the variance the schemes keep) of consecutive layers
/// from layer 2 on (where fan-in = fan-out = 100), averaged over eight random networks (one
/// network's ratios scatter: its 250 examples span a 2-D input plane, so they are few
/// independent samples).
fn second_moment_ratios(activation: Activation, init: Init) -> Vec<f64> {
    const SEEDS: u32 = 8;
    let mut sums = [0.0; 8];
    for seed in 1..=SEEDS {
        let stats = seeded_stats(seed, 10, 100, activation, init, 1.0);
        for (sum, w) in sums.iter_mut().zip(stats[1..].windows(2)) {
            *sum += (w[1].act_rms / w[0].act_rms).powi(2);
        }
    }
    sums.iter().map(|s| s / SEEDS as f64).collect()
}

#[test]
fn he_keeps_relu_activations_on_one_scale() {
    let ratios = second_moment_ratios(Activation::Relu, Init::He);
    for (k, r) in ratios.iter().enumerate() {
        assert!((0.8..1.25).contains(r), "layer {} → {}: ratio {r} ({ratios:?})", k + 2, k + 3);
    }
    let std = act_std(&fresh_stats(10, 100, Activation::Relu, Init::He, 1.0));
    let (lo, hi) = std.iter().fold((f64::INFINITY, 0.0f64), |(lo, hi), &s| (lo.min(s), hi.max(s)));
    assert!(hi / lo < 3.0, "activation std across layers: {std:?}");
}

#[test]
fn xavier_halves_the_relu_variance_at_every_layer() {
    // Var(W) = 2/(n_in + n_out) = 1/100 from layer 2 on: half of He's 2/100.
    let ratios = second_moment_ratios(Activation::Relu, Init::XavierNormal);
    for (k, r) in ratios.iter().enumerate() {
        assert!((0.4..0.625).contains(r), "layer {} → {}: ratio {r} ({ratios:?})", k + 2, k + 3);
    }
    let mean = (ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64).exp();
    assert!((mean - 0.5).abs() < 0.05, "geometric mean ratio {mean} ({ratios:?})");
    let uniform = second_moment_ratios(Activation::Relu, Init::Xavier);
    let mean = (uniform.iter().map(|r| r.ln()).sum::<f64>() / uniform.len() as f64).exp();
    assert!((mean - 0.5).abs() < 0.05, "xavier uniform: geometric mean ratio {mean} ({uniform:?})");
}

#[test]
fn the_deep_linear_toy_scales_the_signal_by_c_per_layer() {
    let layers = 10;
    for c in [1.5, 0.5, 1.0] {
        let session = Session::new(deep_linear_toy(layers, c)).unwrap();
        let stats = session_stats(&session, STATS_POINTS);
        assert_eq!(stats.len(), layers);
        let first = stats[0].act_rms;
        for s in &stats {
            let expected = c.powi(s.layer as i32 - 1);
            let ratio = s.act_rms / first;
            assert!((ratio / expected - 1.0).abs() < 1e-9, "c = {c}, layer {}: {ratio} vs {expected}", s.layer);
        }
        assert!(stats.iter().all(|s| s.unit_spread == c), "W = c·I: units differ by c");
    }
}

/// Largest difference between two units of any hidden layer (incoming, bias, outgoing).
fn spread(session: &Session) -> f64 {
    session_stats(session, STATS_POINTS).iter().map(|s| s.unit_spread).fold(0.0, f64::max)
}

#[test]
fn zero_initialization_never_breaks_the_symmetry() {
    for activation in [Activation::Sigmoid, Activation::Tanh, Activation::Relu] {
        let config = Config {
            hidden: vec![6, 6, 6],
            activation,
            init: Init::Zeros,
            learning_rate: 0.5,
            dataset: Some(Dataset::Xor),
            ..Config::default()
        };
        let mut session = Session::new(config).unwrap();
        session.step(2000);
        assert_eq!(spread(&session), 0.0, "{activation:?}: units of a layer differ");
        let net = session.network();
        for l in 0..net.layers.len() - 1 {
            let w = net.weights(l);
            assert!(w.rows().into_iter().all(|row| row == w.row(0)), "{activation:?}, layer {l}");
        }
        if activation == Activation::Sigmoid {
            // The weights did move — together.
            assert!(net.params.iter().any(|&p| p.abs() > 1e-3), "sigmoid: nothing was learned");
        }
    }
    // Random weights break the symmetry at once.
    let random = Session::new(Config { hidden: vec![6, 6, 6], ..Config::default() }).unwrap();
    assert!(spread(&random) > 0.01);
}

/// The logit (output pre-activation) of `session`'s network at normalized inputs `points`.
fn logits(session: &Session, points: &[[f64; 2]]) -> Vec<f64> {
    let net = session.network();
    let mut ws = Workspace::new(net, points.len());
    let m = ws.load_points(&mut points.iter().copied(), |f, points, out| {
        out.iter_mut().zip(points).for_each(|(out, p)| *out = p[f]);
    });
    net.forward(&mut ws, m);
    ws.z[net.layers.len() - 1].row(0).iter().take(m).copied().collect()
}

/// Largest |f(a) + f(b) − 2 f((a+b)/2)| over pairs of a grid, relative to the largest |f|.
fn non_affinity(session: &Session) -> f64 {
    let grid: Vec<[f64; 2]> = (0..49).map(|k| [(k % 7) as f64 - 3.0, (k / 7) as f64 * 0.9 - 2.7]).collect();
    let mut a = Vec::new();
    let mut b = Vec::new();
    let mut mid = Vec::new();
    for (i, p) in grid.iter().enumerate() {
        let q = grid[(i * 17 + 5) % grid.len()];
        a.push(*p);
        b.push(q);
        mid.push([(p[0] + q[0]) / 2.0, (p[1] + q[1]) / 2.0]);
    }
    let (fa, fb, fm) = (logits(session, &a), logits(session, &b), logits(session, &mid));
    let scale = fa.iter().chain(&fb).fold(0.0f64, |m, v| m.max(v.abs()));
    fa.iter().zip(&fb).zip(&fm).map(|((x, y), z)| (x + y - 2.0 * z).abs()).fold(0.0, f64::max) / scale
}

#[test]
fn a_linear_network_of_any_depth_draws_a_straight_boundary() {
    for depth in [1, 4, 12] {
        let config = Config {
            hidden: vec![8; depth],
            activation: Activation::Linear,
            dataset: Some(Dataset::Circle),
            normalize: Normalize::Standardize,
            learning_rate: 0.01,
            ..Config::default()
        };
        let mut session = Session::new(config).unwrap();
        session.step(500);
        // The logit is an affine function of the input, so its 0 level set (the 0.5 boundary)
        // is a straight line.
        let err = non_affinity(&session);
        assert!(err < 1e-9, "depth {depth}: f(a) + f(b) − 2 f((a+b)/2) = {err} of max |f|");
    }
    let mut tanh =
        Session::new(Config { hidden: vec![8, 8], dataset: Some(Dataset::Circle), ..Config::default() }).unwrap();
    tanh.step(500);
    assert!(non_affinity(&tanh) > 1e-3, "a tanh network bends its boundary");
}

#[test]
fn a_network_without_hidden_layers_has_no_layer_stats() {
    let config = Config { problem: Problem::Regression, hidden: vec![], ..Config::default() };
    assert!(session_stats(&Session::new(config).unwrap(), STATS_POINTS).is_empty());
}
