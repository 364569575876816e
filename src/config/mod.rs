//! The playground's configuration, described once: [`CONFIG_SETTINGS`] holds every key with its
//! type, default, limits and choices, next to the field it fills. The table reads configs from
//! plain data ([`Config::from_value`]), checks configs built in Rust ([`Config::validated`]) and
//! is exported to JS (`configSchema()`), where the pages build their defaults, link parsers,
//! field limits and menus from it.

mod choice;
mod schema;
mod value;

pub(crate) use choice::choices;
pub use choice::Choice;
pub(crate) use schema::settings;
pub use schema::{Field, Kind, Range, Setting};
pub use value::Value;

use crate::data::features::{self, Feature};
use crate::error::{Code, Error, Result};
use crate::nn::activation::Activation;
use crate::nn::batch_norm::BatchNorm;
use crate::nn::init::Init;

/// Most hidden layers a network may have.
pub const MAX_HIDDEN_LAYERS: usize = 16;
/// Most units a hidden layer may have.
pub const MAX_UNITS: usize = 128;
/// Most points of a dataset (built-in or the user's).
pub const MAX_SAMPLES: usize = 5000;
/// Largest magnitude of a feature scale or offset.
pub const MAX_DISTORTION: f64 = 1000.0;
/// Largest magnitude of a coordinate or target of the user's points.
pub const MAX_COORDINATE: f64 = 1e4;
/// Most classes of a classification.
pub const MAX_CLASSES: usize = 6;

choices! {
    /// The built-in datasets: six for classification, two for regression, and the user's own.
    pub enum Dataset {
        /// A disc of class 1 inside a ring of class 0.
        Circle = "circle",
        /// Class 1 in the quadrants where x·y > 0.
        Xor = "xor",
        /// Gaussian blobs, one per class.
        Gauss = "gauss",
        /// Interleaved spirals, one arm per class.
        Spiral = "spiral",
        /// Two interleaving half-moons.
        Moons = "moons",
        /// A pinwheel, one swirled blade per class.
        Pinwheel = "pinwheel",
        /// Regression: a tilted plane, target (x1 + x2)/12.
        Plane = "plane",
        /// Regression: a sum of Gaussian bumps of either sign.
        Gaussians = "gaussians",
        /// The user's own points, given in the config's `points`.
        Custom = "custom",
    }
}

impl Dataset {
    /// Whether the dataset can have more than two classes.
    pub fn many_classes(self) -> bool {
        matches!(self, Dataset::Gauss | Dataset::Spiral | Dataset::Pinwheel | Dataset::Custom)
    }

    /// The kind of problem the dataset poses (None: the user's points serve either).
    pub fn problem(self) -> Option<Problem> {
        match self {
            Dataset::Plane | Dataset::Gaussians => Some(Problem::Regression),
            Dataset::Custom => None,
            _ => Some(Problem::Classification),
        }
    }
}

choices! {
    /// Whether the network predicts a class (sigmoid + cross-entropy) or a value (linear + MSE).
    pub enum Problem {
        /// Sigmoid output, binary cross-entropy loss, labels 0/1.
        Classification = "classification",
        /// Linear output, half squared error loss, real targets.
        Regression = "regression",
    }
}

impl Problem {
    /// The dataset a config of this problem type uses when it names none.
    pub fn default_dataset(self) -> Dataset {
        match self {
            Problem::Classification => Dataset::Circle,
            Problem::Regression => Dataset::Plane,
        }
    }
}

choices! {
    /// Input normalization, fitted on the training split.
    pub enum Normalize {
        /// Raw features.
        None = "none",
        /// Per feature: subtract the training mean, divide by the training standard deviation.
        Standardize = "standardize",
    }
}

choices! {
    /// The parameter update rule.
    pub enum OptimizerKind {
        /// w ← w − α g.
        Sgd = "sgd",
        /// v ← βv + g, w ← w − α v.
        Momentum = "momentum",
        /// Adam with bias correction.
        Adam = "adam",
    }
}

choices! {
    /// How the learning rate changes over the updates after the warm-up (see
    /// [`crate::nn::schedule`]).
    pub enum Schedule {
        /// α throughout.
        Constant = "constant",
        /// α multiplied by `decayRate` every `decaySteps` updates.
        Step = "step",
        /// α multiplied by `decayRate` over every `decaySteps` updates, smoothly.
        Exponential = "exponential",
        /// Half a cosine from α down to α·`decayRate` over `decaySteps` updates, then flat.
        Cosine = "cosine",
    }
}

