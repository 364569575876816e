//! The multilayer perceptron: all parameters in one contiguous vector, a forward pass that
//! caches z[l] and a[l] for a batch, and the backward pass of the lecture
//! (δ[L] = a[L] − y, δ[l] = (W[l+1]ᵀ δ[l+1]) ⊙ g'(z[l]), ∂J/∂W[l] = δ[l] a[l−1]ᵀ / m).
//! Both passes work in a preallocated [`Workspace`] and allocate nothing.

use crate::activation::Activation;
use crate::init::Init;
use crate::loss::Loss;
use crate::rng::SeededRng;
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
    /// Offset of b in the parameter vector.
    pub b: usize,
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
}

/// A fully connected network 2 → hidden… → 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    /// Layer shapes, input side first; the last one is the output layer.
    pub layers: Vec<LayerShape>,
    /// Activation of every hidden layer.
    pub activation: Activation,
    /// Output unit and loss.
    pub loss: Loss,
    /// Every W and b, layer after layer.
    pub params: Vec<f64>,
}

/// Number of input features.
pub const INPUTS: usize = 2;

impl Network {
    /// A network with the given hidden layer sizes and all parameters 0.
    pub fn new(hidden: &[usize], activation: Activation, loss: Loss) -> Network {
        let mut layers = Vec::with_capacity(hidden.len() + 1);
        let mut offset = 0;
        let mut n_in = INPUTS;
        for &n_out in hidden.iter().chain(std::iter::once(&1)) {
            let w = offset;
            let b = w + n_in * n_out;
            offset = b + n_out;
            layers.push(LayerShape { n_in, n_out, w, b });
            n_in = n_out;
        }
        Network { layers, activation, loss, params: vec![0.0; offset] }
    }

    /// Draws every weight matrix from `init` (times `scale`); biases are set to 0.
    pub fn initialize(&mut self, init: Init, scale: f64, rng: &mut SeededRng) {
        for layer in &self.layers {
            init.fill(&mut self.params[layer.weights()], layer.n_in, layer.n_out, scale, rng);
            self.params[layer.biases()].fill(0.0);
        }
    }

    /// Layer widths, input first: [2, hidden…, 1].
    pub fn widths(&self) -> Vec<usize> {
        std::iter::once(INPUTS).chain(self.layers.iter().map(|l| l.n_out)).collect()
    }

    /// W of layer `l` as an n_out × n_in view.
    pub fn weights(&self, l: usize) -> ArrayView2<'_, f64> {
        let layer = self.layers[l];
        ArrayView2::from_shape((layer.n_out, layer.n_in), &self.params[layer.weights()]).expect("layer shape")
    }

    /// The L2 penalty (λ/2)·Σw² over all weights (biases excluded).
    pub fn penalty(&self, l2: f64) -> f64 {
        if l2 == 0.0 {
            return 0.0;
        }
        let sum: f64 = self.layers.iter().map(|l| self.params[l.weights()].iter().map(|w| w * w).sum::<f64>()).sum();
        0.5 * l2 * sum
    }

    /// The activation of layer `l` (hidden layers use the config's, the last one the loss's).
    #[inline]
    fn is_output(&self, l: usize) -> bool {
        l + 1 == self.layers.len()
    }

    /// Forward pass on the first `m` rows of `ws.a[0]`: fills z[l] and a[l+1] for every layer.
    pub fn forward(&self, ws: &mut Workspace, m: usize) {
        debug_assert!(m <= ws.capacity);
        for (l, layer) in self.layers.iter().enumerate() {
            let (before, after) = ws.a.split_at_mut(l + 1);
            let input = before[l].as_slice().expect("contiguous");
            let output = after[0].as_slice_mut().expect("contiguous");
            let z = ws.z[l].as_slice_mut().expect("contiguous");
            let w = &self.params[layer.weights()];
            let b = &self.params[layer.biases()];
            let (n_in, n_out) = (layer.n_in, layer.n_out);
            let output_layer = self.is_output(l);
            for s in 0..m {
                let a_prev = &input[s * n_in..(s + 1) * n_in];
                let z_row = &mut z[s * n_out..(s + 1) * n_out];
                let a_row = &mut output[s * n_out..(s + 1) * n_out];
                for j in 0..n_out {
                    let w_row = &w[j * n_in..(j + 1) * n_in];
                    let zj = b[j] + dot(w_row, a_prev);
                    z_row[j] = zj;
                    a_row[j] = if output_layer { self.loss.output(zj) } else { self.activation.apply(zj) };
                }
            }
        }
    }

    /// Backward pass after [`Network::forward`] on the same `m` rows, with targets
    /// `ws.targets[..m]`. Fills `ws.grad` with ∂J/∂θ for J = mean loss + (λ/2)·Σw² and returns
    /// the mean loss (without the penalty).
    pub fn backward(&self, ws: &mut Workspace, m: usize, l2: f64) -> f64 {
        let last = self.layers.len() - 1;
        let inv_m = 1.0 / m as f64;
        let loss = self.mean_loss(ws, m);
        {
            let a_out = ws.a[last + 1].as_slice().expect("contiguous");
            let delta = ws.delta[last].as_slice_mut().expect("contiguous");
            for s in 0..m {
                delta[s] = self.loss.output_delta(a_out[s], ws.targets[s]) * inv_m;
            }
        }
        for l in (0..=last).rev() {
            let layer = self.layers[l];
            let (n_in, n_out) = (layer.n_in, layer.n_out);
            let a_prev = ws.a[l].as_slice().expect("contiguous");
            let (grad_w, grad_b) = ws.grad[layer.w..layer.b + n_out].split_at_mut(n_in * n_out);
            grad_w.fill(0.0);
            grad_b.fill(0.0);
            let (deltas_before, deltas_after) = ws.delta.split_at_mut(l);
            let delta = deltas_after[0].as_slice().expect("contiguous");
            for s in 0..m {
                let d_row = &delta[s * n_out..(s + 1) * n_out];
                let a_row = &a_prev[s * n_in..(s + 1) * n_in];
                for j in 0..n_out {
                    let dj = d_row[j];
                    grad_b[j] += dj;
                    axpy(dj, a_row, &mut grad_w[j * n_in..(j + 1) * n_in]);
                }
            }
            if l2 != 0.0 {
                axpy(l2, &self.params[layer.weights()], grad_w);
            }
            if l == 0 {
                break;
            }
            // δ[l−1] = (Wᵀ δ[l]) ⊙ g'(z[l−1])
            let w = &self.params[layer.weights()];
            let prev_delta = deltas_before[l - 1].as_slice_mut().expect("contiguous");
            let z_prev = ws.z[l - 1].as_slice().expect("contiguous");
            for s in 0..m {
                let d_row = &delta[s * n_out..(s + 1) * n_out];
                let back = &mut prev_delta[s * n_in..(s + 1) * n_in];
                back.fill(0.0);
                for j in 0..n_out {
                    axpy(d_row[j], &w[j * n_in..(j + 1) * n_in], back);
                }
                let z_row = &z_prev[s * n_in..(s + 1) * n_in];
                let a_row = &a_prev[s * n_in..(s + 1) * n_in];
                for i in 0..n_in {
                    back[i] *= self.activation.derivative(z_row[i], a_row[i]);
                }
            }
        }
        loss
    }

    /// Mean loss of the last forward pass on `m` rows against `ws.targets`.
    pub fn mean_loss(&self, ws: &Workspace, m: usize) -> f64 {
        let z_out = ws.z[self.layers.len() - 1].as_slice().expect("contiguous");
        let sum: f64 = z_out[..m].iter().zip(&ws.targets[..m]).map(|(&z, &y)| self.loss.value(z, y)).sum();
        sum / m as f64
    }
}

