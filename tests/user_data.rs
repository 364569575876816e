//! The user's own data and models: points from CSV train like any dataset, and an exported model
//! restores exactly.

use nn_playground::config::{Config, Dataset, Value};
use nn_playground::data::points_csv;
use nn_playground::error::Code;
use nn_playground::session::model::Model;
use nn_playground::Session;

#[test]
fn points_from_csv_train_like_a_built_in_dataset() {
    // Two clusters written as CSV by hand: class 1 right, class 0 left.
    let mut csv = String::from("x,y,label\n");
    for i in 0..40 {
        let t = i as f64 * 0.3;
        csv.push_str(&format!("{},{},1\n{},{},0\n", 3.0 + t.cos(), t.sin(), -3.0 + t.sin(), t.cos()));
    }
    let points = points_csv::parse(&csv).unwrap();
    assert_eq!(points.len(), 80 * 3);
    let config = Config { dataset: Some(Dataset::Custom), points, hidden: vec![3], ..Config::default() };
    let mut session = Session::new(config).unwrap();
    let report = session.step(300);
    assert_eq!(report.test_accuracy, Some(1.0));
    assert_eq!(session.split().train.len() + session.split().test.len(), 80);
}

#[test]
fn a_csv_file_holds_at_most_as_many_points_as_a_config() {
    let csv = |n: usize| "1,2,1\n".repeat(n);
    assert_eq!(points_csv::parse(&csv(5000)).unwrap().len(), 3 * 5000);
    let refused = points_csv::parse(&csv(5001)).unwrap_err();
    assert_eq!((refused.code(), refused.key()), (Code::TooLarge, "text"));
    assert_eq!(refused.message(), "text must have at most 5000 points, got 5001");
}

#[test]
fn an_exported_model_restores_the_same_predictions_bit_for_bit() {
    let mut session =
        Session::new(Config { dataset: Some(Dataset::Spiral), hidden: vec![6, 6], noise: 0.1, ..Config::default() })
            .unwrap();
    session.step(1500);
    let model = Model::of(&session);
    let mut restored = model.clone().restore().unwrap();
    let grid: Vec<[f64; 2]> = (0..400).map(|k| [-6.0 + 0.6 * (k % 20) as f64, -6.0 + 0.6 * (k / 20) as f64]).collect();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    session.predict(grid.iter().copied(), &mut a);
    restored.predict(grid.iter().copied(), &mut b);
    assert_eq!(a, b);
    assert_eq!(session.split(), restored.split());
    // Parameters that do not fit the architecture are refused with the sizes named.
    let wrong = Model { parameters: vec![0.0; 5], ..model.clone() };
    let message = wrong.restore().err().unwrap().message().to_string();
    assert!(message.starts_with("parameters must hold 67 numbers, got 5"), "{message}");
    let huge = Model { parameters: vec![1e154; 67], ..model.clone() };
    let refused = huge.restore().err().unwrap();
    assert_eq!((refused.code(), refused.key()), (Code::LossExplodes, "parameters"), "{}", refused.message());
    let tagged = Model { format: "other".into(), ..model };
    assert!(tagged.restore().is_err());
}

/// JSON as the plain data a model file arrives as.
fn plain(json: &serde_json::Value) -> Value {
    match json {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
        serde_json::Value::String(s) => Value::Text(s.clone()),
        serde_json::Value::Array(items) => Value::List(items.iter().map(plain).collect()),
        serde_json::Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), plain(v))).collect()),
    }
}

#[test]
fn a_model_file_with_an_unknown_key_or_a_fractional_step_is_refused_by_name() {
    let session = Session::new(Config { hidden: vec![2], ..Config::default() }).unwrap();
    let model = serde_json::to_value(Model::of(&session)).unwrap();
    let file = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut file = model.clone();
        change(&mut file);
        plain(&file)
    };
    assert!(Model::from_value(&file(&|_| {})).is_ok());
    let unknown = Model::from_value(&file(&|f| f["note"] = "mine".into())).unwrap_err();
    assert_eq!((unknown.code(), unknown.key()), (Code::UnknownKey, "note"));
    let fractional = Model::from_value(&file(&|f| f["step"] = 1.5.into())).unwrap_err();
    assert_eq!((fractional.code(), fractional.key()), (Code::NotWhole, "step"));
}
