//! A panic is a bug (every bad input is a named `PlaygroundError`); when one happens its message
//! and source location reach the browser console before the module traps.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// Installs the panic hook when the module is instantiated.
#[wasm_bindgen(start, skip_typescript)]
fn report_panics_to_the_console() {
    std::panic::set_hook(Box::new(|info| console_error(&format!("nn-playground panicked: {info}"))));
}
