//! The views' JS methods in a real browser: loss surfaces, condition numbers, the backprop trace,
//! unit outputs, CSV of points and model export/import.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Float32Array, Reflect, JSON};
use nn_playground::wasm::{JsConfig, Playground};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn json(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

fn config(text: &str) -> Option<JsConfig> {
    Some(json(text).unchecked_into())
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).expect("property")
}

fn message(result: Result<impl Sized, JsError>) -> String {
    let Err(error) = result else { panic!("expected an error") };
    JsValue::from(error).dyn_into::<js_sys::Error>().expect("a JS Error").message().into()
}

#[wasm_bindgen_test]
fn loss_surfaces_have_their_documented_shapes() {
    let mut pg = Playground::new(config(r#"{"hidden":[4],"seed":2}"#)).unwrap();
    pg.step(200.0).unwrap();
    for kind in ["weights2d", "random", "pca"] {
        let s = pg.loss_surface(json(&format!(r#"{{"kind":"{kind}","res":21}}"#)).unchecked_into()).unwrap();
        let values: Float32Array = get(&s, "values").dyn_into().unwrap();
        assert_eq!(values.length(), 441, "{kind}");
        assert!(values.to_vec().iter().all(|v| v.is_finite()));
        let path: Float32Array = get(&s, "path").dyn_into().unwrap();
        assert!(path.length() >= 4 && path.length() % 2 == 0);
        assert_eq!(Array::from(&get(&s, "axes")).length(), 2);
    }
    // The SIMD single-precision grid agrees with the double-precision one.
    let values = |precision: &str| -> Vec<f32> {
        let s = pg
            .loss_surface(json(&format!(r#"{{"kind":"random","res":15,"precision":"{precision}"}}"#)).unchecked_into())
            .unwrap();
        get(&s, "values").dyn_into::<Float32Array>().unwrap().to_vec()
    };
    for (single, double) in values("single").iter().zip(values("double")) {
        assert!((single - double).abs() <= 2e-6 * double, "{single} vs {double}");
    }
    let err = message(pg.loss_surface(json(r#"{"kind":"random","precision":"half"}"#).unchecked_into()));
    assert!(err.starts_with("precision: unknown variant `half`"), "{err}");
    let err = message(pg.loss_surface(json(r#"{"kind":"hills"}"#).unchecked_into()));
    assert!(err.starts_with("kind: unknown variant `hills`"), "{err}");
    let err = message(pg.loss_surface(json(r#"{"kind":"random","res":1000}"#).unchecked_into()));
    assert!(err.starts_with("res must be between 3 and 201"), "{err}");
    let c = pg.conditioning();
    assert!(get(&get(&c, "inputCovariance"), "kappa").as_f64().unwrap() >= 1.0);
    assert!(get(&c, "hessian").is_null());
}

#[wasm_bindgen_test]
fn the_backprop_trace_is_the_next_update() {
    let mut pg = Playground::new(config(r#"{"hidden":[3,2],"batchSize":4}"#)).unwrap();
    let rows = pg.next_batch().to_vec();
    let trace = pg.backprop_trace(None).unwrap();
    assert_eq!(get(&trace, "m").as_f64(), Some(4.0));
    let traced_rows: Vec<u32> = Array::from(&get(&trace, "rows")).iter().map(|v| v.as_f64().unwrap() as u32).collect();
    assert_eq!(traced_rows, rows);
    let layers = Array::from(&get(&trace, "layers"));
    assert_eq!(layers.length(), 3);
    let first_grad: Vec<f64> =
        Array::from(&get(&layers.get(0), "gradWeights")).iter().map(|v| v.as_f64().unwrap()).collect();
    pg.step(1.0).unwrap();
    let applied = pg.parameters().get(0);
    let grad: js_sys::Float64Array = get(&applied, "gradWeights").dyn_into().unwrap();
    assert_eq!(grad.to_vec(), first_grad);
    let units = pg.unit_outputs(8.0, -6.0, 6.0, -6.0, 6.0).unwrap();
    assert_eq!(units.len(), (3 + 2 + 1) * 64);
    let err = message(pg.unit_outputs(2000.0, -6.0, 6.0, -6.0, 6.0));
    assert!(err.starts_with("unitOutputs: units × res² must be at most 16777216, got 6 × 4000000"), "{err}");
    // 2049 units × 1448² overflows a 32-bit product: still refused, not wrapped.
    let mut wide =
        Playground::new(config(r#"{"hidden":[128,128,128,128,128,128,128,128,128,128,128,128,128,128,128,128]}"#))
            .unwrap();
    let err = message(wide.unit_outputs(1448.0, -6.0, 6.0, -6.0, 6.0));
    assert!(err.starts_with("unitOutputs: units × res² must be at most 16777216, got 2049 × 2096704"), "{err}");
    assert!(message(pg.backprop_trace(Some(vec![9999]))).starts_with("rows must be below 250"));
}

#[wasm_bindgen_test]
fn csv_points_train_and_models_round_trip() {
    let points = nn_playground::wasm::parse_points_csv("x,y,label\n1,1,1\n-1,-1,0\n2,1,1\n-2,-1,0\n").unwrap();
    assert_eq!(points.len(), 12);
    let err = message(nn_playground::wasm::parse_points_csv("1,2\n3,4,1\nx,1,0\n"));
    assert!(err.contains("line 1: \"1,2\"") && err.contains("line 3: \"x,1,0\""), "{err}");
    let list = Array::new();
    for p in &points {
        list.push(&JsValue::from(*p));
    }
    let custom = js_sys::Object::new();
    Reflect::set(&custom, &"dataset".into(), &"custom".into()).unwrap();
    Reflect::set(&custom, &"points".into(), &list).unwrap();
    let mut pg = Playground::new(Some(custom.unchecked_into())).unwrap();
    pg.step(50.0).unwrap();
    let model = JSON::parse(&String::from(JSON::stringify(&pg.export_model()).unwrap())).unwrap();
    let mut restored = Playground::from_model(model).unwrap();
    let probe = [0.3f32, -0.7, 1.5, 2.0];
    assert_eq!(pg.predict(&probe).unwrap(), restored.predict(&probe).unwrap());
    assert!(message(Playground::from_model(json(
        r#"{"format":"x","version":1,"config":{},"parameters":[],"step":0}"#
    )))
    .starts_with("model: format must be"));
}
