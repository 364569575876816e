//! Loss surfaces: the cost J = mean loss + (λ/2)·Σw² + λ₁·Σ|w| over the training set, on a plane
//! (or line) through parameter space, with the optimizer's path projected onto it.
//! - `weights2d`: two weights, everything else fixed at its current value (for a net without
//!   hidden layers w1, w2 of the logistic/linear regression; otherwise the two input weights of
//!   one first-layer unit; with a single input, its weight and the unit's bias). Axes are the
//!   parameters' own values. With hidden layers, single precision runs again only what the two
//!   parameters change (`unit_plane`), and with a bounded activation on grids of 23 × 23 nodes
//!   and more interpolates each sample's loss tabulated over the moving unit's output
//!   (`loss_table`).
//! - `random`: θ_now + αδ + βη with filter-normalized random directions (Li et al. 2018).
//! - `pca`: θ_now + αu₁ + βu₂ with u₁, u₂ the top principal components of the trajectory
//!   θ_i − θ_now (Li et al. 2018, §7).
//! - `line`: J((1−t)·θ_init + t·θ_now) (Goodfellow et al. 2015).
//! - `hessian`: θ_now + αv₁ + βv₂ with v₁, v₂ the Hessian's two eigenvectors of largest |λ| at
//!   θ_now (PyHessian, Yao et al. 2020), with λ₁ and λ₂; their ratio is the plane's κ.
//!
//! The grid's forward passes run in single precision unless the request asks for double (see
//! [`Precision`]); the cost at the current point is always double.

use crate::analysis::curvature;
use crate::config::{settings, Choice, Kind, Range, MAX_UNITS};
use crate::error::{Code, Error, Result};
use crate::math::rng::SeededRng;
use crate::math::{dot, norm};
use crate::nn::network::Network;
use crate::nn::penalty::Penalty;
use crate::session::trajectory::Trajectory;
use crate::session::{DrawingPass, Precision, Session};
use crate::work::{self, Pass};
use loss_table::LossTable;
use ndarray::ArrayView2;
use serde::Serialize;
use unit_plane::UnitPlane;

mod loss_table;
mod unit_plane;

/// Random stream of the random directions.
const DIRECTION_STREAM: u32 = 3;
/// Rows per forward pass when evaluating the cost (a chunk's buffers stay in the CPU's cache);
/// a batch-normalized network takes the whole training set in one pass, its statistics being
/// those of the set.
const CHUNK: usize = 256;
/// Power iterations of the PCA (it stops earlier once converged).
const PCA_ITERATIONS: usize = 200;
/// Largest half-width and centre coordinate of a window: the network's parameters never get
/// near it, and costs out there are beyond what anything draws.
pub const MAX_WINDOW: f64 = 1e6;

crate::config::choices! {
    /// Which surface to compute.
    pub enum SurfaceKind {
        /// Two weights of the network.
        Weights2d = "weights2d",
        /// A filter-normalized random plane through the current point.
        Random = "random",
        /// The plane of the trajectory's top two principal components.
        Pca = "pca",
        /// The line from the initial to the current parameters.
        Line = "line",
        /// The plane of the Hessian's two top eigenvectors through the current point.
        Hessian = "hessian",
    }
}

crate::config::choices! {
    /// What an axis of a surface measures (the page words it).
    pub enum Axis {
        /// The weight of input x₁ (of the output unit, or of first-layer unit `unit`).
        Weight1 = "weight1",
        /// The weight of input x₂.
        Weight2 = "weight2",
        /// The bias (of the output unit, or of first-layer unit `unit`), with a single input.
        Bias = "bias",
        /// α along the random direction δ.
        RandomDelta = "randomDelta",
        /// β along the random direction η.
        RandomEta = "randomEta",
        /// The trajectory's first principal component.
        Pc1 = "pc1",
        /// The trajectory's second principal component.
        Pc2 = "pc2",
        /// t: 0 at the initial parameters, 1 at the current ones.
        T = "t",
        /// Along the Hessian's first eigenvector (largest |λ|).
        Eigen1 = "eigen1",
        /// Along its second.
        Eigen2 = "eigen2",
        /// The cost J.
        Cost = "cost",
    }
}

