/**
 * Messages from error codes, in the page's language. The core's errors (thrown
 * JS Errors with `code`, `key` and `params`) and the pages' own checks of links
 * and forms share one shape, { code, key, params }; `describeError` words one
 * for a control named by its visible label, `reasonOf` without the name (for a
 * link's notice, where the key stays as typed).
 */
import { t as translate } from "./i18n.js";
import { formatNumber } from "./format.js";

/**
 * The facts of an error or problem, as data; which ones it has depends on its code.
 * @typedef {object} ErrorParams
 * @property {unknown} [got] the value refused
 * @property {number | null} [min] "outOfRange": the limits
 * @property {number | null} [max] also "tooLarge", "tooMuchWork": the most allowed
 * @property {boolean} [minExclusive]
 * @property {boolean} [maxExclusive]
 * @property {string | number} [expected] "wrongType": what the value must be; "wrongLength": how many numbers
 * @property {number} [multiple] "wrongLength": the count must be a multiple of this
 * @property {string[]} [choices] "unknownChoice"
 * @property {string} [unit] "tooLarge", "tooMuchWork": what is counted ("layers", "points", "updates")
 * @property {string} [what] "tooMuchWork" without a size: the computation refused ("learning-rate sweep")
 * @property {number} [work] its multiply-adds, and the most one call may do
 * @property {number} [budget]
 * @property {string} [dataset] "datasetProblem": the dataset, its problem type and the state's
 * @property {string} [datasetProblem]
 * @property {string} [problem]
 * @property {number[]} [lines] "csvLines": the bad lines' numbers, their text, and how many more
 * @property {string[]} [texts]
 * @property {number} [more]
 * @property {string} [reason] "unreadable": why
 * @property {string} [loss] "lossExplodes": which loss ("trainLoss", "testLoss")
 * @property {number} [used] "memoryFull": the bytes the playgrounds would hold, and the most allowed
 * @property {number} [limit]
 * @property {string} [format] "modelFormat": the format and version expected
 * @property {number} [version] also "linkVersion": the version of trained weights in a link read
 */

/**
 * What `reasonOf` and `describeError` word: one of the core's errors, a problem of a link or a
 * form (a code and its facts), or any other thrown Error (its English message).
 * @typedef {object} CodedError
 * @property {string} [code]
 * @property {string} [key] the key path at fault ("learningRate", "hidden[1]")
 * @property {ErrorParams} [params]
 * @property {string} [message]
 */

/**
 * The range a value must lie in, in words (params of an "outOfRange" error); `t` translates.
 * @param {ErrorParams} params
 */
export function rangeText({ min = null, max = null, minExclusive = false, maxExclusive = false }, t = translate) {
  const values = { min: formatNumber(min), max: formatNumber(max) };
  if (min !== null && max !== null) {
    if (!minExclusive && !maxExclusive) return t("between {min} and {max}", values);
    if (minExclusive && !maxExclusive) return t("greater than {min} and at most {max}", values);
    if (!minExclusive && maxExclusive) return t("at least {min} and less than {max}", values);
    return t("greater than {min} and less than {max}", values);
  }
  if (min !== null) return minExclusive ? t("greater than {min}", values) : t("at least {min}", values);
  if (max !== null) return maxExclusive ? t("less than {max}", values) : t("at most {max}", values);
  return t("a finite number");
}

/** The value an error quotes: numbers formatted, text in quotes. */
function quote(value) {
  return typeof value === "number" ? formatNumber(value) : `“${value}”`;
}

/**
 * Why the value was refused, without naming the setting: "must be between 0 and 0.5; got 2".
 * `t` translates (the page's language by default; an element passes its own).
 * @param {CodedError} error
 */
