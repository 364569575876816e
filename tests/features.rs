//! Input features: the network's inputs computed from each point (x₁, x₂, x₁², x₂², x₁x₂,
//! sin x₁, sin x₂), standardized after the mapping on the training split's features, checked
//! by gradient checks and the lesson that logistic regression on x₁², x₂² solves the circle.

use nn_playground::analysis::conditioning;
use nn_playground::analysis::curvature::session_sharpness;
use nn_playground::analysis::diagnostics::session_gradient_check;
use nn_playground::config::{Choice, Config, Dataset, Normalize, Problem, Value};
use nn_playground::data::features::Feature;
use nn_playground::nn::activation::Activation;
use nn_playground::session::model::Model;
use nn_playground::Session;

fn with(features: &[Feature], config: Config) -> Config {
    Config { features: features.to_vec(), ..config }
}

#[test]
fn backprop_matches_finite_differences_for_every_feature() {
    let every: Vec<Vec<Feature>> =
        Feature::ALL.iter().map(|&f| vec![f]).chain(std::iter::once(Feature::ALL.to_vec())).collect();
    for features in &every {
        for (problem, dataset) in
            [(Problem::Classification, Dataset::Spiral), (Problem::Regression, Dataset::Gaussians)]
        {
            for &activation in &[Activation::Tanh, Activation::Sigmoid] {
                let config = Config {
                    problem,
                    dataset: Some(dataset),
                    noise: 0.1,
                    activation,
                    normalize: Normalize::Standardize,
                    hidden: vec![5, 3],
                    l2: 0.01,
                    ..Config::default()
                };
                let mut session = Session::new(with(features, config)).unwrap();
                session.step(50);
                let check = session_gradient_check(&session);
                assert_eq!(check.checked, check.parameters);
                assert!(
                    check.relative_error <= 1e-6,
                    "{features:?} {problem:?} {activation:?}: {:e}",
                    check.relative_error
                );
            }
        }
    }
}

#[test]
fn the_features_are_mapped_first_and_standardized_on_the_training_split() {
    let features = [Feature::X1, Feature::X1Squared, Feature::SinX2];
    let config = with(
        &features,
        Config { normalize: Normalize::Standardize, scale: [2.0, 1.0], offset: [3.0, 0.0], ..Config::default() },
    );
    let session = Session::new(config).unwrap();
    let train = &session.split().train.x;
    let n = train.nrows() as f64;
    let mean_of = |f: Feature| train.rows().into_iter().map(|r| f.of([r[0], r[1]])).sum::<f64>() / n;
    let s = session.standardizer();
    assert_eq!(s.mean.len(), 3);
    for (k, &f) in features.iter().enumerate() {
        assert!((s.mean[k] - mean_of(f)).abs() < 1e-9, "{f:?}: μ of the mapped training feature");
    }
    assert!(s.mean[1] > s.mean[0] * s.mean[0], "the mean of x₁² is not the square of the mean of x₁");
    let (inputs, _) = session.training_set();
    assert_eq!(inputs.ncols(), 3);
    for column in inputs.columns() {
        let mean = column.sum() / n;
        let variance = column.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
        assert!(mean.abs() < 1e-12 && (variance - 1.0).abs() < 1e-9);
    }
    let p = [1.5, -0.5];
    let row = session.inputs_at(p);
    let expected = (Feature::X1Squared.of(p) - s.mean[1]) / s.std[1];
    assert_eq!(row[1], expected, "a point the page asks about goes the same way");
}

#[test]
fn logistic_regression_on_the_squares_solves_the_circle() {
    let run = |features: &[Feature]| {
        let config = Config {
            dataset: Some(Dataset::Circle),
            hidden: vec![],
            normalize: Normalize::Standardize,
            learning_rate: 0.3,
            ..Config::default()
        };
        let mut session = Session::new(with(features, config)).unwrap();
        session.step(2000).test_accuracy.unwrap()
    };
    let straight = run(&[Feature::X1, Feature::X2]);
    let squares = run(&[Feature::X1Squared, Feature::X2Squared]);
    assert!(straight < 0.7, "a straight line cannot separate a disc from a ring: {straight}");
    assert!(squares >= 0.98, "x₁² + x₂² < r² is linear in the squares: {squares}");
}

#[test]
fn without_hidden_layers_the_closed_form_hessian_covers_every_feature() {
    let features = [Feature::X1, Feature::X2, Feature::X1X2, Feature::SinX1];
    let config =
        with(&features, Config { hidden: vec![], normalize: Normalize::Standardize, l2: 0.02, ..Config::default() });
    let mut session = Session::new(config).unwrap();
    session.step(300);
    let (x, _) = session.training_set();
    let closed = conditioning::hessian(session.network(), Problem::Classification, x, 0.02, false).unwrap();
    let found = session_sharpness(&session).unwrap();
    assert!(
        (found.lambda_max - closed.lambda_max).abs() <= 1e-8 * closed.lambda_max,
        "{} vs {}",
        found.lambda_max,
        closed.lambda_max
    );
    assert_eq!(session.network().params.len(), 5, "four weights and a bias");
}

#[test]
fn the_config_reads_a_set_of_features_by_name() {
    let read = |names: &[&str]| {
        let list = Value::List(names.iter().map(|n| Value::Text(n.to_string())).collect());
        Config::from_value(&Value::Object(vec![("features".into(), list)]))
    };
    assert_eq!(read(&["sinX2", "x1", "sinX2"]).unwrap().features, [Feature::X1, Feature::SinX2], "a set, in order");
    let error = read(&["x1", "x3"]).unwrap_err().to_string();
    assert!(error.contains("features[1]") && error.contains("x1Squared"), "{error}");
    let error = read(&[]).unwrap_err().to_string();
    assert!(error.contains("features") && error.contains("empty"), "{error}");
    assert_eq!(Config::default().features, [Feature::X1, Feature::X2]);
    let built = Config { features: vec![Feature::X2, Feature::X1], ..Config::default() }.validated().unwrap();
    assert_eq!(built.features, [Feature::X1, Feature::X2]);
}

#[test]
fn a_model_with_features_restores_its_predictions() {
    let config =
        with(&[Feature::X1Squared, Feature::X2Squared, Feature::X1X2], Config { hidden: vec![3], ..Config::default() });
    let mut session = Session::new(config).unwrap();
    session.step(400);
    let model = Model::of(&session);
    let mut restored = model.restore().unwrap();
    let points = [[0.5, 2.0], [-3.0, 1.0]];
    let (mut a, mut b) = (Vec::new(), Vec::new());
    session.predict(points.iter().copied(), &mut a);
    restored.predict(points.iter().copied(), &mut b);
    assert_eq!(a, b);
    let mut maps = Vec::new();
    session.input_maps(points.iter().copied(), 2, &mut maps);
    assert_eq!(maps.len(), 6);
    assert_eq!(maps[2 * 2 + 1], session.inputs_at([-3.0, 1.0])[2] as f32, "input 2 at point 1");
}
