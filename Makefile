# nn-playground: `make serve` builds and serves the playground, `make test` runs every test.
# Both install what they need on a fresh machine (scripts/ensure-tools.sh).

PORT ?= 8000
PKG := www/pkg/nn_playground.js
SOURCES := Cargo.toml Cargo.lock .cargo/config.toml $(wildcard src/*.rs src/*/*.rs src/wasm/*.js src/wasm/*.d.ts)

.PHONY: serve test lint test-native test-wasm test-e2e test-schema bench pkg tools test-tools clean

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
	$(MAKE) lint test-native test-wasm test-e2e test-schema

# Format, lints for both targets; the JS is type-checked against the package's .d.ts.
lint: test-tools $(PKG)
	cargo fmt --check
	cargo clippy --all-targets --release -- -D warnings
	cargo clippy --all-targets --release --target wasm32-unknown-unknown -- -D warnings
	npx tsc -p .

test-native:
	cargo test --release

test-wasm:
	wasm-pack test --headless --chrome --release

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

# One default and one limit changed in the Rust table only: every page and the element follow.
test-schema:
	scripts/schema-variant.sh target/schema-variant
	E2E_WWW=target/schema-variant/www node --test --test-concurrency=1 tests/schema/

bench: tools
	scripts/bench.sh

clean:
	cargo clean
	rm -rf www/pkg node_modules
