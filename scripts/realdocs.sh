#!/usr/bin/env bash
# realdocs.sh - score solvency on the 22 public documents of
# ../shared/realdocs against their hand-made truth.json.
#
#   bash scripts/realdocs.sh [--out DIR] [other score-realdocs.py options]
#
# Builds solvency when needed and runs scripts/score-realdocs.py, which
# prints a row per document (correct / flagged / missing / wrong facts) and
# ends with
#   realdocs: C correct, F flagged, M missing, W wrong, V/N schema-valid
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
if [ ! -x build/solvency ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build -j"$(nproc)" --target solvency >/dev/null
exec python3 scripts/score-realdocs.py build/solvency "$@"
