//! The JS API in a real browser (`wasm-pack test --headless --chrome`): shapes, values and the
//! errors every bad argument throws.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, JSON};
use nn_playground::wasm::{JsConfig, Playground};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn config(json: &str) -> Option<JsConfig> {
    Some(JSON::parse(json).expect("test JSON").unchecked_into())
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).expect("property")
}

fn error_message(result: Result<impl Sized, JsError>) -> String {
    let Err(error) = result else { panic!("expected an error") };
    let value: JsValue = error.into();
    value.dyn_into::<js_sys::Error>().expect("a JS Error").message().into()
}

#[wasm_bindgen_test]
fn step_reports_every_field_and_training_lowers_the_loss() {
    let mut pg = Playground::new(config(r#"{"hidden":[8,8],"seed":3}"#)).unwrap();
    let first = pg.step(0.0).unwrap();
    assert!(get(&first, "batchLoss").as_f64().unwrap().is_nan());
    let report: JsValue = pg.step(2000.0).unwrap().into();
    assert_eq!(get(&report, "step").as_f64(), Some(2000.0));
    assert_eq!(get(&report, "epoch").as_f64(), Some(80.0));
    assert_eq!(get(&report, "diverged").as_bool(), Some(false));
    assert!(get(&report, "message").is_null());
    let (before, after) = (get(&first, "trainLoss").as_f64().unwrap(), get(&report, "trainLoss").as_f64().unwrap());
    assert!(after < 0.5 * before, "{before} → {after}");
    assert!(get(&report, "testAccuracy").as_f64().unwrap() > 0.9);
    let history = pg.history();
    assert_eq!(get(&history, "trainLoss").dyn_into::<js_sys::Float64Array>().unwrap().length(), 2);
}

#[wasm_bindgen_test]
fn predict_boundary_points_and_bounds_have_the_documented_shapes() {
    let mut pg =
        Playground::new(config(r#"{"samples":200,"trainFraction":0.7,"scale":[2,1],"offset":[0,5]}"#)).unwrap();
    pg.step(100.0).unwrap();
    let out = pg.predict(&[0.0, 0.0, 1.0, -2.0, 3.5, 4.0]).unwrap();
    assert_eq!(out.len(), 3);
    assert!(out.iter().all(|p| (0.0..=1.0).contains(p)));
    let grid = pg.boundary(40.0, -12.0, 12.0, -1.0, 11.0).unwrap();
    assert_eq!(grid.len(), 1600);
    assert!(grid.iter().all(|p| p.is_finite()));
    // First row is at the top (ymax), first column at xmin: compare with predict at that cell centre.
    let corner = pg.predict(&[-12.0 + 0.3, 11.0 - 0.15]).unwrap();
    assert!((grid[0] - corner[0]).abs() < 1e-6);
    let train = pg.points("train").unwrap();
    assert_eq!(train.len(), 140 * 3);
    assert!(train.chunks(3).all(|p| p[2] == 0.0 || p[2] == 1.0));
    assert_eq!(pg.points("test").unwrap().len(), 60 * 3);
    assert_eq!(pg.bounds(), vec![-12.0, 12.0, -1.0, 11.0]);
    assert!(pg.gradient_check() < 1e-6);
}

#[wasm_bindgen_test]
fn the_config_comes_back_with_every_default() {
    let pg = Playground::new(None).unwrap();
    let c = pg.config();
    assert_eq!(get(&c, "dataset").as_string().as_deref(), Some("circle"));
    assert_eq!(get(&c, "learningRate").as_f64(), Some(0.03));
    assert_eq!(Array::from(&get(&c, "hidden")).length(), 2);
    let regression = Playground::new(config(r#"{"problem":"regression"}"#)).unwrap();
    assert_eq!(get(&regression.config(), "dataset").as_string().as_deref(), Some("plane"));
    let defaults: Object = nn_playground::wasm::default_config().unchecked_into();
    let full: Object = c.unchecked_into();
    assert_eq!(Object::keys(&defaults).length(), Object::keys(&full).length());
}

#[wasm_bindgen_test]
fn every_bad_config_throws_an_error_naming_the_key_and_value() {
    let cases = [
        (r#"{"learningRate":-1}"#, "learningRate must be > 0, got -1"),
        (r#"{"batchSize":0}"#, "batchSize must be ≥ 1, got 0"),
        (r#"{"hidden":[4,0]}"#, "hidden[1] must be between 1 and 128 units, got 0"),
        (r#"{"hidden":[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]}"#, "hidden must be at most 16 layers"),
        (r#"{"dataset":"nope"}"#, "dataset: unknown variant `nope`"),
        (r#"{"noise":2}"#, "noise must be between 0 and 0.5, got 2"),
        (r#"{"learningRate":"fast"}"#, "learningRate: invalid type: string \"fast\""),
        (r#"{"scale":[1]}"#, "scale: invalid length 1"),
        (r#"{"colour":"red"}"#, "config: unknown key `colour`"),
        (r#"{"samples":-5}"#, "samples:"),
    ];
    for (json, expected) in cases {
        assert!(Playground::new(config(json)).is_err(), "{json} was accepted");
        let message = error_message(Playground::new(config(json)));
        assert!(message.starts_with(expected), "{json}: {message}");
    }
}

#[wasm_bindgen_test]
fn bad_call_arguments_throw_and_leave_the_playground_working() {
    let mut pg = Playground::new(None).unwrap();
    pg.step(5.0).unwrap();
    assert!(error_message(pg.predict(&[1.0, 2.0, 3.0])).contains("(an even length), got 3 numbers"));
    assert!(error_message(pg.predict(&[1.0, f32::NAN])).starts_with("predict(points): points[1] must be finite"));
    assert!(error_message(pg.step(-1.0)).starts_with("step(n): n must be a whole number"));
    assert!(error_message(pg.step(0.5)).starts_with("step(n): n must be a whole number"));
    assert!(error_message(pg.boundary(0.0, 0.0, 1.0, 0.0, 1.0)).starts_with("boundary(res): res must be"));
    assert!(error_message(pg.boundary(10.0, 1.0, 0.0, 0.0, 1.0)).contains("xmin < xmax"));
    assert!(error_message(pg.points("validation")).contains("\"validation\""));
    let report: JsValue = pg.step(1.0).unwrap().into();
    assert_eq!(get(&report, "step").as_f64(), Some(6.0));
}

#[wasm_bindgen_test]
fn a_diverging_run_is_reported_not_drawn_as_garbage() {
    let mut pg = Playground::new(config(
        r#"{"learningRate":1000000,"problem":"regression","hidden":[8,8,8],"activation":"relu","scale":[100,100]}"#,
    ))
    .unwrap();
    let report: JsValue = pg.step(200.0).unwrap().into();
    assert_eq!(get(&report, "diverged").as_bool(), Some(true));
    assert!(get(&report, "message").as_string().unwrap().contains("step"));
    assert!(pg.boundary(20.0, -6.0, 6.0, -6.0, 6.0).unwrap().iter().all(|v| v.is_finite()));
}

/// A kernel over a slice (SIMD lanes in wasm) and its scalar form.
type KernelPair<T> = (fn(&[T], &mut [T]), fn(T) -> T);

/// Whether each slice function (SIMD lanes in wasm) gives the bits of its scalar form on `z`.
fn slices_match_the_scalar_forms<T: nn_playground::math::Real>(z: &[T]) {
    use nn_playground::math::{
        log1p_exp_negabs_lanes, log1p_exp_negabs_slice, sigmoid_lanes, sigmoid_slice, tanh_lanes, tanh_slice,
    };
    let cases: [KernelPair<T>; 3] =
        [(tanh_slice, tanh_lanes), (sigmoid_slice, sigmoid_lanes), (log1p_exp_negabs_slice, log1p_exp_negabs_lanes)];
    let mut a = z.to_vec();
    for (slice, scalar) in cases {
        slice(z, &mut a);
        assert!(z.iter().zip(&a).all(|(&z, &a)| a.to_f64().to_bits() == scalar(z).to_f64().to_bits()));
    }
}

#[wasm_bindgen_test]
fn simd_activations_give_the_same_bits_as_the_scalar_ones() {
    let z: Vec<f64> = (-4000..=4000).map(|i| i as f64 * 0.0071).chain([f64::NAN, -0.0, 1e9, -1e9]).collect();
    slices_match_the_scalar_forms(&z);
    // Single precision: four lanes per register.
    slices_match_the_scalar_forms(&z.iter().map(|&z| z as f32).collect::<Vec<f32>>());
}

#[wasm_bindgen_test]
fn layer_stats_has_one_entry_per_hidden_layer_with_the_documented_fields() {
    let pg = Playground::new(config(r#"{"hidden":[6,5,4],"activation":"relu","init":"he","samples":100}"#)).unwrap();
    let stats = Array::from(&pg.layer_stats(None).unwrap());
    assert_eq!(stats.length(), 3);
    for (k, units) in [6.0, 5.0, 4.0].into_iter().enumerate() {
        let layer = stats.get(k as u32);
        assert_eq!(get(&layer, "layer").as_f64(), Some(k as f64 + 1.0));
        assert_eq!(get(&layer, "units").as_f64(), Some(units));
        for key in [
            "actMean",
            "actStd",
            "actRms",
            "deltaStd",
            "gradStd",
            "updateRatio",
            "weightStd",
            "initVariance",
            "unitSpread",
        ] {
            assert!(get(&layer, key).as_f64().is_some_and(f64::is_finite), "{key}");
        }
        assert!(get(&layer, "dead").as_f64().is_some());
        assert!(get(&layer, "saturated").is_null());
        for key in ["actHistogram", "deltaHistogram", "gradHistogram"] {
            let histogram = get(&layer, key);
            let (edges, counts) = (Array::from(&get(&histogram, "edges")), Array::from(&get(&histogram, "counts")));
            assert_eq!(edges.length(), counts.length() + 1, "{key}");
        }
        // 50 training points, all of them in the batch.
        let counts = Array::from(&get(&get(&layer, "actHistogram"), "counts"));
        let total: f64 = counts.iter().map(|c| c.as_f64().unwrap()).sum();
        assert_eq!(total, units * 50.0);
    }
    let few = Array::from(&pg.layer_stats(Some(8.0)).unwrap());
    let counts = Array::from(&get(&get(&few.get(0), "actHistogram"), "counts"));
    assert_eq!(counts.iter().map(|c| c.as_f64().unwrap()).sum::<f64>(), 6.0 * 8.0);
    assert!(
        error_message(pg.layer_stats(Some(0.0))).starts_with("layerStats(maxPoints): maxPoints must be a whole number")
    );
    let none = Playground::new(config(r#"{"hidden":[]}"#)).unwrap();
    assert_eq!(Array::from(&none.layer_stats(None).unwrap()).length(), 0);
}
