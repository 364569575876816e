/**
 * The page controller: what every page does the same way, written once. A page
 * subclasses `Page` and supplies its state description, how to build its
 * sessions from a state, and how to draw; the controller renders the header and
 * banners, loads the core, reads the link into the form, builds (falling back
 * to the defaults when the core refuses a link), runs the play loop, applies
 * settings (read → check → redraw or rebuild, the old sessions kept when the
 * core refuses), keeps the URL hash in step, relabels after a language change,
 * redraws after a resize, and exposes a read-only handle for the console and
 * the end-to-end tests.
 */
import { loadPackage } from "../core/load.js";
import { describeProblems } from "../core/errors.js";
import { t, onLangChange, markTranslated } from "../core/i18n.js";
import { SettingsForm } from "./fields.js";
import { renderHeader } from "./header.js";
import { startNav } from "./nav.js";
import { applyEmbed } from "./embed.js";
import { renderBanners, showError, hideError, showNotice, hideNotice, messageOf } from "./banners.js";
import { PlayLoop } from "./play-loop.js";
import { renderFigures } from "../views/figures.js";

const $ = (id) => document.getElementById(id);

/** Call `fn` after the window resized, at most once per animation frame. */
function onResize(fn) {
  let queued = false;
  window.addEventListener("resize", () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      fn();
    });
  });
}

/** Whether a key press is the space bar outside any control (play/pause). */
function isSpaceBar(e) {
  const target = e.target;
  const typing = target instanceof HTMLInputElement || target instanceof HTMLSelectElement ||
    target instanceof HTMLTextAreaElement || target instanceof HTMLButtonElement;
  return e.key === " " && !typing && !e.repeat;
}

/**
 * @template Sessions what `build` makes from a state: the page's Playground(s)
 * @template {import("../core/state.js").State & { speed?: string }} S the page's state (its
 *   `speed`, on a page that plays: "max" or the updates per frame)
 */
export class Page {
  /**
   * @param {object} options
   * @param {string} options.hook the window property of the read-only handle
   * @param {Parameters<typeof renderHeader>[0]} options.header the header's parts
   * @param {Parameters<typeof renderBanners>[0]} options.banners the banners' wording
   * @param {{ budgetMs: number, maxSteps: number } | null} [options.loop] the play loop, for a
   *   page that trains continuously
   * @param {Record<string, import("./fields.js").Widget>} [options.widgets] controls the page
   *   reads itself (fields.js)
   */
  constructor({ hook, header, banners, loop = null, widgets = {} }) {
    markTranslated(); // before anything is written: the page starts in the language of its link
    this.hook = hook;
    this.header = header;
    this.banners = banners;
    this.widgets = widgets;
    /** @type {typeof import("../../pkg/nn_playground.js") | null} */
    this.wasm = null;
    /** @type {ReturnType<typeof import("../core/state.js").describeState<S>> | null} */
    this.description = null;
    /** @type {SettingsForm | null} */
    this.form = null;
    /**
     * The state the current sessions stand for, and the sessions (what `build` returned).
     * @type {S | null}
     */
    this.state = null;
    /** @type {Sessions | null} */
    this.sessions = null;
    /** @type {import("../core/state.js").Problem[]} */
    this.linkProblems = [];
    this.lastHash = "";
    this.loop = loop && new PlayLoop({
      ...loop,
      speed: () => this.state?.speed ?? "max",
      step: (k) => this.step(k),
      show: (result) => this.show(result, { forced: false }),
      label: (on) => this.showPlaying(on),
      canPlay: () => this.sessions !== null && this.canPlay(),
      paused: () => this.paused(),
    });
  }

  // ------------------------------------------------------------- what a page supplies

  /**
   * The page's state description, from the core's schema (js/core/state.js).
   * @param {import("../../pkg/nn_playground.js").ConfigSchema} _schema
   * @returns {ReturnType<typeof import("../core/state.js").describeState<S>>}
   */
  describe(_schema) {
    throw new Error("a page describes its state");
  }

  /**
   * New sessions for `state` (and what else its link asked for: `parseLink`'s `link`); throws
   * the core's error when it refuses the state.
   * @param {S} _state
   * @param {unknown} [_link]
   * @returns {Sessions}
   */
  build(_state, _link) {
    throw new Error("a page builds its sessions");
  }

  /** Draw everything for the sessions just built (`this.sessions`, `this.state`). */
  adopt() {}

