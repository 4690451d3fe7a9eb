"""Material's scripts read their settings from each page's <script id="__config">: the
site root and the strings of the page's language. The hub renders that block once per
language and depth (overrides/main.html); every page must still carry the settings of its
own language and depth, and only those its scripts read: the site's search is Pagefind, so
Material's search worker and search strings would be bytes on every page that nothing reads
(bench/README.md, "Bytes")."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

from sitebuild import TEST_SITE_URL, BuiltSite

_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)
# Material's "Copy to clipboard" in each language of the site.
_COPY = {"zh": "复制", "en": "Copy to clipboard", "fr": "Copier dans le presse-papier", "ja": "クリップボードへコピー"}


def test_every_page_carries_the_settings_of_its_language_and_depth(site: BuiltSite) -> None:
    pages = [path for path in site.html_files() if path.name == "index.html"]
    assert len(pages) > 100
    for path in pages:
        text = path.read_text(encoding="utf-8")
        (found,) = _CONFIG.findall(text)
        settings = json.loads(found)
        page_url = TEST_SITE_URL + path.parent.relative_to(site.dir).as_posix().removeprefix(".") + "/"
        page_url = page_url.replace("hub//", "hub/")
        assert urljoin(page_url, settings["base"]).rstrip("/") + "/" == TEST_SITE_URL, (path, settings["base"])
        lang = re.search(r'<html lang="([a-z]+)', text).group(1)
        assert settings["translations"]["clipboard.copy"] == _COPY[lang], (path, lang)
        assert set(settings["translations"]) == {"clipboard.copy", "clipboard.copied"}, path
        assert "search" not in settings, path
        # What would make Material's scripts read them: its search box or its search index's form.
        assert 'data-md-component="search' not in text and 'name="search"' not in text, path
