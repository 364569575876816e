//! The normalization lab's claims, checked against numbers: with one feature scaled by 100 the
//! loss surface and the inputs are badly conditioned and gradient descent is slow; standardizing
//! fixes all three. Also the surfaces' geometry (filter normalization, PCA of a straight path).

use nn_playground::analysis::conditioning;
use nn_playground::analysis::landscape::{
    self, filter_normalized_direction, pca_plane, Axis, SurfaceKind, SurfaceRequest,
};
use nn_playground::config::{Choice, Config, Dataset, Normalize, Problem};
use nn_playground::data::features::Feature;
use nn_playground::error::Code;
use nn_playground::math::rng::SeededRng;
use nn_playground::nn::activation::Activation;
use nn_playground::session::trajectory::Trajectory;
use nn_playground::session::Precision;
use nn_playground::Session;

/// Logistic regression on overlapping Gaussian blobs with x₂ scaled by 100, trained by full-batch
/// gradient descent.
fn lab(normalize: Normalize) -> Config {
    Config {
        dataset: Some(Dataset::Gauss),
        noise: 0.3,
        scale: [1.0, 100.0],
        hidden: vec![],
        batch_size: 250,
        normalize,
        ..Config::default()
    }
}

/// A session of `config` at its own suggested (best fixed) learning rate.
fn at_best_rate(config: Config) -> Session {
    let rate = conditioning::suggest_learning_rate(&Session::new(config.clone()).unwrap()).unwrap();
    assert_eq!(rate.method, "hessian");
    Session::new(Config { learning_rate: rate.learning_rate, ..config }).unwrap()
}

/// Curvatures (second differences) of the weights2d surface at the current point along w₁ and w₂,
/// in double precision: over a window of 10⁻³ the differences are finer than f32 resolves.
fn curvatures(session: &Session, span: f64) -> (f64, f64) {
    let request = SurfaceRequest {
        kind: SurfaceKind::Weights2d,
        res: 5,
        span: Some(span),
        precision: Precision::Double,
        ..Default::default()
    };
    let s = landscape::surface(session, &request).unwrap();
    let h = span / 2.0;
    let v = |r: usize, c: usize| s.values[r * 5 + c];
    let along_w1 = (v(2, 1) - 2.0 * v(2, 2) + v(2, 3)) / (h * h);
    let along_w2 = (v(1, 2) - 2.0 * v(2, 2) + v(3, 2)) / (h * h);
    (along_w1, along_w2)
}

#[test]
fn the_two_weight_surface_is_elongated_raw_and_round_standardized() {
    for (normalize, steps) in [(Normalize::None, 3000), (Normalize::Standardize, 300)] {
        let mut session = at_best_rate(lab(normalize));
        session.step(steps);
        let (c1, c2) = curvatures(&session, 1e-3);
        let ratio = c1.max(c2) / c1.min(c2);
        match normalize {
            Normalize::None => assert!(ratio >= 1000.0, "raw curvature ratio {ratio} ({c1}, {c2})"),
            Normalize::Standardize => assert!(ratio <= 10.0, "standardized curvature ratio {ratio} ({c1}, {c2})"),
        }
    }
}

#[test]
fn the_input_covariance_is_ill_conditioned_raw_and_not_standardized() {
    let raw = conditioning::of_session(&Session::new(lab(Normalize::None)).unwrap());
    let standardized = conditioning::of_session(&Session::new(lab(Normalize::Standardize)).unwrap());
    assert!(raw.input_covariance.kappa >= 1000.0, "{:?}", raw.input_covariance);
    assert!(standardized.input_covariance.kappa <= 10.0, "{:?}", standardized.input_covariance);
    // The raw features are the same on both sides; only what the network sees differs.
    assert_eq!(raw.raw_covariance, standardized.raw_covariance);
}

#[test]
fn gradient_descent_needs_at_least_20_times_more_steps_raw() {
    let mut reference = at_best_rate(lab(Normalize::Standardize));
    let best = reference.step(2000).train_loss;
    let target = best + 0.01;
    let steps_to_target = |normalize: Normalize, cap: u64| -> u64 {
        let mut session = at_best_rate(lab(normalize));
        for _ in 0..cap {
            let report = session.step(1);
            if report.train_loss <= target {
                return report.step;
            }
        }
        cap
    };
    let standardized = steps_to_target(Normalize::Standardize, 2000);
    assert!(standardized < 2000, "standardized never reached {target}");
    let raw = steps_to_target(Normalize::None, 20 * standardized + 1);
    assert!(raw >= 20 * standardized, "raw {raw} steps vs standardized {standardized}");
}

