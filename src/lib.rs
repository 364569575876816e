//! # nn-playground
//!
//! A neural-network playground: this crate trains small fully connected networks on 2-D data
//! and computes everything the page draws. It compiles natively (tests, benchmarks) and to
//! WebAssembly (the browser). The folders are the layers; the map of the crate:
//!
//! - [`config`]: the configuration (camelCase serde types), defaults and validation.
//! - [`error`]: the one error type; messages name the key and value at fault.
//! - [`math`]: exp, tanh, sigmoid and the cross-entropy's log term from IEEE arithmetic only
//!   (bit-identical everywhere), in double precision and in the single precision of what is only
//!   drawn, with SIMD lanes in wasm ([`math::Real`] is the number type the forward pass is
//!   generic over); the passes' row kernels over [`math::Strided`] rows, bounds-checked once per
//!   matrix (weighted sums of rows for all of a layer's units in one call, blocks of dot products
//!   as the sums of their even and their odd samples' terms; each sum in a fixed order), `dot`,
//!   `paired_dot` and `norm`; [`math::rng`], the seeded, platform-independent random source
//!   (ChaCha12, the stream of rand's `StdRng` in a compact form, and fresh seeds from `getrandom`
//!   for runs without one). Other transcendental functions come from the `libm` crate everywhere,
//!   so native and wasm runs are bit-identical.
//! - [`text`]: numbers as text, the one place a float becomes a string and a string a float (in
//!   wasm written and read by the JS engine, so the module carries no float formatting or
//!   parsing of its own).
//! - [`draw`]: heatmaps as RGBA pixels in the pages' colour map; [`draw::contours`], loss
//!   surfaces as filled log-spaced contours; [`draw::units`], the network diagram's unit tiles.
//! - [`nn`]: the network and its parts — [`nn::activation`] (g(z) and g'(z) for linear,
//!   sigmoid, tanh, ReLU, leaky ReLU), [`nn::init`] (zeros, constant, uniform, normal, LeCun,
//!   Xavier uniform and normal, He, identity), [`nn::batch_norm`] (normalizing a layer's
//!   pre-activations over the batch, forward and backward, and the running averages predictions
//!   use), [`nn::loss`] (sigmoid + cross-entropy, identity +
//!   ½ squared error), [`nn::network`] (the MLP with contiguous parameters, forward pass with
//!   cache in f64 or f32, backpropagation, the preallocated workspace that keeps training
//!   allocation-free), [`nn::penalty`] (the L2 and L1 terms of the cost and their gradient),
//!   [`nn::optim`] (SGD, momentum, Adam) and [`nn::schedule`] (the learning rate of every update:
//!   constant, step, exponential or cosine decay after a linear warm-up).
//! - [`data`]: the datasets (and the user's own points), noise, feature distortion (scale,
//!   rotation, offset), train/test split; [`data::features`], the network's inputs computed from
//!   a point (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂); [`data::points_csv`], the user's points as
//!   CSV with the bad lines named; [`data::normalize`], standardization fitted on the training
//!   split's features.
//! - [`session`]: the training session (mini-batches, divergence detection, reports, history),
//!   the network's outputs at points — exact, and for drawing in single precision through
//!   [`session::DrawingPass`], the one place an f32 overflow is run again in f64 —,
//!   [`session::model`] (a trained model for export and exact re-import) and
//!   [`session::trajectory`] (parameter snapshots along training, thinned to a budget).
//! - [`analysis`]: what the pages show beyond training — [`analysis::landscape`] (loss surfaces:
//!   two weights, random, PCA and Hessian planes, the init→now line, with the path projected on
//!   them; a two-weight plane's nodes share what the two weights do not change, and with a
//!   bounded activation interpolate each sample's loss tabulated over the moving unit's output),
//!   [`analysis::conditioning`] (condition numbers of inputs and Hessian, the learning rate they
//!   suggest), [`analysis::curvature`] (exact Hessian–vector products, the sharpness λ_max),
//!   [`analysis::diagnostics`] (gradient check, noise of the mini-batch loss),
//!   [`analysis::stats`] (per-layer statistics of activations and gradients, the deep linear
//!   toy) and [`analysis::explorer`] (one forward/backward pass with every intermediate kept).
//! - [`work`]: how much computing one call from JS may do, estimated from the network and the
//!   data; sizes beyond it are refused by name.
//! - `wasm` (only on wasm32): the `#[wasm_bindgen]` boundary, the JS class `Playground`, one
//!   file per view, painting onto canvases through `web-sys`.

pub mod analysis;
pub mod config;
pub mod data;
pub mod draw;
pub mod error;
pub mod math;
pub mod nn;
pub mod session;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
pub mod work;

pub use config::Config;
pub use error::{Error, Result};
pub use session::{Report, Session};
