//! The data a network learns from: the built-in datasets and the user's own points (also as
//! CSV), their distortion and train/test split, and the input normalization fitted on the
//! training split.

mod datasets;
pub mod normalize;
pub mod points_csv;

pub use datasets::{bounds, distort, generate, Points, Split, DOMAIN};
