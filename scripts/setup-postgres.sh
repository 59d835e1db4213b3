#!/usr/bin/env bash
# Installs what the PostgreSQL store tests need: Debian's postgresql package (initdb, pg_ctl;
# the tests start their own throw-away server in a temp dir on 127.0.0.1, tests/pgcluster.py,
# so the package's own service is neither needed nor started). Called by
# `scripts/setup.sh --test`. Safe to run again: when the binaries are there it returns at once.
set -euo pipefail

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [ -n "${GROUNDBRIEF_PG_BINDIR:-}" ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "groundbrief: error: PostgreSQL's initdb is missing and this machine has no apt-get; install PostgreSQL server binaries and set GROUNDBRIEF_PG_BINDIR to their folder" >&2
  exit 1
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "groundbrief: error: installing postgresql needs root; run this script as root or install the Debian package 'postgresql' yourself" >&2
    exit 1
  fi
fi

echo "groundbrief: installing Debian postgresql for the store tests (one time)" >&2
"${SUDO[@]}" apt-get update -qq
# policy-rc.d-free: the package's post-install may start its default cluster; harmless, the
# tests use their own on another port.
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends postgresql >/dev/null
