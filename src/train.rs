//! The training session: the data, the network and its optimizer, mini-batches reshuffled every
//! epoch from the seed, divergence detection, and the history of losses.

use crate::conditioning::{self, Spectrum};
use crate::config::{Config, Problem};
use crate::data::{self, Points, Split};
use crate::diagnostics;
use crate::error::Result;
use crate::explorer;
use crate::landscape::{Landscape, Surface, SurfaceRequest};
use crate::loss::Loss;
use crate::math::Real;
use crate::network::{Network, Workspace};
use crate::normalize::Standardizer;
use crate::optim::Optimizer;
use crate::rng::SeededRng;
use crate::trajectory::Trajectory;
use ndarray::{Array2, ArrayView2};
use serde::Serialize;

/// Random stream of the initial weights.
const INIT_STREAM: u32 = 1;
/// Random stream of the mini-batch order.
const BATCH_STREAM: u32 = 2;
/// A mini-batch loss above this (or NaN) counts as divergence: no run that is learning gets
/// near it, and outputs that large would no longer be drawable.
pub const DIVERGENCE_LOSS: f64 = 1e12;
/// Rows evaluated per forward pass when scoring whole sets or grids.
const EVAL_CHUNK: usize = 256;

/// What [`Session::step`] reports after its updates.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Completed passes over the training set.
    pub epoch: u64,
    /// Mini-batch updates so far.
    pub step: u64,
    /// Mean loss of the last mini-batch before its update (NaN before the first step).
    pub batch_loss: f64,
    /// Mean loss over the training split.
    pub train_loss: f64,
    /// Mean loss over the test split.
    pub test_loss: f64,
    /// Fraction of training points classified right (None for regression).
    pub train_accuracy: Option<f64>,
    /// Fraction of test points classified right (None for regression).
    pub test_accuracy: Option<f64>,
    /// True once training stopped because the loss exploded (NaN, infinite or above
    /// [`DIVERGENCE_LOSS`]) or a parameter became non-finite.
    pub diverged: bool,
    /// Why training diverged, when it did.
    pub message: Option<String>,
}

/// Updates of each trial run of the learning-rate sweep.
const SWEEP_UPDATES: u32 = 100;

/// Condition numbers of a session's problem (see [`Session::conditioning`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Conditioning {
    /// Covariance of the raw (distorted) features.
    pub raw_covariance: Spectrum,
    /// Covariance of the features the network sees (after normalization, if any).
    pub input_covariance: Spectrum,
    /// E[x̃x̃ᵀ] of the raw features with a bias 1.
    pub raw_second_moment: Spectrum,
    /// E[x̃x̃ᵀ] of the network's inputs with a bias 1.
    pub input_second_moment: Spectrum,
    /// Hessian of the cost at the current weights (only without hidden layers).
    pub hessian: Option<Spectrum>,
}

/// A suggested learning rate and how it was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LearningRateSuggestion {
    /// The rate.
    pub learning_rate: f64,
    /// "hessian" or "sweep".
    pub method: &'static str,
    /// The Hessian bound it came from (method "hessian").
    pub hessian_bound: Option<Spectrum>,
}

/// Losses recorded at each report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// Step count at each record.
    pub step: Vec<f64>,
    /// Last mini-batch loss at each record.
    pub batch_loss: Vec<f64>,
    /// Training loss at each record.
    pub train_loss: Vec<f64>,
    /// Test loss at each record.
    pub test_loss: Vec<f64>,
}

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
    /// Buffers of the single-precision forward passes that are only drawn.
    draw: Workspace<f32>,
    /// The parameters rounded to f32 for `draw`.
    draw_params: Vec<f32>,
    optimizer: Optimizer,
    batch_rng: SeededRng,
    order: Vec<usize>,
    cursor: usize,
    epoch: u64,
    step: u64,
    batch_loss: f64,
    backup: Vec<f64>,
    divergence: Option<String>,
    history: History,
    trajectory: Trajectory,
}