#[test]
fn filter_normalization_gives_each_neuron_the_norm_of_its_weights() {
    let session = Session::new(Config { hidden: vec![6, 4], ..Config::default() }).unwrap();
    let net = session.network();
    let d = filter_normalized_direction(net, &mut SeededRng::new(5, 3));
    for layer in &net.layers {
        for j in 0..layer.n_out {
            let row = layer.w + j * layer.n_in..layer.w + (j + 1) * layer.n_in;
            let norm = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
            let (dn, wn) = (norm(&d[row.clone()]), norm(&net.params[row]));
            assert!((dn - wn).abs() <= 1e-12 * wn.max(1.0), "{dn} vs {wn}");
        }
        assert!(d[layer.biases()].iter().all(|&b| b == 0.0));
    }
}

#[test]
fn the_pca_of_a_straight_trajectory_lies_on_one_axis() {
    let start: Vec<f64> = (0..30).map(|i| (i as f64 * 0.37).sin()).collect();
    let direction: Vec<f64> = (0..30).map(|i| (i as f64 * 1.3).cos()).collect();
    let at = |t: f64| -> Vec<f64> { start.iter().zip(&direction).map(|(s, d)| s + t * d).collect() };
    let mut trajectory = Trajectory::new(&start);
    for k in 1..=40 {
        trajectory.record(k, &at(k as f64 / 40.0));
    }
    let current = at(1.0);
    let (plane, explained) = pca_plane(&trajectory, &current).unwrap();
    assert!(explained[0] > 1.0 - 1e-12 && explained[1] < 1e-12, "{explained:?}");
    for k in 0..=40 {
        let [a, b] = plane.project(&at(k as f64 / 40.0));
        assert!(b.abs() < 1e-9, "off-axis by {b}");
        let length = direction.iter().map(|x| x * x).sum::<f64>().sqrt();
        assert!((a.abs() - (1.0 - k as f64 / 40.0) * length).abs() < 1e-9);
    }
}

#[test]
fn every_surface_kind_is_finite_and_passes_through_the_current_point() {
    let mut session = Session::new(Config { hidden: vec![5, 3], noise: 0.1, ..Config::default() }).unwrap();
    session.step(300);
    for (kind, precision) in [SurfaceKind::Weights2d, SurfaceKind::Random, SurfaceKind::Pca]
        .into_iter()
        .flat_map(|k| [(k, Precision::Single), (k, Precision::Double)])
    {
        let s =
            landscape::surface(&session, &SurfaceRequest { kind, res: 21, precision, ..Default::default() }).unwrap();
        assert_eq!(s.values.len(), 441);
        assert!(s.values.iter().all(|v| v.is_finite()));
        let centre = s.values[10 * 21 + 10];
        let tolerance = if precision == Precision::Double { 1e-12 } else { 1e-6 };
        assert!(
            (centre - s.current).abs() < tolerance * s.current,
            "{kind:?} {precision:?}: {centre} vs {}",
            s.current
        );
        let n = s.path.len();
        assert_eq!(n, 2 * (session.trajectory().len() + 1));
        assert!((s.path[n - 2] - s.current_point[0]).abs() < 1e-9 && (s.path[n - 1] - s.current_point[1]).abs() < 1e-9);
    }
    let line = landscape::surface(&session, &SurfaceRequest { kind: SurfaceKind::Line, res: 41, ..Default::default() })
        .unwrap();
    assert_eq!(line.values.len(), 41);
    // t = 1 (node 30 of [−0.5, 1.5]) is the current point, t = 0 (node 10) the initial one.
    assert!((line.values[30] - line.current).abs() < 1e-6 * line.current);
    assert!(line.values[10] > line.current);
}

/// The largest relative difference between the single- and double-precision grids of `kind`
/// (every single-precision value must be finite).
fn single_against_double(session: &Session, kind: SurfaceKind, span: Option<f64>) -> f64 {
    let grid = |precision| {
        landscape::surface(session, &SurfaceRequest { kind, res: 15, span, precision, ..Default::default() })
            .unwrap()
            .values
    };
    let (single, double) = (grid(Precision::Single), grid(Precision::Double));
    assert!(single.iter().all(|v| v.is_finite()), "{kind:?}: {single:?}");
    single.iter().zip(&double).map(|(s, d)| (s - d).abs() / d).fold(0.0, f64::max)
}