settings! {
    /// What the caller asks for; every key is optional.
    pub struct SurfaceRequest in SURFACE_SETTINGS {
        /// The plane: two weights of the network, a filter-normalized random plane through the
        /// current point, the plane of the path's top two principal components, the line from the
        /// initial to the current parameters, or the plane of the Hessian's two top eigenvectors.
        kind: SurfaceKind = "kind", SurfaceKind::Weights2d, Kind::Choice { choices: SurfaceKind::NAMES };
        /// Grid nodes per axis.
        res: usize = "res", 51, Kind::Integer { range: Range::closed(3.0, 201.0) };
        /// Half-width of the window in axis units; automatic when absent.
        span: Option<f64> = "span", None, Kind::Number { range: Range::above(0.0, MAX_WINDOW) };
        /// Centre of the window in axis units; the current point when absent.
        center: Option<[f64; 2]> = "center", None,
            Kind::Pair { range: Range::closed(-MAX_WINDOW, MAX_WINDOW), non_zero: false };
        /// For `weights2d` on a net with hidden layers: which first-layer unit's input weights.
        unit: usize = "unit", 0, Kind::Integer { range: Range::closed(0.0, (MAX_UNITS - 1) as f64) };
        /// The precision of the grid's forward passes.
        precision: Precision = "precision", Precision::Single, Kind::Choice { choices: Precision::NAMES };
    }
}

/// A computed surface. Grid node (r, c) sits at x = x0 + c·(x1−x0)/(res−1) and
/// y = y1 − r·(y1−y0)/(res−1): row-major, first row at the top (largest y).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Surface {
    /// The kind computed.
    pub kind: SurfaceKind,
    /// Nodes per axis.
    pub res: usize,
    /// Half-width of the window.
    pub span: f64,
    /// [x0, x1] of the horizontal axis.
    pub x_range: [f64; 2],
    /// [y0, y1] of the vertical axis (for `line`, the range of the values).
    pub y_range: [f64; 2],
    /// res·res costs (res for `line`).
    #[serde(skip)]
    pub values: Vec<f64>,
    /// The trajectory in axis coordinates, [a0, b0, a1, b1, …], ending at the current point
    /// (for `line`: [t0, J0, …] with J only at the two ends, NaN between).
    #[serde(skip)]
    pub path: Vec<f64>,
    /// Update count of each path point.
    #[serde(skip)]
    pub path_steps: Vec<f64>,
    /// The cost at the current parameters.
    pub current: f64,
    /// The current point in axis coordinates.
    pub current_point: [f64; 2],
    /// Fraction of the trajectory's variance along each axis (`pca` only).
    pub explained: Option<[f64; 2]>,
    /// The Hessian's eigenvalues along the two axes, λ₁ and λ₂ (`hessian` only).
    pub eigenvalues: Option<[f64; 2]>,
    /// What each axis measures.
    pub axes: [Axis; 2],
    /// `weights2d` with hidden layers: the first-layer unit whose two input weights the axes
    /// are (counted from 0).
    pub unit: Option<usize>,
}

/// The loss surface `request` asks for, of `session`'s training cost, with the path projected on
/// it.
pub fn surface(session: &Session, request: &SurfaceRequest) -> Result<Surface> {
    let (inputs, targets) = session.training_set();
    let landscape = Landscape {
        net: session.network(),
        inputs,
        targets,
        penalty: Penalty::of(session.config()),
        trajectory: session.trajectory(),
        seed: session.config().seed,
    };
    landscape.surface(request)
}

/// The network, data and path a surface is computed from.
pub struct Landscape<'a> {
    /// The network at its current parameters.
    pub net: &'a Network,
    /// Network inputs of the training set (normalized).
    pub inputs: ArrayView2<'a, f64>,
    /// Training targets.
    pub targets: &'a [f64],
    /// The weight penalties of the cost.
    pub penalty: Penalty,
    /// Parameter snapshots so far.
    pub trajectory: &'a Trajectory,
    /// Seed of the random directions.
    pub seed: u32,
}

/// An affine plane θ(a, b) = origin + a·d1 + b·d2 in parameter space.
pub struct Plane {
    /// The point at (0, 0).
    pub origin: Vec<f64>,
    /// Direction of the first axis.
    pub d1: Vec<f64>,
    /// Direction of the second axis.
    pub d2: Vec<f64>,
}

impl Plane {
    /// Writes θ(a, b) into `out`.
    pub fn point(&self, a: f64, b: f64, out: &mut [f64]) {
        for (((o, x), y), t) in self.origin.iter().zip(&self.d1).zip(&self.d2).zip(out.iter_mut()) {
            *t = o + a * x + b * y;
        }
    }

