//! The settings tables: every key of a config-like struct with its type, limits and choices
//! ([`Setting`], [`Kind`], [`Range`]), declared once with [`settings!`] next to the field and its
//! default. The same table reads plain values ([`Field::read`]), checks typed ones
//! ([`Field::check`]) and is exported to JS (`configSchema()`), so a page takes its defaults,
//! limits and choices from here.

use super::{Choice, Value};
use crate::data::features::{self, Feature};
use crate::error::{Code, Error, Result};
use crate::text::number_text;
use serde::Serialize;
use std::fmt;

/// The interval a number must lie in; an absent end is unbounded. Only finite numbers lie in a
/// range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Range {
    /// The lower end.
    pub min: Option<f64>,
    /// The upper end.
    pub max: Option<f64>,
    /// Whether `min` itself is outside.
    pub min_exclusive: bool,
    /// Whether `max` itself is outside.
    pub max_exclusive: bool,
}

impl Range {
    /// Every finite number.
    pub const FINITE: Range = Range { min: None, max: None, min_exclusive: false, max_exclusive: false };

    /// [min, max].
    pub const fn closed(min: f64, max: f64) -> Range {
        Range { min: Some(min), max: Some(max), min_exclusive: false, max_exclusive: false }
    }

    /// (min, max].
    pub const fn above(min: f64, max: f64) -> Range {
        Range { min: Some(min), max: Some(max), min_exclusive: true, max_exclusive: false }
    }

    /// [min, max).
    pub const fn below(min: f64, max: f64) -> Range {
        Range { min: Some(min), max: Some(max), min_exclusive: false, max_exclusive: true }
    }

    /// Whether `x` lies in the range.
    pub fn contains(&self, x: f64) -> bool {
        let above_min = match self.min {
            Some(min) if self.min_exclusive => x > min,
            Some(min) => x >= min,
            None => true,
        };
        let below_max = match self.max {
            Some(max) if self.max_exclusive => x < max,
            Some(max) => x <= max,
            None => true,
        };
        x.is_finite() && above_min && below_max
    }

    /// An error naming `key` unless `x` lies in the range.
    pub fn check(&self, key: &str, x: f64) -> Result<()> {
        if self.contains(x) {
            Ok(())
        } else {
            Err(Error::out_of_range(key, self, x))
        }
    }
}

/// "between 10 and 5000", "> 0 and ≤ 1000000", "≥ 0 and < 1", "≥ 0".
impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (min, max) = (self.min.map(number_text), self.max.map(number_text));
        let lower = min.as_ref().map(|min| if self.min_exclusive { format!("> {min}") } else { format!("≥ {min}") });
        let upper = max.as_ref().map(|max| if self.max_exclusive { format!("< {max}") } else { format!("≤ {max}") });
        match (min, max, lower, upper) {
            (Some(min), Some(max), _, _) if !self.min_exclusive && !self.max_exclusive => {
                write!(f, "between {min} and {max}")
            }
            (_, _, Some(lower), Some(upper)) => write!(f, "{lower} and {upper}"),
            (_, _, Some(bound), None) | (_, _, None, Some(bound)) => f.write_str(&bound),
            (_, _, None, None) => f.write_str("a finite number"),
        }
    }
}

/// The type of a setting, with its limits.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Kind {
    /// A number in `range`.
    Number {
        /// Where it must lie.
        #[serde(flatten)]
        range: Range,
    },
    /// A whole number in `range`.
    Integer {
        /// Where it must lie.
        #[serde(flatten)]
        range: Range,
    },
    /// One of the names.
    Choice {
        /// The names, in the order pages list them.
        choices: &'static [&'static str],
    },
    /// Two numbers, each in `range` (and not 0 with `non_zero`).
    Pair {
        /// Where each must lie.
        #[serde(flatten)]
        range: Range,
        /// Whether 0 is refused.
        non_zero: bool,
    },
    /// Hidden layer sizes: at most `max_layers` whole numbers in `range`.
    Layers {
        /// Most layers.
        max_layers: usize,
        /// Where each size must lie.
        #[serde(flatten)]
        range: Range,
    },
    /// A non-empty set of the names, as a list (each once; read in the order of `choices`).
    Set {
        /// The names, in the order pages list them.
        choices: &'static [&'static str],
    },
    /// Points as x, y, value triples: at most `max_points`, every number in `range`.
    Points {
        /// Most points.
        max_points: usize,
        /// Where every coordinate and value must lie.
        #[serde(flatten)]
        range: Range,
    },
}

impl Kind {
    /// The range every number of the setting must lie in (none for choices).
    pub fn range(&self) -> Option<&Range> {
        match self {
            Kind::Number { range }
            | Kind::Integer { range }
            | Kind::Pair { range, .. }
            | Kind::Layers { range, .. }
            | Kind::Points { range, .. } => Some(range),
            Kind::Choice { .. } | Kind::Set { .. } => None,
        }
    }