#[test]
fn single_precision_grids_agree_with_double_precision_ones() {
    for &activation in Activation::ALL {
        for problem in [Problem::Classification, Problem::Regression] {
            let config = Config { hidden: vec![8, 8], activation, problem, noise: 0.2, ..Config::default() };
            let mut session = Session::new(config).unwrap();
            session.step(200);
            for kind in [SurfaceKind::Random, SurfaceKind::Weights2d, SurfaceKind::Line] {
                let worst = single_against_double(&session, kind, None);
                assert!(worst < 2e-6, "{activation:?} {problem:?} {kind:?}: largest relative difference {worst}");
            }
        }
    }
}

#[test]
fn two_weight_surfaces_of_any_unit_and_depth_agree_with_whole_passes() {
    // In single precision a two-weight surface with hidden layers runs again only what the two
    // weights change; double precision runs every layer at every node.
    let cases = [
        (Config { hidden: vec![3], ..Config::default() }, 2),
        (Config { hidden: vec![5, 3], activation: Activation::Relu, ..Config::default() }, 4),
        (Config { hidden: vec![4, 4, 4], activation: Activation::Sigmoid, ..Config::default() }, 1),
        (Config { dataset: Some(Dataset::Spiral), classes: 4, hidden: vec![6, 5], ..Config::default() }, 3),
        (
            Config { features: vec![Feature::X1, Feature::X2, Feature::X1X2], hidden: vec![4, 4], ..Config::default() },
            0,
        ),
        (Config { features: vec![Feature::X2], hidden: vec![4, 2], ..Config::default() }, 1),
    ];
    for (config, unit) in cases {
        let worst = two_weight_precision_gap(&config, unit, 100, 11);
        assert!(worst < 2e-6, "{:?} unit {unit}: largest relative difference {worst}", config.hidden);
    }
}

/// The largest relative difference between the single- and double-precision two-weight surfaces
/// of `unit`, `res` nodes a side, after `steps` updates of `config` with noise 0.2.
fn two_weight_precision_gap(config: &Config, unit: usize, steps: u32, res: usize) -> f64 {
    let mut session = Session::new(Config { noise: 0.2, ..config.clone() }).unwrap();
    session.step(steps);
    let grid = |precision| {
        let request = SurfaceRequest { kind: SurfaceKind::Weights2d, res, unit, precision, ..Default::default() };
        landscape::surface(&session, &request).unwrap()
    };
    let (single, double) = (grid(Precision::Single), grid(Precision::Double));
    assert_eq!(single.unit, Some(unit));
    single.values.iter().zip(&double.values).map(|(s, d)| (s - d).abs() / d).fold(0.0, f64::max)
}

#[test]
fn tabulated_two_weight_surfaces_agree_with_whole_passes() {
    // From 23 × 23 nodes on, with a bounded activation, single precision interpolates each
    // sample's loss as a function of the moving unit's output; double precision runs every layer.
    let cases = [
        (Config { hidden: vec![8, 8], ..Config::default() }, 3, 400),
        (Config { hidden: vec![4, 4, 4], activation: Activation::Sigmoid, ..Config::default() }, 1, 400),
        (Config { dataset: Some(Dataset::Spiral), classes: 4, hidden: vec![6, 5], ..Config::default() }, 2, 400),
        (
            Config {
                problem: Problem::Regression,
                dataset: Some(Dataset::Plane),
                hidden: vec![5],
                ..Config::default()
            },
            4,
            200,
        ),
        // Trained hard at a large rate: steeper losses.
        (Config { hidden: vec![8, 8], learning_rate: 1.0, ..Config::default() }, 0, 3000),
    ];
    for (config, unit, steps) in cases {
        let worst = two_weight_precision_gap(&config, unit, steps, 23);
        assert!(worst < 2e-6, "{:?} unit {unit}: largest relative difference {worst}", config.hidden);
    }
}

