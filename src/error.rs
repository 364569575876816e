//! The crate's one error type. An error carries a [`Code`] (what is wrong), the key path at fault
//! (`learningRate`, `hidden[1]`, `points[5]`, `res`) and named parameters (the limits, the value
//! got), so a page can word it in its own language and mark the field; [`Error::message`] is the
//! English wording, e.g. "learningRate must be > 0 and ≤ 1000000, got -1".

use crate::config::Range;
use crate::text::number_text;
use serde::Serialize;
use std::fmt;

/// What is wrong; each code documents the parameters its errors carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Code {
    /// A number outside its range: `min`, `max` (either may be absent), `minExclusive`,
    /// `maxExclusive`, `got`.
    OutOfRange,
    /// A fraction where a whole number belongs: `got`.
    NotWhole,
    /// Zero where the value must not be 0: `got`.
    Zero,
    /// A value of the wrong type: `expected` ("number", "text", "list", "object", "numbers"),
    /// `got` (the type given: "string", "undefined", …).
    WrongType,
    /// A name that is not one of the choices: `choices`, `got`.
    UnknownChoice,
    /// A key the object does not have: `keys` (the ones it has), `got`.
    UnknownKey,
    /// More than a limit allows: `max`, `got` (absent when too large to count), `unit` ("layers",
    /// "points", "values", …).
    TooLarge,
    /// A size that needs more work than one call may do with this network and data (see
    /// `crate::work`): `max` (the largest size allowed now), `got`, `unit` ("updates", "points",
    /// "cells per side", …); for a call without a size, `what` it is, the `work` it needs and
    /// the `budget` (in multiply-adds).
    TooMuchWork,
    /// A list of the wrong length: `expected` (or `multiple`: the length must be a multiple
    /// of it), `got`.
    WrongLength,
    /// A class label other than 0 … `max` (the number of classes − 1): `got`.
    NotALabel,
    /// More than two classes where only two can be: `got`, and the `dataset` that has two, or
    /// the `problem` ("regression") that has none.
    TwoClasses,
    /// A dataset of the other problem type: `dataset`, `problem`, `datasetProblem`.
    DatasetProblem,
    /// Points given while the dataset is not "custom": `got` (how many numbers).
    PointsUnused,
    /// CSV lines that are not three numbers x,y,label: `lines` (line numbers), `texts` (their
    /// text, shortened), `more` (bad lines not listed).
    CsvLines,
    /// CSV text without a point.
    CsvEmpty,
    /// A model of another format or version: `format`, `version` (expected), `gotFormat`,
    /// `gotVersion`.
    ModelFormat,
    /// Parameters whose loss on their data explodes (NaN, infinite or above 10¹², as training
    /// counts divergence): `loss` ("trainLoss" or "testLoss"), `got` (its value).
    LossExplodes,
    /// A new playground that would take the module's memory past its limit (the others were
    /// not freed): `used`, `limit` (bytes).
    MemoryFull,
    /// An analysis that needs a trajectory, asked for before training: `what` ("pca surface").
    NeedsTraining,
    /// An empty list where at least one entry is needed.
    Empty,
    /// A JS value that could not be read (a getter or proxy threw, a cycle): `reason`.
    Unreadable,
}

/// A parameter's value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Param {
    /// A number.
    Number(f64),
    /// A flag.
    Flag(bool),
    /// A text.
    Text(String),
    /// Several numbers.
    Numbers(Vec<f64>),
    /// Several texts.
    Texts(Vec<String>),
}

/// An error raised by the core; at the wasm boundary it becomes a JS `Error` with this message
/// and the properties `code`, `key` and `params`.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    code: Code,
    key: String,
    params: Vec<(&'static str, Param)>,
    call: Option<&'static str>,
}

impl Error {
    /// An error of `code` about `key`, without parameters yet (see [`Error::with`]).
    pub fn new(code: Code, key: impl Into<String>) -> Self {
        Error { code, key: key.into(), params: Vec::new(), call: None }
    }

    /// Adds the parameter `name`.
    pub fn with(mut self, name: &'static str, value: impl Into<Param>) -> Self {
        self.params.push((name, value.into()));
        self
    }

    /// Names the JS call the error happened in (`"step(n)"`); the message starts with it.
    pub fn in_call(mut self, call: &'static str) -> Self {
        self.call = Some(call);
        self
    }

    /// Prefixes the key with `parent` (`config` + `hidden[1]` → `config.hidden[1]`); an empty
    /// key becomes `parent`.
    pub fn under(mut self, parent: &str) -> Self {
        self.key = if self.key.is_empty() { parent.to_string() } else { format!("{parent}.{}", self.key) };
        self
    }

