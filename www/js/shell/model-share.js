/**
 * "Share trained", after Share in the header of a page that trains one Playground: a link
 * that holds the trained network besides the settings (its weights, update count and epoch
 * in the `model` key, js/core/model-link.js), copied like Share's or shown to copy by hand.
 * Opening it restores the network with the same predictions (js/shell/linked-models.js).
 * Weights that would make the link longer than MAX_MODEL_CHARS, or custom points the link
 * leaves out, are offered as a model file instead.
 */
import { t } from "../core/i18n.js";
import { formatNumber } from "../core/format.js";
import { describeError } from "../core/errors.js";
import { pointsLeftOut, MAX_HASH_POINTS } from "../core/state.js";
import { MAX_MODEL_CHARS, MODEL_KEY, encodeModelLink, modelLinkLength } from "../core/model-link.js";
import { saveModel } from "../core/download.js";
import { copyText, openDialog, showShareStatus } from "./share.js";

/** @typedef {import("../../pkg/nn_playground.js").Playground} Playground */

/**
 * What the button shares, read at each click.
 * @typedef {object} Training
 * @property {Playground | null} pg the network shown
 * @property {import("../core/state.js").State} state its settings
 * @property {import("../../pkg/nn_playground.js").StepReport | null} report its last report
 *   (the updates and epochs shown)
 * @property {ReturnType<typeof import("../core/state.js").describeState>} description
 * @property {typeof import("../../pkg/nn_playground.js").Playground} Playground
 */

/**
 * The link of the network shown, or why there is none: no network yet, custom points the link
 * leaves out, weights too long for a link, or weights the core would not restore.
 * @param {Training} training
 * @returns {{ link: string, step: number } | { none: true } | { points: number }
 *   | { tooLong: { weights: number, chars: number } } | { refused: import("../core/errors.js").CodedError }}
 */
export function trainedLink({ pg, state, report, description, Playground }) {
  if (!pg || !report) return { none: true };
  if (pointsLeftOut(state)) return { points: /** @type {number[]} */ (state.points).length / 3 };
  const model = pg.exportModel();
  const running = model.runningStatistics ?? [];
  const chars = modelLinkLength(model.parameters.length, running.length);
  if (chars > MAX_MODEL_CHARS) return { tooLong: { weights: model.parameters.length, chars } };
  try {
    Playground.fromModel({ ...model, config: description.toConfig(state) }).free();
  } catch (err) {
    return { refused: err };
  }
  const text = encodeModelLink({ parameters: model.parameters, runningStatistics: running, step: report.step, epoch: report.epoch });
  const url = new URL(location.href);
  url.hash = `${description.serialize(state)}&${MODEL_KEY}=${text}`;
  return { link: url.href, step: report.step };
}

/** A button of the share dialog that saves the model file. */
function saveButton(pg) {
  const button = document.createElement("button");
  button.type = "button";
  button.id = "share-save-model";
  button.className = "tool-button";
  button.textContent = t("Save the model (JSON)");
  button.addEventListener("click", () => saveModel(pg));
  return button;
}

/**
 * Put "Share trained" after the Share button, in English (the page's translation turns it into
 * its language and back).
 * @param {() => Training} training what to share, read at each click
 */
export function renderModelShare(training) {
  const button = document.createElement("button");
  button.type = "button";
  button.id = "share-trained-button";
  button.className = "tool-button";
  button.title = "Copy a link that also holds the trained network: its weights and update count";
  button.textContent = "Share trained";
  document.getElementById("share-button").after(button);
  button.addEventListener("click", async () => {
    const now = training();
    const shared = trainedLink(now);
    const instead = t("Save the model as a file and share the file: Load a model opens it with the same predictions.");
    if ("link" in shared) {
      const n = formatNumber(shared.step);
      if (await copyText(shared.link)) showShareStatus(t("Link with the trained network copied ({n} updates).", { n }));
      else {
        openDialog(t("Share the trained network"),
          t("The link holds every setting and the weights after {n} updates: it opens on the same predictions. Copy it:", { n }),
          [["share-link", t("Link"), shared.link]]);
      }
    } else if ("none" in shared) {
      showShareStatus(t("There is no network to share yet."));
    } else if ("points" in shared) {
      openDialog(t("Your points do not fit in a link"),
        `${t("A link holds at most {max} points; yours are {n}.", { max: MAX_HASH_POINTS, n: formatNumber(shared.points) })} ${instead}`,
        [], [saveButton(now.pg)]);
    } else if ("tooLong" in shared) {
      const { weights, chars } = shared.tooLong;
      openDialog(t("The trained network is too big for a link"),
        `${t("Its {weights} weights would make the link {chars} characters long; it may hold {max}.", {
          weights: formatNumber(weights), chars: formatNumber(chars), max: formatNumber(MAX_MODEL_CHARS),
        })} ${instead}`,
        [], [saveButton(now.pg)]);
    } else {
      openDialog(t("The trained network cannot be shared"), describeError(shared.refused, t("Its weights")), []);
    }
  });
}
