//! L1 regularization: the cost gains λ₁·Σ|w| wherever the core reports a cost, and training
//! drives most weights of a network that does not need them to within a hair of 0 (subgradient
//! descent leaves them jittering in a band about α·λ₁ wide around 0, not at 0 exactly).

use nn_playground::analysis::explorer::trace;
use nn_playground::analysis::landscape::{surface, SurfaceRequest};
use nn_playground::config::Config;
use nn_playground::Session;

/// The weights of a session's network (biases left out).
fn weights(session: &Session) -> Vec<f64> {
    let net = session.network();
    net.layers.iter().flat_map(|l| net.params[l.weights()].to_vec()).collect()
}

#[test]
fn the_reported_costs_include_the_l1_term() {
    let config = Config { l1: 0.02, l2: 0.01, hidden: vec![4], ..Config::default() };
    let mut session = Session::new(config).unwrap();
    let report = session.step(100);
    let w = weights(&session);
    let penalty = 0.02 * w.iter().map(|w| w.abs()).sum::<f64>() + 0.005 * w.iter().map(|w| w * w).sum::<f64>();
    let current = surface(&session, &SurfaceRequest::default()).unwrap().current;
    assert!(
        (current - report.train_loss - penalty).abs() < 1e-12,
        "surface: {current} vs {} + {penalty}",
        report.train_loss
    );
    let traced = trace(&session, &[0, 1, 2]).unwrap();
    assert!(
        (traced.cost - traced.loss - penalty).abs() < 1e-12,
        "trace: {} vs {} + {penalty}",
        traced.cost,
        traced.loss
    );
}

#[test]
fn l1_drives_most_weights_to_within_a_hair_of_zero_and_the_circle_is_still_solved() {
    let run = |l1| {
        let mut session =
            Session::new(Config { l1, hidden: vec![8, 8], learning_rate: 0.1, ..Config::default() }).unwrap();
        let accuracy = session.step(5000).test_accuracy.unwrap();
        let w = weights(&session);
        (w.iter().filter(|w| w.abs() < 1e-3).count() as f64 / w.len() as f64, w.contains(&0.0), accuracy)
    };
    let (tiny, zero, accuracy) = run(0.0);
    assert!(tiny < 0.05 && !zero && accuracy > 0.95, "without L1: {tiny} tiny, {accuracy}");
    let (tiny, zero, accuracy) = run(0.01);
    assert!(tiny > 0.6, "with λ₁ = 0.01 most weights end within 10⁻³ of 0: {tiny}");
    assert!(!zero, "none exactly 0: the subgradient steps across 0 instead of stopping there");
    assert!(accuracy > 0.95, "the remaining weights still separate the circle: {accuracy}");
}
