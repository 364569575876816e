//! The multilayer perceptron: all parameters in one contiguous vector, a forward pass that
//! caches z\[l\] and a\[l\] for a batch, and the backward pass of the lecture
//! (δ\[L\] = a\[L\] − y, δ\[l\] = (W[l+1]ᵀ δ[l+1]) ⊙ g'(z\[l\]), ∂J/∂W\[l\] = δ\[l\] a[l−1]ᵀ / m).
//! Both passes work in a preallocated [`Workspace`] and allocate nothing. Hidden layers may
//! normalize their pre-activations over the batch ([`crate::nn::batch_norm`]).

use crate::math::rng::SeededRng;
use crate::math::{set_weight_gradients, set_weighted_units, Real, Strided, UnitWeights};
use crate::nn::activation::Activation;
use crate::nn::batch_norm::{self, BatchNorm, Statistics};
use crate::nn::init::Init;
use crate::nn::loss::Loss;
use crate::nn::penalty::Penalty;
use ndarray::{Array2, ArrayView2};

/// Where one layer's parameters live in the parameter vector. W is n_out × n_in, row-major.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayerShape {
    /// Units feeding the layer (its fan-in).
    pub n_in: usize,
    /// Units of the layer (its fan-out).
    pub n_out: usize,
    /// Offset of W in the parameter vector.
    pub w: usize,
    /// Offset of b in the parameter vector (β, the shift after the normalization, when the
    /// layer is normalized: z itself then has no bias).
    pub b: usize,
    /// Where γ and the running statistics of a normalized layer live.
    pub norm: Option<NormShape>,
}

/// The extra parts of a batch-normalized layer: γ in the parameter vector (after every layer's W
/// and b, so those keep the offsets of an unnormalized network), the running mean and variance
/// in [`Network::running`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NormShape {
    /// Offset of γ (one per unit) in the parameter vector.
    pub gamma: usize,
    /// Offset of the running means in [`Network::running`]; the variances follow them.
    pub running: usize,
}

impl LayerShape {
    /// Index range of W in the parameter vector.
    pub fn weights(&self) -> std::ops::Range<usize> {
        self.w..self.w + self.n_out * self.n_in
    }

    /// Index range of b in the parameter vector.
    pub fn biases(&self) -> std::ops::Range<usize> {
        self.b..self.b + self.n_out
    }

    /// Index range of γ in the parameter vector, when the layer is normalized.
    pub fn gammas(&self) -> Option<std::ops::Range<usize>> {
        self.norm.map(|norm| norm.gamma..norm.gamma + self.n_out)
    }
}

/// A fully connected network inputs → hidden… → 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    /// Layer shapes, input side first; the last one is the output layer.
    pub layers: Vec<LayerShape>,
    /// Activation of every hidden layer.
    pub activation: Activation,
    /// Output unit and loss.
    pub loss: Loss,
    /// Every W and b, layer after layer, then the γ of the normalized layers.
    pub params: Vec<f64>,
    /// The running means and variances of the normalized layers' pre-activations (empty without
    /// batch normalization): what predictions divide by.
    pub running: Vec<f64>,
}

impl Network {
    /// A network of `inputs` inputs with the given hidden layer sizes, all parameters 0, and
    /// (with `batch_norm` on) every hidden layer normalized, its running statistics at mean 0,
    /// variance 1.
    pub fn new(inputs: usize, hidden: &[usize], activation: Activation, loss: Loss, batch_norm: BatchNorm) -> Network {
        let mut layers = Vec::with_capacity(hidden.len() + 1);
        let mut offset = 0;
        let mut n_in = inputs;
        for &n_out in hidden.iter().chain(std::iter::once(&loss.outputs())) {
            let w = offset;
            let b = w + n_in * n_out;
            offset = b + n_out;
            layers.push(LayerShape { n_in, n_out, w, b, norm: None });
            n_in = n_out;
        }
        let mut running = Vec::new();
        if batch_norm == BatchNorm::On {
            let hidden_layers = layers.len() - 1;
            for layer in &mut layers[..hidden_layers] {
                layer.norm = Some(NormShape { gamma: offset, running: running.len() });
                offset += layer.n_out;
                running.extend(std::iter::repeat_n(0.0, layer.n_out).chain(std::iter::repeat_n(1.0, layer.n_out)));
            }
        }
        Network { layers, activation, loss, params: vec![0.0; offset], running }
    }

