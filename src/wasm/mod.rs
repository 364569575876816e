//! The `#[wasm_bindgen]` boundary: thin, it reads what JS passes ([`input`]: plain data copied
//! inside a `try`, so no JS value can trap the module), delegates to the core, and converts the
//! results and errors back ([`output`]). One file a view: the class `Playground` with training and
//! drawing ([`playground`]; [`canvas`] paints heatmaps and loss surfaces onto a canvas), the configuration's schema
//! ([`schema`]), and the methods of the normalization lab ([`landscape`]), the initialization lab ([`stats`]), the backprop explorer
//! and network diagram ([`explorer`]), and the user's data and models ([`model`]); [`memory`]
//! counts the bytes in use and refuses a playground beyond the limit; [`panic`] sends a panic's
//! message to the console.

mod canvas;
mod explorer;
mod input;
mod landscape;
mod memory;
mod model;
mod output;
mod panic;
mod playground;
mod schema;
mod stats;

use wasm_bindgen::prelude::*;

/// `PlaygroundConfig` and `SurfaceRequest`, written from the settings tables (tests/typescript.rs).
#[wasm_bindgen(typescript_custom_section)]
const SETTINGS_TYPES: &str = include_str!("settings.d.ts");

pub use canvas::draw_loss_surface;
pub use memory::memory_in_use;
pub use model::{parse_points_csv, points_to_csv};
pub use playground::{fresh_seed_for_js, Playground};
pub use schema::{config_schema, default_config};
pub use stats::{activation_curve, deep_linear_toy, init_variance};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** What `step` returns. */
export interface StepReport {
  epoch: number;
  step: number;
  /** Mean loss of the last mini-batch (NaN before the first step). */
  batchLoss: number;
  /** α of the next update, from the learning-rate schedule (the config's `learningRate` when it is constant). */
  learningRate: number;
  trainLoss: number;
  testLoss: number;
  /** null for regression. */
  trainAccuracy: number | null;
  testAccuracy: number | null;
  /** True once a loss became NaN, infinite or above 1e12, or a parameter non-finite; training
   *  then stops and the parameters go back to the last finite state. */
  diverged: boolean;
  /** Why training diverged, in English, or null. */
  message: string | null;
  /** Why training diverged, as data: the loss that exploded (`cause` "loss" for the mini-batch
   *  loss, "trainLoss" or "testLoss" for a reported one; its `value`) or the parameter that
   *  became non-finite ("parameter", its index `parameter` and `value`), at update `step`; null
   *  while training is healthy. */
  divergence: {
    cause: "loss" | "trainLoss" | "testLoss" | "parameter";
    value: number;
    step: number;
    parameter: number | null;
  } | null;
}

/** What `gradientCheck` returns. */
export interface GradientCheck {
  /** ‖g_backprop − g_numeric‖ / (‖g_backprop‖ + ‖g_numeric‖) over the checked parameters but the
   *  `straddled` ones. */
  relativeError: number;
  /** Parameters compared: all of them, or (on a big network) a sample drawn with a fixed seed. */
  checked: number;
  /** Parameters of the network. */
  parameters: number;
  /** Training points the cost is taken over (the first 64 at most). */
  points: number;
  /** Checked parameters left out of `relativeError` because θ ± h straddles a kink: a ReLU's (a
   *  hidden pre-activation changes sign between the two costs) or the L1 term's (a weight within
   *  h of 0), where a central difference is no derivative. */
  straddled: number;
}

/** The losses recorded at every `step` call. */
export interface LossHistory {
  step: Float64Array;
  batchLoss: Float64Array;
  trainLoss: Float64Array;
  testLoss: Float64Array;
  /** α of the next update at each record. */
  learningRate: Float64Array;
}

/** What every call throws on bad input: an Error whose message names what is wrong in English,
 *  with the same facts as data so a page can word them in its own language. */
export interface PlaygroundError extends Error {
  code: "outOfRange" | "notWhole" | "zero" | "wrongType" | "unknownChoice" | "unknownKey" | "tooLarge"
    | "wrongLength" | "notALabel" | "twoClasses" | "datasetProblem" | "pointsUnused" | "csvLines" | "csvEmpty"
    | "modelFormat" | "tooMuchWork" | "lossExplodes" | "memoryFull" | "needsTraining" | "empty" | "unreadable";
  /** The key path at fault: "learningRate", "hidden[1]", "points[5]", "res" ("" for the whole value). */
  key: string;
  /** The limits and the value got (min, max, minExclusive, maxExclusive, got, choices, keys, unit, …). */
  params: Record<string, number | boolean | string | number[] | string[]>;
}
"#;
