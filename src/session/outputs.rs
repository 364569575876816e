//! The network's outputs at points given in data coordinates: exact (f64) for predictions, and
//! in single precision for what is only drawn (the decision boundary, every unit's output over
//! the plane, loss surfaces), through [`DrawingPass`] — the one place where an f32 pass that
//! overflows is run again in f64.

use super::Session;
use crate::nn::batch_norm::Statistics;
use crate::nn::loss::Loss;
use crate::nn::network::{elements, Network, Workspace};

crate::config::choices! {
    /// The precision of forward passes that are only drawn; sums over samples and every reported
    /// number stay f64.
    pub enum Precision {
        /// f32 forward passes (four SIMD lanes in wasm): within about 10⁻⁶ relative, the grain of
        /// the Float32Array they are drawn from, at a fraction of the time; rows that overflow f32
        /// are run again in f64.
        Single = "single",
        /// f64 forward passes: for analysis finer than that, such as second differences over a
        /// window of 10⁻³.
        Double = "double",
    }
}

/// Forward passes for drawing: rows are loaded into the f32 buffers ([`DrawingPass::single_rows`])
/// and run at the parameters rounded to f32; where that overflows f32 (non-finite logits, or a
/// non-finite loss), the same rows run again in f64 at the exact parameters. Double-precision
/// passes load their rows into [`DrawingPass::double_rows`].
#[derive(Debug, Clone)]
pub struct DrawingPass {
    single: Workspace<f32>,
    /// The parameters rounded to f32 (see [`DrawingPass::set_parameters`]).
    rounded: Vec<f32>,
    double: Workspace<f64>,
}

impl DrawingPass {
    /// Forward-only buffers for `net` and chunks of at most `capacity` rows.
    pub fn new(net: &Network, capacity: usize) -> DrawingPass {
        DrawingPass {
            single: Workspace::forward_only(net, capacity),
            rounded: vec![0.0; net.params.len()],
            double: Workspace::forward_only(net, capacity),
        }
    }

    /// Most rows of one pass.
    pub fn capacity(&self) -> usize {
        self.single.capacity
    }

    /// Rounds `params` to f32 for the single-precision passes that follow; they must be the
    /// `exact` parameters those passes are given.
    pub fn set_parameters(&mut self, params: &[f64]) {
        for (rounded, &exact) in self.rounded.iter_mut().zip(params) {
            *rounded = exact as f32;
        }
    }

    /// The f32 buffers, to load the rows of a single-precision pass into.
    pub fn single_rows(&mut self) -> &mut Workspace<f32> {
        &mut self.single
    }

    /// The f64 buffers, to load the rows of a double-precision pass into.
    pub fn double_rows(&mut self) -> &mut Workspace<f64> {
        &mut self.double
    }

    /// Every activation of the `m` rows loaded in [`DrawingPass::single_rows`], in f32, as
    /// predictions see them (normalized layers use the running statistics); rows whose logits
    /// overflow f32 (an overflow anywhere upstream reaches them, while the sigmoid after them
    /// would hide ±∞ as 0 or 1) are computed in f64 and rounded.
    pub fn outputs(&mut self, net: &Network, exact: &[f64], m: usize) -> &Workspace<f32> {
        net.forward_at(&self.rounded, &mut self.single, m, Statistics::Running);
        if !self.single.logits_finite(m) {
            self.run_in_double(net, exact, m, Some(Statistics::Running));
            for (rounded, exact) in self.single.a.iter_mut().zip(&self.double.a).skip(1) {
                rounded.zip_mut_with(exact, |rounded, &exact| *rounded = exact as f32);
            }
        }
        &self.single
    }

    /// Mean loss of the `m` rows loaded for `precision` (without the L2 penalty): the cost
    /// training minimizes, normalized layers using the statistics of these rows. In single
    /// precision, rows whose logits or loss overflow f32 are computed in f64.
    pub fn mean_loss(&mut self, net: &Network, exact: &[f64], m: usize, precision: Precision) -> f64 {
        if precision == Precision::Double {
            net.forward_logits(exact, &mut self.double, m, Statistics::Batch);
            return net.mean_loss(&mut self.double, m);
        }
        net.forward_logits(&self.rounded, &mut self.single, m, Statistics::Batch);
        self.single_loss(net, exact, m)
    }

    /// [`DrawingPass::mean_loss`] in single precision from layer `l` on, for a caller that has
    /// written that layer's weighted sums of the `m` rows into `single_rows().z[l]` (the rows'
    /// inputs and targets loaded as for a whole pass, which the fallback to f64 runs again).
    pub fn mean_loss_from(&mut self, l: usize, net: &Network, exact: &[f64], m: usize) -> f64 {
        net.forward_logits_from(l, &self.rounded, &mut self.single, m, Statistics::Batch);
        self.single_loss(net, exact, m)
    }

