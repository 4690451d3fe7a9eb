"""The hostile fixture site (tests/hostile_site.py) in a real browser: opening any page
that carried a vector shows no dialog, and the browser asks no other host for anything
(no frame, stylesheet, image, form target or redirect made it through)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from browser_support import DESKTOP, Tab, open_tab
from hostile_site import MARKER, VECTORS
from playwright.sync_api import Browser, Dialog
from sitebuild import BuiltSite
from siteserver import SiteServer, serving

pytestmark = pytest.mark.browser

DATA_PAGES = [
    "cities/", "cities/montpellier/", "opportunities/", "opportunities/test-grant/", "events/",
    "events/test-event/", "news/topics/sister-cities/", "news/2025/first-article/", "news/archive/2025/", "about/",
]
PAGES = [vector.url for vector in VECTORS] + [prefix + path for prefix in ("", "en/") for path in DATA_PAGES]


@pytest.fixture(scope="module")
def hostile_reader(browser: Browser, vectors: BuiltSite) -> Iterator[tuple[Tab, list[str]]]:
    """One tab on the hostile site that records dialogs and refuses other hosts."""
    with serving(SiteServer(vectors.dir, urlsplit(vectors.site_url).path)) as server:
        context, tab = open_tab(browser, server.url, DESKTOP)
        dialogs: list[str] = []

        def dismiss(dialog: Dialog) -> None:
            dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        tab.page.on("dialog", dismiss)
        yield tab, dialogs
        context.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_runs_nothing_and_asks_no_other_host(hostile_reader: tuple[Tab, list[str]], path: str) -> None:
    tab, dialogs = hostile_reader
    dialogs.clear()
    tab.refused.clear()
    tab.open(path)
    # Pointing at things and opening details are what a reader does: handlers on them are gone too.
    for element in tab.page.locator("article a, article h2, article div, article img").all()[:40]:
        if element.is_visible():
            element.hover()
    for summary in tab.page.locator("article details > summary").all():
        summary.click()
    assert dialogs == []
    assert tab.refused == []
    assert tab.page.evaluate("document.querySelectorAll('base, iframe, object, embed, article form').length") == 0
    assert MARKER not in tab.page.evaluate("Object.keys(window).filter(k => k.includes('HUBXSS')).join(' ')")