    /// Draws every weight matrix from `init` (times `scale`); biases (and β) are set to 0, γ to 1.
    pub fn initialize(&mut self, init: Init, scale: f64, rng: &mut SeededRng) {
        for layer in &self.layers {
            init.fill(&mut self.params[layer.weights()], layer.n_in, layer.n_out, scale, rng);
            self.params[layer.biases()].fill(0.0);
            if let Some(gammas) = layer.gammas() {
                self.params[gammas].fill(1.0);
            }
        }
    }

    /// Whether the hidden layers are batch-normalized.
    pub fn is_normalized(&self) -> bool {
        !self.running.is_empty()
    }

    /// Moves the running statistics of every normalized layer towards those of the batch of `m`
    /// samples in `ws` (after a training [`Network::forward`] on it).
    pub fn update_running(&mut self, ws: &Workspace, m: usize) {
        for (layer, cache) in self.layers.iter().zip(&ws.norm) {
            let Some(norm) = layer.norm else { continue };
            let (means, variances) =
                self.running[norm.running..norm.running + 2 * layer.n_out].split_at_mut(layer.n_out);
            for j in 0..layer.n_out {
                batch_norm::update_running(&mut means[j], &mut variances[j], cache.mean[j], cache.variance[j], m);
            }
        }
    }

    /// Writes the parameters rounded to `T` into `out` (as long as [`Network::params`]).
    pub fn round_params_into<T: Real>(&self, out: &mut [T]) {
        for (rounded, &exact) in out.iter_mut().zip(&self.params) {
            *rounded = T::splat(exact);
        }
    }

    /// Units of every layer but the input: the hidden ones and the output.
    pub fn unit_count(&self) -> usize {
        self.layers.iter().map(|l| l.n_out).sum()
    }

    /// The number of inputs.
    pub fn inputs(&self) -> usize {
        self.layers[0].n_in
    }

    /// Layer widths, input first: [inputs, hidden…, 1].
    pub fn widths(&self) -> Vec<usize> {
        std::iter::once(self.inputs()).chain(self.layers.iter().map(|l| l.n_out)).collect()
    }

