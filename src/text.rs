//! Numbers as text, the one place a float becomes a string: the shortest digits that read back
//! as the same number. In wasm the JS engine writes them (`Number.prototype.toString` and
//! `toExponential`), so the module carries no float-formatting code of its own; natively Rust
//! does. Both choose the same digits; JS's exponent sign (`1e+21`) is dropped to read as Rust's.

/// `x` in decimal notation (`0.25`, `1000000`; in wasm, exponent notation below 10⁻⁶ and from
/// 10²¹ up), read back exactly by any float parser; non-finite values as `NaN`, `inf`, `-inf`.
pub fn decimal(x: f64) -> String {
    match non_finite(x) {
        Some(text) => text.to_string(),
        None => platform::decimal(x),
    }
}

/// `x` in exponent notation with the shortest mantissa: `1e15`, `6.779248914044274e47`.
pub fn exponential(x: f64) -> String {
    match non_finite(x) {
        Some(text) => text.to_string(),
        None => platform::exponential(x),
    }
}

/// A number as a message quotes it: in decimal notation, except magnitudes from 10¹⁵ up or below
/// 10⁻⁴ in exponent notation (1e308 rather than 309 digits).
pub fn number_text(x: f64) -> String {
    if x != 0.0 && x.is_finite() && !(1e-4..1e15).contains(&x.abs()) {
        exponential(x)
    } else {
        decimal(x)
    }
}

/// The text of NaN and the infinities, the same everywhere.
fn non_finite(x: f64) -> Option<&'static str> {
    match x {
        _ if x.is_nan() => Some("NaN"),
        f64::INFINITY => Some("inf"),
        f64::NEG_INFINITY => Some("-inf"),
        _ => None,
    }
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// JS's `String(x)`.
        #[wasm_bindgen(js_name = String)]
        fn js_string(x: f64) -> String;

        /// JS's `x.toExponential()` without a digit count: the shortest mantissa.
        #[wasm_bindgen(js_namespace = ["Number", "prototype", "toExponential"], js_name = call)]
        fn js_to_exponential(x: f64) -> String;
    }

    /// JS's `String(x)` (finite x; −0 reads as 0).
    pub fn decimal(x: f64) -> String {
        js_string(x)
    }

    /// JS's `x.toExponential()` with the exponent's `+` dropped (the only `+` it writes).
    pub fn exponential(x: f64) -> String {
        js_to_exponential(x).replace('+', "")
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    /// Rust's Display (finite x; −0 reads as 0, as in JS).
    pub fn decimal(x: f64) -> String {
        if x == 0.0 {
            "0".to_string()
        } else {
            x.to_string()
        }
    }

    /// Rust's `{:e}`.
    pub fn exponential(x: f64) -> String {
        format!("{x:e}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortest_digits_in_the_notation_asked() {
        assert_eq!(
            [0.25, 1e6, -3.0, -0.0, 0.1 + 0.2].map(decimal),
            ["0.25", "1000000", "-3", "0", "0.30000000000000004"]
        );
        assert_eq!([1e15, 6.779248914044274e47, -2.5e-7].map(exponential), ["1e15", "6.779248914044274e47", "-2.5e-7"]);
        assert_eq!(
            [1e308, 1e-5, 0.5, 123456.0, f64::NAN, f64::NEG_INFINITY].map(number_text),
            ["1e308", "1e-5", "0.5", "123456", "NaN", "-inf"]
        );
    }
}
