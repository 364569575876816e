//! The backprop explorer's and the network diagram's methods: a traced forward/backward pass,
//! the parameters with their last gradient, every input's and unit's output over the plane, and
//! the noise of the mini-batch loss.

use super::input::{self, optional};
use super::output::{js_error, set, to_js};
use super::playground::Grid;
use super::Playground;
use crate::analysis::diagnostics::loss_noise;
use crate::analysis::explorer;
use crate::config::Range;
use crate::error::Error;
use js_sys::{Array, Float64Array, Object, Uint32Array};
use wasm_bindgen::prelude::*;

/// Most values one `unitOutputs` call returns (units × res²): 64 MB of f32.
const MAX_UNIT_OUTPUTS: usize = 1 << 24;
/// Most rows × units one `backpropTrace` call traces.
const MAX_TRACE_VALUES: usize = 1 << 18;
/// Records of the moving average `batchLossNoise` measures against, by default.
const DEFAULT_NOISE_WINDOW: usize = 21;
/// `batchLossNoise` looks at the latest this many windows of records: the noise now, not the
/// fall of the loss early in training.
const NOISE_WINDOWS: usize = 10;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** One layer of a traced pass. Per-example quantities are nOut × m, row-major (one row per unit). */
export interface LayerTrace {
  nIn: number;
  nOut: number;
  /** W[l], nOut × nIn, row-major. */
  weights: number[];
  /** b[l] (β when the layer is batch-normalized). */
  biases: number[];
  /** z[l] = W[l] a[l−1] + b[l] (no b when batch-normalized). */
  z: number[];
  /** a[l] = g(z[l]), or g(z̃[l]) when batch-normalized. */
  a: number[];
  /** δ[l] = ∂J/∂z[l] (with the 1/m of the mean). */
  delta: number[];
  /** ∂J/∂W[l] = δ[l] a[l−1]ᵀ (+ λW[l]), nOut × nIn. */
  gradWeights: number[];
  /** ∂J/∂b[l] (∂J/∂β when batch-normalized). */
  gradBiases: number[];
  /** The batch-normalization stage, on hidden layers of a network with `batchNorm: "on"`. */
  norm?: NormTrace;
}

/** z̃ = γ·ẑ + β with ẑ = (z − μ_B)/√(σ²_B + ε) over the m examples; per-example values nOut × m. */
export interface NormTrace {
  /** μ_B of each unit. */
  mean: number[];
  /** σ²_B of each unit (divided by m). */
  variance: number[];
  gamma: number[];
  zHat: number[];
  /** z̃: what the activation receives. */
  zTilde: number[];
  /** ∂J/∂z̃ = (W[l+1]ᵀ δ[l+1]) ⊙ g'(z̃); `delta` is ∂J/∂z, through μ_B and σ²_B. */
  deltaTilde: number[];
  /** ∂J/∂γ = Σ ∂J/∂z̃ · ẑ over the examples. */
  gradGamma: number[];
}

/** A forward and backward pass on m training examples, as training computes it. */
export interface BackpropTrace {
  m: number;
  /** The examples' rows in the training set. */
  rows: number[];
  /** a[0], inputs × m: the features the network sees (normalized), one row per feature of `config().features`. */
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
  /** γ of a batch-normalized layer (its β are `biases`). */
  gamma?: Float64Array;
  gradGamma?: Float64Array;
}
"#;

