//! A trained model as a plain value: the config and the parameters. Exporting and importing it
//! restores the exact model (same data, same predictions, bit for bit).

use crate::config::Config;
use crate::error::{Error, Result};
use crate::train::Session;
use serde::{Deserialize, Serialize};

/// The format tag of an exported model.
pub const FORMAT: &str = "nn-playground-model";
/// The version of the format.
pub const VERSION: u32 = 1;

/// An exported model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Model {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// The config the model was trained with.
    pub config: Config,
    /// Every W and b, layer after layer (W row-major, n_out × n_in).
    pub parameters: Vec<f64>,
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
            step: session.steps(),
        }
    }

    /// A session with this model's config and parameters; errors name what does not fit.
    pub fn restore(self) -> Result<Session> {
        if self.format != FORMAT || self.version != VERSION {
            return Err(Error::new(format!(
                "model: format must be \"{FORMAT}\" version {VERSION}, got \"{}\" version {}",
                self.format, self.version
            )));
        }
        if let Some(i) = self.parameters.iter().position(|p| !p.is_finite()) {
            return Err(Error::invalid(&format!("model: parameters[{i}]"), "finite", self.parameters[i]));
        }
        let mut session = Session::new(self.config)?;
        session.set_parameters(&self.parameters)?;
        Ok(session)
    }
}
