/**
 * Loading the wasm package (www/pkg): imported and initialized once per
 * document, whoever asks first — a page, or any number of <nn-playground>
 * elements.
 */

const PACKAGE_URL = new URL("../../pkg/nn_playground.js", import.meta.url).href;
/** @type {Promise<typeof import("../../pkg/nn_playground.js")> | null} */
let loading = null;

/**
 * The initialized package module (a rejected promise when it cannot load).
 * @returns {Promise<typeof import("../../pkg/nn_playground.js")>}
 */
export function loadPackage() {
  loading ??= import(PACKAGE_URL).then(async (module) => {
    await module.default();
    return module;
  });
  return loading;
}
