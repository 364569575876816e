/**
 * <nn-playground>: a small playground any page can show with one module script.
 *
 *   <script type="module" src="https://your.host/nn-playground/js/element/nn-playground-element.js"></script>
 *   <nn-playground dataset="spiral" hidden="8,8" learning-rate="0.03" autoplay></nn-playground>
 *
 * Attributes are the playground's URL-hash keys written in kebab-case
 * (learning-rate, batch-size, train-fraction, init-scale, show-test-data,
 * log-scale), with values as in the hash (hidden="8,8", scale="1,100",
 * points="x0,y0,label0,…" with dataset="custom"). HTML ignores the case of
 * attribute names, so learningRate (read as learningrate) works too. `hidden`
 * keeps its hash meaning (the hidden layer sizes), not HTML's. A value that is
 * not understood falls back to its default and the element names it by its
 * field's label and the attribute as written, with what it must be
 * ("Learning rate — learning-rate=-1: must be greater than 0 …"). Defaults,
 * limits and choices are the core's (its schema), as on the playground page.
 * `autoplay` starts training at once — unless the reader prefers reduced
 * motion: then the element waits for Play and says why; `lang="ko"` (on the
 * element or an ancestor) shows it in Korean.
 *
 * Each element has its own Playground, canvases, play loop (the pages' loop)
 * and shadow-DOM styles, so several on one page train independently; the wasm
 * package is loaded once for all of them. A playing element scrolled out of
 * view stays playing but suspends its frames until it is back. Script API:
 * play(), pause(), step(n = 1), reset(); read-only playing, report, config,
 * playground; the "nn-playground-ready" event fires once it has drawn.
 */
import { attributeName, encodeValue } from "../core/hash.js";
import { loadPackage } from "../core/load.js";
import { describeError, describeProblems, settingOf, indexOf } from "../core/errors.js";
import { SETTING_FIELDS } from "../core/labels.js";
import { formatLoss, formatAccuracy } from "../core/format.js";
import { describePlayground } from "../playground/state.js";
import { BoundaryView, shapeOf } from "../views/boundary.js";
import { LossChart } from "../views/loss-chart.js";
import { PlayLoop } from "../shell/play-loop.js";
import { tIn, onLangChange, LANGS } from "../core/i18n.js";
import "../playground/ko.js";

/** Milliseconds of stepping per frame and element (several share a frame). */
const STEP_BUDGET_MS = 4;
const MAX_STEPS_PER_FRAME = 100000;

/**
 * The playground's state description, once the core has given its schema.
 * @type {ReturnType<typeof describePlayground> | null}
 */
let description = null;

/** The package and the playground's description, loaded once for every element. */
async function loadCore() {
  const wasm = await loadPackage();
  description ??= describePlayground(wasm.configSchema());
  return wasm;
}

/** The key an attribute names: kebab-case or the lowercased camelCase of a key (or hidden-layers). */
function keyOf(attribute) {
  if (attribute === "hidden-layers") return "hidden";
  return description.keys.find((key) => attributeName(key) === attribute || key.toLowerCase() === attribute) ?? null;
}

/** The labels of the pairs' fields, one per feature (x₁, x₂), as the playground shows them. */
const PAIR_LABELS = { scale: "Scale x", offset: "Offset x" };

/**
 * The visible label of the playground's field for an error's key path, as the page shows it
 * ("learningRate" → "Learning rate", "beta1" → "Adam β₁", "scale[1]" → "Scale x₂"), translated
 * by `t`; the key path itself for a key without a field.
 * @param {string} keyPath
 * @param {(english: string) => string} t
 */
function fieldLabel(keyPath, t) {
  const key = settingOf(keyPath);
  const index = indexOf(keyPath);
  if (key in PAIR_LABELS) return index === null ? keyPath : `${t(PAIR_LABELS[key])}${"₁₂"[index] ?? ""}`;
  const look = SETTING_FIELDS[key];
  return look ? [t(look.label), look.symbol].filter(Boolean).join(" ") : keyPath;
}

