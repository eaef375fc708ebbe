#!/usr/bin/env bash
# test-deb.sh - the .deb installed with apt on a clean Debian 12.
#
#   bash scripts/test-deb.sh BUILD_DIR      (configured Release, solvency built)
#
# Builds the package (cpack -G DEB in BUILD_DIR) and a minimal bookworm
# root (mmdebstrap --variant=minbase, plus man-db; from the Debian sources
# and the Acquire proxy/validity settings apt uses on this machine), kept
# as a tarball in /var/cache/solvency-test-deb/ (rebuilt when older than
# 30 days or when those sources change; the downloaded .debs are kept there
# too).  In a fresh copy of that root (on a tmpfs when memory allows;
# only /proc and that package cache mounted in it, the package and a few
# sample cases copied in) `apt-get install ./solvency_*.deb` must pull
# every dependency from the archive; then `solvency --version`, its
# libraries (ldd), the manual page (man -w solvency) and a run over the
# text-layer sample cases and two scanned ones (c08: image-only PDFs, c11:
# JPEG and PNG photos), whose reports must equal, byte for byte, those of
# BUILD_DIR/solvency outside the root.
#
# Exit status: 0 passed, 1 failed, 2 usage, 77 skipped (no root, no
# mmdebstrap, no archive, no mounts; the reason is printed as
# "SKIPPED: ...").
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$(date +%s)
if [ $# -ne 1 ] || [ ! -x "$1/solvency" ]; then
  echo "usage: bash scripts/test-deb.sh BUILD_DIR (with BUILD_DIR/solvency built)" >&2
  exit 2
fi
build=$(realpath "$1")
skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAILED: $*" >&2; exit 1; }
step() { echo "== $* ($(($(date +%s) - t0)) s)"; }

[ "$(id -u)" -eq 0 ] || skip "not root (chroot and mount need it)"
btype=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
[ "$btype" = Release ] || echo "test-deb: note: $build is configured '$btype', not Release" >&2
if ! command -v mmdebstrap >/dev/null; then
  bash scripts/deps.sh mmdebstrap || skip "could not install mmdebstrap with apt-get"
fi

cache=/var/cache/solvency-test-deb
mkdir -p "$cache/archives/partial"
tmp=$(mktemp -d /var/tmp/sv-deb.XXXXXX) # not /tmp: may be a small tmpfs
root=$tmp/root
mounted=() # mount points, innermost last
exec 3>&2 4>&1 # the script's own stderr and stdout, for cleanup
cleanup() {
  local rc=$? i
  exec 1>&4 2>&3 # a signal's trap may run inside a redirection: undo it
  set +e
  trap - EXIT INT TERM
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}"
  done
  # never remove a tree that still has something mounted in it
  if awk -v r="$tmp/" 'index($2 "/", r) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
    echo "test-deb: $tmp still has mounts; left in place" >&2
  else
    rm -rf --one-file-system "$tmp"
  fi
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 77 ]; then
    echo "test-deb: FAILED (status $rc)" >&2
    rc=1
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- the package
step "cpack -G DEB in $build"
(cd "$build" && cpack -G DEB -B "$tmp/deb" >"$tmp/cpack.log" 2>&1) ||
  { tail -20 "$tmp/cpack.log" >&2; fail "cpack -G DEB failed"; }
