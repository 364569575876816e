//! The `weights2d` plane of a network with hidden layers, evaluated in single precision without
//! running again what stays fixed. The plane moves two parameters of one first-layer unit u (its
//! weights of the first two inputs, or of the only input and its bias), so the other first-layer
//! units, and the second layer's weighted sums but for u's term, are the same at every node.
//! Computed once per training sample, they leave per node and sample u's weighted sum
//! z_u = r + a·c₁ + b·c₂ (r: the sum without the two parameters, c₁ and c₂: what they multiply),
//! h_u = g(z_u), and the second layer's sums s_k + W_ku·h_u; the layers after it run as usual.
//! On a 2-8-8-1 network that is about half the arithmetic of a whole pass.

use crate::nn::batch_norm::Statistics;
use crate::nn::network::{elements, elements_mut, Network, Workspace};

/// What stays fixed over a `weights2d` plane, for every training sample, and room for the part
/// that varies, one chunk of samples at a time.
pub(super) struct UnitPlane {
    /// Indices of the plane's two parameters (its axes) in the parameter vector.
    axes: [usize; 2],
    /// Per sample: u's weighted sum without the two parameters (r).
    rest: Vec<f32>,
    /// Per sample: what each of the two parameters multiplies (an input, or 1 for the bias).
    factors: [Vec<f32>; 2],
    /// The second layer's weighted sums without u's term: one row per unit, one column per sample.
    others: Vec<f32>,
    /// W_ku for every unit k of the second layer.
    outgoing: Vec<f32>,
    /// A chunk's z_u and h_u.
    z_unit: Vec<f32>,
    h_unit: Vec<f32>,
}

impl UnitPlane {
    /// The fixed parts of the plane through `origin` (where both parameters are 0) that moves
    /// parameters `axes` of first-layer unit `unit`, over the training inputs `columns` (rounded
    /// to f32, one column per input) with their `targets`, in chunks of `chunk` samples; None
    /// when the network has no hidden layer or normalizes one (every node then runs whole passes).
    pub(super) fn new(
        net: &Network,
        origin: &[f64],
        unit: usize,
        axes: [usize; 2],
        (columns, targets): (&[Vec<f32>], &[f32]),
        chunk: usize,
    ) -> Option<UnitPlane> {
        if net.layers.len() < 2 || net.is_normalized() {
            return None;
        }
        let (first, second) = (net.layers[0], net.layers[1]);
        let n = targets.len();
        // One pass at the origin with u's outgoing weights at 0 gives r and the sums s_k.
        let outgoing_index = |k: usize| second.w + k * second.n_in + unit;
        let outgoing = (0..second.n_out).map(|k| origin[outgoing_index(k)] as f32).collect();
        let mut params: Vec<f32> = origin.iter().map(|&p| p as f32).collect();
        (0..second.n_out).for_each(|k| params[outgoing_index(k)] = 0.0);
        let mut ws = Workspace::<f32>::forward_only(net, chunk);
        let (mut rest, mut others) = (vec![0.0; n], vec![0.0; second.n_out * n]);
        for start in (0..n).step_by(chunk) {
            let m = ws.load_columns(columns, targets, start..n);
            net.forward_logits(&params, &mut ws, m, Statistics::Batch);
            let z = elements(&ws.z[0]);
            rest[start..start + m].copy_from_slice(&z[unit * chunk..unit * chunk + m]);
            let z = elements(&ws.z[1]);
            for k in 0..second.n_out {
                others[k * n + start..k * n + start + m].copy_from_slice(&z[k * chunk..k * chunk + m]);
            }
        }
        let factor = |p: usize| match p.checked_sub(first.w + unit * first.n_in) {
            Some(input) if input < first.n_in => columns[input].clone(),
            _ => vec![1.0; n], // the bias
        };
        Some(UnitPlane {
            axes,
            rest,
            factors: axes.map(factor),
            others,
            outgoing,
            z_unit: vec![0.0; chunk],
            h_unit: vec![0.0; chunk],
        })
    }

    /// Writes into `ws.z[1]` the second layer's weighted sums of the `m` samples from `start`
    /// at the node whose parameters are `exact`.
    pub(super) fn second_layer_sums(
        &mut self,
        net: &Network,
        exact: &[f64],
        ws: &mut Workspace<f32>,
        start: usize,
        m: usize,
    ) {
        let (a, b) = (exact[self.axes[0]] as f32, exact[self.axes[1]] as f32);
        let rows = start..start + m;
        let (c1, c2) = (&self.factors[0][rows.clone()], &self.factors[1][rows.clone()]);
        for (((z, &r), &c1), &c2) in self.z_unit[..m].iter_mut().zip(&self.rest[rows]).zip(c1).zip(c2) {
            *z = r + a * c1 + b * c2;
        }
        net.activation.apply_all(&self.z_unit[..m], &mut self.h_unit[..m]);
        let (cap, n) = (ws.capacity, self.rest.len());
        let z = elements_mut(&mut ws.z[1]);
        for (k, &w) in self.outgoing.iter().enumerate() {
            let fixed = &self.others[k * n + start..k * n + start + m];
            for ((z, &s), &h) in z[k * cap..k * cap + m].iter_mut().zip(fixed).zip(&self.h_unit[..m]) {
                *z = s + w * h;
            }
        }
    }
}