#[wasm_bindgen]
impl Playground {
    /// Forward and backward pass on training rows `rows` (default: the next mini-batch), with
    /// every intermediate kept; rows × units may be at most 2¹⁸.
    #[wasm_bindgen(js_name = backpropTrace, unchecked_return_type = "BackpropTrace")]
    pub fn backprop_trace(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "number[] | Uint32Array")] rows: JsValue,
    ) -> Result<JsValue, JsValue> {
        let trace = || -> crate::error::Result<_> {
            let units = self.session.network().unit_count();
            let max_rows = MAX_TRACE_VALUES / units;
            let rows: Vec<usize> = match optional(&rows) {
                Some(rows) => {
                    let rows = input::numbers(rows, "rows", max_rows)?;
                    let whole = Range::closed(0.0, u32::MAX as f64);
                    for (i, &row) in rows.iter().enumerate() {
                        whole.check(&format!("rows[{i}]"), row)?;
                    }
                    rows.into_iter().map(|r| r as usize).collect()
                }
                None => self.session.next_batch().to_vec(),
            };
            if rows.len() > max_rows {
                return Err(Error::too_large("rows", max_rows as f64, rows.len() as f64, "rows"));
            }
            explorer::trace(&self.session, &rows)
        };
        trace().map(|t| to_js(&t)).map_err(|e| js_error(e.in_call("backpropTrace(rows)")))
    }

    /// Training-set rows of the next mini-batch update.
    #[wasm_bindgen(js_name = nextBatch)]
    pub fn next_batch(&self) -> Uint32Array {
        let rows: Vec<u32> = self.session.next_batch().iter().map(|&r| r as u32).collect();
        Uint32Array::from(rows.as_slice())
    }

    /// Per layer: weights, biases (and γ of a batch-normalized layer) and the gradient of the
    /// last update (zeros before the first).
    #[wasm_bindgen(unchecked_return_type = "LayerParameters[]")]
    pub fn parameters(&self) -> Array {
        let net = self.session.network();
        let grad = self.session.last_gradient();
        net.layers
            .iter()
            .map(|layer| {
                let object: JsValue = Object::new().into();
                set(&object, "nIn", &JsValue::from(layer.n_in as u32));
                set(&object, "nOut", &JsValue::from(layer.n_out as u32));
                set(&object, "weights", &Float64Array::from(&net.params[layer.weights()]));
                set(&object, "biases", &Float64Array::from(&net.params[layer.biases()]));
                set(&object, "gradWeights", &Float64Array::from(&grad[layer.weights()]));
                set(&object, "gradBiases", &Float64Array::from(&grad[layer.biases()]));
                if let Some(gammas) = layer.gammas() {
                    set(&object, "gamma", &Float64Array::from(&net.params[gammas.clone()]));
                    set(&object, "gradGamma", &Float64Array::from(&grad[gammas]));
                }
                object
            })
            .collect()
    }

    /// Every unit's output (hidden layers in order, then the output unit) on a res×res grid of
    /// cell centres, laid out like `boundary` and like it in single precision: unit u's grid
    /// starts at u·res²; units × res² may be at most 2²⁴.
    #[wasm_bindgen(js_name = unitOutputs)]
    pub fn unit_outputs(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] res: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] xmin: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] xmax: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] ymin: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] ymax: JsValue,
    ) -> Result<Vec<f32>, JsValue> {
        let units = self.session.network().unit_count();
        // Within the work budget too: the cap on outputs binds first.
        let grid = capped_grid(&res, [&xmin, &xmax, &ymin, &ymax], units, "grid cells for this many units")
            .map_err(|e| js_error(e.in_call("unitOutputs")))?;
        Ok(self.unit_values(&grid))
    }

    /// The network's inputs — its features (`config().features`), normalized like the training
    /// data — on a res×res grid laid out like `unitOutputs`: input f's grid starts at f·res²;
    /// inputs × res² may be at most 2²⁴.
    #[wasm_bindgen(js_name = inputOutputs)]
    pub fn input_outputs(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] res: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] xmin: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] xmax: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] ymin: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] ymax: JsValue,
    ) -> Result<Vec<f32>, JsValue> {
        let inputs = self.session.network().inputs();
        let grid = capped_grid(&res, [&xmin, &xmax, &ymin, &ymax], inputs, "grid cells for this many inputs")
            .map_err(|e| js_error(e.in_call("inputOutputs")))?;
        Ok(self.input_values(&grid))
    }

    /// The noise of the recorded mini-batch loss: RMS deviation from a centred moving average
    /// over `window` records (default 21; an even window counts as the next odd one, so it is
    /// centred), over the latest ten windows of records; undefined until there are a window's.
    #[wasm_bindgen(js_name = batchLossNoise)]
    pub fn batch_loss_noise(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "number")] window: JsValue,
    ) -> Result<Option<f64>, JsValue> {
        let window = match optional(&window) {
            Some(w) => input::whole(w, "window", &Range::closed(3.0, 10_001.0))
                .map_err(|e| js_error(e.in_call("batchLossNoise(window)")))?,
            None => DEFAULT_NOISE_WINDOW,
        };
        let losses = &self.session.history().batch_loss;
        Ok(loss_noise(&losses[losses.len().saturating_sub(NOISE_WINDOWS * window)..], window))
    }
}

impl Playground {
    /// Every node of the network diagram on a res×res grid: the inputs (as `inputOutputs`), then
    /// every unit (as `unitOutputs`), one after the other; nodes × res² may be at most 2²⁴.
    /// Returns the grid's side and the values.
    pub(super) fn node_maps(
        &mut self,
        res: &JsValue,
        window: [&JsValue; 4],
    ) -> crate::error::Result<(usize, Vec<f32>)> {
        let net = self.session.network();
        let grid = capped_grid(res, window, net.inputs() + net.unit_count(), "grid cells for this many nodes")?;
        let mut maps = self.input_values(&grid);
        maps.extend_from_slice(&self.unit_values(&grid));
        Ok((grid.res(), maps))
    }

    /// Every unit's output over `grid` (`unitOutputs`' values; one copy of the drawing pass for
    /// every caller).
    #[inline(never)]
    fn unit_values(&mut self, grid: &Grid) -> Vec<f32> {
        let mut out = Vec::new();
        self.session.unit_outputs(grid.centres(), grid.len(), &mut out);
        out
    }

    /// Every input over `grid` (`inputOutputs`' values).
    #[inline(never)]
    fn input_values(&self, grid: &Grid) -> Vec<f32> {
        let mut out = Vec::new();
        self.session.input_maps(grid.centres(), grid.len(), &mut out);
        out
    }
}

/// The res×res grid over the window, refused by name (`res`, counted in `unit`) when `maps`
/// heatmaps of it would hold more than [`MAX_UNIT_OUTPUTS`] values.
fn capped_grid(res: &JsValue, window: [&JsValue; 4], maps: usize, unit: &str) -> crate::error::Result<Grid> {
    let grid = Grid::read(res, window)?;
    let max = MAX_UNIT_OUTPUTS / maps;
    if grid.len() > max {
        return Err(Error::too_large("res", max as f64, grid.len() as f64, unit));
    }
    Ok(grid)
}