debs=("$tmp"/deb/*.deb)
if [ "${#debs[@]}" -ne 1 ] || [ ! -f "${debs[0]}" ]; then fail "cpack made no single .deb"; fi
deb=${debs[0]}
echo "   $(basename "$deb"): $(dpkg-deb -f "$deb" Depends)"

# ---- the clean root: this machine's Debian bookworm sources and apt
# settings (from apt itself, whatever file or format they are written in)
apt-cache policy | awk '
  / Packages$/ && $2 ~ /:\/\// { uri = $2; split($3, sc, "/"); suite = sc[1]; comp = sc[2]; next }
  /^ +release / && uri != "" {
    if ($0 ~ /o=Debian,/ && suite ~ /^bookworm/) print "deb " uri " " suite " " comp
    uri = "" }' | sort -u >"$tmp/sources.list"
grep -q ' bookworm main' "$tmp/sources.list" ||
  skip "apt on this machine has no Debian bookworm main source (apt-cache policy)"
apt-config dump | grep -E '^Acquire::(https?|ftp)::Proxy |^Acquire::Check-(Valid-Until|Date) ' \
  >"$tmp/apt.conf" || true
key=$(cat "$tmp/sources.list" "$tmp/apt.conf" <(echo minbase man-db) | sha256sum | cut -c1-12)
tarball=$cache/bookworm-minbase-$key.tar
if [ -f "$tarball" ] && [ -z "$(find "$tarball" -mtime +30)" ]; then
  step "clean bookworm root: cached $(basename "$tarball")"
else
  step "clean bookworm root: mmdebstrap (cached afterwards in $cache)"
  if ! mmdebstrap --variant=minbase --include=man-db --aptopt="$tmp/apt.conf" \
    bookworm "$tmp/new.tar" "$tmp/sources.list" >"$tmp/mmdebstrap.log" 2>&1; then
    tail -15 "$tmp/mmdebstrap.log" >&2
    skip "mmdebstrap could not make a bookworm root (no archive access?)"
  fi
  rm -f "$cache"/bookworm-minbase-*.tar
  mv "$tmp/new.tar" "$tarball"
fi
mkdir "$root"
# in memory when there is room: unpacking, installing and removing half a
# gigabyte on disk can take longer than the test proper
avail=$(awk '/^MemAvailable:/ { print int($2 / 1024) }' /proc/meminfo)
if [ "${avail:-0}" -gt 4096 ] && mount -t tmpfs -o size=2g,mode=0755 sv-deb-root "$root"; then
  mounted+=("$root")
fi
tar -xf "$tarball" -C "$root" || skip "could not unpack $tarball"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
mount -t proc proc "$root/proc" || skip "cannot mount /proc in the root"
mounted+=("$root/proc")
mount --bind "$cache/archives" "$root/var/cache/apt/archives" ||
  skip "cannot bind-mount the package cache in the root"
mounted+=("$root/var/cache/apt/archives")
inroot() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
  HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
inroot dpkg-query -W solvency >/dev/null 2>&1 && fail "the clean root already has solvency"

# ---- the sample cases: text-layer ones and two scanned ones
mkdir -p "$tmp/in/cases"
for d in samples/cases/*/; do
  c=$(basename "$d")
  case "$c" in c08-* | c11-*) ;; c08* | c10* | c11* | c12* | c13*) continue ;; esac
  cp -a "$d" "$tmp/in/cases/$c"
done
cp samples/rates.xml "$tmp/in/"
ncases=$(find "$tmp/in/cases" -mindepth 1 -maxdepth 1 | wc -l)
args=(run -q -j "$(nproc)" --as-of 2026-11-15 --rates /sv/rates.xml /sv/cases -o)

# ---- apt-get install ./solvency_*.deb: dependencies from the archive
step "apt-get update and install ./$(basename "$deb") in the root"
mkdir "$root/sv"
cp "$deb" "$root/sv/"
cp -a "$tmp/in/." "$root/sv/"
inroot apt-get update -qq >"$tmp/update.log" 2>&1 ||
  { tail -10 "$tmp/update.log" >&2; skip "apt-get update in the root failed (no archive access?)"; }
if ! inroot apt-get install -y -q --no-install-recommends "/sv/$(basename "$deb")" \
  >"$tmp/install.log" 2>&1; then
  tail -25 "$tmp/install.log" >&2
  fail "apt-get install of the package failed in a clean bookworm root"
fi
echo "   $(grep -E '^[0-9]+ upgraded, [0-9]+ newly installed' "$tmp/install.log")"
# shellcheck disable=SC2016
inroot dpkg-query -W -f='${Status}\n' solvency | grep -q 'install ok installed' ||
  fail "dpkg does not list solvency as installed"

step "the installed program"
inroot solvency --version
missing=$(inroot ldd /usr/bin/solvency | grep 'not found' || true)
[ -z "$missing" ] || fail "libraries the package does not pull: $missing"
man=$(inroot man -w solvency) || fail "man -w solvency finds no manual page"
echo "   man -w solvency: $man"
case "$man" in /usr/share/man/man1/solvency.1*) ;; *) fail "the manual page is at $man" ;; esac
inroot test -f /usr/share/solvency/report.xsd || fail "no /usr/share/solvency/report.xsd"

step "reference run over $ncases cases (build tree binary, outside the root)"
"$build/solvency" run -q -j "$(nproc)" --as-of 2026-11-15 --rates "$tmp/in/rates.xml" \
  "$tmp/in/cases" -o "$tmp/ref"
step "run over $ncases cases with the installed binary (in the root)"
inroot solvency "${args[@]}" /sv/out
nrep=$(find "$root/sv/out" -maxdepth 1 -name '*.xml' ! -name batch.xml | wc -l)
[ "$nrep" -eq "$ncases" ] || fail "the installed binary wrote $nrep reports for $ncases cases"
diff -r -x journal.tsv "$tmp/ref" "$root/sv/out" ||
  fail "the installed binary's reports differ from the build tree's"
echo "   $nrep reports, batch.xml, batch.csv identical to the build tree's"

echo "test-deb: passed ($(basename "$deb") on a clean Debian $(cat "$root/etc/debian_version")) in $(($(date +%s) - t0)) s"
