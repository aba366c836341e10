#!/usr/bin/env bash
# Make sure Debian's chromium is present for the browser tests (Playwright never downloads a browser here).
set -euo pipefail
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
echo "chromium is not installed at $CHROMIUM and this user cannot install it." >&2
echo "Install it (sudo apt-get install chromium) or set CHROMIUM=/path/to/chromium." >&2
if [ "${CI:-}" = "true" ]; then
  exit 1
fi
echo "Browser tests will be skipped." >&2
