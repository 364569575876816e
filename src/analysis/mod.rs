//! What the pages show about a session beyond its training: loss surfaces, condition numbers,
//! the Hessian's sharpness (with Lanczos iteration for its largest eigenvalue), the gradient check and the noise of the mini-batch loss, per-layer
//! statistics, and the traced pass of the backprop explorer.

pub mod conditioning;
pub mod curvature;
pub mod diagnostics;
pub mod explorer;
pub mod lanczos;
pub mod landscape;
pub mod stats;