const fn number(range: Range) -> Kind {
    Kind::Number { range }
}

const fn integer(min: f64, max: f64) -> Kind {
    Kind::Integer { range: Range::closed(min, max) }
}

const fn choice<T: Choice>() -> Kind {
    Kind::Choice { choices: T::NAMES }
}

settings! {
    /// Everything that defines a training session. Every key is optional when read.
    pub struct Config in CONFIG_SETTINGS {
        /// Classification or regression.
        problem: Problem = "problem", Problem::Classification, choice::<Problem>();
        /// The dataset; when absent, circle for classification and plane for regression.
        dataset: Option<Dataset> = "dataset", None, choice::<Dataset>();
        /// The user's points for dataset `custom`: [x0, y0, label0, x1, …] in data coordinates.
        points: Vec<f64> = "points", Vec::new(),
            Kind::Points { max_points: MAX_SAMPLES, range: Range::closed(-MAX_COORDINATE, MAX_COORDINATE) };
        /// Number of classes of a classification: 2 (a sigmoid output), or 3 to 6 (a softmax
        /// output, for the Gauss, spiral and pinwheel datasets and the user's points).
        classes: usize = "classes", 2, integer(2.0, MAX_CLASSES as f64);
        /// Number of points, train and test together (ignored for `custom`).
        samples: usize = "samples", 500, integer(10.0, MAX_SAMPLES as f64);
        /// Noise level.
        noise: f64 = "noise", 0.0, number(Range::closed(0.0, 0.5));
        /// Fraction of the points used for training.
        train_fraction: f64 = "trainFraction", 0.5, number(Range::closed(0.1, 0.9));
        /// Seed of the data, the initial weights and the mini-batch order (a `Playground` given
        /// none draws a fresh one; the default is `defaultConfig()`'s).
        seed: u32 = "seed", 1, integer(0.0, u32::MAX as f64);
        /// Per-feature factor applied to the raw features.
        scale: [f64; 2] = "scale", [1.0, 1.0],
            Kind::Pair { range: Range::closed(-MAX_DISTORTION, MAX_DISTORTION), non_zero: true };
        /// Rotation in degrees applied after scaling and before the offset; with unequal scales it
        /// makes the two features correlated.
        rotation: f64 = "rotation", 0.0, number(Range::closed(-360.0, 360.0));
        /// Per-feature offset added after scaling and rotating.
        offset: [f64; 2] = "offset", [0.0, 0.0],
            Kind::Pair { range: Range::closed(-MAX_DISTORTION, MAX_DISTORTION), non_zero: false };
        /// The network's inputs, computed from each point's (x₁, x₂) before the normalization:
        /// any of x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂ (kept in that order).
        features: Vec<Feature> = "features", features::coordinates(), Kind::Set { choices: Feature::NAMES };
        /// Input normalization, fitted on the training split's features.
        normalize: Normalize = "normalize", Normalize::None, choice::<Normalize>();
        /// Units of each hidden layer; empty for logistic/linear regression.
        hidden: Vec<usize> = "hidden", vec![4, 2],
            Kind::Layers { max_layers: MAX_HIDDEN_LAYERS, range: Range::closed(1.0, MAX_UNITS as f64) };
        /// Activation of every hidden layer.
        activation: Activation = "activation", Activation::Tanh, choice::<Activation>();
        /// Batch normalization of every hidden layer's pre-activations.
        batch_norm: BatchNorm = "batchNorm", BatchNorm::Off, choice::<BatchNorm>();
        /// Initialization of every weight matrix.
        init: Init = "init", Init::Xavier, choice::<Init>();
        /// Factor on the initial weights (the value itself for `constant`).
        init_scale: f64 = "initScale", 1.0, number(Range::closed(0.0, 1e6));
        /// Update rule.
        optimizer: OptimizerKind = "optimizer", OptimizerKind::Sgd, choice::<OptimizerKind>();
        /// Step size α.
        learning_rate: f64 = "learningRate", 0.03, number(Range::above(0.0, 1e6));
        /// How α changes after the warm-up: constant, step, exponential or cosine decay.
        lr_schedule: Schedule = "lrSchedule", Schedule::Constant, choice::<Schedule>();
        /// Updates over which α first rises linearly to its value (0: no warm-up).
        warmup_steps: u32 = "warmupSteps", 0, integer(0.0, 1e6);
        /// Updates of one decay period: step and exponential multiply α by `decayRate` over each,
        /// cosine reaches α·`decayRate` at its end.
        decay_steps: u32 = "decaySteps", 1000, integer(1.0, 1e6);
        /// Factor of α over one decay period.
        decay_rate: f64 = "decayRate", 0.1, number(Range::closed(0.0, 1.0));
        /// Mini-batch size; capped at the training set size.
        batch_size: usize = "batchSize", 10, integer(1.0, 1e6);
        /// L2 penalty λ: the cost gains (λ/2)·Σw² over all weights (not biases).
        l2: f64 = "l2", 0.0, number(Range::closed(0.0, 1e6));
        /// L1 penalty λ₁: the cost gains λ₁·Σ|w| over all weights (not biases); its subgradient at
        /// w = 0 is 0.
        l1: f64 = "l1", 0.0, number(Range::closed(0.0, 1e6));
        /// Momentum coefficient β.
        momentum: f64 = "momentum", 0.9, number(Range::below(0.0, 1.0));
        /// Adam's first-moment decay β1.
        beta1: f64 = "beta1", 0.9, number(Range::below(0.0, 1.0));
        /// Adam's second-moment decay β2.
        beta2: f64 = "beta2", 0.999, number(Range::below(0.0, 1.0));
        /// Adam's ε.
        epsilon: f64 = "epsilon", 1e-8, number(Range::above(0.0, 1.0));
    }
}

