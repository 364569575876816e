//! The user's own data and models: CSV of points in and out, model export and exact import.

use super::{from_js, js_error, to_js, Playground};
use crate::model::Model;
use crate::points_csv;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** An exported model: restoring it gives the same data and the same predictions. */
export interface ExportedModel {
  format: "nn-playground-model";
  version: 1;
  config: PlaygroundConfig;
  /** Every W (row-major, nOut × nIn) and b, layer after layer. */
  parameters: number[];
  /** Updates the model had when exported. */
  step: number;
}
"#;

/// Parses CSV text (lines `x,y,label`, optional header, `#` comments) into
/// [x0, y0, label0, …] for the config's `points`; throws an Error listing the bad lines (the first 10, then how many more).
#[wasm_bindgen(js_name = parsePointsCsv)]
pub fn parse_points_csv(text: &str) -> Result<Vec<f64>, JsError> {
    points_csv::parse(text).map_err(js_error)
}

/// Writes [x0, y0, label0, …] as CSV with a header line.
#[wasm_bindgen(js_name = pointsToCsv)]
pub fn points_to_csv(points: &[f64]) -> String {
    points_csv::format(points)
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
    ) -> Result<Playground, JsError> {
        console_error_panic_hook::set_once();
        let model: Model = from_js(model, "model").map_err(js_error)?;
        Ok(Playground::with_session(model.restore().map_err(js_error)?))
    }
}