  /**
   * Free sessions that are replaced.
   * @param {Sessions} _sessions
   */
  free(_sessions) {}

  /**
   * Run k updates (the play loop's timed part); returns what `show` draws.
   * @param {number} _k
   */
  step(_k) {}

  /**
   * Draw what `step` returned (`forced`: after a single step, draw everything).
   * @param {unknown} _result
   * @param {{ forced: boolean }} _options
   */
  show(_result, _options) {}

  /** Whether playing may start (the page may say why not). */
  canPlay() {
    return true;
  }

  /** After every pause. */
  paused() {}

  /** Create the page's views, once the core is loaded and before the first build. */
  prepare() {}

  /** Add the page's own tools to the header, after Share and Embed (before the core loads). */
  tools() {}

  /**
   * The state a link stands for, what was not understood in it, and what else it asks of the
   * sessions (`link`, handed to `build`; null when nothing).
   * @param {string} hash
   * @returns {{ state: S, problems: import("../core/state.js").Problem[], link: unknown }}
   */
  parseLink(hash) {
    return { ...this.description.parse(hash), link: null };
  }

  /**
   * Whether a link's `link` asks for other sessions than the current ones, the state aside.
   * @param {unknown} _link
   */
  linkChanged(_link) {
    return false;
  }

  /**
   * Hash parts ("key=value") the address holds besides the state, for the current sessions.
   * @returns {string[]}
   */
  linkParts() {
    return [];
  }

  /**
   * A setting was read from the form: adjust `next` before it is built (or return null to stop).
   * @param {string} _key
   * @param {S} next
   * @returns {S | null}
   */
  settingChanged(_key, next) {
    return next;
  }

  /**
   * Only view options changed (from `previous` to `this.state`): redraw.
   * @param {S} _previous
   */
  viewChanged(_previous) {}

  /** The language changed: rewrite what code wrote, redraw canvas text. */
  relabel() {}

  /** The window was resized. */
  resize() {}

  /**
   * The state a link stands for when the core refuses it: the defaults.
   * @param {S} _refused
   * @returns {S}
   */
  fallbackState(_refused) {
    return this.description.defaults();
  }

  /**
   * The page's own read-only properties of its handle, each read when asked.
   * @returns {Record<string, () => unknown>}
   */
  handle() {
    return {};
  }

  // ------------------------------------------------------------- what the controller does

  /** Render, load the core, build from the link, and wire everything. */
  async start() {
    renderHeader(this.header);
    renderBanners(this.banners);
    renderFigures(document);
    startNav();
    this.tools();
    if (this.loop) this.showPlaying(false);
    this.wasm = await this.loadCore();
    if (!this.wasm) return;
    this.description = this.describe(this.wasm.configSchema());
    this.form = new SettingsForm(document, this.description, { widgets: this.widgets });
    this.form.prepare();
    applyEmbed(); // again: the fields rendered from the schema name their controls now
    this.prepare();
    const { state, problems, link } = this.parseLink(location.hash);
    this.form.write(state);
    this.showLinkProblems(problems);
    if (!this.rebuild(state, link)) {
      const message = $("error-text").textContent;
      const fallback = this.fallbackState(state);
      this.form.write(fallback);
      this.rebuild(fallback);
      showError(message, { hint: t("The link's settings were replaced by the defaults.") });
    }
    this.wire();
    document.documentElement.dataset.ready = "true";
    /** @type {typeof window & Record<string, unknown>} */ (window)[this.hook] = this.makeHandle();
  }

  /** Import and initialize www/pkg; on failure the banner says how to build it. */
  async loadCore() {
    try {
      return await loadPackage();
    } catch (err) {
      showError(`pkg/nn_playground.js: ${messageOf(err)}`, {
        title: t("The WebAssembly core did not load."),
        hint: t("The page cannot train without it. Build it with: wasm-pack build --target web --out-dir www/pkg"),
      });
      document.documentElement.dataset.ready = "error";
      return null;
    }
  }

  wire() {
    $("reset")?.addEventListener("click", () => this.reset());
    if (this.loop) {
      this.loop.watch(document.documentElement); // an offscreen frame (a lecture's widget) suspends
      $("play").addEventListener("click", this.loop.toggle);
      $("step")?.addEventListener("click", () => this.stepOnce());
      document.addEventListener("keydown", (e) => {
        if (!isSpaceBar(e)) return;
        e.preventDefault();
        this.loop.toggle();
      });
    }
    this.form.onChange((key) => this.applySettings(key));
    window.addEventListener("hashchange", () => this.onHashChange());
    onLangChange(() => {
      if (this.loop) this.showPlaying(this.loop.playing);
      if (this.linkProblems.length && !$("hash-notice").hidden) this.showLinkProblems(this.linkProblems);
      this.relabel();
    });
    onResize(() => this.resize());
  }

