#!/usr/bin/env bash
# fuzz.sh - build the libFuzzer harnesses (tests/fuzz/) with clang and run
# each one.
#
#   bash scripts/fuzz.sh [--runs N | --seconds S] [--scratch]
#
# Default: 20 seconds per harness (a smoke run).  For a measurement, e.g.
# --runs 10000000.  Corpora grow in tests/fuzz/corpus-<harness>/ (seeded
# from the samples' own kinds of input), or in a copy under build-fuzz/
# with --scratch (CI: the tree stays as it is); a finding stops the run
# and leaves crash-*/leak-* files in build-fuzz/.  Prints one line per
# harness:
#   fuzz: <harness> <executions> execs, <status>
set -euo pipefail
cd "$(dirname "$0")/.."
runs=""
seconds=20
scratch=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --scratch) scratch=1; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fuzz.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
bash scripts/deps.sh clang libclang-rt-14-dev
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSV_FUZZ=ON -DSV_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_text fuzz_money fuzz_files \
  >/dev/null
status=0
for h in fuzz_text fuzz_money fuzz_files; do
  corpus="tests/fuzz/corpus-$h"
  mkdir -p "$corpus"
  if [ "$scratch" = 1 ]; then
    rm -rf "build-fuzz/corpus-$h"
    cp -r "$corpus" "build-fuzz/corpus-$h"
    corpus="build-fuzz/corpus-$h"
  fi
  if [ -n "$runs" ]; then limit="-runs=$runs"; else limit="-max_total_time=$seconds"; fi
  log="build-fuzz/$h.log"
  if (cd build-fuzz && ASAN_OPTIONS=detect_leaks=1 "./tests/fuzz/$h" "$limit" \
        -print_final_stats=1 "../$corpus" >"$h.log" 2>&1); then
    result="no finding"
  else
    result="FINDING (see $log)"
    status=1
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  echo "fuzz: $h $execs execs, $result"
done
exit $status
