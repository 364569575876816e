//! Classification of three to six classes: a softmax output with categorical cross-entropy,
//! checked against finite differences, trained on the multi-class datasets, with predictions of
//! K probabilities, a confusion matrix, the user's labels 0 … K−1, and the refusals.

use nn_playground::analysis::curvature::session_sharpness;
use nn_playground::analysis::diagnostics::session_gradient_check;
use nn_playground::config::{Config, Dataset, OptimizerKind, Problem};
use nn_playground::nn::activation::Activation;
use nn_playground::session::model::Model;
use nn_playground::session::Subset;
use nn_playground::Session;

fn classes(k: usize, dataset: Dataset, config: Config) -> Config {
    Config { classes: k, dataset: Some(dataset), ..config }
}

#[test]
fn the_softmax_gradient_matches_finite_differences() {
    for k in 3..=6 {
        for dataset in [Dataset::Gauss, Dataset::Spiral, Dataset::Pinwheel] {
            for (hidden, activation) in
                [(vec![], Activation::Tanh), (vec![5], Activation::Sigmoid), (vec![6, 4], Activation::Tanh)]
            {
                for l2 in [0.0, 0.03] {
                    let config = classes(
                        k,
                        dataset,
                        Config { hidden: hidden.clone(), activation, l2, noise: 0.1, ..Config::default() },
                    );
                    let mut session = Session::new(config).unwrap();
                    session.step(30);
                    let check = session_gradient_check(&session);
                    assert_eq!(check.checked, check.parameters);
                    assert!(
                        check.relative_error <= 1e-6,
                        "K = {k} {dataset:?} {hidden:?} l2 {l2}: {:e}",
                        check.relative_error
                    );
                }
            }
        }
    }
}

#[test]
fn a_three_class_spiral_is_learned_by_a_small_network() {
    let config = classes(
        3,
        Dataset::Spiral,
        Config {
            hidden: vec![16, 16],
            optimizer: OptimizerKind::Adam,
            learning_rate: 0.01,
            noise: 0.05,
            seed: 1,
            ..Config::default()
        },
    );
    let mut session = Session::new(config).unwrap();
    let report = session.step(6000);
    assert!(report.test_accuracy.unwrap() >= 0.9, "{report:?}");
}

#[test]
fn every_multi_class_dataset_is_learned() {
    for (dataset, k) in [(Dataset::Gauss, 6), (Dataset::Pinwheel, 5), (Dataset::Pinwheel, 3), (Dataset::Spiral, 4)] {
        let config = classes(
            k,
            dataset,
            Config { hidden: vec![12, 12], optimizer: OptimizerKind::Adam, learning_rate: 0.01, ..Config::default() },
        );
        let mut session = Session::new(config).unwrap();
        let (train, test) = (&session.split().train, &session.split().test);
        for label in 0..k {
            let count = train.y.iter().chain(test.y.iter()).filter(|&&y| y == label as f64).count();
            assert!(count >= 500 / k, "{dataset:?}: class {label} has {count} points");
        }
        let accuracy = session.step(4000).test_accuracy.unwrap();
        assert!(accuracy >= 0.9, "{dataset:?} with {k} classes: {accuracy}");
    }
}

#[test]
fn predictions_are_k_probabilities_per_point_and_the_confusion_matrix_counts_them() {
    let config = classes(4, Dataset::Gauss, Config { hidden: vec![6], ..Config::default() });
    let mut session = Session::new(config).unwrap();
    let report = session.step(1500);
    let points: Vec<[f64; 2]> = session.split().test.x.rows().into_iter().map(|r| [r[0], r[1]]).collect();
    let mut p = Vec::new();
    session.predict(points.iter().copied(), &mut p);
    assert_eq!(p.len(), 4 * points.len());
    assert!(p.chunks(4).all(|c| (c.iter().sum::<f64>() - 1.0).abs() < 1e-12 && c.iter().all(|&v| v > 0.0)));
    let confusion = session.confusion(Subset::Test);
    assert_eq!(confusion.len(), 16);
    assert_eq!(confusion.iter().sum::<u32>() as usize, points.len());
    let labels = &session.split().test.y;
    for true_class in 0..4 {
        let row: u32 = confusion[true_class * 4..true_class * 4 + 4].iter().sum();
        assert_eq!(row as usize, labels.iter().filter(|&&y| y == true_class as f64).count());
    }
    let diagonal: u32 = (0..4).map(|c| confusion[c * 4 + c]).sum();
    assert_eq!(diagonal as f64 / points.len() as f64, report.test_accuracy.unwrap(), "the diagonal is the accuracy");
    let argmax = |c: &[f64]| (0..4).fold(0, |b, k| if c[k] > c[b] { k } else { b });
    let counted = p.chunks(4).zip(labels).filter(|(c, &y)| argmax(c) == y as usize).count();
    assert_eq!(counted as u32, diagonal);
}

#[test]
fn a_binary_confusion_matrix_has_two_classes() {
    let mut session = Session::new(Config { hidden: vec![4], ..Config::default() }).unwrap();
    let report = session.step(500);
    let confusion = session.confusion(Subset::Train);
    assert_eq!(confusion.len(), 4);
    let n = session.split().train.len() as f64;
    assert_eq!((confusion[0] + confusion[3]) as f64 / n, report.train_accuracy.unwrap());
}

#[test]
fn the_users_points_take_labels_zero_to_k_minus_one() {
    let points = vec![0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, -1.0, 3.0, 2.0];
    let custom =
        |k: usize, points: Vec<f64>| Config { classes: k, dataset: Some(Dataset::Custom), points, ..Config::default() };
    assert!(Session::new(custom(3, points.clone())).is_ok());
    let error = Session::new(custom(2, points.clone())).err().unwrap().to_string();
    assert_eq!(error, "points[8] must be a class label, 0 or 1, got 2");
    let mut bad = points;
    bad[11] = 1.5;
    let error = Session::new(custom(3, bad)).err().unwrap().to_string();
    assert_eq!(error, "points[11] must be a class label, 0 … 2, got 1.5");
}

#[test]
fn more_than_two_classes_are_refused_where_they_cannot_be() {
    let error = Session::new(classes(3, Dataset::Circle, Config::default())).err().unwrap().to_string();
    assert_eq!(error, "classes must be 2 for dataset circle, got 3");
    let regression = Config { problem: Problem::Regression, classes: 4, ..Config::default() };
    let error = Session::new(regression).err().unwrap().to_string();
    assert_eq!(error, "classes must be 2 for regression, got 4");
    let error = Session::new(Config { classes: 7, ..Config::default() }).err().unwrap().to_string();
    assert!(error.starts_with("classes must be"), "{error}");
}

#[test]
fn a_multi_class_model_restores_its_predictions_and_has_a_sharpness() {
    let config = classes(5, Dataset::Pinwheel, Config { hidden: vec![8], ..Config::default() });
    let mut session = Session::new(config).unwrap();
    session.step(800);
    let mut restored = Model::of(&session).restore().unwrap();
    let points = [[1.0, 2.0], [-3.0, 0.5]];
    let (mut a, mut b) = (Vec::new(), Vec::new());
    session.predict(points.iter().copied(), &mut a);
    restored.predict(points.iter().copied(), &mut b);
    assert_eq!(a, b);
    let sharpness = session_sharpness(&session).unwrap();
    assert!(sharpness.lambda_max > 0.0 && sharpness.lambda_max.is_finite(), "{sharpness:?}");
}
