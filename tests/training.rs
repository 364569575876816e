//! Training reaches known results, runs are reproducible, normalization is fitted on the
//! training split only, and divergence is caught.

use nn_playground::config::{Config, Dataset, Normalize, OptimizerKind, Problem};
use nn_playground::data::normalize::Standardizer;
use nn_playground::nn::activation::Activation;
use nn_playground::nn::batch_norm::Statistics;
use nn_playground::nn::init::Init;
use nn_playground::nn::network::Workspace;
use nn_playground::session::{DivergenceCause, DIVERGENCE_LOSS, HISTORY_RECORDS};
use nn_playground::{Report, Session};

fn train(config: Config, steps: u32) -> Report {
    let mut session = Session::new(config).expect("valid config");
    session.step(steps)
}

#[test]
fn circle_and_xor_reach_95_percent_with_a_small_tanh_net() {
    for dataset in [Dataset::Circle, Dataset::Xor] {
        let config = Config {
            dataset: Some(dataset),
            hidden: vec![8, 8],
            learning_rate: 0.03,
            noise: 0.05,
            ..Config::default()
        };
        let report = train(config, 5000);
        let accuracy = report.test_accuracy.unwrap();
        assert!(accuracy >= 0.95, "{dataset:?}: test accuracy {accuracy}, loss {}", report.test_loss);
    }
}

#[test]
fn spiral_reaches_90_percent_with_a_bigger_net() {
    let config = Config {
        dataset: Some(Dataset::Spiral),
        hidden: vec![16, 16, 16],
        optimizer: OptimizerKind::Adam,
        learning_rate: 0.01,
        normalize: Normalize::Standardize,
        samples: 1000,
        ..Config::default()
    };
    let report = train(config, 20_000);
    let accuracy = report.test_accuracy.unwrap();
    assert!(accuracy >= 0.90, "test accuracy {accuracy}, loss {}", report.test_loss);
}

#[test]
fn regression_fits_the_plane() {
    let config = Config { problem: Problem::Regression, hidden: vec![], learning_rate: 0.01, ..Config::default() };
    let report = train(config, 3000);
    assert!(report.test_loss < 1e-4, "test loss {}", report.test_loss);
    assert_eq!(report.test_accuracy, None);
}

#[test]
fn identical_seeds_give_bit_identical_runs_and_different_seeds_do_not() {
    let config =
        Config { dataset: Some(Dataset::Moons), noise: 0.2, optimizer: OptimizerKind::Adam, ..Config::default() };
    let (mut a, mut b) = (Session::new(config.clone()).unwrap(), Session::new(config.clone()).unwrap());
    let (ra, rb) = (a.step(777), b.step(777));
    assert_eq!(a.network().params, b.network().params);
    assert_eq!(ra.train_loss.to_bits(), rb.train_loss.to_bits());
    let mut c = Session::new(Config { seed: 2, ..config }).unwrap();
    c.step(777);
    assert_ne!(a.network().params, c.network().params);
}

#[test]
fn the_last_partial_batch_is_used_and_ends_the_epoch() {
    // 250 training points in batches of 100: 100, 100, 50, then a new epoch.
    let mut session = Session::new(Config { batch_size: 100, ..Config::default() }).unwrap();
    assert_eq!(session.step(2).epoch, 0);
    let report = session.step(1);
    assert_eq!((report.epoch, report.step), (1, 3));
    assert_eq!(session.step(3).epoch, 2);
}

#[test]
fn batch_size_is_capped_at_the_training_set() {
    let session = Session::new(Config { batch_size: 100_000, samples: 100, ..Config::default() }).unwrap();
    assert_eq!(session.batch_size(), 50);
}

#[test]
fn standardization_is_fitted_on_the_training_split_only() {
    let config =
        Config { normalize: Normalize::Standardize, scale: [3.0, 100.0], offset: [10.0, -4.0], ..Config::default() };
    let session = Session::new(config).unwrap();
    let fitted = session.standardizer().clone();
    let train_only = Standardizer::fit(Normalize::Standardize, session.split().train.x.view());
    assert_eq!(fitted, train_only);
    let all = ndarray::concatenate![ndarray::Axis(0), session.split().train.x, session.split().test.x];
    assert_ne!(fitted, Standardizer::fit(Normalize::Standardize, all.view()));
    // The network's inputs are the training features standardized with these statistics.
    let (inputs, _) = session.training_set();
    let mean: f64 = inputs.column(1).sum() / inputs.nrows() as f64;
    assert!(mean.abs() < 1e-12);
}

