//! The backprop explorer's and the network diagram's methods: a traced forward/backward pass,
//! the parameters with their last gradient, every unit's output over the plane, and the noise
//! of the mini-batch loss.

use super::{js_error, to_js, whole_number, Playground};
use crate::diagnostics::loss_noise;
use crate::error::Error;
use js_sys::{Array, Float64Array, Object, Reflect, Uint32Array};
use wasm_bindgen::prelude::*;

/// Most values one `unitOutputs` call returns (units × res²): 64 MB of f32.
const MAX_UNIT_OUTPUTS: usize = 1 << 24;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** One layer of a traced pass. Per-example quantities are nOut × m, row-major (one row per unit). */
export interface LayerTrace {
  nIn: number;
  nOut: number;
  /** W[l], nOut × nIn, row-major. */
  weights: number[];
  biases: number[];
  /** z[l] = W[l] a[l−1] + b[l]. */
  z: number[];
  /** a[l] = g(z[l]). */
  a: number[];
  /** δ[l] = ∂J/∂z[l] (with the 1/m of the mean). */
  delta: number[];
  /** ∂J/∂W[l] = δ[l] a[l−1]ᵀ (+ λW[l]), nOut × nIn. */
  gradWeights: number[];
  gradBiases: number[];
}

/** A forward and backward pass on m training examples, as training computes it. */
export interface BackpropTrace {
  m: number;
  /** The examples' rows in the training set. */
  rows: number[];
  /** a[0], 2 × m: the inputs the network sees (normalized). */
  input: number[];
  targets: number[];
  loss: number;
  cost: number;
  layers: LayerTrace[];
}

/** Weights and biases of one layer with the gradient of the last update. */
export interface LayerParameters {
  nIn: number;
  nOut: number;
  weights: Float64Array;
  biases: Float64Array;
  gradWeights: Float64Array;
  gradBiases: Float64Array;
}
"#;

#[wasm_bindgen]
impl Playground {
    /// Forward and backward pass on training rows `rows` (default: the next mini-batch), with
    /// every intermediate kept.
    #[wasm_bindgen(js_name = backpropTrace, unchecked_return_type = "BackpropTrace")]
    pub fn backprop_trace(&self, rows: Option<Vec<u32>>) -> Result<JsValue, JsError> {
        let rows: Vec<usize> = match rows {
            Some(rows) => rows.into_iter().map(|r| r as usize).collect(),
            None => self.session.next_batch().to_vec(),
        };
        Ok(to_js(&self.session.trace(&rows).map_err(js_error)?))
    }

    /// Training-set rows of the next mini-batch update.
    #[wasm_bindgen(js_name = nextBatch)]
    pub fn next_batch(&self) -> Uint32Array {
        let rows: Vec<u32> = self.session.next_batch().iter().map(|&r| r as u32).collect();
        Uint32Array::from(rows.as_slice())
    }

    /// Per layer: weights, biases and the gradient of the last update (zeros before the first).
    #[wasm_bindgen(unchecked_return_type = "LayerParameters[]")]
    pub fn parameters(&self) -> Array {
        let net = self.session.network();
        let grad = self.session.last_gradient();
        net.layers
            .iter()
            .map(|layer| {
                let object = Object::new();
                for (key, value) in [
                    ("nIn", JsValue::from(layer.n_in as u32)),
                    ("nOut", JsValue::from(layer.n_out as u32)),
                    ("weights", Float64Array::from(&net.params[layer.weights()]).into()),
                    ("biases", Float64Array::from(&net.params[layer.biases()]).into()),
                    ("gradWeights", Float64Array::from(&grad[layer.weights()]).into()),
                    ("gradBiases", Float64Array::from(&grad[layer.biases()]).into()),
                ] {
                    // Setting a property on a fresh plain object cannot fail.
                    let _ = Reflect::set(&object, &key.into(), &value);
                }
                JsValue::from(object)
            })
            .collect()
    }

    /// Every unit's output (hidden layers in order, then the output unit) on a res×res grid of
    /// cell centres, laid out like `boundary` and like it in single precision: unit u's grid
    /// starts at u·res².
    #[wasm_bindgen(js_name = unitOutputs)]
    pub fn unit_outputs(&mut self, res: f64, xmin: f64, xmax: f64, ymin: f64, ymax: f64) -> Result<Vec<f32>, JsError> {
        let (grid, n) = super::grid("unitOutputs", res, [xmin, xmax, ymin, ymax])?;
        let units = self.session.network().unit_count();
        if n > MAX_UNIT_OUTPUTS / units {
            return Err(js_error(Error::new(format!(
                "unitOutputs: units × res² must be at most {MAX_UNIT_OUTPUTS}, got {units} × {n}; lower res"
            ))));
        }
        let mut out = Vec::new();
        self.session.unit_outputs(grid, n, &mut out);
        Ok(out)
    }

    /// The noise of the recorded mini-batch loss: RMS deviation from a centred moving average
    /// over `window` records (default 21); null until there are enough records.
    #[wasm_bindgen(js_name = batchLossNoise)]
    pub fn batch_loss_noise(&self, window: Option<f64>) -> Result<Option<f64>, JsError> {
        let window =
            whole_number("batchLossNoise(window): window", window.unwrap_or(21.0), 3.0, 10_001.0).map_err(js_error)?;
        Ok(loss_noise(&self.session.history().batch_loss, window as usize))
    }
}
