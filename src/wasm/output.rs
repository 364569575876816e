//! What goes back to JS: plain objects from serde values, typed arrays set on them, and the
//! core's [`Error`] as a thrown JS `Error` with `code`, `key` and `params`.

use crate::error::Error;
use js_sys::{Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A serde value as a plain JS object (None → null, maps → objects).
pub fn to_js<T: Serialize>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// Sets `key` on an object the core made (a plain object: this cannot fail).
pub fn set(object: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &key.into(), value);
}

/// The JS `Error` thrown for `error`: its English message, and the properties `code` (e.g.
/// "outOfRange"), `key` (the key path at fault) and `params` (limits, the value got, …) from which
/// a page words the message in its own language.
pub fn js_error(error: Error) -> JsValue {
    let js: JsValue = js_sys::Error::new(&error.message()).into();
    set(&js, "code", &to_js(&error.code()));
    set(&js, "key", &error.key().into());
    let params = Object::new();
    for (name, value) in error.params() {
        set(&params, name, &to_js(value));
    }
    set(&js, "params", &params);
    js
}
