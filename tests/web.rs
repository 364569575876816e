//! The package's JS API contract in a real browser (`wasm-pack test --headless --chrome`): the
//! class `Playground` — building, training, what it draws —, the configuration's schema, and the
//! errors every bad argument throws (code, key, params), hostile values included. The views'
//! methods are in web_views.rs.
#![cfg(target_arch = "wasm32")]

#[path = "web/common.rs"]
mod common;

use common::{get, js, n, number, playground, s, thrown};
use js_sys::{Array, Float32Array, Float64Array, Object, JSON};
use nn_playground::wasm::{config_schema, default_config, fresh_seed_for_js, Playground};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn step_reports_every_field_and_training_lowers_the_loss() {
    let mut pg = playground(r#"{ hidden: [8], optimizer: "adam", learningRate: 0.02, seed: 3 }"#);
    let first = pg.step(n(0.0)).unwrap();
    assert!(number(&first, "batchLoss").is_nan());
    assert_eq!((number(&first, "step"), number(&first, "epoch")), (0.0, 0.0));
    pg.step(n(1.0)).unwrap();
    pg.step(n(4.0)).unwrap();
    let last = pg.step(n(1500.0)).unwrap();
    // 250 training points in batches of 10: 25 updates an epoch.
    assert_eq!((number(&last, "step"), number(&last, "epoch")), (1505.0, (1505 / 25) as f64));
    for key in ["batchLoss", "trainLoss", "testLoss", "trainAccuracy", "testAccuracy"] {
        assert!(number(&last, key).is_finite() && number(&last, key) >= 0.0, "{key}");
    }
    assert_eq!(get(&last, "diverged").as_bool(), Some(false));
    assert!(get(&last, "message").is_null() && get(&last, "divergence").is_null());
    assert!(number(&last, "trainLoss") < 0.5 * number(&first, "trainLoss"));
    assert!(number(&last, "trainAccuracy") > 0.9);
    // One history record per step() call, as Float64Arrays.
    let history = pg.history();
    let steps: Float64Array = get(&history, "step").dyn_into().unwrap();
    assert_eq!(steps.to_vec(), vec![0.0, 1.0, 5.0, 1505.0]);
    let losses: Float64Array = get(&history, "trainLoss").dyn_into().unwrap();
    assert_eq!(losses.get_index(3), number(&last, "trainLoss"));
}

/// A playground's initial outputs at a few points (its initial weights) and its training points.
fn start_of(pg: &mut Playground) -> (Vec<f32>, Vec<f32>) {
    let probes = js("[0.5, -1.2, 2, 2, -3, 0.25]");
    (pg.predict(probes).unwrap(), pg.points(s("train")).unwrap().to_vec())
}

#[wasm_bindgen_test]
fn a_config_without_a_seed_gets_a_fresh_one_and_an_explicit_seed_repeats_exactly() {
    let (mut a, mut b) = (playground("{}"), playground("({ hidden: [4] })"));
    let (seed_a, seed_b) = (number(&a.config(), "seed"), number(&b.config(), "seed"));
    assert_ne!(seed_a, seed_b, "two seed-less playgrounds draw different seeds");
    assert_ne!(start_of(&mut a).1, start_of(&mut b).1, "and so different data");
    // The reported seed reproduces the run bit for bit.
    let mut again = playground(&format!("({{ hidden: [4], seed: {seed_b} }})"));
    assert_eq!(start_of(&mut again), start_of(&mut b));
    let (mut one, mut other) = (playground("({ seed: 7 })"), playground("({ seed: 7 })"));
    assert_eq!(start_of(&mut one), start_of(&mut other));
    assert_eq!(number(&one.config(), "seed"), 7.0);
    // freshSeed() (the pages' Regenerate) gives whole numbers in the seed's range, not all equal.
    let seeds: Vec<u32> = (0..8).map(|_| fresh_seed_for_js()).collect();
    assert!(seeds.windows(2).any(|w| w[0] != w[1]));
}

#[wasm_bindgen_test]
fn regression_reports_null_accuracies() {
    let mut pg = playground(r#"{ problem: "regression", dataset: "gaussians" }"#);
    let report = pg.step(n(10.0)).unwrap();
    assert!(get(&report, "trainAccuracy").is_null() && get(&report, "testAccuracy").is_null());
    assert!(number(&report, "trainLoss").is_finite());
}

#[wasm_bindgen_test]
fn predict_takes_typed_arrays_and_arrays_and_gives_one_probability_a_point() {
    let mut pg = playground("{ seed: 5 }");
    pg.step(n(50.0)).unwrap();
    let points = [0.0f32, 0.0, 1.0, 2.0, -3.0, 4.0, 5.5, -5.5, 100.0, -100.0];
    let out = pg.predict(Float32Array::from(&points[..]).into()).unwrap();
    assert_eq!(out.len(), 5);
    assert!(out.iter().all(|p| (0.0..=1.0).contains(p)));
    assert_eq!(pg.predict(js("[0, 0, 1, 2, -3, 4, 5.5, -5.5, 100, -100]")).unwrap(), out);
    assert!(pg.predict(js("new Float32Array(0)")).unwrap().is_empty());
}

#[wasm_bindgen_test]
fn boundary_is_res_by_res_row_major_from_xmin_ymax() {
    let mut pg = playground(r#"{ dataset: "xor", hidden: [6, 4], seed: 2 }"#);
    pg.step(n(300.0)).unwrap();
    let grid = pg.boundary(n(100.0), n(-6.0), n(6.0), n(-6.0), n(6.0)).unwrap();
    assert_eq!(grid.len(), 10_000);
    assert!(grid.iter().all(|p| (0.0..=1.0).contains(p)));
    let (lo, hi) = grid.iter().fold((1.0f32, 0.0f32), |(lo, hi), &p| (lo.min(p), hi.max(p)));
    assert!(hi - lo > 0.2, "a trained XOR net has a visible boundary");
    // A 4×4 grid against predict() at the cell centres.
    let small = pg.boundary(n(4.0), n(-4.0), n(4.0), n(-2.0), n(2.0)).unwrap();
    let centres: Vec<f32> =
        (0..16).flat_map(|k| [-4.0 + (k % 4) as f32 * 2.0 + 1.0, 2.0 - (k / 4) as f32 - 0.5]).collect();
    let direct = pg.predict(Float32Array::from(&centres[..]).into()).unwrap();
    for (cell, (a, b)) in small.iter().zip(&direct).enumerate() {
        assert!((a - b).abs() < 1e-5, "cell {cell}: {a} vs {b}");
    }
}

#[wasm_bindgen_test]
fn points_and_bounds_give_the_splits_their_labels_and_the_distortion() {
    let pg = playground(r#"{ dataset: "spiral", samples: 400, trainFraction: 0.75, noise: 0.1, seed: 9 }"#);
    let (train, test) = (pg.points(s("train")).unwrap(), pg.points(s("test")).unwrap());
    assert_eq!((train.len(), test.len()), (300 * 3, 100 * 3));
    assert!(train.chunks(3).chain(test.chunks(3)).all(|p| p[2] == 0.0 || p[2] == 1.0));
    let [xmin, xmax, ymin, ymax] = <[f32; 4]>::try_from(pg.bounds()).unwrap();
    let stretched = playground(r#"{ dataset: "spiral", samples: 400, scale: [1, 100], offset: [5, 0], seed: 9 }"#);
    let [sxmin, sxmax, symin, symax] = <[f32; 4]>::try_from(stretched.bounds()).unwrap();
    let ratio = (symax - symin) / (sxmax - sxmin);
    assert!(ratio > 50.0 && ratio < 200.0, "stretch ratio {ratio}");
    assert!(((sxmin + sxmax) / 2.0 - ((xmin + xmax) / 2.0 + 5.0)).abs() < 1.0, "the offset moves x₁");
    assert!(ymin < ymax);
    let regression = playground(r#"{ problem: "regression", dataset: "plane", samples: 100 }"#);
    let targets: Vec<f32> = regression.points(s("train")).unwrap().chunks(3).map(|p| p[2]).collect();
    assert!(targets.iter().all(|t| t.is_finite()) && targets.iter().any(|&t| t != 0.0 && t != 1.0));
}

#[wasm_bindgen_test]
fn the_same_seed_gives_the_same_data_and_training_another_seed_does_not() {
    let run = |seed: u32| {
        let mut pg = playground(&format!(r#"{{ dataset: "moons", noise: 0.2, seed: {seed} }}"#));
        let points = pg.points(s("train")).unwrap();
        (points, number(&pg.step(n(200.0)).unwrap(), "trainLoss"))
    };
    let (a, b, c) = (run(11), run(11), run(12));
    assert_eq!(a, b);
    assert_ne!(a.0, c.0);
}

#[wasm_bindgen_test]
fn gradient_check_agrees_with_finite_differences() {
    for config in [
        "{}",
        r#"{ hidden: [5, 3], activation: "sigmoid", seed: 4 }"#,
        r#"{ hidden: [4], l2: 0.01, dataset: "spiral" }"#,
        r#"{ problem: "regression", dataset: "gaussians", hidden: [6] }"#,
    ] {
        let mut pg = playground(config);
        pg.step(n(20.0)).unwrap();
        let check = pg.gradient_check();
        let error = number(&check, "relativeError");
        assert!((0.0..1e-6).contains(&error), "{config}: {error}");
        assert_eq!(number(&check, "checked"), number(&check, "parameters"), "{config}: every parameter");
        assert_eq!(number(&check, "straddled"), 0.0, "{config}: no kink to cross");
    }
}

#[wasm_bindgen_test]
fn reports_and_history_carry_the_scheduled_learning_rate_which_a_restored_model_goes_on_with() {
    let config = r#"{ lrSchedule: "step", warmupSteps: 4, decaySteps: 10, decayRate: 0.5, learningRate: 0.2 }"#;
    let mut pg = playground(config);
    let rates: Vec<f64> =
        [0.0, 1.0, 3.0, 10.0].iter().map(|&k| number(&pg.step(n(k)).unwrap(), "learningRate")).collect();
    assert_eq!(rates, [0.05, 0.1, 0.2, 0.1], "warm-up over 4 updates, then halved every 10");
    let history: Float64Array = get(&pg.history(), "learningRate").dyn_into().unwrap();
    assert_eq!(history.to_vec(), rates);
    let model = JSON::parse(&String::from(JSON::stringify(&pg.export_model()).unwrap())).unwrap();
    assert_eq!(get(&get(&model, "config"), "lrSchedule").as_string().as_deref(), Some("step"));
    let mut restored = Playground::from_model(model).unwrap();
    for k in [0.0, 6.0, 10.0] {
        assert_eq!(
            number(&restored.step(n(k)).unwrap(), "learningRate"),
            number(&pg.step(n(k)).unwrap(), "learningRate")
        );
    }
    let bad = thrown(Playground::new(js(r#"{ lrSchedule: "linear" }"#)));
    assert_eq!((bad.code.as_str(), bad.key.as_str()), ("unknownChoice", "lrSchedule"));
    assert_eq!(thrown(Playground::new(js("{ decayRate: 1.5 }"))).code, "outOfRange");
    assert_eq!(thrown(Playground::new(js("{ warmupSteps: 2.5 }"))).code, "notWhole");
}

#[wasm_bindgen_test]
fn the_gradient_check_includes_l1_away_from_zero() {
    let mut pg = playground(r#"{ hidden: [5], l1: 0.05, l2: 0.01, dataset: "moons", seed: 6 }"#);
    let error = number(&pg.gradient_check(), "relativeError");
    assert!((0.0..1e-6).contains(&error), "{error}");
    assert!(number(&pg.step(n(0.0)).unwrap(), "trainLoss").is_finite());
}

#[wasm_bindgen_test]
fn config_comes_back_with_every_default_and_matches_default_config() {
    let pg = playground("undefined");
    let config = pg.config();
    assert_eq!(get(&config, "dataset").as_string().as_deref(), Some("circle"));
    assert_eq!(number(&config, "learningRate"), 0.03);
    assert_eq!(Array::from(&get(&config, "hidden")).length(), 2);
    let regression = playground(r#"{ problem: "regression" }"#);
    assert_eq!(get(&regression.config(), "dataset").as_string().as_deref(), Some("plane"));
    let keys = |o: &JsValue| {
        Object::keys(o.unchecked_ref::<Object>()).iter().map(|k| k.as_string().unwrap()).collect::<Vec<_>>()
    };
    assert_eq!(keys(&default_config()), keys(&config));
}

#[wasm_bindgen_test]
fn the_schema_describes_every_key_with_its_default_limits_and_choices() {
    let schema = config_schema();
    let settings = Array::from(&get(&schema, "settings"));
    let defaults = default_config();
    let keys: Vec<String> = settings.iter().map(|s| get(&s, "key").as_string().unwrap()).collect();
    let default_keys: Vec<String> =
        Object::keys(defaults.unchecked_ref::<Object>()).iter().map(|k| k.as_string().unwrap()).collect();
    assert_eq!(keys, default_keys);
    let setting = |key: &str| settings.iter().find(|s| get(s, "key").as_string().as_deref() == Some(key)).unwrap();
    for entry in settings.iter() {
        let key = get(&entry, "key").as_string().unwrap();
        let same = js_sys::JSON::stringify(&get(&entry, "default")).unwrap()
            == js_sys::JSON::stringify(&get(&defaults, &key)).unwrap();
        assert!(same, "{key}: the schema's default is the config's");
    }
    let rate = setting("learningRate");
    assert_eq!(get(&rate, "type").as_string().as_deref(), Some("number"));
    assert_eq!((number(&rate, "min"), get(&rate, "minExclusive").as_bool()), (0.0, Some(true)));
    assert_eq!(number(&rate, "default"), 0.03);
    let hidden = setting("hidden");
    assert_eq!((number(&hidden, "maxLayers"), number(&hidden, "max")), (16.0, 128.0));
    let activations: Vec<String> =
        Array::from(&get(&setting("activation"), "choices")).iter().map(|c| c.as_string().unwrap()).collect();
    assert_eq!(activations, ["tanh", "relu", "leakyRelu", "sigmoid", "linear"]);
    assert_eq!(get(&setting("scale"), "nonZero").as_bool(), Some(true));
    let regression = Array::from(&get(&get(&schema, "datasets"), "regression"));
    assert_eq!(regression.iter().map(|d| d.as_string().unwrap()).collect::<Vec<_>>(), ["plane", "gaussians"]);
}

#[wasm_bindgen_test]
fn every_bad_config_throws_an_error_with_its_code_key_and_params() {
    let cases = [
        ("{ learningRate: -1 }", "outOfRange", "learningRate", "learningRate must be > 0 and ≤ 1000000, got -1"),
        ("{ batchSize: 0 }", "outOfRange", "batchSize", "batchSize must be between 1 and 1000000, got 0"),
        ("{ hidden: [4, 0] }", "outOfRange", "hidden[1]", "hidden[1] must be between 1 and 128, got 0"),
        ("{ hidden: Array(17).fill(1) }", "tooLarge", "hidden", "hidden must have at most 16 layers, got 17"),
        (r#"{ dataset: "nope" }"#, "unknownChoice", "dataset", "dataset must be one of \"circle\""),
        ("{ noise: 2 }", "outOfRange", "noise", "noise must be between 0 and 0.5, got 2"),
        (r#"{ learningRate: "fast" }"#, "wrongType", "learningRate", "learningRate must be a number, got a string"),
        ("{ scale: [1] }", "wrongLength", "scale", "scale must hold 2 numbers, got 1"),
        ("{ scale: [1, 0] }", "zero", "scale[1]", "scale[1] must not be 0"),
        (r#"{ colour: "red" }"#, "unknownKey", "colour", "unknown key `colour`; the keys are problem, dataset"),
        ("{ samples: 10.5 }", "notWhole", "samples", "samples must be a whole number, got 10.5"),
        (r#"{ problem: "regression", dataset: "circle" }"#, "datasetProblem", "dataset", "dataset circle is for"),
        ("{ learningRate: NaN }", "outOfRange", "learningRate", "learningRate must be > 0 and ≤ 1000000, got NaN"),
        ("{ seed: 2 ** 32 }", "outOfRange", "seed", "seed must be between 0 and 4294967295, got 4294967296"),
        ("5", "wrongType", "config", "config must be an object, got a number"),
    ];
    for (config, code, key, message) in cases {
        let error = thrown(Playground::new(js(config)));
        assert_eq!((error.code.as_str(), error.key.as_str()), (code, key), "{config}");
        assert!(error.message.starts_with(message), "{config}: {}", error.message);
    }
    let rate = thrown(Playground::new(js("{ learningRate: -1 }")));
    assert_eq!(
        (number(&rate.params, "min"), number(&rate.params, "max"), number(&rate.params, "got")),
        (0.0, 1e6, -1.0)
    );
    assert_eq!(get(&rate.params, "minExclusive").as_bool(), Some(true));
}

#[wasm_bindgen_test]
fn bad_call_arguments_throw_by_name_and_leave_the_playground_working() {
    let mut pg = playground("{}");
    pg.step(n(5.0)).unwrap();
    let cases: Vec<(Result<(), JsValue>, &str, &str, &str)> = vec![
        (
            pg.predict(js("[1, 2, 3]")).map(drop),
            "wrongLength",
            "points",
            "predict(points): points must hold a multiple of 2",
        ),
        (pg.predict(js("[1, NaN]")).map(drop), "outOfRange", "points[1]", "predict(points): points[1] must be between"),
        (pg.predict(js("5")).map(drop), "wrongType", "points", "predict(points): points must be numbers, got a number"),
        (pg.predict(js("[1, 'x']")).map(drop), "wrongType", "points[1]", "predict(points): points[1] must be a number"),
        (pg.step(n(-1.0)).map(drop), "outOfRange", "n", "step(n): n must be between 0 and 1000000, got -1"),
        (pg.step(n(0.5)).map(drop), "notWhole", "n", "step(n): n must be a whole number, got 0.5"),
        (pg.step(s("5")).map(drop), "wrongType", "n", "step(n): n must be a number, got a string"),
        (pg.boundary(n(0.0), n(0.0), n(1.0), n(0.0), n(1.0)).map(drop), "outOfRange", "res", "boundary: res must be"),
        (
            pg.boundary(n(10.0), n(1.0), n(0.0), n(0.0), n(1.0)).map(drop),
            "outOfRange",
            "xmax",
            "boundary: xmax must be > 1",
        ),
        (
            pg.points(s("validation")).map(drop),
            "unknownChoice",
            "which",
            "points(which): which must be one of \"train\"",
        ),
        (pg.points(n(5.0)).map(drop), "wrongType", "which", "points(which): which must be text, got a number"),
        (pg.points(JsValue::NULL).map(drop), "wrongType", "which", "points(which): which must be text, got null"),
    ];
    for (result, code, key, message) in cases {
        let error = thrown(result);
        assert_eq!((error.code.as_str(), error.key.as_str()), (code, key), "{message}");
        assert!(error.message.starts_with(message), "{}", error.message);
    }
    assert_eq!(number(&pg.step(n(1.0)).unwrap(), "step"), 6.0);
}

/// What threw while being read, typed arrays of BigInts, objects that are not plain data and a
/// budget overrun are named by the key being read.
#[wasm_bindgen_test]
fn a_hostile_value_is_named_by_the_key_it_was_read_under() {
    let cases = [
        ("({ get dataset() { throw 1 } })", "unreadable", "dataset"),
        ("({ hidden: new Proxy([], { get() { throw 1 } }) })", "unreadable", "hidden"),
        ("({ scale: [1, { get x() { throw 1 } }] })", "unreadable", "scale[1].x"),
        ("({ hidden: new BigInt64Array([4n, 2n]) })", "wrongType", "hidden"),
        ("new Date()", "wrongType", "config"),
        ("({ hidden: new Map() })", "wrongType", "hidden"),
        ("({ dataset: 'custom', points: new Array(200001).fill(1) })", "tooLarge", "points"),
    ];
    for (source, code, key) in cases {
        let error = thrown(Playground::new(js(source)));
        assert_eq!((error.code.as_str(), error.key.as_str()), (code, key), "{source}: {}", error.message);
    }
    let mut pg = playground("{}");
    let error = thrown(pg.predict(js("new BigInt64Array([1n, 2n])")));
    assert_eq!((error.code.as_str(), error.key.as_str()), ("wrongType", "points"), "{}", error.message);
    assert_eq!(thrown(Playground::from_model(js("({ parameters: new BigUint64Array(3) })"))).code, "wrongType");
}

/// Values that throw while being read, and values of every wrong type, at every argument: each
/// gets a named error, and neither the module nor the instance is left broken.
#[wasm_bindgen_test]
fn hostile_values_get_named_errors_and_leave_module_and_instance_working() {
    let hostile = [
        "({ get dataset() { throw 1 } })",
        "new Proxy({}, { ownKeys() { throw new Error('no keys') } })",
        "({ hidden: new Proxy([4], { get(t, k) { if (k === '0') throw 1; return Reflect.get(t, k) } }) })",
        "(() => { const o = { hidden: [2] }; o.self = o; return o })()",
        "(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy })()",
        "({ learningRate: 10n })",
        "({ dataset: Symbol('x') })",
        "({ toJSON() { throw 1 }, seed: 2 })",
    ];
    for source in hostile {
        let error = thrown(Playground::new(js(source)));
        assert!(
            ["unreadable", "wrongType", "unknownKey"].contains(&error.code.as_str()),
            "{source}: {}",
            error.message
        );
    }
    let mut pg = playground("{}");
    for request in ["({ get kind() { throw 1 } })", "new Proxy({}, { ownKeys() { throw 1 } })", "7"] {
        let error = thrown(pg.loss_surface(js(request)));
        assert!(error.message.starts_with("lossSurface(request)"), "{request}: {}", error.message);
    }
    let arrays = ["({ length: -1 })", "({ length: 1e9 })", "new Proxy([1, 2], { get() { throw 1 } })", "null", "'12'"];
    for points in arrays {
        let error = thrown(pg.predict(js(points)));
        assert!(["wrongType", "unreadable", "tooLarge"].contains(&error.code.as_str()), "{points}: {}", error.message);
        if points != "null" {
            thrown(pg.backprop_trace(js(points)));
        }
        thrown(nn_playground::wasm::points_to_csv(js(points)));
    }
    assert!(pg.predict(js("new Array(5e6)")).is_err());
    assert_eq!(thrown(nn_playground::wasm::parse_points_csv(n(-5.0))).code, "wrongType");
    assert_eq!(thrown(nn_playground::wasm::init_variance(n(7.0), n(1.0), n(1.0), n(1.0))).code, "wrongType");
    assert_eq!(thrown(nn_playground::wasm::activation_curve(n(5.0), n(0.0), n(1.0), n(3.0))).code, "wrongType");
    assert_eq!(thrown(Playground::from_model(js("({ get format() { throw 1 } })"))).code, "unreadable");
    // The instance that saw every hostile argument still trains and frees; new ones build.
    assert_eq!(number(&pg.step(n(3.0)).unwrap(), "step"), 3.0);
    drop(pg);
    let mut fresh = playground("{}");
    assert_eq!(number(&fresh.step(n(2.0)).unwrap(), "step"), 2.0);
}

#[wasm_bindgen_test]
fn a_diverging_run_is_reported_not_drawn_as_garbage() {
    let mut pg = playground(
        r#"{ learningRate: 1000000, problem: "regression", hidden: [8, 8, 8], activation: "relu", scale: [100, 100] }"#,
    );
    let report = pg.step(n(200.0)).unwrap();
    assert_eq!(get(&report, "diverged").as_bool(), Some(true));
    assert!(get(&report, "message").as_string().unwrap().contains("step"));
    let divergence = get(&report, "divergence");
    assert!(["loss", "parameter"].contains(&get(&divergence, "cause").as_string().unwrap().as_str()));
    assert!(number(&divergence, "step") >= 1.0);
    assert!(pg.boundary(n(20.0), n(-6.0), n(6.0), n(-6.0), n(6.0)).unwrap().iter().all(|v| v.is_finite()));
}

#[wasm_bindgen_test]
fn a_playground_keeps_working_after_another_failed_to_build() {
    let mut pg = playground("{}");
    pg.step(n(5.0)).unwrap();
    assert!(Playground::new(js("{ learningRate: -1 }")).is_err());
    assert_eq!(number(&pg.step(n(5.0)).unwrap(), "step"), 10.0);
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
fn dot_blocks_give_the_bits_of_paired_dot_products() {
    use nn_playground::math::{dot_block, paired_dot};
    // Products of every sign and size; zeros of both signs, whose sum's sign must agree too (an
    // empty sum is −0).
    let d: Vec<Vec<f64>> =
        (1..=2).map(|u| (0..13).map(|s| ((s * 7 + u * 3) % 11) as f64 * 0.37 - 1.9).collect()).collect();
    let rows: Vec<Vec<f64>> = (0..4).map(|r| (0..13).map(|s| 1.0 / (s + r + 1) as f64 - 0.21).collect()).collect();
    let zeros = [-0.0; 13];
    for n in [0, 1, 2, 5, 10, 13] {
        let inputs = [&rows[0][..n], &rows[1][..n], &rows[2][..n], &zeros[..n]];
        let (pair, pair_sums) = dot_block(&[&d[0][..n], &d[1][..n]], &inputs);
        for (u, unit) in d.iter().enumerate() {
            let expected = inputs.map(|input| paired_dot(&unit[..n], input).to_bits());
            assert_eq!(pair[u].map(f64::to_bits), expected, "unit {u}, {n} samples");
            assert_eq!(
                pair_sums[u].to_bits(),
                paired_dot(&unit[..n], &[1.0; 13][..n]).to_bits(),
                "unit {u}, {n} samples"
            );
        }
        let (single, single_sum) = dot_block(&[&d[1][..n]], &inputs);
        assert_eq!(
            (single[0].map(f64::to_bits), single_sum[0].to_bits()),
            (pair[1].map(f64::to_bits), pair_sums[1].to_bits())
        );
    }
}

#[wasm_bindgen_test]
fn simd_activations_give_the_same_bits_as_the_scalar_ones() {
    let z: Vec<f64> = (-4000..=4000).map(|i| i as f64 * 0.0071).chain([f64::NAN, -0.0, 1e9, -1e9]).collect();
    slices_match_the_scalar_forms(&z);
    // Single precision: four lanes per register.
    slices_match_the_scalar_forms(&z.iter().map(|&z| z as f32).collect::<Vec<f32>>());
}