    /// The mean loss of the single-precision pass just run, or, where it overflowed f32, of the
    /// same rows run again in f64.
    fn single_loss(&mut self, net: &Network, exact: &[f64], m: usize) -> f64 {
        let loss = net.mean_loss(&mut self.single, m);
        // A non-finite logit makes its sample's cross-entropy or squared error, and so the sum,
        // non-finite: a finite loss vouches for the logits, but for the softmax's, which a
        // logit of −∞ off the label leaves finite.
        let vouched = !matches!(net.loss, Loss::Softmax { .. });
        if loss.is_finite() && (vouched || self.single.logits_finite(m)) {
            return loss;
        }
        self.run_in_double(net, exact, m, None);
        net.mean_loss(&mut self.double, m)
    }

    /// The fallback: the inputs and targets of the single-precision rows (already rounded to
    /// f32) run again in f64 at the exact parameters — through the output unit with the
    /// statistics `outputs` when given, else to the logits with the batch's statistics.
    fn run_in_double(&mut self, net: &Network, exact: &[f64], m: usize, outputs: Option<Statistics>) {
        self.double.a[0].zip_mut_with(&self.single.a[0], |exact, &rounded| *exact = rounded as f64);
        for (exact, &rounded) in self.double.targets.iter_mut().zip(&self.single.targets).take(m) {
            *exact = rounded as f64;
        }
        match outputs {
            Some(statistics) => net.forward_at(exact, &mut self.double, m, statistics),
            None => net.forward_logits(exact, &mut self.double, m, Statistics::Batch),
        }
    }
}

impl Session {
    /// Appends to `out` the outputs of the network at `points`, given in data coordinates
    /// (normalized here like the training data).
    pub fn predict(&mut self, points: impl Iterator<Item = [f64; 2]>, out: &mut Vec<f64>) {
        let (features, standardizer) = (&self.config.features, &self.standardizer);
        let mut points = points;
        loop {
            let m = self
                .eval
                .load_points(&mut points, |f, points, out| standardizer.feature_column(features, f, points, out));
            if m == 0 {
                break;
            }
            self.net.infer(&mut self.eval, m);
            self.eval.append_outputs(m, out);
        }
    }

    /// [`Session::predict`] in single precision (for typical networks, probabilities within about
    /// 10⁻⁶ of it), for what is only drawn, such as the decision boundary's heatmap.
    pub fn predict_for_drawing(&mut self, points: impl Iterator<Item = [f64; 2]>, out: &mut Vec<f32>) {
        self.draw_in_chunks(points, |ws, _start, m| ws.append_outputs(m, out));
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
                    out[unit * n + start..unit * n + start + m].copy_from_slice(&elements(&row)[..m]);
                    unit += 1;
                }
            }
        });
    }

    /// The network's inputs (its features, normalized) at `n` points in data coordinates, in
    /// single precision: `out[f·n + k]` is input f at point k. For the diagram's input nodes.
    pub fn input_maps(&self, points: impl Iterator<Item = [f64; 2]>, n: usize, out: &mut Vec<f32>) {
        let inputs = self.net.inputs();
        out.clear();
        out.resize(inputs * n, 0.0);
        for (k, p) in points.take(n).enumerate() {
            let row = self.inputs_at(p);
            for (f, &x) in row[..inputs].iter().enumerate() {
                out[f * n + k] = x as f32;
            }
        }
    }

    /// Runs the drawing pass over `points` (data coordinates, normalized like the training
    /// data) in chunks, calling `visit(workspace, first point index, chunk length)` after each.
    fn draw_in_chunks(
        &mut self,
        points: impl Iterator<Item = [f64; 2]>,
        mut visit: impl FnMut(&Workspace<f32>, usize, usize),
    ) {
        let (features, standardizer) = (&self.config.features, &self.standardizer);
        let mut points = points;
        self.draw.set_parameters(&self.net.params);
        let mut start = 0;
        loop {
            let m = self
                .draw
                .single_rows()
                .load_points(&mut points, |f, points, out| standardizer.feature_column(features, f, points, out));
            if m == 0 {
                break;
            }
            visit(self.draw.outputs(&self.net, &self.net.params, m), start, m);
            start += m;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::math::rng::SeededRng;

    /// The f32 losses themselves, without the f64 fallback: finite and close to the f64 ones
    /// around a trained ordinary network.
    #[test]
    fn single_precision_losses_need_no_fallback_on_an_ordinary_network() {
        let mut session = Session::new(Config { hidden: vec![8, 8], noise: 0.2, ..Config::default() }).unwrap();
        session.step(300);
        let net = session.network().clone();
        let (x, y) = session.training_set();
        let mut pass = DrawingPass::new(&net, y.len());
        let mut rng = SeededRng::new(5, 0);
        for _ in 0..20 {
            let params: Vec<f64> = net.params.iter().map(|p| p + 0.5 * rng.normal()).collect();
            pass.set_parameters(&params);
            let m = pass.single.load_batch(x, y, 0..y.len());
            net.forward_logits(&pass.rounded, &mut pass.single, m, Statistics::Batch);
            let single = net.mean_loss(&mut pass.single, m);
            pass.double.load_batch(x, y, 0..y.len());
            net.forward_logits(&params, &mut pass.double, m, Statistics::Batch);
            let double = net.mean_loss(&mut pass.double, m);
            assert!(pass.single.logits_finite(m) && single.is_finite(), "{single}");
            assert!(((single - double) / double).abs() < 2e-6, "{single} vs {double}");
        }
    }
}
