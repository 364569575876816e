//! Backpropagation against central finite differences: every activation × both losses × L2 on
//! and off, on networks of depth 0 to 4, and with L1 away from its kink at w = 0; differences
//! across a kink (a ReLU's, the L1 term's) left out and counted.

use nn_playground::analysis::diagnostics::{gradient_check, session_gradient_check, GRADIENT_CHECK_POINTS};
use nn_playground::config::{Choice, Config, Dataset, Normalize, Problem};
use nn_playground::math::rng::SeededRng;
use nn_playground::nn::activation::Activation;
use nn_playground::nn::batch_norm::BatchNorm;
use nn_playground::nn::init::Init;
use nn_playground::nn::loss::Loss;
use nn_playground::nn::network::{Network, Workspace};
use nn_playground::nn::penalty::Penalty;
use nn_playground::Session;

/// A network with random weights and random non-zero biases, so that no ReLU sits exactly on
/// its kink (where the derivative does not exist and central differences see half a slope).
fn random_network(hidden: &[usize], activation: Activation, loss: Loss, seed: u32) -> Network {
    let mut net = Network::new(2, hidden, activation, loss, BatchNorm::Off);
    let mut rng = SeededRng::new(seed, 9);
    net.initialize(Init::XavierNormal, 1.5, &mut rng);
    for layer in net.layers.clone() {
        for b in &mut net.params[layer.biases()] {
            *b = 0.5 * rng.normal();
        }
    }
    net
}

#[test]
fn backprop_matches_finite_differences_for_every_activation_loss_and_depth() {
    let problems = [(Problem::Classification, Dataset::Spiral), (Problem::Regression, Dataset::Gaussians)];
    for &activation in Activation::ALL {
        for (problem, dataset) in problems {
            let config = Config {
                problem,
                dataset: Some(dataset),
                normalize: Normalize::Standardize,
                noise: 0.1,
                ..Config::default()
            };
            let session = Session::new(config).unwrap();
            let (x, y) = session.training_set();
            for depth in 0..=4 {
                let hidden: Vec<usize> = (0..depth).map(|l| 5 - l).collect();
                for l2 in [0.0, 0.05] {
                    let net = random_network(&hidden, activation, Loss::for_problem(problem, 2), depth as u32);
                    let check = gradient_check(&net, x, y, l2);
                    assert_eq!(check.checked, check.parameters, "a small network is checked in full");
                    let error = check.relative_error;
                    assert!(
                        error <= 1e-6,
                        "{activation:?} {problem:?} hidden {hidden:?} l2 {l2}: relative error {error:e}"
                    );
                }
            }
        }
    }
}

#[test]
fn backprop_matches_finite_differences_with_l1_away_from_zero() {
    let problems = [(Problem::Classification, Dataset::Circle), (Problem::Regression, Dataset::Plane)];
    for &activation in Activation::ALL {
        for (problem, dataset) in problems {
            let session = Session::new(Config { problem, dataset: Some(dataset), ..Config::default() }).unwrap();
            let (x, y) = session.training_set();
            for depth in 0..=3 {
                let hidden: Vec<usize> = (0..depth).map(|l| 4 - l).collect();
                let net = random_network(&hidden, activation, Loss::for_problem(problem, 2), 10 + depth as u32);
                let nearest =
                    net.layers.iter().flat_map(|l| &net.params[l.weights()]).fold(f64::MAX, |m, w| m.min(w.abs()));
                assert!(nearest > 1e-4, "every weight away from the kink, farther than the step: {nearest:e}");
                for penalty in [Penalty { l2: 0.0, l1: 0.05 }, Penalty { l2: 0.05, l1: 0.05 }] {
                    let error = gradient_check(&net, x, y, penalty).relative_error;
                    assert!(error <= 1e-6, "{activation:?} {problem:?} hidden {hidden:?} {penalty:?}: {error:e}");
                }
            }
        }
    }
}

#[test]
fn a_difference_across_a_kink_is_left_out_and_counted() {
    let session = Session::new(Config { dataset: Some(Dataset::Circle), ..Config::default() }).unwrap();
    let (x, y) = session.training_set();
    let loss = Loss::for_problem(Problem::Classification, 2);
    let mut net = random_network(&[4], Activation::Relu, loss, 5);
    let layer = net.layers[0];
    // Unit 0's pre-activation on the first point 3·10⁻⁶ above 0: its bias's step h = 10⁻⁵ crosses the kink.
    let z = net.params[layer.w] * x[[0, 0]] + net.params[layer.w + 1] * x[[0, 1]];
    net.params[layer.b] = 3e-6 - z;

    let n = x.nrows().min(GRADIENT_CHECK_POINTS);
    let mut ws = Workspace::new(&net, n);
    let m = ws.load_batch(x, y, 0..n);
    let mut cost_at = |bias: f64| {
        let mut moved = net.clone();
        moved.params[layer.b] = bias;
        moved.forward(&mut ws, m);
        moved.mean_loss(&mut ws, m)
    };
    let bias = net.params[layer.b];
    let across = (cost_at(bias + 1e-5) - cost_at(bias - 1e-5)) / 2e-5;
    net.forward(&mut ws, m);
    net.backward(&mut ws, m, Penalty::default());
    let backprop = ws.grad[layer.b];
    assert!((across - backprop).abs() > 1e-3 * backprop.abs(), "across the kink: {across} vs {backprop}");

    let check = gradient_check(&net, x, y, 0.0);
    assert!((1..=3).contains(&check.straddled), "the bias and the weights of inputs above 0.3: {check:?}");
    assert!(check.relative_error <= 1e-6, "{check:?}");
    net.activation = Activation::Tanh;
    assert_eq!(gradient_check(&net, x, y, 0.0).straddled, 0, "tanh has no kink");

    // A weight within the step of 0 straddles the L1 term's kink.
    let mut smooth = random_network(&[3], Activation::Tanh, loss, 6);
    smooth.params[smooth.layers[1].w] = 2e-6;
    let l1 = Penalty { l2: 0.0, l1: 0.05 };
    let check = gradient_check(&smooth, x, y, l1);
    assert!(check.straddled == 1 && check.relative_error <= 1e-6, "{check:?}");
}

#[test]
fn the_session_checks_its_own_gradient_during_training() {
    let mut session = Session::new(Config { l2: 0.01, ..Config::default() }).unwrap();
    session.step(200);
    let error = session_gradient_check(&session).relative_error;
    assert!(error <= 1e-6, "relative error {error:e}");
}

#[test]
fn a_big_network_is_checked_on_a_seeded_sample_of_its_parameters() {
    let config = Config { hidden: vec![128; 16], samples: 200, ..Config::default() };
    let mut session = Session::new(config).unwrap();
    session.step(3);
    let check = session_gradient_check(&session);
    assert_eq!(check.parameters, session.network().params.len());
    assert!((100..check.parameters / 100).contains(&check.checked), "{check:?}");
    assert_eq!(check.points, 64);
    assert!(check.relative_error <= 1e-6, "{check:?}");
    assert_eq!(session_gradient_check(&session), check, "the sample is the same every time");
}
