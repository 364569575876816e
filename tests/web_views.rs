//! The views' JS methods in a real browser: loss surfaces and condition numbers (normalization
//! lab), per-layer statistics and the initialization helpers (initialization lab), the backprop
//! trace and unit outputs (explorer, network diagram), the boundary painted on a canvas (shaded
//! or discretized, for two classes and for three), a loss surface painted on a canvas, the
//! confusion matrix, the input features over the plane, CSV of points and model export/import.
#![cfg(target_arch = "wasm32")]

#[path = "web/common.rs"]
mod common;

use common::{get, js, n, number, playground, s, thrown};
use js_sys::{Array, Float32Array, Float64Array, JSON};
use nn_playground::draw::contours::{self, Levels};
use nn_playground::wasm::{
    activation_curve, deep_linear_toy, draw_loss_surface, init_variance, parse_points_csv, points_to_csv, Playground,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn loss_surfaces_have_their_documented_shapes_and_axis_ids() {
    let mut pg = playground("{ hidden: [4], seed: 2 }");
    pg.step(n(200.0)).unwrap();
    for (kind, axes) in
        [("weights2d", ["weight1", "weight2"]), ("random", ["randomDelta", "randomEta"]), ("pca", ["pc1", "pc2"])]
    {
        let surface = pg.loss_surface(js(&format!(r#"{{ kind: "{kind}", res: 21 }}"#))).unwrap();
        let values: Float32Array = get(&surface, "values").dyn_into().unwrap();
        assert_eq!(values.length(), 441, "{kind}");
        assert!(values.to_vec().iter().all(|v| v.is_finite()));
        let path: Float32Array = get(&surface, "path").dyn_into().unwrap();
        assert!(path.length() >= 4 && path.length() % 2 == 0);
        let got: Vec<String> = Array::from(&get(&surface, "axes")).iter().map(|a| a.as_string().unwrap()).collect();
        assert_eq!(got, axes);
    }
    assert_eq!(number(&pg.loss_surface(js("{}")).unwrap(), "unit"), 0.0);
    // The SIMD single-precision grid agrees with the double-precision one.
    let values = |precision: &str| -> Vec<f32> {
        let request = js(&format!(r#"{{ kind: "random", res: 15, precision: "{precision}" }}"#));
        get(&pg.loss_surface(request).unwrap(), "values").dyn_into::<Float32Array>().unwrap().to_vec()
    };
    for (single, double) in values("single").iter().zip(values("double")) {
        assert!((single - double).abs() <= 2e-6 * double, "{single} vs {double}");
    }
    for (request, code, key) in [
        (r#"{ kind: "random", precision: "half" }"#, "unknownChoice", "precision"),
        (r#"{ kind: "hills" }"#, "unknownChoice", "kind"),
        (r#"{ kind: "random", res: 1000 }"#, "outOfRange", "res"),
        (r#"{ kind: "line", span: 1e308 }"#, "outOfRange", "span"),
        ("{ center: [1e308, 1e308] }", "outOfRange", "center[0]"),
        ("{ unit: 4 }", "outOfRange", "unit"),
        ("{ size: 3 }", "unknownKey", "size"),
    ] {
        let error = thrown(pg.loss_surface(js(request)));
        assert_eq!((error.code.as_str(), error.key.as_str()), (code, key), "{request}: {}", error.message);
        assert!(error.message.starts_with("lossSurface(request): "), "{}", error.message);
    }
    let fresh = playground("{}");
    assert_eq!(thrown(fresh.loss_surface(js(r#"{ kind: "pca" }"#))).code, "needsTraining");
    let c = pg.conditioning();
    assert!(number(&get(&c, "inputCovariance"), "kappa") >= 1.0);
    assert!(get(&c, "hessian").is_null());
}

#[wasm_bindgen_test]
fn sharpness_reports_the_hessians_largest_eigenvalue_and_the_stable_step() {
    let mut pg = playground("{ hidden: [6], seed: 2 }");
    pg.step(n(300.0)).unwrap();
    let sharpness = pg.sharpness().unwrap();
    let lambda = number(&sharpness, "lambdaMax");
    assert!(lambda.is_finite() && lambda > 0.0, "{lambda}");
    assert_eq!(number(&sharpness, "stableStep"), 2.0 / lambda);
    assert!(number(&sharpness, "iterations") >= 1.0 && number(&sharpness, "points") == 250.0);
    // Without hidden layers it is the Hessian's λmax the conditioning readout gives.
    let mut linear = playground("{ hidden: [], seed: 2 }");
    linear.step(n(50.0)).unwrap();
    let closed = number(&get(&linear.conditioning(), "hessian"), "lambdaMax");
    assert!((number(&linear.sharpness().unwrap(), "lambdaMax") - closed).abs() <= 1e-8 * closed);
}

#[wasm_bindgen_test]
fn the_backprop_trace_is_the_next_update() {
    let mut pg = playground("{ hidden: [3, 2], batchSize: 4 }");
    let rows = pg.next_batch().to_vec();
    let trace = pg.backprop_trace(js("undefined")).unwrap();
    assert_eq!(number(&trace, "m"), 4.0);
    let traced_rows: Vec<u32> = Array::from(&get(&trace, "rows")).iter().map(|v| v.as_f64().unwrap() as u32).collect();
    assert_eq!(traced_rows, rows);
    let layers = Array::from(&get(&trace, "layers"));
    assert_eq!(layers.length(), 3);
    let first_grad: Vec<f64> =
        Array::from(&get(&layers.get(0), "gradWeights")).iter().map(|v| v.as_f64().unwrap()).collect();
    pg.step(n(1.0)).unwrap();
    let grad: Float64Array = get(&pg.parameters().get(0), "gradWeights").dyn_into().unwrap();
    assert_eq!(grad.to_vec(), first_grad);
    let one = pg.backprop_trace(js("[7]")).unwrap();
    assert_eq!(number(&one, "m"), 1.0);
    let error = thrown(pg.backprop_trace(js("[9999]")));
    assert_eq!((error.code.as_str(), error.key.as_str()), ("outOfRange", "rows[0]"));
    assert!(
        error.message.starts_with("backpropTrace(rows): rows[0] must be ≥ 0 and < 250, got 9999"),
        "{}",
        error.message
    );
    assert_eq!(thrown(pg.backprop_trace(js("[]"))).code, "empty");
    assert_eq!(thrown(pg.backprop_trace(js("Array(300000).fill(0)"))).code, "tooLarge");
}

#[wasm_bindgen_test]
fn unit_outputs_cover_every_unit_and_refuse_sizes_beyond_the_cap() {
    let mut pg = playground("{ hidden: [3, 2] }");
    let units = pg.unit_outputs(n(8.0), n(-6.0), n(6.0), n(-6.0), n(6.0)).unwrap();
    assert_eq!(units.len(), (3 + 2 + 1) * 64);
    let error = thrown(pg.unit_outputs(n(2000.0), n(-6.0), n(6.0), n(-6.0), n(6.0)));
    assert_eq!((error.code.as_str(), error.key.as_str()), ("tooLarge", "res"));
    // 2049 units × 1448² overflows a 32-bit product: still refused, not wrapped.
    let mut wide = playground("{ hidden: Array(16).fill(128) }");
    assert_eq!(thrown(wide.unit_outputs(n(1448.0), n(-6.0), n(6.0), n(-6.0), n(6.0))).code, "tooLarge");
    assert!(pg.batch_loss_noise(js("undefined")).unwrap().is_none());
    assert_eq!(thrown(pg.batch_loss_noise(n(2.0))).key, "window");
}

#[wasm_bindgen_test]
fn the_mini_batch_noise_is_that_of_the_latest_records_not_of_the_loss_falling_early() {
    // x₂ stretched by 50: the loss starts in the thousands and falls below 1 within a few records.
    let config =
        "{ problem: 'regression', dataset: 'plane', hidden: [], scale: [1, 50], learningRate: 0.00003, seed: 1 }";
    let mut pg = playground(config);
    let first = number(&pg.step(n(0.0)).unwrap(), "trainLoss");
    for _ in 0..240 {
        pg.step(n(10.0)).unwrap();
    }
    let (noise, loss) =
        (pg.batch_loss_noise(js("undefined")).unwrap().unwrap(), number(&pg.step(n(0.0)).unwrap(), "trainLoss"));
    assert!(first > 1000.0 * loss, "the loss fell from {first} to {loss}");
    assert!(noise < 2.0 * loss, "noise {noise} against a loss of {loss}");
}

/// The RGBA bytes of a `side`×`side` canvas.
fn pixels(canvas: &JsValue, side: f64) -> Vec<u8> {
    let data = js("(c, r) => Array.from(c.getContext('2d').getImageData(0, 0, r, r).data)")
        .dyn_into::<js_sys::Function>()
        .unwrap()
        .call2(&JsValue::NULL, canvas, &n(side))
        .unwrap();
    Array::from(&data).iter().map(|v| v.as_f64().unwrap() as u8).collect()
}

/// The distinct RGBA colours on a `res`×`res` canvas.
fn colours(canvas: &JsValue, res: f64) -> std::collections::BTreeSet<Vec<u8>> {
    pixels(canvas, res).chunks(4).map(<[u8]>::to_vec).collect()
}

#[wasm_bindgen_test]
fn draw_loss_surface_paints_the_cores_contours_and_names_bad_arguments() {
    let mut pg = playground("{ hidden: [4], seed: 2 }");
    pg.step(n(200.0)).unwrap();
    let values = get(&pg.loss_surface(js(r#"{ kind: "random", res: 21 }"#)).unwrap(), "values");
    let costs: Vec<f64> =
        values.clone().dyn_into::<Float32Array>().unwrap().to_vec().into_iter().map(f64::from).collect();
    let canvas = js("document.createElement('canvas')");
    let levels = draw_loss_surface(canvas.clone(), values.clone(), n(21.0), n(64.0)).unwrap();
    let expected = Levels::of(&costs).unwrap();
    assert_eq!(
        [number(&levels, "lo"), number(&levels, "hi"), number(&levels, "count")],
        [expected.lo, expected.hi, 14.0]
    );
    let mut painted = vec![0; 64 * 64 * 4];
    contours::paint_bands(&costs, 21, 64, &expected, &mut painted);
    assert_eq!([number(&canvas, "width"), number(&canvas, "height")], [64.0, 64.0], "the canvas sized to the image");
    assert!(pixels(&canvas, 64.0) == painted, "every byte as the core's contours");
    assert!(colours(&canvas, 64.0).len() >= 10, "bands and their lines, not a flat fill");
    let nothing_positive = draw_loss_surface(canvas.clone(), js("new Float32Array(9)"), n(3.0), n(8.0)).unwrap();
    assert!(nothing_positive.is_null(), "no band to draw");
    assert_eq!(number(&canvas, "width"), 64.0, "and the canvas left as it was");
    for (canvas, values, res, size, code, key) in [
        (js("({})"), values.clone(), n(21.0), n(64.0), "wrongType", "canvas"),
        (canvas.clone(), values.clone(), n(20.0), n(64.0), "wrongLength", "values"),
        (canvas.clone(), js("[1, 2, 3, 4]"), n(2.5), n(64.0), "notWhole", "res"),
        (canvas.clone(), values.clone(), n(21.0), n(0.0), "outOfRange", "size"),
        (canvas.clone(), values, n(21.0), n(4096.0), "outOfRange", "size"),
        (canvas, s("costs"), n(2.0), n(8.0), "wrongType", "values"),
    ] {
        let error = thrown(draw_loss_surface(canvas, values, res, size));
        assert_eq!((error.code.as_str(), error.key.as_str()), (code, key));
    }
}

#[wasm_bindgen_test]
fn draw_boundary_paints_shaded_or_discretized_and_names_a_bad_flag() {
    let mut pg = playground(r#"{ dataset: "xor", hidden: [4], seed: 5 }"#);
    pg.step(n(300.0)).unwrap();
    let draw = |pg: &mut Playground, flag: JsValue| {
        let canvas = js("document.createElement('canvas')");
        pg.draw_boundary(canvas.clone(), n(40.0), n(-6.0), n(6.0), n(-6.0), n(6.0), flag).map(|()| canvas)
    };
    let shaded = draw(&mut pg, JsValue::UNDEFINED).unwrap();
    assert!(colours(&shaded, 40.0).len() > 20, "shaded by the probability");
    assert_eq!(colours(&draw(&mut pg, JsValue::FALSE).unwrap(), 40.0), colours(&shaded, 40.0));
    assert_eq!(colours(&draw(&mut pg, JsValue::TRUE).unwrap(), 40.0).len(), 2, "one colour a class");
    let error = thrown(draw(&mut pg, s("yes")));
    assert_eq!((error.code.as_str(), error.key.as_str()), ("wrongType", "discretize"));
}

#[wasm_bindgen_test]
fn three_classes_give_three_probabilities_a_point_three_colours_and_a_confusion_matrix() {
    let mut pg = playground(r#"{ dataset: "gauss", classes: 3, hidden: [6], seed: 2 }"#);
    pg.step(n(800.0)).unwrap();
    let p = pg.predict(js("[0, 0, 3, 0]")).unwrap();
    assert_eq!(p.len(), 6);
    assert!(p.chunks(3).all(|c| (c.iter().sum::<f32>() - 1.0).abs() < 1e-5));
    assert_eq!(pg.boundary(n(5.0), n(-6.0), n(6.0), n(-6.0), n(6.0)).unwrap().len(), 75);
    let canvas = js("document.createElement('canvas')");
    pg.draw_boundary(canvas.clone(), n(30.0), n(-6.0), n(6.0), n(-6.0), n(6.0), JsValue::TRUE).unwrap();
    assert_eq!(colours(&canvas, 30.0).len(), 3, "one colour a class");
    let confusion = pg.confusion_matrix(JsValue::UNDEFINED).unwrap();
    assert_eq!(confusion.len(), 9);
    let test_points = pg.points(s("test")).unwrap().len() / 3;
    assert_eq!(confusion.iter().sum::<u32>() as usize, test_points);
    assert_eq!(thrown(pg.confusion_matrix(s("both"))).key, "which");
    assert!(playground(r#"{ problem: "regression" }"#).confusion_matrix(JsValue::UNDEFINED).unwrap().is_empty());
    let error = thrown(Playground::new(js(r#"({ classes: 3, dataset: "circle" })"#)));
    assert_eq!((error.code.as_str(), error.key.as_str()), ("twoClasses", "classes"));
}

#[wasm_bindgen_test]
fn input_outputs_give_every_feature_over_the_grid() {
    let pg = playground(r#"{ features: ["x1", "x1Squared"], normalize: "standardize" }"#);
    let maps = pg.input_outputs(n(4.0), n(-6.0), n(6.0), n(-6.0), n(6.0)).unwrap();
    assert_eq!(maps.len(), 2 * 16);
    assert_eq!(maps[0], maps[12], "x₁ is the same down a column");
    assert_eq!(maps[16], maps[19], "x₁² is the same at ±x₁");
    assert_eq!(thrown(pg.input_outputs(n(0.5), n(-6.0), n(6.0), n(-6.0), n(6.0))).key, "res");
    let error = thrown(Playground::new(js(r#"({ features: [] })"#)));
    assert_eq!((error.code.as_str(), error.key.as_str()), ("empty", "features"));
}

#[wasm_bindgen_test]
fn csv_points_train_and_models_round_trip() {
    let points = parse_points_csv(s("x,y,label\n1,1,1\n-1,-1,0\n2,1,1\n-2,-1,0\n")).unwrap();
    assert_eq!(points.len(), 12);
    let error = thrown(parse_points_csv(s("1,2\n3,4,1\nx,1,0\n")));
    assert_eq!(error.code, "csvLines");
    assert!(
        error.message.contains("line 1: \"1,2\"") && error.message.contains("line 3: \"x,1,0\""),
        "{}",
        error.message
    );
    let lines: Vec<f64> = Array::from(&get(&error.params, "lines")).iter().map(|l| l.as_f64().unwrap()).collect();
    assert_eq!(lines, [1.0, 3.0]);
    assert_eq!(thrown(parse_points_csv(s("# nothing\n"))).code, "csvEmpty");
    let csv = points_to_csv(Float64Array::from(&points[..]).into()).unwrap();
    assert_eq!(parse_points_csv(s(&csv)).unwrap(), points);
    assert_eq!(thrown(points_to_csv(js("[1, 2, 3, 4]"))).code, "wrongLength");
    let list: Array = points.iter().map(|&p| wasm_bindgen::JsValue::from(p)).collect();
    let config = js_sys::Object::new();
    js_sys::Reflect::set(&config, &"dataset".into(), &"custom".into()).unwrap();
    js_sys::Reflect::set(&config, &"points".into(), &list).unwrap();
    let mut pg = Playground::new(config.into()).unwrap();
    pg.step(n(50.0)).unwrap();
    let model = JSON::parse(&String::from(JSON::stringify(&pg.export_model()).unwrap())).unwrap();
    let mut restored = Playground::from_model(model).unwrap();
    let probe = js("new Float32Array([0.3, -0.7, 1.5, 2])");
    assert_eq!(pg.predict(probe.clone()).unwrap(), restored.predict(probe).unwrap());
    let other =
        thrown(Playground::from_model(js(r#"{ format: "x", version: 1, config: {}, parameters: [], step: 0 }"#)));
    assert_eq!(other.code, "modelFormat");
    let model = r#"{ format: "nn-playground-model", version: 1, step: 0, parameters: [] "#;
    let bad_key = thrown(Playground::from_model(js(&format!("{model}, config: {{ learningrate: 1 }} }}"))));
    assert_eq!((bad_key.code.as_str(), bad_key.key.as_str()), ("unknownKey", "config.learningrate"));
    let bad_rate = thrown(Playground::from_model(js(&format!("{model}, config: {{ learningRate: -1 }} }}"))));
    assert_eq!(bad_rate.key, "config.learningRate");
}

#[wasm_bindgen_test]
fn layer_stats_has_one_entry_per_hidden_layer_with_the_documented_fields() {
    let pg = playground(r#"{ hidden: [6, 5, 4], activation: "relu", init: "he", samples: 100 }"#);
    let stats = Array::from(&pg.layer_stats(js("undefined")).unwrap());
    assert_eq!(stats.length(), 3);
    for (k, units) in [6.0, 5.0, 4.0].into_iter().enumerate() {
        let layer = stats.get(k as u32);
        assert_eq!((number(&layer, "layer"), number(&layer, "units")), (k as f64 + 1.0, units));
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
            assert!(number(&layer, key).is_finite(), "{key}");
        }
        assert!(get(&layer, "dead").as_f64().is_some() && get(&layer, "saturated").is_null());
        for key in ["actHistogram", "deltaHistogram", "gradHistogram"] {
            let histogram = get(&layer, key);
            let (edges, counts) = (Array::from(&get(&histogram, "edges")), Array::from(&get(&histogram, "counts")));
            assert_eq!(edges.length(), counts.length() + 1, "{key}");
        }
        // 50 training points, all of them in the batch.
        let counts = Array::from(&get(&get(&layer, "actHistogram"), "counts"));
        assert_eq!(counts.iter().map(|c| c.as_f64().unwrap()).sum::<f64>(), units * 50.0);
    }
    let few = Array::from(&pg.layer_stats(n(8.0)).unwrap());
    let counts = Array::from(&get(&get(&few.get(0), "actHistogram"), "counts"));
    assert_eq!(counts.iter().map(|c| c.as_f64().unwrap()).sum::<f64>(), 6.0 * 8.0);
    assert_eq!(thrown(pg.layer_stats(n(0.0))).key, "maxPoints");
    let none = playground("{ hidden: [] }");
    assert_eq!(Array::from(&none.layer_stats(js("undefined")).unwrap()).length(), 0);
}

#[wasm_bindgen_test]
fn the_initialization_helpers_compute_and_name_their_bad_arguments() {
    assert_eq!(init_variance(s("he"), n(25.0), n(10.0), n(1.0)).unwrap(), 2.0 / 25.0);
    assert!((init_variance(s("xavier"), n(40.0), n(40.0), n(2.0)).unwrap() - 2.0 / 80.0 * 4.0).abs() < 1e-15);
    assert_eq!(init_variance(s("zeros"), n(3.0), n(3.0), n(1.0)).unwrap(), 0.0);
    let curve = activation_curve(s("sigmoid"), n(-4.0), n(4.0), n(9.0)).unwrap();
    assert_eq!(Array::from(&get(&curve, "g")).get(4).as_f64(), Some(0.5));
    assert_eq!(Array::from(&get(&curve, "derivative")).get(4).as_f64(), Some(0.25));
    let toy = deep_linear_toy(n(10.0), n(1.5)).unwrap();
    assert_eq!((get(&toy, "init").as_string().unwrap(), number(&toy, "initScale")), ("identity".to_string(), 1.5));
    for (error, code, key) in [
        (thrown(init_variance(s("huge"), n(1.0), n(1.0), n(1.0))), "unknownChoice", "init"),
        (thrown(init_variance(s("he"), n(0.5), n(1.0), n(1.0))), "outOfRange", "nIn"),
        (thrown(init_variance(s("xavier"), n(1.0), n(1.0), n(1e308))), "outOfRange", "scale"),
        (thrown(activation_curve(s("relu"), n(1.0), n(-1.0), n(3.0))), "outOfRange", "zmax"),
        (thrown(activation_curve(s("relu"), n(-1.7e308), n(1.7e308), n(3.0))), "outOfRange", "zmin"),
        (thrown(activation_curve(s("swish"), n(0.0), n(1.0), n(3.0))), "unknownChoice", "activation"),
        (thrown(deep_linear_toy(n(17.0), n(1.0))), "outOfRange", "layers"),
        (thrown(deep_linear_toy(n(10.0), n(-1.0))), "outOfRange", "initScale"),
    ] {
        assert_eq!((error.code.as_str(), error.key.as_str()), (code, key), "{}", error.message);
    }
}
