"""Keeping the reader's browser on the site: Material's bundle can load scripts from
unpkg.com (a ResizeObserver polyfill for old browsers, Mermaid when a page has a diagram).
The hub uses neither, so those addresses are replaced by an empty inline script: nothing
is ever requested from another host."""

from __future__ import annotations

import re
from pathlib import Path

THIRD_PARTY_SCRIPT = re.compile(r"""(["'])https://unpkg\.com/[^"']+\1""")
EMPTY_SCRIPT = '"data:text/javascript,"'


def keep_scripts_on_site(site_dir: Path) -> list[str]:
    """Rewrite theme scripts in place; return the addresses that were replaced."""
    replaced: list[str] = []
    for script in sorted((site_dir / "assets" / "javascripts").glob("*.js")):
        text = script.read_text(encoding="utf-8")
        found = [match.group(0) for match in THIRD_PARTY_SCRIPT.finditer(text)]
        if not found:
            continue
        replaced.extend(found)
        script.write_text(THIRD_PARTY_SCRIPT.sub(EMPTY_SCRIPT, text), encoding="utf-8")
    return replaced
