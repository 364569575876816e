//! The Hessian's curvature: exact Hessian–vector products (R-operator) against central
//! differences of the backpropagated gradient, for every activation, both losses, L2 on and off;
//! the sharpness against the eigenvalues of the Hessian built column by column, and, without a
//! hidden layer, against the closed form the normalization lab shows; the Hessian plane's
//! curvatures; full-batch gradient descent at the edge of stability.

use ndarray::ArrayView2;
use nn_playground::analysis::conditioning::{self, Spectrum};
use nn_playground::analysis::curvature::{hessian_vector_product, session_sharpness, sharpness};
use nn_playground::config::{Choice, Config, Dataset, Problem};
use nn_playground::math::rng::SeededRng;
use nn_playground::nn::activation::Activation;
use nn_playground::nn::network::{Network, Workspace};
use nn_playground::nn::penalty::Penalty;
use nn_playground::Session;

/// The gradient of the cost over the first `n` points at parameters `params`.
fn gradient(net: &Network, params: &[f64], x: ArrayView2<f64>, y: &[f64], l2: f64, n: usize) -> Vec<f64> {
    let mut net = net.clone();
    net.params.copy_from_slice(params);
    let mut ws = Workspace::new(&net, n);
    let m = ws.load_batch(x, y, 0..n);
    net.forward(&mut ws, m);
    net.backward(&mut ws, m, Penalty::from(l2));
    ws.grad.clone()
}

/// A session of `config` trained for `steps` updates.
fn trained(config: Config, steps: u32) -> Session {
    let mut session = Session::new(config).expect("a valid config");
    session.step(steps);
    session
}

fn relative_error(a: &[f64], b: &[f64]) -> f64 {
    let difference: f64 = a.iter().zip(b).map(|(a, b)| (a - b).powi(2)).sum::<f64>().sqrt();
    let size = a.iter().map(|a| a * a).sum::<f64>().sqrt() + b.iter().map(|b| b * b).sum::<f64>().sqrt();
    difference / size
}

#[test]
fn hessian_vector_products_match_differences_of_the_gradient() {
    let problems = [(Problem::Classification, Dataset::Spiral), (Problem::Regression, Dataset::Gaussians)];
    for &activation in Activation::ALL {
        for (problem, dataset) in problems {
            for l2 in [0.0, 0.01] {
                let config = Config {
                    hidden: vec![5, 4],
                    activation,
                    problem,
                    dataset: Some(dataset),
                    l2,
                    samples: 120,
                    seed: 4,
                    ..Config::default()
                };
                let session = trained(config, 300);
                let (x, y) = session.training_set();
                let net = session.network();
                let n = x.nrows();
                let mut rng = SeededRng::new(8, 1);
                let v: Vec<f64> = (0..net.params.len()).map(|_| rng.normal()).collect();
                let exact = hessian_vector_product(net, x, y, l2, &v, n);
                // Small, so that no ReLU's kink lies within the step for these points.
                let h = 1e-7;
                let shifted =
                    |sign: f64| -> Vec<f64> { net.params.iter().zip(&v).map(|(p, v)| p + sign * h * v).collect() };
                let (plus, minus) =
                    (gradient(net, &shifted(1.0), x, y, l2, n), gradient(net, &shifted(-1.0), x, y, l2, n));
                let numeric: Vec<f64> = plus.iter().zip(&minus).map(|(p, m)| (p - m) / (2.0 * h)).collect();
                let error = relative_error(&exact, &numeric);
                let size = exact.iter().map(|x| x * x).sum::<f64>().sqrt();
                assert!(error < 1e-6, "{activation:?} {problem:?} l2 {l2}: relative error {error:e}, |Hv| {size:e}");
            }
        }
    }
}

#[test]
fn sharpness_is_the_largest_eigenvalue_of_the_hessian() {
    let config = Config { hidden: vec![3], activation: Activation::Tanh, samples: 100, seed: 2, ..Config::default() };
    let session = trained(config, 2000);
    let (x, y) = session.training_set();
    let net = session.network();
    let p = net.params.len();
    let mut hessian = vec![0.0; p * p];
    for k in 0..p {
        let mut e = vec![0.0; p];
        e[k] = 1.0;
        let column = hessian_vector_product(net, x, y, 0.0, &e, x.nrows());
        for (i, value) in column.iter().enumerate() {
            hessian[i * p + k] = *value;
        }
    }
    let spectrum = Spectrum::of(hessian, p);
    let found = sharpness(net, x, y, 0.0).unwrap();
    let largest =
        if spectrum.lambda_max.abs() >= spectrum.lambda_min.abs() { spectrum.lambda_max } else { spectrum.lambda_min };
    assert!((found.lambda_max - largest).abs() <= 1e-6 * largest.abs(), "{} vs {largest}", found.lambda_max);
    assert_eq!(found.stable_step, 2.0 / found.lambda_max);
    assert_eq!(found.points, x.nrows());
}