  /**
   * Build sessions for `state` (and its link's `link`, see `parseLink`) and draw them; on the
   * core's refusal show why and keep the old ones.
   */
  rebuild(state, link = null) {
    let sessions;
    try {
      sessions = this.build(state, link);
    } catch (err) {
      this.showRejected([err]);
      return false;
    }
    hideError();
    this.form.clearErrors();
    if (this.sessions) this.free(this.sessions);
    this.sessions = sessions;
    this.state = this.description.clone(state);
    this.form.write(this.state);
    if (this.loop) this.loop.stepsPerFrame = 1;
    this.adopt();
    this.updateHash();
    return true;
  }

  /** Show refused settings: each beside its control (by the core's code and key), all in the banner. */
  showRejected(errors) {
    const coded = errors.filter((e) => e?.code);
    const messages = this.form.showErrors(coded);
    for (const e of errors) if (!e?.code) messages.push(t(messageOf(e)));
    showError(messages);
  }

  /** A control was committed: read the form, then redraw (view options) or rebuild. */
  applySettings(key) {
    if (!this.state) return;
    const { state: read, errors } = this.form.read(this.state);
    if (errors.length) {
      this.showRejected(errors);
      return;
    }
    const next = this.settingChanged(key, read);
    if (!next) return;
    if (!this.description.sameSessions(next, this.state)) {
      this.rebuild(next);
      return;
    }
    hideError();
    this.form.clearErrors();
    const previous = this.state;
    this.state = next;
    this.viewChanged(previous);
    this.updateHash();
  }

  /** Build again from the form (the same seed gives the same start). */
  reset() {
    if (!this.state) return;
    const { state, errors } = this.form.read(this.state);
    if (errors.length) this.showRejected(errors);
    else this.rebuild(state);
  }

  /** One update, drawn in full. */
  stepOnce() {
    if (!this.sessions) return;
    if (this.loop.playing) this.loop.pause();
    this.show(this.step(1), { forced: true });
  }

  /** Show the play button as playing or paused. */
  showPlaying(on) {
    const button = $("play");
    if (!button) return;
    button.setAttribute("aria-pressed", String(on));
    button.classList.toggle("playing", on);
    button.querySelector(".play-label").textContent = on ? t("Pause") : t("Play");
    const { play, pause } = this.header.player ?? {};
    if (pause) button.title = t(on ? pause : play);
  }

  /** Write the state (and the page's other link parts) to the URL hash, replacing the history entry. */
  updateHash() {
    const hash = `#${[this.description.serialize(this.state), ...this.linkParts()].filter(Boolean).join("&")}`;
    if (location.hash !== hash) history.replaceState(null, "", hash);
    this.lastHash = hash;
  }

  /** Name the link settings that fell back to their defaults, each with its field's label (or hide the notice). */
  showLinkProblems(problems) {
    this.linkProblems = problems;
    if (problems.length) showNotice(describeProblems(problems, { label: (keyPath) => this.form.labelOf(keyPath) }));
    else hideNotice();
  }

  /** A new link in the address bar: its state, unless only a page option (the language) changed. */
  onHashChange() {
    if (location.hash === this.lastHash || !this.description) return;
    const { state, problems, link } = this.parseLink(location.hash);
    this.showLinkProblems(problems);
    if (this.state && !this.linkChanged(link) && this.description.serialize(state) === this.description.serialize(this.state)) {
      this.lastHash = location.hash;
      return;
    }
    this.form.write(state);
    this.rebuild(state, link);
  }

  /** The read-only handle: the state, playing, and the page's own properties. */
  makeHandle() {
    /** @type {Record<string, () => unknown>} */
    const readers = {
      state: () => this.state && this.description.clone(this.state),
      playing: () => this.loop?.playing ?? false,
      stepsPerFrame: () => this.loop?.stepsPerFrame ?? 0,
      ...this.handle(),
    };
    const handle = {};
    for (const [name, read] of Object.entries(readers)) Object.defineProperty(handle, name, { get: read, enumerable: true });
    return Object.freeze(handle);
  }
}
