#!/usr/bin/env bash
# bench-ocr.sh - the OCR benchmark of issues 3 and 10 (a script, not a
# test).
#
# Pages per second of `solvency run -j 2` over the scanned sample cases
# against (a) Tesseract's own command line on the same page images, two at
# a time (GNU parallel, OMP_THREAD_LIMIT=1, default page segmentation: the
# most favourable setting for it) and (b) OCRmyPDF on the same pages as
# one-page PDFs, two files at a time (GNU parallel, each `ocrmypdf -j 1
# --force-ocr -O0 --sidecar -l eng+spa`: with one-page files this is
# faster than one process with -j 2).  Page images for the CLI are
# prepared beforehand and that preparation is not timed (also in its
# favour): image-only PDFs rendered with `pdftoppm -r 300 -gray -png`,
# PNG/JPEG as they are, multi-page TIFFs split into one file per page;
# each image wrapped into a PDF with img2pdf for OCRmyPDF.  Each side gets
# one warm-up run, then RUNS timed runs; the median is reported, with the
# CPU utilisation of solvency's runs: (user + system) / (wall x cores).
#
# Usage: scripts/bench-ocr.sh            (env: RUNS=3, JOBS=2, KEEP=1 keeps the scratch folder)
# Scanned cases are those whose samples/expected/<case>.xml lists a
# document with text="ocr".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${RUNS:-3}
jobs=${JOBS:-2}

# --- what it needs -------------------------------------------------------
# the benchmark's own tools besides the build's
bash scripts/deps.sh parallel poppler-utils tesseract-ocr libtiff-tools ocrmypdf

echo "bench: building the release binary (build-bench)" >&2
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DSV_TESTS=OFF >/dev/null
cmake --build build-bench -j"$(nproc)" --target solvency >/dev/null
bin="$root/build-bench/solvency"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/sv-bench.XXXXXX")
if [ "${KEEP:-0}" != 1 ]; then trap 'rm -rf "$scratch"' EXIT; fi
cases="$scratch/cases"
images="$scratch/images"
mkdir -p "$cases" "$images"

