/**
 * The JS API of www/pkg/nn_playground.js, exercised inside Chromium: shapes and
 * values of every call, determinism, and the errors that bad input throws.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, closeServer, launch, openPage, requirePkg } from "./helpers.mjs";

let server;
let base;
let browser;
let page;

before(async () => {
  requirePkg();
  ({ server, base } = await serve());
  browser = await launch();
  ({ page } = await openPage(browser));
  // A blank same-origin document to import the module into.
  await page.route(`${base}/__blank`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>api</title>" }));
  await page.goto(`${base}/__blank`);
  await page.evaluate(async () => {
    const nn = await import("/pkg/nn_playground.js");
    await nn.default();
    window.nn = nn;
  });
});

after(async () => {
  await browser?.close();
  if (server) await closeServer(server);
});

/** Run `fn(nn, arg)` in the page; thrown values come back as { thrown: { isError, message } }. */
function api(fn, arg) {
  return page.evaluate(
    async ({ src, arg }) => {
      const f = new Function(`return (${src})`)();
      try {
        return await f(window.nn, arg);
      } catch (e) {
        return { thrown: { isError: e instanceof Error, message: String(e?.message ?? e) } };
      }
    },
    { src: fn.toString(), arg },
  );
}

test("defaultConfig() matches the contract and the page's defaults", async () => {
  const { core, page: pageDefaults } = await api(async (nn) => {
    const state = await import("/js/state.js");
    return { core: nn.defaultConfig(), page: state.CONFIG_DEFAULTS };
  });
  for (const [key, value] of Object.entries(pageDefaults)) {
    assert.deepEqual(core[key], value, `defaultConfig().${key}`);
  }
});

test("config() fills in every default; regression defaults to the plane", async () => {
  const r = await api((nn) => {
    const a = new nn.Playground({ learningRate: 0.1 });
    const b = new nn.Playground({ problem: "regression" });
    const c = new nn.Playground();
    const out = { a: a.config(), b: b.config(), c: c.config() };
    a.free(); b.free(); c.free();
    return out;
  });
  assert.equal(r.a.learningRate, 0.1);
  assert.equal(r.a.dataset, "circle");
  assert.deepEqual(r.a.hidden, [4, 2]);
  assert.equal(r.a.batchSize, 10);
  assert.equal(r.b.dataset, "plane");
  assert.equal(r.b.problem, "regression");
  assert.equal(r.c.seed, 1);
});

test("step() reports epoch, step, losses, accuracies; training lowers the loss", async () => {
  const r = await api((nn) => {
    const pg = new nn.Playground({ dataset: "circle", hidden: [8], optimizer: "adam", learningRate: 0.02, seed: 3 });
    const r0 = pg.step(0);
    const r1 = pg.step(1);
    const r5 = pg.step(4);
    const rn = pg.step(1500);
    const hist = pg.history();
    const out = {
      r0, r1, r5, rn,
      hist: {
        step: Array.from(hist.step), trainLoss: Array.from(hist.trainLoss),
        testLoss: Array.from(hist.testLoss), batchLoss: Array.from(hist.batchLoss),
        isF64: hist.step instanceof Float64Array && hist.trainLoss instanceof Float64Array,
      },
    };
    pg.free();
    return out;
  });
  for (const key of ["epoch", "step", "batchLoss", "trainLoss", "testLoss", "trainAccuracy", "testAccuracy", "diverged", "message"]) {
    assert.ok(key in r.r1, `report has ${key}`);
  }
  assert.equal(r.r0.step, 0);
  assert.equal(r.r0.epoch, 0);
  assert.equal(r.r1.step, 1);
  assert.equal(r.r5.step, 5);
  assert.equal(r.rn.step, 1505);
  // 250 training points, batch 10 → 25 steps per epoch.
  assert.equal(r.rn.epoch, Math.floor(1505 / 25));
  for (const rep of [r.r1, r.r5, r.rn]) {
    assert.ok(Number.isFinite(rep.trainLoss) && rep.trainLoss >= 0);
    assert.ok(Number.isFinite(rep.testLoss) && rep.testLoss >= 0);
    assert.ok(Number.isFinite(rep.batchLoss) && rep.batchLoss >= 0);
    assert.ok(rep.trainAccuracy >= 0 && rep.trainAccuracy <= 1);
    assert.ok(rep.testAccuracy >= 0 && rep.testAccuracy <= 1);
    assert.equal(rep.diverged, false);
    assert.equal(rep.message, null);
  }
  assert.ok(r.rn.trainLoss < r.r0.trainLoss * 0.5, `loss ${r.r0.trainLoss} → ${r.rn.trainLoss}`);
  assert.ok(r.rn.trainAccuracy > 0.9, `train accuracy ${r.rn.trainAccuracy}`);
  // one history entry per step() call
  assert.equal(r.hist.isF64, true);
  assert.deepEqual(r.hist.step, [0, 1, 5, 1505]);
  assert.equal(r.hist.trainLoss.length, 4);
  assert.ok(Math.abs(r.hist.trainLoss[3] - r.rn.trainLoss) < 1e-12);
  assert.ok(Math.abs(r.hist.testLoss[1] - r.r1.testLoss) < 1e-12);
});