#[test]
fn a_diverging_run_stops_keeps_finite_parameters_and_says_why() {
    let config = Config {
        learning_rate: 1e6,
        activation: Activation::Relu,
        hidden: vec![8, 8, 8],
        scale: [100.0, 100.0],
        problem: Problem::Regression,
        ..Config::default()
    };
    let mut session = Session::new(config).unwrap();
    let report = session.step(200);
    assert!(report.diverged, "{report:?}");
    assert!(report.message.as_deref().unwrap_or("").contains("step"));
    assert!(session.network().params.iter().all(|p| p.is_finite()));
    let frozen = session.network().params.clone();
    let again = session.step(10);
    assert_eq!(again.step, report.step, "no update after divergence");
    assert_eq!(session.network().params, frozen);
}

#[test]
fn an_exploded_mini_batch_loss_stops_training_at_its_update() {
    // The first update sends the loss to ~6e17 (see the next test); in the same call, the
    // second update's mini-batch loss, bounded without logarithms, is then computed and flagged.
    let config = Config { learning_rate: 1e6, activation: Activation::Linear, ..Config::default() };
    let mut session = Session::new(config).unwrap();
    let first = session.network().params.clone();
    let report = session.step(2);
    let divergence = report.divergence.expect("why");
    assert_eq!((divergence.cause, divergence.step), (DivergenceCause::Loss, 2), "{divergence:?}");
    assert!(divergence.value > DIVERGENCE_LOSS && report.batch_loss == divergence.value, "{report:?}");
    // Back to the parameters before the update that made the loss explode: the first ones.
    assert_eq!(session.network().params, first);
}

#[test]
fn the_reported_mini_batch_loss_is_that_of_the_last_update() {
    let config = Config { hidden: vec![8, 8], batch_size: 10, ..Config::default() };
    let (mut one_call, mut single_steps) = (Session::new(config.clone()).unwrap(), Session::new(config).unwrap());
    let report = one_call.step(25);
    let last = (0..25).map(|_| single_steps.step(1)).last().unwrap();
    assert!(report.batch_loss.is_finite() && report.batch_loss > 0.0, "{report:?}");
    assert_eq!(report.batch_loss.to_bits(), last.batch_loss.to_bits());
}

#[test]
fn a_reported_loss_that_explodes_is_flagged_at_the_same_step() {
    // One update at this rate sends the training loss to ~6e17 while the mini-batch loss it
    // started from was ~1.3: the report of that very step must say so.
    let config = Config { learning_rate: 1e6, activation: Activation::Linear, ..Config::default() };
    let mut session = Session::new(config).unwrap();
    let report = session.step(1);
    assert!(report.diverged, "{report:?}");
    let divergence = report.divergence.expect("why");
    assert_eq!(divergence.cause, DivergenceCause::TrainLoss);
    assert_eq!(divergence.step, 1);
    assert!(divergence.value > DIVERGENCE_LOSS, "{divergence:?}");
    assert!(report.train_loss.is_finite() && report.train_loss < 10.0, "the last finite state is reported: {report:?}");
    assert_eq!(session.step(5).step, 1, "no update after divergence");
}

#[test]
fn drawn_outputs_agree_with_the_double_precision_predictions() {
    for (hidden, activation) in
        [(vec![8, 8], Activation::Tanh), (vec![6, 4, 3], Activation::Relu), (vec![5], Activation::Sigmoid)]
    {
        let mut session =
            Session::new(Config { hidden: hidden.clone(), activation, noise: 0.2, ..Config::default() }).unwrap();
        session.step(500);
        let grid: Vec<[f64; 2]> =
            (0..400).map(|k| [-6.0 + 0.6 * (k % 20) as f64, 6.0 - 0.6 * (k / 20) as f64]).collect();
        let (mut exact, mut drawn, mut units) = (Vec::new(), Vec::new(), Vec::new());
        session.predict(grid.iter().copied(), &mut exact);
        session.predict_for_drawing(grid.iter().copied(), &mut drawn);
        session.unit_outputs(grid.iter().copied(), grid.len(), &mut units);
        let output_unit = &units[units.len() - grid.len()..]; // the last unit is the output
        for ((e, d), u) in exact.iter().zip(&drawn).zip(output_unit) {
            assert!((e - *d as f64).abs() < 1e-6 && d == u, "{hidden:?}: {e} vs {d} and {u}");
        }
        assert_eq!(units.len(), (hidden.iter().sum::<usize>() + 1) * grid.len());
        // The f32 pass itself, without the f64 fallback: finite logits, the same probabilities.
        let net = session.network();
        let params: Vec<f32> = net.params.iter().map(|&p| p as f32).collect();
        let mut ws = Workspace::<f32>::forward_only(net, grid.len());
        let m = ws.load_points(&mut grid.iter().copied(), |f, points, out| {
            out.iter_mut().zip(points).for_each(|(out, &p)| *out = session.inputs_at(p)[f] as f32);
        });
        net.forward_at(&params, &mut ws, m, Statistics::Running);
        assert!(ws.logits_finite(m));
        assert!(ws.outputs(m).iter().zip(&drawn).all(|(a, b)| a == b), "{hidden:?}: drawn without a fallback");
    }
}