# --- the scanned cases ----------------------------------------------------
ncases=0
for e in samples/expected/*.xml; do
  n=$(xmllint --xpath 'count(//document[@text="ocr"])' "$e")
  [ "$n" -gt 0 ] || continue
  id=$(basename "$e" .xml)
  [ -d "samples/cases/$id" ] || continue
  ln -s "$root/samples/cases/$id" "$cases/$id"
  ncases=$((ncases + 1))
done
if [ "$ncases" -eq 0 ]; then
  echo "bench: no scanned sample cases (no text=\"ocr\" document in samples/expected)" >&2
  exit 1
fi

# --- page images for the CLI (not timed) -----------------------------------
magic() { od -An -tx1 -N4 "$1" | tr -d ' \n'; } # type by bytes, as ingest does
i=0
while IFS= read -r -d '' f; do
  i=$((i + 1))
  stem=$(printf '%s/f%03d' "$images" "$i")
  case "$(magic "$f")" in
    25504446) pdftoppm -r 300 -gray -png "$f" "$stem" ;;
    89504e47) cp "$f" "$stem.png" ;;
    ffd8ff*) cp "$f" "$stem.jpg" ;;
    49492a00 | 4d4d002a)
      tiffsplit "$f" "$stem-" >/dev/null
      for t in "$stem"-*; do mv "$t" "$t.tif"; done ;;
    *) ;; # not a page image (case.xml, ...)
  esac
done < <(find -L "$cases" -type f -print0 | sort -z)
find "$images" -type f | sort > "$scratch/pages.txt"
cli_pages=$(wc -l < "$scratch/pages.txt")
pdfs="$scratch/pdfs"
mkdir -p "$pdfs"
while IFS= read -r img; do
  b=$(basename "$img"); img2pdf -o "$pdfs/${b%.*}.pdf" "$img"
done < "$scratch/pages.txt"
find "$pdfs" -name '*.pdf' | sort > "$scratch/pdfs.txt"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", b - a}'; }
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

# --- solvency ---------------------------------------------------------------
sv_once() { # prints seconds; leaves the reports in $scratch/out
  rm -rf "$scratch/out"
  local t0 t1
  t0=$(now)
  /usr/bin/time -o "$scratch/time.txt" -f '%e %U %S' \
    "$bin" run -j "$jobs" --quiet --as-of 2026-11-15 --rates samples/rates.xml \
    "$cases" -o "$scratch/out" >/dev/null
  t1=$(now)
  # CPU utilisation of this run, kept for the report
  awk -v c="$(nproc)" '{printf "%.1f\n", 100 * ($2 + $3) / ($1 * c)}' \
    "$scratch/time.txt" >> "$scratch/util.txt"
  elapsed "$t0" "$t1"
}
sv_once >/dev/null # warm-up
sv_times=()
for _ in $(seq "$runs"); do sv_times+=("$(sv_once)"); done
sv_s=$(printf '%s\n' "${sv_times[@]}" | median)
sv_pages=0
for r in "$scratch"/out/*.xml; do
  [ "$(basename "$r")" = batch.xml ] && continue
  p=$(xmllint --xpath "sum(//*[local-name()='document'][@text='ocr']/@pages)" "$r")
  sv_pages=$((sv_pages + ${p%.*}))
done

# --- tesseract CLI ------------------------------------------------------------
cli_once() {
  find "$images" -name '*.txt' -delete
  local t0 t1
  t0=$(now)
  OMP_THREAD_LIMIT=1 parallel --will-cite -j "$jobs" \
    'tesseract {} {.} -l eng+spa 2>/dev/null' :::: "$scratch/pages.txt"
  t1=$(now)
  elapsed "$t0" "$t1"
}
cli_once >/dev/null # warm-up
cli_times=()
for _ in $(seq "$runs"); do cli_times+=("$(cli_once)"); done
cli_s=$(printf '%s\n' "${cli_times[@]}" | median)

# --- OCRmyPDF -----------------------------------------------------------------
omp_once() {
  rm -rf "$scratch/omp"; mkdir -p "$scratch/omp"
  local t0 t1
  t0=$(now)
  parallel --will-cite -j "$jobs" \
    "ocrmypdf -q -j 1 --force-ocr -O0 -l eng+spa --sidecar $scratch/omp/{/.}.txt {} $scratch/omp/{/.}.pdf" \
    :::: "$scratch/pdfs.txt"
  t1=$(now)
  elapsed "$t0" "$t1"
}
omp_once >/dev/null # warm-up
omp_times=()
for _ in $(seq "$runs"); do omp_times+=("$(omp_once)"); done
omp_s=$(printf '%s\n' "${omp_times[@]}" | median)
omp_pages=$(wc -l < "$scratch/pdfs.txt")

# --- report -------------------------------------------------------------------
rate() { if [ "$1" -gt 0 ]; then awk -v p="$1" -v s="$2" 'BEGIN {printf "%.3f", p / s}'; else echo "n/a"; fi; }
sv_rate=$(rate "$sv_pages" "$sv_s")
cli_rate=$(rate "$cli_pages" "$cli_s")
model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
echo "machine:        $(nproc) cores, ${model:-unknown CPU}, $(tesseract --version 2>&1 | head -1)"
echo "scanned cases:  $ncases ($(cd "$cases" && ls | tr '\n' ' '))"
echo "runs:           warm-up + $runs each, median; -j $jobs"
printf 'solvency run:   %3d pages  %8.2f s  %s pages/s   (runs: %s)\n' \
  "$sv_pages" "$sv_s" "$sv_rate" "$(printf '%.2f ' "${sv_times[@]}")"
printf 'tesseract CLI:  %3d pages  %8.2f s  %s pages/s   (runs: %s)\n' \
  "$cli_pages" "$cli_s" "$cli_rate" "$(printf '%.2f ' "${cli_times[@]}")"
omp_rate=$(rate "$omp_pages" "$omp_s")
printf 'OCRmyPDF:       %3d pages  %8.2f s  %s pages/s   (runs: %s)\n' \
  "$omp_pages" "$omp_s" "$omp_rate" "$(printf '%.2f ' "${omp_times[@]}")"
echo "solvency CPU utilisation: $(tail -n "$runs" "$scratch/util.txt" | tr '\n' ' ')% of $(nproc) cores (timed runs)"
if [ "$sv_pages" -eq 0 ]; then
  echo "ratio:          n/a - solvency OCR'd no page (no OCR stage in this build?)"
else
  if [ "$sv_pages" -ne "$cli_pages" ]; then
    echo "note:           solvency OCR'd $sv_pages pages, the CLI $cli_pages"
  fi
  printf 'ratio:          %s (solvency pages/s / CLI pages/s)\n' \
    "$(awk -v a="$sv_rate" -v b="$cli_rate" 'BEGIN {printf "%.2f", a / b}')"
  printf 'ratio OCRmyPDF: %s (solvency pages/s / OCRmyPDF pages/s)\n' \
    "$(awk -v a="$sv_rate" -v b="$omp_rate" 'BEGIN {printf "%.2f", a / b}')"
fi
