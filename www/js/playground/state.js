/**
 * The playground's state: every setting of the core (the schema's defaults and
 * limits) and the view options. The custom element <nn-playground> takes the
 * same keys as attributes.
 */
import { describeState, choice, boolean, custom } from "../core/state.js";
import { parseBoolean } from "../core/hash.js";

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

/** The loss axis's choices: "auto", or log (true) or linear (false) as links have always said. */
const LOSS_AXES = ["auto", "false", "true"];

/**
 * The loss chart's y axis (`logScale`): "auto" is logarithmic once the losses span a decade and
 * linear before; `true` is always logarithmic, `false` always linear.
 */
const LOSS_AXIS = {
  ...custom((raw) => {
    if (raw === "auto") return { value: "auto" };
    const on = parseBoolean(raw);
    return on === null ? { problem: { code: "unknownChoice", params: { choices: LOSS_AXES, got: raw } } } : { value: on };
  }, "auto"),
  choices: LOSS_AXES,
  labels: { auto: "auto", false: "linear", true: "log" },
};

/**
 * The view options: they only change the drawing (`trackSharpness`: λmax and 2/α on the loss
 * chart, measured off the main thread while training plays).
 */
const VIEW = ["showTestData", "logScale", "speed", "showGradients", "discretize", "trackSharpness"];

/**
 * The playground's state: every config key, and the view options.
 * @typedef {import("../core/state.js").ConfigState<keyof import("../../pkg/nn_playground.js").PlaygroundConfig> & {
 *   showTestData: boolean, logScale: boolean | "auto", speed: string, showGradients: boolean, discretize: boolean,
 *   trackSharpness: boolean,
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
    own: {
      showTestData: boolean(false), logScale: LOSS_AXIS, speed: speedChoice(FIRST_SPEED), showGradients: boolean(false),
      discretize: boolean(false), trackSharpness: boolean(false),
    },
    view: VIEW,
  });
}
