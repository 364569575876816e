//! The configuration's description for JS: every key with its type, limits, choices and default
//! (`configSchema()`), and the defaults alone (`defaultConfig()`). Pages build their defaults,
//! link parsers, field limits and menus from it.

use super::output::{set, to_js};
use crate::config::{Choice, Config, Dataset, Problem, CONFIG_SETTINGS};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** One config key: its type with limits or choices, and its default. */
export interface SettingSchema {
  key: keyof PlaygroundConfig;
  /** "number" and "integer": one number; "choice": one of `choices`; "pair": two numbers;
   *  "layers": up to `maxLayers` whole numbers; "points": x, y, label triples, up to `maxPoints`. */
  type: "number" | "integer" | "choice" | "pair" | "layers" | "points";
  /** Bounds of every number of the setting (null: unbounded). */
  min?: number | null;
  max?: number | null;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  choices?: string[];
  /** "pair": whether 0 is refused. */
  nonZero?: boolean;
  maxLayers?: number;
  maxPoints?: number;
  default: unknown;
}

/** The whole configuration, as `configSchema()` describes it. */
export interface ConfigSchema {
  /** Every key, in the order of `PlaygroundConfig`. */
  settings: SettingSchema[];
  /** The datasets of each problem type ("custom" serves both). */
  datasets: { classification: string[]; regression: string[] };
}
"#;

/// Every config key with its type, limits, choices and default.
#[wasm_bindgen(js_name = configSchema, unchecked_return_type = "ConfigSchema")]
pub fn config_schema() -> JsValue {
    let defaults = default_config();
    let settings: Array = CONFIG_SETTINGS
        .iter()
        .map(|setting| {
            let entry = to_js(setting);
            set(&entry, "default", &Reflect::get(&defaults, &setting.key.into()).unwrap_or(JsValue::NULL));
            entry
        })
        .collect();
    let datasets = Object::new();
    for &problem in Problem::ALL {
        let names: Array =
            Dataset::ALL.iter().filter(|d| d.problem() == Some(problem)).map(|d| JsValue::from(d.name())).collect();
        set(&datasets, problem.name(), &names);
    }
    let schema: JsValue = Object::new().into();
    set(&schema, "settings", &settings);
    set(&schema, "datasets", &datasets);
    schema
}

/// The defaults of every config key.
#[wasm_bindgen(js_name = defaultConfig, unchecked_return_type = "PlaygroundConfig")]
pub fn default_config() -> JsValue {
    let mut config = Config::default();
    config.dataset = Some(config.dataset());
    to_js(&config)
}
