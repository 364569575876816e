#!/usr/bin/env bash
# `make package`: the core as an npm package, packed into target/nn-playground-<version>.tgz.
# It holds the `--target web` build (an ES module, `init()` before use: pages, bundlers,
# workers) and node.js, which instantiates that same module synchronously from the file beside it
# so Node code imports and uses it at once; "exports" picks one by condition. With the .d.ts,
# the README and the licence.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
stage=target/package/nn-playground
rm -rf "$stage"
wasm-pack build --release --target web --out-dir "$stage" --no-pack
scripts/shrink-wasm.sh "$stage"
rm -f "$stage/.gitignore"
cat > "$stage/node.js" <<'JS'
// nn-playground for Node: the web build, instantiated synchronously from the wasm beside it.
import { readFileSync } from "node:fs";
import { initSync } from "./nn_playground.js";

initSync({ module: readFileSync(new URL("./nn_playground_bg.wasm", import.meta.url)) });
export * from "./nn_playground.js";
JS
cat > "$stage/node.d.ts" <<'TS'
// nn-playground for Node: everything the web build exports, ready without init().
export * from "./nn_playground.js";
TS
cp README.md LICENSE "$stage/"
cat > "$stage/package.json" <<JSON
{
  "name": "nn-playground",
  "version": "$version",
  "description": "$(sed -n 's/^description = "\(.*\)"/\1/p' Cargo.toml)",
  "license": "MIT",
  "type": "module",
  "main": "./node.js",
  "module": "./nn_playground.js",
  "types": "./nn_playground.d.ts",
  "exports": {
    ".": {
      "node": { "types": "./node.d.ts", "default": "./node.js" },
      "default": { "types": "./nn_playground.d.ts", "default": "./nn_playground.js" }
    },
    "./web": { "types": "./nn_playground.d.ts", "default": "./nn_playground.js" },
    "./nn_playground_bg.wasm": "./nn_playground_bg.wasm"
  },
  "files": ["*.js", "*.d.ts", "*.wasm", "snippets/", "README.md", "LICENSE"],
  "sideEffects": ["./snippets/*"],
  "keywords": ["neural network", "backpropagation", "webassembly", "education"]
}
JSON
(cd target && npm pack --silent "./package/nn-playground" >/dev/null)
echo "target/nn-playground-$version.tgz"
