#!/usr/bin/env bash
# Shrinks a wasm-pack build's module in place with wasm-opt from the npm `binaryen` package
# (Debian's wasm-opt 108 breaks the externref table this wasm-bindgen emits). Optimizing for
# size costs no training speed: the kernels are already vectorized by rustc. Rust never touches
# the first kilobyte of memory (its stack starts at 1 MiB), which --low-memory-unused relies on.
# The custom sections for tools (producers, target features, debug names) are dropped.
# Usage: scripts/shrink-wasm.sh DIR (a wasm-pack --out-dir)
set -euo pipefail
cd "$(dirname "$0")/.."
wasm="$1/nn_playground_bg.wasm"
node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused \
  --strip-debug --strip-producers --strip-target-features \
  --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
  "$wasm" -o "$wasm.tmp"
mv "$wasm.tmp" "$wasm"
