//! Plain data as it arrives from outside (a JS object copied at the boundary, a model file): the
//! JSON types, read by the settings tables with errors that name the key and the type.

use crate::error::{Error, Result};

/// A plain value: what JSON can hold (numbers may also be NaN or ±∞).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// null (an absent value).
    Null,
    /// true or false.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Value>),
    /// An object's own keys and values, in order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The type's name as JS's `typeof` (and `Array.isArray`) would say it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::Text(_) => "string",
            Value::List(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// The number, or an error naming `key` and the type given.
    pub fn number(&self, key: &str) -> Result<f64> {
        match self {
            Value::Number(x) => Ok(*x),
            other => Err(Error::wrong_type(key, "number", other.type_name())),
        }
    }

    /// The string, or an error naming `key` and the type given.
    pub fn text(&self, key: &str) -> Result<&str> {
        match self {
            Value::Text(t) => Ok(t),
            other => Err(Error::wrong_type(key, "text", other.type_name())),
        }
    }

    /// The array's items, or an error naming `key` and the type given.
    pub fn list(&self, key: &str) -> Result<&[Value]> {
        match self {
            Value::List(items) => Ok(items),
            other => Err(Error::wrong_type(key, "list", other.type_name())),
        }
    }

    /// The object's keys and values, or an error naming `key` and the type given.
    pub fn entries(&self, key: &str) -> Result<&[(String, Value)]> {
        match self {
            Value::Object(entries) => Ok(entries),
            other => Err(Error::wrong_type(key, "object", other.type_name())),
        }
    }

    /// The value of an object's `name` (None when absent, null, or not an object).
    pub fn get(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Object(entries) => {
                entries.iter().find(|(k, _)| k == name).map(|(_, v)| v).filter(|v| **v != Value::Null)
            }
            _ => None,
        }
    }

    /// An array of numbers: every item must be a number (`key[i]` names the first that is not).
    pub fn numbers(&self, key: &str) -> Result<Vec<f64>> {
        self.list(key)?.iter().enumerate().map(|(i, item)| item.number(&format!("{key}[{i}]"))).collect()
    }
}
