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

# shellcheck source=scripts/apt-install.sh
. "$(dirname "$0")/apt-install.sh"
apt_install "$CHROMIUM is missing and this machine has no apt-get; install Chromium so that $CHROMIUM exists, or the browser tests are skipped" \
  "the browser tests" chromium fonts-dejavu-core
"$CHROMIUM" --version >&2
