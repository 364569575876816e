//! The playground's configuration: serde types with camelCase keys, their defaults, and the
//! validation that turns every out-of-range value into an error naming the key and the value.

use crate::activation::Activation;
use crate::error::{Error, Result};
use crate::init::Init;
use serde::{Deserialize, Serialize};

/// Most hidden layers a network may have.
pub const MAX_HIDDEN_LAYERS: usize = 16;
/// Most units a hidden layer may have.
pub const MAX_UNITS: usize = 128;
/// Fewest and most samples a dataset may have.
pub const SAMPLES_RANGE: (usize, usize) = (10, 5000);
/// Largest magnitude of a feature scale or offset.
pub const MAX_DISTORTION: f64 = 1000.0;

/// The built-in datasets: five for classification, two for regression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Dataset {
    /// A disc of class 1 inside a ring of class 0.
    Circle,
    /// Class 1 in the quadrants where x·y > 0.
    Xor,
    /// Two Gaussian blobs.
    Gauss,
    /// Two interleaved spirals.
    Spiral,
    /// Two interleaving half-moons.
    Moons,
    /// Regression: a tilted plane, target (x1 + x2)/12.
    Plane,
    /// Regression: a sum of Gaussian bumps of either sign.
    Gaussians,
    /// The user's own points, given in the config's `points`.
    Custom,
}

impl Dataset {
    /// The kind of problem the dataset poses (None: the user's points serve either).
    pub fn problem(self) -> Option<Problem> {
        match self {
            Dataset::Plane | Dataset::Gaussians => Some(Problem::Regression),
            Dataset::Custom => None,
            _ => Some(Problem::Classification),
        }
    }
}

/// Whether the network predicts a class (sigmoid + cross-entropy) or a value (linear + MSE).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Problem {
    /// Sigmoid output, binary cross-entropy loss, labels 0/1.
    Classification,
    /// Linear output, half squared error loss, real targets.
    Regression,
}

/// Input normalization, fitted on the training split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Normalize {
    /// Raw features.
    None,
    /// Per feature: subtract the training mean, divide by the training standard deviation.
    Standardize,
}

/// The parameter update rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum OptimizerKind {
    /// w ← w − α g.
    Sgd,
    /// v ← βv + g, w ← w − α v.
    Momentum,
    /// Adam with bias correction.
    Adam,
}

/// Everything that defines a training session. Every key is optional when deserialized.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Config {
    /// The dataset; `None` means circle for classification, plane for regression.
    pub dataset: Option<Dataset>,
    /// Number of points, train and test together (ignored for `custom`).
    pub samples: usize,
    /// The user's points for dataset `custom`: [x0, y0, label0, x1, …] in data coordinates.
    pub points: Vec<f64>,
    /// Noise level in [0, 0.5].
    pub noise: f64,
    /// Fraction of the points used for training, in [0.1, 0.9].
    pub train_fraction: f64,
    /// Seed of the data, the initial weights and the mini-batch order.
    pub seed: u32,
    /// Per-feature factor applied to the raw features.
    pub scale: [f64; 2],
    /// Rotation in degrees applied after scaling and before the offset; with unequal scales it
    /// makes the two features correlated.
    pub rotation: f64,
    /// Per-feature offset added after scaling and rotating.
    pub offset: [f64; 2],
    /// Input normalization.
    pub normalize: Normalize,
    /// Units of each hidden layer; empty for logistic/linear regression.
    pub hidden: Vec<usize>,
    /// Activation of every hidden layer.
    pub activation: Activation,
    /// Initialization of every weight matrix.
    pub init: Init,
    /// Factor on the initial weights (the value itself for `constant`).
    pub init_scale: f64,
    /// Update rule.
    pub optimizer: OptimizerKind,
    /// Step size α.
    pub learning_rate: f64,
    /// Mini-batch size; capped at the training set size.
    pub batch_size: usize,
    /// L2 penalty λ: the cost gains (λ/2)·Σw² over all weights (not biases).
    pub l2: f64,
    /// Momentum coefficient β.
    pub momentum: f64,
    /// Adam's first-moment decay β1.
    pub beta1: f64,
    /// Adam's second-moment decay β2.
    pub beta2: f64,
    /// Adam's ε.
    pub epsilon: f64,
    /// Classification or regression.
    pub problem: Problem,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            dataset: None,
            samples: 500,
            points: Vec::new(),
            noise: 0.0,
            train_fraction: 0.5,
            seed: 1,
            scale: [1.0, 1.0],
            rotation: 0.0,
            offset: [0.0, 0.0],
            normalize: Normalize::None,
            hidden: vec![4, 2],
            activation: Activation::Tanh,
            init: Init::Xavier,
            init_scale: 1.0,
            optimizer: OptimizerKind::Sgd,
            learning_rate: 0.03,
            batch_size: 10,
            l2: 0.0,
            momentum: 0.9,
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-8,
            problem: Problem::Classification,
        }
    }
}

