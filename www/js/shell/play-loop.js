/**
 * Play/pause and the animation loop of a training page (and of each
 * <nn-playground> element): while playing, `step(k)` runs once per animation
 * frame with k adapted so that stepping takes about `budgetMs` (see
 * step-budget.js), capped by the speed setting; `show(result)` then draws what
 * it returned. Stepping gets what drawing leaves of FRAME_BUDGET_MS, so a page
 * that draws a lot trains fewer updates a frame instead of dropping frames.
 */
import { nextStepsPerFrame } from "./step-budget.js";

/** Milliseconds of script a frame may take (stepping and drawing), leaving the rest of 16.7 ms to the browser. */
const FRAME_BUDGET_MS = 12;
/** Fewest milliseconds stepping gets, however long drawing takes. */
const MIN_STEP_MS = 1;

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
    this.stepsPerFrame = 1;
    /** Recent drawing time per frame: the longest, decaying (drawings paced over frames are spiky). */
    this.drawMs = 0;
    this.rafId = 0;
    this.frame = this.frame.bind(this);
    this.toggle = () => (this.playing ? this.pause() : this.play());
  }

  setPlaying(on) {
    this.playing = on;
    this.label(on);
  }

  play() {
    if (!this.canPlay()) return;
    this.setPlaying(true);
    if (!this.rafId) this.rafId = requestAnimationFrame(this.frame);
  }

  pause() {
    this.setPlaying(false);
    if (this.rafId) cancelAnimationFrame(this.rafId);
    this.rafId = 0;
    this.paused();
  }

  frame() {
    this.rafId = 0;
    if (!this.playing) return;
    const speed = this.speed();
    const k = Math.min(this.stepsPerFrame, speed === "max" ? Infinity : Number(speed));
    const t0 = performance.now();
    const result = this.step(k);
    const t1 = performance.now();
    const budget = Math.max(MIN_STEP_MS, Math.min(this.budgetMs, FRAME_BUDGET_MS - this.drawMs));
    this.stepsPerFrame = nextStepsPerFrame(this.stepsPerFrame, k, t1 - t0, budget, this.maxSteps);
    this.show(result);
    this.drawMs = Math.max(performance.now() - t1, 0.95 * this.drawMs);
    if (this.playing) this.rafId = requestAnimationFrame(this.frame);
  }
}
