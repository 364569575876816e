/**
 * When to recompute something costly (loss surfaces, decision boundaries)
 * for several panels while training: at most one panel per frame, the one
 * waiting longest; each panel not more often than every `minInterval` ms nor
 * more often than `costFactor` times its last compute time allows, so that
 * most frames only step and draw. `predict` estimates the time of a job of
 * another size (a finer grid) from the measured time per unit of work. A job
 * that runs elsewhere (in the compute worker) is marked with `begin`: its
 * panel is not due again until `done`.
 */
export class RefreshSchedule {
  /**
   * @param {number} count panels
   * @param {{ minInterval?: number, costFactor?: number }} [options]
   */
  constructor(count, { minInterval = 150, costFactor = 10 } = {}) {
    this.count = count;
    this.minInterval = minInterval;
    this.costFactor = costFactor;
    this.ms = new Array(count).fill(0);
    this.perWork = new Array(count).fill(0);
    this.forget();
  }

  /** Everything is due now (a new session, a new view), whatever was running. */
  forget() {
    this.last = new Array(this.count).fill(-Infinity);
    this.busy = new Array(this.count).fill(false);
  }

  /** Panel `i`'s job started (it ends with `done`). */
  begin(i) {
    this.busy[i] = true;
  }

  /** The panel to refresh in this frame, or -1. */
  due(now) {
    let pick = -1;
    for (let i = 0; i < this.count; i++) {
      const wait = Math.max(this.minInterval, this.ms[i] * this.costFactor);
      if (!this.busy[i] && now - this.last[i] >= wait && (pick < 0 || this.last[i] < this.last[pick])) pick = i;
    }
    return pick;
  }

  /** Panel `i` was refreshed at `now`; `work` units (grid nodes, say) took `ms`. */
  done(i, ms, now, work = 1) {
    this.busy[i] = false;
    this.last[i] = now;
    this.ms[i] = ms;
    const per = ms / work;
    this.perWork[i] = this.perWork[i] > 0 ? this.perWork[i] * 0.7 + per * 0.3 : per;
  }

  /** Expected milliseconds of `work` units on panel `i` (0 before the first measurement). */
  predict(i, work) {
    return this.perWork[i] * work;
  }
}
