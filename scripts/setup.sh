#!/usr/bin/env bash
# Set up a fresh Debian machine for the hub: the Python venv, and with --test what the
# tests need (Debian's chromium and CJK fonts, Java for the HTML validator, npm tools).
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=no
[ "${1:-}" = "--test" ] && want_test=yes

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
requirements=requirements.txt
[ "$want_test" = yes ] && requirements=requirements-dev.txt
stamp=".venv/.installed-$(sha256sum "$requirements" requirements.txt | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/pip install --quiet --disable-pip-version-check -r "$requirements"
  touch "$stamp"
fi

[ "$want_test" = yes ] || exit 0

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
debian_packages=(chromium fonts-noto-cjk default-jre-headless)
missing=()
for package in "${debian_packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ -f package-lock.json ] && [ ! -f node_modules/.package-lock.json -o package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
