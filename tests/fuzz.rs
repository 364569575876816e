//! Property tests of everything that reads outside input: configs, surface requests, model files
//! and CSV text. Whatever arrives, the readers return a value or a named error, never panic, and
//! what they accept is usable: a session builds and trains, parsed points are finite triples.
//! `make test` runs the default number of cases; `make fuzz` runs many more (PROPTEST_CASES).
#![cfg(not(target_arch = "wasm32"))]

use nn_playground::analysis::landscape::{self, SurfaceRequest, SURFACE_SETTINGS};
use nn_playground::config::{Config, Kind, Range, Setting, Value, CONFIG_SETTINGS};
use nn_playground::data::points_csv;
use nn_playground::session::model::Model;
use nn_playground::Session;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

/// Words the readers know, and words that trip naive ones.
const WORDS: &[&str] = &[
    "",
    "circle",
    "xor",
    "gauss",
    "spiral",
    "moons",
    "plane",
    "gaussians",
    "custom",
    "tanh",
    "relu",
    "sigmoid",
    "linear",
    "leakyRelu",
    "xavier",
    "he",
    "zeros",
    "sgd",
    "adam",
    "momentum",
    "standardize",
    "none",
    "regression",
    "classification",
    "weights2d",
    "random",
    "pca",
    "line",
    "single",
    "double",
    "nn-playground-model",
    "__proto__",
    "constructor",
    "toString",
    "valueOf",
    "hasOwnProperty",
    "NaN",
    "1e308",
    "-0",
    "\u{feff}",
    "é",
    "한국어",
];

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        -10.0..10.0f64,
        (0u32..300).prop_map(f64::from),
        prop::sample::select(vec![0.0, -0.0, 1.0, -1.0, 0.5, 1e6, 1e308, -1e308, 5e-324, 4294967296.0]),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(WORDS).prop_map(String::from),
        prop::collection::vec(any::<char>(), 0..8).prop_map(String::from_iter),
    ]
}

/// A key: one the tables know (so values get past the key check), or junk.
fn key(known: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![3 => prop::sample::select(known).prop_map(String::from), 1 => text()]
}

/// Any plain value, objects keyed mostly by `known`.
fn value(known: &'static [&'static str]) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number().prop_map(Value::Number),
        text().prop_map(Value::Text),
    ];
    leaf.prop_recursive(4, 48, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::List),
            prop::collection::vec((key(known), inner), 0..8).prop_map(Value::Object),
        ]
    })
}

fn config_keys() -> &'static [&'static str] {
    let keys: Vec<&'static str> = CONFIG_SETTINGS.iter().map(|s| s.key).collect();
    Box::leak(keys.into_boxed_slice())
}

fn surface_keys() -> &'static [&'static str] {
    let keys: Vec<&'static str> = SURFACE_SETTINGS.iter().map(|s| s.key).collect();
    Box::leak(keys.into_boxed_slice())
}

/// A number of `range` (within ±1000 where it is open, so sessions stay small).
fn within(range: &Range, integer: bool) -> BoxedStrategy<f64> {
    let (lo, hi) = (range.min.unwrap_or(-1000.0), range.max.unwrap_or(1000.0).min(lo_plus(range)));
    let nudge = |x: f64, up: bool| if up { x + (x.abs() * 1e-9).max(1e-9) } else { x - (x.abs() * 1e-9).max(1e-9) };
    let lo = if range.min_exclusive { nudge(lo, true) } else { lo };
    let hi = if range.max_exclusive { nudge(hi, false) } else { hi };
    if integer {
        (lo.ceil() as i64..=hi.floor() as i64).prop_map(|x| x as f64).boxed()
    } else {
        prop_oneof![lo..=hi, Just(lo), Just(hi)].boxed()
    }
}

/// A setting's upper end for generated values: at most 1000 above its lower end.
fn lo_plus(range: &Range) -> f64 {
    range.min.unwrap_or(-1000.0) + 1000.0
}

/// A value the setting accepts (small layers, few points).
fn valid(setting: &Setting) -> BoxedStrategy<Value> {
    let list = |xs: Vec<f64>| Value::List(xs.into_iter().map(Value::Number).collect());
    match setting.kind {
        Kind::Number { range } => within(&range, false).prop_map(Value::Number).boxed(),
        Kind::Integer { range } => within(&range, true).prop_map(Value::Number).boxed(),
        Kind::Choice { choices } => prop::sample::select(choices).prop_map(|c| Value::Text(c.into())).boxed(),
        Kind::Set { choices } => prop::sample::subsequence(choices, 1..=choices.len())
            .prop_map(|names| Value::List(names.into_iter().map(|c| Value::Text(c.into())).collect()))
            .boxed(),
        Kind::Pair { range, .. } => (within(&range, false), within(&range, false))
            .prop_filter("non-zero", |(a, b)| *a != 0.0 && *b != 0.0)
            .prop_map(move |(a, b)| list(vec![a, b]))
            .boxed(),
        Kind::Layers { .. } => prop::collection::vec((1u32..8).prop_map(f64::from), 0..3).prop_map(list).boxed(),
        Kind::Points { .. } => prop::collection::vec((-5.0..5.0f64, -5.0..5.0f64, 0u32..2), 0..30)
            .prop_map(move |ps| list(ps.into_iter().flat_map(|(x, y, l)| [x, y, f64::from(l)]).collect()))
            .boxed(),
    }
}

