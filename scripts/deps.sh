#!/usr/bin/env bash
# deps.sh - installs the Debian packages solvency needs, only those missing.
# Run by scripts/run-samples.sh, scripts/test.sh and scripts/bench-ocr.sh;
# extra package names given as arguments are installed too.
set -euo pipefail

SV_PACKAGES=(
  build-essential cmake pkg-config
  libglib2.0-dev libpoppler-glib-dev libcairo2-dev libpng-dev libssl-dev
  libxml2-dev libxml2-utils libxslt1-dev libexif-dev
  libtesseract-dev libleptonica-dev
  tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-osd
  libcmocka-dev fonts-dejavu-core
  "$@"
)

missing=()
for p in "${SV_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "deps: installing ${missing[*]}" >&2
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >&2
fi
