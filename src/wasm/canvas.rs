//! The core paints its heatmaps straight onto a page's canvas (through `web-sys`): the outputs
//! over a grid (the boundary; every unit and input of the network diagram, as tiles of one
//! image), or a loss surface's costs, become RGBA pixels in the pages' colour maps
//! ([`crate::draw`]) and one `putImageData`, instead of a per-pixel loop in JS.

use super::input;
use super::output::{js_error, set};
use super::playground::Playground;
use crate::config::{Problem, Range};
use crate::draw::contours::{self, Levels};
use crate::draw::units::{Atlas, UnitPalettes};
use crate::draw::{self, Palette, Scale};
use crate::error::{Code, Error, Result};
use js_sys::Object;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

#[wasm_bindgen]
impl Playground {
    /// Paints the outputs on a `res`×`res` grid over [xmin, xmax]×[ymin, ymax] (as `boundary`
    /// computes them) onto `canvas`, resized to `res`×`res` pixels: orange (class 0, or −1) …
    /// white … blue (class 1, or +1), first row at ymax; with `discretize`, each cell in its
    /// class's colour (output ≥ ½, or ≥ 0 for regression: class 1). With K ≥ 3 classes, each cell
    /// in its most probable class's colour, shaded by the confidence (hard with `discretize`).
    /// Scale the canvas up with `drawImage`.
    #[wasm_bindgen(js_name = drawBoundary)]
    #[allow(clippy::too_many_arguments)] // positional in JS, like `boundary`'s, plus the flag
    pub fn draw_boundary(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "HTMLCanvasElement")] canvas: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] res: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] xmin: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] xmax: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] ymin: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] ymax: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "boolean")] discretize: JsValue,
    ) -> std::result::Result<(), JsValue> {
        let call = |e: Error| js_error(e.in_call("drawBoundary"));
        let context = context_of(&canvas).map_err(call)?;
        let discretize = match input::optional(&discretize).map(JsValue::as_bool) {
            None => false,
            Some(Some(flag)) => flag,
            Some(None) => return Err(call(Error::wrong_type("discretize", "boolean", &input::type_of(&discretize)))),
        };
        let (grid, outputs) = self.outputs_on_grid(&res, [&xmin, &xmax, &ymin, &ymax]).map_err(call)?;
        let scale = match self.session.config().problem {
            Problem::Classification => Scale::Probability,
            Problem::Regression => Scale::Regression,
        };
        let classes = self.session.network().loss.outputs();
        let mut pixels = vec![0; outputs.len() / classes * 4];
        if classes > 1 {
            draw::paint_classes(&outputs, classes, discretize, &mut pixels);
        } else {
            let palette = if discretize { Palette::classes() } else { Palette::background() };
            palette.paint(&outputs, scale, &mut pixels);
        }
        put_pixels(&canvas, &context, &pixels, grid.res(), grid.res()).map_err(call)
    }

    /// Paints every node of the network diagram — the inputs (its features, normalized, as
    /// `inputOutputs` computes them), then every unit (hidden layers in order, then the output
    /// units, as `unitOutputs`) — on a res×res grid over [xmin, xmax]×[ymin, ymax] as res×res
    /// tiles of one image on `canvas`, resized to hold them: node k's tile at column k mod n, row
    /// ⌊k / n⌋, for the n tiles per row it returns (⌈√nodes⌉). Coloured as the diagram reads
    /// them: σ units and the classes' probabilities on [0, 1], tanh units and a regression output
    /// on [−1, 1] (orange … white … blue), the inputs and ReLU and linear units spread around 0
    /// by their largest magnitude on the plane; an output unit of K ≥ 3 classes from white to its
    /// class's colour. Copy a node's tile with `drawImage`.
    #[wasm_bindgen(js_name = drawNodeOutputs)]
    pub fn draw_node_outputs(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "HTMLCanvasElement")] canvas: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] res: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] xmin: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] xmax: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] ymin: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] ymax: JsValue,
    ) -> std::result::Result<usize, JsValue> {
        self.paint_nodes(&canvas, &res, [&xmin, &xmax, &ymin, &ymax])
            .map_err(|e| js_error(e.in_call("drawNodeOutputs")))
    }
}

