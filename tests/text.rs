//! Numbers as text are the same natively (Rust's formatting) and in wasm (the JS engine's, with
//! its exponent's `+` dropped).

use nn_playground::text::{decimal, exponential, number_text};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn numbers_read_the_same_on_every_platform() {
    for (x, text) in [(1e300, "1e300"), (-6.5e-7, "-6.5e-7"), (6.779248914044274e47, "6.779248914044274e47")] {
        assert_eq!(exponential(x), text);
        assert_eq!(number_text(x), text);
    }
    assert_eq!(exponential(1234.5), "1.2345e3");
    assert_eq!(exponential(f64::INFINITY), "inf");
    assert_eq!(decimal(0.25), "0.25");
    assert_eq!(number_text(-1e-3), "-0.001");
}
