#!/usr/bin/env bash
# run-samples.sh - install what is missing, build, and run solvency on the
# shipped sample cases.  Reports go to out/samples/ (or $1), each with
# its HTML page, and index.html lists them (--html).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
out="${1:-out/samples}"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSV_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" --target solvency >/dev/null
./build/solvency run --html --as-of 2026-11-15 --rates samples/rates.xml \
  samples/cases -o "$out"
echo "Reports: $(cd "$out" && pwd)/ (one <case-id>.xml per case, batch.xml lists them)"
echo "Auditor's view: $(cd "$out" && pwd)/index.html (one <case-id>.html per case)"
