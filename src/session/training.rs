//! The training loop: mini-batch updates with divergence detection, and the report of the state
//! after them (losses and accuracies over both splits), recorded in the history.

use super::trajectory::keep_even_records;
use super::Session;
use crate::config::Problem;
use crate::data::Points;
use crate::nn::network::{elements, Network, Workspace};
use crate::nn::penalty::Penalty;
use crate::text::{exponential, number_text};
use ndarray::ArrayView2;
use serde::Serialize;

/// A loss above this (or NaN, or infinite) counts as divergence: no run that is learning gets
/// near it, and outputs that large would no longer be drawable.
pub const DIVERGENCE_LOSS: f64 = 1e12;

/// Whether a loss counts as divergence (NaN, infinite or above [`DIVERGENCE_LOSS`]).
fn exploded(loss: f64) -> bool {
    loss.is_nan() || loss > DIVERGENCE_LOSS
}

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
    /// α of the next update, from the learning-rate schedule.
    pub learning_rate: f64,
    /// Mean loss over the training split.
    pub train_loss: f64,
    /// Mean loss over the test split.
    pub test_loss: f64,
    /// Fraction of training points classified right (None for regression).
    pub train_accuracy: Option<f64>,
    /// Fraction of test points classified right (None for regression).
    pub test_accuracy: Option<f64>,
    /// True once training stopped because a loss exploded (NaN, infinite or above
    /// [`DIVERGENCE_LOSS`]: the mini-batch's, or the training or test loss of a report) or a
    /// parameter became non-finite.
    pub diverged: bool,
    /// Why training diverged, when it did, in English.
    pub message: Option<String>,
    /// Why training diverged, as data.
    pub divergence: Option<Divergence>,
}

/// What stopped training.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Divergence {
    /// What exploded.
    pub cause: DivergenceCause,
    /// The loss, or the parameter's value.
    pub value: f64,
    /// The update it happened at.
    pub step: u64,
    /// The index of the parameter (cause `parameter`).
    pub parameter: Option<usize>,
}

/// What exploded when training diverged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DivergenceCause {
    /// The mini-batch loss became NaN or exceeded [`DIVERGENCE_LOSS`].
    Loss,
    /// The training loss of a report did.
    TrainLoss,
    /// The test loss of a report did.
    TestLoss,
    /// A parameter became non-finite after an update.
    Parameter,
}

impl DivergenceCause {
    /// The cause as the report names it ("loss", "trainLoss", "testLoss", "parameter").
    pub fn key(self) -> &'static str {
        match self {
            DivergenceCause::Loss => "loss",
            DivergenceCause::TrainLoss => "trainLoss",
            DivergenceCause::TestLoss => "testLoss",
            DivergenceCause::Parameter => "parameter",
        }
    }
}

impl Divergence {
    /// The English wording of the divergence.
    pub fn message(&self) -> String {
        match self.cause {
            DivergenceCause::Loss => {
                format!("the mini-batch loss exploded to {} at step {}", exponential(self.value), self.step)
            }
            DivergenceCause::TrainLoss => {
                format!("the training loss exploded to {} at step {}", exponential(self.value), self.step)
            }
            DivergenceCause::TestLoss => {
                format!("the test loss exploded to {} at step {}", exponential(self.value), self.step)
            }
            DivergenceCause::Parameter => {
                format!(
                    "parameter {} became {} at step {}",
                    self.parameter.unwrap_or(0),
                    number_text(self.value),
                    self.step
                )
            }
        }
    }
}

/// Which of a report's losses exploded first, and its value.
fn exploded_split(train_loss: f64, test_loss: f64) -> Option<(DivergenceCause, f64)> {
    [(DivergenceCause::TrainLoss, train_loss), (DivergenceCause::TestLoss, test_loss)]
        .into_iter()
        .find(|&(_, loss)| exploded(loss))
}

/// Most records the history keeps: when full, every other record is dropped (the first and the
/// latest stay), so older stretches grow sparser while memory stays bounded.
pub const HISTORY_RECORDS: usize = 1 << 16;

/// Losses recorded at each report, thinned to [`HISTORY_RECORDS`].
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
    /// α of the next update at each record.
    pub learning_rate: Vec<f64>,
}

impl History {
    /// Appends a record, thinning the history first when it is full.
    fn record(&mut self, report: &Report) {
        let columns = [
            (&mut self.step, report.step as f64),
            (&mut self.batch_loss, report.batch_loss),
            (&mut self.train_loss, report.train_loss),
            (&mut self.test_loss, report.test_loss),
            (&mut self.learning_rate, report.learning_rate),
        ];
        for (column, value) in columns {
            if column.len() == HISTORY_RECORDS {
                keep_even_records(column, 1);
            }
            column.push(value);
        }
    }
}

impl Session {
    /// Runs `n` mini-batch updates (fewer if training diverges) and reports the state.
    pub fn step(&mut self, n: u32) -> Report {
        let mut unscored = None;
        for _ in 0..n {
            if self.divergence.is_some() {
                break;
            }
            unscored = self.update_once();
        }
        // Only the last update's mini-batch loss is reported: the batch is still in the workspace.
        if let Some(m) = unscored {
            self.batch_loss = self.net.mean_loss(&mut self.batch, m);
        }
        self.report()
    }

