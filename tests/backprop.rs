//! The backprop explorer shows what training computes, optimizers behave as their formulas say,
//! and the mini-batch loss is noisier for smaller batches.

use nn_playground::analysis::diagnostics::loss_noise;
use nn_playground::analysis::explorer;
use nn_playground::config::{Config, Dataset, OptimizerKind};
use nn_playground::nn::optim::Optimizer;
use nn_playground::Session;

#[test]
fn the_explorer_shows_the_gradient_training_applies() {
    for l2 in [0.0, 0.01] {
        let mut session = Session::new(Config { hidden: vec![3, 2], l2, batch_size: 7, ..Config::default() }).unwrap();
        session.step(13);
        let rows = session.next_batch().to_vec();
        assert_eq!(rows.len(), 7);
        let trace = explorer::trace(&session, &rows).unwrap();
        let before = session.network().params.clone();
        session.step(1);
        let net = session.network();
        for (layer, shape) in trace.layers.iter().zip(&net.layers) {
            // Bit-identical: the same forward/backward code ran on the same examples.
            assert_eq!(layer.grad_weights, session.last_gradient()[shape.weights()]);
            assert_eq!(layer.grad_biases, session.last_gradient()[shape.biases()]);
            for (k, i) in shape.weights().enumerate() {
                let applied = (before[i] - net.params[i]) / 0.03;
                assert!((applied - layer.grad_weights[k]).abs() <= 1e-12 * layer.grad_weights[k].abs().max(1e-3));
            }
        }
        // Shapes: δ and z are units × m; the output layer's δ is (ŷ − y)/m.
        let out = trace.layers.last().unwrap();
        assert_eq!((out.z.len(), out.delta.len()), (7, 7));
        for s in 0..7 {
            assert!((out.delta[s] - (out.a[s] - trace.targets[s]) / 7.0).abs() < 1e-15);
        }
        assert_eq!(trace.layers[0].delta.len(), 3 * 7);
    }
}

#[test]
fn the_explorer_rejects_rows_outside_the_training_set() {
    let session = Session::new(Config::default()).unwrap();
    assert!(explorer::trace(&session, &[0, 250])
        .unwrap_err()
        .message()
        .starts_with("rows[1] must be ≥ 0 and < 250, got 250"));
    assert!(explorer::trace(&session, &[]).is_err());
}

/// Steps until ½(w₁² + 100·w₂²) < 1e-10 from (1, 1).
fn steps_on_ill_conditioned_quadratic(kind: OptimizerKind, learning_rate: f64) -> usize {
    let config = Config { optimizer: kind, learning_rate, momentum: 0.9, ..Config::default() };
    let mut optimizer = Optimizer::new(&config, 2);
    let mut w = [1.0, 1.0];
    for step in 1..=100_000 {
        let (grad, from) = ([w[0], 100.0 * w[1]], w);
        optimizer.update(&from, &mut w, &grad);
        if 0.5 * (w[0] * w[0] + 100.0 * w[1] * w[1]) < 1e-10 {
            return step;
        }
    }
    100_000
}

#[test]
fn momentum_reaches_the_target_in_fewer_steps_than_sgd_on_an_ill_conditioned_quadratic() {
    // Each at a good rate for it: SGD at 2/(λmax + λmin), momentum (β = 0.9) at 1/λmax.
    let sgd = steps_on_ill_conditioned_quadratic(OptimizerKind::Sgd, 2.0 / 101.0);
    let momentum = steps_on_ill_conditioned_quadratic(OptimizerKind::Momentum, 0.01);
    assert!(momentum < sgd / 2, "momentum {momentum} vs SGD {sgd}");
}

#[test]
fn smaller_batches_give_a_noisier_batch_loss() {
    let noise = |batch_size: usize| {
        let config = Config {
            dataset: Some(Dataset::Moons),
            hidden: vec![6],
            batch_size,
            noise: 0.2,
            learning_rate: 0.01,
            ..Config::default()
        };
        let mut session = Session::new(config).unwrap();
        session.step(2000); // past the initial descent
        for _ in 0..600 {
            session.step(1);
        }
        let losses = &session.history().batch_loss;
        loss_noise(&losses[losses.len() - 600..], 21).unwrap()
    };
    let (one, hundred) = (noise(1), noise(100));
    assert!(one >= 3.0 * hundred, "batch 1: {one}, batch 100: {hundred}");
}
