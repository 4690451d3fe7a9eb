"""Material's frame on every page: the header's logo leading to the home page of the page's
language, labels in that language, the page's own title, and style sheets and scripts that
exist. The hub renders the header but the title and the language links, and the head's and
foot's parts, once per language and depth (overrides/partials/header.html,
overrides/main.html); every page must still carry its own."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from sitebuild import TEST_SITE_URL, BuiltSite

_HEADER = re.compile(r'<header class="md-header.*?</header>', re.DOTALL)
_LOGO = re.compile(r'<a href="([^"]*)" title="[^"]*" class="md-header__button md-logo"')
_LABEL = re.compile(r'<nav class="md-header__inner md-grid" aria-label="([^"]*)">')
_TOPIC = re.compile(r'data-md-component="header-topic">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', re.DOTALL)
_SEARCH = re.compile(r'data-bundle="([^"]*)"')
_ASSETS = re.compile(r'<link rel="stylesheet" href="([^"]+)"|<script src="([^"]+)"')
# Material's "Header" in each language of the site.
_HEADER_LABEL = {"zh": "页眉", "en": "Header", "fr": "En-tête", "ja": "ヘッダー"}
# The folder of each language's home page (zh, the default language, is at the root).
_HOME = {"zh": "", "en": "en/", "fr": "fr/", "ja": "ja/"}


def test_every_page_carries_a_frame_of_its_own_language_depth_and_title(site: BuiltSite) -> None:
    pages = [path for path in site.html_files() if path.name == "index.html"]
    assert len(pages) > 100
    titles = set()
    for path in pages:
        text = path.read_text(encoding="utf-8")
        (header,) = _HEADER.findall(text)
        lang = re.search(r'<html lang="([a-z]+)', text).group(1)
        page_url = (TEST_SITE_URL + path.parent.relative_to(site.dir).as_posix() + "/").replace("hub/./", "hub/")
        (logo,) = _LOGO.findall(header)
        assert urljoin(page_url, logo) == TEST_SITE_URL + _HOME[lang], (path, logo)
        assert _LABEL.findall(header) == [_HEADER_LABEL[lang]], path
        (search,) = _SEARCH.findall(header)
        assert search == "/hub/pagefind/", path
        (topic,) = _TOPIC.findall(header)
        assert topic, path
        titles.add(topic)
        assets = [sheet or script for sheet, script in _ASSETS.findall(text)
                  if not (sheet or script).startswith("http")]
        assert len(assets) >= 3, path
        for asset in assets:
            assert site.path(urljoin(page_url, asset).removeprefix(TEST_SITE_URL)).is_file(), (path, asset)
    assert len(titles) > len(pages) / 2  # each page its own title, not the first one's of its depth
