#!/usr/bin/env node
/**
 * Tiny dependency-free static file server for the playground.
 *
 *   node scripts/serve.mjs [root=www] [port=8000]
 *
 * Binds 127.0.0.1 only, serves files with the MIME types a browser needs for
 * ES modules and WebAssembly (`application/wasm` lets `instantiateStreaming`
 * work), answers `index.html` for directories, 404 for anything missing, and
 * refuses paths that would escape the root, symbolic links included (403),
 * and paths longer than MAX_PATH characters (414). Every response carries
 * `Cache-Control: no-store` so a rebuilt `www/pkg` is always picked up.
 *
 * Tests import `startServer({ root, port: 0 })` to get a server on an
 * ephemeral port.
 */
import http from "node:http";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

/** Longest request path served (longer ones get 414 rather than a file-system error). */
export const MAX_PATH = 2048;

/** MIME type for a file name, `application/octet-stream` when unknown. */
export function mimeType(file) {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

function send(res, status, body, type = "text/plain; charset=utf-8", head = false) {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(head ? undefined : body);
}

/**
 * Resolve a request path against the root. Returns null when the path is
 * malformed or would leave the root.
 */
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const full = path.resolve(root, "." + path.posix.normalize("/" + decoded));
  return isInside(root, full) ? full : null;
}

/** Whether `full` (an absolute path) is `root` or under it. */
function isInside(root, full) {
  const rel = path.relative(root, full);
  return !(rel.startsWith("..") || path.isAbsolute(rel));
}

/**
 * @param {string} root the root as given (absolute)
 * @param {string} realRoot the root with symbolic links resolved
 */
async function handle(root, realRoot, req, res) {
  const head = req.method === "HEAD";
  if (req.method !== "GET" && !head) {
    res.setHeader("Allow", "GET, HEAD");
    return send(res, 405, "405 Method Not Allowed\n");
  }
  const rawPath = (req.url ?? "/").split("?")[0].split("#")[0];
  if (rawPath.length > MAX_PATH) return send(res, 414, "414 URI Too Long\n", undefined, head);
  // Reject traversal attempts before any normalisation can hide them.
  if (rawPath.split("/").some((seg) => {
    try { return decodeURIComponent(seg).split(/[\\/]/).includes(".."); } catch { return true; }
  })) {
    return send(res, 403, "403 Forbidden\n", undefined, head);
  }
  let file = resolveInside(root, rawPath);
  if (file === null) return send(res, 403, "403 Forbidden\n", undefined, head);
  try {
    let stat = await fs.stat(file);
    if (stat.isDirectory()) {
      if (!rawPath.endsWith("/")) {
        res.writeHead(301, { Location: rawPath + "/", "Cache-Control": "no-store" });
        return res.end();
      }
      file = path.join(file, "index.html");
      stat = await fs.stat(file);
    }
    if (!stat.isFile()) throw Object.assign(new Error("not a file"), { code: "ENOENT" });
    // A symbolic link inside the root may point outside it: serve only what really lies inside.
    if (!isInside(realRoot, await fs.realpath(file))) return send(res, 403, "403 Forbidden\n", undefined, head);
    const body = await fs.readFile(file);
    res.writeHead(200, {
      "Content-Type": mimeType(file),
      "Content-Length": body.length,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    res.end(head ? undefined : body);
  } catch (err) {
    if (err && ["ENOENT", "ENOTDIR", "ENAMETOOLONG", "ELOOP"].includes(err.code)) {
      return send(res, 404, `404 Not Found: ${rawPath}\n`, undefined, head);
    }
    return send(res, 500, "500 Internal Server Error\n", undefined, head);
  }
}

/**
 * Start serving `root` on 127.0.0.1:`port` (0 = ephemeral).
 * Resolves to the listening http.Server; `server.address().port` is the port.
 */
export function startServer({ root = "www", port = 8000 } = {}) {
  const absRoot = path.resolve(root);
  const realRoot = fs.realpath(absRoot);
  const server = http.createServer(async (req, res) => {
    handle(absRoot, await realRoot, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, "500 Internal Server Error\n");
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = process.argv[2] ?? "www";
  const port = Number(process.argv[3] ?? 8000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid port: ${process.argv[3]}`);
    process.exit(2);
  }
  startServer({ root, port }).then(
    (server) => {
      console.log(`Serving ${root} on http://127.0.0.1:${server.address().port}`);
    },
    (err) => {
      console.error(`cannot serve ${root} on port ${port}: ${err.message}`);
      process.exit(1);
    },
  );
}
