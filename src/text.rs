//! Numbers as text, the one place a float becomes a string (the shortest digits that read back
//! as the same number) and a string a float. In wasm the JS engine does both
//! (`Number.prototype.toString` and `toExponential`, `Number`), so the module carries no float
//! formatting or parsing code (and tables) of its own; natively Rust does. Both choose the same
//! digits and round a decimal text alike (correctly); JS's exponent sign (`1e+21`) is dropped to
//! read as Rust's.

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

/// `text` as a number when it is one in decimal notation — an optional sign, digits with at most
/// one decimal point (one digit at least), an optional exponent `e` or `E` with an optional sign
/// and digits — correctly rounded (beyond the largest float, infinite; JS engines round as Rust
/// does, though the language allows them a difference beyond 20 significant digits); None for
/// anything else: hexadecimal, `inf`, spaces, an empty text.
pub fn parse_decimal(text: &str) -> Option<f64> {
    is_decimal(text.as_bytes()).then(|| platform::parse(text))
}

/// Whether `text` is a number in the decimal notation [`parse_decimal`] reads.
fn is_decimal(text: &[u8]) -> bool {
    let mut at = usize::from(matches!(text.first(), Some(b'+' | b'-')));
    let digits = |at: &mut usize| {
        let start = *at;
        while text.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        *at - start
    };
    let mut mantissa = digits(&mut at);
    if text.get(at) == Some(&b'.') {
        at += 1;
        mantissa += digits(&mut at);
    }
    if mantissa == 0 {
        return false;
    }
    if matches!(text.get(at), Some(b'e' | b'E')) {
        at += 1;
        at += usize::from(matches!(text.get(at), Some(b'+' | b'-')));
        if digits(&mut at) == 0 {
            return false;
        }
    }
    at == text.len()
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

        /// JS's `Number(text)`.
        #[wasm_bindgen(js_name = Number)]
        fn js_number(text: &str) -> f64;

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

    /// JS's `Number(text)` of a decimal text.
    pub fn parse(text: &str) -> f64 {
        js_number(text)
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

    /// Rust's parse of a decimal text.
    pub fn parse(text: &str) -> f64 {
        text.parse().unwrap_or(f64::NAN)
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