/** Attributes that are not settings and are not reported as unknown. */
const OTHER_ATTRIBUTES = new Set(["autoplay", "lang", "id", "class", "style", "title", "slot", "part", "dir", "tabindex", "translate", "role"]);

const STYLE = `
:host { display: block !important; max-width: 760px; color: #1c2430;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.box { border: 1px solid #dde2e9; border-radius: 8px; background: #fff; padding: 10px 12px; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 10px; }
button { font: inherit; border: 1px solid #c6cdd7; background: #f3f6fa; color: inherit; border-radius: 999px;
  padding: 4px 12px; cursor: pointer; }
button:hover { background: #e6ecf3; }
button:focus-visible, canvas:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
button.play { background: #183153; border-color: #183153; color: #fff; font-weight: 600; min-width: 6em; }
button.play:hover { background: #24497a; }
.stats { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0 0 0 auto; font-size: 13px; color: #5b6573; }
.stats div { display: flex; gap: 5px; }
.stats dt { margin: 0; }
.stats dd { margin: 0; color: #1c2430; font-weight: 600; font-variant-numeric: tabular-nums; }
.notice { margin: 8px 0 0; padding: 6px 8px; font-size: 12px; border-radius: 6px; background: #fff6dc;
  border: 1px solid #e9cf7d; color: #5a4300; }
.error { background: #fdecea; border-color: #e0a39c; color: #8a1c12; }
.plots { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 10px; margin-top: 10px; align-items: start; }
canvas { display: block; width: 100%; }
[hidden] { display: none !important; }
`;

/** @type {CSSStyleSheet | null} */
let sharedSheet = null;

/** The element's style sheet, made once and shared by every instance. */
function sheet() {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(STYLE);
  }
  return sharedSheet;
}

