//! A trained model as a plain value: the config, the parameters and (with batch normalization)
//! the running statistics. Exporting and importing it
//! restores the exact model (same data, same predictions, bit for bit).

use crate::config::{Config, Field, Kind, Range, Value};
use crate::error::{Code, Error, Result};
use crate::session::Session;
use serde::Serialize;

/// The format tag of an exported model.
pub const FORMAT: &str = "nn-playground-model";
/// The version of the format.
pub const VERSION: u32 = 1;
/// Largest update count a model file may give (the largest integer a JS number holds exactly).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;
/// The keys of a model file; any other is refused by name.
const KEYS: [&str; 6] = ["format", "version", "config", "parameters", "runningStatistics", "step"];

/// An error unless `format` and `version` are this format's.
fn check_format(format: &str, version: f64) -> Result<()> {
    if format == FORMAT && version == VERSION as f64 {
        return Ok(());
    }
    Err(Error::new(Code::ModelFormat, "")
        .with("format", FORMAT)
        .with("version", VERSION as f64)
        .with("gotFormat", format)
        .with("gotVersion", version))
}

/// An exported model.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Model {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// The config the model was trained with.
    pub config: Config,
    /// Every W and b, layer after layer (W row-major, n_out × n_in), then the γ of the
    /// batch-normalized layers.
    pub parameters: Vec<f64>,
    /// The running means, then variances, of each batch-normalized layer (absent without batch
    /// normalization).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub running_statistics: Vec<f64>,
    /// Updates the model had when exported.
    pub step: u64,
}

impl Model {
    /// The model of a session.
    pub fn of(session: &Session) -> Model {
        Model {
            format: FORMAT.to_string(),
            version: VERSION,
            config: session.config().clone(),
            parameters: session.network().params.clone(),
            running_statistics: session.network().running.clone(),
            step: session.steps(),
        }
    }

    /// A model read from plain data (a parsed model file); errors name the key at fault, with
    /// the config read like a new playground's.
    pub fn from_value(value: &Value) -> Result<Model> {
        if let Some((unknown, _)) = value.entries("")?.iter().find(|(key, _)| !KEYS.contains(&key.as_str())) {
            return Err(Error::unknown_key(unknown, &KEYS));
        }
        let field = |name: &str| value.get(name).unwrap_or(&Value::Null);
        let format = field("format").text("format").unwrap_or_default();
        check_format(format, field("version").number("version").unwrap_or(f64::NAN))?;
        let step = f64::read(field("step"), "step", &Kind::Integer { range: Range::closed(0.0, MAX_SAFE_INTEGER) })?;
        Ok(Model {
            format: FORMAT.to_string(),
            version: VERSION,
            config: Config::from_value(field("config")).map_err(|e| e.under("config"))?,
            parameters: field("parameters").numbers("parameters")?,
            running_statistics: match value.get("runningStatistics") {
                None | Some(Value::Null) => Vec::new(),
                Some(running) => running.numbers("runningStatistics")?,
            },
            step: step as u64,
        })
    }

    /// A session with this model's config and parameters, its learning-rate schedule going on
    /// after the model's updates; errors name what does not fit,
    /// including parameters whose loss on the model's data explodes (as training would count it).
    pub fn restore(self) -> Result<Session> {
        check_format(&self.format, self.version as f64)?;
        for (i, &p) in self.parameters.iter().enumerate() {
            Range::FINITE.check(&format!("parameters[{i}]"), p)?;
        }
        let mut session = Session::new(self.config).map_err(|e| e.under("config"))?;
        session.set_parameters(&self.parameters)?;
        session.set_running_statistics(&self.running_statistics)?;
        session.continue_schedule_after(self.step);
        if let Some((cause, value)) = session.exploded_loss() {
            return Err(Error::new(Code::LossExplodes, "parameters").with("loss", cause.key()).with("got", value));
        }
        Ok(session)
    }
}
