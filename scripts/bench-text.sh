#!/usr/bin/env bash
# bench-text.sh - text-layer throughput (issue 10; a script, not a test).
#
# Copies the text-layer sample cases (those whose samples/expected/<case>.xml
# lists no document with text="ocr") COPIES times under new case ids, then
# times `solvency run -j JOBS` over them (as is, with evidence crops, and
# with --no-evidence) against `pdftotext -layout` over the same PDFs, JOBS
# at a time (GNU parallel), each warm-up + RUNS timed runs, median.  Prints
# pages, seconds and pages/s for each.
#
# Usage: scripts/bench-text.sh     (env: COPIES=12 RUNS=3 JOBS=2 KEEP=1)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
copies=${COPIES:-12}
runs=${RUNS:-3}
jobs=${JOBS:-2}

bash scripts/deps.sh parallel poppler-utils
echo "bench: building the release binary (build-bench)" >&2
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DSV_TESTS=OFF >/dev/null
cmake --build build-bench -j"$(nproc)" --target solvency >/dev/null
bin="$root/build-bench/solvency"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/sv-benchtext.XXXXXX")
if [ "${KEEP:-0}" != 1 ]; then trap 'rm -rf "$scratch"' EXIT; fi
cases="$scratch/cases"
mkdir -p "$cases"
ncases=0
for e in samples/expected/*.xml; do
  id=$(basename "$e" .xml)
  [ -d "samples/cases/$id" ] || continue
  n=$(xmllint --xpath 'count(//document[@text="ocr"])' "$e")
  [ "$n" -eq 0 ] || continue
  for k in $(seq "$copies"); do
    cp -r "samples/cases/$id" "$cases/$id-copy$k"
    # a distinct case id per copy (case.xml's id attribute)
    sed -i "s/id=\"$id\"/id=\"$id-copy$k\"/" "$cases/$id-copy$k/case.xml" 2>/dev/null || true
  done
  ncases=$((ncases + 1))
done
find "$cases" -type f -name '*.pdf' | sort > "$scratch/pdfs.txt"
pages=0
while IFS= read -r f; do
  p=$( (pdfinfo "$f" 2>/dev/null || true) | awk '/^Pages:/ {print $2}')
  pages=$((pages + ${p:-0}))
done < "$scratch/pdfs.txt"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", b - a}'; }
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

sv_once() { # [extra option]
  rm -rf "$scratch/out"
  local t0 t1
  t0=$(now)
  "$bin" run -j "$jobs" -q --as-of 2026-11-15 --rates samples/rates.xml \
    "$cases" -o "$scratch/out" "$@" >/dev/null || true
  t1=$(now)
  elapsed "$t0" "$t1"
}
pt_once() {
  local t0 t1
  t0=$(now)
  parallel --will-cite -j "$jobs" 'pdftotext -layout {} /dev/null 2>/dev/null' :::: "$scratch/pdfs.txt" || true
  t1=$(now)
  elapsed "$t0" "$t1"
}
sv_once >/dev/null
sv_times=(); for _ in $(seq "$runs"); do sv_times+=("$(sv_once)"); done
ne_times=(); for _ in $(seq "$runs"); do ne_times+=("$(sv_once --no-evidence)"); done
pt_once >/dev/null
pt_times=(); for _ in $(seq "$runs"); do pt_times+=("$(pt_once)"); done
sv_s=$(printf '%s\n' "${sv_times[@]}" | median)
ne_s=$(printf '%s\n' "${ne_times[@]}" | median)
pt_s=$(printf '%s\n' "${pt_times[@]}" | median)
"$bin" run -j "$jobs" -q --force --stats --as-of 2026-11-15 --rates samples/rates.xml \
  "$cases" -o "$scratch/out" 2>"$scratch/stats.txt" >/dev/null || true
model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
echo "machine:        $(nproc) cores, ${model:-unknown CPU}"
echo "cases:          $((ncases * copies)) ($ncases text-layer sample cases x $copies), $(wc -l < "$scratch/pdfs.txt") PDFs, $pages pages"
printf 'solvency run:   %8.2f s  %8.1f pages/s   (runs: %s)\n' "$sv_s" \
  "$(awk -v p="$pages" -v s="$sv_s" 'BEGIN {print p / s}')" "$(printf '%.2f ' "${sv_times[@]}")"
printf '  --no-evidence: %7.2f s  %8.1f pages/s   (runs: %s)\n' "$ne_s" \
  "$(awk -v p="$pages" -v s="$ne_s" 'BEGIN {print p / s}')" "$(printf '%.2f ' "${ne_times[@]}")"
printf 'pdftotext:      %8.2f s  %8.1f pages/s   (runs: %s)\n' "$pt_s" \
  "$(awk -v p="$pages" -v s="$pt_s" 'BEGIN {print p / s}')" "$(printf '%.2f ' "${pt_times[@]}")"
sed 's/^/  /' "$scratch/stats.txt"
