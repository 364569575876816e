/** The initialization lab's presets, activation notes and scheme note, under the lab's own settings. */
import assert from "node:assert/strict";
import { wasm, linkState, pages, using, train, median, SEEDS } from "../engine.mjs";
import { PRESETS, applyPreset } from "../../../www/js/initialization/state.js";
import { nonAffinity } from "./playground.mjs";

const lab = pages.initialization;

/** The config the lab builds for preset `id` (the lab's defaults otherwise), with `seed`. */
export function presetConfig(id, seed) {
  const preset = PRESETS.find((p) => p.id === id);
  return lab.toConfig(applyPreset(lab, linkState("initialization", `seed=${seed}`), preset, wasm.deepLinearToy));
}

/** Per-layer statistics at the start (input side first), and the report after `updates`. */
function startAndTrain(config, updates) {
  return using(config, (pg) => ({ start: pg.layerStats(), report: train(pg, updates) }));
}

/** Every layer's RMS stays 1 (just under: σ²/(σ² + ε) inside the root), as batch normalization makes it in the linear toy. */
function assertUnitRms(stats) {
  stats.forEach((l) => assert.ok(l.actRms > 0.999 && l.actRms <= 1, `layer ${l.layer}: RMS ${l.actRms}`));
}

const ratio = (values) => values.at(-1) / values[0];
const spread = (values) => Math.max(...values) / Math.min(...values);

/** Each seed's check of a preset. */
function eachSeed(id, check) {
  return () => {
    for (const seed of SEEDS) check(presetConfig(id, seed), seed);
  };
}

