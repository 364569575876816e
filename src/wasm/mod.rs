//! The `#[wasm_bindgen]` boundary: the JS class `Playground` and `defaultConfig()`. Thin: it
//! converts arguments, checks what JS can get wrong (lengths, ranges, names) and delegates to
//! [`crate::train::Session`]. Every failure becomes a thrown JS `Error` naming what is wrong.
//! This file holds the class and its training/drawing methods; each submodule adds the methods
//! of one view in its own `#[wasm_bindgen] impl Playground` block.

use crate::config::Config;
use crate::data;
use crate::error::Error;
use crate::train::{History, Session};
use js_sys::{Float64Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

mod explorer;
mod landscape;
mod model;
mod stats;

pub use model::{parse_points_csv, points_to_csv};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Configuration of a playground; every key is optional. */
export interface PlaygroundConfig {
  /** Classification: "circle" | "xor" | "gauss" | "spiral" | "moons"; regression: "plane" | "gaussians"; either: "custom" (the user's `points`). */
  dataset?: "circle" | "xor" | "gauss" | "spiral" | "moons" | "plane" | "gaussians" | "custom";
  /** Number of points, train and test together (10..5000). Default 500. Ignored for "custom". */
  samples?: number;
  /** The user's points for dataset "custom": [x0, y0, label0, x1, …] (2..5000 points; labels 0/1 for classification). */
  points?: number[];
  /** Noise level, 0..0.5. Default 0. */
  noise?: number;
  /** Fraction of points used for training, 0.1..0.9. Default 0.5. */
  trainFraction?: number;
  /** Seed of data, initial weights and mini-batch order (u32). Default 1. */
  seed?: number;
  /** Per-feature factor applied to the raw features. Default [1, 1]. */
  scale?: [number, number];
  /** Rotation in degrees after scaling (correlates unequally scaled features). Default 0. */
  rotation?: number;
  /** Per-feature offset added after scaling and rotation. Default [0, 0]. */
  offset?: [number, number];
  /** Input normalization fitted on the training split. Default "none". */
  normalize?: "none" | "standardize";
  /** Units per hidden layer (0..16 layers of 1..128 units). Default [4, 2]. */
  hidden?: number[];
  /** Activation of the hidden layers. Default "tanh". */
  activation?: "tanh" | "relu" | "leakyRelu" | "sigmoid" | "linear";
  /** Weight initialization ("identity": W = initScale·I). Default "xavier". */
  init?: "xavier" | "xavierNormal" | "he" | "lecun" | "normal" | "uniform" | "zeros" | "constant" | "identity";
  /** Factor on the initial weights (the value itself for "constant"). Default 1. */
  initScale?: number;
  /** Update rule. Default "sgd". */
  optimizer?: "sgd" | "momentum" | "adam";
  /** Step size α > 0. Default 0.03. */
  learningRate?: number;
  /** Mini-batch size ≥ 1, capped at the training set size. Default 10. */
  batchSize?: number;
  /** L2 penalty λ ≥ 0 on the weights. Default 0. */
  l2?: number;
  /** Momentum coefficient β in [0, 1). Default 0.9. */
  momentum?: number;
  /** Adam's β1 in [0, 1). Default 0.9. */
  beta1?: number;
  /** Adam's β2 in [0, 1). Default 0.999. */
  beta2?: number;
  /** Adam's ε > 0. Default 1e-8. */
  epsilon?: number;
  /** Default "classification". */
  problem?: "classification" | "regression";
}

/** What `step` returns. */
export interface StepReport {
  epoch: number;
  step: number;
  /** Mean loss of the last mini-batch (NaN before the first step). */
  batchLoss: number;
  trainLoss: number;
  testLoss: number;
  /** null for regression. */
  trainAccuracy: number | null;
  testAccuracy: number | null;
  /** True once a loss became NaN, infinite or above 1e12, or a parameter non-finite; training
   *  then stops and the parameters go back to the last finite state. */
  diverged: boolean;
  /** Why training diverged, or null. */
  message: string | null;
}

/** The losses recorded at every `step` call. */
export interface LossHistory {
  step: Float64Array;
  batchLoss: Float64Array;
  trainLoss: Float64Array;
  testLoss: Float64Array;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// A `PlaygroundConfig` object from JS.
    #[wasm_bindgen(typescript_type = "PlaygroundConfig")]
    pub type JsConfig;
    /// A `StepReport` object for JS.
    #[wasm_bindgen(typescript_type = "StepReport")]
    pub type JsReport;
    /// A `LossHistory` object for JS.
    #[wasm_bindgen(typescript_type = "LossHistory")]
    pub type JsHistory;
}

/// Most updates one `step` call may run.
const MAX_STEPS_PER_CALL: f64 = 1e6;
/// Largest boundary grid side.
const MAX_RESOLUTION: f64 = 2000.0;

pub(crate) fn js_error(error: Error) -> JsError {
    JsError::new(error.message())
}

/// Converts a serde value to a plain JS object (None → null, maps → objects).
pub(crate) fn to_js<T: Serialize>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// Reads a config object; `undefined`/`null` means all defaults. Type errors name the key path.
fn parse_config(value: JsValue) -> Result<Config, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(Config::default());
    }
    reject_unknown_keys(&value)?;
    from_js(value, "config")
}