    /// Checks one number of the setting: in its range, and whole where the kind needs it.
    fn check_number(&self, key: &str, x: f64) -> Result<()> {
        if let Some(range) = self.range() {
            range.check(key, x)?;
        }
        if matches!(self, Kind::Integer { .. } | Kind::Layers { .. }) && x.fract() != 0.0 {
            return Err(Error::new(Code::NotWhole, key).with("got", x));
        }
        Ok(())
    }
}

/// One key of a settings table.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Setting {
    /// The key, as configs and links spell it.
    pub key: &'static str,
    /// Its type and limits.
    #[serde(flatten)]
    pub kind: Kind,
    /// What it means: the doc comment of its field (which the TypeScript declarations repeat,
    /// written by a native test); empty in the wasm module, where nothing reads it.
    #[serde(skip)]
    pub doc: &'static str,
}

/// A field type a setting can have: read from plain data, and checked when built in Rust.
pub trait Field: Sized {
    /// The value of setting `key` in `value`, checked against `kind`.
    fn read(value: &Value, key: &str, kind: &Kind) -> Result<Self>;

    /// Checks a value against `kind`; the error names `key`.
    fn check(&self, key: &str, kind: &Kind) -> Result<()>;
}

/// Numbers, read and checked out of line: every key of a table calls them, and one copy keeps
/// the wasm module small.
impl Field for f64 {
    #[inline(never)]
    fn read(value: &Value, key: &str, kind: &Kind) -> Result<Self> {
        let x = value.number(key)?;
        kind.check_number(key, x)?;
        Ok(x)
    }

    #[inline(never)]
    fn check(&self, key: &str, kind: &Kind) -> Result<()> {
        kind.check_number(key, *self)
    }
}

/// Whole numbers: read as numbers, checked in their range before the conversion.
macro_rules! whole_number_field {
    ($($t:ty),*) => {$(
        impl Field for $t {
            #[inline(never)]
            fn read(value: &Value, key: &str, kind: &Kind) -> Result<Self> {
                let x = value.number(key)?;
                kind.check_number(key, x)?;
                Ok(x as $t)
            }

            #[inline(never)]
            fn check(&self, key: &str, kind: &Kind) -> Result<()> {
                kind.check_number(key, *self as f64)
            }
        }
    )*};
}
whole_number_field!(usize, u32);

impl<T: Field> Field for Option<T> {
    fn read(value: &Value, key: &str, kind: &Kind) -> Result<Self> {
        match value {
            Value::Null => Ok(None),
            other => T::read(other, key, kind).map(Some),
        }
    }

    fn check(&self, key: &str, kind: &Kind) -> Result<()> {
        self.as_ref().map_or(Ok(()), |v| v.check(key, kind))
    }
}

/// A pair: two numbers, each in range, not 0 where the kind refuses it.
impl Field for [f64; 2] {
    fn read(value: &Value, key: &str, kind: &Kind) -> Result<Self> {
        let numbers = value.numbers(key)?;
        let pair: [f64; 2] = numbers
            .as_slice()
            .try_into()
            .map_err(|_| Error::new(Code::WrongLength, key).with("expected", 2.0).with("got", numbers.len()))?;
        pair.check(key, kind)?;
        Ok(pair)
    }

    fn check(&self, key: &str, kind: &Kind) -> Result<()> {
        for (i, &x) in self.iter().enumerate() {
            let key = format!("{key}[{i}]");
            kind.check_number(&key, x)?;
            if matches!(kind, Kind::Pair { non_zero: true, .. }) && x == 0.0 {
                return Err(Error::new(Code::Zero, key).with("got", x));
            }
        }
        Ok(())
    }
}

/// Hidden layer sizes.
impl Field for Vec<usize> {
    fn read(value: &Value, key: &str, kind: &Kind) -> Result<Self> {
        let items = value.list(key)?;
        check_count(key, items.len(), kind)?;
        let mut sizes = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let key = format!("{key}[{i}]");
            let x = item.number(&key)?;
            kind.check_number(&key, x)?;
            sizes.push(x as usize);
        }
        Ok(sizes)
    }

    fn check(&self, key: &str, kind: &Kind) -> Result<()> {
        check_count(key, self.len(), kind)?;
        self.iter().enumerate().try_for_each(|(i, &n)| kind.check_number(&format!("{key}[{i}]"), n as f64))
    }
}

/// A set of features: names from the kind's choices, at least one; repeats count once and the
/// set is kept in the choices' order.
impl Field for Vec<Feature> {
    fn read(value: &Value, key: &str, kind: &Kind) -> Result<Self> {
        let items = value.list(key)?;
        let mut set = Vec::with_capacity(items.len().min(Feature::NAMES.len()));
        for (i, item) in items.iter().enumerate() {
            let key = format!("{key}[{i}]");
            let name = item.text(&key)?;
            set.push(Feature::from_name(name).ok_or_else(|| Error::unknown_choice(&key, Feature::NAMES, name))?);
        }
        let set = features::canonical(set);
        set.check(key, kind)?;
        Ok(set)
    }