    /// `key` is outside `range`.
    pub fn out_of_range(key: impl Into<String>, range: &Range, got: f64) -> Self {
        let mut error = Error::new(Code::OutOfRange, key);
        if let Some(min) = range.min {
            error = error.with("min", min).with("minExclusive", range.min_exclusive);
        }
        if let Some(max) = range.max {
            error = error.with("max", max).with("maxExclusive", range.max_exclusive);
        }
        error.with("got", got)
    }

    /// `key` has a value of the wrong type: `expected` names the type wanted, `got` the one given.
    pub fn wrong_type(key: impl Into<String>, expected: &str, got: &str) -> Self {
        Error::new(Code::WrongType, key).with("expected", expected).with("got", got)
    }

    /// `key` could not be read or used, and why (in English).
    pub fn unreadable(key: impl Into<String>, reason: &str) -> Self {
        Error::new(Code::Unreadable, key).with("reason", reason)
    }

    /// `key` is not one of `choices`.
    pub fn unknown_choice(key: impl Into<String>, choices: &[&str], got: &str) -> Self {
        Error::new(Code::UnknownChoice, key).with("choices", choices).with("got", got)
    }

    /// `got` is not one of `keys`.
    pub fn unknown_key(got: &str, keys: &[&str]) -> Self {
        Error::new(Code::UnknownKey, got).with("keys", keys).with("got", got)
    }

    /// `key` holds `got` `unit`, more than `max`.
    pub fn too_large(key: impl Into<String>, max: f64, got: f64, unit: &str) -> Self {
        Error::new(Code::TooLarge, key).with("max", max).with("got", got).with("unit", unit)
    }

    /// What is wrong.
    pub fn code(&self) -> Code {
        self.code
    }

    /// The key path at fault ("" when the whole value is).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The named parameters.
    pub fn params(&self) -> &[(&'static str, Param)] {
        &self.params
    }

    /// The value of parameter `name`.
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The English message, e.g. "learningRate must be > 0 and ≤ 1000000, got -1".
    pub fn message(&self) -> String {
        let text = self.describe();
        match self.call {
            Some(call) => format!("{call}: {text}"),
            None => text,
        }
    }

    fn describe(&self) -> String {
        let key = if self.key.is_empty() { "the value" } else { &self.key };
        match self.template() {
            Some(template) => self.fill(template, key),
            None => self.describe_with_lists(key),
        }
    }

    /// The English sentence of the codes whose message is their parameters put into words:
    /// `{key}` stands for the key path, `{name}` for parameter `name` (see [`Error::fill`]).
    /// None for the codes whose message lists ranges, choices or lines.
    fn template(&self) -> Option<&'static str> {
        let has = |name| self.param(name).is_some();
        Some(match self.code {
            Code::OutOfRange | Code::WrongType | Code::UnknownChoice | Code::CsvLines => return None,
            Code::NotWhole => "{key} must be a whole number, got {got}",
            Code::Zero => "{key} must not be 0",
            Code::UnknownKey => "unknown key `{got}`; the keys are {keys}",
            Code::TooLarge if has("got") => "{key} must have at most {max} {unit}, got {got}",
            Code::TooLarge => "{key} must have at most {max} {unit}",
            Code::TooMuchWork if has("max") => {
                "{key} must be at most {max} {unit} with this network and data (one call's work is bounded), got {got}"
            }
            Code::TooMuchWork => {
                "the {what} needs about {work} multiply-adds with this network and data, more than one call may do ({budget})"
            }
            Code::WrongLength if has("multiple") => "{key} must hold a multiple of {multiple} numbers, got {got}",
            Code::WrongLength => "{key} must hold {expected} numbers, got {got}",
            Code::NotALabel if self.param("max").is_some_and(|m| *m != Param::Number(1.0)) => {
                "{key} must be a class label, 0 … {max}, got {got}"
            }
            Code::NotALabel => "{key} must be a class label, 0 or 1, got {got}",
            Code::TwoClasses if has("dataset") => "{key} must be 2 for dataset {dataset}, got {got}",
            Code::TwoClasses => "{key} must be 2 for {problem}, got {got}",
            Code::DatasetProblem => "dataset {dataset} is for {datasetProblem}, but problem is {problem}",
            Code::PointsUnused => "{key} must be empty unless dataset is \"custom\", got {got} numbers",
            Code::CsvEmpty => "CSV has no points: expected lines of x,y,label",
            Code::ModelFormat => "{key}: format must be \"{format}\" version {version}, got \"{gotFormat}\" version {gotVersion}",
            Code::LossExplodes => "{key} give a {loss} of {got} on their data; it must be finite and at most 1e12",
            Code::MemoryFull => {
                "the playgrounds in memory would hold {used} bytes, more than the {limit} allowed; free() the ones no longer used"
            }
            Code::NeedsTraining => "the {what} needs a trajectory: train for a few steps first",
            Code::Empty => "{key} must not be empty",
            Code::Unreadable => "{key} could not be read: {reason}",
        })
    }

