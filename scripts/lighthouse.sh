#!/usr/bin/env bash
# Lighthouse (mobile) scores of the home, an article and a partner-city page.
#
#   scripts/lighthouse.sh            # zh and en pages
#   scripts/lighthouse.sh en         # only en
#
# Not a test: scores come from a simulated slow phone and vary a little between runs.
# Lighthouse is not a test dependency (package.json): it runs through npx, which keeps it
# in npm's own cache (~/.npm/_npx), and drives Debian's chromium (scripts/setup.sh --test).
# The site is built for the address it is served at (http://127.0.0.1:PORT/hub/), so its
# canonical and hreflang links point at the pages Lighthouse loads, and served gzipped as
# GitHub Pages serves it (scripts/lighthouse_server.py). Reports (JSON and HTML) are
# written to .cache/lighthouse/.
set -euo pipefail
cd "$(dirname "$0")/.."

LIGHTHOUSE="lighthouse@12.2.3"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
PY="${PY:-.venv/bin/python}"
[ -x "$PY" ] || PY=python3
if [ $# -gt 0 ]; then languages=("$@"); else languages=(zh en); fi
pages=("home:" "article:news/2025/sister-cities-conference-2025/" "city:cities/manchester/")

out=.cache/lighthouse
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$out"

port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port/hub/"

echo "Building the site for $base …"
HUB_SITE_URL="$base" NO_MKDOCS_2_WARNING=1 "$PY" -m mkdocs build --strict --quiet -d "$work/site"
"$PY" scripts/lighthouse_server.py "$work/site" "$port" /hub/ &
server_pid=$!
for _ in $(seq 1 50); do
  "$PY" -c "import urllib.request; urllib.request.urlopen('$base')" 2>/dev/null && break
  sleep 0.2
done

for lang in "${languages[@]}"; do
  prefix=""
  [ "$lang" = zh ] || prefix="$lang/"
  for entry in "${pages[@]}"; do
    name="${entry%%:*}"
    url="$base$prefix${entry#*:}"
    echo "Lighthouse: $lang $name ($url)"
    npx --yes "$LIGHTHOUSE" "$url" \
      --quiet --form-factor=mobile \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
      --output=json --output=html --output-path="$out/$lang-$name"
  done
done

"$PY" - "$out" "${languages[@]}" <<'EOF'
import json, sys
from pathlib import Path

out, languages = Path(sys.argv[1]), sys.argv[2:]
categories = ("performance", "accessibility", "best-practices", "seo")
print(f"\n{'page':<12}" + "".join(f"{c:>16}" for c in categories))
for lang in languages:
    for name in ("home", "article", "city"):
        report = json.loads((out / f"{lang}-{name}.report.json").read_text(encoding="utf-8"))
        scores = "".join(f"{report['categories'][c]['score']:>16.2f}" for c in categories)
        print(f"{lang + ' ' + name:<12}{scores}")
EOF
