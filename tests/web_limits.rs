//! The limits of the JS API in a real browser: every call's work is bounded (sizes beyond the
//! budget are refused by name, with the largest size allowed; the instance keeps working), and
//! analyses without a size fit themselves into it.
#![cfg(target_arch = "wasm32")]

#[path = "web/common.rs"]
mod common;

use common::{get, js, n, number, playground, thrown};
use nn_playground::wasm::{memory_in_use, Playground};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The largest network and data the config allows.
const BIGGEST: &str = "{ hidden: Array(16).fill(128), samples: 5000, batchSize: 2500 }";

#[wasm_bindgen_test]
fn sizes_beyond_one_calls_work_are_refused_by_name_and_the_instance_keeps_working() {
    let mut pg = playground(BIGGEST);
    let refusals = [
        ("step(n)", "n", "updates", thrown(pg.step(n(100.0)))),
        ("boundary", "res", "cells per side", thrown(pg.boundary(n(2000.0), n(-6.0), n(6.0), n(-6.0), n(6.0)))),
        ("lossSurface(request)", "res", "nodes per side", thrown(pg.loss_surface(js("({ res: 201 })")))),
    ];
    for (call, key, unit, error) in refusals {
        assert_eq!(error.code, "tooMuchWork", "{call}: {}", error.message);
        assert_eq!(error.key, key, "{call}");
        assert_eq!(get(&error.params, "unit").as_string().as_deref(), Some(unit), "{call}");
        let max = number(&error.params, "max");
        assert!(max >= 1.0 && max < number(&error.params, "got"), "{call}: {}", error.message);
        assert!(error.message.starts_with(call), "{}", error.message);
    }
    let lines = thrown(pg.loss_surface(js("({ kind: 'line', res: 201 })")));
    assert_eq!((lines.code.as_str(), lines.key.as_str()), ("tooMuchWork", "res"), "{}", lines.message);

    // The largest allowed size is accepted, and the instance was left as it was.
    let report = pg.step(n(0.0)).unwrap();
    assert_eq!(number(&report, "step"), 0.0);
    let grid = thrown(pg.boundary(n(2000.0), n(-6.0), n(6.0), n(-6.0), n(6.0)));
    let side = number(&grid.params, "max");
    assert_eq!(pg.boundary(n(side), n(-6.0), n(6.0), n(-6.0), n(6.0)).unwrap().len(), (side * side) as usize);
}

#[wasm_bindgen_test]
fn a_small_network_keeps_its_large_sizes() {
    let mut pg = playground("{}");
    assert_eq!(number(&pg.step(n(10_000.0)).unwrap(), "step"), 10_000.0);
    assert_eq!(pg.boundary(n(500.0), n(-6.0), n(6.0), n(-6.0), n(6.0)).unwrap().len(), 250_000);
    assert!(pg.loss_surface(js("({ res: 201 })")).is_ok());
}

#[wasm_bindgen_test]
fn the_gradient_check_of_a_big_network_compares_a_seeded_sample() {
    let pg = playground("{ hidden: Array(16).fill(128), samples: 200 }");
    let check = pg.gradient_check();
    let (checked, parameters) = (number(&check, "checked"), number(&check, "parameters"));
    assert!(checked >= 100.0 && checked < parameters / 100.0, "{checked} of {parameters}");
    assert!(number(&check, "relativeError") < 1e-6);
    assert_eq!(number(&pg.gradient_check(), "relativeError"), number(&check, "relativeError"));
}

#[wasm_bindgen_test]
fn the_learning_rate_sweep_is_refused_on_the_biggest_network() {
    let pg = playground(BIGGEST);
    let error = thrown(pg.suggest_learning_rate());
    assert_eq!(error.code, "tooMuchWork");
    assert_eq!(get(&error.params, "what").as_string().as_deref(), Some("learning-rate sweep"));
    assert!(error.message.starts_with("suggestLearningRate()"), "{}", error.message);
    let small = playground("{ hidden: [4] }").suggest_learning_rate().unwrap();
    assert_eq!(number(&small, "sweepUpdates"), 100.0);
}

#[wasm_bindgen_test]
fn playgrounds_never_freed_are_refused_by_name_before_memory_runs_out_and_free_gives_it_back() {
    let before = memory_in_use();
    let mut kept = Vec::new();
    let refused = loop {
        match Playground::new(js(BIGGEST)) {
            Ok(pg) => kept.push(pg),
            Err(error) => break thrown(Err::<(), _>(error)),
        }
        assert!(kept.len() < 200, "never refused: {} bytes in use", memory_in_use());
    };
    assert_eq!(refused.code, "memoryFull", "{}", refused.message);
    assert!(number(&refused.params, "used") > number(&refused.params, "limit"));
    assert!(memory_in_use() <= number(&refused.params, "limit"), "the refused playground was dropped");
    // The ones kept still work, and freeing them gives their memory back.
    assert_eq!(number(&kept[0].step(n(0.0)).unwrap(), "step"), 0.0);
    drop(kept);
    assert!(memory_in_use() < before + 1e6, "{} bytes still in use", memory_in_use() - before);
    assert!(Playground::new(js(BIGGEST)).is_ok());
}

#[wasm_bindgen_test]
fn the_biggest_network_round_trips_as_a_model_and_an_oversized_object_is_refused_by_its_limit() {
    let mut pg = playground("{ hidden: Array(16).fill(128), samples: 100 }");
    let mut restored = Playground::from_model(pg.export_model()).expect("a model of the biggest network");
    let probe = js("[0.5, -1, 2, 3]");
    assert_eq!(pg.predict(probe.clone()).unwrap(), restored.predict(probe).unwrap());
    let huge = thrown(Playground::new(js("({ points: Array(200000).fill(0) })")));
    assert_eq!(huge.code, "tooLarge");
    assert!(!huge.message.contains("NaN"), "{}", huge.message);
    assert!(get(&huge.params, "got").is_undefined());
}
