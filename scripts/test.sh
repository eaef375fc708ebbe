#!/usr/bin/env bash
# test.sh - install what is missing, build from scratch and run the whole
# test suite: ctest (cmocka) on a warnings-as-errors build, the same suite
# under AddressSanitizer + UBSan, the thread tests under ThreadSanitizer,
# xmllint --schema over the sample reports, the installed binary and the
# .deb (scripts/test-install.sh), the HTML view in headless Chromium
# (scripts/test-chromium.sh), and a short libFuzzer run of every harness
# (clang, installed by scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
jobs="$(nproc)"

echo "== build (warnings are errors) and ctest"
rm -rf build-test
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSV_WERROR=ON >/dev/null
cmake --build build-test -j"$jobs"
(cd build-test && ctest --output-on-failure -j"$jobs")

echo "== ASan + UBSan build and ctest"
rm -rf build-asan
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSV_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
(cd build-asan && ctest --output-on-failure -j"$jobs")

echo "== ThreadSanitizer on the thread tests (queue, engine, page jobs)"
rm -rf build-tsan
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DSV_TSAN=ON >/dev/null
cmake --build build-tsan -j"$jobs" --target test_queue test_engine test_pagejob
# GLib's slice allocator hides its own synchronisation from TSan.
(cd build-tsan && G_SLICE=always-malloc TSAN_OPTIONS=halt_on_error=1 \
  ctest --output-on-failure -R 'test_queue|test_engine|test_pagejob')

echo "== xmllint --schema over the sample reports"
out="build-test/xmllint-reports"
rm -rf "$out"
./build-test/solvency run --quiet --as-of 2026-11-15 \
  --rates samples/rates.xml samples/cases -o "$out"
for f in "$out"/*.xml; do
  case "$(basename "$f")" in
    batch.xml) xmllint --noout --schema schemas/batch.xsd "$f" ;;
    *) xmllint --noout --schema schemas/report.xsd "$f" ;;
  esac
done
echo "== installed binary and Debian package (cmake --install, cpack -G DEB)"
bash scripts/test-install.sh build-test

# a test that cannot run here exits 77 (printing "SKIPPED: reason"): noted,
# not a failure
skipped=()
skippable() {
  local rc=0
  "$@" || rc=$?
  case $rc in
    0) ;;
    77) skipped+=("$*") ;;
    *) exit 1 ;;
  esac
}
echo "== slurm-array.sh on a real single-node Slurm (scripts/test-slurm.sh)"
skippable bash scripts/test-slurm.sh build-test/solvency
echo "== the .deb installed with apt on a clean Debian 12 (scripts/test-deb.sh)"
skippable bash scripts/test-deb.sh build-test
echo "== the auditor's view in headless Chromium (scripts/test-chromium.sh)"
skippable bash scripts/test-chromium.sh build-test

echo "== libFuzzer smoke run (10 s per harness; longer runs: scripts/fuzz.sh)"
rm -rf build-fuzz
bash scripts/fuzz.sh --seconds 10 --scratch

if [ ${#skipped[@]} -gt 0 ]; then
  printf 'SKIPPED (could not run here): %s\n' "${skipped[@]}"
fi
echo "All tests passed."