test("regression reports null accuracies", async () => {
  const r = await api((nn) => {
    const pg = new nn.Playground({ problem: "regression", dataset: "gaussians" });
    const rep = pg.step(10);
    pg.free();
    return rep;
  });
  assert.equal(r.trainAccuracy, null);
  assert.equal(r.testAccuracy, null);
  assert.ok(Number.isFinite(r.trainLoss));
});

test("predict() returns one probability per point", async () => {
  const r = await api((nn) => {
    const pg = new nn.Playground({ seed: 5 });
    pg.step(50);
    const xs = new Float32Array([0, 0, 1, 2, -3, 4, 5.5, -5.5, 100, -100]);
    const out = pg.predict(xs);
    const again = pg.predict(xs);
    const empty = pg.predict(new Float32Array(0));
    pg.free();
    return { isF32: out instanceof Float32Array, out: Array.from(out), again: Array.from(again), empty: empty.length };
  });
  assert.equal(r.isF32, true);
  assert.equal(r.out.length, 5);
  for (const v of r.out) assert.ok(v >= 0 && v <= 1, `output ${v}`);
  assert.deepEqual(r.out, r.again);
  assert.equal(r.empty, 0);
});

test("boundary() is res×res, finite, row-major from (xmin, ymax)", async () => {
  const r = await api((nn) => {
    const pg = new nn.Playground({ dataset: "xor", hidden: [6, 4], seed: 2 });
    pg.step(300);
    const [xmin, xmax, ymin, ymax] = pg.bounds();
    const grid = pg.boundary(100, xmin, xmax, ymin, ymax);
    // A 4×4 grid against predict() at the cell centres.
    const res = 4;
    const small = pg.boundary(res, -4, 4, -2, 2);
    const centres = [];
    for (let j = 0; j < res; j++) {
      for (let i = 0; i < res; i++) {
        centres.push(-4 + (i + 0.5) * (8 / res), 2 - (j + 0.5) * (4 / res));
      }
    }
    const direct = pg.predict(new Float32Array(centres));
    const out = {
      isF32: grid instanceof Float32Array,
      length: grid.length,
      allFinite: grid.every(Number.isFinite),
      min: Math.min(...grid),
      max: Math.max(...grid),
      small: Array.from(small),
      direct: Array.from(direct),
    };
    pg.free();
    return out;
  });
  assert.equal(r.isF32, true);
  assert.equal(r.length, 100 * 100);
  assert.equal(r.allFinite, true);
  assert.ok(r.min >= 0 && r.max <= 1);
  assert.ok(r.max - r.min > 0.2, "a trained XOR net has a visible boundary");
  r.small.forEach((v, k) => assert.ok(Math.abs(v - r.direct[k]) < 1e-5, `cell ${k}: ${v} vs ${r.direct[k]}`));
});

test("points() and bounds(): splits, labels, distortion", async () => {
  const r = await api((nn) => {
    const pg = new nn.Playground({ dataset: "spiral", samples: 400, trainFraction: 0.75, noise: 0.1, seed: 9 });
    const train = pg.points("train");
    const test = pg.points("test");
    const bounds = Array.from(pg.bounds());
    const stretched = new nn.Playground({ dataset: "spiral", samples: 400, scale: [1, 100], offset: [5, 0], seed: 9 });
    const sb = Array.from(stretched.bounds());
    const sp = Array.from(stretched.points("train"));
    const reg = new nn.Playground({ problem: "regression", dataset: "plane", samples: 100 });
    const rp = Array.from(reg.points("train"));
    const out = {
      isF32: train instanceof Float32Array,
      train: Array.from(train), test: Array.from(test), bounds, sb, sp, rp,
    };
    pg.free(); stretched.free(); reg.free();
    return out;
  });
  assert.equal(r.isF32, true);
  assert.equal(r.train.length % 3, 0);
  assert.equal(r.test.length % 3, 0);
  assert.equal(r.train.length / 3, 300);
  assert.equal(r.test.length / 3, 100);
  const labels = new Set();
  for (let i = 2; i < r.train.length; i += 3) labels.add(r.train[i]);
  for (let i = 2; i < r.test.length; i += 3) labels.add(r.test[i]);
  assert.deepEqual([...labels].sort(), [0, 1]);
  assert.equal(r.bounds.length, 4);
  const [xmin, xmax, ymin, ymax] = r.bounds;
  assert.ok(xmin < xmax && ymin < ymax);
  // The stretched copy: x2 spans ~100× the x1 range, x1 is shifted by 5.
  const [sxmin, sxmax, symin, symax] = r.sb;
  const ratio = (symax - symin) / (sxmax - sxmin);
  assert.ok(ratio > 50 && ratio < 200, `stretch ratio ${ratio}`);
  assert.ok(Math.abs((sxmin + sxmax) / 2 - ((xmin + xmax) / 2 + 5)) < 1, "offset moves the x1 range");
  let maxAbsY = 0;
  for (let i = 1; i < r.sp.length; i += 3) maxAbsY = Math.max(maxAbsY, Math.abs(r.sp[i]));
  assert.ok(maxAbsY > 50, `stretched x2 reaches ${maxAbsY}`);
  // Regression targets are real numbers, not just 0/1.
  const targets = [];
  for (let i = 2; i < r.rp.length; i += 3) targets.push(r.rp[i]);
  assert.ok(targets.every(Number.isFinite));
  assert.ok(new Set(targets).size > 10);
});

