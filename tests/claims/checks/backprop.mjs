/** The backprop explorer's stage notes and its optimizer race (backprop.html), under the page's own settings. */
import assert from "node:assert/strict";
import { linkConfig, linkState, using, median, SEEDS } from "../engine.mjs";
import { raceConfig } from "../../../www/js/backprop/optimizers.js";

/** |a − b| within a relative `tolerance` of their size. */
export function close(a, b, tolerance = 1e-12) {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A forward and backward trace of the explorer's default network (with `changes`) on its next mini-batch. */
export function trace(changes, seed = 1) {
  return using(linkConfig("backprop", "", { seed, ...changes }), (pg) => pg.backpropTrace(undefined));
}

/** Check δ[l] = (W[l+1]ᵀ δ[l+1]) ⊙ g′ for every hidden layer, g′ read off the trace by `slope(z, a)`. */
export function checkBackward({ m, layers }, slope) {
  for (let l = 0; l < layers.length - 1; l++) {
    const [here, next] = [layers[l], layers[l + 1]];
    for (let u = 0; u < here.nOut; u++) {
      for (let i = 0; i < m; i++) {
        let sum = 0;
        for (let v = 0; v < next.nOut; v++) sum += next.weights[v * next.nIn + u] * next.delta[v * m + i];
        const g = slope(here.z[u * m + i], here.a[u * m + i]);
        assert.ok(close(here.delta[u * m + i], sum * g), `layer ${l + 1}, unit ${u}, example ${i}`);
      }
    }
  }
}

/** Every g′ a trace used, read off as `slope(z, a)`. */
function slopes({ layers }, slope) {
  return layers.slice(0, -1).flatMap((layer) => [...layer.z].map((z, k) => slope(z, layer.a[k])));
}

/** The sum of per-parameter products, as the gradient formula ∂J/∂W = δ aᵀ (+ λW) gives them. */
export function checkGradients({ m, input, layers }, l2) {
  let previous = input;
  for (const layer of layers) {
    for (let u = 0; u < layer.nOut; u++) {
      for (let k = 0; k < layer.nIn; k++) {
        let sum = 0;
        for (let i = 0; i < m; i++) sum += layer.delta[u * m + i] * previous[k * m + i];
        assert.ok(close(layer.gradWeights[u * layer.nIn + k], sum + l2 * layer.weights[u * layer.nIn + k]), "∂J/∂W = δ aᵀ + λW");
      }
      const bias = [...layer.delta.slice(u * m, (u + 1) * m)].reduce((s, d) => s + d, 0);
      assert.ok(close(layer.gradBiases[u], bias), "∂J/∂b = Σ δ: the biases get no penalty");
    }
    previous = layer.a;
  }
}

/** ε of the core's batch normalization. */
const EPSILON = 1e-5;

/** Each seed's and hidden activation's trace of the explorer's network with batch normalization (and `changes`). */
function normalizedTraces(changes = {}) {
  return SEEDS.flatMap((seed) => ["tanh", "sigmoid", "relu"].map((activation) => trace({ batchNorm: "on", activation, ...changes }, seed)));
}

/** Traces of the explorer's network with a softmax output: 3 classes on the spiral, 4 to 6 Gaussian blobs, each seed. */
function softmaxTraces() {
  return SEEDS.flatMap((seed) => [["spiral", 3], ["gauss", 4], ["pinwheel", 5], ["gauss", 6]]
    .map(([dataset, classes]) => trace({ dataset, classes }, seed)));
}

/** Unit u's row of a per-example array (nOut × m, row-major). */
const rowOf = (values, u, m) => [...values.slice(u * m, (u + 1) * m)];
const sum = (xs) => xs.reduce((s, x) => s + x, 0);

export const checks = {
  "bp-bn-forward"() {
    const spreads = [];
    for (const { m, layers } of normalizedTraces()) {
      const hidden = layers.slice(0, -1);
      assert.ok(hidden.length > 0 && hidden.every((l) => l.norm) && !layers.at(-1).norm, "every hidden layer, not the output");
      for (const { nOut, z, biases, norm } of hidden) {
        for (let u = 0; u < nOut; u++) {
          const zs = rowOf(z, u, m);
          const mean = sum(zs) / m;
          const variance = sum(zs.map((x) => (x - mean) ** 2)) / m;
          assert.ok(close(norm.mean[u], mean) && close(norm.variance[u], variance), "μ_B and σ²_B of the batch (÷ m)");
          const zHat = rowOf(norm.zHat, u, m);
          zHat.forEach((x, i) => assert.ok(close(x, (zs[i] - mean) / Math.sqrt(variance + EPSILON)), "ẑ with ε = 10⁻⁵"));
          assert.ok(Math.abs(sum(zHat) / m) < 1e-12, "each row of ẑ has mean 0");
          const spread = sum(zHat.map((x) => x * x)) / m;
          assert.ok(close(spread, variance / (variance + EPSILON), 1e-9) && spread < 1, `variance σ²/(σ² + ε): ${spread}`);
          spreads.push(spread);
          rowOf(norm.zTilde, u, m).forEach((x, i) => assert.ok(close(x, norm.gamma[u] * zHat[i] + biases[u]), "z̃ = γẑ + β"));
        }
      }
    }
    // Just under 1 wherever σ² ≫ ε: in most units (a unit whose batch barely spreads, σ² ≈ 10⁻³, gets 0.99).
    assert.ok(median(spreads) > 0.999, `variance just under 1: median ${median(spreads)}`);
  },

  "bp-bn-backward"() {
    for (const { m, layers } of normalizedTraces()) {
      let differs = false;
      for (const { nOut, delta, gradBiases, norm } of layers.slice(0, -1)) {
        for (let u = 0; u < nOut; u++) {
          const dt = rowOf(norm.deltaTilde, u, m);
          const zHat = rowOf(norm.zHat, u, m);
          const dz = dt.map((d, i) => d * zHat[i]);
          assert.ok(close(norm.gradGamma[u], sum(dz)), "∂J/∂γ = Σ δ̃ẑ");
          assert.ok(close(gradBiases[u], sum(dt)), "∂J/∂β = Σ δ̃");
          const scale = norm.gamma[u] / Math.sqrt(norm.variance[u] + EPSILON);
          const d = rowOf(delta, u, m);
          d.forEach((x, i) => assert.ok(close(x, scale * (dt[i] - sum(dt) / m - zHat[i] * (sum(dz) / m))), "δ through μ_B and σ²_B"));
          assert.ok(Math.abs(sum(d)) <= 1e-12 * Math.max(...d.map(Math.abs)), `each row of δ sums to 0: ${sum(d)}`);
          differs ||= d.some((x, i) => !close(x, scale * dt[i], 1e-6));
        }
      }
      assert.ok(differs, "not simply γ/√(σ²_B + ε) · δ̃: the paths through the statistics change δ");
    }
  },

  "bp-bn-one"() {
    // A batch of one: the page's batch size 1, or one chosen example.
    const single = [...normalizedTraces({ batchSize: 1 }), ...SEEDS.map((seed) => using(
      linkConfig("backprop", "mode=example&example=7", { seed, batchNorm: "on" }), (pg) => pg.backpropTrace([7])))];
    for (const { m, layers } of single) {
      assert.equal(m, 1);
      for (const { nOut, biases, gradWeights, norm } of layers.slice(0, -1)) {
        assert.deepEqual([...norm.variance], Array(nOut).fill(0), "σ²_B = 0");
        assert.deepEqual([...norm.zHat], Array(nOut).fill(0), "ẑ = 0");
        assert.deepEqual([...norm.zTilde], [...biases], "every normalized unit outputs β");
        assert.ok(gradWeights.every((g) => g === 0), "∂J/∂W = 0 in every normalized layer");
      }
    }
  },


  "bp-sigmoid-prime"() {
    for (const seed of SEEDS) {
      const t = trace({ activation: "sigmoid" }, seed);
      checkBackward(t, (z, a) => a * (1 - a));
      assert.ok(Math.max(...slopes(t, (z, a) => a * (1 - a))) <= 0.25, "at most ¼");
    }
  },

  "bp-tanh-prime"() {
    for (const seed of SEEDS) {
      const t = trace({ activation: "tanh" }, seed);
      checkBackward(t, (z, a) => 1 - a * a);
      assert.ok(Math.max(...slopes(t, (z, a) => 1 - a * a)) <= 1, "at most 1");
    }
  },

  "bp-relu-prime"() {
    for (const seed of SEEDS) {
      const t = trace({ activation: "relu" }, seed);
      checkBackward(t, (z) => (z > 0 ? 1 : 0));
      for (const layer of t.layers.slice(0, -1)) {
        layer.z.forEach((z, k) => z <= 0 && assert.ok(layer.delta[k] === 0, "a unit that is off passes no gradient back"));
      }
    }
  },

  "bp-delta-out"() {
    for (const seed of SEEDS) {
      const { m, targets, layers } = trace({}, seed);
      const out = layers.at(-1);
      for (let i = 0; i < m; i++) assert.ok(close(out.delta[i], (out.a[i] - targets[i]) / m), "δ = (ŷ − y)/m");
    }
  },

  "bp-softmax"() {
    for (const { m, layers } of softmaxTraces()) {
      const { nOut: K, z, a } = layers.at(-1);
      for (let i = 0; i < m; i++) {
        const column = (values) => Array.from({ length: K }, (_, k) => values[k * m + i]);
        const e = column(z).map(Math.exp);
        const p = column(a);
        p.forEach((v, k) => assert.ok(close(v, e[k] / sum(e)) && v > 0 && v < 1, "ŷ_k = e^z_k / Σ e^z_j, between 0 and 1"));
        assert.ok(close(sum(p), 1), "each column sums to 1");
      }
    }
  },

  "bp-loss-softmax"() {
    for (const { m, targets, loss, layers } of softmaxTraces()) {
      const { a } = layers.at(-1);
      const perExample = targets.map((y, i) => -Math.log(a[y * m + i]));
      assert.ok(close(loss, sum(perExample) / m), "J is the mean of −log ŷ_y");
    }
  },

  "bp-delta-softmax"() {
    for (const { m, targets, layers } of softmaxTraces()) {
      const { nOut: K, a, delta } = layers.at(-1);
      assert.equal(delta.length, K * m, "one row per class, one column per example");
      for (let i = 0; i < m; i++) {
        for (let k = 0; k < K; k++) {
          assert.ok(close(delta[k * m + i], (a[k * m + i] - (targets[i] === k ? 1 : 0)) / m), "δ = (softmax(z) − onehot(y))/m");
        }
        const column = Array.from({ length: K }, (_, k) => delta[k * m + i]);
        assert.ok(Math.abs(sum(column)) <= 1e-12, `each column of δ sums to 0: ${sum(column)}`);
      }
    }
    // Two classes: the sigmoid's one row, the binary ŷ − y (bp-delta-out checks it entry by entry).
    assert.equal(trace({}).layers.at(-1).nOut, 1);
  },

  "bp-l2"() {
    for (const seed of SEEDS) checkGradients(trace({ l2: 0.1 }, seed), 0.1);
  },

  "bp-update"() {
    for (const seed of SEEDS) {
      using(linkConfig("backprop", "", { seed }), (pg) => {
        const { layers } = pg.backpropTrace(undefined);
        const rate = pg.config().learningRate;
        pg.step(1);
        pg.parameters().forEach((after, l) => {
          layers[l].weights.forEach((w, k) => assert.ok(close(after.weights[k], w - rate * layers[l].gradWeights[k])));
          layers[l].biases.forEach((b, k) => assert.ok(close(after.biases[k], b - rate * layers[l].gradBiases[k])));
        });
      });
    }
  },

  "race-intro"() {
    const { optRate, optStretch } = linkState("backprop", "");
    const race = (optimizer, changes = {}) => raceConfig({ optRate, optStretch, ...changes }, optimizer);
    const w = (pg) => {
      const [layer] = pg.parameters();
      return [layer.weights[0], layer.weights[1]];
    };
    // The same data, initial weights, rate and full batch for all three.
    const starts = ["sgd", "momentum", "adam"].map((o) => using(race(o), (pg) => {
      assert.equal(pg.config().batchSize, pg.points("train").length / 3, "full-batch gradients");
      return [w(pg), [...pg.points("train")], pg.config().learningRate];
    }));
    assert.deepEqual(starts[1], starts[0]);
    assert.deepEqual(starts[2], starts[0]);
    // The stretch turns the bowl into a valley.
    const kappa = (stretch) => using(race("sgd", { optStretch: stretch }), (pg) => pg.conditioning().inputSecondMoment.kappa);
    assert.ok(kappa(optStretch) > 3 * kappa(1), "a valley");
    // After the page's 30 updates SGD has crawled least far down; momentum overshoots (its cost goes up on the way).
    const run = (optimizer, changes) => using(race(optimizer, changes), (pg) => {
      const path = [w(pg)];
      const cost = [pg.step(0).trainLoss];
      for (let i = 0; i < 30; i++) cost.push(pg.step(1).trainLoss), path.push(w(pg));
      return { path, cost };
    });
    const [sgd, momentum, adam] = ["sgd", "momentum", "adam"].map((o) => run(o));
    assert.ok(sgd.cost.at(-1) > momentum.cost.at(-1) && sgd.cost.at(-1) > adam.cost.at(-1), "SGD crawls");
    assert.ok(momentum.cost.some((c, i) => i > 0 && c > momentum.cost[i - 1]), "momentum overshoots");
    // Adam's first step moves each weight by α, whatever the size of its gradient.
    adam.path[1].forEach((v, k) => assert.ok(close(Math.abs(v - adam.path[0][k]), optRate, 1e-6), "Adam: each weight's own scale"));
    // At α = 2 SGD zig-zags across the valley: w₂'s steps alternate in sign.
    const { path } = run("sgd", { optRate: 2 });
    const steps = path.slice(1).map((p, i) => p[1] - path[i][1]);
    const flips = steps.slice(1).filter((d, i) => d * steps[i] < 0).length;
    assert.ok(flips >= 0.8 * (steps.length - 1), `zig-zags at α = 2: ${flips} of ${steps.length - 1}`);
  },
};
