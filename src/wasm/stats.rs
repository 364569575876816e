//! The initialization lab's methods: per-layer statistics of activations and gradients, the
//! variance each initialization draws with, curves of the activations and their derivatives,
//! and the config of the deep linear toy.

use super::input::{self, optional};
use super::output::{js_error, to_js};
use super::Playground;
use crate::analysis::stats::{self, STATS_POINTS};
use crate::config::{Range, MAX_HIDDEN_LAYERS};
use crate::nn::activation::Activation;
use crate::nn::init::Init;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Counts of values in equal bins: bin k holds [edges[k], edges[k+1]). */
export interface Histogram {
  /** bins + 1 increasing edges. */
  edges: number[];
  counts: number[];
}

/** Statistics of one hidden layer on a batch of training points (see `layerStats`). */
export interface LayerStats {
  /** Hidden layer number, 1 for the first. */
  layer: number;
  units: number;
  /** Units feeding the layer (n_in of its W). */
  fanIn: number;
  /** Units the layer feeds (n_out of the next W). */
  fanOut: number;
  /** Mean and standard deviation of the activations a[l] over units × examples. */
  actMean: number;
  actStd: number;
  /** √(mean a²): the magnitude of the signal leaving the layer. */
  actRms: number;
  /** Over the activation's range: [−1, 1] tanh, [0, 1] sigmoid, [0, max a] ReLU, ±max|a| otherwise. */
  actHistogram: Histogram;
  /** tanh (|a| > 0.97) and sigmoid (a < 0.03 or a > 0.97): fraction of the activations; else null. */
  saturated: number | null;
  /** ReLU: fraction of the units that output 0 for every example; else null. */
  dead: number | null;
  /** Standard deviation of the backpropagated δ[l] = ∂L/∂z[l] per example. */
  deltaStd: number;
  /** Of δ[l], over ±min(max|δ|, 5·rms); values beyond land in the end bins. */
  deltaHistogram: Histogram;
  /** Standard deviation of the entries of ∂J/∂W[l] on the batch. */
  gradStd: number;
  /** Of ∂J/∂W[l], over ±min(max, 5·rms); values beyond land in the end bins. */
  gradHistogram: Histogram;
  /** ‖α·∂J/∂W[l]‖ / ‖W[l]‖ (the step plain SGD takes); null while W[l] = 0. */
  updateRatio: number | null;
  /** Standard deviation of the entries of W[l] now. */
  weightStd: number;
  /** Var(W[l]) the configured initialization draws with, for this layer's fanIn and units. */
  initVariance: number;
  /** Largest difference between two units in an incoming weight, bias or outgoing weight:
   *  0 while every unit of the layer is identical. */
  unitSpread: number;
}

/** g(z) and g'(z) sampled on a grid (see `activationCurve`). */
export interface ActivationCurve {
  z: number[];
  g: number[];
  derivative: number[];
}
"#;

/// Most samples of an activation curve.
const MAX_CURVE_POINTS: f64 = 10_000.0;
/// Largest |z| of an activation curve.
const MAX_CURVE_Z: f64 = 1e6;
/// Most fan-in or fan-out of `initVariance`, and the largest scale.
const MAX_FAN: f64 = 1e6;

#[wasm_bindgen]
impl Playground {
    /// Statistics of every hidden layer (input side first) on the first `maxPoints` training
    /// points (default 256), from one forward and backward pass at the current weights.
    #[wasm_bindgen(js_name = layerStats, unchecked_return_type = "LayerStats[]")]
    pub fn layer_stats(
        &self,
        #[wasm_bindgen(js_name = maxPoints, unchecked_optional_param_type = "number")] max_points: JsValue,
    ) -> Result<JsValue, JsValue> {
        let points = match optional(&max_points) {
            Some(n) => input::whole(n, "maxPoints", &Range::closed(1.0, 1e6))
                .map_err(|e| js_error(e.in_call("layerStats(maxPoints)")))?,
            None => STATS_POINTS,
        };
        Ok(to_js(&stats::session_stats(&self.session, points)))
    }
}

