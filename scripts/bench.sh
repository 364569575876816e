#!/usr/bin/env bash
# `make bench`: native figures first (they are the wasm ratio's denominator), then the wasm
# build in Node against its in-process JavaScript baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --bench train
wasm-pack build --release --target web --out-dir target/bench-pkg --no-pack
node benches/wasm.mjs
node benches/work-budget.mjs
