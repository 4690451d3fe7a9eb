"""Material's scripts read their settings from each page's <script id="__config">: the
site root, the search worker and the strings of the page's language. The hub renders that
block once per language and depth (overrides/main.html); every page must still carry the
settings of its own language and depth."""

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
        worker = urljoin(page_url, settings["search"]).removeprefix(TEST_SITE_URL)
        assert site.path(worker).is_file(), (path, settings["search"])
        lang = re.search(r'<html lang="([a-z]+)', text).group(1)
        assert settings["translations"]["clipboard.copy"] == _COPY[lang], (path, lang)