    /// W of layer `l` as an n_out × n_in view.
    pub fn weights(&self, l: usize) -> ArrayView2<'_, f64> {
        let layer = self.layers[l];
        ArrayView2::from_shape((layer.n_out, layer.n_in), &self.params[layer.weights()]).expect("layer shape")
    }

    /// Whether layer `l` is the output layer (its activation is the loss's output unit; every
    /// other layer uses the config's activation).
    #[inline]
    fn is_output(&self, l: usize) -> bool {
        l + 1 == self.layers.len()
    }

    /// The training forward pass on the first `m` samples loaded in `ws.a[0]`: fills z\[l\]
    /// and a[l+1]; normalized layers use the batch's statistics.
    pub fn forward(&self, ws: &mut Workspace, m: usize) {
        self.forward_pass(&self.params, ws, m, true, Statistics::Batch, None);
    }

    /// The forward pass of predictions: like [`Network::forward`], but normalized layers use the
    /// running statistics (each sample's output depends on it alone).
    pub fn infer(&self, ws: &mut Workspace, m: usize) {
        self.forward_pass(&self.params, ws, m, true, Statistics::Running, None);
    }

    /// The forward pass at parameters `params` (laid out like [`Network::params`]) in the
    /// workspace's precision, normalized layers using `statistics`.
    pub fn forward_at<T: Real>(&self, params: &[T], ws: &mut Workspace<T>, m: usize, statistics: Statistics) {
        self.forward_pass(params, ws, m, true, statistics, None);
    }

    /// The forward pass at parameters `params` (laid out like [`Network::params`], in the
    /// workspace's precision) without the output unit's activation: all a cost needs (the loss
    /// is computed from the output's z), one transcendental per sample less.
    pub fn forward_logits<T: Real>(&self, params: &[T], ws: &mut Workspace<T>, m: usize, statistics: Statistics) {
        self.forward_pass(params, ws, m, false, statistics, None);
    }

    /// [`Network::forward_logits`] from layer `l` on, for a caller that has written that layer's
    /// weighted sums (before any normalization) of the first `m` samples into `ws.z[l]` itself:
    /// the layers before it do not run.
    pub fn forward_logits_from<T: Real>(
        &self,
        l: usize,
        params: &[T],
        ws: &mut Workspace<T>,
        m: usize,
        statistics: Statistics,
    ) {
        self.forward_pass(params, ws, m, false, statistics, Some(l));
    }

    /// The forward pass from the inputs, or with `given` = Some(l) from layer l, whose weighted
    /// sums are already in z\[l\].
    fn forward_pass<T: Real>(
        &self,
        params: &[T],
        ws: &mut Workspace<T>,
        m: usize,
        activate_output: bool,
        statistics: Statistics,
        given: Option<usize>,
    ) {
        debug_assert!(m <= ws.capacity);
        let cap = ws.capacity;
        for (l, layer) in self.layers.iter().enumerate().skip(given.unwrap_or(0)) {
            let (before, after) = ws.a.split_at_mut(l + 1);
            let input = elements(&before[l]);
            let output = elements_mut(&mut after[0]);
            let z = elements_mut(&mut ws.z[l]);
            let w = &params[layer.weights()];
            let b = &params[layer.biases()];
            if given != Some(l) {
                // z[j, :] = b[j] + Σ_i W[j, i]·a_prev[i, :] (no b before a normalization)
                let start = |j: usize| if layer.norm.is_some() { T::ZERO } else { b[j] };
                let weights = UnitWeights { data: w, unit_step: layer.n_in, step: 1 };
                set_weighted_units(z, cap, layer.n_out, start, weights, Strided::new(input, cap, m, layer.n_in));
            }
            if let Some(norm) = layer.norm {
                self.normalize(params, layer, norm, z, &mut ws.norm[l], cap, m, statistics);
            }
            if self.is_output(l) {
                if activate_output {
                    self.loss.activate(z, output, cap, m);
                }
                continue;
            }
            // a = g(z), element by element: over the whole layer at once when the batch fills
            // the workspace (one long loop instead of a short one per unit), else row by row.
            for range in unit_rows(layer.n_out, cap, m) {
                self.activation.apply_all(&z[range.clone()], &mut output[range]);
            }
        }
    }

    /// z ← γ·(z − μ)/√(σ² + ε) + β for every unit of a normalized layer, with the batch's μ, σ²
    /// or the running ones, keeping ẑ and the statistics in `cache`.
    #[inline(never)] // off the hot path of unnormalized networks
    #[allow(clippy::too_many_arguments)]
    fn normalize<T: Real>(
        &self,
        params: &[T],
        layer: &LayerShape,
        norm: NormShape,
        z: &mut [T],
        cache: &mut NormCache<T>,
        cap: usize,
        m: usize,
        statistics: Statistics,
    ) {
        let running = &self.running[norm.running..norm.running + 2 * layer.n_out];
        let b = &params[layer.biases()];
        for j in 0..layer.n_out {
            let z_row = &mut z[j * cap..j * cap + m];
            let (mean, variance) = match statistics {
                Statistics::Batch => batch_norm::moments(z_row),
                Statistics::Running => (running[j], running[layer.n_out + j]),
            };
            (cache.mean[j], cache.variance[j]) = (mean, variance);
            let z_hat = &mut elements_mut(&mut cache.z_hat)[j * cap..j * cap + m];
            let inverse_std = batch_norm::inverse_std(variance);
            batch_norm::normalize_row(z_row, z_hat, mean, inverse_std, params[norm.gamma + j], b[j]);
        }
    }

    /// Backward pass after [`Network::forward`] on the same `m` samples, with targets
    /// `ws.targets[..m]`. Fills `ws.grad` with ∂J/∂θ for J = mean loss + `penalty` (the loss
    /// itself is [`Network::mean_loss`]).
    pub fn backward(&self, ws: &mut Workspace, m: usize, penalty: Penalty) {
        let cap = ws.capacity;
        let last = self.layers.len() - 1;
        let inv_m = 1.0 / m as f64;
        {
            // δ[L] = (a[L] − y)/m: the 1/m of the mean is folded in here.
            let a_out = elements(&ws.a[last + 1]);
            let delta = elements_mut(&mut ws.delta[last]);
            self.loss.deltas(a_out, &ws.targets, delta, cap, m, inv_m);
        }
        for l in (0..=last).rev() {
            let layer = self.layers[l];
            let (n_in, n_out) = (layer.n_in, layer.n_out);
            if let Some(norm) = layer.norm {
                // Through the normalization: ∂J/∂γ, ∂J/∂β, and δ becomes ∂J/∂z.
                let delta = elements_mut(&mut ws.delta[l]);
                let cache = &ws.norm[l];
                let z_hat = elements(&cache.z_hat);
                for j in 0..n_out {
                    let row = j * cap..j * cap + m;
                    let inverse_std = batch_norm::inverse_std(cache.variance[j]);
                    let gamma = self.params[norm.gamma + j];
                    let (d_gamma, d_beta) =
                        batch_norm::backward_row(&mut delta[row.clone()], &z_hat[row], gamma, inverse_std);
                    (ws.grad[norm.gamma + j], ws.grad[layer.b + j]) = (d_gamma, d_beta);
                }
            }
            let a_prev = elements(&ws.a[l]);
            let (grad_w, grad_b) = ws.grad[layer.w..layer.b + n_out].split_at_mut(n_in * n_out);
            let (deltas_before, deltas_after) = ws.delta.split_at_mut(l);
            let delta = elements(&deltas_after[0]);
            let w = &self.params[layer.weights()];
            // ∂J/∂W[j, i] = Σ_s δ[j, s]·a_prev[i, s] (+ λ W[j, i] + λ₁ sign W[j, i]); ∂J/∂b[j] = Σ_s δ[j, s]
            let deltas = Strided::new(delta, cap, m, n_out);
            let bias_grad = layer.norm.is_none().then_some(grad_b);
            set_weight_gradients(grad_w, bias_grad, deltas, Strided::new(a_prev, cap, m, n_in));
            if penalty.l2 != 0.0 {
                for (gradient, &weight) in grad_w.iter_mut().zip(w) {
                    *gradient += penalty.l2 * weight;
                }
            }
            penalty.add_l1_gradient(w, grad_w);
            if l == 0 {
                break;
            }
            // δ[l−1] = (Wᵀ δ[l]) ⊙ g'(z[l−1])
            let prev_delta = elements_mut(&mut deltas_before[l - 1]);
            let z_prev = elements(&ws.z[l - 1]);
            let weights = UnitWeights { data: w, unit_step: 1, step: n_in };
            set_weighted_units(prev_delta, cap, n_in, |_| 0.0, weights, deltas);
            for range in unit_rows(n_in, cap, m) {
                self.activation.scale_by_derivative(
                    &z_prev[range.clone()],
                    &a_prev[range.clone()],
                    &mut prev_delta[range],
                );
            }
        }
    }

    /// Bounds of the mean loss of the last forward pass on `m` samples (see
    /// [`Loss::total_floor_of_layer`]): the mean lies in [floor, floor + slack]; NaN when a
    /// logit is.
    pub fn mean_loss_bounds(&self, ws: &Workspace, m: usize) -> (f64, f64) {
        let z_out = elements(&ws.z[self.layers.len() - 1]);
        let (floor, slack) = self.loss.total_floor_of_layer(z_out, &ws.targets, ws.capacity, m);
        (floor / m as f64, slack / m as f64)
    }

    /// Mean loss of the last forward pass on `m` samples against `ws.targets`.
    pub fn mean_loss<T: Real>(&self, ws: &mut Workspace<T>, m: usize) -> f64 {
        let z_out = elements(&ws.z[self.layers.len() - 1]);
        self.loss.total_of_layer(z_out, &ws.targets, &mut ws.scratch, ws.capacity, m) / m as f64
    }
}