impl Config {
    /// Checks every value and fills in the dataset default; the returned config is the one a
    /// session runs with. Errors name the key and the value, e.g. "learningRate must be > 0 and
    /// ≤ 1000000, got -1".
    pub fn validated(mut self) -> Result<Config> {
        self.check_settings()?;
        self.features = features::canonical(self.features);
        let dataset = *self.dataset.get_or_insert(self.problem.default_dataset());
        if let Some(problem) = dataset.problem().filter(|&p| p != self.problem) {
            return Err(Error::new(Code::DatasetProblem, "dataset")
                .with("dataset", dataset.name())
                .with("datasetProblem", problem.name())
                .with("problem", self.problem.name()));
        }
        self.check_classes(dataset)?;
        self.check_points(dataset)?;
        Ok(self)
    }

    /// More than two classes are for classification, on a dataset that has them.
    fn check_classes(&self, dataset: Dataset) -> Result<()> {
        if self.classes == 2 {
            return Ok(());
        }
        let error = Error::new(Code::TwoClasses, "classes").with("got", self.classes);
        match (self.problem, dataset.many_classes()) {
            (Problem::Regression, _) => Err(error.with("problem", self.problem.name())),
            (_, false) => Err(error.with("dataset", dataset.name())),
            _ => Ok(()),
        }
    }

    /// The user's points are used with dataset `custom` only, at least two of them, with labels
    /// 0 … classes − 1 for classification.
    fn check_points(&self, dataset: Dataset) -> Result<()> {
        let n = self.points.len();
        if dataset != Dataset::Custom {
            return if n == 0 { Ok(()) } else { Err(Error::new(Code::PointsUnused, "points").with("got", n)) };
        }
        if n < 6 {
            return Err(Error::new(Code::WrongLength, "points").with("expected", 6.0).with("got", n));
        }
        if self.problem == Problem::Classification {
            let last = (self.classes - 1) as f64;
            let label = |x: f64| x.fract() == 0.0 && (0.0..=last).contains(&x);
            if let Some(i) = (2..n).step_by(3).find(|&i| !label(self.points[i])) {
                return Err(Error::new(Code::NotALabel, format!("points[{i}]"))
                    .with("got", self.points[i])
                    .with("max", last));
            }
        }
        Ok(())
    }

    /// The dataset after defaults (call on a validated config).
    pub fn dataset(&self) -> Dataset {
        self.dataset.unwrap_or(self.problem.default_dataset())
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
    fn every_setting_has_a_unique_key_and_limits_its_default_obeys() {
        let defaults = Config::default();
        defaults.check_settings().unwrap();
        let mut keys: Vec<&str> = CONFIG_SETTINGS.iter().map(|s| s.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), CONFIG_SETTINGS.len());
    }