fn check(ok: bool, key: &str, expected: &str, got: impl std::fmt::Display) -> Result<()> {
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(key, expected, got))
    }
}

fn check_in(key: &str, value: f64, lo: f64, hi: f64) -> Result<()> {
    check(value >= lo && value <= hi, key, &format!("between {lo} and {hi}"), value)
}

impl Config {
    /// Checks every value and fills in the dataset default; the returned config is the one a
    /// session runs with. Errors name the key and the value, e.g. "learningRate must be > 0, got -1".
    pub fn validated(mut self) -> Result<Config> {
        let dataset = *self.dataset.get_or_insert(match self.problem {
            Problem::Classification => Dataset::Circle,
            Problem::Regression => Dataset::Plane,
        });
        if let Some(problem) = dataset.problem().filter(|&p| p != self.problem) {
            return Err(Error::new(
                format!("dataset {dataset:?} is for {problem:?}, but problem is {:?}", self.problem).to_lowercase(),
            ));
        }
        self.check_points(dataset)?;
        let (lo, hi) = SAMPLES_RANGE;
        check((lo..=hi).contains(&self.samples), "samples", &format!("between {lo} and {hi}"), self.samples)?;
        check_in("noise", self.noise, 0.0, 0.5)?;
        check_in("trainFraction", self.train_fraction, 0.1, 0.9)?;
        for (i, s) in self.scale.iter().enumerate() {
            let ok = s.is_finite() && *s != 0.0 && s.abs() <= MAX_DISTORTION;
            check(ok, &format!("scale[{i}]"), &format!("non-zero with |scale| ≤ {MAX_DISTORTION}"), s)?;
        }
        check_in("rotation", self.rotation, -360.0, 360.0)?;
        for (i, o) in self.offset.iter().enumerate() {
            check_in(&format!("offset[{i}]"), *o, -MAX_DISTORTION, MAX_DISTORTION)?;
        }
        check(
            self.hidden.len() <= MAX_HIDDEN_LAYERS,
            "hidden",
            &format!("at most {MAX_HIDDEN_LAYERS} layers"),
            format!("{} layers", self.hidden.len()),
        )?;
        for (i, &units) in self.hidden.iter().enumerate() {
            check(
                (1..=MAX_UNITS).contains(&units),
                &format!("hidden[{i}]"),
                &format!("between 1 and {MAX_UNITS} units"),
                units,
            )?;
        }
        check(self.init_scale.is_finite() && self.init_scale >= 0.0, "initScale", "≥ 0", self.init_scale)?;
        check(self.learning_rate.is_finite() && self.learning_rate > 0.0, "learningRate", "> 0", self.learning_rate)?;
        check(self.batch_size >= 1, "batchSize", "≥ 1", self.batch_size)?;
        check(self.l2.is_finite() && self.l2 >= 0.0, "l2", "≥ 0", self.l2)?;
        for (key, value) in [("momentum", self.momentum), ("beta1", self.beta1), ("beta2", self.beta2)] {
            check((0.0..1.0).contains(&value), key, "in [0, 1)", value)?;
        }
        check(self.epsilon.is_finite() && self.epsilon > 0.0, "epsilon", "> 0", self.epsilon)?;
        Ok(self)
    }

