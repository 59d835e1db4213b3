#!/usr/bin/env bash
# Installs Debian's wordnet-base (Princeton WordNet 3.0's database files in /usr/share/wordnet)
# for the test that rebuilds the shipped antonym table from them and compares
# (tests/test_antonyms.py; scripts/build_antonyms.py --check). The runtime does not need it: the
# table ships in src/groundbrief/data/lexicon/. Called by `scripts/setup.sh --test`. Safe to run
# again: when the files are there it returns at once.
set -euo pipefail

if [ -f "${GROUNDBRIEF_WORDNET:-/usr/share/wordnet}/data.verb" ]; then
  exit 0
fi

# shellcheck source=scripts/apt-install.sh
. "$(dirname "$0")/apt-install.sh"
apt_install "WordNet 3.0 is missing and this machine has no apt-get; install WordNet 3.0's database files and set GROUNDBRIEF_WORDNET to their folder" \
  "the antonym table's test" wordnet-base