/// The elements of an array the core keeps in standard layout (every workspace matrix, the data
/// sets' columns), row after row; panics for any other layout. Checked inline: ndarray's own
/// check is a call, made some twenty times per training step.
#[inline]
pub fn elements<S: ndarray::Data, D: ndarray::Dimension>(array: &ndarray::ArrayBase<S, D>) -> &[S::Elem] {
    let len = array.len();
    assert_row_major(len, array.shape(), array.strides());
    // SAFETY: with row-major strides the array's elements are the `len` ones from its pointer.
    unsafe { std::slice::from_raw_parts(array.as_ptr(), len) }
}

/// [`elements`], to write.
#[inline]
pub fn elements_mut<S: ndarray::DataMut, D: ndarray::Dimension>(
    array: &mut ndarray::ArrayBase<S, D>,
) -> &mut [S::Elem] {
    let len = array.len();
    assert_row_major(len, array.shape(), array.strides());
    // SAFETY: as in `elements`; the array is borrowed mutably (and owns or uniquely views its
    // data: `DataMut`).
    unsafe { std::slice::from_raw_parts_mut(array.as_mut_ptr(), len) }
}

/// Panics unless the `len` elements of an array of `shape` and `strides` are stored row after row:
/// each stride the product of the later axes' lengths (but along an axis of length 1, and in an
/// empty array, whose strides may be anything).
#[inline(always)]
fn assert_row_major(len: usize, shape: &[usize], strides: &[isize]) {
    if len == 0 {
        return;
    }
    let mut expected = 1;
    for (&axis_len, &stride) in shape.iter().zip(strides).rev() {
        if axis_len > 1 && stride != expected {
            not_row_major();
        }
        expected *= axis_len as isize;
    }
}

