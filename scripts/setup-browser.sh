#!/usr/bin/env bash
# Installs what the browser tests need: Debian's chromium (Playwright's own browser download
# cannot reach its servers from our machines, so the tests drive /usr/bin/chromium instead).
# Called by `scripts/setup.sh --test`. Safe to run again: when chromium is already there it
# returns at once without touching apt.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "groundbrief: error: $CHROMIUM is missing and this machine has no apt-get; install Chromium so that $CHROMIUM exists, or the browser tests are skipped" >&2
  exit 1
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "groundbrief: error: installing chromium needs root; run this script as root or install the Debian package 'chromium' yourself" >&2
    exit 1
  fi
fi

echo "groundbrief: installing Debian chromium for the browser tests (one time)" >&2
# The package lists may be absent or stale on a fresh machine: update first, or install fails.
"${SUDO[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
"$CHROMIUM" --version >&2