/// Deserializes a plain JS object; an error names the key path (or `what` for the whole value).
pub(crate) fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, Error> {
    serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value)).map_err(|e| {
        let path = e.path().to_string();
        let key = if path == "." { what } else { &path };
        // The inner error is a JS Error; its text starts with "Error: ".
        let text = e.inner().to_string();
        Error::new(format!("{key}: {}", text.strip_prefix("Error: ").unwrap_or(&text)))
    })
}

/// Fails on a key the config does not have (serde-wasm-bindgen only reads the known ones, so a
/// typo such as `learningrate` would otherwise be ignored without a word).
fn reject_unknown_keys(value: &JsValue) -> Result<(), Error> {
    let Some(object) = value.dyn_ref::<Object>() else {
        return Err(Error::new("config: must be an object"));
    };
    let defaults: Object = to_js(&Config::default()).unchecked_into();
    let known: Vec<String> = Object::keys(&defaults).iter().filter_map(|k| k.as_string()).collect();
    for key in Object::keys(object).iter().filter_map(|k| k.as_string()) {
        if !known.contains(&key) {
            return Err(Error::new(format!("config: unknown key `{key}`; the keys are {}", known.join(", "))));
        }
    }
    Ok(())
}

/// Checks that `value` is a whole number in [lo, hi].
pub(crate) fn whole_number(name: &str, value: f64, lo: f64, hi: f64) -> Result<u32, Error> {
    if value.fract() == 0.0 && value >= lo && value <= hi {
        Ok(value as u32)
    } else {
        Err(Error::invalid(name, &format!("a whole number from {lo} to {hi}"), value))
    }
}

/// The cell centres of a res×res grid over [xmin, xmax]×[ymin, ymax], row-major, first row at
/// ymax, first column at xmin; and their number.
/// `call` names the JS method in error messages.
pub(crate) fn grid(
    call: &str,
    res: f64,
    [xmin, xmax, ymin, ymax]: [f64; 4],
) -> Result<(impl Iterator<Item = [f64; 2]>, usize), JsError> {
    let n = whole_number(&format!("{call}(res): res"), res, 1.0, MAX_RESOLUTION).map_err(js_error)? as usize;
    for (name, lo, hi) in [("x", xmin, xmax), ("y", ymin, ymax)] {
        if !(lo.is_finite() && hi.is_finite() && lo < hi) {
            return Err(js_error(Error::new(format!(
                "{call}: {name}min and {name}max must be finite with {name}min < {name}max, got {lo} and {hi}"
            ))));
        }
    }
    let (dx, dy) = ((xmax - xmin) / n as f64, (ymax - ymin) / n as f64);
    let points =
        (0..n).flat_map(move |r| (0..n).map(move |c| [xmin + (c as f64 + 0.5) * dx, ymax - (r as f64 + 0.5) * dy]));
    Ok((points, n * n))
}

/// The defaults of every config key.
#[wasm_bindgen(js_name = defaultConfig, unchecked_return_type = "PlaygroundConfig")]
pub fn default_config() -> JsValue {
    to_js(&Config::default().validated().expect("defaults are valid"))
}

/// A network being trained on a 2-D dataset, with everything the page draws.
#[wasm_bindgen]
pub struct Playground {
    pub(crate) session: Session,
}