/// The panic of [`assert_row_major`], out of the way.
#[cold]
#[inline(never)]
fn not_row_major() -> ! {
    panic!("arrays of the core are contiguous")
}

/// The index ranges of the first `m` samples of `units` rows of a units × `cap` matrix, for
/// element-by-element work: one range over every row when the batch fills the matrix (one long
/// loop instead of a short one per unit), else one per row.
fn unit_rows(units: usize, cap: usize, m: usize) -> impl Iterator<Item = std::ops::Range<usize>> {
    let (count, len) = if m == cap { (1, units * cap) } else { (units, m) };
    (0..count).map(move |j| j * cap..j * cap + len)
}

/// Preallocated buffers for a batch of up to `capacity` samples: the cache of the forward pass
/// (z\[l\], a\[l\]), the backward deltas and the gradient (both empty in a
/// [`Workspace::forward_only`] one). Every matrix is units × capacity, one row per unit and one
/// column per sample, so the inner loops run along the batch. `T` is the precision of the
/// forward pass; the backward pass and training use f64.
#[derive(Debug, Clone)]
pub struct Workspace<T: Real = f64> {
    /// Most samples a pass may use.
    pub capacity: usize,
    /// a\[0\] is the input batch; a[l+1] = g(z\[l\]).
    pub a: Vec<Array2<T>>,
    /// Pre-activations z\[l\] of layer l (after the normalization, when normalized).
    pub z: Vec<Array2<T>>,
    /// What each layer's normalization used (empty for unnormalized layers).
    pub norm: Vec<NormCache<T>>,
    /// δ\[l\] = ∂J/∂z\[l\].
    pub delta: Vec<Array2<T>>,
    /// Targets of the rows in a\[0\].
    pub targets: Vec<T>,
    /// Room for per-sample intermediate values.
    pub scratch: Vec<T>,
    /// The points of the batch in data coordinates, when loaded by [`Workspace::load_points`].
    points: Vec<[f64; 2]>,
    /// ∂J/∂θ, laid out like the parameter vector.
    pub grad: Vec<T>,
}