    /// The user's points are used with dataset `custom` only, as whole triples of finite
    /// numbers, with labels 0 or 1 for classification.
    fn check_points(&self, dataset: Dataset) -> Result<()> {
        if dataset != Dataset::Custom {
            return check(
                self.points.is_empty(),
                "points",
                "empty unless dataset is \"custom\"",
                format!("{} numbers", self.points.len()),
            );
        }
        let n = self.points.len();
        check(n % 3 == 0, "points", "x, y, label triples (a multiple of 3 numbers)", format!("{n} numbers"))?;
        check(
            (2..=SAMPLES_RANGE.1).contains(&(n / 3)),
            "points",
            &format!("between 2 and {} points", SAMPLES_RANGE.1),
            n / 3,
        )?;
        for (i, &v) in self.points.iter().enumerate() {
            let what = ["x", "y", "label"][i % 3];
            let key = format!("points[{i}] ({what} of point {})", i / 3);
            if what == "label" && self.problem == Problem::Classification {
                check(v == 0.0 || v == 1.0, &key, "0 or 1", v)?;
            } else {
                check_in(&key, v, -1e4, 1e4)?;
            }
        }
        Ok(())
    }

    /// The dataset after defaults (call on a validated config).
    pub fn dataset(&self) -> Dataset {
        self.dataset.unwrap_or(Dataset::Circle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        let c = Config::default().validated().unwrap();
        assert_eq!(c.dataset, Some(Dataset::Circle));
    }

    #[test]
    fn regression_defaults_to_plane() {
        let c = Config { problem: Problem::Regression, ..Config::default() }.validated().unwrap();
        assert_eq!(c.dataset(), Dataset::Plane);
    }

    #[test]
    fn errors_name_key_and_value() {
        let cases: Vec<(Config, &str)> = vec![
            (Config { learning_rate: -1.0, ..Config::default() }, "learningRate must be > 0, got -1"),
            (Config { learning_rate: f64::NAN, ..Config::default() }, "learningRate must be > 0, got NaN"),
            (Config { batch_size: 0, ..Config::default() }, "batchSize must be ≥ 1, got 0"),
            (Config { hidden: vec![3, 0], ..Config::default() }, "hidden[1] must be between 1 and 128 units, got 0"),
            (Config { hidden: vec![2; 17], ..Config::default() }, "hidden must be at most 16 layers, got 17 layers"),
            (Config { noise: 0.9, ..Config::default() }, "noise must be between 0 and 0.5, got 0.9"),
            (Config { scale: [1.0, 0.0], ..Config::default() }, "scale[1] must be non-zero"),
            (Config { dataset: Some(Dataset::Plane), ..Config::default() }, "dataset plane is for regression"),
            (
                Config { dataset: Some(Dataset::Custom), points: vec![1.0, 2.0, 1.0, 3.0], ..Config::default() },
                "points must be x, y, label triples",
            ),
            (
                Config {
                    dataset: Some(Dataset::Custom),
                    points: vec![1.0, 2.0, 1.0, 3.0, 4.0, 2.0],
                    ..Config::default()
                },
                "points[5] (label of point 1) must be 0 or 1, got 2",
            ),
            (
                Config { points: vec![1.0, 2.0, 1.0], ..Config::default() },
                "points must be empty unless dataset is \"custom\"",
            ),
        ];
        for (config, expected) in cases {
            let err = config.validated().unwrap_err();
            assert!(err.message().starts_with(expected), "{} does not start with {expected}", err.message());
        }
    }
}
