/**
 * Play/pause and the animation loop of a training page (and of each
 * <nn-playground> element): while playing, `step(k)` runs once per animation
 * frame with k adapted so that stepping takes about `budgetMs` (see
 * step-budget.js), capped by the speed setting; `show(result)` then draws what
 * it returned. Stepping gets what drawing leaves of the frame budget, so a page
 * that draws a lot trains fewer updates a frame instead of dropping frames.
 * Loops playing at once in one tab — elements on a page, a lecture's widgets in
 * same-origin frames — run on one main thread, so they share that budget: each
 * steps for its share, and when their drawings together exceed it, each draws
 * every few frames in turn. The budget adapts to what the frames take, since
 * the browser's share of a frame (layout, paint, one pass per document shown)
 * varies: the tab's budget starts at FRAME_BUDGET_MS; the interval between
 * animation frames, read by the tab's longest-playing loop, shrinks it by
 * SHRINK (not below MIN_FRAME_BUDGET_MS) when a frame came late (over
 * LATE_FRAME_MS, 1.5 frames at 60 Hz), and each frame on time grows it back by
 * GROW_MS up to FRAME_BUDGET_MS. A loop whose document or element is out of the
 * top-level viewport (an offscreen frame or element) or whose tab is hidden
 * stays playing but suspends its frames (see `watch`), leaving the budget to
 * the loops a reader sees.
 */
import { nextStepsPerFrame } from "./step-budget.js";

/** Most milliseconds of script a frame may take (stepping and drawing), leaving the rest of 16.7 ms to the browser. */
export const FRAME_BUDGET_MS = 12;
/** Fewest milliseconds of script a frame keeps when frames come late. */
export const MIN_FRAME_BUDGET_MS = 4;
/** An interval between animation frames over this means a frame came late. */
const LATE_FRAME_MS = 25;
/** What a late frame multiplies the budget by. */
const SHRINK = 0.8;
/** Milliseconds a frame on time adds to the budget. */
const GROW_MS = 0.02;
/** Fewest milliseconds stepping gets, however long drawing takes. */
const MIN_STEP_MS = 1;

/**
 * The next frame budget of the tab after an interval between animation frames.
 * @param {number} budgetMs the budget so far
 * @param {number} intervalMs milliseconds since the previous animation frame
 */
export function nextFrameBudget(budgetMs, intervalMs) {
  if (intervalMs > LATE_FRAME_MS) return Math.max(MIN_FRAME_BUDGET_MS, budgetMs * SHRINK);
  return Math.min(FRAME_BUDGET_MS, budgetMs + GROW_MS);
}

/**
 * What the loops of this tab share: kept on the top window when this frame may reach it (same
 * origin), else on this window.
 * @returns {{ nnPlayingLoops?: Set<PlayLoop<any>>, nnFrameBudget?: { ms: number } }}
 */
function tab() {
  /** @type {any} */
  let host = window;
  try {
    if (window.top && window.top.document) host = window.top;
  } catch {
    // A frame of another origin: this frame's loops only.
  }
  return host;
}

/** The loops playing in this tab. */
function playingLoops() {
  return (tab().nnPlayingLoops ??= new Set());
}

/** The tab's frame budget: milliseconds of script its loops share per frame. */
function frameBudget() {
  return (tab().nnFrameBudget ??= { ms: FRAME_BUDGET_MS });
}

/**
 * @template Result what `step` returns and `show` draws
 */
export class PlayLoop {
  /**
   * @param {object} options
   * @param {number} options.budgetMs milliseconds a frame may spend stepping
   * @param {number} options.maxSteps the most updates per frame
   * @param {() => string} options.speed "max" or the updates per frame allowed
   * @param {(k: number) => Result} options.step runs k updates (the timed part)
   * @param {(result: Result) => void} options.show draws what `step` returned
   * @param {(on: boolean) => void} options.label shows the state (on the play button)
   * @param {() => boolean} [options.canPlay] whether playing may start (it may say why not)
   * @param {() => void} [options.paused] runs after every pause
   */
  constructor({ budgetMs, maxSteps, speed, step, show, label, canPlay = () => true, paused = () => {} }) {
    this.budgetMs = budgetMs;
    this.maxSteps = maxSteps;
    this.speed = speed;
    this.step = step;
    this.show = show;
    this.label = label;
    this.canPlay = canPlay;
    this.paused = paused;
    this.playing = false;
    /** Whether what the loop draws may be seen (see `watch`): frames run while playing and visible. */
    this.visible = true;
    /** Whether the next frame draws whatever the turn: the first after a suspension. */
    this.mustDraw = false;
    this.stepsPerFrame = 1;
    /** Recent drawing time per frame: the longest, decaying (drawings paced over frames are spiky). */
    this.drawMs = 0;
    this.rafId = 0;
    /** The timestamp of the loop's previous animation frame; 0 when its frames were stopped. */
    this.lastFrameAt = 0;
    /** Frames played since Play: whose turn it is to draw when drawings must take turns. */
    this.frames = 0;
    /** @type {{ result: Result } | null} the latest result, when its frame was not this loop's turn to draw */
    this.undrawn = null;
    this.frame = this.frame.bind(this);
    this.toggle = () => (this.playing ? this.pause() : this.play());
  }

