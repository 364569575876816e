//! The crate's one error type. Every message names the config key, argument or line at fault
//! and the offending value, so the page can show it as it is.

use std::fmt;

/// An error raised by the core; at the wasm boundary it becomes a JS `Error` with this message.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    message: String,
}

impl Error {
    /// An error with a ready-made message.
    pub fn new(message: impl Into<String>) -> Self {
        Error { message: message.into() }
    }

    /// `key` has a value outside what it accepts: "`key` must be `expected`, got `got`".
    pub fn invalid(key: &str, expected: &str, got: impl fmt::Display) -> Self {
        Error::new(format!("{key} must be {expected}, got {got}"))
    }

    /// The message, as shown to the user.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Result with the crate's error type.
pub type Result<T> = std::result::Result<T, Error>;
