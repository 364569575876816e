/**
 * The static server (scripts/serve.mjs): MIME types, directory index, 404,
 * path traversal, no-store caching, loopback-only binding, and the CLI.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { startServer, mimeType } from "../../scripts/serve.mjs";
import { REPO, closeServer } from "./helpers.mjs";

let root;
let server;
let port;

/** GET a raw path (no client-side normalisation of "..") → { status, headers, body }. */
function get(rawPath, method = "GET") {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: rawPath, method }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

before(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "serve-test-"));
  const files = {
    "index.html": "<!doctype html><title>root</title>",
    "app.js": "export const x = 1;",
    "mod.mjs": "export const y = 2;",
    "style.css": "body{}",
    "data.json": "{\"a\":1}",
    "pic.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    "pkg/core_bg.wasm": Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
    "sub/index.html": "<!doctype html><title>sub</title>",
    "img/dot.png": Buffer.from("89504e470d0a1a0a", "hex"),
  };
  for (const [name, content] of Object.entries(files)) {
    await fs.mkdir(path.join(root, path.dirname(name)), { recursive: true });
    await fs.writeFile(path.join(root, name), content);
  }
  await fs.writeFile(path.join(path.dirname(root), "outside-secret.txt"), "secret");
  await fs.symlink(path.join(path.dirname(root), "outside-secret.txt"), path.join(root, "secret-link.txt"));
  await fs.symlink(path.dirname(root), path.join(root, "outside-dir"));
  await fs.symlink(path.join(root, "app.js"), path.join(root, "inside-link.js"));
  server = await startServer({ root, port: 0 });
  port = server.address().port;
});

after(async () => {
  await closeServer(server);
  await fs.rm(root, { recursive: true, force: true });
  await fs.rm(path.join(path.dirname(root), "outside-secret.txt"), { force: true });
});

test("binds 127.0.0.1 on an ephemeral port", () => {
  const addr = server.address();
  assert.equal(addr.address, "127.0.0.1");
  assert.ok(addr.port > 0 && addr.port !== 8000);
});

test("serves files with the MIME types browsers need", async () => {
  const cases = [
    ["/app.js", "text/javascript"],
    ["/mod.mjs", "text/javascript"],
    ["/pkg/core_bg.wasm", "application/wasm"],
    ["/style.css", "text/css"],
    ["/data.json", "application/json"],
    ["/pic.svg", "image/svg+xml"],
    ["/img/dot.png", "image/png"],
    ["/index.html", "text/html"],
  ];
  for (const [p, type] of cases) {
    const res = await get(p);
    assert.equal(res.status, 200, p);
    assert.equal(res.headers["content-type"].split(";")[0], type, p);
    assert.equal(res.headers["cache-control"], "no-store", p);
  }
  const wasm = await get("/pkg/core_bg.wasm");
  assert.deepEqual([...wasm.body.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d]);
  assert.equal(mimeType("x.WASM"), "application/wasm");
  assert.equal(mimeType("x.unknown"), "application/octet-stream");
});

test("answers index.html for directories", async () => {
  const top = await get("/");
  assert.equal(top.status, 200);
  assert.match(top.body.toString(), /<title>root<\/title>/);
  const sub = await get("/sub/");
  assert.equal(sub.status, 200);
  assert.match(sub.body.toString(), /<title>sub<\/title>/);
  const redirect = await get("/sub");
  assert.equal(redirect.status, 301);
  assert.equal(redirect.headers.location, "/sub/");
  const withQuery = await get("/app.js?v=3");
  assert.equal(withQuery.status, 200);
});

test("404 for missing files, with no-store", async () => {
  for (const p of ["/nope.js", "/pkg/missing.wasm", "/img/", "/app.js/extra"]) {
    const res = await get(p);
    assert.equal(res.status, 404, p);
    assert.equal(res.headers["cache-control"], "no-store");
  }
});

test("refuses paths escaping the root", async () => {
  for (const p of [
    "/../outside-secret.txt",
    "/sub/../../outside-secret.txt",
    "/%2e%2e/outside-secret.txt",
    "/..%2foutside-secret.txt",
    "/..%5coutside-secret.txt",
    "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/%E0%A4%A",
  ]) {
    const res = await get(p);
    assert.ok(res.status === 403 || res.status === 404, `${p} gave ${res.status}`);
    assert.doesNotMatch(res.body.toString(), /secret/, p);
  }
});

test("does not follow symbolic links out of the root; links inside it are served", async () => {
  for (const p of ["/secret-link.txt", "/outside-dir/outside-secret.txt"]) {
    const res = await get(p);
    assert.equal(res.status, 403, `${p} gave ${res.status}`);
    assert.doesNotMatch(res.body.toString(), /secret/, p);
  }
  const inside = await get("/inside-link.js");
  assert.equal(inside.status, 200);
  assert.equal(inside.body.toString(), "export const x = 1;");
});

test("very long paths get 414, over-long names 404, never 500", async () => {
  assert.equal((await get("/" + "a".repeat(9000))).status, 414);
  assert.equal((await get("/" + "a".repeat(1000))).status, 404);
  assert.equal((await get("/" + "a/".repeat(1000))).status, 404);
});

test("HEAD has headers but no body; other methods are refused", async () => {
  const head = await get("/app.js", "HEAD");
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.equal(Number(head.headers["content-length"]), "export const x = 1;".length);
  const post = await get("/app.js", "POST");
  assert.equal(post.status, 405);
});

test("runs as a CLI and prints where it serves", async () => {
  const child = spawn(process.execPath, [path.join(REPO, "scripts/serve.mjs"), root, "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const line = await new Promise((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`no banner, got: ${out}`)), 10_000);
      child.stdout.on("data", (d) => {
        out += d;
        if (out.includes("\n")) {
          clearTimeout(timer);
          resolve(out.trim());
        }
      });
      child.on("exit", (code) => reject(new Error(`exited with ${code}: ${out}`)));
    });
    const m = line.match(/^Serving (.+) on http:\/\/127\.0\.0\.1:(\d+)$/);
    assert.ok(m, line);
    assert.equal(m[1], root);
    const res = await fetch(`http://127.0.0.1:${m[2]}/data.json`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { a: 1 });
  } finally {
    child.kill();
  }
});