impl<T: Real> Workspace<T> {
    /// Buffers for `net` and batches of at most `capacity` rows.
    pub fn new(net: &Network, capacity: usize) -> Workspace<T> {
        let mut ws = Workspace::forward_only(net, capacity);
        ws.delta = ws.z.clone();
        ws.grad = vec![T::ZERO; net.params.len()];
        ws
    }

    /// Buffers for forward passes only (no deltas, no gradient: [`Network::backward`] needs
    /// [`Workspace::new`]), for evaluating costs and outputs.
    pub fn forward_only(net: &Network, capacity: usize) -> Workspace<T> {
        let widths = net.widths();
        let matrices = |widths: &[usize]| widths.iter().map(|&n| Array2::from_elem((n, capacity), T::ZERO)).collect();
        let norm = net
            .layers
            .iter()
            .map(|layer| NormCache::new(if layer.norm.is_some() { layer.n_out } else { 0 }, capacity))
            .collect();
        Workspace {
            capacity,
            a: matrices(&widths),
            z: matrices(&widths[1..]),
            norm,
            delta: Vec::new(),
            targets: vec![T::ZERO; capacity],
            scratch: vec![T::ZERO; capacity],
            points: Vec::with_capacity(capacity),
            grad: Vec::new(),
        }
    }

    /// Copies rows `rows` of the input columns (one per input, already in this precision) and
    /// of the targets `y` into the batch; returns the number of samples (at most `capacity`).
    pub fn load_columns(&mut self, columns: &[Vec<T>], y: &[T], rows: std::ops::Range<usize>) -> usize {
        let m = rows.len().min(self.capacity);
        let cap = self.capacity;
        let inputs = elements_mut(&mut self.a[0]);
        for (f, column) in columns.iter().enumerate() {
            inputs[f * cap..f * cap + m].copy_from_slice(&column[rows.start..rows.start + m]);
        }
        self.targets[..m].copy_from_slice(&y[rows.start..rows.start + m]);
        m
    }

    /// Copies rows `rows` of the inputs `x` (one column per input) and the targets `y` into the
    /// batch, in that order; returns the number of samples (at most `capacity`).
    pub fn load_batch(&mut self, x: ArrayView2<f64>, y: &[f64], rows: impl Iterator<Item = usize>) -> usize {
        let (cap, features) = (self.capacity, x.ncols());
        let inputs = elements_mut(&mut self.a[0]);
        let mut m = 0;
        for (i, t) in rows.zip(self.targets.iter_mut()) {
            // Element by element: a row view and its iterator cost more than the copy itself.
            for f in 0..features {
                inputs[f * cap + m] = T::splat(x[[i, f]]);
            }
            *t = T::splat(y[i]);
            m += 1;
        }
        m
    }

    /// Gathers up to `capacity` points from `points` and writes input f of each into the input
    /// batch with `column(f, points, inputs)` (one call per input, over the whole chunk, so the
    /// choice of the input's formula is made once per column); returns how many points.
    pub fn load_points(
        &mut self,
        points: &mut impl Iterator<Item = [f64; 2]>,
        column: impl Fn(usize, &[[f64; 2]], &mut [T]),
    ) -> usize {
        let (cap, inputs) = (self.capacity, self.a[0].nrows());
        self.points.clear();
        self.points.extend(points.take(cap));
        let m = self.points.len();
        let batch = elements_mut(&mut self.a[0]);
        for f in 0..inputs {
            column(f, &self.points, &mut batch[f * cap..f * cap + m]);
        }
        m
    }

