//! The training session: the data, the network and its optimizer, mini-batches reshuffled every
//! epoch from the seed, and what training leaves behind (reports, the history of losses, the
//! optimizer's path). The training loop is in `training`, the network's outputs at points (exact,
//! and in single precision for drawing) in `outputs`, the exported model in [`model`], the path
//! in [`trajectory`].

pub mod model;
mod outputs;
mod training;
pub mod trajectory;

use crate::config::{Config, Range};
use crate::data::features::{self, FeatureRow};
use crate::data::normalize::Standardizer;
use crate::data::{self, Split};
use crate::error::{Code, Error, Result};
use crate::math::rng::SeededRng;
use crate::nn::loss::Loss;
use crate::nn::network::{elements, Network, Workspace};
use crate::nn::optim::Optimizer;
use ndarray::{Array2, ArrayView2};
use trajectory::Trajectory;

pub use outputs::{DrawingPass, Precision};
pub use training::{Divergence, DivergenceCause, History, Report, Subset, DIVERGENCE_LOSS, HISTORY_RECORDS};

/// Random stream of the initial weights.
const INIT_STREAM: u32 = 1;
/// Random stream of the mini-batch order.
const BATCH_STREAM: u32 = 2;
/// Rows evaluated per forward pass when scoring whole sets or grids.
const EVAL_CHUNK: usize = 256;

/// A network being trained on one dataset.
pub struct Session {
    config: Config,
    split: Split,
    standardizer: Standardizer,
    /// Normalized features the network sees, row for row with `split`.
    train_inputs: Array2<f64>,
    test_inputs: Array2<f64>,
    net: Network,
    batch: Workspace,
    eval: Workspace,
    /// The single-precision passes of what is only drawn.
    draw: DrawingPass,
    optimizer: Optimizer,
    batch_rng: SeededRng,
    order: Vec<usize>,
    cursor: usize,
    epoch: u64,
    step: u64,
    batch_loss: f64,
    backup: Vec<f64>,
    divergence: Option<Divergence>,
    history: History,
    trajectory: Trajectory,
}

impl Session {
    /// A fresh session: validates the config, generates the data, fits the normalization on the
    /// training split, and initializes the weights.
    pub fn new(config: Config) -> Result<Session> {
        let config = config.validated()?;
        let split = data::generate(&config);
        let train_features = features::matrix(&config.features, split.train.x.view());
        let standardizer = Standardizer::fit(config.normalize, train_features.view());
        let train_inputs = standardizer.transform(train_features.view());
        let test_inputs = standardizer.transform(features::matrix(&config.features, split.test.x.view()).view());
        let loss = Loss::for_problem(config.problem, config.classes);
        let mut net = Network::new(config.features.len(), &config.hidden, config.activation, loss, config.batch_norm);
        net.initialize(config.init, config.init_scale, &mut SeededRng::new(config.seed, INIT_STREAM));
        let n_train = split.train.len();
        let batch_size = config.batch_size.min(n_train);
        let mut batch_rng = SeededRng::new(config.seed, BATCH_STREAM);
        let mut order: Vec<usize> = (0..n_train).collect();
        batch_rng.shuffle(&mut order);
        Ok(Session {
            batch: Workspace::new(&net, batch_size),
            eval: Workspace::forward_only(&net, EVAL_CHUNK),
            draw: DrawingPass::new(&net, EVAL_CHUNK),
            optimizer: Optimizer::new(&config, net.params.len()),
            backup: net.params.clone(),
            trajectory: Trajectory::new(&net.params),
            config,
            split,
            standardizer,
            train_inputs,
            test_inputs,
            net,
            batch_rng,
            order,
            cursor: 0,
            epoch: 0,
            step: 0,
            batch_loss: f64::NAN,
            divergence: None,
            history: History::default(),
        })
    }

    /// A new session like this one (same data, initial weights and batch order) with another
    /// learning rate.
    pub fn with_learning_rate(&self, learning_rate: f64) -> Result<Session> {
        Session::new(Config { learning_rate, ..self.config.clone() })
    }

    /// The validated config the session runs with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The network being trained.
    pub fn network(&self) -> &Network {
        &self.net
    }

    /// Mini-batch updates so far.
    pub fn steps(&self) -> u64 {
        self.step
    }

    /// Lets the learning-rate schedule go on after `updates` earlier updates (those of an
    /// imported model); the update count itself starts at 0.
    pub fn continue_schedule_after(&mut self, updates: u64) {
        self.optimizer.continue_schedule_after(updates);
    }

    /// Replaces the parameters (e.g. of an imported model); the path starts again from them.
    pub fn set_parameters(&mut self, parameters: &[f64]) -> Result<()> {
        let expected = self.net.params.len();
        if parameters.len() != expected {
            return Err(Error::new(Code::WrongLength, "parameters")
                .with("expected", expected)
                .with("got", parameters.len()));
        }
        self.net.params.copy_from_slice(parameters);
        self.backup.copy_from_slice(parameters);
        self.trajectory = Trajectory::new(parameters);
        Ok(())
    }

    /// Replaces the running statistics of the batch-normalized layers (e.g. of an imported
    /// model): each layer's means, then its variances (finite, variances ≥ 0).
    pub fn set_running_statistics(&mut self, running: &[f64]) -> Result<()> {
        const KEY: &str = "runningStatistics";
        let expected = self.net.running.len();
        if running.len() != expected {
            return Err(Error::new(Code::WrongLength, KEY).with("expected", expected).with("got", running.len()));
        }
        for layer in &self.net.layers {
            let Some(norm) = layer.norm else { continue };
            let variances = norm.running + layer.n_out;
            for (i, &value) in running.iter().enumerate().take(variances + layer.n_out).skip(norm.running) {
                let range = if i < variances { Range::FINITE } else { Range::closed(0.0, f64::MAX) };
                range.check(&format!("{KEY}[{i}]"), value)?;
            }
        }
        self.net.running.copy_from_slice(running);
        Ok(())
    }

    /// The input normalization fitted on the training split's features.
    pub fn standardizer(&self) -> &Standardizer {
        &self.standardizer
    }

    /// The network's inputs at point `p` in data coordinates: its features, normalized like the
    /// training data (the first [`Network::inputs`] entries).
    pub fn inputs_at(&self, p: [f64; 2]) -> FeatureRow {
        let mut row = [0.0; features::MAX_FEATURES];
        for (f, value) in row.iter_mut().enumerate().take(self.config.features.len()) {
            *value = self.standardizer.feature(&self.config.features, p, f);
        }
        row
    }

    /// The data in data coordinates.
    pub fn split(&self) -> &Split {
        &self.split
    }

    /// The recorded losses, one entry per report.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Normalized training inputs and targets, as the network sees them.
    pub fn training_set(&self) -> (ArrayView2<'_, f64>, &[f64]) {
        (self.train_inputs.view(), elements(&self.split.train.y))
    }

    /// The parameter snapshots taken so far.
    pub fn trajectory(&self) -> &Trajectory {
        &self.trajectory
    }

    /// Effective mini-batch size (the config's, capped at the training set size).
    pub fn batch_size(&self) -> usize {
        self.batch.capacity
    }

    /// Training-set rows of the next mini-batch update, in order.
    pub fn next_batch(&self) -> &[usize] {
        let end = (self.cursor + self.batch.capacity).min(self.order.len());
        &self.order[self.cursor..end]
    }

    /// ∂J/∂θ of the last mini-batch update (zeros before the first), laid out like the
    /// parameters.
    pub fn last_gradient(&self) -> &[f64] {
        &self.batch.grad
    }
}
