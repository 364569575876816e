//! The initialization lab's methods: per-layer statistics of activations and gradients, the
//! variance each initialization draws with, curves of the activations and their derivatives,
//! and the config of the deep linear toy.

use super::{from_js, js_error, to_js, whole_number, Playground};
use crate::activation::Activation;
use crate::config::MAX_HIDDEN_LAYERS;
use crate::error::Error;
use crate::init::Init;
use crate::stats::{self, STATS_POINTS};
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

#[wasm_bindgen]
impl Playground {
    /// Statistics of every hidden layer (input side first) on the first `maxPoints` training
    /// points (default 256), from one forward and backward pass at the current weights.
    #[wasm_bindgen(js_name = layerStats, unchecked_return_type = "LayerStats[]")]
    pub fn layer_stats(
        &self,
        #[wasm_bindgen(js_name = maxPoints)] max_points: Option<f64>,
    ) -> Result<JsValue, JsError> {
        let points = match max_points {
            Some(n) => whole_number("layerStats(maxPoints): maxPoints", n, 1.0, 1e6).map_err(js_error)? as usize,
            None => STATS_POINTS,
        };
        Ok(to_js(&stats::session_stats(&self.session, points)))
    }
}

/// Var(W) of one weight drawn by `init` ("xavier", "he", …) for a layer with `nIn` inputs and
/// `nOut` units, with initScale `scale` (0 for the deterministic "zeros", "constant", "identity").
#[wasm_bindgen(js_name = initVariance)]
pub fn init_variance(
    init: &str,
    #[wasm_bindgen(js_name = nIn)] n_in: f64,
    #[wasm_bindgen(js_name = nOut)] n_out: f64,
    scale: f64,
) -> Result<f64, JsError> {
    let scheme: Init = from_js(JsValue::from_str(init), "initVariance(init)").map_err(js_error)?;
    let n_in = whole_number("initVariance(nIn): nIn", n_in, 1.0, 1e6).map_err(js_error)?;
    let n_out = whole_number("initVariance(nOut): nOut", n_out, 1.0, 1e6).map_err(js_error)?;
    if !(scale.is_finite() && scale >= 0.0) {
        return Err(js_error(Error::invalid("initVariance(scale): scale", "finite and ≥ 0", scale)));
    }
    Ok(scheme.variance(n_in as usize, n_out as usize, scale))
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
pub fn activation_curve(activation: &str, zmin: f64, zmax: f64, n: f64) -> Result<JsValue, JsError> {
    let g: Activation = from_js(JsValue::from_str(activation), "activationCurve(activation)").map_err(js_error)?;
    let n = whole_number("activationCurve(n): n", n, 2.0, MAX_CURVE_POINTS).map_err(js_error)? as usize;
    if !(zmin.is_finite() && zmax.is_finite() && zmin < zmax) {
        return Err(js_error(Error::new(format!(
            "activationCurve: zmin and zmax must be finite with zmin < zmax, got {zmin} and {zmax}"
        ))));
    }
    let z: Vec<f64> = (0..n).map(|k| zmin + (zmax - zmin) * k as f64 / (n - 1) as f64).collect();
    let values: Vec<f64> = z.iter().map(|&z| g.apply(z)).collect();
    let derivative = z.iter().zip(&values).map(|(&z, &a)| g.derivative(z, a)).collect();
    Ok(to_js(&Curve { z, g: values, derivative }))
}

/// The config of the lecture's deep linear toy: `layers` hidden layers of 2 linear units with
/// W = c·I, on the regression plane. Hidden layer l outputs c^l·x.
#[wasm_bindgen(js_name = deepLinearToy, unchecked_return_type = "PlaygroundConfig")]
pub fn deep_linear_toy(layers: f64, c: f64) -> Result<JsValue, JsError> {
    let layers =
        whole_number("deepLinearToy(layers): layers", layers, 1.0, MAX_HIDDEN_LAYERS as f64).map_err(js_error)?;
    let config = stats::deep_linear_toy(layers as usize, c).validated().map_err(js_error)?;
    Ok(to_js(&config))
}
