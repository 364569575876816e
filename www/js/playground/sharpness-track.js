/**
 * λmax live on the loss chart ("Track λmax on the loss chart"): while training plays, the
 * sharpness of the current network is computed in the compute worker — on a copy of its model,
 * as the Sharpness λmax button does — at most every EVERY_MS, one request at a time; each answer
 * becomes a point (step, λmax) of the chart's sharpness series. A rebuilt network cancels the
 * request still running for the old one (its answer would belong to a network that is gone). When
 * the core refuses a request, tracking stops for that network and `failed` says why.
 */
import { Computation } from "../core/compute.js";

/** Milliseconds from one request to the next while training plays. */
const EVERY_MS = 500;

/** @typedef {import("../../pkg/nn_playground.js").Playground} Playground */

export class SharpnessTrack {
  /**
   * @param {object} options
   * @param {import("../views/loss-chart.js").LossChart} options.chart where the points go (and
   *   is redrawn with each)
   * @param {() => { pg: Playground, step: number } | null} options.current the network now and its
   *   update count as the chart counts it (null when there is none to measure)
   * @param {(err: unknown) => void} options.failed what to do when the core refuses a request
   */
  constructor({ chart, current, failed }) {
    this.chart = chart;
    this.current = current;
    this.failed = failed;
    this.runs = new Computation("sharpness");
    /** @type {object | null} the request running (a token: answers of another one are dropped) */
    this.running = null;
    /** When the last request was sent. */
    this.sentAt = -Infinity;
    /** Whether `now()` was asked for while a request ran: it goes once that one has answered. */
    this.wanted = false;
    /** Whether the core refused this network's sharpness (no more requests until `reset`). */
    this.refused = false;
  }

  /** While playing, every frame: a request when EVERY_MS have passed since the last and none runs. */
  tick() {
    if (!this.running && performance.now() - this.sentAt >= EVERY_MS) this.send();
  }

  /**
   * λmax of the network as it is now (after a single step, a pause, or tracking turned on): at
   * once, or as soon as the running request has answered; nothing when the chart has a point at
   * this step already.
   */
  now() {
    if (this.running) this.wanted = true;
    else this.send();
  }

  /** Ask the worker for λmax of the current network, unless the chart has it for this step. */
  send() {
    const at = this.current();
    const { steps } = this.chart.sharpness;
    if (!at || this.refused || steps[steps.length - 1] === at.step) return;
    const token = {};
    this.running = token;
    this.sentAt = performance.now();
    this.runs.run({ model: at.pg.exportModel() }).then(
      ({ lambdaMax }) => {
        if (this.running !== token) return;
        this.chart.pushSharpness(at.step, lambdaMax);
        this.chart.draw();
      },
      (err) => {
        if (this.running !== token || err?.cancelled) return;
        this.refused = true;
        this.failed(err);
      },
    ).finally(() => {
      if (this.running !== token) return;
      this.running = null;
      if (this.wanted) {
        this.wanted = false;
        this.send();
      }
    });
  }

  /** A new network: drop the running request (the chart's own reset clears the points). */
  reset() {
    this.running = null;
    this.wanted = false;
    this.refused = false;
    this.sentAt = -Infinity;
    this.runs.cancel();
  }
}
