/**
 * The playground's state: every setting of the core (the schema's defaults and
 * limits) and the view options. The custom element <nn-playground> takes the
 * same keys as attributes.
 */
import { describeState, choice, boolean } from "../core/state.js";

/** Mini-batch updates per animation frame: "max" runs as many as fit the frame budget. */
export const SPEED = choice(["max", "100", "10", "1"], "max", {
  labels: { max: "max (8 ms per frame)", 100: "100 steps / frame", 10: "10 steps / frame", 1: "1 step / frame" },
});

/** The view options: they only change the drawing. */
const VIEW = ["showTestData", "logScale", "speed", "showGradients"];

/**
 * The playground's state: every config key, and the view options.
 * @typedef {import("../core/state.js").ConfigState<keyof import("../../pkg/nn_playground.js").PlaygroundConfig> & {
 *   showTestData: boolean, logScale: boolean, speed: string, showGradients: boolean,
 * }} PlaygroundState
 */

/**
 * The playground's state description (js/core/state.js) from the core's schema.
 * @param {import("../../pkg/nn_playground.js").ConfigSchema} schema
 * @returns {ReturnType<typeof describeState<PlaygroundState>>}
 */
export function describePlayground(schema) {
  return describeState(schema, {
    // Every setting of the core (a new one reaches the playground's link by itself), then the view options.
    keys: [...schema.settings.map((s) => s.key), ...VIEW],
    own: { showTestData: boolean(false), logScale: boolean(false), speed: SPEED, showGradients: boolean(false) },
    view: VIEW,
  });
}
