#!/usr/bin/env bash
# A broken content file must stop `cargo build` itself, naming the file, the item and the reason.
# (tests/content.rs checks the messages of every kind of mistake; this checks that the build
# really stops on one.) Uses the dev build that `cargo test` has already compiled.
set -euo pipefail
cd "$(dirname "$0")/.."
broken=$(mktemp -d)
trap 'rm -rf "$broken"' EXIT
cp -r content/. "$broken/"
sed -i 's/told_in = "history-2"/told_in = "history-20"/' "$broken/events.toml"
if output=$(PAK_US_CONTENT_DIR="$broken" cargo build --lib --quiet 2>&1); then
  echo "FAIL: cargo build succeeded on broken content"
  exit 1
fi
want='content/events.toml: event `seato`: told_in `history-20` is not a step of article.toml'
if ! grep -qF "$want" <<<"$output"; then
  echo "FAIL: cargo build did not say: $want"
  echo "$output"
  exit 1
fi
echo "ok: cargo build stops on broken content: $want"
