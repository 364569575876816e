//! # nn-playground
//!
//! A neural-network playground: this crate trains small fully connected networks on 2-D data
//! and computes everything the page draws. It compiles natively (tests, benchmarks) and to
//! WebAssembly (the browser). The map of the crate:
//!
//! - [`config`]: the configuration (camelCase serde types), defaults and validation.
//! - [`error`]: the one error type; messages name the key and value at fault.
//! - [`rng`]: the seeded, platform-independent random source. Transcendental functions come
//!   from the `libm` crate everywhere, so native and wasm runs are bit-identical.
//! - [`data`]: the datasets (and the user's own points), noise, feature distortion
//!   (scale, rotation, offset), train/test split.
//! - [`points_csv`]: the user's points as CSV, parsed with the bad lines named (the first 10).
//! - [`normalize`]: standardization fitted on the training split.
//! - [`math`]: exp, tanh, sigmoid and the cross-entropy's log term from IEEE arithmetic only
//!   (bit-identical everywhere), in double precision and in the single precision of the grids
//!   that are only drawn, with SIMD lanes in wasm; [`math::Real`] is the number type the
//!   forward pass is generic over.
//! - [`activation`]: g(z) and g'(z) for linear, sigmoid, tanh, ReLU, leaky ReLU.
//! - [`init`]: weight initializations (zeros, constant, uniform, normal, LeCun, Xavier uniform
//!   and normal, He, identity).
//! - [`loss`]: the output unit and its loss (sigmoid + cross-entropy, identity + ½ squared error).
//! - [`network`]: the MLP with contiguous parameters, forward pass with cache (in f64, or in
//!   f32 for drawing), backpropagation, and the preallocated workspace that keeps training
//!   allocation-free.
//! - [`optim`]: SGD, momentum, Adam.
//! - [`train`]: the training session: mini-batches, divergence detection, reports, history.
//! - [`model`]: a trained model (config + parameters) for export and exact re-import.
//! - [`trajectory`]: parameter snapshots along training (the optimizer's path), thinned to a budget.
//! - [`landscape`]: loss surfaces (two weights, random and PCA planes, the init→now line) with
//!   the path projected on them, evaluated in single or double precision.
//! - [`conditioning`]: condition numbers of inputs and Hessian, and the learning rate they suggest.
//! - [`diagnostics`]: the gradient check and the measured noise of the mini-batch loss.
//! - [`explorer`]: one forward/backward pass with every intermediate kept, for the backprop view.
//! - [`stats`]: per-layer statistics of activations and gradients, and the deep linear toy.
//! - `wasm` (only on wasm32): the `#[wasm_bindgen]` boundary, the JS class `Playground`.

pub mod activation;
pub mod conditioning;
pub mod config;
pub mod data;
pub mod diagnostics;
pub mod error;
pub mod explorer;
pub mod init;
pub mod landscape;
pub mod loss;
pub mod math;
pub mod model;
pub mod network;
pub mod normalize;
pub mod optim;
pub mod points_csv;
pub mod rng;
pub mod stats;
pub mod train;
pub mod trajectory;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use config::Config;
pub use error::{Error, Result};
pub use train::{Report, Session};