#[test]
fn without_hidden_layers_the_sharpness_is_the_closed_form_of_the_normalization_lab() {
    for (problem, dataset) in [(Problem::Classification, Dataset::Gauss), (Problem::Regression, Dataset::Plane)] {
        for l2 in [0.0, 0.05] {
            let config = Config { hidden: vec![], problem, dataset: Some(dataset), l2, seed: 6, ..Config::default() };
            let session = trained(config, 200);
            let (x, _) = session.training_set();
            let closed = conditioning::hessian(session.network(), problem, x, l2, false).unwrap();
            let found = session_sharpness(&session).unwrap();
            assert!(
                (found.lambda_max - closed.lambda_max).abs() <= 1e-8 * closed.lambda_max,
                "{problem:?}: {} vs {}",
                found.lambda_max,
                closed.lambda_max
            );
        }
    }
}

#[test]
fn the_hessian_surface_curves_by_its_two_eigenvalues_along_its_axes() {
    use nn_playground::analysis::landscape::{surface, SurfaceKind, SurfaceRequest};
    use nn_playground::session::Precision;
    let config = Config { hidden: vec![4], activation: Activation::Tanh, seed: 5, ..Config::default() };
    let session = trained(config, 500);
    let span = 1e-3;
    let request = SurfaceRequest {
        kind: SurfaceKind::Hessian,
        res: 3,
        span: Some(span),
        precision: Precision::Double,
        ..SurfaceRequest::default()
    };
    let s = surface(&session, &request).unwrap();
    let [l1, l2] = s.eigenvalues.expect("eigenvalues");
    assert!(l1.abs() >= l2.abs());
    // Second differences through the centre node (row 1, column 1) along each axis.
    let v = &s.values;
    let along_1 = (v[3] + v[5] - 2.0 * v[4]) / (span * span);
    let along_2 = (v[1] + v[7] - 2.0 * v[4]) / (span * span);
    assert!((along_1 - l1).abs() <= 1e-4 * l1.abs(), "{along_1} vs λ₁ {l1}");
    assert!((along_2 - l2).abs() <= 1e-4 * l1.abs(), "{along_2} vs λ₂ {l2}");
    let top = session_sharpness(&session).unwrap().lambda_max;
    assert!((top - l1).abs() <= 1e-6 * l1.abs(), "λ₁ {l1} is the sharpness {top}");
}

#[test]
fn full_batch_gradient_descent_drives_the_sharpness_up_to_two_over_alpha_and_hovers_there() {
    // The edge of stability (Cohen et al. 2021): from well below 2/α, λmax rises to it and stays
    // around it (a little above, on average) while the loss still falls, not monotonically.
    let alpha = 1.0;
    let config = Config {
        hidden: vec![8, 8],
        activation: Activation::Tanh,
        learning_rate: alpha,
        batch_size: 250,
        dataset: Some(Dataset::Spiral),
        seed: 1,
        ..Config::default()
    };
    let mut session = Session::new(config).unwrap();
    let edge = 2.0 / alpha;
    let start = session_sharpness(&session).unwrap().lambda_max;
    let first_loss = session.step(0).train_loss;
    assert!(start < 0.5 * edge, "λmax starts at {start}, well below 2/α = {edge}");
    session.step(1500);
    let mut later: Vec<f64> = (0..8)
        .map(|_| {
            session.step(500);
            session_sharpness(&session).unwrap().lambda_max
        })
        .collect();
    later.sort_by(f64::total_cmp);
    let median = later[later.len() / 2];
    assert!((0.9 * edge..1.6 * edge).contains(&median), "λmax hovers at {median} (2/α = {edge}): {later:?}");
    assert!(session.step(0).train_loss < 0.5 * first_loss, "and the loss falls");
}
