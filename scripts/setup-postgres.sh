#!/usr/bin/env bash
# Installs what the PostgreSQL store tests need: Debian's postgresql package (initdb, pg_ctl;
# the tests start their own throw-away server in a temp dir on 127.0.0.1, tests/pgcluster.py,
# so the package's own service is neither needed nor started). Called by
# `scripts/setup.sh --test`. Safe to run again: when the binaries are there it returns at once.
set -euo pipefail

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [ -n "${GROUNDBRIEF_PG_BINDIR:-}" ]; then
  exit 0
fi

# shellcheck source=scripts/apt-install.sh
. "$(dirname "$0")/apt-install.sh"
apt_install "PostgreSQL's initdb is missing and this machine has no apt-get; install PostgreSQL server binaries and set GROUNDBRIEF_PG_BINDIR to their folder" \
  "the store tests" postgresql