    #[test]
    fn errors_name_key_code_and_value() {
        let cases: Vec<(Config, Code, &str, &str)> = vec![
            (
                Config { learning_rate: -1.0, ..Config::default() },
                Code::OutOfRange,
                "learningRate",
                "learningRate must be > 0 and ≤ 1000000, got -1",
            ),
            (
                Config { learning_rate: f64::NAN, ..Config::default() },
                Code::OutOfRange,
                "learningRate",
                "learningRate must be > 0 and ≤ 1000000, got NaN",
            ),
            (
                Config { learning_rate: 1e308, ..Config::default() },
                Code::OutOfRange,
                "learningRate",
                "learningRate must be > 0 and ≤ 1000000, got 1e308",
            ),
            (
                Config { batch_size: 0, ..Config::default() },
                Code::OutOfRange,
                "batchSize",
                "batchSize must be between 1 and 1000000, got 0",
            ),
            (
                Config { hidden: vec![3, 0], ..Config::default() },
                Code::OutOfRange,
                "hidden[1]",
                "hidden[1] must be between 1 and 128, got 0",
            ),
            (
                Config { hidden: vec![2; 17], ..Config::default() },
                Code::TooLarge,
                "hidden",
                "hidden must have at most 16 layers, got 17",
            ),
            (
                Config { noise: 0.9, ..Config::default() },
                Code::OutOfRange,
                "noise",
                "noise must be between 0 and 0.5, got 0.9",
            ),
            (Config { scale: [1.0, 0.0], ..Config::default() }, Code::Zero, "scale[1]", "scale[1] must not be 0"),
            (
                Config { dataset: Some(Dataset::Plane), ..Config::default() },
                Code::DatasetProblem,
                "dataset",
                "dataset plane is for regression, but problem is classification",
            ),
            (
                Config { dataset: Some(Dataset::Custom), points: vec![1.0, 2.0, 1.0, 3.0], ..Config::default() },
                Code::WrongLength,
                "points",
                "points must hold a multiple of 3 numbers, got 4",
            ),
            (
                Config {
                    dataset: Some(Dataset::Custom),
                    points: vec![1.0, 2.0, 1.0, 3.0, 4.0, 2.0],
                    ..Config::default()
                },
                Code::NotALabel,
                "points[5]",
                "points[5] must be a class label, 0 or 1, got 2",
            ),
            (
                Config { points: vec![1.0, 2.0, 1.0], ..Config::default() },
                Code::PointsUnused,
                "points",
                "points must be empty unless dataset is \"custom\", got 3 numbers",
            ),
        ];
        for (config, code, key, message) in cases {
            let err = config.validated().unwrap_err();
            assert_eq!((err.code(), err.key(), err.message().as_str()), (code, key, message));
        }
    }

    #[test]
    fn plain_values_are_read_through_the_table() {
        let object =
            |entries: Vec<(&str, Value)>| Value::Object(entries.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
        let config = Config::from_value(&object(vec![
            ("learningRate", Value::Number(0.1)),
            ("hidden", Value::List(vec![Value::Number(8.0), Value::Number(8.0)])),
            ("activation", Value::Text("relu".into())),
            ("dataset", Value::Null),
        ]))
        .unwrap();
        assert_eq!((config.learning_rate, config.hidden.as_slice()), (0.1, &[8, 8][..]));
        assert_eq!((config.activation, config.dataset), (Activation::Relu, None));
        let err = |entries| Config::from_value(&object(entries)).unwrap_err();
        let unknown = err(vec![("learningrate", Value::Number(0.1))]);
        assert_eq!((unknown.code(), unknown.key()), (Code::UnknownKey, "learningrate"));
        let choice = err(vec![("activation", Value::Text("swish".into()))]);
        assert_eq!((choice.code(), choice.key()), (Code::UnknownChoice, "activation"));
        let wrong = err(vec![("samples", Value::Text("500".into()))]);
        assert_eq!(wrong.message(), "samples must be a number, got a string");
        let layer = err(vec![("hidden", Value::List(vec![Value::Number(2.5)]))]);
        assert_eq!((layer.code(), layer.key()), (Code::NotWhole, "hidden[0]"));
        assert_eq!(Config::from_value(&Value::Number(3.0)).unwrap_err().code(), Code::WrongType);
    }
}