export const checks = {
  "preset-xavier-tanh": eachSeed("xavier-tanh", (config) => {
    const { start, report } = startAndTrain(config, 2000);
    assert.ok(spread(start.map((l) => l.actStd)) < 3, "the signal keeps its scale");
    assert.ok(spread(start.map((l) => l.deltaStd)) < 10, "δ keeps its scale");
    assert.ok(Math.max(...start.map((l) => l.saturated)) < 0.05, "nothing saturates");
    assert.ok(report.testAccuracy >= 0.95, `it trains: ${report.testAccuracy}`);
  }),

  "preset-he-relu": eachSeed("he-relu", (config) => {
    const { start, report } = startAndTrain(config, 2000);
    // Within a factor of a few over ten layers (1.4–3.3 over seeds 1–24), where the wrong scales change it by orders of magnitude.
    assert.ok(spread(start.map((l) => l.actRms)) < 4, "the signal keeps its scale");
    assert.ok(spread(start.map((l) => l.deltaStd)) < 10, "δ keeps its scale");
    assert.ok(report.testAccuracy >= 0.95, `it trains: ${report.testAccuracy}`);
  }),

  "preset-lecun-sigmoid": eachSeed("lecun-sigmoid", (config) => {
    const { start, report } = startAndTrain(config, 5000);
    assert.ok(spread(start.map((l) => l.actRms)) < 1.5, "scale right: the forward signal stays steady");
    const delta = start.map((l) => l.deltaStd);
    assert.ok(delta[0] / delta.at(-1) < 1e-4, `slope too small: δ shrinks ${delta.at(-1) / delta[0]}-fold`);
    assert.ok(report.testAccuracy < 0.7, `so it barely learns: ${report.testAccuracy}`);
  }),

  "preset-zeros": eachSeed("zeros", (config) => {
    using(config, (pg) => {
      train(pg, 2000);
      assert.ok(pg.layerStats().every((l) => l.unitSpread === 0), "symmetry never breaks");
    });
  }),

  "preset-small": eachSeed("small", (config) => {
    const { start } = startAndTrain(config, 0);
    assert.ok(ratio(start.map((l) => l.actStd)) < 1e-6, "the signal vanishes");
  }),

  "preset-large-tanh": eachSeed("large-tanh", (config) => {
    const { start } = startAndTrain(config, 0);
    assert.ok(start.slice(2).every((l) => l.saturated > 0.5), "tanh saturates from layer 3 on");
    const delta = start.map((l) => l.deltaStd);
    assert.ok(delta[0] / delta.at(-1) > 100, `δ explodes on the way back: ×${delta[0] / delta.at(-1)}`);
  }),

  "preset-large-tanh-bn": eachSeed("large-tanh-bn", (config) => {
    assert.equal(config.batchNorm, "on");
    const { start, report } = startAndTrain(config, 2000);
    assert.ok(start.every((l) => l.saturated < 0.05), `tanh does not saturate: ${start.map((l) => l.saturated)}`);
    assert.ok(report.testAccuracy >= 0.95, `and it trains: ${report.testAccuracy}`);
  }),

  "preset-toy-1.5-bn": eachSeed("toy-1.5-bn", (config) => {
    assert.equal(config.batchNorm, "on");
    assertUnitRms(startAndTrain(config, 0).start);
  }),

  "preset-toy-0.5-bn": eachSeed("toy-0.5-bn", (config) => {
    assert.equal(config.batchNorm, "on");
    assertUnitRms(startAndTrain(config, 0).start);
  }),

  "init-bn-note"() {
    const growth = (stats) => stats[0].deltaStd / stats.at(-1).deltaStd;
    const [withNorm, without] = [[], []];
    for (const seed of SEEDS) {
      const off = startAndTrain(presetConfig("large-tanh", seed), 0).start;
      const on = startAndTrain(presetConfig("large-tanh-bn", seed), 0).start;
      assert.ok(on.every((l) => l.saturated < 0.035), `at most 3 % saturated: ${on.map((l) => l.saturated)}`);
      assert.ok(off.slice(1).every((l) => l.saturated >= 0.4 && l.saturated < 0.755), `40–75 % from the second layer on: ${off.map((l) => l.saturated)}`);
      withNorm.push(growth(on));
      without.push(growth(off));
      // The deep linear toy, whatever c.
      for (const c of [0.5, 1.5]) assertUnitRms(startAndTrain({ ...presetConfig(`toy-${c}`, seed), batchNorm: "on" }, 0).start);
      // The boundary and the losses use running statistics, from mean 0 and variance 1: at the start
      // about the network without normalization.
      using(presetConfig("large-tanh-bn", seed), (pg) => {
        // Layer after layer: its 32 running means, then its 32 running variances.
        const running = pg.exportModel().runningStatistics;
        assert.equal(running.length, 10 * 2 * 32);
        assert.ok(running.every((v, k) => v === (k % 64 < 32 ? 0 : 1)), "running means 0, variances 1");
        const loss = pg.step(0).trainLoss;
        const plain = using(presetConfig("large-tanh", seed), (p) => p.step(0).trainLoss);
        assert.ok(Math.abs(loss / plain - 1) < 1e-3, `about the unnormalized network's loss: ${loss} vs ${plain}`);
      });
    }
    // The growth of δ varies from seed to seed (50–1100× with normalization, 600–1700× without
    // over seeds 1–10): the sentence is about the typical run.
    const typical = median(withNorm);
    assert.ok(typical >= 100 && typical < 1000, `δ grows some hundreds of times with normalization: ${withNorm}`);
    assert.ok(median(without) >= 600 && median(without) <= 2000, `about 1000× without: ${without}`);
    assert.ok(median(without.map((w, k) => w / withNorm[k])) >= 2, `typically a few times less: ${withNorm} vs ${without}`);
  },

  "preset-large-relu": eachSeed("large-relu", (config) => {
    const { start } = startAndTrain(config, 0);
    assert.ok(ratio(start.map((l) => l.actRms)) > 1e4, "ReLU explodes");
  }),

  "preset-linear": eachSeed("linear", (config) => {
    assert.equal(config.dataset, "moons");
    using(config, (pg) => {
      train(pg, 2000);
      assert.ok(nonAffinity(pg) < 1e-4, `a straight boundary: ${nonAffinity(pg)}`);
    });
  }),

  "preset-toy-1.5": eachSeed("toy-1.5", (config) => {
    const rms = startAndTrain(config, 0).start.map((l) => l.actRms);
    assert.ok(Math.abs(ratio(rms) / 1.5 ** 9 - 1) < 1e-9, "explodes: ×1.5 a layer");
  }),

  "preset-toy-0.5": eachSeed("toy-0.5", (config) => {
    const rms = startAndTrain(config, 0).start.map((l) => l.actRms);
    assert.ok(Math.abs(ratio(rms) / 0.5 ** 9 - 1) < 1e-9, "vanishes: ×0.5 a layer");
  }),

  "preset-toy-1": eachSeed("toy-1", (config) => {
    const rms = startAndTrain(config, 0).start.map((l) => l.actRms);
    assert.ok(Math.abs(ratio(rms) - 1) < 1e-9, "stays");
  }),

  "act-note-tanh"() {
    const { z, derivative } = wasm.activationCurve("tanh", -5, 5, 201);
    z.forEach((x, i) => Math.abs(x) > 2 && assert.ok(derivative[i] < 0.08, `slope at ${x}: ${derivative[i]}`));
  },

  "act-note-sigmoid"() {
    const { z, derivative } = wasm.activationCurve("sigmoid", -5, 5, 201);
    assert.equal(Math.max(...derivative), 0.25);
    assert.ok(derivative[z.length - 1] < 0.01, "≈ 0 for large |z|");
    for (const seed of SEEDS) {
      const delta = startAndTrain(presetConfig("lecun-sigmoid", seed), 0).start.map((l) => l.deltaStd);
      const perLayer = median(delta.slice(1).map((d, i) => d / delta[i]));
      assert.ok(perLayer > 3.5 && perLayer < 5, `about 4× per layer with LeCun's scale: ${perLayer}`);
    }
  },

  "act-note-relu"() {
    const { z, derivative } = wasm.activationCurve("relu", -5, 5, 201);
    z.forEach((x, i) => x !== 0 && assert.equal(derivative[i], x > 0 ? 1 : 0));
    // Dead units (z < 0 on every training point) output 0 and get no gradient.
    let dead = 0;
    for (const seed of SEEDS) {
      using(presetConfig("he-relu", seed), (pg) => {
        train(pg, 500);
        const rows = Array.from({ length: pg.points("train").length / 3 }, (_, i) => i);
        for (const layer of pg.backpropTrace(rows).layers.slice(0, -1)) {
          const m = rows.length;
          for (let u = 0; u < layer.nOut; u++) {
            if (!layer.z.slice(u * m, (u + 1) * m).every((v) => v < 0)) continue;
            dead += 1;
            assert.ok(layer.a.slice(u * m, (u + 1) * m).every((v) => v === 0), "a dead unit outputs 0");
            assert.ok(layer.gradWeights.slice(u * layer.nIn, (u + 1) * layer.nIn).every((g) => g === 0), "and gets no gradient");
            assert.ok(layer.gradBiases[u] === 0, "no bias gradient either"); // −0 (a sum of −0 terms) is 0 too
          }
        }
      });
    }
    assert.ok(dead > 0, "some units died, so the claim was tried");
  },

  "act-note-leaky"() {
    const { z, derivative } = wasm.activationCurve("leakyRelu", -5, 5, 201);
    z.forEach((x, i) => x < 0 && assert.equal(derivative[i], 0.01, "a small slope for z < 0: never 0"));
  },

  "act-note-linear"() {
    checks["preset-linear"]();
    for (const depth of [1, 4]) {
      using({ ...presetConfig("linear", 1), hidden: Array(depth).fill(8) }, (pg) => {
        train(pg, 1000);
        assert.ok(nonAffinity(pg) < 1e-4, `one linear map however deep (${depth} layers)`);
      });
    }
  },

  "init-xavier-note"() {
    const [n, m] = [32, 32];
    assert.ok(Math.abs(wasm.initVariance("xavier", n, m, 1) - 2 / (n + m)) < 1e-15, "variance 2/(n_in + n_out)");
    for (const seed of SEEDS) {
      using(presetConfig("xavier-tanh", seed), (pg) => {
        for (const layer of pg.parameters()) {
          const bound = Math.sqrt(6 / (layer.nIn + layer.nOut));
          assert.ok(layer.weights.every((w) => Math.abs(w) <= bound), "drawn from U(±√(6/(n_in + n_out)))");
        }
      });
    }
    // Each matched scheme keeps the signal's scale through the ten layers.
    for (const id of ["xavier-tanh", "he-relu", "lecun-sigmoid"]) {
      const rms = startAndTrain(presetConfig(id, 1), 0).start.map((l) => l.actRms);
      assert.ok(spread(rms) < 3, `${id}: the signal neither grows nor shrinks`);
    }
  },
};
