//! The `#[wasm_bindgen]` boundary: thin, it reads what JS passes ([`input`]: plain data copied
//! inside a `try`, so no JS value can trap the module), delegates to the core, and converts the
//! results and errors back ([`output`]). One file a view: the class `Playground` with training and
//! drawing ([`playground`]), the configuration's schema ([`schema`]), and the methods of the
//! normalization lab ([`landscape`]), the initialization lab ([`stats`]), the backprop explorer
//! and network diagram ([`explorer`]), and the user's data and models ([`model`]).

mod explorer;
mod input;
mod landscape;
mod model;
mod output;
mod playground;
mod schema;
mod stats;

use wasm_bindgen::prelude::*;

pub use model::{parse_points_csv, points_to_csv};
pub use playground::Playground;
pub use schema::{config_schema, default_config};
pub use stats::{activation_curve, deep_linear_toy, init_variance};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Configuration of a playground; every key is optional. The limits and defaults named here are
 *  those of `configSchema()`, which pages read them from (a test checks the two agree). */
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
  /** Why training diverged, in English, or null. */
  message: string | null;
  /** Why training diverged, as data: the loss that exploded (`cause` "loss", its `value`) or
   *  the parameter that became non-finite ("parameter", its index `parameter` and `value`), at
   *  update `step`; null while training is healthy. */
  divergence: { cause: "loss" | "parameter"; value: number; step: number; parameter: number | null } | null;
}

/** The losses recorded at every `step` call. */
export interface LossHistory {
  step: Float64Array;
  batchLoss: Float64Array;
  trainLoss: Float64Array;
  testLoss: Float64Array;
}

/** What every call throws on bad input: an Error whose message names what is wrong in English,
 *  with the same facts as data so a page can word them in its own language. */
export interface PlaygroundError extends Error {
  code: "outOfRange" | "notWhole" | "zero" | "wrongType" | "unknownChoice" | "unknownKey" | "tooLarge"
    | "wrongLength" | "notALabel" | "datasetProblem" | "pointsUnused" | "csvLines" | "csvEmpty"
    | "modelFormat" | "needsTraining" | "empty" | "unreadable";
  /** The key path at fault: "learningRate", "hidden[1]", "points[5]", "res" ("" for the whole value). */
  key: string;
  /** The limits and the value got (min, max, minExclusive, maxExclusive, got, choices, keys, unit, …). */
  params: Record<string, number | boolean | string | number[] | string[]>;
}
"#;
