//! The data a network learns from: the built-in datasets and the user's own points (also as
//! CSV), their distortion and train/test split, the input features computed from a point, and
//! the input normalization fitted on the training split's features.

mod datasets;
pub mod features;
pub mod normalize;
pub mod points_csv;

pub use datasets::{bounds, distort, generate, Points, Split, DOMAIN};