/// A config object: some keys of the table, mostly with values they accept, sometimes anything.
fn config_value() -> impl Strategy<Value = Value> {
    let entry = prop::sample::select(CONFIG_SETTINGS).prop_flat_map(|setting| {
        let junk = value(config_keys());
        (Just(setting.key.to_string()), prop_oneof![4 => valid(&setting), 1 => junk])
    });
    let stray = (text(), value(config_keys()));
    prop::collection::vec(prop_oneof![12 => entry, 1 => stray], 0..8).prop_map(Value::Object)
}

#[test]
fn the_generated_configs_are_mostly_accepted_so_the_properties_reach_training() {
    let mut runner = TestRunner::deterministic();
    let strategy = config_value();
    let accepted =
        (0..400).filter(|_| Config::from_value(&strategy.new_tree(&mut runner).unwrap().current()).is_ok()).count();
    assert!(accepted >= 100, "{accepted} of 400 accepted");
}

proptest! {
    #[test]
    fn a_config_is_read_or_refused_by_name_and_an_accepted_one_trains(config in config_value()) {
        match Config::from_value(&config) {
            Ok(config) => {
                let small = Config { samples: config.samples.min(200), hidden: config.hidden.iter().map(|&u| u.min(8)).collect(), ..config };
                if let Ok(mut session) = Session::new(small) {
                    let report = session.step(3);
                    prop_assert!(report.diverged || report.train_loss.is_finite(), "{report:?}");
                }
            }
            Err(error) => prop_assert!(!error.message().is_empty()),
        }
    }

    #[test]
    fn a_surface_request_is_read_or_refused_by_name(request in value(surface_keys())) {
        if let Ok(request) = SurfaceRequest::from_value(&request) {
            let mut session = Session::new(Config { samples: 40, hidden: vec![3], ..Config::default() }).unwrap();
            session.step(2);
            let small = SurfaceRequest { res: request.res.min(9), ..request };
            if let Ok(surface) = landscape::surface(&session, &small) {
                prop_assert!(surface.values.iter().all(|v| !v.is_nan()), "{small:?}");
            }
        }
    }

    #[test]
    fn a_model_file_is_restored_or_refused_by_name(
        config in config_value(),
        numbers in prop::collection::vec(number(), 1..40),
        fit in any::<bool>(),
        step in number(),
        format in prop_oneof![3 => Just("nn-playground-model".to_string()), 1 => text()],
        version in prop_oneof![3 => Just(1.0), 1 => number()],
    ) {
        // Parameters of the right count for the config's network (when it builds), or not.
        let count = Config::from_value(&config).ok().and_then(|c| Session::new(c).ok()).map(|s| s.network().params.len());
        let parameters: Vec<f64> = match count {
            Some(count) if fit => numbers.iter().copied().cycle().take(count).collect(),
            _ => numbers,
        };
        let file = Value::Object(vec![
            ("format".into(), Value::Text(format)),
            ("version".into(), Value::Number(version)),
            ("config".into(), config),
            ("parameters".into(), Value::List(parameters.into_iter().map(Value::Number).collect())),
            ("step".into(), Value::Number(step)),
        ]);
        if let Ok(model) = Model::from_value(&file) {
            if let Ok(mut session) = model.restore() {
                prop_assert!(!session.step(0).diverged, "a restored model's loss is finite");
            }
        }
    }

    #[test]
    fn csv_text_is_parsed_into_finite_triples_or_refused_by_line(
        lines in prop::collection::vec(
            prop_oneof![
                (number(), number(), number()).prop_map(|(x, y, l)| format!("{x},{y},{l}")),
                prop::collection::vec(prop::sample::select(vec!["1", "-2.5", "\"3\"", " ", ",", "#", "x", "\u{feff}", "e9", "NaN"]), 0..8)
                    .prop_map(|parts| parts.concat()),
                text(),
            ],
            0..20,
        ),
        ending in prop::sample::select(vec!["\n", "\r\n", "\r"]),
    ) {
        match points_csv::parse(&lines.join(ending)) {
            Ok(points) => {
                prop_assert!(!points.is_empty() && points.len() % 3 == 0);
                prop_assert!(points.iter().all(|v| v.is_finite()));
            }
            Err(error) => prop_assert!(!error.message().is_empty()),
        }
    }
}