export class NnPlaygroundElement extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [sheet()]; // a constructed sheet: allowed under a CSP without inline styles
    root.innerHTML = `
      <div class="box" part="box">
        <div class="bar" role="group">
          <button type="button" class="reset"></button>
          <button type="button" class="play" aria-pressed="false"></button>
          <button type="button" class="step"></button>
          <dl class="stats">
            <div><dt class="l-step"></dt><dd class="v-step">0</dd></div>
            <div><dt class="l-train"></dt><dd class="v-train">–</dd></div>
            <div><dt class="l-test"></dt><dd class="v-test">–</dd></div>
            <div class="accuracy"><dt class="l-acc"></dt><dd class="v-acc">–</dd></div>
          </dl>
        </div>
        <p class="notice" role="status" hidden></p>
        <p class="notice motion-note" role="status" hidden></p>
        <div class="plots">
          <canvas class="boundary" role="img"></canvas>
          <canvas class="chart" role="img"></canvas>
        </div>
      </div>`;
    /** The element of the shadow tree with class `cls`. */
    this.$ = (/** @type {string} */ cls) => /** @type {HTMLElement} */ (root.querySelector(`.${cls}`));
    /** @type {typeof import("../../pkg/nn_playground.js") | null} */
    this.wasm = null;
    /** @type {import("../../pkg/nn_playground.js").Playground | null} */
    this.pg = null;
    /** @type {import("../playground/state.js").PlaygroundState | null} */
    this.state = null;
    this.problems = [];
    /** @type {Map<string, string>} each setting's attribute as the page wrote it ("learningrate", "learning-rate") */
    this.attributeNames = new Map();
    this.error = null;
    this.lastReport = null;
    this.diverged = false;
    this.rebuildQueued = false;
    /** Whether `autoplay` was not honoured because the reader prefers reduced motion (until Play). */
    this.autoplayHeld = false;
    this.loop = new PlayLoop({
      budgetMs: STEP_BUDGET_MS,
      maxSteps: MAX_STEPS_PER_FRAME,
      speed: () => this.state?.speed ?? "max",
      step: (k) => this.pg.step(k),
      show: (r) => this.onReport(r),
      label: (on) => {
        if (on) this.autoplayHeld = false;
        this.renderText();
      },
      canPlay: () => this.pg !== null && !this.diverged,
    });
    this.$("play").addEventListener("click", this.loop.toggle);
    this.$("step").addEventListener("click", () => this.step(1));
    this.$("reset").addEventListener("click", () => this.reset());
    // Any attribute may name a setting (the keys are known once the core has loaded).
    new MutationObserver((records) => this.attributesChanged(records)).observe(this, { attributes: true });
  }

  /** The element's language: its own lang, an ancestor's, or English. */
  get language() {
    const l = (this.closest("[lang]")?.getAttribute("lang") ?? "en").slice(0, 2).toLowerCase();
    return LANGS.includes(l) ? l : "en";
  }

  t(english, params) {
    return tIn(this.language, english, params);
  }

  connectedCallback() {
    if (!this.view) {
      this.view = new BoundaryView(/** @type {HTMLCanvasElement} */ (this.$("boundary")));
      this.chart = new LossChart(/** @type {HTMLCanvasElement} */ (this.$("chart")), { height: 200 });
      this.resizer = new ResizeObserver(() => this.layout());
      this.resizer.observe(this);
    }
    this.unsubscribe = onLangChange(() => this.renderText());
    this.unwatch = this.loop.watch(this);
    this.renderText();
    loadCore().then(
      (wasm) => {
        this.wasm = wasm;
        if (!this.isConnected) return;
        this.build();
        this.dispatchEvent(new CustomEvent("nn-playground-ready", { bubbles: true, composed: true }));
        if (this.hasAttribute("autoplay")) {
          this.autoplayHeld = !!window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
          if (this.autoplayHeld) this.renderText();
          else this.play();
        }
      },
      (err) => this.showNotice(`pkg/nn_playground.js: ${err?.message ?? err}`, true),
    );
  }

  disconnectedCallback() {
    this.pause();
    this.unsubscribe?.();
    this.unwatch?.();
    if (this.pg) this.pg.free();
    this.pg = null;
  }

  attributesChanged(records) {
    if (records.some((r) => r.attributeName === "lang")) this.renderText();
    if (!this.wasm || this.rebuildQueued || records.every((r) => r.attributeName === "lang")) return;
    // Several attributes set in a row rebuild once.
    this.rebuildQueued = true;
    queueMicrotask(() => {
      this.rebuildQueued = false;
      if (this.isConnected) this.build();
    });
  }

  /** The settings of the attributes, read like the playground's link; remembers each key's attribute name. */
  readState() {
    const parts = [];
    const unknown = [];
    this.attributeNames = new Map();
    for (const { name, value } of this.attributes) {
      const key = keyOf(name);
      if (key) {
        this.attributeNames.set(key, name);
        parts.push(`${encodeURIComponent(key)}=${encodeValue(value)}`);
      } else if (!OTHER_ATTRIBUTES.has(name) && !/^(data-|aria-|on)/.test(name)) unknown.push(name);
    }
    const { state, problems } = description.parse(parts.join("&"));
    for (const name of unknown) problems.push({ key: name, raw: "", code: "unknownKey", params: { got: name } });
    return { state, problems };
  }

  build() {
    const { state, problems } = this.readState();
    this.problems = problems;
    this.error = null;
    let next = null;
    try {
      next = new this.wasm.Playground(description.toConfig(state));
    } catch (err) {
      this.error = err;
    }
    if (!next) {
      if (this.pg) {
        this.renderText();
        return;
      }
      next = new this.wasm.Playground({}); // every default
    }
    if (this.pg) this.pg.free();
    this.pg = next;
    this.state = state;
    this.diverged = false;
    this.loop.stepsPerFrame = 1;
    this.chart.reset();
    this.chart.logScale = state.logScale;
    this.view.discretize = state.discretize;
    this.view.setData({
      bounds: next.bounds(),
      train: next.points("train"),
      test: next.points("test"),
      regression: next.config().problem === "regression",
    });
    this.onReport(next.step(0));
    this.renderText();
  }

  layout() {
    if (!this.view) return;
    this.view.resize();
    this.chart.resize();
    if (this.pg) this.drawBoundary();
    this.chart.draw();
  }

  drawBoundary() {
    if (!this.diverged) {
      this.view.paintFrom(this.pg, this.state.hidden, shapeOf(this.state));
    }
    this.view.draw({ showTestData: !!this.state?.showTestData });
  }

  /** @param {import("../../pkg/nn_playground.js").StepReport} r */
  onReport(r) {
    this.lastReport = r;
    this.chart.push(r);
    if (r.diverged) {
      this.diverged = true;
      this.pause();
    }
    this.drawBoundary();
    this.chart.draw();
    this.$("v-step").textContent = String(r.step);
    this.$("v-train").textContent = formatLoss(r.trainLoss);
    this.$("v-test").textContent = formatLoss(r.testLoss);
    this.$("accuracy").hidden = r.testAccuracy === null || r.testAccuracy === undefined;
    this.$("v-acc").textContent = formatAccuracy(r.testAccuracy);
  }

  /** Every string of the element, in its language. */
  renderText() {
    const t = (s, p) => this.t(s, p);
    this.$("reset").textContent = t("Reset");
    this.$("reset").title = t("Reset the network (same seed, same initial weights)");
    this.$("play").textContent = this.playing ? t("Pause") : t("Play");
    this.$("play").setAttribute("aria-pressed", String(this.playing));
    this.$("step").textContent = t("Step");
    this.$("step").title = t("One mini-batch update");
    this.$("bar").setAttribute("aria-label", t("Training controls"));
    this.$("l-step").textContent = t("Step");
    this.$("l-train").textContent = t("Training loss");
    this.$("l-test").textContent = t("Test loss");
    this.$("l-acc").textContent = t("Test accuracy");
    this.$("boundary").setAttribute("aria-label", t("Decision boundary"));
    this.$("chart").setAttribute("aria-label", t("Loss curve"));
    // A setting is named by its field's label and by the attribute as written: "Learning rate — learning-rate=-1".
    const name = (key) => this.attributeNames.get(key) ?? attributeName(key);
    const label = (keyPath) => fieldLabel(keyPath, t);
    if (this.error) {
      const key = this.error.key ?? "";
      const field = label(key);
      const named = field === key ? name(settingOf(key)) : `${field} (${name(settingOf(key))})`;
      this.showNotice(`${t("Settings rejected.")} ${describeError(this.error, named, t)}`, true);
    } else if (this.problems.length) {
      const listed = describeProblems(this.problems, { t, name, label });
      this.showNotice(`${t("Some attributes were not understood and use their defaults:")} ${listed}`);
    } else this.$("notice").hidden = true;
    const motion = this.$("motion-note");
    motion.hidden = !this.autoplayHeld;
    motion.textContent = this.autoplayHeld ? t("Not playing by itself: your system asks for reduced motion. Press Play to train.") : "";
    if (this.chart) this.chart.draw();
  }

  showNotice(text, error = false) {
    const notice = this.$("notice");
    notice.textContent = text;
    notice.classList.toggle("error", error);
    notice.hidden = false;
  }

  // ---------------------------------------------------------------- API

  get playing() {
    return this.loop.playing;
  }

  /** The last step report ({ step, trainLoss, testLoss, … }), or null before the core loaded. */
  get report() {
    return this.lastReport;
  }

  /** The full config the network was built with. */
  get config() {
    return this.pg ? this.pg.config() : null;
  }

  /** The element's Playground (the core's object), or null before the core loaded. */
  get playground() {
    return this.pg;
  }

  play() {
    this.loop.play();
  }

  pause() {
    this.loop.pause();
  }

  step(n = 1) {
    if (!this.pg || this.diverged) return;
    if (this.playing) this.pause();
    this.onReport(this.pg.step(n));
  }

  reset() {
    if (this.wasm) this.build();
  }
}

if (!customElements.get("nn-playground")) customElements.define("nn-playground", NnPlaygroundElement);