    /// `template` with `{key}` replaced by `key` and every other `{name}` by the parameter
    /// `name` as [`Param`] writes it (nothing when it is absent).
    fn fill(&self, template: &str, key: &str) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some((before, after)) = rest.split_once('{') {
            out.push_str(before);
            let (name, after) = after.split_once('}').unwrap_or((after, ""));
            match name {
                "key" => out.push_str(key),
                name => out.push_str(&self.param(name).map(Param::to_string).unwrap_or_default()),
            }
            rest = after;
        }
        out.push_str(rest);
        out
    }

    /// The messages that list a range, choices or CSV lines.
    fn describe_with_lists(&self, key: &str) -> String {
        let p = |name| self.param(name).map(Param::to_string).unwrap_or_default();
        let number = |name| match self.param(name) {
            Some(Param::Number(x)) => Some(*x),
            _ => None,
        };
        let flag = |name| matches!(self.param(name), Some(Param::Flag(true)));
        match self.code {
            Code::OutOfRange => {
                let range = Range {
                    min: number("min"),
                    max: number("max"),
                    min_exclusive: flag("minExclusive"),
                    max_exclusive: flag("maxExclusive"),
                };
                format!("{key} must be {range}, got {}", p("got"))
            }
            Code::WrongType => {
                format!("{key} must be {}, got {}", with_article(&p("expected")), with_article(&p("got")))
            }
            Code::UnknownChoice => {
                format!("{key} must be one of {}, got \"{}\"", quoted(self.param("choices")), p("got"))
            }
            Code::CsvLines => {
                let lines = match (self.param("lines"), self.param("texts")) {
                    (Some(Param::Numbers(lines)), Some(Param::Texts(texts))) => lines
                        .iter()
                        .zip(texts)
                        .map(|(&line, text)| format!("line {}: \"{text}\"", number_text(line)))
                        .collect::<Vec<_>>()
                        .join("; "),
                    _ => String::new(),
                };
                let more = number("more")
                    .filter(|&n| n > 0.0)
                    .map(|n| format!("; and {} more", number_text(n)))
                    .unwrap_or_default();
                format!("CSV lines must be three finite numbers x,y,label: {lines}{more}")
            }
            // Every other code has a template.
            _ => String::new(),
        }
    }
}

/// "number" → "a number", "object" → "an object"; "null", "undefined" and the like stay.
fn with_article(noun: &str) -> String {
    match noun {
        "null" | "undefined" | "numbers" | "text" | "plain data" => noun.to_string(),
        _ if noun.starts_with(['a', 'e', 'i', 'o', 'u']) => format!("an {noun}"),
        _ => format!("a {noun}"),
    }
}

/// `"a", "b", "c"` of a list of texts.
fn quoted(param: Option<&Param>) -> String {
    match param {
        Some(Param::Texts(texts)) => texts.iter().map(|t| format!("\"{t}\"")).collect::<Vec<_>>().join(", "),
        _ => String::new(),
    }
}

impl fmt::Display for Param {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Param::Number(x) => f.write_str(&number_text(*x)),
            Param::Flag(b) => write!(f, "{b}"),
            Param::Text(t) => f.write_str(t),
            Param::Numbers(xs) => f.write_str(&xs.iter().map(|&x| number_text(x)).collect::<Vec<_>>().join(", ")),
            Param::Texts(ts) => f.write_str(&ts.join(", ")),
        }
    }
}

impl From<f64> for Param {
    fn from(x: f64) -> Self {
        Param::Number(x)
    }
}

impl From<usize> for Param {
    fn from(x: usize) -> Self {
        Param::Number(x as f64)
    }
}

impl From<bool> for Param {
    fn from(b: bool) -> Self {
        Param::Flag(b)
    }
}

impl From<&str> for Param {
    fn from(t: &str) -> Self {
        Param::Text(t.to_string())
    }
}

impl From<String> for Param {
    fn from(t: String) -> Self {
        Param::Text(t)
    }
}

impl From<&[&str]> for Param {
    fn from(ts: &[&str]) -> Self {
        Param::Texts(ts.iter().map(|t| t.to_string()).collect())
    }
}

impl From<Vec<String>> for Param {
    fn from(ts: Vec<String>) -> Self {
        Param::Texts(ts)
    }
}

impl From<Vec<f64>> for Param {
    fn from(xs: Vec<f64>) -> Self {
        Param::Numbers(xs)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {}

/// Result with the crate's error type.
pub type Result<T> = std::result::Result<T, Error>;
