"""Keeping the reader's browser on the site: Material's bundle can load scripts from
unpkg.com (a ResizeObserver polyfill for old browsers, Mermaid when a page has a diagram).
The hub uses neither, so those addresses are replaced by an empty inline script: nothing
is ever requested from another host."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

THIRD_PARTY_SCRIPT = re.compile(r"""(["'])https://unpkg\.com/[^"']+\1""")
EMPTY_SCRIPT = '"data:text/javascript,"'

# Material also fetches `sitemap.xml` next to every <link rel="alternate"> of a page, to
# remap its language selector. The hub's hreflang links are absolute (the published host;
# another host under a preview or a test server) and feeds are alternates too, so that
# lookup only requests other hosts or files that do not exist; the hub's selector already
# links each page's own translation. The lookup is given no links to follow.
ALTERNATE_LOOKUP = re.compile(r"""[A-Za-z_$][\w$]*\("link\[rel=alternate\]"\)""")
NO_LINKS = "[]"


def keep_scripts_on_site(site_dir: Path) -> list[str]:
    """Rewrite theme scripts in place; return the addresses that were replaced."""
    replaced: list[str] = []
    for script in sorted((site_dir / "assets" / "javascripts").glob("*.js")):
        text = script.read_text(encoding="utf-8")
        found = [match.group(0) for match in THIRD_PARTY_SCRIPT.finditer(text)]
        found += [match.group(0) for match in ALTERNATE_LOOKUP.finditer(text)]
        if not found:
            continue
        replaced.extend(found)
        text = ALTERNATE_LOOKUP.sub(NO_LINKS, THIRD_PARTY_SCRIPT.sub(EMPTY_SCRIPT, text))
        script.write_text(text, encoding="utf-8")
    return replaced


def drop_template_sources(files: Any) -> None:
    """MkDocs publishes every non-template file of the theme folder; the hub's own
    templates and UI strings (overrides/hub/) are build inputs, not part of the site."""
    for file in [f for f in files if f.src_uri.startswith("hub/") and not f.is_documentation_page()]:
        if file.abs_src_path and "overrides" in Path(file.abs_src_path).parts:
            files.remove(file)
