#!/usr/bin/env bash
# Make sure Debian's chromium (and an emoji font, so screenshots show emoji) is present for the browser
# tests; Playwright never downloads a browser here.
set -euo pipefail
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || missing+=(fonts-noto-color-emoji)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
if [ -x "$CHROMIUM" ]; then
  echo "Note: the emoji font is missing; screenshots will show boxes for emoji." >&2
  exit 0
fi
echo "chromium is not installed at $CHROMIUM and this user cannot install it." >&2
echo "Install it (sudo apt-get install chromium) or set CHROMIUM=/path/to/chromium." >&2
if [ "${CI:-}" = "true" ]; then
  exit 1
fi
echo "Browser tests will be skipped." >&2
