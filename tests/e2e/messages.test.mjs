/**
 * Messages a learner can act on, on the playground (www/index.html) in headless Chromium: a
 * refused value is named by its field's visible label with the allowed range and a readable
 * number, in the banner and beside the field (aria-invalid, aria-describedby), in English and
 * Korean; the marks go when the value is valid again. The same naming where else a learner meets
 * a refusal: the <nn-playground> element's notice, a model file that does not load, a gradient
 * check the core refuses, and the normalization lab's loss surface.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadPlayground, browserSuite, waitFor } from "./helpers.mjs";

const suite = browserSuite();

/** Type `value` into `selector` and commit it with Enter. */
async function commit(page, selector, value) {
  await page.fill(selector, value);
  await page.press(selector, "Enter");
}

/** The field's marks: aria-invalid, and the text of what aria-describedby points at, with where it is. */
function marksOf(page, selector) {
  return page.$eval(selector, (control) => {
    const ids = (control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
    const notes = ids.map((id) => document.getElementById(id)).filter((n) => n?.classList.contains("field-error"));
    const box = control.getBoundingClientRect();
    const note = notes[0]?.getBoundingClientRect();
    return {
      invalid: control.getAttribute("aria-invalid"),
      notes: notes.map((n) => n.textContent),
      // beside the field: starting within a line below it, and overlapping it across
      beside: note ? note.top >= box.top && note.top - box.bottom < 24 && note.left < box.right && note.right > box.left : false,
    };
  });
}

test("a huge learning rate: the banner and the field name “Learning rate”, its range and the number as 6.78 × 10⁴⁷", async () => {
  const { page } = await suite.fresh();
  await loadPlayground(page, suite.base);
  await commit(page, "#learningRate", "6.779248914044274e47");
  await page.waitForSelector("#error-banner", { state: "visible" });
  const message = "Learning rate must be greater than 0 and at most 1\u202f000\u202f000; got 6.78 × 10⁴⁷";
  assert.equal(await page.textContent("#error-text"), `${message}.`);
  assert.deepEqual(await marksOf(page, "#learningRate"), { invalid: "true", notes: [message], beside: true });

  // Two refused fields: each marked; fixing one unmarks it alone, fixing both clears the banner.
  await commit(page, "#batchSize", "0");
  await page.waitForSelector("#batchSize[aria-invalid=true]");
  assert.equal(await page.textContent("#error-text"),
    `${message}. Batch size must be between 1 and 1\u202f000\u202f000; got 0.`);
  assert.equal((await marksOf(page, "#learningRate")).invalid, "true");
  await commit(page, "#learningRate", "0.1");
  await page.waitForSelector("#learningRate:not([aria-invalid])");
  assert.deepEqual(await marksOf(page, "#learningRate"), { invalid: null, notes: [], beside: false });
  assert.equal(await page.getAttribute("#learningRate", "aria-describedby"), null);
  assert.equal(await page.textContent("#error-text"), "Batch size must be between 1 and 1\u202f000\u202f000; got 0.");
  assert.equal((await marksOf(page, "#batchSize")).invalid, "true");
  await commit(page, "#batchSize", "20");
  await page.waitForSelector("#error-banner", { state: "hidden" });
  assert.deepEqual(await marksOf(page, "#batchSize"), { invalid: null, notes: [], beside: false });
  assert.equal(await page.locator(".field-error").count(), 0);
  assert.equal((await page.evaluate(() => window.nnPlayground.state)).learningRate, 0.1);
});

test("the same in Korean: the label 학습률, the range and the number, in a sentence that reads", async () => {
  const { page } = await suite.fresh();
  await loadPlayground(page, suite.base, "#optimizer=adam&lang=ko");
  await commit(page, "#learningRate", "6.779248914044274e47");
  await page.waitForSelector("#learningRate[aria-invalid=true]");
  const rate = "학습률: 0 초과 1\u202f000\u202f000 이하인 값이어야 합니다 (입력: 6.78 × 10⁴⁷)";
  assert.equal(await page.textContent("#error-title"), "설정이 거부되었습니다.");
  assert.equal(await page.textContent("#error-text"), `${rate}.`);
  assert.deepEqual(await marksOf(page, "#learningRate"), { invalid: "true", notes: [rate], beside: true });
  await commit(page, "#learningRate", "0.01");
  await page.waitForSelector("#error-banner", { state: "hidden" });

  // A range closed on one side only: "미만" takes "인 값이어야", not "여야".
  await commit(page, "#beta1", "1");
  await page.waitForSelector("#beta1[aria-invalid=true]");
  assert.equal(await page.textContent("#error-text"), "Adam β₁: 0 이상 1 미만인 값이어야 합니다 (입력: 1).");
  await commit(page, "#epsilon", "-2e-9");
  await page.waitForSelector("#epsilon[aria-invalid=true]");
  assert.deepEqual((await marksOf(page, "#epsilon")).notes, ["Adam ε: 0 초과 1 이하인 값이어야 합니다 (입력: −2 × 10⁻⁹)"]);
});

test("a link's refused values are listed by their field's label, then as typed; page options with their choices", async () => {
  const { page } = await suite.fresh();
  await loadPlayground(page, suite.base, "#learningRate=-1&scale=1,0&dataset=nope&foo=1&embed=2");
  await page.waitForSelector("#hash-notice", { state: "visible" });
  const notice = await page.textContent("#hash-notice-text");
  for (const part of [
    "Learning rate — learningRate=-1: must be greater than 0 and at most 1\u202f000\u202f000; got −1",
    "Scale x₂ — scale=1,0: must not be 0",
    "Dataset — dataset=nope: must be one of circle, xor, gauss, spiral, moons, pinwheel, plane, gaussians, custom; got “nope”",
    "; foo=1: is not a setting here",
    "; embed=2: must be one of 1, 0; got “2”",
  ]) assert.ok(notice.includes(part), `${part} in ${notice}`);

  await page.goto("about:blank");
  await loadPlayground(page, suite.base, "#seed=-1&lang=ko");
  assert.equal(await page.textContent("#hash-notice-text"), "시드 — seed=-1: 0 이상 4\u202f294\u202f967\u202f295 이하인 값이어야 합니다 (입력: −1)");
});

test("the element names a refused attribute by its field's label, then as written, with the range; in Korean too", async () => {
  const { page } = await suite.fresh();
  await page.goto(`${suite.base}/element-demo.html`);
  /** Add an element with `attributes` and return its notice once it has drawn. */
  const notice = (id, attributes) => page.evaluate(async ([id, attributes]) => {
    document.body.insertAdjacentHTML("beforeend", `<nn-playground id="${id}" ${attributes}></nn-playground>`);
    const el = document.getElementById(id);
    await new Promise((resolve) => el.addEventListener("nn-playground-ready", resolve, { once: true }));
    return el.shadowRoot.querySelector(".notice").textContent;
  }, [id, attributes]);
  assert.equal(await notice("en", 'learning-rate="-1" scale="1,0" beta1="1"'),
    "Some attributes were not understood and use their defaults: " +
    "Learning rate — learning-rate=-1: must be greater than 0 and at most 1\u202f000\u202f000; got −1; " +
    "Scale x₂ — scale=1,0: must not be 0; Adam β₁ — beta1=1: must be at least 0 and less than 1; got 1");
  // HTML lowercases attribute names: learningRate reads as learningrate, and is named so.
  assert.equal(await notice("ko", 'lang="ko" learningRate="6.779248914044274e47"'),
    "일부 속성을 이해하지 못해 기본값을 사용합니다: 학습률 — learningrate=6.779248914044274e47: " +
    "0 초과 1\u202f000\u202f000 이하인 값이어야 합니다 (입력: 6.78 × 10⁴⁷)");
});

/** Load `model` as the file `name` with the playground's "Load a model" and return the message. */
async function loadModel(page, model, name = "bad.json") {
  await page.setInputFiles("#import-model", { name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(model)) });
  await page.waitForSelector("#model-error", { state: "visible" });
  return page.textContent("#model-error");
}

