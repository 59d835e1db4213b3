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
if ! command -v apt-get >/dev/null 2>&1; then
  echo "groundbrief: error: WordNet 3.0 is missing and this machine has no apt-get; install WordNet 3.0's database files and set GROUNDBRIEF_WORDNET to their folder" >&2
  exit 1
fi
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "groundbrief: error: installing wordnet-base needs root; run this script as root or install the Debian package 'wordnet-base' yourself" >&2
    exit 1
  fi
fi
echo "groundbrief: installing Debian wordnet-base for the antonym table's test (one time)" >&2
if ! "${SUDO[@]}" apt-get install -y -qq wordnet-base >/dev/null; then
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq wordnet-base >/dev/null
fi
