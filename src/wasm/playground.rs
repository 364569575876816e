//! The JS class `Playground`: building from a config, training, and what the playground draws
//! (outputs at points, the boundary grid, the data, the losses so far).

use super::input;
use super::memory;
use super::output::{js_error, set, to_js};
use crate::analysis::diagnostics;
use crate::config::{Config, Problem, Range, Value};
use crate::data;
use crate::error::{Code, Error};
use crate::math::rng::fresh_seed;
use crate::session::{History, Session, Subset};
use crate::work::{self, Pass};
use js_sys::{Float64Array, Object};
use wasm_bindgen::prelude::*;

/// Most updates one `step` call may run.
const MAX_STEPS_PER_CALL: f64 = 1e6;
/// Largest boundary grid side.
const MAX_RESOLUTION: f64 = 2000.0;
/// Most points one `predict` call may take.
const MAX_PREDICT_POINTS: usize = 1 << 20;
/// Largest magnitude of a grid's or a point's coordinates.
const MAX_COORDINATE: f64 = 1e9;

/// A network being trained on a 2-D dataset, with everything the page draws.
#[wasm_bindgen]
pub struct Playground {
    pub(crate) session: Session,
}

#[wasm_bindgen]
impl Playground {
    /// Builds the data and the network; throws a `PlaygroundError` naming the first invalid key.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "PlaygroundConfig")] config: JsValue,
    ) -> Result<Playground, JsValue> {
        let session = read_config(&config).and_then(Session::new).and_then(memory::within_limit);
        Ok(Playground::with_session(session.map_err(js_error)?))
    }

    /// The full config the playground runs with, every default filled in.
    #[wasm_bindgen(unchecked_return_type = "PlaygroundConfig")]
    pub fn config(&self) -> JsValue {
        to_js(self.session.config())
    }

    /// Runs `n` mini-batch updates (0 only reports) and returns the report. `n` is at most 10⁶,
    /// and at most what one call's work budget allows with this network, batch and data.
    #[wasm_bindgen(unchecked_return_type = "StepReport")]
    pub fn step(&mut self, #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue) -> Result<JsValue, JsValue> {
        let n = input::whole(&n, "n", &Range::closed(0.0, MAX_STEPS_PER_CALL))
            .and_then(|n| work::check("n", n, most_updates(&self.session), "updates").map(|()| n))
            .map_err(|e| js_error(e.in_call("step(n)")))?;
        Ok(to_js(&self.session.step(n as u32)))
    }

    /// Outputs at points [x0, y0, x1, y1, …] given in data coordinates (a Float32Array, or any
    /// typed array or array of numbers): one per point (the probability of class 1, or the
    /// regression's value), or with `classes` K ≥ 3 the K class probabilities of each point in
    /// turn, [p₀(point 0), …, p_K−1(point 0), p₀(point 1), …].
    pub fn predict(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number[] | Float64Array | Float32Array")] points: JsValue,
    ) -> Result<Vec<f32>, JsValue> {
        let net = self.session.network();
        let points = read_pairs(&points)
            .and_then(|points| {
                let max = work::most(work::per_example(net, Pass::Forward), 0.0);
                work::check("points", points.len() / 2, max, "points").map(|()| points)
            })
            .map_err(|e| js_error(e.in_call("predict(points)")))?;
        let mut outputs = Vec::with_capacity(points.len() / 2 * net.loss.outputs());
        self.session.predict(points.chunks_exact(2).map(|p| [p[0], p[1]]), &mut outputs);
        Ok(outputs.into_iter().map(|v| v as f32).collect())
    }

    /// Outputs on a res×res grid of cell centres over [xmin, xmax]×[ymin, ymax], row-major,
    /// first row at ymax, first column at xmin, laid out per cell like `predict` (K values a
    /// cell with K ≥ 3 classes); computed in single precision, for drawing.
    pub fn boundary(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] res: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] xmin: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] xmax: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] ymin: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] ymax: JsValue,
    ) -> Result<Vec<f32>, JsValue> {
        self.outputs_on_grid(&res, [&xmin, &xmax, &ymin, &ymax])
            .map(|(_, outputs)| outputs)
            .map_err(|e| js_error(e.in_call("boundary")))
    }

    /// The data domain [xmin, xmax, ymin, ymax] in data coordinates.
    pub fn bounds(&self) -> Vec<f32> {
        data::bounds(self.session.config()).iter().map(|&v| v as f32).collect()
    }

    /// Points of a split, [x0, y0, label0, x1, …] in data coordinates; `which` is "train" or "test".
    pub fn points(
        &self,
        #[wasm_bindgen(unchecked_param_type = "\"train\" | \"test\"")] which: JsValue,
    ) -> Result<Vec<f32>, JsValue> {
        let split = self.session.split();
        let which = input::text(&which, "which", 16).map_err(|e| js_error(e.in_call("points(which)")))?;
        let points = match which.as_str() {
            "train" => &split.train,
            "test" => &split.test,
            other => {
                return Err(js_error(
                    Error::unknown_choice("which", &["train", "test"], other).in_call("points(which)"),
                ))
            }
        };
        Ok(points.interleaved().into_iter().map(|v| v as f32).collect())
    }

    /// The confusion matrix of a split ("train" or "test", default "test") at the current
    /// parameters: K × K counts, row = the true class, column = the predicted one (K = 2 for a
    /// binary classification, which predicts class 1 where the output is at least ½); empty for
    /// a regression.
    #[wasm_bindgen(js_name = confusionMatrix)]
    pub fn confusion_matrix(
        &mut self,
        #[wasm_bindgen(unchecked_optional_param_type = "\"train\" | \"test\"")] which: JsValue,
    ) -> Result<Vec<u32>, JsValue> {
        let call = |e: Error| js_error(e.in_call("confusionMatrix(which)"));
        let which = match input::optional(&which) {
            None => "test".to_string(),
            Some(which) => input::text(which, "which", 16).map_err(call)?,
        };
        let subset = match which.as_str() {
            "train" => Subset::Train,
            "test" => Subset::Test,
            other => return Err(call(Error::unknown_choice("which", &["train", "test"], other))),
        };
        if self.session.config().problem == Problem::Regression {
            return Ok(Vec::new());
        }
        Ok(self.session.confusion(subset))
    }

    /// The losses recorded at every `step` call.
    #[wasm_bindgen(unchecked_return_type = "LossHistory")]
    pub fn history(&self) -> JsValue {
        let History { step, batch_loss, train_loss, test_loss, learning_rate } = self.session.history();
        let object: JsValue = Object::new().into();
        for (key, values) in [
            ("step", step),
            ("batchLoss", batch_loss),
            ("trainLoss", train_loss),
            ("testLoss", test_loss),
            ("learningRate", learning_rate),
        ] {
            set(&object, key, &Float64Array::from(values.as_slice()));
        }
        object
    }

    /// Backpropagation against central differences at the current parameters: the relative error
    /// ‖g_backprop − g_numeric‖ / (‖g_backprop‖ + ‖g_numeric‖) over every parameter, or over a
    /// seeded sample of them when a big network's differences would exceed one call's work.
    #[wasm_bindgen(js_name = gradientCheck, unchecked_return_type = "GradientCheck")]
    pub fn gradient_check(&self) -> JsValue {
        to_js(&diagnostics::session_gradient_check(&self.session))
    }
}