/// Var(W) of one weight drawn by `init` ("xavier", "he", …) for a layer with `nIn` inputs and
/// `nOut` units, with initScale `scale` (0 for the deterministic "zeros", "constant", "identity").
#[wasm_bindgen(js_name = initVariance)]
pub fn init_variance(
    #[wasm_bindgen(unchecked_param_type = "string")] init: JsValue,
    #[wasm_bindgen(js_name = nIn, unchecked_param_type = "number")] n_in: JsValue,
    #[wasm_bindgen(js_name = nOut, unchecked_param_type = "number")] n_out: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] scale: JsValue,
) -> Result<f64, JsValue> {
    let read = || -> crate::error::Result<f64> {
        let scheme: Init = input::choice(&init, "init")?;
        let fans = Range::closed(1.0, MAX_FAN);
        let n_in = input::whole(&n_in, "nIn", &fans)?;
        let n_out = input::whole(&n_out, "nOut", &fans)?;
        let scale = input::number_in(&scale, "scale", &Range::closed(0.0, MAX_FAN))?;
        Ok(scheme.variance(n_in, n_out, scale))
    };
    read().map_err(|e| js_error(e.in_call("initVariance")))
}

/// g and g' of one activation.
#[derive(Serialize)]
struct Curve {
    z: Vec<f64>,
    g: Vec<f64>,
    derivative: Vec<f64>,
}

/// g(z) and g'(z) of `activation` ("tanh", "relu", …) at `n` evenly spaced z from `zmin` to
/// `zmax`.
#[wasm_bindgen(js_name = activationCurve, unchecked_return_type = "ActivationCurve")]
pub fn activation_curve(
    #[wasm_bindgen(unchecked_param_type = "string")] activation: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] zmin: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] zmax: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
) -> Result<JsValue, JsValue> {
    let read = || -> crate::error::Result<Curve> {
        let g: Activation = input::choice(&activation, "activation")?;
        let zs = Range::closed(-MAX_CURVE_Z, MAX_CURVE_Z);
        let zmin = input::number_in(&zmin, "zmin", &zs)?;
        let zmax = input::number_in(&zmax, "zmax", &Range::above(zmin, MAX_CURVE_Z))?;
        let n = input::whole(&n, "n", &Range::closed(2.0, MAX_CURVE_POINTS))?;
        let z: Vec<f64> = (0..n).map(|k| zmin + (zmax - zmin) * k as f64 / (n - 1) as f64).collect();
        let values: Vec<f64> = z.iter().map(|&z| g.apply(z)).collect();
        let derivative = z.iter().zip(&values).map(|(&z, &a)| g.derivative(z, a)).collect();
        Ok(Curve { z, g: values, derivative })
    };
    read().map(|curve| to_js(&curve)).map_err(|e| js_error(e.in_call("activationCurve")))
}

/// The config of the lecture's deep linear toy: `layers` hidden layers of 2 linear units with
/// W = c·I, on the regression plane. Hidden layer l outputs c^l·x.
#[wasm_bindgen(js_name = deepLinearToy, unchecked_return_type = "PlaygroundConfig")]
pub fn deep_linear_toy(
    #[wasm_bindgen(unchecked_param_type = "number")] layers: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] c: JsValue,
) -> Result<JsValue, JsValue> {
    let read = || -> crate::error::Result<crate::config::Config> {
        let layers = input::whole(&layers, "layers", &Range::closed(1.0, MAX_HIDDEN_LAYERS as f64))?;
        let c = input::number(&c, "c")?;
        stats::deep_linear_toy(layers, c).validated()
    };
    read().map(|config| to_js(&config)).map_err(|e| js_error(e.in_call("deepLinearToy")))
}