    /// Least-squares coordinates (a, b) of θ in the plane.
    pub fn project(&self, theta: &[f64]) -> [f64; 2] {
        let (mut g11, mut g12, mut g22, mut r1, mut r2) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for (((t, o), x), y) in theta.iter().zip(&self.origin).zip(&self.d1).zip(&self.d2) {
            let v = t - o;
            g11 += x * x;
            g12 += x * y;
            g22 += y * y;
            r1 += x * v;
            r2 += y * v;
        }
        let det = g11 * g22 - g12 * g12;
        if det.abs() <= 1e-300 {
            return [if g11 > 0.0 { r1 / g11 } else { 0.0 }, 0.0];
        }
        [(g22 * r1 - g12 * r2) / det, (g11 * r2 - g12 * r1) / det]
    }
}

impl Landscape<'_> {
    /// Refuses a resolution whose nodes (res² on a plane, res on the line), each a cost over the
    /// training set, exceed one call's work.
    fn check_work(&self, request: &SurfaceRequest) -> Result<()> {
        let nodes = work::most(self.targets.len() as f64 * work::per_example(self.net, Pass::Surface), 0.0);
        match request.kind {
            SurfaceKind::Line => work::check("res", request.res, nodes, "nodes"),
            _ => work::check("res", request.res, work::side_of(nodes), "nodes per side"),
        }
    }

    /// Computes the surface `request` asks for.
    pub fn surface(&self, request: &SurfaceRequest) -> Result<Surface> {
        request.check_settings()?;
        self.check_work(request)?;
        let hidden = self.net.layers.len() > 1;
        let (mut explained, mut eigenvalues) = (None, None);
        let mut moved = None;
        let (plane, axes) = match request.kind {
            SurfaceKind::Weights2d => {
                let (plane, parameters) = self.weights_plane(request.unit)?;
                moved = Some(parameters);
                let second = if self.net.layers[0].n_in == 1 { Axis::Bias } else { Axis::Weight2 };
                (plane, [Axis::Weight1, second])
            }
            SurfaceKind::Random => (self.random_plane(), [Axis::RandomDelta, Axis::RandomEta]),
            SurfaceKind::Pca => {
                let (plane, fractions) = pca_plane(self.trajectory, &self.net.params)?;
                explained = Some(fractions);
                (plane, [Axis::Pc1, Axis::Pc2])
            }
            SurfaceKind::Hessian => {
                let (values, [d1, d2]) = curvature::top_two(self.net, self.inputs, self.targets, self.penalty.l2)?;
                eigenvalues = Some(values);
                (Plane { origin: self.net.params.clone(), d1, d2 }, [Axis::Eigen1, Axis::Eigen2])
            }
            SurfaceKind::Line => return Ok(self.line(request)),
        };
        let unit = (request.kind == SurfaceKind::Weights2d && hidden).then_some(request.unit);
        let mut path: Vec<f64> = Vec::with_capacity(2 * (self.trajectory.len() + 1));
        for theta in self.trajectory.snapshots().chain(std::iter::once(self.net.params.as_slice())) {
            path.extend_from_slice(&plane.project(theta));
        }
        let current_point = plane.project(&self.net.params);
        let center = request.center.unwrap_or(current_point);
        let default_span = if request.kind == SurfaceKind::Random { 1.0 } else { auto_span(&path, center) };
        let span = request.span.unwrap_or(default_span);
        let res = request.res;
        let (x_range, y_range) = ([center[0] - span, center[0] + span], [center[1] - span, center[1] + span]);
        let step = 2.0 * span / (res - 1) as f64;
        let nodes =
            (0..res * res).map(|i| [x_range[0] + (i % res) as f64 * step, y_range[1] - (i / res) as f64 * step]);
        let mut evaluator = Evaluator::new(self);
        if let (Some(parameters), Precision::Single) = (moved, request.precision) {
            evaluator.split_off(&plane.origin, request.unit, parameters, res * res);
        }
        let values = nodes.map(|node| evaluator.at_node(&plane, node, request.precision)).collect();
        let path_steps = self.path_steps();
        Ok(Surface {
            kind: request.kind,
            res,
            span,
            x_range,
            y_range,
            values,
            path,
            path_steps,
            current: evaluator.at(&self.net.params, Precision::Double),
            current_point,
            explained,
            eigenvalues,
            axes,
            unit,
        })
    }

    fn path_steps(&self) -> Vec<f64> {
        let mut steps: Vec<f64> = self.trajectory.steps().iter().map(|&s| s as f64).collect();
        steps.push(f64::NAN);
        steps
    }

    /// The plane of two input weights (of the output unit without hidden layers, else of
    /// first-layer unit `unit`; with a single input, its weight and the unit's bias); axes are
    /// the parameters' values. Returns the plane and the two parameters' indices.
    fn weights_plane(&self, unit: usize) -> Result<(Plane, [usize; 2])> {
        let first = self.net.layers[0];
        Range::closed(0.0, (first.n_out - 1) as f64).check("unit", unit as f64)?;
        let i = first.w + unit * first.n_in;
        let j = if first.n_in == 1 { first.b + unit } else { i + 1 };
        let mut plane = Plane {
            origin: self.net.params.clone(),
            d1: vec![0.0; self.net.params.len()],
            d2: vec![0.0; self.net.params.len()],
        };
        plane.origin[i] = 0.0;
        plane.origin[j] = 0.0;
        plane.d1[i] = 1.0;
        plane.d2[j] = 1.0;
        Ok((plane, [i, j]))
    }

    /// Two random directions, each neuron's slice rescaled to the norm of that neuron's
    /// incoming weights; bias directions 0.
    fn random_plane(&self) -> Plane {
        let mut rng = SeededRng::new(self.seed, DIRECTION_STREAM);
        let d1 = filter_normalized_direction(self.net, &mut rng);
        let d2 = filter_normalized_direction(self.net, &mut rng);
        Plane { origin: self.net.params.clone(), d1, d2 }
    }

    /// J along θ_init + t·(θ_now − θ_init) for t in the window (default [−0.5, 1.5]).
    fn line(&self, request: &SurfaceRequest) -> Surface {
        let init = self.trajectory.snapshot(0);
        let direction: Vec<f64> = self.net.params.iter().zip(init).map(|(now, start)| now - start).collect();
        let plane = Plane { origin: init.to_vec(), d1: direction, d2: vec![0.0; init.len()] };
        let center = request.center.map_or(0.5, |c| c[0]);
        let span = request.span.unwrap_or(1.0);
        let res = request.res;
        let nodes = (0..res).map(|c| [center - span + 2.0 * span * c as f64 / (res - 1) as f64, 0.0]);
        let mut evaluator = Evaluator::new(self);
        let values: Vec<f64> = nodes.map(|node| evaluator.at_node(&plane, node, request.precision)).collect();
        let start = evaluator.at(init, Precision::Double);
        let current = evaluator.at(&self.net.params, Precision::Double);
        let mut path = Vec::with_capacity(2 * (self.trajectory.len() + 1));
        for (k, theta) in self.trajectory.snapshots().enumerate() {
            path.extend_from_slice(&[plane.project(theta)[0], if k == 0 { start } else { f64::NAN }]);
        }
        path.extend_from_slice(&[1.0, current]);
        let (lo, hi) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        Surface {
            kind: SurfaceKind::Line,
            res,
            span,
            x_range: [center - span, center + span],
            y_range: [lo, hi],
            values,
            path,
            path_steps: self.path_steps(),
            current,
            current_point: [1.0, current],
            explained: None,
            eigenvalues: None,
            axes: [Axis::T, Axis::Cost],
            unit: None,
        }
    }
}

