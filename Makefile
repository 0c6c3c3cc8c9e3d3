# The common commands. `make serve` and `make test` first install whatever is missing
# (scripts/setup.sh); on a machine that has everything that takes a second or two.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve build test test-native test-wasm test-e2e lint bench screenshots

## Serve the app with live reload on http://127.0.0.1:8080 (into target/serve-dist, so that
## dist/ stays a clean release build).
serve:
	scripts/setup.sh
	trunk serve --dist target/serve-dist

## The release build in dist/.
build:
	scripts/setup.sh
	trunk build --release

## Every test: lint, native, wasm in headless Chromium and Firefox, the build's own content
## check, and end-to-end tests of the release dist/ in headless Chromium (and, for the
## cross-engine file, Firefox ESR and WebKitGTK).
test:
	scripts/setup.sh --test
	$(MAKE) lint test-native test-wasm build test-e2e

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings
	cargo clippy --features ssr --bin prerender --tests -- -D warnings

test-native:
	cargo test --features ssr
	scripts/check-broken-content.sh

## The component tests in Chromium, then in Firefox (wasm-bindgen-test-runner drives whichever
## driver these name).
test-wasm:
	env -u GECKODRIVER CHROMEDRIVER=$$(command -v chromedriver) cargo test --target wasm32-unknown-unknown --test web
	env -u CHROMEDRIVER GECKODRIVER=$$(command -v geckodriver) cargo test --target wasm32-unknown-unknown --test web

test-e2e:
	node --test --test-concurrency=1 --test-timeout=120000 --test-reporter=spec e2e/

## Sizes of the release dist/ per file (raw, gzip, brotli), then load, interaction and memory
## figures against a plain page and TimelineJS (medians of BENCH_RUNS runs, default 5), then
## Lighthouse's mobile audit of the three (medians of LIGHTHOUSE_RUNS rounds, default 3).
bench: build
	node e2e/bench.mjs
	node e2e/perf.mjs
	node e2e/lighthouse.mjs

## Screenshots at 1280 and 375 px, light and dark, into e2e/screenshots/.
screenshots: build
	node e2e/shoot.mjs