#[test]
fn with_a_single_input_the_two_parameters_are_its_weight_and_the_bias() {
    for hidden in [vec![], vec![3]] {
        let config = Config { features: vec![Feature::X1], hidden: hidden.clone(), ..Config::default() };
        let mut session = Session::new(config).unwrap();
        session.step(50);
        let unit = if hidden.is_empty() { 0 } else { 2 };
        let request = SurfaceRequest { kind: SurfaceKind::Weights2d, res: 5, unit, ..Default::default() };
        let s = landscape::surface(&session, &request).unwrap();
        assert_eq!(s.axes, [Axis::Weight1, Axis::Bias]);
        let first = session.network().layers[0];
        let (weight, bias) = (session.network().params[first.w + unit], session.network().params[first.b + unit]);
        assert_eq!(s.current_point, [weight, bias], "hidden {hidden:?}");
    }
}

#[test]
fn single_precision_keeps_its_accuracy_at_a_separable_minimum() {
    // Noiseless blobs: the cost goes to 0, each sample's loss is about e^−|z| and tiny.
    let config = Config {
        dataset: Some(Dataset::Gauss),
        hidden: vec![4],
        learning_rate: 0.3,
        batch_size: 250,
        ..Config::default()
    };
    let mut session = Session::new(config).unwrap();
    let report = session.step(20_000);
    assert!(report.train_loss < 1e-4, "train loss {}", report.train_loss);
    // Each tiny loss e^−|z| carries z's error: the hidden units' f32 rounding times the large
    // output weights of a fully separated fit.
    for kind in [SurfaceKind::Weights2d, SurfaceKind::Random, SurfaceKind::Line] {
        let worst = single_against_double(&session, kind, None);
        assert!(worst < 3e-6, "{kind:?}: largest relative difference {worst}");
    }
}

#[test]
fn single_precision_overflow_falls_back_to_double() {
    // Eight ReLU layers far out on a random plane: activations beyond f32's 3.4·10³⁸.
    let mut session =
        Session::new(Config { hidden: vec![8; 8], activation: Activation::Relu, ..Config::default() }).unwrap();
    session.step(10);
    let grid = |precision| {
        landscape::surface(
            &session,
            &SurfaceRequest { kind: SurfaceKind::Random, res: 9, span: Some(1e5), precision, ..Default::default() },
        )
        .unwrap()
        .values
    };
    let (single, double) = (grid(Precision::Single), grid(Precision::Double));
    assert!(double.iter().any(|&v| v > f32::MAX as f64), "the window must reach beyond f32");
    for (s, d) in single.iter().zip(&double) {
        assert!(s.is_finite() && ((s - d) / d).abs() < 1e-4, "{s} vs {d}");
    }
}

#[test]
fn bad_surface_requests_name_the_key() {
    let session = Session::new(Config { hidden: vec![3], ..Config::default() }).unwrap();
    let err = |request: SurfaceRequest| landscape::surface(&session, &request).unwrap_err().message().to_string();
    assert!(err(SurfaceRequest { res: 2, ..Default::default() }).starts_with("res must be between 3 and 201, got 2"));
    assert!(err(SurfaceRequest { span: Some(-1.0), ..Default::default() }).starts_with("span must be"));
    assert!(err(SurfaceRequest { unit: 3, ..Default::default() }).starts_with("unit must be between 0 and 2, got 3"));
    assert!(
        err(SurfaceRequest { kind: SurfaceKind::Pca, ..Default::default() }).contains("train for a few steps first")
    );
}

#[test]
fn the_learning_rate_sweep_fits_in_one_calls_work_or_is_refused_by_name() {
    let sweep = |hidden: Vec<usize>, batch_size: usize, samples: usize| {
        let config = Config { hidden, batch_size, samples, ..Config::default() };
        conditioning::suggest_learning_rate(&Session::new(config).unwrap())
    };
    let small = sweep(vec![4], 10, 500).unwrap();
    assert_eq!((small.method, small.sweep_updates), ("sweep", Some(100)));
    let medium = sweep(vec![64; 4], 250, 500).unwrap().sweep_updates.unwrap();
    assert!((10..100).contains(&medium), "{medium} updates a trial");
    let refused = sweep(vec![128; 16], 2500, 5000).unwrap_err();
    assert_eq!(refused.code(), Code::TooMuchWork);
    assert!(refused.message().starts_with("the learning-rate sweep needs about"), "{}", refused.message());
}
