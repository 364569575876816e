# nn-playground: `make serve` builds and serves the playground, `make test` runs every test.
# Both install what they need on a fresh machine (scripts/ensure-tools.sh).

PORT ?= 8000
PKG := www/pkg/nn_playground.js
SOURCES := Cargo.toml Cargo.lock .cargo/config.toml $(wildcard src/*.rs src/*/*.rs src/wasm/*.js src/wasm/*.d.ts)

.PHONY: serve test lint test-native test-wasm test-e2e test-schema test-fuzz test-claims test-package fuzz soak bench pkg package tools test-tools clean

serve: tools $(PKG)
	node scripts/serve.mjs www $(PORT)

pkg: $(PKG)

$(PKG): $(SOURCES)
	wasm-pack build --release --target web --out-dir www/pkg --no-pack
	scripts/shrink-wasm.sh www/pkg
	@touch $@

tools:
	@scripts/ensure-tools.sh build

test-tools:
	@scripts/ensure-tools.sh test

test: test-tools $(PKG)
	$(MAKE) lint test-native test-wasm test-e2e test-schema test-fuzz test-claims test-package

# Format, lints for both targets; the JS is type-checked against the package's .d.ts.
lint: test-tools $(PKG)
	cargo fmt --check
	cargo clippy --all-targets --release -- -D warnings
	cargo clippy --all-targets --release --target wasm32-unknown-unknown -- -D warnings
	npx tsc -p .

test-native:
	cargo test --release

# The runner gives each test file 20 s in all by default; the largest calls the work budget
# allows (tests/web_limits.rs) take 5-11 s here, and more on a loaded machine.
test-wasm:
	WASM_BINDGEN_TEST_TIMEOUT=180 wasm-pack test --headless --chrome --release

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

# One default and one limit changed in the Rust table only: every page and the element follow.
test-schema:
	scripts/schema-variant.sh target/schema-variant
	E2E_WWW=target/schema-variant/www node --test --test-concurrency=1 tests/schema/

# A short seeded fuzz of every export and every page's link parser (the property tests of the
# Rust readers run in test-native).
test-fuzz: $(PKG)
	node tests/fuzz/fuzz.mjs --calls 5000 --links 3000 --seed 1

# Every sentence the pages mark as a claim (data-claim, claim:) checked against the engine under
# its own settings, and its English and Korean stating the same numbers.
test-claims: $(PKG)
	node --test tests/claims/claims.test.mjs

# The npm package: the web build plus a Node entry, README and licence, packed into
# target/nn-playground-<version>.tgz.
package: tools
	scripts/package.sh

# The packed package installed into an empty folder, used from Node, from a page and from
# TypeScript.
test-package: package
	node --test tests/package/package.test.mjs

# The long fuzz: many more property-test cases, and a long seeded run with its table.
fuzz: test-tools $(PKG)
	PROPTEST_CASES=50000 cargo test --release --test fuzz
	node tests/fuzz/fuzz.mjs --calls 300000 --links 100000 --seed $$(date +%s)

# 10⁶ updates, build/free cycles and the page playing for minutes, with memory before and after.
soak: test-tools $(PKG)
	node tests/soak/soak.mjs --minutes $(or $(MINUTES),3)

bench: tools
	scripts/bench.sh

clean:
	cargo clean
	rm -rf www/pkg node_modules
