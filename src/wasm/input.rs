//! Reading what JS passes in. Objects and arrays are first copied into plain data by `plain.js`,
//! inside a `try` (a getter, proxy or cycle that throws cannot unwind through wasm frames and
//! leave the module or an instance locked); scalars are read by their `typeof`, which runs no
//! user code. Every wrong type, size or value becomes an [`Error`] naming the argument.

use crate::config::{Choice, Range, Value};
use crate::error::{Code, Error, Result};
use js_sys::{Array, Float64Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/src/wasm/plain.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = plainCopy)]
    fn plain_copy(value: &JsValue, budget: u32) -> std::result::Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_name = numberArray)]
    fn number_array(value: &JsValue, max: u32) -> std::result::Result<JsValue, JsValue>;
}

/// Most values (numbers, strings, keys, items) one object argument may hold: a config with the
/// most custom points has about 15 000.
const OBJECT_BUDGET: u32 = 100_000;

/// `value` as plain data (`undefined` and `null` as [`Value::Null`]); `key` names the argument.
pub fn plain(value: &JsValue, key: &str) -> Result<Value> {
    plain_within(value, key, OBJECT_BUDGET)
}

/// Like [`plain`], for an argument that may hold up to `budget` values (a model's parameters).
pub fn plain_within(value: &JsValue, key: &str, budget: u32) -> Result<Value> {
    let copied = plain_copy(value, budget).map_err(|_| unreadable(key))?;
    Ok(to_value(&unwrap_result(&copied, key)?))
}

/// `value` as numbers: a typed array or an array of numbers, at most `max` of them.
pub fn numbers(value: &JsValue, key: &str, max: usize) -> Result<Vec<f64>> {
    let copied = number_array(value, max as u32).map_err(|_| unreadable(key))?;
    Ok(unwrap_result(&copied, key)?.unchecked_into::<Float64Array>().to_vec())
}

/// A number argument.
pub fn number(value: &JsValue, key: &str) -> Result<f64> {
    value.as_f64().ok_or_else(|| Error::wrong_type(key, "number", &type_of(value)))
}

/// A number argument in `range`.
pub fn number_in(value: &JsValue, key: &str, range: &Range) -> Result<f64> {
    let x = number(value, key)?;
    range.check(key, x)?;
    Ok(x)
}

/// A whole-number argument in `range`.
pub fn whole(value: &JsValue, key: &str, range: &Range) -> Result<usize> {
    let x = number_in(value, key, range)?;
    if x.fract() != 0.0 {
        return Err(Error::new(Code::NotWhole, key).with("got", x));
    }
    Ok(x as usize)
}

/// A text argument of at most `max` characters (UTF-16 units, as JS counts them).
pub fn text(value: &JsValue, key: &str, max: usize) -> Result<String> {
    if !value.is_string() {
        return Err(Error::wrong_type(key, "text", &type_of(value)));
    }
    let length = value.unchecked_ref::<js_sys::JsString>().length() as usize;
    if length > max {
        return Err(Error::too_large(key, max as f64, length as f64, "characters"));
    }
    Ok(value.as_string().unwrap_or_default())
}

/// A name argument, one of `T`'s choices.
pub fn choice<T: Choice>(value: &JsValue, key: &str) -> Result<T> {
    let name = text(value, key, 64)?;
    T::from_name(&name).ok_or_else(|| Error::unknown_choice(key, T::NAMES, &name))
}

/// An optional argument: None for `undefined` and `null`.
pub fn optional(value: &JsValue) -> Option<&JsValue> {
    (!value.is_undefined() && !value.is_null()).then_some(value)
}

/// What `typeof` says of a value ("null" for null).
pub fn type_of(value: &JsValue) -> String {
    if value.is_null() {
        return "null".into();
    }
    value.js_typeof().as_string().unwrap_or_default()
}

fn unreadable(key: &str) -> Error {
    Error::unreadable(key, "it threw while being read")
}

/// The `value` of a `{ value }` / `{ error }` answer of plain.js (a fresh plain object), or the
/// error it describes.
fn unwrap_result(answer: &JsValue, key: &str) -> Result<JsValue> {
    let get = |object: &JsValue, name: &str| Reflect::get(object, &name.into()).unwrap_or(JsValue::UNDEFINED);
    let error = get(answer, "error");
    if error.is_undefined() {
        return Ok(get(answer, "value"));
    }
    let field = |name: &str| get(&error, name);
    let text = |name: &str| field(name).as_string().unwrap_or_default();
    let path = text("path");
    let key = match path.chars().next() {
        None => key.to_string(),
        Some(_) if key.is_empty() => path,
        Some('[') => format!("{key}{path}"),
        Some(_) => format!("{key}.{path}"),
    };
    Err(match text("code").as_str() {
        "wrongType" => {
            let expected = text("expected");
            Error::wrong_type(key, if expected.is_empty() { "object" } else { &expected }, &text("got"))
        }
        "tooLarge" => match field("got").as_f64() {
            Some(got) => Error::too_large(key, field("max").as_f64().unwrap_or(f64::NAN), got, &text("unit")),
            // A value too large to count (plainCopy stops at its budget): the limit only.
            None => Error::new(Code::TooLarge, key)
                .with("max", field("max").as_f64().unwrap_or(f64::NAN))
                .with("unit", text("unit").as_str()),
        },
        _ => Error::unreadable(key, &text("reason")),
    })
}

/// Plain data (the output of `plainCopy`, so no getters or proxies) as a [`Value`].
fn to_value(value: &JsValue) -> Value {
    if let Some(x) = value.as_f64() {
        Value::Number(x)
    } else if let Some(t) = value.as_string() {
        Value::Text(t)
    } else if let Some(b) = value.as_bool() {
        Value::Bool(b)
    } else if value.is_null() || value.is_undefined() {
        Value::Null
    } else if Array::is_array(value) {
        Value::List(value.unchecked_ref::<Array>().iter().map(|item| to_value(&item)).collect())
    } else {
        let entries = Object::entries(value.unchecked_ref());
        Value::Object(
            entries
                .iter()
                .map(|pair| {
                    let pair: Array = pair.unchecked_into();
                    (pair.get(0).as_string().unwrap_or_default(), to_value(&pair.get(1)))
                })
                .collect(),
        )
    }
}