impl Session {
    /// A fresh session: validates the config, generates the data, fits the normalization on the
    /// training split, and initializes the weights.
    pub fn new(config: Config) -> Result<Session> {
        let config = config.validated()?;
        let split = data::generate(&config);
        let standardizer = Standardizer::fit(config.normalize, split.train.x.view());
        let train_inputs = standardizer.transform(split.train.x.view());
        let test_inputs = standardizer.transform(split.test.x.view());
        let mut net = Network::new(&config.hidden, config.activation, Loss::for_problem(config.problem));
        net.initialize(config.init, config.init_scale, &mut SeededRng::new(config.seed, INIT_STREAM));
        let n_train = split.train.len();
        let batch_size = config.batch_size.min(n_train);
        let mut batch_rng = SeededRng::new(config.seed, BATCH_STREAM);
        let mut order: Vec<usize> = (0..n_train).collect();
        batch_rng.shuffle(&mut order);
        Ok(Session {
            batch: Workspace::new(&net, batch_size),
            eval: Workspace::forward_only(&net, EVAL_CHUNK),
            draw: Workspace::forward_only(&net, EVAL_CHUNK),
            draw_params: vec![0.0; net.params.len()],
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

    /// Replaces the parameters (e.g. of an imported model); the path starts again from them.
    pub fn set_parameters(&mut self, parameters: &[f64]) -> Result<()> {
        let expected = self.net.params.len();
        if parameters.len() != expected {
            return Err(crate::error::Error::invalid(
                "parameters",
                &format!("{expected} numbers for hidden layers {:?}", self.config.hidden),
                format!("{} numbers", parameters.len()),
            ));
        }
        self.net.params.copy_from_slice(parameters);
        self.backup.copy_from_slice(parameters);
        self.trajectory = Trajectory::new(parameters);
        Ok(())
    }

    /// The input normalization fitted on the training split.
    pub fn standardizer(&self) -> &Standardizer {
        &self.standardizer
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
        (self.train_inputs.view(), self.split.train.y.as_slice().expect("contiguous"))
    }

    /// Relative error of backpropagation against central differences at the current
    /// parameters, on the first training points (see [`diagnostics::gradient_check`]).
    pub fn gradient_check(&self) -> f64 {
        let (x, y) = self.training_set();
        diagnostics::gradient_check(&self.net, x, y, self.config.l2)
    }

    /// The parameter snapshots taken so far.
    pub fn trajectory(&self) -> &Trajectory {
        &self.trajectory
    }

    /// The loss surface `request` asks for, with the path projected on it.
    pub fn surface(&self, request: &SurfaceRequest) -> Result<Surface> {
        let (inputs, targets) = self.training_set();
        let landscape = Landscape {
            net: &self.net,
            inputs,
            targets,
            l2: self.config.l2,
            trajectory: &self.trajectory,
            seed: self.config.seed,
        };
        landscape.surface(request)
    }

    /// Condition numbers of the inputs (raw and as the network sees them) and, without hidden
    /// layers, of the cost's Hessian at the current weights.
    pub fn conditioning(&self) -> Conditioning {
        let (inputs, _) = self.training_set();
        let raw = self.split.train.x.view();
        Conditioning {
            raw_covariance: conditioning::covariance(raw),
            input_covariance: conditioning::covariance(inputs),
            raw_second_moment: conditioning::second_moment(raw),
            input_second_moment: conditioning::second_moment(inputs),
            hessian: conditioning::hessian(&self.net, self.config.problem, inputs, self.config.l2, false),
        }
    }

    /// A learning rate that trains this session fast without diverging. Without hidden layers:
    /// the best fixed step 2/(λmax + λmin) of the Hessian's bound (¼·E[x̃x̃ᵀ] for cross-entropy),
    /// stable everywhere. With hidden layers: of the rates 10^(k/4) from 1e-5 to 10, the one whose
    /// short run (100 updates from the same start) reaches the lowest training loss without
    /// diverging.
    pub fn suggest_learning_rate(&self) -> LearningRateSuggestion {
        let (inputs, _) = self.training_set();
        if let Some(bound) = conditioning::hessian(&self.net, self.config.problem, inputs, self.config.l2, true) {
            return LearningRateSuggestion {
                learning_rate: conditioning::best_fixed_step(&bound),
                method: "hessian",
                hessian_bound: Some(bound),
            };
        }
        let mut best = (f64::INFINITY, 1e-5);
        for rate in (-20..=4).map(|k| libm::pow(10.0, k as f64 / 4.0)) {
            let report = self.clone_fresh(rate).step(SWEEP_UPDATES);
            if !report.diverged && report.train_loss <= best.0 {
                best = (report.train_loss, rate);
            }
        }
        LearningRateSuggestion { learning_rate: best.1, method: "sweep", hessian_bound: None }
    }

    /// A new session like this one (same data, initial weights and batch order) with another
    /// learning rate.
    fn clone_fresh(&self, learning_rate: f64) -> Session {
        Session::new(Config { learning_rate, ..self.config.clone() }).expect("a valid config with a positive rate")
    }

    /// Effective mini-batch size (the config's, capped at the training set size).
    pub fn batch_size(&self) -> usize {
        self.batch.capacity
    }

    /// Runs `n` mini-batch updates (fewer if training diverges) and reports the state.
    pub fn step(&mut self, n: u32) -> Report {
        for _ in 0..n {
            if self.divergence.is_some() {
                break;
            }
            self.update_once();
        }
        self.report()
    }

    /// One mini-batch update. The last batch of an epoch holds the remaining points (it may be
    /// smaller); after it the order is reshuffled and the epoch count grows.
    fn update_once(&mut self) {
        let n_train = self.order.len();
        let end = (self.cursor + self.batch.capacity).min(n_train);
        let targets = self.split.train.y.as_slice().expect("contiguous");
        let rows = self.order[self.cursor..end].iter().copied();
        let m = self.batch.load_batch(self.train_inputs.view(), targets, rows);
        self.net.forward(&mut self.batch, m);
        let loss = self.net.backward(&mut self.batch, m, self.config.l2);
        self.batch_loss = loss;
        self.step += 1;
        self.cursor = end;
        if self.cursor == n_train {
            self.cursor = 0;
            self.epoch += 1;
            self.batch_rng.shuffle(&mut self.order);
        }
        // `backup` holds the parameters before the previous update, whose batch loss was finite.
        if loss.is_nan() || loss > DIVERGENCE_LOSS {
            self.net.params.copy_from_slice(&self.backup);
            self.divergence = Some(format!("the mini-batch loss exploded to {loss:e} at step {}", self.step));
            return;
        }
        self.backup.copy_from_slice(&self.net.params);
        self.optimizer.update(&mut self.net.params, &self.batch.grad);
        if let Some(i) = self.net.params.iter().position(|p| !p.is_finite()) {
            self.divergence = Some(format!("parameter {i} became {} at step {}", self.net.params[i], self.step));
            self.net.params.copy_from_slice(&self.backup);
            return;
        }
        self.trajectory.record(self.step, &self.net.params);
    }

    /// The current state, recorded in the history.
    fn report(&mut self) -> Report {
        let (train_loss, train_accuracy) = self.evaluate(Subset::Train);
        let (test_loss, test_accuracy) = self.evaluate(Subset::Test);
        self.history.step.push(self.step as f64);
        self.history.batch_loss.push(self.batch_loss);
        self.history.train_loss.push(train_loss);
        self.history.test_loss.push(test_loss);
        Report {
            epoch: self.epoch,
            step: self.step,
            batch_loss: self.batch_loss,
            train_loss,
            test_loss,
            train_accuracy,
            test_accuracy,
            diverged: self.divergence.is_some(),
            message: self.divergence.clone(),
        }
    }

    /// Mean loss and (for classification) accuracy over one split.
    fn evaluate(&mut self, subset: Subset) -> (f64, Option<f64>) {
        let (inputs, points) = match subset {
            Subset::Train => (&self.train_inputs, &self.split.train),
            Subset::Test => (&self.test_inputs, &self.split.test),
        };
        let (loss, correct) = score(&self.net, &mut self.eval, inputs.view(), points);
        let accuracy = (self.config.problem == Problem::Classification).then(|| correct / points.len() as f64);
        (loss, accuracy)
    }

    /// Appends to `out` the outputs of the network at `points`, given in data coordinates
    /// (normalized here like the training data).
    pub fn predict(&mut self, points: impl Iterator<Item = [f64; 2]>, out: &mut Vec<f64>) {
        forward_in_chunks(&self.net, &self.net.params, &mut self.eval, self.standardizer, points, |ws, _start, m| {
            out.extend_from_slice(ws.outputs(m))
        });
    }

    /// [`Session::predict`] in single precision (for typical networks, probabilities within about
    /// 10⁻⁶ of it), for what is only drawn, such as the decision boundary's heatmap.
    pub fn predict_for_drawing(&mut self, points: impl Iterator<Item = [f64; 2]>, out: &mut Vec<f32>) {
        self.draw_in_chunks(points, |ws, _start, m| out.extend_from_slice(ws.outputs(m)));
    }

    /// The activation of every unit (hidden layers in order, then the output) at `n` points in
    /// data coordinates, in single precision: `out[u·n + k]` is unit u at point k. For the
    /// network diagram.
    pub fn unit_outputs(&mut self, points: impl Iterator<Item = [f64; 2]>, n: usize, out: &mut Vec<f32>) {
        out.clear();
        out.resize(self.net.unit_count() * n, 0.0);
        self.draw_in_chunks(points.take(n), |ws, start, m| {
            let mut unit = 0;
            for a in &ws.a[1..] {
                for row in a.rows() {
                    out[unit * n + start..unit * n + start + m]
                        .copy_from_slice(&row.as_slice().expect("contiguous")[..m]);
                    unit += 1;
                }
            }
        });
    }

    /// [`forward_in_chunks`] in single precision, at the parameters rounded to f32; a chunk whose
    /// logits overflow f32 (exploding activations beyond 3.4·10³⁸) is run again in f64.
    fn draw_in_chunks(
        &mut self,
        points: impl Iterator<Item = [f64; 2]>,
        mut visit: impl FnMut(&Workspace<f32>, usize, usize),
    ) {
        self.net.round_params_into(&mut self.draw_params);
        let (net, double) = (&self.net, &mut self.eval);
        forward_in_chunks(net, &self.draw_params, &mut self.draw, self.standardizer, points, |single, start, m| {
            if !single.logits_finite(m) {
                redo_in_double(net, single, double, m);
            }
            visit(single, start, m);
        });
    }

    /// The forward and backward pass of the backprop explorer on training rows `rows`.
    pub fn trace(&self, rows: &[usize]) -> Result<explorer::Trace> {
        let (x, y) = self.training_set();
        explorer::trace(&self.net, x, y, rows, self.config.l2)
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

/// Runs `net` at `params` in `ws` over `points` (data coordinates, normalized with
/// `standardizer` like the training data) in chunks, calling `visit(workspace, first point
/// index, chunk length)` after each.
fn forward_in_chunks<T: Real>(
    net: &Network,
    params: &[T],
    ws: &mut Workspace<T>,
    standardizer: Standardizer,
    points: impl Iterator<Item = [f64; 2]>,
    mut visit: impl FnMut(&mut Workspace<T>, usize, usize),
) {
    let mut inputs = points.map(|p| standardizer.apply(p));
    let mut start = 0;
    loop {
        let m = ws.load_points(&mut inputs);
        if m == 0 {
            break;
        }
        net.forward_at(params, ws, m);
        visit(ws, start, m);
        start += m;
    }
}

/// Runs the forward pass on the `m` inputs loaded in `single` again in double precision (in
/// `double`, of the same capacity) and writes the activations back, rounded to f32. The inputs
/// are the ones `single` holds, already rounded to f32.
fn redo_in_double(net: &Network, single: &mut Workspace<f32>, double: &mut Workspace, m: usize) {
    debug_assert_eq!(single.capacity, double.capacity);
    double.a[0].zip_mut_with(&single.a[0], |exact, &rounded| *exact = rounded as f64);
    net.forward(double, m);
    for (rounded, exact) in single.a.iter_mut().zip(&double.a).skip(1) {
        rounded.zip_mut_with(exact, |rounded, &exact| *rounded = exact as f32);
    }
}

/// Which split to score.
#[derive(Debug, Clone, Copy)]
enum Subset {
    Train,
    Test,
}

/// Mean loss and number of correct classifications (output on the right side of ½) of `net`
/// over normalized `inputs` with the targets of `points`.
fn score(net: &Network, ws: &mut Workspace, inputs: ArrayView2<f64>, points: &Points) -> (f64, f64) {
    let n = points.len();
    let (mut loss, mut correct) = (0.0, 0.0);
    let mut start = 0;
    while start < n {
        let end = (start + ws.capacity).min(n);
        let m = ws.load_batch(inputs, points.y.as_slice().expect("contiguous"), start..end);
        net.forward(ws, m);
        loss += net.mean_loss(ws, m) * m as f64;
        for (y_hat, y) in ws.outputs(m).iter().zip(&ws.targets) {
            if (*y_hat >= 0.5) == (*y >= 0.5) {
                correct += 1.0;
            }
        }
        start = end;
    }
    (loss / n as f64, correct)
}