/// Σ a[i]·b[i].
#[inline]
fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// y ← y + α·x.
#[inline]
fn axpy(alpha: f64, x: &[f64], y: &mut [f64]) {
    for (yi, xi) in y.iter_mut().zip(x) {
        *yi += alpha * xi;
    }
}

/// Preallocated buffers for a batch of up to `capacity` rows: the cache of the forward pass
/// (z[l], a[l]), the backward deltas and the gradient.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// Most rows a pass may use.
    pub capacity: usize,
    /// a[0] is the input batch; a[l+1] = g(z[l]).
    pub a: Vec<Array2<f64>>,
    /// Pre-activations z[l] of layer l.
    pub z: Vec<Array2<f64>>,
    /// δ[l] = ∂J/∂z[l].
    pub delta: Vec<Array2<f64>>,
    /// Targets of the rows in a[0].
    pub targets: Vec<f64>,
    /// ∂J/∂θ, laid out like the parameter vector.
    pub grad: Vec<f64>,
}

impl Workspace {
    /// Buffers for `net` and batches of at most `capacity` rows.
    pub fn new(net: &Network, capacity: usize) -> Workspace {
        let widths = net.widths();
        Workspace {
            capacity,
            a: widths.iter().map(|&n| Array2::zeros((capacity, n))).collect(),
            z: widths[1..].iter().map(|&n| Array2::zeros((capacity, n))).collect(),
            delta: widths[1..].iter().map(|&n| Array2::zeros((capacity, n))).collect(),
            targets: vec![0.0; capacity],
            grad: vec![0.0; net.params.len()],
        }
    }

    /// Copies rows `rows` of the features `x` and the targets `y` into the batch, in that
    /// order; returns the number of rows (at most `capacity`).
    pub fn load_batch(&mut self, x: ArrayView2<f64>, y: &[f64], rows: impl Iterator<Item = usize>) -> usize {
        let input = self.a[0].as_slice_mut().expect("contiguous");
        let mut m = 0;
        for i in rows.take(self.capacity) {
            input[m * INPUTS] = x[[i, 0]];
            input[m * INPUTS + 1] = x[[i, 1]];
            self.targets[m] = y[i];
            m += 1;
        }
        m
    }

    /// Copies points (already normalized) into the input batch; returns how many (at most
    /// `capacity`).
    pub fn load_points(&mut self, points: &mut impl Iterator<Item = [f64; 2]>) -> usize {
        let input = self.a[0].as_slice_mut().expect("contiguous");
        let mut m = 0;
        while m < self.capacity {
            let Some(p) = points.next() else { break };
            input[m * INPUTS..(m + 1) * INPUTS].copy_from_slice(&p);
            m += 1;
        }
        m
    }

    /// The output ŷ of row `s` of the last forward pass.
    #[inline]
    pub fn output(&self, s: usize) -> f64 {
        self.a[self.a.len() - 1][[s, 0]]
    }
}