  setPlaying(on) {
    this.playing = on;
    this.label(on);
    this.run();
  }

  /**
   * Start or stop the frames as the loop is playing and visible: a running loop is one of the
   * tab's playing loops and has a frame requested; a stopped one neither.
   */
  run() {
    if (this.playing && this.visible) {
      playingLoops().add(this);
      if (!this.rafId) this.rafId = requestAnimationFrame(this.frame);
    } else {
      playingLoops().delete(this);
      if (this.rafId) cancelAnimationFrame(this.rafId);
      this.rafId = 0;
      this.lastFrameAt = 0;
    }
  }

  /**
   * Suspend the frames while `target` is out of the top-level viewport (an IntersectionObserver
   * with the implicit root sees it so from inside a frame too) or its document is hidden; resume
   * when it shows again, drawing on the first frame. Returns what stops watching.
   * @param {Element} target the page's document element, or an element's own
   * @returns {() => void}
   */
  watch(target) {
    let inView = true;
    const update = () => {
      const visible = inView && target.ownerDocument.visibilityState !== "hidden";
      if (visible === this.visible) return;
      this.visible = visible;
      this.mustDraw ||= visible;
      this.run();
    };
    const observer = new IntersectionObserver((entries) => {
      inView = entries[entries.length - 1].isIntersecting;
      update();
    });
    observer.observe(target);
    target.ownerDocument.addEventListener("visibilitychange", update);
    return () => {
      observer.disconnect();
      target.ownerDocument.removeEventListener("visibilitychange", update);
      inView = true;
      update();
    };
  }

  play() {
    if (!this.canPlay()) return;
    this.setPlaying(true);
  }

  pause() {
    this.setPlaying(false);
    if (this.undrawn) this.show(this.undrawn.result);
    this.undrawn = null;
    this.paused();
  }

  /**
   * One animation frame: step, adapt the steps per frame, and draw when it is the loop's turn.
   * @param {DOMHighResTimeStamp} now the frame's timestamp
   */
  frame(now) {
    this.rafId = 0;
    if (!this.playing) return;
    const speed = this.speed();
    const k = Math.min(this.stepsPerFrame, speed === "max" ? Infinity : Number(speed));
    const loops = [...playingLoops()];
    const budget = frameBudget();
    if (loops[0] === this && this.lastFrameAt) budget.ms = nextFrameBudget(budget.ms, now - this.lastFrameAt);
    this.lastFrameAt = now;
    const share = budget.ms / Math.max(1, loops.length);
    const t0 = performance.now();
    const result = this.step(k);
    const t1 = performance.now();
    const stepMs = Math.max(MIN_STEP_MS, Math.min(this.budgetMs, share - this.drawMs));
    this.stepsPerFrame = nextStepsPerFrame(this.stepsPerFrame, k, t1 - t0, stepMs, this.maxSteps);
    // Drawings together over the budget take turns: every `turns`-th frame each.
    const drawing = loops.reduce((sum, loop) => sum + loop.drawMs, 0);
    const turns = Math.max(1, Math.ceil(drawing / budget.ms));
    if ((this.frames + Math.max(0, loops.indexOf(this))) % turns === 0 || this.mustDraw || !this.playing) {
      this.show(result);
      this.mustDraw = false;
      this.drawMs = Math.max(performance.now() - t1, 0.95 * this.drawMs);
      this.undrawn = null;
    } else {
      this.undrawn = { result };
    }
    this.frames += 1;
    if (this.playing && this.visible) this.rafId = requestAnimationFrame(this.frame);
  }
}
