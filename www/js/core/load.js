/**
 * Loading the wasm package (www/pkg): compiled and initialized once per document, whoever asks
 * first — a page, any number of <nn-playground> elements, or the compute worker (compute.js),
 * which receives the same compiled module.
 */

const PACKAGE_URL = new URL("../../pkg/nn_playground.js", import.meta.url).href;
const WASM_URL = new URL("../../pkg/nn_playground_bg.wasm", import.meta.url);
/** @type {Promise<typeof import("../../pkg/nn_playground.js")> | null} */
let loading = null;
/** @type {Promise<WebAssembly.Module> | null} */
let compiling = null;

/** The core compiled (not instantiated): what every instance, here or in a worker, is made from. */
export function compiledCore() {
  compiling ??= WebAssembly.compileStreaming(fetch(WASM_URL));
  return compiling;
}

/**
 * The initialized package module (a rejected promise when it cannot load).
 * @returns {Promise<typeof import("../../pkg/nn_playground.js")>}
 */
export function loadPackage() {
  loading ??= import(PACKAGE_URL).then(async (module) => {
    await module.default({ module_or_path: await compiledCore() });
    return module;
  });
  return loading;
}
