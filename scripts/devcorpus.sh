#!/usr/bin/env bash
# devcorpus.sh - score solvency on the independent development corpus
# (../shared/devcorpus: another team's generator of applicant cases with
# ground truth; read its README).
#
#   bash scripts/devcorpus.sh [--seed N] [--corpus DIR] [--out DIR] [-j N]
#
# Builds solvency (Release) when needed, generates the corpus for the seed
# once (about 6 minutes on 2 cores; kept in build/devcorpus/seed-N unless
# --corpus says where), runs the corpus's own scorer and prints its report.
# The last line is the scorer's:
#   devcorpus: <stay accuracy %> stay-accuracy, <false meets> false-meets, ...
# Details: OUT/mismatches.txt and OUT/score.json (OUT defaults to
# build/devcorpus/out-N).  Nothing of the corpus is copied into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
dev="${SV_DEVCORPUS:-$root/../shared/devcorpus}"
seed=""
corpus=""
out=""
jobs="$(nproc)"
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) seed="$2"; shift 2 ;;
    --corpus) corpus="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -j) jobs="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "devcorpus.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ ! -f "$dev/generate.py" ]; then
  echo "devcorpus.sh: no corpus generator at $dev" >&2
  exit 2
fi
tag="${seed:-default}"
corpus="${corpus:-$root/build/devcorpus/seed-$tag}"
out="${out:-$root/build/devcorpus/out-$tag}"

bash scripts/deps.sh
if [ ! -x build/solvency ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build -j"$(nproc)" --target solvency >/dev/null

if [ ! -f "$corpus/truth.json" ]; then
  for tool in chromium pdftoppm convert img2pdf qpdf; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      sh "$dev/setup.sh"
      break
    fi
  done
  mkdir -p "$(dirname "$corpus")"
  echo "devcorpus.sh: generating the corpus (seed $tag) in $corpus" >&2
  if [ -n "$seed" ]; then
    python3 "$dev/generate.py" --seed "$seed" "$corpus"
  else
    python3 "$dev/generate.py" "$corpus"
  fi
fi
mkdir -p "$out"
python3 "$dev/score.py" "$root/build/solvency" "$corpus" \
  "$root/schemas/report.xsd" "$out" --extra "-j $jobs"