impl Playground {
    /// `drawNodeOutputs` with its errors as the core's.
    fn paint_nodes(&mut self, canvas: &JsValue, res: &JsValue, window: [&JsValue; 4]) -> Result<usize> {
        let context = context_of(canvas)?;
        let (res, values) = self.node_maps(res, window)?;
        let net = self.session.network();
        let (inputs, palettes) = (net.inputs(), UnitPalettes::of(net));
        let atlas = Atlas::new(inputs + net.unit_count(), res);
        let (width, height) = atlas.size();
        let mut pixels = vec![0; width * height * 4];
        atlas.paint(&values, |k| if k < inputs { palettes.input() } else { palettes.unit(k - inputs) }, &mut pixels);
        put_pixels(canvas, &context, &pixels, width, height)?;
        Ok(atlas.per_row)
    }
}

/// Most grid nodes per side of a surface `drawLossSurface` paints (as `lossSurface` computes).
const MAX_SURFACE_RES: f64 = 201.0;
/// Most pixels per side it paints (scale the canvas up beyond with `drawImage`).
const MAX_SURFACE_SIZE: f64 = 1024.0;

/// Paints a loss surface's costs — `values`, `res`×`res` of them, row-major with the first row at
/// the top, as `lossSurface` returns them — onto `canvas`, resized to `size`×`size` pixels, as
/// filled contours: each pixel's cost interpolated bilinearly, coloured by its log-spaced band
/// (dark for the lowest cost … pale for the highest), with a darker line where the band changes
/// and grey where the cost is NaN. Returns the bands, `{ lo, hi, count }`, or null when no cost
/// is positive and finite (the canvas then untouched).
#[wasm_bindgen(js_name = drawLossSurface, unchecked_return_type = "SurfaceLevels | null")]
pub fn draw_loss_surface(
    #[wasm_bindgen(unchecked_param_type = "HTMLCanvasElement")] canvas: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Float32Array | number[]")] values: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] res: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] size: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    paint_surface(&canvas, &values, &res, &size).map_err(|e| js_error(e.in_call("drawLossSurface")))
}

/// `drawLossSurface` with its errors as the core's.
fn paint_surface(canvas: &JsValue, values: &JsValue, res: &JsValue, size: &JsValue) -> Result<JsValue> {
    let context = context_of(canvas)?;
    let res = input::whole(res, "res", &Range::closed(2.0, MAX_SURFACE_RES))?;
    let size = input::whole(size, "size", &Range::closed(1.0, MAX_SURFACE_SIZE))?;
    let values = input::numbers(values, "values", (MAX_SURFACE_RES * MAX_SURFACE_RES) as usize)?;
    if values.len() != res * res {
        let error = Error::new(Code::WrongLength, "values").with("expected", (res * res) as f64);
        return Err(error.with("got", values.len()));
    }
    let Some(levels) = Levels::of(&values) else {
        return Ok(JsValue::NULL);
    };
    let mut pixels = vec![0; size * size * 4];
    contours::paint_bands(&values, res, size, &levels, &mut pixels);
    put_pixels(canvas, &context, &pixels, size, size)?;
    let bands = Object::new();
    set(&bands, "lo", &levels.lo.into());
    set(&bands, "hi", &levels.hi.into());
    set(&bands, "count", &contours::BAND_COUNT.into());
    Ok(bands.into())
}

/// The 2-D context of a canvas element, or an error naming `canvas` (wrong type, or a canvas
/// already holding another kind of context).
fn context_of(canvas: &JsValue) -> Result<CanvasRenderingContext2d> {
    let element = canvas
        .dyn_ref::<HtmlCanvasElement>()
        .ok_or_else(|| Error::wrong_type("canvas", "canvas", &input::type_of(canvas)))?;
    element
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|context| context.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| Error::unreadable("canvas", "it has no 2-D context"))
}

/// Sizes the canvas to `width`×`height` and puts the RGBA `pixels` on it.
fn put_pixels(
    canvas: &JsValue,
    context: &CanvasRenderingContext2d,
    pixels: &[u8],
    width: usize,
    height: usize,
) -> Result<()> {
    let element: &HtmlCanvasElement = canvas.unchecked_ref();
    let (width, height) = (width as u32, height as u32);
    if element.width() != width || element.height() != height {
        element.set_width(width);
        element.set_height(height);
    }
    ImageData::new_with_u8_clamped_array_and_sh(Clamped(pixels), width, height)
        .and_then(|image| context.put_image_data(&image, 0.0, 0.0))
        .map_err(|_| Error::unreadable("canvas", "drawing on it failed"))
}