test("the same seed gives the same data and training; another seed does not", async () => {
  const r = await api((nn) => {
    const run = (seed) => {
      const pg = new nn.Playground({ dataset: "moons", noise: 0.2, seed });
      const pts = Array.from(pg.points("train"));
      const rep = pg.step(200);
      pg.free();
      return { pts, loss: rep.trainLoss };
    };
    return { a: run(11), b: run(11), c: run(12) };
  });
  assert.deepEqual(r.a.pts, r.b.pts);
  assert.equal(r.a.loss, r.b.loss);
  assert.notDeepEqual(r.a.pts, r.c.pts);
});

test("gradientCheck() agrees with finite differences (< 1e-6)", async () => {
  const r = await api((nn) => {
    const out = [];
    for (const config of [
      {},
      { hidden: [5, 3], activation: "sigmoid", seed: 4 },
      { hidden: [4], activation: "tanh", l2: 0.01, dataset: "spiral" },
      { problem: "regression", dataset: "gaussians", hidden: [6], activation: "tanh" },
    ]) {
      const pg = new nn.Playground(config);
      pg.step(20);
      out.push({ config, value: pg.gradientCheck() });
      pg.free();
    }
    return out;
  });
  for (const { config, value } of r) {
    assert.equal(typeof value, "number");
    assert.ok(value >= 0 && value < 1e-6, `${JSON.stringify(config)}: ${value}`);
  }
});

test("bad configs throw Errors whose message names the key", async () => {
  const cases = [
    [{ learningRate: -1 }, "learningRate"],
    [{ batchSize: 0 }, "batchSize"],
    [{ hidden: [0] }, "hidden"],
    [{ dataset: "nope" }, "dataset"],
    [{ noise: 2 }, "noise"],
    [{ samples: 3 }, "samples"],
    [{ trainFraction: 1 }, "trainFraction"],
    [{ scale: [1, 0] }, "scale"],
    [{ activation: "swish" }, "activation"],
    [{ optimizer: "lbfgs" }, "optimizer"],
    [{ hidden: new Array(17).fill(2) }, "hidden"],
    [{ problem: "regression", dataset: "circle" }, "dataset"],
  ];
  const r = await api((nn, cases) => cases.map(([config]) => {
    try {
      new nn.Playground(config).free();
      return null;
    } catch (e) {
      return { isError: e instanceof Error, message: String(e?.message ?? e) };
    }
  }), cases);
  cases.forEach(([config, key], i) => {
    const got = r[i];
    assert.ok(got, `${JSON.stringify(config)} was accepted`);
    assert.equal(got.isError, true, `${JSON.stringify(config)} threw a non-Error`);
    assert.ok(got.message.includes(key), `${JSON.stringify(config)}: "${got.message}" does not name ${key}`);
  });
  assert.match(r[0].message, /learningRate must be > 0, got -1/);
});

test("predict() with an odd-length array throws an Error", async () => {
  const r = await api((nn) => {
    const pg = new nn.Playground();
    try {
      pg.predict(new Float32Array([1, 2, 3]));
      return null;
    } catch (e) {
      return { isError: e instanceof Error, message: String(e?.message ?? e) };
    } finally {
      pg.free();
    }
  });
  assert.ok(r, "odd-length predict was accepted");
  assert.equal(r.isError, true);
  assert.match(r.message, /predict|points|even/);
});

test("a Playground keeps working after another one failed to build", async () => {
  const r = await api((nn) => {
    const pg = new nn.Playground();
    const before = pg.step(5).step;
    let threw = false;
    try {
      new nn.Playground({ learningRate: -1 });
    } catch {
      threw = true;
    }
    const after = pg.step(5).step;
    pg.free();
    return { before, after, threw };
  });
  assert.equal(r.threw, true);
  assert.equal(r.before, 5);
  assert.equal(r.after, 10);
});