/// Evaluates the training cost for parameter vectors written into its own network copy, with
/// forward passes in either precision (see [`DrawingPass`]).
struct Evaluator<'l, 'a> {
    landscape: &'l Landscape<'a>,
    net: Network,
    /// The training set's inputs in f64 and rounded to f32 once, one column per input.
    exact: Vec<Vec<f64>>,
    rounded: Vec<Vec<f32>>,
    /// Its targets, likewise.
    targets: (Vec<f64>, Vec<f32>),
    pass: DrawingPass,
    /// On a `weights2d` plane with hidden layers, in single precision: what its nodes share.
    unit_plane: Option<UnitPlane>,
}

impl<'l, 'a> Evaluator<'l, 'a> {
    fn new(landscape: &'l Landscape<'a>) -> Self {
        let net = landscape.net.clone();
        let exact: Vec<Vec<f64>> = landscape.inputs.columns().into_iter().map(|column| column.to_vec()).collect();
        let round = |column: &[f64]| column.iter().map(|&v| v as f32).collect::<Vec<f32>>();
        let rounded = exact.iter().map(|column| round(column)).collect();
        let targets = (landscape.targets.to_vec(), round(landscape.targets));
        let rows = landscape.targets.len().max(1);
        let pass = DrawingPass::new(&net, if net.is_normalized() { rows } else { CHUNK.min(rows) });
        Evaluator { landscape, net, exact, rounded, targets, pass, unit_plane: None }
    }

