#!/usr/bin/env bash
# test-install.sh - checks that an installed solvency works on its own.
#
#   bash scripts/test-install.sh [BUILD_DIR]     (default: build-test)
#
# 1. `cmake --install` into a temporary prefix, then runs the installed
#    binary over three sample cases with a bare environment (no
#    SOLVENCY_DATA_DIR, the source tree out of reach by name): it must
#    find <prefix>/share/solvency, and its reports must equal those of the
#    build tree's binary; the manual page solvency(1) must be there, and
#    the installed binary must render the HTML view with the installed
#    report.xsl.
# 2. `cpack -G DEB`: the package must hold bin/solvency, share/solvency
#    and the man page, depend on the OCR models and the libraries
#    dpkg-shlibdeps found, and its binary, unpacked with dpkg-deb -x, must
#    run the samples the same way.
# Installing the .deb with apt on a clean Debian 12 root: scripts/test-deb.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-test}
[ -x "$build/solvency" ] || { echo "test-install: build $build first" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# three sample cases: statements, scans (OCR: the models must be found),
# an income letter
mkdir -p "$tmp/cases"
for c in c01-en-visitor-meets c08-scanned-only c14-income-en-meets; do
  ln -s "$PWD/samples/cases/$c" "$tmp/cases/$c"
done
args=(run -q -j 2 --as-of 2026-11-15 --rates "$PWD/samples/rates.xml" "$tmp/cases")

echo "== reference run (build tree)"
"$build/solvency" "${args[@]}" -o "$tmp/ref" >/dev/null

echo "== cmake --install into a temporary prefix"
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
test -f "$tmp/prefix/share/solvency/report.xsd"
test -f "$tmp/prefix/share/solvency/rulesets/sre-2025.xml"
test -f "$tmp/prefix/share/solvency/report.xsl"
test -f "$tmp/prefix/share/man/man1/solvency.1.gz"
env -i PATH=/usr/bin:/bin "$tmp/prefix/bin/solvency" "${args[@]}" -o "$tmp/inst" >/dev/null
diff -r -x journal.tsv "$tmp/ref" "$tmp/inst"
zgrep -q '^\.B solvency merge' "$tmp/prefix/share/man/man1/solvency.1.gz"
env -i PATH=/usr/bin:/bin "$tmp/prefix/bin/solvency" render -q "$tmp/inst"
test -s "$tmp/inst/index.html" && test -s "$tmp/inst/c01-en-visitor-meets.html"
echo "installed binary: reports identical, HTML view rendered"

echo "== cpack -G DEB"
(cd "$build" && cpack -G DEB -B "$tmp/deb" >/dev/null)
deb=$(ls "$tmp"/deb/*.deb)
info=$(dpkg-deb --info "$deb")       # whole outputs: grep -q would cut
contents=$(dpkg-deb --contents "$deb") # the pipe (SIGPIPE under pipefail)
grep -q "Depends:.*tesseract-ocr-spa" <<<"$info"
grep -q "Depends:.*libpoppler-glib" <<<"$info"
grep -q "\./usr/bin/solvency$" <<<"$contents"
grep -q "\./usr/share/solvency/case.xsd$" <<<"$contents"
grep -q "\./usr/share/solvency/report.xsl$" <<<"$contents"
grep -q "\./usr/share/man/man1/solvency.1.gz$" <<<"$contents"
dpkg-deb -x "$deb" "$tmp/root"
env -i PATH=/usr/bin:/bin "$tmp/root/usr/bin/solvency" "${args[@]}" -o "$tmp/debrun" >/dev/null
diff -r -x journal.tsv "$tmp/ref" "$tmp/debrun"
echo "package $(basename "$deb"): contents, dependencies and reports as expected"
