/**
 * The playground's state: every setting of the core (the schema's defaults and
 * limits) and the view options. The custom element <nn-playground> takes the
 * same keys as attributes.
 */
import { describeState, choice, boolean } from "../core/state.js";

/** The speed menu's choices: "max" runs as many updates as fit the frame budget, the others that many per frame. */
const SPEEDS = ["max", "100", "10", "5", "1"];

/**
 * The speed menu (mini-batch updates per animation frame) starting at `defaultValue`.
 * @param {string} defaultValue one of the menu's choices
 */
export function speedChoice(defaultValue) {
  return choice(SPEEDS, defaultValue, {
    labels: { max: "max (8 ms per frame)", 100: "100 steps / frame", 10: "10 steps / frame", 5: "5 steps / frame", 1: "1 step / frame" },
  });
}

/** The speed menu starting at "max" (the initialization lab's). */
export const SPEED = speedChoice("max");

/**
 * The playground's first speed: a few updates a frame, so a first run is watched forming
 * (the default network needs about a thousand updates) instead of ending at once.
 */
const FIRST_SPEED = "5";

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
    own: { showTestData: boolean(false), logScale: boolean(false), speed: speedChoice(FIRST_SPEED), showGradients: boolean(false) },
    view: VIEW,
  });
}