test("a model file with a bad value names the field's label, the file's key path and the range", async () => {
  const { page } = await suite.fresh();
  await loadPlayground(page, suite.base);
  const model = await page.evaluate(() => window.nnPlayground.playground.exportModel());
  assert.equal(await loadModel(page, { ...model, config: { ...model.config, learningRate: -1 } }),
    "bad.json was not loaded: Learning rate (config.learningRate) must be greater than 0 and at most 1\u202f000\u202f000; got −1");
  assert.equal(await loadModel(page, { ...model, config: { ...model.config, hidden: [4, 0] } }),
    "bad.json was not loaded: Hidden layer sizes (config.hidden[1]) must be between 1 and 128; got 0");

  await page.goto("about:blank");
  await loadPlayground(page, suite.base, "#lang=ko");
  assert.equal(await loadModel(page, { ...model, config: { ...model.config, learningRate: -1 } }),
    "bad.json 을(를) 불러오지 않았습니다: 학습률 (config.learningRate): 0 초과 1\u202f000\u202f000 이하인 값이어야 합니다 (입력: −1)");
});

/**
 * Make the page's compute worker answer every request with `answer` (`{ result }` or `{ error }`,
 * as the real one forwards the core's), so a test controls what a readout shows.
 */
function answerEveryRequestWith(page, answer) {
  return page.addInitScript((answer) => {
    window.Worker = class {
      postMessage(data) {
        if (data.module) return;
        setTimeout(() => this.onmessage?.({ data: { id: data.id, ...answer } }));
      }
      terminate() {}
    };
  }, answer);
}