    /// Prepares the single-precision nodes, `nodes` of them, of the `weights2d` plane through
    /// `origin` that moves `parameters` of first-layer unit `unit` to run again only what those
    /// change.
    fn split_off(&mut self, origin: &[f64], unit: usize, parameters: [usize; 2], nodes: usize) {
        let training_set = (self.rounded.as_slice(), self.targets.1.as_slice());
        let (chunk, tabulate) = (self.pass.capacity(), LossTable::worthwhile(nodes));
        self.unit_plane = UnitPlane::new(&self.net, origin, unit, parameters, training_set, chunk, tabulate);
    }

    /// J at θ(a, b) of `plane` (the plane of [`Evaluator::split_off`], if it was called).
    fn at_node(&mut self, plane: &Plane, [a, b]: [f64; 2], precision: Precision) -> f64 {
        plane.point(a, b, &mut self.net.params);
        self.cost(precision, true)
    }

    /// J at `theta`.
    fn at(&mut self, theta: &[f64], precision: Precision) -> f64 {
        self.net.params.copy_from_slice(theta);
        self.cost(precision, false)
    }

    /// J at the parameters currently in `self.net`, a node of the split-off plane if `on_plane`.
    fn cost(&mut self, precision: Precision, on_plane: bool) -> f64 {
        let penalty = self.landscape.penalty.cost(&self.net);
        if let Some(shared) = self.unit_plane.as_mut().filter(|_| on_plane && precision == Precision::Single) {
            if let Some(mean) = shared.tabulated_mean_loss(&self.net, &self.net.params) {
                return mean + penalty;
            }
        }
        self.pass.set_parameters(&self.net.params);
        let n = self.targets.0.len();
        let mut sum = 0.0;
        for start in (0..n).step_by(self.pass.capacity()) {
            let rows = start..(start + self.pass.capacity()).min(n);
            let m = match precision {
                Precision::Single => self.pass.single_rows().load_columns(&self.rounded, &self.targets.1, rows),
                Precision::Double => self.pass.double_rows().load_columns(&self.exact, &self.targets.0, rows),
            };
            let (net, pass) = (&self.net, &mut self.pass);
            let mean = match &mut self.unit_plane {
                Some(shared) if on_plane && precision == Precision::Single => {
                    shared.second_layer_sums(net, &net.params, pass.single_rows(), start, m);
                    pass.mean_loss_from(1, net, &net.params, m)
                }
                _ => pass.mean_loss(net, &net.params, m, precision),
            };
            sum += mean * m as f64;
        }
        sum / n as f64 + penalty
    }
}

/// A half-width that holds every path point with a margin (at least 0.5).
fn auto_span(path: &[f64], center: [f64; 2]) -> f64 {
    let reach =
        path.chunks_exact(2).map(|p| (p[0] - center[0]).abs().max((p[1] - center[1]).abs())).fold(0.0, f64::max);
    (1.25 * reach).max(0.5)
}

/// A Gaussian direction with each neuron's incoming-weight slice rescaled to the norm of that
/// neuron's weights (Li et al. 2018), and 0 on every bias.
pub fn filter_normalized_direction(net: &Network, rng: &mut SeededRng) -> Vec<f64> {
    let mut d = vec![0.0; net.params.len()];
    for layer in &net.layers {
        for j in 0..layer.n_out {
            let row = layer.w + j * layer.n_in..layer.w + (j + 1) * layer.n_in;
            let weight_norm = norm(&net.params[row.clone()]);
            let slice = &mut d[row];
            slice.iter_mut().for_each(|x| *x = rng.normal());
            let direction_norm = norm(slice);
            if direction_norm > 0.0 {
                slice.iter_mut().for_each(|x| *x *= weight_norm / direction_norm);
            }
        }
    }
    d
}