export function reasonOf({ code, params = {}, message = "" }, t = translate) {
  const got = quote(params.got);
  switch (code) {
    case "outOfRange":
      return t("must be {range}; got {got}", { range: rangeText(params, t), got });
    case "notWhole":
      return t("must be a whole number; got {got}", { got });
    case "zero":
      return t("must not be 0");
    case "wrongType":
      if (params.expected === "number") return t("must be a number; got {got}", { got });
      if (params.expected === "text") return t("must be text; got {got}", { got });
      if (params.expected === "list" || params.expected === "numbers") return t("must be a list of numbers; got {got}", { got });
      if (params.expected === "layers") return t("must be whole numbers separated by commas; got {got}", { got });
      if (params.expected === "boolean") return t("must be true or false; got {got}", { got });
      if (params.expected === "auto") return t("must be “auto” or a number greater than 0; got {got}", { got });
      if (params.expected === "canvas") return t("must be a canvas; got {got}", { got });
      if (params.expected === "keys") return t("must be keys of the link separated by commas, or none; got {got}", { got });
      return t("must be an object; got {got}", { got });
    case "unknownChoice":
      return t("must be one of {choices}; got {got}", { choices: (params.choices ?? []).join(", "), got });
    case "unknownKey":
      return t("is not a setting here");
    case "tooLarge":
      if (params.got === undefined) return t("may have at most {max} {unit}", { max: formatNumber(params.max), unit: t(params.unit ?? "values") });
      return t("may have at most {max} {unit}; got {got}", { max: formatNumber(params.max), unit: t(params.unit ?? "values"), got });
    case "tooMuchWork":
      if (params.max === undefined) {
        return t("needs about {work} multiply-adds with this network and data, more than one call may do ({budget})", {
          work: formatNumber(params.work), budget: formatNumber(params.budget),
        });
      }
      return t("must be at most {max} {unit} with this network and data; got {got}", { max: formatNumber(params.max), unit: t(params.unit ?? "values"), got });
    case "wrongLength":
      return params.multiple !== undefined
        ? t("needs a multiple of {multiple} numbers; got {got}", { multiple: params.multiple, got })
        : t("needs {expected} numbers; got {got}", { expected: params.expected, got });
    case "notALabel":
      return params.max > 1
        ? t("must be a class label, 0 … {max}; got {got}", { max: params.max, got })
        : t("must be a class label, 0 or 1; got {got}", { got });
    case "twoClasses":
      return params.dataset
        ? t("must be 2 for the {dataset} dataset; got {got}", { dataset: params.dataset, got })
        : t("must be 2 for regression; got {got}", { got });
    case "datasetProblem":
      return t("{dataset} is a {datasetProblem} dataset, but the problem type is {problem}", {
        dataset: params.dataset, datasetProblem: t(params.datasetProblem), problem: t(params.problem),
      });
    case "pointsUnused":
      return t("are only used with your own points");
    case "csvLines": {
      const lines = (params.lines ?? []).map((n, i) => `${t("line {n}", { n })}: “${params.texts?.[i] ?? ""}”`).join("; ");
      const more = params.more > 0 ? t(" and {n} more", { n: params.more }) : "";
      return t("has lines that are not three numbers x,y,label: {lines}{more}", { lines, more });
    }
    case "csvEmpty":
      return t("holds no points (lines of x,y,label)");
    case "modelFormat":
      return t("is not a model file of this version ({format}, version {version})", params);
    case "lossExplodes":
      return t("give a {loss} of {got} on their data; it must be finite and at most 10¹²", { loss: t(params.loss === "testLoss" ? "test loss" : "training loss"), got });
    case "memoryFull":
      return t("would take the playgrounds in memory to {used} bytes, more than the {limit} allowed; free() the ones no longer used", { used: formatNumber(params.used), limit: formatNumber(params.limit) });
    case "notBase64url":
      return t("must be base64url text (letters, digits, - and _); got {got}", { got });
    case "linkCut":
      return t("are cut off ({got} bytes): copy the whole link again", { got });
    case "linkVersion":
      return t("are of version {got}; this page reads versions up to {version}", { got, version: params.version });
    case "badCount":
      return t("hold an update count that cannot be: {got}", { got });
    case "nonFiniteWeight":
      return t("hold a weight that is not a finite number: {got}", { got });
    case "needsPoints":
      return t("needs its points in the link");
    case "needsTraining":
      return t("needs a path: train for a few steps first");
    case "empty":
      return t("must not be empty");
    case "unreadable":
      return t("could not be read ({reason})", { reason: params.reason ?? "" });
    default:
      return t(message);
  }
}

/** The whole message for a control named `label`: "Learning rate must be greater than 0…; got −1". */
export function describeError(error, label = error.key, t = translate) {
  if (!error?.code) return t(error?.message ?? String(error));
  return t("{label} {reason}", { label, reason: reasonOf(error, t) });
}

/** The setting an error's key path names: "hidden[1]" → "hidden", "config.seed" → "seed". */
export function settingOf(key = "") {
  return key.replace(/^config\./, "").replace(/[.[].*$/, "");
}

/** The index inside a pair or list an error's key path names ("scale[1]" → 1), or null. */
export function indexOf(key = "") {
  const m = /\[(\d+)\]/.exec(key);
  return m ? Number(m[1]) : null;
}

/** Why training stopped (a report's `divergence`), in words: "the mini-batch loss exploded to 1.2 × 10¹³ at step 41". */
export function describeDivergence(divergence, t = translate) {
  if (!divergence) return t("The loss is no longer finite.");
  const params = { value: formatNumber(divergence.value), step: divergence.step, parameter: divergence.parameter };
  switch (divergence.cause) {
    case "parameter": return t("parameter {parameter} became {value} at step {step}", params);
    case "trainLoss": return t("the training loss exploded to {value} at step {step}", params);
    case "testLoss": return t("the test loss exploded to {value} at step {step}", params);
    default: return t("the mini-batch loss exploded to {value} at step {step}", params);
  }
}

/**
 * A link's (or attributes') problems as "key=value: reason", the keys and
 * values as typed; `name` writes a key as the reader typed it, and `label`
 * gives the visible label of the field a key path ("scale[1]") fell back in,
 * put first: "Learning rate — learningRate=-1: must be …" (none when it is the key,
 * or for a key that is no setting).
 */
export function describeProblems(problems, { t = translate, name = (key) => key, label = (keyPath) => keyPath } = {}) {
  const shorten = (text) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
  return problems.map((p) => {
    const field = p.code !== "unknownKey" && label(p.at === undefined ? p.key : `${p.key}[${p.at}]`);
    const named = field && field !== p.key ? `${field} — ` : "";
    return `${named}${name(p.key)}${p.raw ? `=${shorten(p.raw)}` : ""}: ${reasonOf(p, t)}`;
  }).join("; ");
}
