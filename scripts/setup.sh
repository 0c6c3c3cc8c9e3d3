#!/usr/bin/env bash
# Installs whatever building the app needs and is missing; with --test, what the tests need too.
# Idempotent: on a machine that has everything it only checks versions (a second or two).
# Sources: rustup for the wasm target, crates.io for trunk, wasm-bindgen-cli and geckodriver, npm
# for wasm-opt (binaryen) and Playwright, Debian for the browsers and the other drivers. Nothing
# downloads a prebuilt binary from elsewhere (trunk's own tool download is off in Trunk.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

# trunk 0.21.14: the last release that builds with rustc 1.95. Built without LTO and with many
# codegen units, it installs in about 6 minutes instead of 11.
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.14$'; then
  step "installing trunk 0.21.14 (about 6 minutes)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
    cargo install trunk --version 0.21.14 --locked
fi

# wasm-bindgen-cli must be exactly the version Cargo.lock pins (trunk checks). Not --locked:
# one of its pinned dependencies is no longer on the registry.
[ -f Cargo.lock ] || cargo generate-lockfile
bindgen=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen\$"; then
  step "installing wasm-bindgen-cli $bindgen (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$bindgen"
fi

# wasm-opt 132, esbuild (minifies the glue) and playwright-core come from npm into node_modules/
# (never global: a global wasm-opt would shadow Debian's).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/esbuild ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm tools (binaryen, esbuild, playwright-core)"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--test" ]; then
  # The three engines of the cross-engine tests, each with its WebDriver server: Chromium,
  # Firefox ESR and WebKitGTK (MiniBrowser, which needs a display: Xvfb).
  missing=()
  for pair in chromium:chromium chromedriver:chromium-driver firefox-esr:firefox-esr \
    WebKitWebDriver:webkit2gtk-driver xvfb-run:xvfb; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair##*:}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    step "installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
  if ! geckodriver --version 2>/dev/null | grep -q '^geckodriver 0\.37\.1'; then
    step "installing geckodriver 0.37.1 (about 6 minutes)"
    cargo install geckodriver --version 0.37.1 --locked
  fi
  if ! rustup component list --installed | grep -q '^clippy'; then
    rustup component add clippy rustfmt
  fi
fi