/// The plane through `current` spanned by the top two principal components of the rows
/// θ_i − current, and the fraction of their total variance along each.
pub fn pca_plane(trajectory: &Trajectory, current: &[f64]) -> Result<(Plane, [f64; 2])> {
    let rows: Vec<Vec<f64>> = trajectory
        .snapshots()
        .map(|theta| theta.iter().zip(current).map(|(t, c)| t - c).collect::<Vec<f64>>())
        .filter(|row: &Vec<f64>| row.iter().any(|&x| x != 0.0))
        .collect();
    if rows.len() < 2 {
        return Err(Error::new(Code::NeedsTraining, "kind").with("what", "pca surface"));
    }
    let total: f64 = rows.iter().map(|r| dot(r, r)).sum();
    let mut rng = SeededRng::new(0, DIRECTION_STREAM + 1);
    let p = current.len();
    let start = [(0..p).map(|_| rng.normal()).collect::<Vec<f64>>(), (0..p).map(|_| rng.normal()).collect()];
    let apply = |v: &[f64]| -> Vec<f64> {
        let mut out = vec![0.0; p];
        for row in &rows {
            let c = dot(row, v);
            out.iter_mut().zip(row).for_each(|(o, r)| *o += c * r);
        }
        out
    };
    let [u1, u2] = dominant_pair(&apply, start, PCA_ITERATIONS, 1e-14);
    let variance = |u: &[f64]| rows.iter().map(|r| dot(r, u).powi(2)).sum::<f64>();
    let (v1, v2) = (variance(&u1), variance(&u2));
    let (u1, u2, v1, v2) = if v1 >= v2 { (u1, u2, v1, v2) } else { (u2, u1, v2, v1) };
    Ok((Plane { origin: current.to_vec(), d1: u1, d2: u2 }, [v1 / total, v2 / total]))
}

/// The two dominant eigenvectors of the symmetric map `apply` (largest |λ|): block power
/// iteration from `start`, two vectors kept orthonormal, for at most `iterations` rounds or until
/// they turn by less than `tolerance`, then a Rayleigh–Ritz rotation within their plane to the
/// eigenvectors of the 2×2 projected map (in no particular order). Stops early on a non-finite
/// image, keeping the last finite pair.
pub(crate) fn dominant_pair(
    apply: &dyn Fn(&[f64]) -> Vec<f64>,
    mut basis: [Vec<f64>; 2],
    iterations: usize,
    tolerance: f64,
) -> [Vec<f64>; 2] {
    orthonormalize(&mut basis);
    for _ in 0..iterations {
        let mut next = [apply(&basis[0]), apply(&basis[1])];
        if !next.iter().all(|v| v.iter().all(|x| x.is_finite())) {
            break;
        }
        orthonormalize(&mut next);
        let change = 2.0 - dot(&next[0], &basis[0]).abs() - dot(&next[1], &basis[1]).abs();
        basis = next;
        if change < tolerance {
            break;
        }
    }
    let (c0, c1) = (apply(&basis[0]), apply(&basis[1]));
    let (a, b, d) = (dot(&basis[0], &c0), dot(&basis[0], &c1), dot(&basis[1], &c1));
    let angle = 0.5 * libm::atan2(2.0 * b, a - d);
    let (cos, sin) = (libm::cos(angle), libm::sin(angle));
    let u1 = basis[0].iter().zip(&basis[1]).map(|(x, y)| cos * x + sin * y).collect();
    let u2 = basis[0].iter().zip(&basis[1]).map(|(x, y)| -sin * x + cos * y).collect();
    [u1, u2]
}

/// Gram–Schmidt on two vectors, the second projection done twice: when the second vector is
/// almost parallel to the first (a rank-one trajectory), one pass leaves rounding noise that is
/// not orthogonal to it.
fn orthonormalize(v: &mut [Vec<f64>; 2]) {
    let n0 = norm(&v[0]).max(f64::MIN_POSITIVE);
    v[0].iter_mut().for_each(|x| *x /= n0);
    let (first, second) = v.split_at_mut(1);
    for _pass in 0..2 {
        let c = dot(&first[0], &second[0]);
        second[0].iter_mut().zip(&first[0]).for_each(|(y, x)| *y -= c * x);
    }
    let n1 = norm(&second[0]).max(f64::MIN_POSITIVE);
    second[0].iter_mut().for_each(|x| *x /= n1);
}
