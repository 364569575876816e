#!/usr/bin/env bash
# Builds the site with two settings changed in the core's table only — the seed's default (1 → 7)
# and the learning rate's ceiling (10⁶ → 5) — into DIR/www, for tests/schema/: every page and
# the custom element must follow the core with no other edit. Usage: scripts/schema-variant.sh DIR
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: $0 DIR}
rm -rf "$dir"
mkdir -p "$dir"
cp -r Cargo.toml Cargo.lock .cargo src benches www "$dir"/
rm -rf "$dir/www/pkg"
table="$dir/src/config/mod.rs"
sed -i 's/seed: u32 = "seed", 1, /seed: u32 = "seed", 7, /' "$table"
sed -i 's/learning_rate: f64 = "learningRate", 0.03, number(Range::above(0.0, 1e6));/learning_rate: f64 = "learningRate", 0.03, number(Range::above(0.0, 5.0));/' "$table"
# Both edits must have happened, or the test would pass for the wrong reason.
grep -q 'seed: u32 = "seed", 7, ' "$table"
grep -q 'number(Range::above(0.0, 5.0))' "$table"
# The variant shares the build cache: only the crate itself is compiled again.
out="$(cd "$dir" && pwd)/www/pkg"
CARGO_TARGET_DIR="$PWD/target" wasm-pack build --release --target web --out-dir "$out" --no-pack "$dir"
