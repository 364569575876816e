/** The normalization lab's lesson (normalization.html), under the lab's own defaults and presets. */
import assert from "node:assert/strict";
import { linkState, pages, using, updatesTo, train, median, SEEDS } from "../engine.mjs";
import { sidesOf, sideConfig, comparisonChosen, PRESETS, COMPARISONS, BN_HIDDEN } from "../../../www/js/normalization/state.js";
import { contraction } from "../../../www/js/normalization/readouts.js";

const lab = pages.normalization;

/** The lab's state for `seed` with a preset's distortion and `changes`. */
function labState(seed, presetId, changes) {
  const preset = PRESETS.find((p) => p.id === presetId);
  return { ...linkState("normalization", `seed=${seed}`), scale: [...preset.scale], offset: [...preset.offset], rotation: preset.rotation, ...changes };
}

/** The two sides' configs (raw, then the right side: standardized by default) of the lab's state for `seed`, with a preset's distortion. */
export function sides(seed, presetId = "x2x100", changes = {}) {
  const state = labState(seed, presetId, changes);
  return sidesOf(state).map((side) => sideConfig(lab, state, side));
}

/** Every layer normalized, chosen on the lab's state for `seed` (with a preset's distortion): [raw, normalized, standardized] configs. */
function normalizedSides(seed, presetId = "x2x100") {
  const state = comparisonChosen(labState(seed, presetId, { compare: "bn" }));
  return [...sidesOf(state), COMPARISONS.std].map((side) => sideConfig(lab, state, side));
}

/** w₁, w₂, b of a net without hidden layers. */
const theta = (pg) => {
  const [layer] = pg.parameters();
  return [layer.weights[0], layer.weights[1], layer.biases[0]];
};

/**
 * The loss of the raw side thrown back and forth across its valley: the median of the training
 * losses every 10 updates from update 1010 to 2000 (one snapshot would land anywhere in the
 * oscillation).
 */
function rawLossThrown(raw) {
  return using(raw, (pg) => {
    train(pg, 1000);
    const losses = Array.from({ length: 100 }, () => pg.step(10).trainLoss);
    return median(losses);
  });
}

/** The condition numbers of a config: [inputs with bias, covariance]. */
const kappas = (config) => using(config, (pg) => {
  const c = pg.conditioning();
  return [c.inputSecondMoment.kappa, c.inputCovariance.kappa];
});

/** Raw training points: [x₁], [x₂]. */
function features(pg) {
  const p = pg.points("train");
  const xs = [[], []];
  for (let i = 0; i < p.length; i += 3) xs[0].push(p[i]), xs[1].push(p[i + 1]);
  return xs;
}

const mean = (v) => v.reduce((s, x) => s + x, 0) / v.length;

/** Solve a 3×3 system by Gaussian elimination. */
function solve(A, b) {
  const m = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < 3; c++) {
    const p = m.slice(c).reduce((best, row, k) => (Math.abs(row[c]) > Math.abs(m[best][c]) ? c + k : best), c);
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < 3; r++) if (r !== c) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k < 4; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[3] / row[i]);
}

/** The steps each side needs at its fair rate to reach the lab's automatic target (the standardized side's best + 0.05). */
function stepsToTarget(raw, std) {
  const rates = [raw, std].map((c) => using(c, (pg) => pg.suggestLearningRate().learningRate));
  const best = using({ ...std, learningRate: rates[1] }, (pg) => (train(pg, 3000), Math.min(...pg.history().trainLoss)));
  return [raw, std].map((c, i) => using({ ...c, learningRate: rates[i] }, (pg) => updatesTo(pg, best + 0.05, 100_000)));
}

export const checks = {
  "lab-lesson-1"() {
    for (const seed of SEEDS) {
      const [raw, std] = sides(seed);
      const { normalize: a, ...rawRest } = raw;
      const { normalize: b, ...stdRest } = std;
      assert.deepEqual([a, b], ["none", "standardize"], "by default the right side standardizes its inputs");
      assert.deepEqual(rawRest, stdRest, "the same model, data, optimizer and rate");
      const start = (c) => using(c, (pg) => [[...pg.points("train")], pg.parameters().map((l) => [...l.weights, ...l.biases])]);
      assert.deepEqual(start(raw), start(std), "the same points and initial weights");
    }
  },

  "lab-lesson-2"() {
    for (const seed of SEEDS) {
      const [raw, std] = sides(seed);
      const [x1, x2] = using(raw, features);
      const curvature = mean(x2.map((x) => x * x)) / mean(x1.map((x) => x * x));
      assert.ok(curvature > 5e3 && curvature < 2e4, `about 100² = 10 000 times more curved along w₂: ${curvature}`);
      const [rawKappa] = kappas(raw);
      assert.ok(rawKappa > 4e4 && rawKappa < 8e4, `κ of the inputs ≈ 6 × 10⁴: ${rawKappa}`);
      assert.equal(raw.learningRate, 0.3);
      const [atLabRate, stdOwn] = [rawLossThrown(raw), using(std, (pg) => train(pg, 2000).trainLoss)];
      assert.ok(atLabRate > 10 * stdOwn, `at α = 0.3 the raw side's loss stays high: ${atLabRate} vs ${stdOwn} standardized`);
      const [stdKappa] = kappas(std);
      assert.ok(stdKappa > 3.5 && stdKappa < 6, `κ ≈ 5 standardized: ${stdKappa}`);
      const [z1, z2] = using(raw, features).map((v) => v.map((x) => x - mean(v)));
      const rho = mean(z1.map((a, i) => a * z2[i])) / Math.sqrt(mean(z1.map((a) => a * a)) * mean(z2.map((a) => a * a)));
      assert.ok(rho > 0.5, `the two features are correlated: ρ = ${rho}`);
      // Standardized, at its own best rate (far larger), the path goes almost straight.
      const [rawRate, stdRate] = [raw, std].map((c) => using(c, (pg) => pg.suggestLearningRate().learningRate));
      assert.ok(stdRate > 1e4 * rawRate, `a much larger step: ${stdRate} vs ${rawRate}`);
      const straightness = using({ ...std, learningRate: stdRate }, (pg) => {
        const path = [theta(pg)];
        for (let i = 0; i < 50; i++) pg.step(1), path.push(theta(pg));
        const length = path.slice(1).reduce((s, p, i) => s + Math.hypot(...p.map((v, k) => v - path[i][k])), 0);
        return Math.hypot(...path.at(-1).map((v, k) => v - path[0][k])) / length;
      });
      assert.ok(straightness > 0.99, `almost straight: ${straightness}`);
    }
  },

  "lab-lesson-3"() {
    for (const seed of SEEDS) {
      const [none] = sides(seed, "none");
      const [offset] = sides(seed, "offset");
      const [x10] = sides(seed, "x2x10");
      const [kNone, cNone] = kappas(none);
      const [kOffset, cOffset] = kappas(offset);
      assert.ok(kappas(x10)[0] > 10 * kNone, "unequal scales inflate κ");
      assert.ok(Math.abs(cOffset / cNone - 1) < 1e-9, `the covariance's κ does not move: ${cNone} → ${cOffset}`);
      assert.ok(kOffset / kNone > 100 && kOffset / kNone < 300, `κ with the bias grows about 200-fold: ${kOffset / kNone}`);
      const [raw, std] = sides(seed);
      const gap = 1 - contraction(kappas(raw)[0]);
      assert.ok(gap > 2e-5 && gap < 5e-5, `1 − 3 × 10⁻⁵ raw: 1 − ${gap}`);
      const standardized = contraction(kappas(std)[0]);
      assert.ok(standardized > 0.55 && standardized < 0.7, `0.6 standardized: ${standardized}`);
      const hessianNow = using(raw, (pg) => pg.conditioning().hessian.kappa);
      assert.ok(hessianNow < kappas(raw)[0] / 10, `the Hessian's κ now is far smaller: ${hessianNow}`);
      const [, correlated] = sides(seed, "correlated");
      assert.ok(kappas(correlated)[0] > 50, `correlated: κ stays high standardized: ${kappas(correlated)[0]}`);
    }
    // The rate itself, on a quadratic cost: least squares on the plane with x₂ stretched, full
    // batch, at the best fixed step 2/(λmax + λmin). The error ‖θ − θ*‖ shrinks by (κ − 1)/(κ + 1).
    for (const stretch of [3, 10]) {
      const config = {
        ...sides(1)[0], problem: "regression", dataset: "plane", scale: [1, stretch], offset: [0, 0], rotation: 0, batchSize: 250,
      };
      const { kappa, rate } = using(config, (pg) => ({ kappa: pg.conditioning().hessian.kappa, rate: pg.suggestLearningRate().learningRate }));
      using({ ...config, learningRate: rate }, (pg) => {
        const p = pg.points("train");
        const rows = [];
        for (let i = 0; i < p.length; i += 3) rows.push([p[i], p[i + 1], 1, p[i + 2]]);
        const A = [0, 1, 2].map((r) => [0, 1, 2].map((c) => mean(rows.map((x) => x[r] * x[c]))));
        const best = solve(A, [0, 1, 2].map((r) => mean(rows.map((x) => x[r] * x[3]))));
        const error = () => Math.hypot(...theta(pg).map((v, k) => v - best[k]));
        pg.step(50);
        const before = error();
        pg.step(100);
        const perStep = (error() / before) ** (1 / 100);
        const expected = contraction(kappa);
        assert.ok(Math.abs(perStep - expected) < 0.01, `×${stretch}: error shrinks by ${perStep} a step, (κ − 1)/(κ + 1) = ${expected}`);
      });
    }
  },

  "lab-lesson-4"() {
    for (const seed of SEEDS) {
      const [raw, std] = sides(seed);
      const atStdRate = rawLossThrown(raw);
      const stdOwn = using(std, (pg) => train(pg, 2000).trainLoss);
      assert.ok(atStdRate > 10 * stdOwn, `the standardized side's rate throws the raw side about: ${atStdRate} vs ${stdOwn}`);
      const rawRate = using(raw, (pg) => pg.suggestLearningRate().learningRate);
      const crawling = using({ ...std, learningRate: rawRate }, (pg) => train(pg, 2000).trainLoss);
      assert.ok(crawling > 3 * stdOwn, `the raw side's rate leaves the standardized side crawling: ${crawling} vs ${stdOwn}`);
      using(raw, (pg) => {
        const s = pg.suggestLearningRate();
        assert.equal(s.method, "hessian");
        assert.ok(Math.abs(s.learningRate - 2 / (s.hessianBound.lambdaMax + s.hessianBound.lambdaMin)) < 1e-12 * s.learningRate);
      });
      assert.equal(using({ ...raw, hidden: [4] }, (pg) => pg.suggestLearningRate().method), "sweep");
      const [rawSteps, stdSteps] = stepsToTarget(raw, std);
      assert.ok(stdSteps !== null && (rawSteps === null || rawSteps > stdSteps), `the raw side needs more steps: ${rawSteps} vs ${stdSteps}`);
    }
  },

  "lab-lesson-5"() {
    const choice = comparisonChosen({ ...linkState("normalization", ""), compare: "bn" });
    assert.deepEqual([choice.hidden, choice.activation], [[...BN_HIDDEN], "tanh"], "two tanh layers of 8 when there were none");
    assert.deepEqual(BN_HIDDEN, [8, 8]);
    for (const seed of SEEDS) {
      const [raw, normalized, standardized] = normalizedSides(seed);
      assert.deepEqual([raw.batchNorm, normalized.batchNorm, normalized.normalize, raw.learningRate], ["off", "on", "none", 0.3], "raw inputs, normalized inside");
      assert.deepEqual({ ...raw, batchNorm: null }, { ...normalized, batchNorm: null }, "otherwise the same");
      const saturated = (c) => using(c, (pg) => pg.layerStats()[0].saturated);
      assert.ok(saturated(raw) > 0.5, `most raw first-layer units start saturated: ${saturated(raw)}`);
      assert.ok(saturated(normalized) > 0.002 && saturated(normalized) < 0.03, `about 1 % normalized: ${saturated(normalized)}`);
      const rawLoss = using(raw, (pg) => train(pg, 5000).trainLoss);
      assert.ok(rawLoss > 0.2 && rawLoss < 0.35, `the raw side is still about 0.3 after 5000 updates: ${rawLoss}`);
      const below = (c, learningRate) => using({ ...c, learningRate }, (pg) => updatesTo(pg, 0.1, 5000));
      const [at03, at1, at3] = [0.3, 1, 3].map((a) => below(normalized, a));
      assert.ok(at03 > 250 && at03 < 1000, `normalized: below 0.1 in several hundred updates: ${at03}`);
      assert.ok(at1 > 0.9 * at03 && at3 > 0.9 * at03, `larger steps do not help it, as many updates or more: ${at03}, ${at1}, ${at3}`);
      const std03 = below(standardized, 0.3);
      assert.ok(std03 >= 12 && std03 <= 40, `standardized: about 25 updates at α = 0.3: ${std03}`);
      assert.ok([1, 2].includes(below(standardized, 3)), "and 1 or 2 at α = 3");
      const [rawOffset, normalizedOffset, standardizedOffset] = normalizedSides(seed, "offset");
      const [n, s] = [normalizedOffset, standardizedOffset].map((c) => below(c, 0.3));
      assert.ok(n !== null && n < 2 * s, `a shift it takes away: it keeps up with the standardized side: ${n} vs ${s}`);
      assert.equal(below(rawOffset, 0.3), null, "(which the raw side does not)");
    }
  },
};