#[test]
fn drawn_outputs_stay_finite_where_activations_overflow_single_precision() {
    // Weights N(0, 100²) through 16 ReLU layers of 64 units: activations grow about 500× a
    // layer, beyond f32's 3.4·10³⁸, where sums of ±∞ would give NaN.
    let config = Config {
        hidden: vec![64; 16],
        activation: Activation::Relu,
        init: Init::Normal,
        init_scale: 100.0,
        ..Config::default()
    };
    let mut session = Session::new(config).unwrap();
    let grid: Vec<[f64; 2]> = (0..300).map(|k| [-6.0 + 0.8 * (k % 15) as f64, 6.0 - 0.6 * (k / 15) as f64]).collect();
    let (mut exact, mut drawn, mut units) = (Vec::new(), Vec::new(), Vec::new());
    session.predict(grid.iter().copied(), &mut exact);
    session.predict_for_drawing(grid.iter().copied(), &mut drawn);
    session.unit_outputs(grid.iter().copied(), grid.len(), &mut units);
    assert!(units.iter().any(|v| v.is_infinite()), "some hidden activation must exceed f32");
    for ((e, d), u) in exact.iter().zip(&drawn).zip(&units[units.len() - grid.len()..]) {
        assert!(d.is_finite() && (e - *d as f64).abs() < 1e-6 && d == u, "{e} vs {d} and {u}");
    }
}

#[test]
fn drawn_outputs_are_not_fooled_by_an_overflow_the_sigmoid_hides() {
    // One linear hidden unit h = 10³⁹·x₁ (∞ in f32), output z = 10⁻³⁹·h = x₁: in f32 the logit is
    // ±∞ and the sigmoid turns it into a plausible 0 or 1; the logits give the overflow away.
    let mut session =
        Session::new(Config { hidden: vec![1], activation: Activation::Linear, ..Config::default() }).unwrap();
    session.set_parameters(&[1e39, 0.0, 0.0, 1e-39, 0.0]).unwrap();
    let grid: Vec<[f64; 2]> = (1..=12).map(|k| [k as f64 * 0.5 - 3.25, 0.0]).collect();
    let (mut exact, mut drawn) = (Vec::new(), Vec::new());
    session.predict(grid.iter().copied(), &mut exact);
    session.predict_for_drawing(grid.iter().copied(), &mut drawn);
    for (e, d) in exact.iter().zip(&drawn) {
        assert!((e - *d as f64).abs() < 1e-6, "{e} vs {d}");
    }
}

#[test]
fn predictions_use_the_training_normalization() {
    let config = Config { normalize: Normalize::Standardize, scale: [1.0, 100.0], ..Config::default() };
    let mut session = Session::new(config).unwrap();
    session.step(2000);
    let points: Vec<[f64; 2]> = session.split().test.x.rows().into_iter().map(|r| [r[0], r[1]]).collect();
    let mut out = Vec::new();
    session.predict(points.into_iter(), &mut out);
    let labels = session.split().test.y.clone();
    let correct = out.iter().zip(&labels).filter(|(p, y)| (**p >= 0.5) == (**y >= 0.5)).count() as f64;
    let reported = session.step(0).test_accuracy.unwrap();
    assert!((correct / labels.len() as f64 - reported).abs() < 1e-12);
    assert!(reported > 0.9);
}

#[test]
fn the_history_stays_bounded_keeping_its_first_and_latest_records_in_order() {
    let mut session = Session::new(Config { samples: 10, ..Config::default() }).unwrap();
    let calls = 3 * HISTORY_RECORDS as u64 + 5;
    for _ in 0..calls {
        session.step(1);
    }
    let history = session.history();
    assert!(history.step.len() <= HISTORY_RECORDS && history.step.len() > HISTORY_RECORDS / 2);
    assert_eq!(history.step[0], 1.0);
    assert_eq!(*history.step.last().unwrap(), calls as f64);
    assert!(history.step.windows(2).all(|w| w[0] < w[1]));
    for column in [&history.batch_loss, &history.train_loss, &history.test_loss] {
        assert_eq!(column.len(), history.step.len());
    }
}
