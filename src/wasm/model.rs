//! The user's own data and models: CSV of points in and out, model export and exact import.

use super::input;
use super::memory;
use super::output::{js_error, to_js};
use super::Playground;
use crate::config::{Range, MAX_SAMPLES};
use crate::data::points_csv;
use crate::error::{Code, Error};
use crate::session::model::Model;
use wasm_bindgen::prelude::*;

/// Longest CSV text `parsePointsCsv` reads (a point a line takes well under 100 characters).
const MAX_CSV_CHARACTERS: usize = 100 * MAX_SAMPLES;
/// Most values a model file may hold: the parameters of the biggest network (16 layers of 128
/// units, about 248 000) and a config with the most points.
const MODEL_BUDGET: u32 = 300_000;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** An exported model: restoring it gives the same data and the same predictions. */
export interface ExportedModel {
  format: "nn-playground-model";
  version: 1;
  config: PlaygroundConfig;
  /** Every W (row-major, nOut × nIn) and b, layer after layer, then the γ of batch-normalized layers. */
  parameters: number[];
  /** With `batchNorm: "on"`: each hidden layer's running means, then its running variances. */
  runningStatistics?: number[];
  /** Updates the model had when exported. */
  step: number;
}
"#;

/// Parses CSV text (lines `x,y,label`, optional header, `#` comments) into
/// [x0, y0, label0, …] for the config's `points`; throws an Error listing the bad lines (the
/// first 10, then how many more).
#[wasm_bindgen(js_name = parsePointsCsv)]
pub fn parse_points_csv(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> Result<Vec<f64>, JsValue> {
    input::text(&text, "text", MAX_CSV_CHARACTERS)
        .and_then(|text| points_csv::parse(&text))
        .map_err(|e| js_error(e.in_call("parsePointsCsv(text)")))
}

/// Writes [x0, y0, label0, …] (a whole number of points) as CSV with a header line.
#[wasm_bindgen(js_name = pointsToCsv)]
pub fn points_to_csv(
    #[wasm_bindgen(unchecked_param_type = "number[] | Float64Array | Float32Array")] points: JsValue,
) -> Result<String, JsValue> {
    let read = || {
        let points = input::numbers(&points, "points", 3 * MAX_SAMPLES)?;
        if points.len() % 3 != 0 {
            return Err(Error::new(Code::WrongLength, "points").with("multiple", 3.0).with("got", points.len()));
        }
        for (i, &x) in points.iter().enumerate() {
            Range::FINITE.check(&format!("points[{i}]"), x)?;
        }
        Ok(points_csv::format(&points))
    };
    read().map_err(|e| js_error(e.in_call("pointsToCsv(points)")))
}

#[wasm_bindgen]
impl Playground {
    /// The model: config and parameters, as a plain object (JSON-ready).
    #[wasm_bindgen(js_name = exportModel, unchecked_return_type = "ExportedModel")]
    pub fn export_model(&self) -> JsValue {
        to_js(&Model::of(&self.session))
    }

    /// A playground restored from an exported model; throws an Error naming what does not fit.
    #[wasm_bindgen(js_name = fromModel)]
    pub fn from_model(
        #[wasm_bindgen(unchecked_param_type = "ExportedModel")] model: JsValue,
    ) -> Result<Playground, JsValue> {
        input::plain_within(&model, "model", MODEL_BUDGET)
            .and_then(|plain| Model::from_value(&plain))
            .and_then(Model::restore)
            .and_then(memory::within_limit)
            .map(Playground::with_session)
            .map_err(|e| js_error(e.in_call("fromModel(model)")))
    }
}
