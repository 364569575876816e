//! The backprop explorer: one forward and backward pass on chosen training examples, with every
//! intermediate quantity kept — computed by the same [`Network::forward`] and
//! [`Network::backward`] that training uses, so the view cannot disagree with training.

use crate::config::Range;
use crate::error::{Code, Error, Result};
use crate::nn::network::{Network, Workspace};
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
    /// b\[l\].
    pub biases: Vec<f64>,
    /// z\[l\] = W\[l\] a[l−1] + b\[l\].
    pub z: Vec<f64>,
    /// a\[l\] = g(z\[l\]).
    pub a: Vec<f64>,
    /// δ\[l\] = ∂J/∂z\[l\] (the 1/m of the mean included).
    pub delta: Vec<f64>,
    /// ∂J/∂W\[l\] = δ\[l\] a[l−1]ᵀ (+ λW\[l\] + λ₁ sign W\[l\]).
    pub grad_weights: Vec<f64>,
    /// ∂J/∂b\[l\] = Σ over the examples of δ\[l\].
    pub grad_biases: Vec<f64>,
}

/// A forward and backward pass on `m` training examples.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Trace {
    /// Number of examples.
    pub m: usize,
    /// Their rows in the training set.
    pub rows: Vec<usize>,
    /// a\[0\]: the network's inputs, 2 × m.
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
    let loss = net.backward(&mut ws, m, penalty);
    let copy = |a: &ndarray::Array2<f64>| a.as_slice().expect("contiguous").to_vec();
    let layers = net
        .layers
        .iter()
        .enumerate()
        .map(|(l, shape)| LayerTrace {
            n_in: shape.n_in,
            n_out: shape.n_out,
            weights: net.params[shape.weights()].to_vec(),
            biases: net.params[shape.biases()].to_vec(),
            z: copy(&ws.z[l]),
            a: copy(&ws.a[l + 1]),
            delta: copy(&ws.delta[l]),
            grad_weights: ws.grad[shape.weights()].to_vec(),
            grad_biases: ws.grad[shape.biases()].to_vec(),
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
