"""Browser tests: Debian's chromium driven by Playwright over the session's built site,
served on 127.0.0.1 at the same sub-path as its site_url (/hub/), so that the links in
the pages work as they do on GitHub Pages. Every request the browser makes is recorded;
requests to any other host are refused and kept for the tests to report."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE, Tab, TabFactory, open_tab
from playwright.sync_api import Browser, BrowserContext, sync_playwright
from sitebuild import BuiltSite
from siteserver import SiteServer, serving


@pytest.fixture(scope="session")
def served(site: BuiltSite) -> Iterator[SiteServer]:
    with serving(SiteServer(site.dir, urlsplit(site.site_url).path)) as server:
        yield server


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_tab(browser: Browser, served: SiteServer) -> Iterator[TabFactory]:
    """Make tabs in fresh browser contexts: new_tab() on a desktop, new_tab(PHONE) on a phone."""
    contexts: list[BrowserContext] = []

    def make(viewport: dict[str, int] | None = None) -> Tab:
        context, tab = open_tab(browser, served.url, viewport or DESKTOP)
        contexts.append(context)
        return tab

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def tab(new_tab: TabFactory) -> Tab:
    return new_tab()


@pytest.fixture(scope="module")
def reader(browser: Browser, served: SiteServer) -> Iterator[Tab]:
    """One desktop tab kept for a module's tests that only look at pages (faster: the
    browser's cache and fonts stay warm); tests that change state use `tab`."""
    context, tab = open_tab(browser, served.url, DESKTOP)
    yield tab
    context.close()


@pytest.fixture(scope="module")
def phone_reader(browser: Browser, served: SiteServer) -> Iterator[Tab]:
    """Like `reader`, on a 390×844 phone screen."""
    context, tab = open_tab(browser, served.url, PHONE)
    yield tab
    context.close()