impl Playground {
    /// Wraps a session.
    pub(crate) fn with_session(session: Session) -> Playground {
        Playground { session }
    }
}

/// The most updates one `step` call may run: each costs a mini-batch's training update, and the
/// report after them a forward pass over both splits.
fn most_updates(session: &Session) -> usize {
    work::most(work::per_update(session.network(), session.batch_size()), work::per_report(session))
}

/// A seed for a new run no one chose (the pages' *Regenerate*): from the Web Crypto API.
#[wasm_bindgen(js_name = freshSeed)]
pub fn fresh_seed_for_js() -> u32 {
    fresh_seed()
}

impl Playground {
    /// The grid `res` over `window` and the outputs at its cell centres (single precision), or an
    /// error naming the argument at fault or the work beyond one call's budget.
    pub(crate) fn outputs_on_grid(
        &mut self,
        res: &JsValue,
        window: [&JsValue; 4],
    ) -> crate::error::Result<(Grid, Vec<f32>)> {
        let net = self.session.network();
        let grid = Grid::read(res, window)?.within_budget(work::per_example(net, Pass::Drawing))?;
        let mut out = Vec::with_capacity(grid.len());
        self.session.predict_for_drawing(grid.centres(), &mut out);
        Ok((grid, out))
    }
}

/// A config object from JS (`undefined`/`null`: all defaults); errors name the key path (or
/// `config` when the whole value is at fault). A config without a seed gets a fresh one (see
/// [`fresh_seed`]), which `config()` then reports; an explicit seed reproduces a run exactly.
pub(crate) fn read_config(value: &JsValue) -> crate::error::Result<Config> {
    let named = |e: Error| if e.key().is_empty() { e.under("config") } else { e };
    let plain = input::plain(value, "").map_err(named)?;
    let config = match &plain {
        Value::Null => Ok(Config::default()),
        plain => Config::from_value(plain),
    };
    let mut config = config.map_err(named)?;
    if plain.get("seed").is_none() {
        config.seed = fresh_seed();
    }
    Ok(config)
}

