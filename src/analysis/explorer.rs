//! The backprop explorer: one forward and backward pass on chosen training examples, with every
//! intermediate quantity kept — computed by the same [`Network::forward`] and
//! [`Network::backward`] that training uses, so the view cannot disagree with training.

use crate::config::Range;
use crate::error::{Code, Error, Result};
use crate::nn::network::{elements, Network, Workspace};
use crate::nn::penalty::Penalty;
use crate::session::Session;
use ndarray::ArrayView2;
use serde::Serialize;

/// One layer of a trace. Matrices are row-major; per-example quantities are units × m (one row
/// per unit, one column per example).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerTrace {
    /// Units feeding the layer.
    pub n_in: usize,
    /// Units of the layer.
    pub n_out: usize,
    /// W\[l\], n_out × n_in.
    pub weights: Vec<f64>,
    /// b\[l\] (β, when the layer is batch-normalized).
    pub biases: Vec<f64>,
    /// z\[l\] = W\[l\] a[l−1] + b\[l\] (no b when the layer is batch-normalized).
    pub z: Vec<f64>,
    /// a\[l\] = g(z\[l\]), or g(z̃\[l\]) when the layer is batch-normalized.
    pub a: Vec<f64>,
    /// δ\[l\] = ∂J/∂z\[l\] (the 1/m of the mean included).
    pub delta: Vec<f64>,
    /// ∂J/∂W\[l\] = δ\[l\] a[l−1]ᵀ (+ λW\[l\] + λ₁ sign W\[l\]).
    pub grad_weights: Vec<f64>,
    /// ∂J/∂b\[l\] = Σ over the examples of δ\[l\] (∂J/∂β when batch-normalized).
    pub grad_biases: Vec<f64>,
    /// The batch-normalization stage between z and the activation, when the layer has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub norm: Option<NormTrace>,
}

/// A batch-normalized layer's stage: z̃ = γ·ẑ + β with ẑ = (z − μ_B)/√(σ²_B + ε) over the
/// examples, and its backward pass.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NormTrace {
    /// μ_B of each unit over the examples.
    pub mean: Vec<f64>,
    /// σ²_B of each unit (the biased variance, divided by m).
    pub variance: Vec<f64>,
    /// γ of each unit.
    pub gamma: Vec<f64>,
    /// ẑ, units × m.
    pub z_hat: Vec<f64>,
    /// z̃ = γ·ẑ + β, units × m: what the activation receives.
    pub z_tilde: Vec<f64>,
    /// ∂J/∂z̃ = (W[l+1]ᵀ δ[l+1]) ⊙ g'(z̃), units × m; `delta` is ∂J/∂z, through μ_B and σ²_B.
    pub delta_tilde: Vec<f64>,
    /// ∂J/∂γ = Σ over the examples of ∂J/∂z̃ · ẑ.
    pub grad_gamma: Vec<f64>,
}

/// A forward and backward pass on `m` training examples.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Trace {
    /// Number of examples.
    pub m: usize,
    /// Their rows in the training set.
    pub rows: Vec<usize>,
    /// a\[0\]: the network's inputs (its features, normalized), inputs × m.
    pub input: Vec<f64>,
    /// The targets y.
    pub targets: Vec<f64>,
    /// Mean loss of the examples.
    pub loss: f64,
    /// Cost J (mean loss plus the weight penalties).
    pub cost: f64,
    /// Layers 1 … L.
    pub layers: Vec<LayerTrace>,
}

/// Traces `session`'s network on training rows `rows`, as training computes the pass.
pub fn trace(session: &Session, rows: &[usize]) -> Result<Trace> {
    let (x, y) = session.training_set();
    trace_network(session.network(), x, y, rows, Penalty::of(session.config()))
}

/// Traces `net` on rows `rows` of the training inputs `x` and targets `y`.
fn trace_network(net: &Network, x: ArrayView2<f64>, y: &[f64], rows: &[usize], penalty: Penalty) -> Result<Trace> {
    if rows.is_empty() {
        return Err(Error::new(Code::Empty, "rows"));
    }
    let training_rows = Range::below(0.0, y.len() as f64);
    for (i, &row) in rows.iter().enumerate() {
        training_rows.check(&format!("rows[{i}]"), row as f64)?;
    }
    let mut ws = Workspace::new(net, rows.len());
    let m = ws.load_batch(x, y, rows.iter().copied());
    net.forward(&mut ws, m);
    net.backward(&mut ws, m, penalty);
    let loss = net.mean_loss(&mut ws, m);
    let copy = |a: &ndarray::Array2<f64>| elements(a).to_vec();
    let layers = net
        .layers
        .iter()
        .enumerate()
        .map(|(l, shape)| {
            let norm = shape.norm.map(|norm| NormTrace {
                mean: ws.norm[l].mean.clone(),
                variance: ws.norm[l].variance.clone(),
                gamma: net.params[norm.gamma..norm.gamma + shape.n_out].to_vec(),
                z_hat: copy(&ws.norm[l].z_hat),
                z_tilde: copy(&ws.z[l]),
                delta_tilde: delta_before_normalization(net, &ws, l),
                grad_gamma: ws.grad[norm.gamma..norm.gamma + shape.n_out].to_vec(),
            });
            LayerTrace {
                n_in: shape.n_in,
                n_out: shape.n_out,
                weights: net.params[shape.weights()].to_vec(),
                biases: net.params[shape.biases()].to_vec(),
                z: match norm {
                    Some(_) => product(net.weights(l), ws.a[l].view()),
                    None => copy(&ws.z[l]),
                },
                a: copy(&ws.a[l + 1]),
                delta: copy(&ws.delta[l]),
                grad_weights: ws.grad[shape.weights()].to_vec(),
                grad_biases: ws.grad[shape.biases()].to_vec(),
                norm,
            }
        })
        .collect();
    Ok(Trace {
        m,
        rows: rows.to_vec(),
        input: copy(&ws.a[0]),
        targets: ws.targets.clone(),
        loss,
        cost: loss + penalty.cost(net),
        layers,
    })
}
/// ∂J/∂z̃ of hidden layer `l` after a backward pass on all of `ws`'s samples:
/// (W[l+1]ᵀ δ[l+1]) ⊙ g'(z̃\[l\]), the δ of the lecture's formula before the normalization's
/// own backward step turns it into ∂J/∂z.
fn delta_before_normalization(net: &Network, ws: &Workspace, l: usize) -> Vec<f64> {
    let back = product(net.weights(l + 1).t(), ws.delta[l + 1].view());
    let (z, a, m) = (&ws.z[l], &ws.a[l + 1], ws.capacity);
    back.iter().enumerate().map(|(k, &d)| d * net.activation.derivative(z[[k / m, k % m]], a[[k / m, k % m]])).collect()
}

/// The matrix product w·x, row-major, by plain loops (the explorer's few small products do not
/// need a matrix-multiplication library in the package).
fn product(w: ArrayView2<f64>, x: ArrayView2<f64>) -> Vec<f64> {
    let (rows, inner, columns) = (w.nrows(), w.ncols(), x.ncols());
    let mut out = vec![0.0; rows * columns];
    for r in 0..rows {
        for k in 0..inner {
            let weight = w[[r, k]];
            for (o, &v) in out[r * columns..(r + 1) * columns].iter_mut().zip(x.row(k)) {
                *o += weight * v;
            }
        }
    }
    out
}
