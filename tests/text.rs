//! Numbers as text are the same natively (Rust's formatting and parsing) and in wasm (the JS
//! engine's, with its exponent's `+` dropped).

use nn_playground::text::{decimal, exponential, number_text, parse_decimal};

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

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn decimal_texts_read_as_the_same_numbers_on_every_platform() {
    let numbers = [
        ("1", 1.0),
        ("-2.5", -2.5),
        ("+.5", 0.5),
        ("5.", 5.0),
        ("1e3", 1000.0),
        ("-7.25E-2", -0.0725),
        ("0.1", 0.1),
        ("2.2250738585072014e-308", f64::MIN_POSITIVE),
        ("9007199254740993", 9007199254740992.0),
        ("1.7976931348623157e308", f64::MAX),
        ("1e-400", 0.0),
    ];
    for (text, x) in numbers {
        assert_eq!(parse_decimal(text).map(f64::to_bits), Some(x.to_bits()), "{text}");
    }
    assert_eq!(parse_decimal("1e400"), Some(f64::INFINITY));
    for text in ["", ".", "-", "e5", "1e", "1e+", "0x10", "inf", "NaN", " 1", "1 ", "1,5", "1..2", "Infinity", "--1"] {
        assert_eq!(parse_decimal(text), None, "{text:?}");
    }
}