    fn check(&self, key: &str, _kind: &Kind) -> Result<()> {
        if self.is_empty() {
            return Err(Error::new(Code::Empty, key));
        }
        Ok(())
    }
}

/// Points: x, y, value triples.
impl Field for Vec<f64> {
    fn read(value: &Value, key: &str, kind: &Kind) -> Result<Self> {
        let items = value.list(key)?;
        check_count(key, items.len(), kind)?;
        let numbers = value.numbers(key)?;
        numbers.check(key, kind)?;
        Ok(numbers)
    }

    fn check(&self, key: &str, kind: &Kind) -> Result<()> {
        check_count(key, self.len(), kind)?;
        if matches!(kind, Kind::Points { .. }) && self.len() % 3 != 0 {
            return Err(Error::new(Code::WrongLength, key).with("multiple", 3.0).with("got", self.len()));
        }
        self.iter().enumerate().try_for_each(|(i, &x)| kind.check_number(&format!("{key}[{i}]"), x))
    }
}

/// The most entries a list setting may have (layers, or three numbers per point), before its
/// items are read one by one.
fn check_count(key: &str, len: usize, kind: &Kind) -> Result<()> {
    let (max, got, unit) = match *kind {
        Kind::Layers { max_layers, .. } => (max_layers, len, "layers"),
        Kind::Points { max_points, .. } => (max_points, len.div_ceil(3), "points"),
        _ => return Ok(()),
    };
    if got > max {
        return Err(Error::too_large(key, max as f64, got as f64, unit));
    }
    Ok(())
}

/// Declares a struct of settings and its table in one place: each field with its doc comment,
/// type, key, default and [`Kind`] (`learning_rate: f64 = "learningRate", 0.03, number(…);`).
/// Generates the struct (serializing under the keys), its `Default`, the table `$table` of
/// [`Setting`]s, `from_value` (read plain data, refusing unknown keys) and `check_settings`.
macro_rules! settings {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident in $table:ident {
            $( $(#[doc = $doc:literal])* $field:ident : $ty:ty = $key:literal, $default:expr, $kind:expr; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        $vis struct $name {
            $( $(#[doc = $doc])* #[serde(rename = $key)] pub $field: $ty, )+
        }

        impl Default for $name {
            fn default() -> Self {
                $name { $( $field: $default, )+ }
            }
        }

        #[doc = concat!("Every setting of [`", stringify!($name), "`]: key, type, limits and choices.")]
        $vis const $table: &[$crate::config::Setting] = &[
            $( $crate::config::Setting {
                key: $key,
                kind: $kind,
                doc: if cfg!(target_arch = "wasm32") { "" } else { concat!($($doc, "\n"),*) },
            }, )+
        ];

        impl $name {
            /// The settings given in a plain object, the others at their defaults; every value is
            /// checked against its setting, and an unknown key is refused by name.
            pub fn from_value(value: &$crate::config::Value) -> $crate::error::Result<Self> {
                let mut out = Self::default();
                for (key, item) in value.entries("")? {
                    match key.as_str() {
                        $( $key => out.$field = $crate::config::Field::read(item, $key, &$kind)?, )+
                        other => return Err($crate::error::Error::unknown_key(other, &[$($key),+])),
                    }
                }
                Ok(out)
            }

            /// Checks every value against its setting.
            pub fn check_settings(&self) -> $crate::error::Result<()> {
                $( $crate::config::Field::check(&self.$field, $key, &$kind)?; )+
                Ok(())
            }
        }
    };
}
pub(crate) use settings;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_contain_their_ends_unless_exclusive_and_never_nan() {
        assert!(Range::closed(0.0, 1.0).contains(0.0) && Range::closed(0.0, 1.0).contains(1.0));
        assert!(!Range::above(0.0, 1.0).contains(0.0) && Range::above(0.0, 1.0).contains(1.0));
        assert!(!Range::below(0.0, 1.0).contains(1.0));
        assert!(!Range::closed(0.0, 1.0).contains(f64::NAN));
        assert_eq!(Range::closed(10.0, 5000.0).to_string(), "between 10 and 5000");
        assert_eq!(Range::above(0.0, 1e6).to_string(), "> 0 and ≤ 1000000");
        assert_eq!(Range::below(0.0, 1.0).to_string(), "≥ 0 and < 1");
    }

    #[test]
    fn whole_numbers_are_checked_before_they_are_converted() {
        let kind = Kind::Integer { range: Range::closed(1.0, 10.0) };
        assert_eq!(usize::read(&Value::Number(4.0), "n", &kind), Ok(4));
        assert_eq!(usize::read(&Value::Number(1e300), "n", &kind).unwrap_err().code(), Code::OutOfRange);
        assert_eq!(usize::read(&Value::Number(2.5), "n", &kind).unwrap_err().code(), Code::NotWhole);
        assert_eq!(usize::read(&Value::Number(-1.0), "n", &kind).unwrap_err().code(), Code::OutOfRange);
        assert_eq!(usize::read(&Value::Text("4".into()), "n", &kind).unwrap_err().code(), Code::WrongType);
    }
}
