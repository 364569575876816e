# nn-playground: `make serve` builds and serves the playground, `make test` runs every test.
# Both install what they need on a fresh machine (scripts/ensure-tools.sh).

PORT ?= 8000
PKG := www/pkg/nn_playground.js
SOURCES := Cargo.toml Cargo.lock .cargo/config.toml $(wildcard src/*.rs src/*/*.rs src/wasm/*.js)

.PHONY: serve test lint test-native test-wasm test-e2e bench pkg tools test-tools clean

serve: tools $(PKG)
	node scripts/serve.mjs www $(PORT)

pkg: $(PKG)

$(PKG): $(SOURCES)
	wasm-pack build --release --target web --out-dir www/pkg --no-pack
	@touch $@

tools:
	@scripts/ensure-tools.sh build

test-tools:
	@scripts/ensure-tools.sh test

test: test-tools $(PKG)
	$(MAKE) lint test-native test-wasm test-e2e

# Format, lints for both targets; the JS is type-checked against the package's .d.ts.
lint: test-tools
	cargo fmt --check
	cargo clippy --all-targets --release -- -D warnings
	cargo clippy --all-targets --release --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test --release

test-wasm:
	wasm-pack test --headless --chrome --release

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

bench: tools
	scripts/bench.sh

clean:
	cargo clean
	rm -rf www/pkg node_modules
