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
 * The raw side at the lab's α = 0.3 over updates 1001–2000: the mean of its training loss (one
 * snapshot would land anywhere in the oscillation) and how often the loss rose (full-batch
 * gradient descent at a stable rate never lets it rise: a rise is a step thrown across the valley).
 */
function rawLossThrown(raw) {
  return using(raw, (pg) => {
    train(pg, 1000);
    let [loss, sum, rises] = [pg.step(0).trainLoss, 0, 0];
    for (let k = 0; k < 1000; k++) {
      const next = pg.step(1).trainLoss;
      if (next > loss) rises++;
      [loss, sum] = [next, sum + next];
    }
    return { mean: sum / 1000, rises };
  });
}

/**
 * Whether, in most of the seeds, the raw side at α = 0.3 is thrown about (its loss rises in at
 * least 10 of the 1000 updates) and its mean loss stays at least 5 times the standardized side's
 * after 2000 updates. Over seeds 1–20 it did in all but seed 17 (whose drawn data let the raw side
 * converge); 29–540 rises, and 6.8–300 times the loss.
 */
function assertRawThrownMostly(label) {
  const thrown = SEEDS.filter((seed) => {
    const [raw, std] = sides(seed);
    assert.equal(raw.learningRate, 0.3);
    const { mean, rises } = rawLossThrown(raw);
    return rises >= 10 && mean > 5 * using(std, (pg) => train(pg, 2000).trainLoss);
  });
  assert.ok(2 * thrown.length > SEEDS.length, `${label}: only seeds ${thrown} of ${SEEDS}`);
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
      // The straight line's length over the path's: 0.979–0.9995 over seeds 1–24.
      assert.ok(straightness > 0.97, `almost straight: ${straightness}`);
    }
    assertRawThrownMostly("at α = 0.3 the raw side's loss usually stays high");
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
    const steps = [];
    for (const seed of SEEDS) {
      const [raw, std] = sides(seed);
      const stdOwn = using(std, (pg) => train(pg, 2000).trainLoss);
      const rawRate = using(raw, (pg) => pg.suggestLearningRate().learningRate);
      // Crawling: in 2000 updates at the raw side's rate, the standardized side covers a small part
      // of the way from its initial loss to where its own rate takes it (4–15 % over seeds 1–20).
      const [start, crawling] = using({ ...std, learningRate: rawRate }, (pg) => [pg.step(0).trainLoss, train(pg, 2000).trainLoss]);
      const covered = (start - crawling) / (start - stdOwn);
      assert.ok(covered < 0.25, `the raw side's rate leaves the standardized side crawling: ${covered} of the way (${start} → ${crawling}, ${stdOwn} at its own)`);
      using(raw, (pg) => {
        const s = pg.suggestLearningRate();
        assert.equal(s.method, "hessian");
        assert.ok(Math.abs(s.learningRate - 2 / (s.hessianBound.lambdaMax + s.hessianBound.lambdaMin)) < 1e-12 * s.learningRate);
      });
      assert.equal(using({ ...raw, hidden: [4] }, (pg) => pg.suggestLearningRate().method), "sweep");
      const [rawSteps, stdSteps] = stepsToTarget(raw, std);
      assert.ok(stdSteps !== null && (rawSteps === null || rawSteps >= stdSteps), `the raw side needs as many steps or more: ${rawSteps} vs ${stdSteps}`);
      steps.push([rawSteps ?? Infinity, stdSteps]);
    }
    // Over seeds 13–30 one tie (5 and 5) and one near tie (8 and 6); otherwise 13 to 26 000 times as many.
    const farMore = steps.filter(([r, s]) => r > 10 * s);
    assert.ok(2 * farMore.length > steps.length, `usually far more: ${steps.map((p) => p.join(" vs ")).join(", ")}`);
    assertRawThrownMostly("the standardized side's rate usually throws the raw side about");
  },

  "lab-lesson-5"() {
    const choice = comparisonChosen({ ...linkState("normalization", ""), compare: "bn" });
    assert.deepEqual([choice.hidden, choice.activation], [[...BN_HIDDEN], "tanh"], "two tanh layers of 8 when there were none");
    assert.deepEqual(BN_HIDDEN, [8, 8]);
    // What holds in every run is asserted per seed; what the lesson says "typically" holds in most.
    const typical = [];
    for (const seed of SEEDS) {
      const [raw, normalized, standardized] = normalizedSides(seed);
      assert.deepEqual([raw.batchNorm, normalized.batchNorm, normalized.normalize, raw.learningRate], ["off", "on", "none", 0.3], "raw inputs, normalized inside");
      assert.deepEqual({ ...raw, batchNorm: null }, { ...normalized, batchNorm: null }, "otherwise the same");
      const saturated = (c) => using(c, (pg) => pg.layerStats()[0].saturated);
      assert.ok(saturated(raw) > 0.5, `most raw first-layer units start saturated: ${saturated(raw)}`);
      // 0–2.9 % over seeds 1–40.
      assert.ok(saturated(normalized) < 0.04, `at most about 3 % normalized: ${saturated(normalized)}`);
      const rawLoss = using(raw, (pg) => train(pg, 5000).trainLoss);
      // 0.19–0.33 over seeds 1–30.
      assert.ok(rawLoss > 0.15 && rawLoss < 0.37, `the raw side is still 0.2–0.3 after 5000 updates: ${rawLoss}`);
      const below = (c, learningRate) => using({ ...c, learningRate }, (pg) => updatesTo(pg, 0.1, 5000)) ?? Infinity;
      const [rawOffset, normalizedOffset, standardizedOffset] = normalizedSides(seed, "offset");
      const [n, s] = [normalizedOffset, standardizedOffset].map((c) => below(c, 0.3));
      // A few dozen updates each in most runs; where the standardized side meets a plateau (3 of
      // seeds 1–40: 606–3193 updates) the normalized one is faster still.
      assert.ok(n <= 2 * s + 30, `a shift it takes away: it keeps pace with the standardized side: ${n} vs ${s}`);
      assert.equal(below(rawOffset, 0.3), Infinity, "(the raw side does not get there in 5000 updates)");
      // Over seeds 1–40, 35 runs are typical: the normalized side needs 203–1426 updates at α = 0.3
      // and at α = 1 and 3 at least 0.84 times as many (ten times the step, where the standardized
      // side needs ten times fewer: 10–44 at α = 0.3, 1–4 at α = 3). The others: the standardized
      // side on a plateau (seeds 27, 28, 40), the normalized one slower (28: 2804, 33: 1600) or
      // helped by α = 1 (39: 829 → 526).
      const [at03, at1, at3] = [0.3, 1, 3].map((a) => below(normalized, a));
      const [std03, std3] = [0.3, 3].map((a) => below(standardized, a));
      const found = { seed, at03, at1, at3, std03, std3 };
      const isTypical = at03 > 150 && at03 < 1600 && at1 > 0.7 * at03 && at3 > 0.7 * at03 && std03 >= 8 && std03 <= 60 && std3 <= 5;
      if (isTypical) typical.push(found);
      else console.log("lab-lesson-5, not typical:", JSON.stringify(found));
    }
    assert.ok(2 * typical.length > SEEDS.length, `typically: a few hundred updates normalized, hardly fewer with larger steps; a few dozen standardized, a handful at α = 3: only ${typical.length} of ${SEEDS.length}`);
  },
};