    /// One mini-batch update. The last batch of an epoch holds the remaining points (it may be
    /// smaller); after it the order is reshuffled and the epoch count grows. The batch's mean
    /// loss (its logarithms are a tenth of an update's work) is computed only when bounds found
    /// without a transcendental do not rule out divergence; otherwise the batch size is returned,
    /// for [`Session::step`] to compute the loss of its last update.
    fn update_once(&mut self) -> Option<usize> {
        let n_train = self.order.len();
        let end = (self.cursor + self.batch.capacity).min(n_train);
        let targets = elements(&self.split.train.y);
        let rows = self.order[self.cursor..end].iter().copied();
        let m = self.batch.load_batch(self.train_inputs.view(), targets, rows);
        self.net.forward(&mut self.batch, m);
        self.net.backward(&mut self.batch, m, Penalty::of(&self.config));
        let (floor, slack) = self.net.mean_loss_bounds(&self.batch, m);
        // Half the threshold leaves room for the bounds' rounding; NaN fails the comparison, so
        // a NaN bound is scored.
        let safe = floor + slack < 0.5 * DIVERGENCE_LOSS;
        if !safe {
            self.batch_loss = self.net.mean_loss(&mut self.batch, m);
        }
        let unscored = safe.then_some(m);
        self.step += 1;
        self.cursor = end;
        if self.cursor == n_train {
            self.cursor = 0;
            self.epoch += 1;
            self.batch_rng.shuffle(&mut self.order);
        }
        // `backup` holds the parameters before the previous update, whose batch loss was finite.
        if !safe && exploded(self.batch_loss) {
            self.net.params.copy_from_slice(&self.backup);
            let value = self.batch_loss;
            self.divergence =
                Some(Divergence { cause: DivergenceCause::Loss, value, step: self.step, parameter: None });
            return None;
        }
        // The update goes into `backup`, which then trades places with the parameters: a swap
        // rather than a copy of them.
        let finite = self.optimizer.update(&self.net.params, &mut self.backup, &self.batch.grad);
        std::mem::swap(&mut self.net.params, &mut self.backup);
        if let Some(i) = (!finite).then(|| self.net.params.iter().position(|p| !p.is_finite())).flatten() {
            let value = self.net.params[i];
            self.divergence =
                Some(Divergence { cause: DivergenceCause::Parameter, value, step: self.step, parameter: Some(i) });
            self.net.params.copy_from_slice(&self.backup);
            return unscored;
        }
        self.net.update_running(&self.batch, m);
        self.trajectory.record(self.step, &self.net.params);
        unscored
    }

    /// The training or test loss at the current parameters, when one of them counts as
    /// divergence (nothing is recorded).
    pub fn exploded_loss(&mut self) -> Option<(DivergenceCause, f64)> {
        exploded_split(self.evaluate(Subset::Train).0, self.evaluate(Subset::Test).0)
    }

    /// The current state, recorded in the history. A training or test loss that exploded ends
    /// training at once, like a mini-batch loss: the parameters go back to those before the last
    /// update (whose mini-batch loss was finite) and the report describes them.
    fn report(&mut self) -> Report {
        let (mut train_loss, mut train_accuracy) = self.evaluate(Subset::Train);
        let (mut test_loss, mut test_accuracy) = self.evaluate(Subset::Test);
        if self.divergence.is_none() {
            if let Some((cause, value)) = exploded_split(train_loss, test_loss) {
                self.divergence = Some(Divergence { cause, value, step: self.step, parameter: None });
                self.net.params.copy_from_slice(&self.backup);
                (train_loss, train_accuracy) = self.evaluate(Subset::Train);
                (test_loss, test_accuracy) = self.evaluate(Subset::Test);
            }
        }
        let report = Report {
            epoch: self.epoch,
            step: self.step,
            batch_loss: self.batch_loss,
            learning_rate: self.optimizer.learning_rate(),
            train_loss,
            test_loss,
            train_accuracy,
            test_accuracy,
            diverged: self.divergence.is_some(),
            message: self.divergence.map(|d| d.message()),
            divergence: self.divergence,
        };
        self.history.record(&report);
        report
    }

    /// The confusion matrix of a classification over one split at the current parameters:
    /// `counts[true class · K + predicted class]`, K the number of classes.
    pub fn confusion(&mut self, subset: Subset) -> Vec<u32> {
        let k = self.config.classes;
        let (inputs, points) = match subset {
            Subset::Train => (&self.train_inputs, &self.split.train),
            Subset::Test => (&self.test_inputs, &self.split.test),
        };
        let mut counts = vec![0; k * k];
        predict_in_chunks(&self.net, &mut self.eval, inputs.view(), points, |ws, m| {
            for s in 0..m {
                counts[(ws.targets[s] as usize).min(k - 1) * k + ws.predicted_class(s)] += 1;
            }
        });
        counts
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
}

/// One of the two splits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subset {
    /// The training split.
    Train,
    /// The test split.
    Test,
}

/// Mean loss and number of correct classifications (the predicted class is the label) of `net`
/// over normalized `inputs` with the targets of `points`.
fn score(net: &Network, ws: &mut Workspace, inputs: ArrayView2<f64>, points: &Points) -> (f64, f64) {
    let (mut loss, mut correct) = (0.0, 0.0);
    predict_in_chunks(net, ws, inputs, points, |ws, m| {
        loss += net.mean_loss(ws, m) * m as f64;
        correct += (0..m).filter(|&s| ws.predicted_class(s) == ws.targets[s] as usize).count() as f64;
    });
    (loss / points.len() as f64, correct)
}

/// Runs the predictions' forward pass over `points` in chunks of the workspace's capacity,
/// calling `visit(workspace, chunk length)` after each.
fn predict_in_chunks(
    net: &Network,
    ws: &mut Workspace,
    inputs: ArrayView2<f64>,
    points: &Points,
    mut visit: impl FnMut(&mut Workspace, usize),
) {
    let n = points.len();
    let mut start = 0;
    while start < n {
        let end = (start + ws.capacity).min(n);
        let m = ws.load_batch(inputs, elements(&points.y), start..end);
        net.infer(ws, m);
        visit(ws, m);
        start = end;
    }
}
