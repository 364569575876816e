//! Helpers of the browser tests: JS values from source text, properties, and the thrown errors.
#![allow(dead_code)]

use js_sys::{Function, Reflect};
use nn_playground::wasm::Playground;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The value of a JS expression (object literals, getters and proxies included).
pub fn js(source: &str) -> JsValue {
    Function::new_no_args(&format!("return ({source});")).call0(&JsValue::NULL).expect("test JS")
}

/// A JS number.
pub fn n(x: f64) -> JsValue {
    JsValue::from_f64(x)
}

/// A JS string.
pub fn s(text: &str) -> JsValue {
    JsValue::from_str(text)
}

/// Property `key` of a JS object.
pub fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).expect("property")
}

/// A number property.
pub fn number(object: &JsValue, key: &str) -> f64 {
    get(object, key).as_f64().unwrap_or_else(|| panic!("{key} is not a number"))
}

/// A playground of the config written as a JS expression.
pub fn playground(config: &str) -> Playground {
    Playground::new(js(config)).expect("a valid config")
}

/// What a call threw: a JS `Error` with a message and the documented `code`, `key` and `params`.
pub struct Thrown {
    pub message: String,
    pub code: String,
    pub key: String,
    pub params: JsValue,
}

/// The error a failed call threw (panics when it did not fail or threw something else).
pub fn thrown<T>(result: Result<T, JsValue>) -> Thrown {
    let Err(error) = result else { panic!("expected an error") };
    let as_error: &js_sys::Error = error.dyn_ref().expect("a JS Error");
    Thrown {
        message: as_error.message().into(),
        code: get(&error, "code").as_string().expect("a code"),
        key: get(&error, "key").as_string().expect("a key"),
        params: get(&error, "params"),
    }
}