test("a gradient check the core refuses as too much work says so as a sentence about the check", async () => {
  const { page } = await suite.fresh();
  await answerEveryRequestWith(page, {
    error: { message: "", code: "tooMuchWork", key: "", params: { what: "gradient check", work: 4.2e10, budget: 6e9 } },
  });
  await loadPlayground(page, suite.base);
  await page.click("#grad-check");
  const refused = () => waitFor(page, () => {
    const text = document.getElementById("grad-check-value").textContent;
    return /[0-9]/.test(text) && text;
  });
  assert.equal(await refused(), "The gradient check needs about 42\u202f000\u202f000\u202f000 multiply-adds with this network " +
    "and data, more than one call may do (6\u202f000\u202f000\u202f000). Fewer or smaller hidden layers make it fit.");

  await page.goto("about:blank");
  await loadPlayground(page, suite.base, "#lang=ko");
  await page.click("#grad-check");
  assert.equal(await refused(), "기울기 검사: 이 네트워크와 데이터로는 곱셈-덧셈이 약 42\u202f000\u202f000\u202f000번 필요해 " +
    "한 번의 호출이 할 수 있는 양(6\u202f000\u202f000\u202f000)을 넘습니다. 은닉층의 수나 크기를 줄이면 됩니다.");
});

test("a gradient check that left out differences across a kink says how many", async () => {
  const { page } = await suite.fresh();
  // A check that left two parameters out, as a ReLU net's may.
  await answerEveryRequestWith(page, { result: { relativeError: 2.5e-10, checked: 37, parameters: 37, points: 64, straddled: 2 } });
  const checked = async () => {
    await page.click("#grad-check");
    await page.waitForSelector("#grad-check-value[data-value]");
    return page.evaluate(() => {
      const out = document.getElementById("grad-check-value");
      return [out.textContent, out.dataset.straddled, out.classList.contains("ok")];
    });
  };
  await loadPlayground(page, suite.base);
  assert.deepEqual(await checked(), ["relative error 2.50e-10 ✓ backprop matches finite differences " +
    "(all 37 parameters, 64 points; 2 left out, their step crossing a kink)", "2", true]);
  await page.goto("about:blank");
  await loadPlayground(page, suite.base, "#lang=ko");
  assert.deepEqual(await checked(), ["상대 오차 2.50e-10 ✓ 역전파가 유한 차분과 일치합니다 " +
    "(변수 37개 전부, 점 64개; 2개는 차분 간격이 꺾인 점에 걸쳐 있어 제외)", "2", true]);
});

test("the normalization lab draws a big network's surface at the most nodes it may, and names a refused one by its control, “Loss surface”", async () => {
  const { page } = await suite.fresh();
  // Three layers of 128 units: more than 34 nodes per side is more than one call's work; the lab
  // draws 34.
  await loadPlayground(page, suite.base, "normalization.html#hidden=128,128,128");
  await waitFor(page, () => window.nnNormalization.sides.every((s) => s.surface));
  assert.deepEqual(
    await page.evaluate(() => window.nnNormalization.sides.map((s) => [s.surface.res, s.surfaceMessage])),
    [[34, ""], [34, ""]],
  );

  // Sixteen such layers allow 12, fewer than the lab draws: a message instead.
  const sixteen = `normalization.html#hidden=${Array(16).fill(128).join(",")}`;
  await page.goto("about:blank");
  await loadPlayground(page, suite.base, sixteen);
  // The surfaces are computed in the compute worker: their messages come a moment after the page is ready.
  const messages = async () => {
    await waitFor(page, () => window.nnNormalization.sides.every((s) => s.surfaceMessage));
    return page.evaluate(() => window.nnNormalization.sides.map((s) => s.surfaceMessage));
  };
  // The lab asks for 101 nodes per side while still (51 or 41 while playing).
  const [raw, standardized] = await messages();
  assert.match(raw, /^Loss surface must be at most 12 nodes per side with this network and data; got (101|51|41)\. Fewer or smaller hidden layers make it fit\.$/);
  assert.equal(standardized, raw);

  await page.goto("about:blank");
  await loadPlayground(page, suite.base, `${sixteen}&lang=ko`);
  assert.match((await messages())[0], /^손실 곡면: 이 네트워크와 데이터에서는 최대 12 개 격자점 \(한 변\)까지 가능합니다 \(입력: (101|51|41)\)\. 은닉층의 수나 크기를 줄이면 됩니다\.$/);
});
