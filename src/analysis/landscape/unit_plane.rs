//! The `weights2d` plane of a network with hidden layers, evaluated in single precision without
//! running again what stays fixed. The plane moves two parameters of one first-layer unit u (its
//! weights of the first two inputs, or of the only input and its bias), so the other first-layer
//! units, and the second layer's weighted sums but for u's term, are the same at every node.
//! Computed once per training sample, they leave per node and sample u's weighted sum
//! z_u = r + a·c₁ + b·c₂ (r: the sum without the two parameters, c₁ and c₂: what they multiply),
//! h_u = g(z_u), and the second layer's sums s_k + W_ku·h_u; the layers after it run as usual.
//! On a 2-8-8-1 network that is about half the arithmetic of a whole pass. With a bounded
//! activation and enough nodes, the losses as functions of h_u are tabulated instead
//! ([`LossTable`]), and a node costs z_u, h_u and a cubic per sample.

use super::loss_table::LossTable;
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
    /// z_u and h_u of the samples of a node (of all of them, or of a chunk).
    z_unit: Vec<f32>,
    h_unit: Vec<f32>,
    /// The samples' losses as functions of h_u, when tabulated.
    table: Option<LossTable>,
}

impl UnitPlane {
    /// The fixed parts of the plane through `origin` (where both parameters are 0) that moves
    /// parameters `axes` of first-layer unit `unit`, over the training inputs `columns` (rounded
    /// to f32, one column per input) with their `targets`, in chunks of `chunk` samples, with the
    /// losses tabulated if `tabulate` (and the table turns out accurate); None when the network
    /// has no hidden layer or normalizes one (every node then runs whole passes).
    pub(super) fn new(
        net: &Network,
        origin: &[f64],
        unit: usize,
        axes: [usize; 2],
        (columns, targets): (&[Vec<f32>], &[f32]),
        chunk: usize,
        tabulate: bool,
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
        let mut plane = UnitPlane {
            axes,
            rest,
            factors: axes.map(factor),
            others,
            outgoing,
            z_unit: vec![0.0; n.max(chunk)],
            h_unit: vec![0.0; n.max(chunk)],
            table: None,
        };
        if let Some(range) = net.activation.bounds().filter(|_| tabulate) {
            plane.table = LossTable::new(range, n, |h, losses| {
                plane.h_unit[..n].fill(h);
                for start in (0..n).step_by(chunk) {
                    let m = ws.load_columns(columns, targets, start..n);
                    plane.write_second_layer_sums(&mut ws, start, m);
                    net.forward_logits_from(1, &params, &mut ws, m, Statistics::Batch);
                    let logits = elements(&ws.z[net.layers.len() - 1]);
                    net.loss.per_sample_of_layer(logits, &ws.targets, &mut losses[start..], chunk, m);
                }
            });
        }
        Some(plane)
    }

    /// The mean loss at the node whose parameters are `exact` from the table, if the losses are
    /// tabulated (and finite there).
    pub(super) fn tabulated_mean_loss(&mut self, net: &Network, exact: &[f64]) -> Option<f64> {
        self.table.as_ref()?;
        let n = self.rest.len();
        self.unit_outputs(net, exact, 0, n);
        let mean = self.table.as_mut()?.mean_loss(&self.h_unit[..n]);
        mean.is_finite().then_some(mean)
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
        self.unit_outputs(net, exact, start, m);
        self.write_second_layer_sums(ws, start, m);
    }

    /// z_u and h_u of the `m` samples from `start` at the node whose parameters are `exact`, into
    /// the first `m` places of their buffers.
    fn unit_outputs(&mut self, net: &Network, exact: &[f64], start: usize, m: usize) {
        let (a, b) = (exact[self.axes[0]] as f32, exact[self.axes[1]] as f32);
        let rows = start..start + m;
        let (c1, c2) = (&self.factors[0][rows.clone()], &self.factors[1][rows.clone()]);
        plane_sums(&mut self.z_unit[..m], &self.rest[rows], [(a, c1), (b, c2)]);
        net.activation.apply_all(&self.z_unit[..m], &mut self.h_unit[..m]);
    }

    /// s_k + W_ku·h_u into `ws.z[1]` for the `m` samples from `start`, h_u from the first `m`
    /// places of its buffer.
    fn write_second_layer_sums(&self, ws: &mut Workspace<f32>, start: usize, m: usize) {
        let (cap, n) = (ws.capacity, self.rest.len());
        let z = elements_mut(&mut ws.z[1]);
        for (k, &w) in self.outgoing.iter().enumerate() {
            let fixed = &self.others[k * n + start..k * n + start + m];
            plane_sums(&mut z[k * cap..k * cap + m], fixed, [(w, &self.h_unit[..m])]);
        }
    }
}

/// z\[s\] = start\[s\] + Σ weight·row\[s\] over the (weight, row) `terms`, for every s of z.
fn plane_sums<const TERMS: usize>(z: &mut [f32], start: &[f32], terms: [(f32, &[f32]); TERMS]) {
    for (s, (z, &start)) in z.iter_mut().zip(start).enumerate() {
        *z = terms.iter().fold(start, |sum, &(weight, row)| sum + weight * row[s]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::session::{DrawingPass, Session};

    #[test]
    fn tabulated_losses_are_those_the_layers_give() {
        let mut session = Session::new(Config { hidden: vec![8, 8], noise: 0.2, ..Config::default() }).unwrap();
        session.step(300);
        let net = session.network().clone();
        let (inputs, targets) = session.training_set();
        let columns: Vec<Vec<f32>> =
            inputs.columns().into_iter().map(|c| c.iter().map(|&v| v as f32).collect()).collect();
        let targets: Vec<f32> = targets.iter().map(|&y| y as f32).collect();
        let (unit, first) = (5, net.layers[0]);
        let axes = [first.w + unit * first.n_in, first.w + unit * first.n_in + 1];
        let mut origin = net.params.clone();
        axes.iter().for_each(|&p| origin[p] = 0.0);
        let chunk = 64;
        let plane =
            |tabulate| UnitPlane::new(&net, &origin, unit, axes, (&columns, &targets), chunk, tabulate).unwrap();
        let (mut tabulated, mut layered) = (plane(true), plane(false));
        assert!(tabulated.table.is_some() && layered.table.is_none());
        let mut pass = DrawingPass::new(&net, chunk);
        let n = targets.len();
        for (a, b) in [(0.0, 0.0), (-3.1, 0.7), (2.4, -5.0), (40.0, 40.0)] {
            let mut node = net.params.clone();
            (node[axes[0]], node[axes[1]]) = (a, b);
            pass.set_parameters(&node);
            let mut sum = 0.0;
            for start in (0..n).step_by(chunk) {
                let m = pass.single_rows().load_columns(&columns, &targets, start..n);
                layered.second_layer_sums(&net, &node, pass.single_rows(), start, m);
                sum += pass.mean_loss_from(1, &net, &node, m) * m as f64;
            }
            let (by_layers, by_table) = (sum / n as f64, tabulated.tabulated_mean_loss(&net, &node).unwrap());
            assert!((by_table - by_layers).abs() < 1e-6 * by_layers, "({a}, {b}): {by_table} vs {by_layers}");
        }
    }
}
