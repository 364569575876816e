//! The normalization lab's methods: loss surfaces with the optimizer's path, condition numbers,
//! a suggested learning rate, and the Hessian's sharpness.

use super::input;
use super::output::{js_error, set, to_js};
use super::Playground;
use crate::analysis::conditioning;
use crate::analysis::curvature;
use crate::analysis::landscape::{self, SurfaceRequest};
use crate::config::Value;
use js_sys::{Float32Array, Float64Array};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A loss surface: node (r, c) is at x = xRange[0] + c·Δ, y = yRange[1] − r·Δ. */
export interface LossSurface {
  kind: "weights2d" | "random" | "pca" | "line" | "hessian";
  res: number;
  span: number;
  xRange: [number, number];
  yRange: [number, number];
  /** res·res costs, row-major, first row at yRange[1] (res values for "line"). */
  values: Float32Array;
  /** The trajectory in axis coordinates [a0, b0, a1, b1, …], ending at the current point; for
   *  "line" [t0, J0, t1, NaN, …, 1, J]: each snapshot's t, with the cost only at the two ends. */
  path: Float32Array;
  /** Update count of each path point (NaN for the current point). */
  pathSteps: Float64Array;
  /** Cost at the current parameters. */
  current: number;
  currentPoint: [number, number];
  /** "pca": fraction of the trajectory's variance along each axis. */
  explained: [number, number] | null;
  /** "hessian": the Hessian's eigenvalues λ₁, λ₂ along the two axes (|λ₁| ≥ |λ₂|). */
  eigenvalues: [number, number] | null;
  /** What each axis measures (the page words it): "weight1", "weight2" (the weights of x₁ and x₂;
   *  with a single input feature "weight1" and "bias", its weight and the unit's bias),
   *  "randomDelta", "randomEta", "pc1", "pc2", "t" (0 = initial, 1 = current parameters), "cost",
   *  "eigen1", "eigen2" (the Hessian's top two eigenvectors). */
  axes: [string, string];
  /** "weights2d" with hidden layers: the first-layer unit (from 0) whose parameters the axes are. */
  unit: number | null;
}

/** The log-spaced bands `drawLossSurface` painted: band b of `count` holds the costs from
 *  lo·(hi/lo)^(b/count) to lo·(hi/lo)^((b+1)/count); lo is the smallest positive cost (at most 12
 *  decades below hi), hi the largest finite one. */
export interface SurfaceLevels { lo: number; hi: number; count: number; }

export interface Spectrum { lambdaMax: number; lambdaMin: number; kappa: number; }

export interface Conditioning {
  rawCovariance: Spectrum;
  inputCovariance: Spectrum;
  rawSecondMoment: Spectrum;
  inputSecondMoment: Spectrum;
  /** Only for a net without hidden layers. */
  hessian: Spectrum | null;
}

export interface LearningRateSuggestion {
  learningRate: number;
  method: "hessian" | "sweep";
  hessianBound: Spectrum | null;
  /** Updates of each trial run of the sweep: 100, fewer on a big network (null for "hessian"). */
  sweepUpdates: number | null;
}

/** The Hessian's largest eigenvalue at the current parameters (exact Hessian–vector products). */
export interface Sharpness {
  lambdaMax: number;
  /** 2/λmax: full-batch gradient descent is stable near here only with a smaller step. */
  stableStep: number;
  iterations: number;
  /** Training points the cost was taken over (fewer than all when the work budget says so). */
  points: number;
}
"#;

#[wasm_bindgen]
impl Playground {
    /// The loss surface `request` asks for, with the optimizer's path projected on it.
    #[wasm_bindgen(js_name = lossSurface, unchecked_return_type = "LossSurface")]
    pub fn loss_surface(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SurfaceRequest")] request: JsValue,
    ) -> Result<JsValue, JsValue> {
        let read = |request: &JsValue| match input::plain(request, "request")? {
            Value::Null => Ok(SurfaceRequest::default()),
            plain => SurfaceRequest::from_value(&plain),
        };
        let surface = read(&request)
            .and_then(|request| landscape::surface(&self.session, &request))
            .map_err(|e| js_error(e.in_call("lossSurface(request)")))?;
        let object = to_js(&surface);
        let as_f32: Vec<f32> = surface.values.iter().map(|&v| v as f32).collect();
        let path: Vec<f32> = surface.path.iter().map(|&v| v as f32).collect();
        set(&object, "values", &Float32Array::from(as_f32.as_slice()));
        set(&object, "path", &Float32Array::from(path.as_slice()));
        set(&object, "pathSteps", &Float64Array::from(surface.path_steps.as_slice()));
        Ok(object)
    }

    /// Condition numbers of the inputs and, without hidden layers, of the Hessian.
    #[wasm_bindgen(unchecked_return_type = "Conditioning")]
    pub fn conditioning(&self) -> JsValue {
        to_js(&conditioning::of_session(&self.session))
    }

    /// A learning rate that trains fast without diverging (from the Hessian without hidden
    /// layers, from a short sweep otherwise; a network and data too big for the sweep are refused).
    #[wasm_bindgen(js_name = suggestLearningRate, unchecked_return_type = "LearningRateSuggestion")]
    pub fn suggest_learning_rate(&self) -> Result<JsValue, JsValue> {
        conditioning::suggest_learning_rate(&self.session)
            .map(|suggestion| to_js(&suggestion))
            .map_err(|e| js_error(e.in_call("suggestLearningRate()")))
    }

    /// λ_max of the cost's Hessian at the current parameters, by power iteration on exact
    /// Hessian–vector products (Pearlmutter's R-operator) over the training set.
    #[wasm_bindgen(unchecked_return_type = "Sharpness")]
    pub fn sharpness(&self) -> Result<JsValue, JsValue> {
        curvature::session_sharpness(&self.session)
            .map(|sharpness| to_js(&sharpness))
            .map_err(|e| js_error(e.in_call("sharpness()")))
    }
}
