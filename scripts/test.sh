#!/usr/bin/env bash
# Runs the whole test suite (slow real-data and browser suites included), after making sure
# everything it needs is installed. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
set +e
.venv/bin/python -m pytest "$@"
code=$?
set -e
if [ "$code" -eq 5 ]; then
  echo "groundbrief: error: pytest collected no tests; a test run that tests nothing is a failure" >&2
  exit 1
fi
exit "$code"
