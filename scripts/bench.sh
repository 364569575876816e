#!/usr/bin/env bash
# `make bench`: native figures first (they are the wasm ratio's denominator), then the wasm
# build in Node against its in-process JavaScript baseline, the work-budget calibration, and every
# page while it plays in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --bench train
wasm-pack build --release --target web --out-dir target/bench-pkg --no-pack
scripts/shrink-wasm.sh target/bench-pkg
node benches/wasm.mjs
node benches/work-budget.mjs
node benches/pages.mjs --seconds 5 --runs 3