/// Points as x, y pairs of finite numbers in data coordinates.
fn read_pairs(value: &JsValue) -> crate::error::Result<Vec<f64>> {
    let points = input::numbers(value, "points", 2 * MAX_PREDICT_POINTS)?;
    if points.len() % 2 != 0 {
        return Err(Error::new(Code::WrongLength, "points").with("multiple", 2.0).with("got", points.len()));
    }
    let coordinates = Range::closed(-MAX_COORDINATE, MAX_COORDINATE);
    for (i, &x) in points.iter().enumerate() {
        coordinates.check(&format!("points[{i}]"), x)?;
    }
    Ok(points)
}

/// A res×res grid of cell centres over a window of data coordinates.
pub(crate) struct Grid {
    res: usize,
    window: [f64; 4],
}

impl Grid {
    /// The grid of `res` (1 … 2000) cells per side over [xmin, xmax]×[ymin, ymax] (finite, with
    /// min < max).
    pub(crate) fn read(res: &JsValue, window: [&JsValue; 4]) -> crate::error::Result<Grid> {
        let res = input::whole(res, "res", &Range::closed(1.0, MAX_RESOLUTION))?;
        let coordinates = Range::closed(-MAX_COORDINATE, MAX_COORDINATE);
        let names = ["xmin", "xmax", "ymin", "ymax"];
        let mut bounds = [0.0; 4];
        for ((bound, value), name) in bounds.iter_mut().zip(window).zip(names) {
            *bound = input::number_in(value, name, &coordinates)?;
        }
        for (lo, hi) in [(0, 1), (2, 3)] {
            if bounds[lo] >= bounds[hi] {
                let range = Range::above(bounds[lo], MAX_COORDINATE);
                return Err(Error::out_of_range(names[hi], &range, bounds[hi]));
            }
        }
        Ok(Grid { res, window: bounds })
    }

    /// The grid, or an error naming `res` when cells of `each` multiply-adds exceed one call's
    /// work.
    pub(crate) fn within_budget(self, each: f64) -> crate::error::Result<Grid> {
        let side = work::side_of(work::most(each, 0.0));
        work::check("res", self.res, side, "cells per side").map(|()| self)
    }

    /// Cells per side.
    pub(crate) fn res(&self) -> usize {
        self.res
    }

    /// Number of cells.
    pub(crate) fn len(&self) -> usize {
        self.res * self.res
    }

    /// The cell centres, row-major, first row at ymax, first column at xmin.
    pub(crate) fn centres(&self) -> impl Iterator<Item = [f64; 2]> {
        let (n, [xmin, xmax, ymin, ymax]) = (self.res, self.window);
        let (dx, dy) = ((xmax - xmin) / n as f64, (ymax - ymin) / n as f64);
        (0..n).flat_map(move |r| (0..n).map(move |c| [xmin + (c as f64 + 0.5) * dx, ymax - (r as f64 + 0.5) * dy]))
    }
}