#[wasm_bindgen]
impl Playground {
    /// Builds the data and the network; throws an Error naming the first invalid key.
    #[wasm_bindgen(constructor)]
    pub fn new(config: Option<JsConfig>) -> Result<Playground, JsError> {
        console_error_panic_hook::set_once();
        let config = parse_config(config.map(JsValue::from).unwrap_or(JsValue::UNDEFINED)).map_err(js_error)?;
        Ok(Playground::with_session(Session::new(config).map_err(js_error)?))
    }

    /// The full config the playground runs with, every default filled in.
    #[wasm_bindgen(unchecked_return_type = "PlaygroundConfig")]
    pub fn config(&self) -> JsValue {
        to_js(self.session.config())
    }

    /// Runs `n` mini-batch updates (0 only reports) and returns the report.
    pub fn step(&mut self, n: f64) -> Result<JsReport, JsError> {
        let n = whole_number("step(n): n", n, 0.0, MAX_STEPS_PER_CALL).map_err(js_error)?;
        Ok(to_js(&self.session.step(n)).unchecked_into())
    }

    /// Outputs at points [x0, y0, x1, y1, …] given in data coordinates.
    pub fn predict(&mut self, points: &[f32]) -> Result<Vec<f32>, JsError> {
        if points.len() % 2 != 0 {
            return Err(js_error(Error::new(format!(
                "predict(points): points must hold x, y pairs (an even length), got {} numbers",
                points.len()
            ))));
        }
        if let Some(i) = points.iter().position(|v| !v.is_finite()) {
            return Err(js_error(Error::invalid(&format!("predict(points): points[{i}]"), "finite", points[i])));
        }
        let pairs = points.chunks_exact(2).map(|p| [p[0] as f64, p[1] as f64]);
        let mut outputs = Vec::with_capacity(points.len() / 2);
        self.session.predict(pairs, &mut outputs);
        Ok(outputs.into_iter().map(|v| v as f32).collect())
    }

    /// Outputs on a res×res grid of cell centres over [xmin, xmax]×[ymin, ymax], row-major,
    /// first row at ymax, first column at xmin; computed in single precision, for drawing.
    pub fn boundary(&mut self, res: f64, xmin: f64, xmax: f64, ymin: f64, ymax: f64) -> Result<Vec<f32>, JsError> {
        let (grid, n) = grid("boundary", res, [xmin, xmax, ymin, ymax])?;
        let mut out = Vec::with_capacity(n);
        self.session.predict_for_drawing(grid, &mut out);
        Ok(out)
    }

    /// The data domain [xmin, xmax, ymin, ymax] in data coordinates.
    pub fn bounds(&self) -> Vec<f32> {
        data::bounds(self.session.config()).iter().map(|&v| v as f32).collect()
    }

    /// Points of a split, [x0, y0, label0, x1, …] in data coordinates; `which` is "train" or "test".
    pub fn points(&self, which: &str) -> Result<Vec<f32>, JsError> {
        let split = self.session.split();
        let points = match which {
            "train" => &split.train,
            "test" => &split.test,
            other => {
                return Err(js_error(Error::invalid(
                    "points(which): which",
                    "\"train\" or \"test\"",
                    format!("{other:?}"),
                )))
            }
        };
        Ok(points.interleaved().into_iter().map(|v| v as f32).collect())
    }

    /// The losses recorded at every `step` call.
    pub fn history(&self) -> JsHistory {
        let History { step, batch_loss, train_loss, test_loss } = self.session.history();
        let object = Object::new();
        for (key, values) in
            [("step", step), ("batchLoss", batch_loss), ("trainLoss", train_loss), ("testLoss", test_loss)]
        {
            // Setting a property on a fresh plain object cannot fail.
            let _ = Reflect::set(&object, &key.into(), &Float64Array::from(values.as_slice()));
        }
        object.unchecked_into()
    }

    /// ‖g_backprop − g_numeric‖ / (‖g_backprop‖ + ‖g_numeric‖) at the current parameters.
    #[wasm_bindgen(js_name = gradientCheck)]
    pub fn gradient_check(&self) -> f64 {
        self.session.gradient_check()
    }
}

impl Playground {
    /// Wraps a session.
    pub(crate) fn with_session(session: Session) -> Playground {
        Playground { session }
    }
}
