// The npm package `make package` packs (target/nn-playground-<version>.tgz), installed into an
// empty folder as a user would: imported from Node (no init needed) and from a page (init() of
// the web build), each training the same network as the repository's own build, bit for bit,
// and type-checked from a consumer's TypeScript.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO, serve, closeServer, launch, requirePkg, PKG } from "../e2e/helpers.mjs";

const version = readFileSync(path.join(REPO, "Cargo.toml"), "utf8").match(/^version = "(.+)"/m)[1];
const TARBALL = path.join(REPO, "target", `nn-playground-${version}.tgz`);
const CONFIG = { dataset: "spiral", hidden: [6, 6], seed: 11 };
const STEPS = 300;

let folder;

before(() => {
  assert.ok(existsSync(TARBALL), `${TARBALL} is missing: run make package`);
  folder = mkdtempSync(path.join(tmpdir(), "nn-playground-user-"));
  writeFileSync(path.join(folder, "package.json"), JSON.stringify({ name: "user", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", TARBALL], { cwd: folder, stdio: "pipe" });
});

after(() => rmSync(folder, { recursive: true, force: true }));

/** The training loss after STEPS updates with the repository's own build (www/pkg). */
async function expectedLoss() {
  requirePkg();
  const { initSync, Playground } = await import(PKG);
  initSync({ module: readFileSync(PKG.replace(/\.js$/, "_bg.wasm")) });
  return new Playground(CONFIG).step(STEPS).trainLoss;
}

test("the tarball holds the web build, the Node entry, types, README and licence", () => {
  const manifest = JSON.parse(readFileSync(path.join(folder, "node_modules/nn-playground/package.json"), "utf8"));
  assert.equal(manifest.name, "nn-playground");
  assert.equal(manifest.version, version);
  assert.equal(manifest.license, "MIT");
  for (const file of ["nn_playground.js", "nn_playground.d.ts", "nn_playground_bg.wasm", "node.js", "node.d.ts", "README.md", "LICENSE"]) {
    assert.ok(existsSync(path.join(folder, "node_modules/nn-playground", file)), file);
  }
});

test("Node imports the package by name and trains without init()", async () => {
  const script = `import { Playground } from "nn-playground";
    process.stdout.write(String(new Playground(${JSON.stringify(CONFIG)}).step(${STEPS}).trainLoss));`;
  writeFileSync(path.join(folder, "use.mjs"), script);
  const loss = Number(execFileSync("node", ["use.mjs"], { cwd: folder, encoding: "utf8" }));
  assert.equal(loss, await expectedLoss());
});

test("a page imports the web build, calls init() and trains", async () => {
  writeFileSync(path.join(folder, "index.html"), `<!doctype html><title>loading</title>
    <script type="module">
      import init, { Playground } from "./node_modules/nn-playground/nn_playground.js";
      await init();
      document.title = String(new Playground(${JSON.stringify(CONFIG)}).step(${STEPS}).trainLoss);
    </script>`);
  const { server, base } = await serve(folder);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/index.html`);
    await page.waitForFunction(() => document.title !== "loading", null, { timeout: 20_000 });
    assert.equal(Number(await page.title()), await expectedLoss());
  } finally {
    await browser.close();
    await closeServer(server);
  }
});

test("a consumer's TypeScript type-checks against the package's declarations", () => {
  writeFileSync(path.join(folder, "typed.ts"), `import { Playground } from "nn-playground";
    const report = new Playground({ dataset: "xor" }).step(1);
    const loss: number = report.trainLoss;
    // @ts-expect-error: a report has no such field
    report.noSuchField;
    export { loss };`);
  writeFileSync(path.join(folder, "tsconfig.json"), JSON.stringify({
    compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "esnext", strict: true, noEmit: true, types: [] },
    files: ["typed.ts"],
  }));
  execFileSync(path.join(REPO, "node_modules/.bin/tsc"), ["-p", folder], { stdio: "pipe" });
});
