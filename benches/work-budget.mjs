// The figures behind src/work.rs: on the biggest network the config allows (16 × 128 tanh,
// 5000 samples), the cost per multiply-add of each kind of pass relative to a double-precision
// forward pass (the core assumes training 5, drawing 0.5, a loss-surface node 0.6), an update's
// share per parameter with a batch of one (the core assumes 50 multiply-adds), and how long the
// largest call each budget allows takes (the budget aims at about a second).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { initSync, Playground } from "../target/bench-pkg/nn_playground.js";

initSync({ module: readFileSync(new URL("../target/bench-pkg/nn_playground_bg.wasm", import.meta.url)) });

const hidden = Array(16).fill(128);
const widths = [2, ...hidden, 1];
const weights = widths.slice(1).reduce((sum, n, i) => sum + widths[i] * n, 0);
const perExample = weights + 200; // the core's per-example overhead

/** Milliseconds of the fastest of three runs. */
function ms(run) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** The largest size a call accepts: what its refusal of a huge one names. */
function largest(call) {
  try {
    call();
  } catch (err) {
    if (err.code === "tooMuchWork") return err.params.max;
    throw err;
  }
  throw new Error("the huge size was accepted");
}

const pg = new Playground({ hidden, samples: 5000, batchSize: 100 });
const reportMs = ms(() => pg.step(0));
const nsPer = (millis, examples) => (millis * 1e6) / (examples * perExample);
const forward = nsPer(ms(() => pg.predict(new Float64Array(20000))), 10000);
const training = nsPer(ms(() => pg.step(10)) - reportMs, 1000);
const drawing = nsPer(ms(() => pg.boundary(100, -6, 6, -6, 6)), 10000);
const surface = nsPer(ms(() => pg.lossSurface({ res: 3 })), 9 * 2500);

console.log(`work budget (wasm in Node), 16 × 128 tanh network, ${weights} multiply-adds a forward pass`);
console.log(`  forward (double precision): ${forward.toFixed(3)} ns per multiply-add`);
for (const [name, value, assumed] of [["training", training, 5], ["drawing", drawing, 0.5], ["surface node", surface, 0.6]]) {
  console.log(`  ${name.padEnd(13)} ${(value / forward).toFixed(2).padStart(5)}× forward (the core assumes ${assumed}×)`);
}
// With a batch of one, what an update costs beyond its example's passes, per parameter.
const single = new Playground({ hidden, samples: 5000, batchSize: 1, optimizer: "adam" });
const parameters = single.exportModel().parameters.length;
const perParameter = (ms(() => single.step(20)) - reportMs) * 1e6 / 20 / parameters - (training * perExample) / parameters;
console.log(`  update (Adam, batch 1) ${(perParameter / forward).toFixed(0).padStart(5)} multiply-adds per parameter (the core assumes 50)`);
const big = new Playground({ hidden, samples: 5000, batchSize: 2500 });
const maxSteps = largest(() => big.step(1e6));
const maxRes = largest(() => big.boundary(2000, -6, 6, -6, 6));
const maxSurface = largest(() => big.lossSurface({ res: 201 }));
console.log(`  largest calls allowed with batch 2500 (about a second is the aim):`);
console.log(`    step(${maxSteps}): ${ms(() => big.step(maxSteps)).toFixed(0)} ms`);
console.log(`    boundary(${maxRes}): ${ms(() => big.boundary(maxRes, -6, 6, -6, 6)).toFixed(0)} ms`);
console.log(`    lossSurface({ res: ${maxSurface} }): ${ms(() => big.lossSurface({ res: maxSurface })).toFixed(0)} ms`);
console.log(`    gradientCheck(): ${ms(() => big.gradientCheck()).toFixed(0)} ms (${big.gradientCheck().checked} parameters sampled)`);
const maxSingle = largest(() => single.step(1e6));
console.log(`    step(${maxSingle}) with batch 1 and Adam: ${ms(() => single.step(maxSingle)).toFixed(0)} ms`);