    /// Whether the output pre-activations (logits) of the first `m` samples of the last forward
    /// pass are all finite: an overflow anywhere upstream reaches them as ±∞ or NaN (ReLU lets
    /// NaN through), while the sigmoid after them would hide ±∞ as 0 or 1.
    pub fn logits_finite(&self, m: usize) -> bool {
        let z_out = elements(&self.z[self.z.len() - 1]);
        z_out.chunks_exact(self.capacity.max(1)).all(|row| row[..m].iter().all(|z| z.to_f64().is_finite()))
    }

    /// The outputs ŷ of the first `m` samples of the last forward pass, for a single output
    /// unit (the first one's, for several).
    pub fn outputs(&self, m: usize) -> &[T] {
        &elements(&self.a[self.a.len() - 1])[..m]
    }

    /// The class predicted for sample `s` of the last forward pass: 1 where a single output is
    /// at least ½ (else 0), the most probable class of the softmax.
    pub fn predicted_class(&self, s: usize) -> usize {
        let y_hat = elements(&self.a[self.a.len() - 1]);
        match self.a[self.a.len() - 1].nrows() {
            1 => usize::from(y_hat[s] >= T::splat(0.5)),
            classes => crate::nn::softmax::predicted(y_hat, classes, self.capacity, s),
        }
    }

    /// Appends the outputs of the first `m` samples of the last forward pass to `out`, sample
    /// after sample: one value each for a single output unit, K class probabilities each for
    /// the softmax.
    pub fn append_outputs(&self, m: usize, out: &mut Vec<T>) {
        let y_hat = &self.a[self.a.len() - 1];
        if y_hat.nrows() == 1 {
            out.extend_from_slice(self.outputs(m));
        } else {
            out.extend(y_hat.columns().into_iter().take(m).flatten());
        }
    }
}

/// One layer's normalization in the last forward pass: ẑ = (z − μ)/√(σ² + ε) of every unit and
/// sample, and the μ and σ² divided by (the batch's or the running ones).
#[derive(Debug, Clone)]
pub struct NormCache<T: Real = f64> {
    /// ẑ, units × capacity.
    pub z_hat: Array2<T>,
    /// μ of each unit.
    pub mean: Vec<f64>,
    /// σ² of each unit.
    pub variance: Vec<f64>,
}

impl<T: Real> NormCache<T> {
    /// Buffers for `units` units (0 for a layer without normalization) and `capacity` samples.
    fn new(units: usize, capacity: usize) -> NormCache<T> {
        let capacity = if units == 0 { 0 } else { capacity };
        NormCache {
            z_hat: Array2::from_elem((units, capacity), T::ZERO),
            mean: vec![0.0; units],
            variance: vec![0.0; units],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_are_those_of_standard_layout_and_other_layouts_are_refused() {
        let mut matrix = Array2::from_shape_fn((3, 4), |(r, c)| (10 * r + c) as f64);
        let expected: Vec<f64> = matrix.iter().copied().collect();
        assert_eq!(elements(&matrix), &expected[..]);
        elements_mut(&mut matrix)[5] = -1.0;
        assert_eq!(matrix[[1, 1]], -1.0);
        // One row or one column of a matrix is contiguous whatever its stride along the axis of 1.
        assert_eq!(elements(&matrix.slice(ndarray::s![1..2, ..])), &[10.0, -1.0, 12.0, 13.0]);
        assert_eq!(elements(&ndarray::Array2::<f64>::zeros((0, 5))), &[] as &[f64]);
        let refused = |view: ArrayView2<f64>| std::panic::catch_unwind(|| elements(&view).len()).is_err();
        assert!(refused(matrix.t()));
        assert!(refused(matrix.slice(ndarray::s![.., 1..3])));
        assert!(refused(matrix.slice(ndarray::s![..;2, ..])));
    }
}
