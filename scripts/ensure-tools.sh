#!/usr/bin/env bash
# Installs what building or testing needs, only where it is missing or at the wrong version,
# so a second run takes a second. Usage: scripts/ensure-tools.sh build|test
set -euo pipefail
cd "$(dirname "$0")/.."

# The wasm-bindgen CLI must equal the wasm-bindgen crate pinned in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
WASM_PACK_VERSION=0.15.1

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

version_of() { "$1" --version 2>/dev/null | awk '{print $2}'; }

ensure_build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(version_of wasm-bindgen)" != "$WASM_BINDGEN_VERSION" ]; then
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
  if [ "$(version_of wasm-pack)" != "$WASM_PACK_VERSION" ]; then
    cargo install wasm-pack --version "$WASM_PACK_VERSION" --force
  fi
  command -v node >/dev/null || apt_install nodejs npm
  # The npm tools (binaryen's wasm-opt for the build; playwright-core, typescript for the
  # tests) at the versions package.json pins.
  local stale
  stale=$(node -e '
    const want = require("./package.json").devDependencies;
    const have = (name) => { try { return require(`./node_modules/${name}/package.json`).version; } catch { return ""; } };
    console.log(Object.keys(want).filter((name) => have(name) !== want[name]).join(" "));')
  if [ -n "$stale" ]; then
    npm ci --no-audit --no-fund
  fi
}

ensure_test_tools() {
  ensure_build_tools
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      rustup component add "$component"
    fi
  done
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt_install chromium chromium-driver
  fi
}

case "${1:-}" in
  build) ensure_build_tools ;;
  test) ensure_test_tools ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac
