#!/bin/sh
# make-samples.sh - rebuilds solvency-samplegen and regenerates samples/
# (cases/, expected/, corpus/, rates.xml) in place.  Idempotent: the generator is
# deterministic, so a second run leaves the tree byte for byte unchanged.
# Usage: scripts/make-samples.sh [BUILD_DIR]   (default: build-samples)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build-samples"}

cmake -S "$root" -B "$build" >/dev/null
cmake --build "$build" --target solvency-samplegen -j2

# Generate into a scratch folder next to samples/, then swap it in, so a
# failed run never leaves a half-written sample set and stale files vanish.
tmp=$(mktemp -d "$root/samples/.gen.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
"$build/samples/generator/solvency-samplegen" "$tmp"

# CI OCRs every scanned page twice: keep samples/ within 24 MB and the
# labelled corpus within 12 MB (the generator itself refuses more than 60
# scanned corpus pages).
rest=$(du -sb --exclude=cases --exclude=expected --exclude=corpus \
  --exclude=rates.xml --exclude='.gen.*' "$root/samples" | cut -f1)
new=$(du -sb "$tmp" | cut -f1)
corpus=$(du -sb "$tmp/corpus" | cut -f1)
if [ $((rest + new)) -gt 24000000 ]; then
  echo "make-samples: samples/ would be $((rest + new)) bytes (limit 24000000)" >&2
  exit 1
fi
if [ "$corpus" -gt 12000000 ]; then
  echo "make-samples: samples/corpus would be $corpus bytes (limit 12000000)" >&2
  exit 1
fi

rm -rf "$root/samples/cases" "$root/samples/expected" "$root/samples/corpus"
mv "$tmp/cases" "$root/samples/cases"
mv "$tmp/expected" "$root/samples/expected"
mv "$tmp/corpus" "$root/samples/corpus"
mv "$tmp/rates.xml" "$root/samples/rates.xml"
echo "samples regenerated in $root/samples ($(du -sh "$root/samples" | cut -f1))"
