/**
 * Trained networks that arrive in a link (the `model` key, js/core/model-link.js): read from
 * the hash, restored with `Playground.fromModel` under the link's settings, and remembered per
 * Playground, so that the page counts updates and epochs on from the link's (the core's own
 * count of a restored network starts at 0) and the address keeps the key while that network
 * is shown.
 */
import { MODEL_KEY, decodeModelLink } from "../core/model-link.js";
import { splitHash, withoutKey } from "../core/hash.js";
import { describeError } from "../core/errors.js";
import { t } from "../core/i18n.js";

/** @typedef {import("../../pkg/nn_playground.js").Playground} Playground */
/** @typedef {import("../../pkg/nn_playground.js").StepReport} StepReport */
/** @typedef {import("../core/errors.js").CodedError} CodedError */

/**
 * The model key of a link: its text, and the weights it holds or why it cannot be read.
 * @typedef {{ text: string } & ReturnType<typeof decodeModelLink>} ModelLink
 */

/**
 * A hash without its model key, and the key read (null when the hash has none).
 * @param {string} hash
 * @returns {{ rest: string, link: ModelLink | null }}
 */
export function readModelLink(hash) {
  const text = splitHash(hash).get(MODEL_KEY);
  const rest = withoutKey(hash, MODEL_KEY);
  return { rest, link: text === undefined ? null : { text, ...decodeModelLink(text) } };
}

/**
 * Why a link's network was not restored, in words: weights that do not fit the link's settings
 * (edited after it was shared, say), or the problem of the weights themselves.
 * @param {CodedError} problem
 */
export function describeModelProblem(problem) {
  if (problem.code === "wrongLength" && problem.key === "parameters") {
    return t("The link holds {got} weights, but its settings need {expected}: were they changed after it was shared?", problem.params);
  }
  return describeError(problem, t("The weights in the link"));
}

export class LinkedModels {
  constructor() {
    /** @type {WeakMap<Playground, { text: string, step: number, epoch: number }>} */
    this.restored = new WeakMap();
  }

  /**
   * The playground of a link's weights under `config`, or why it cannot be restored. A config
   * the core refuses is thrown, as `new Playground(config)` would.
   * @param {typeof import("../../pkg/nn_playground.js").Playground} Playground
   * @param {import("../../pkg/nn_playground.js").PlaygroundConfig} config
   * @param {ModelLink} link
   * @returns {{ pg: Playground } | { problem: CodedError }}
   */
  restore(Playground, config, link) {
    if ("problem" in link) return { problem: { key: MODEL_KEY, ...link.problem } };
    const { parameters, runningStatistics, step, epoch } = link.value;
    let pg;
    try {
      pg = Playground.fromModel({ format: "nn-playground-model", version: 1, config, parameters, runningStatistics, step });
    } catch (err) {
      if (String(err?.key ?? "").startsWith("config.")) throw err;
      return { problem: err };
    }
    this.restored.set(pg, { text: link.text, step, epoch });
    return { pg };
  }

  /**
   * The model key's text of a playground restored from a link, or null.
   * @param {Playground | null} pg
   */
  text(pg) {
    return (pg && this.restored.get(pg)?.text) ?? null;
  }

  /**
   * A report of `pg` counting on from its link's updates and epochs.
   * @param {Playground} pg
   * @param {StepReport} report
   * @returns {StepReport}
   */
  counted(pg, report) {
    const from = this.restored.get(pg);
    if (!from) return report;
    const divergence = report.divergence && { ...report.divergence, step: report.divergence.step + from.step };
    return { ...report, step: report.step + from.step, epoch: report.epoch + from.epoch, divergence };
  }
}
