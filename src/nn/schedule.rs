//! Learning-rate schedules: the step size α of every update, from the config's learning rate α₀.
//! An optional linear warm-up of W updates comes first, α = α₀·(t + 1)/W for update t < W; then,
//! with s = (t − W)/N decay periods of N updates and the decay rate r:
//! - constant: α₀;
//! - step: α₀·r^⌊s⌋;
//! - exponential: α₀·r^s, computed as exp(s·ln r) (r^0 = 1, even for r = 0);
//! - cosine: α₀·(r + (1 − r)·(1 + cos(π·min(s, 1)))/2), from α₀ down to α₀·r, then flat.

use crate::config::{Config, Schedule};
use std::f64::consts::PI;

/// The learning rate of every update.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LearningRate {
    base: f64,
    schedule: Schedule,
    warmup: u64,
    decay_steps: f64,
    decay_rate: f64,
    /// Updates counted before the first one here (a restored model's): the schedule goes on from
    /// them.
    start: u64,
}

impl LearningRate {
    /// The schedule of `config`, from its first update.
    pub fn new(config: &Config) -> LearningRate {
        LearningRate {
            base: config.learning_rate,
            schedule: config.lr_schedule,
            warmup: config.warmup_steps.into(),
            decay_steps: config.decay_steps.into(),
            decay_rate: config.decay_rate,
            start: 0,
        }
    }

    /// The same schedule going on after `updates` earlier updates.
    pub fn after(self, updates: u64) -> LearningRate {
        LearningRate { start: updates, ..self }
    }

    /// α of update `t` (0 is the first one counted here).
    pub fn at(&self, t: u64) -> f64 {
        let t = self.start.saturating_add(t);
        if t < self.warmup {
            return self.base * (t + 1) as f64 / self.warmup as f64;
        }
        let s = (t - self.warmup) as f64 / self.decay_steps;
        let r = self.decay_rate;
        let factor = match self.schedule {
            Schedule::Constant => return self.base,
            Schedule::Step => r.powi(s as i32),
            Schedule::Exponential if s == 0.0 => 1.0,
            Schedule::Exponential => libm::exp(s * libm::log(r)),
            Schedule::Cosine => r + (1.0 - r) * (1.0 + libm::cos(PI * s.min(1.0))) / 2.0,
        };
        self.base * factor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rates(schedule: Schedule, warmup_steps: u32, updates: &[u64]) -> Vec<f64> {
        let config = Config {
            learning_rate: 0.4,
            lr_schedule: schedule,
            warmup_steps,
            decay_steps: 100,
            decay_rate: 0.5,
            ..Config::default()
        };
        updates.iter().map(|&t| LearningRate::new(&config).at(t)).collect()
    }

    fn close(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(a, b)| (a - b).abs() <= 1e-15)
    }

    #[test]
    fn each_schedule_at_known_updates() {
        let t = [0, 1, 50, 99, 100, 150, 199, 200, 1000];
        assert_eq!(rates(Schedule::Constant, 0, &t), [0.4; 9]);
        assert_eq!(rates(Schedule::Step, 0, &t), [0.4, 0.4, 0.4, 0.4, 0.2, 0.2, 0.2, 0.1, 0.4 / 1024.0]);
        let exponential = rates(Schedule::Exponential, 0, &t);
        let expected = t.map(|t| 0.4 * 0.5f64.powf(t as f64 / 100.0));
        assert!(close(&exponential, &expected), "{exponential:?}");
        assert!(close(&exponential[..5], &[0.4, 0.4 * 0.5f64.powf(0.01), 0.4 / 2f64.sqrt(), expected[3], 0.2]));
        let cosine = rates(Schedule::Cosine, 0, &t);
        assert!(
            close(&[cosine[0], cosine[2], cosine[4], cosine[5], cosine[8]], &[0.4, 0.3, 0.2, 0.2, 0.2]),
            "{cosine:?}"
        );
    }

    #[test]
    fn a_decay_rate_of_zero_starts_from_the_rate_and_ends_at_zero() {
        let at = |lr_schedule, t| {
            let config = Config { lr_schedule, decay_steps: 10, decay_rate: 0.0, ..Config::default() };
            LearningRate::new(&config).at(t)
        };
        assert_eq!([at(Schedule::Exponential, 0), at(Schedule::Exponential, 1)], [0.03, 0.0]);
        assert_eq!([at(Schedule::Step, 9), at(Schedule::Step, 10)], [0.03, 0.0]);
        assert_eq!([at(Schedule::Cosine, 0), at(Schedule::Cosine, 10), at(Schedule::Cosine, 50)], [0.03, 0.0, 0.0]);
    }

    #[test]
    fn a_warm_up_rises_linearly_then_the_schedule_starts() {
        assert!(close(&rates(Schedule::Constant, 4, &[0, 1, 2, 3, 4, 500]), &[0.1, 0.2, 0.3, 0.4, 0.4, 0.4]));
        assert!(close(&rates(Schedule::Step, 10, &[9, 10, 109, 110]), &[0.4, 0.4, 0.4, 0.2]));
    }

    #[test]
    fn a_restored_schedule_goes_on_from_its_updates() {
        let config = Config { lr_schedule: Schedule::Cosine, warmup_steps: 5, ..Config::default() };
        let fresh = LearningRate::new(&config);
        assert_eq!(fresh.after(700).at(3), fresh.at(703));
        assert_eq!(fresh.after(2).at(0), fresh.at(2));
    }
}
