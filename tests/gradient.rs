//! Backpropagation against central finite differences: every activation × both losses × L2 on
//! and off, on networks of depth 0 to 4, and with L1 away from its kink at w = 0.

use nn_playground::analysis::diagnostics::{gradient_check, session_gradient_check};
use nn_playground::config::{Choice, Config, Dataset, Normalize, Problem};
use nn_playground::math::rng::SeededRng;
use nn_playground::nn::activation::Activation;
use nn_playground::nn::batch_norm::BatchNorm;
use nn_playground::nn::init::Init;
use nn_playground::nn::loss::Loss;
use nn_playground::nn::network::Network;
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
