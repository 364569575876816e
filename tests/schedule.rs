//! Learning-rate schedules in training: the rate each report gives is the one the updates use,
//! a warm-up's first update is that of a smaller constant rate, a schedule that never decays is
//! the constant run bit for bit, and a restored model's schedule goes on where it was.

use nn_playground::config::{Config, OptimizerKind, Schedule};
use nn_playground::session::model::Model;
use nn_playground::Session;

fn session(config: Config) -> Session {
    Session::new(config).unwrap()
}

#[test]
fn reports_and_history_give_the_rate_of_the_next_update() {
    let config = Config { lr_schedule: Schedule::Step, decay_steps: 100, decay_rate: 0.5, ..Config::default() };
    let mut s = session(config);
    assert_eq!(s.step(0).learning_rate, 0.03);
    assert_eq!(s.step(99).learning_rate, 0.03);
    assert_eq!(s.step(1).learning_rate, 0.015);
    assert_eq!(s.step(150).learning_rate, 0.0075);
    assert_eq!(s.history().learning_rate, [0.03, 0.03, 0.015, 0.0075]);
}

#[test]
fn a_warm_up_starts_with_the_update_of_a_smaller_constant_rate() {
    for optimizer in [OptimizerKind::Sgd, OptimizerKind::Momentum, OptimizerKind::Adam] {
        let warm = Config { optimizer, learning_rate: 0.3, warmup_steps: 10, ..Config::default() };
        let small = Config { optimizer, learning_rate: 0.3 / 10.0, ..Config::default() };
        let (mut a, mut b) = (session(warm), session(small));
        assert_eq!(a.step(1).train_loss.to_bits(), b.step(1).train_loss.to_bits(), "{optimizer:?}");
        assert_eq!(a.network().params, b.network().params, "{optimizer:?}");
        assert!((a.step(0).learning_rate - 0.06).abs() < 1e-17, "then 2/10 of the rate");
        assert_eq!(a.step(9).learning_rate, 0.3, "then the whole rate");
    }
}

#[test]
fn a_schedule_that_never_decays_is_the_constant_run_bit_for_bit() {
    for lr_schedule in [Schedule::Step, Schedule::Exponential, Schedule::Cosine] {
        let config = Config {
            lr_schedule,
            decay_steps: 7,
            decay_rate: 1.0,
            optimizer: OptimizerKind::Adam,
            ..Config::default()
        };
        let (mut scheduled, mut constant) =
            (session(config.clone()), session(Config { lr_schedule: Schedule::Constant, ..config }));
        assert_eq!(scheduled.step(300), constant.step(300), "{lr_schedule:?}");
        assert_eq!(scheduled.network().params, constant.network().params, "{lr_schedule:?}");
    }
}

#[test]
fn decaying_rates_still_train_and_end_slower_than_they_start() {
    for lr_schedule in [Schedule::Step, Schedule::Exponential, Schedule::Cosine] {
        let config = Config {
            lr_schedule,
            learning_rate: 0.3,
            warmup_steps: 50,
            decay_steps: 1000,
            decay_rate: 0.1,
            hidden: vec![8],
            ..Config::default()
        };
        let mut s = session(config);
        let report = s.step(2000);
        assert!(report.test_accuracy.unwrap() > 0.95, "{lr_schedule:?}: {report:?}");
        assert!(report.learning_rate < 0.3 * 0.11, "{lr_schedule:?}: α = {}", report.learning_rate);
    }
}

#[test]
fn a_restored_model_goes_on_with_its_schedule() {
    let config = Config { lr_schedule: Schedule::Cosine, warmup_steps: 20, decay_steps: 500, ..Config::default() };
    let mut original = session(config);
    original.step(270);
    let mut restored = Model::of(&original).restore().unwrap();
    assert_eq!(restored.steps(), 0, "the update count starts afresh");
    for n in [0, 1, 100, 400] {
        assert_eq!(restored.step(n).learning_rate, original.step(n).learning_rate, "after {n} more updates");
    }
}
