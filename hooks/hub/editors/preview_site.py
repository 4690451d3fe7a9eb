"""The pull-request preview works wherever it is unzipped and served.

The preview is built for http://127.0.0.1:8000/. MkDocs' own links are relative, and the
hub's are site-absolute paths (/en/news/…), which work on any host and port at a server's
root; but a few links are absolute on purpose (the feeds page's subscribe links, the
notice on a fallback page that leads to the original, the webcal: links of calendars), and
those would lead to port 8000 only. Here every link and asset address in the HTML that
starts with the preview's site_url, or is its webcal: form, is made site-absolute (a
calendar then opens as a file, which a preview can do wherever it is served). Feeds,
calendars and the sitemap keep absolute addresses: readers' apps need them, and a browser
does not follow them.
"""

from __future__ import annotations

import re
from pathlib import Path


def localize(site: Path, site_url: str) -> int:
    """Rewrite href/src/content attributes that start with `site_url` in every HTML page of
    `site`; the number of pages changed."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    webcal = "webcal://" + base.split("://", 1)[1]
    addresses = "|".join(re.escape(start) for start in (base, webcal))
    pattern = re.compile(r"""(\b(?:href|src|action|content)=)(["'])(?:""" + addresses + ")")
    changed = 0
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        new = pattern.sub(r"\1\2/", text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed += 1
    return changed
