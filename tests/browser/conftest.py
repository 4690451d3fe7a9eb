"""Browser tests: Debian's chromium driven by Playwright over the session's built site,
served on 127.0.0.1 at the same sub-path as its site_url (/hub/), so that the links in
the pages work as they do on GitHub Pages. Every request the browser makes is recorded;
requests to any other host are refused and kept for the tests to report."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE, Tab, TabFactory, same_origin
from playwright.sync_api import Browser, BrowserContext, Route, sync_playwright
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


def _open_tab(browser: Browser, served: SiteServer, viewport: dict[str, int]) -> tuple[BrowserContext, Tab]:
    """A tab in a fresh browser context (no cache, no storage) that records every request
    and refuses those to other hosts."""
    context = browser.new_context(viewport=viewport, service_workers="block")
    tab = Tab(context.new_page(), served.url)

    def gate(route: Route) -> None:
        if same_origin(route.request.url, tab.origin):
            route.continue_()
        else:
            tab.refused.append(route.request.url)
            route.abort()

    context.on("request", lambda request: tab.requests.append(request.url))
    context.route("**/*", gate)
    return context, tab


@pytest.fixture
def new_tab(browser: Browser, served: SiteServer) -> Iterator[TabFactory]:
    """Make tabs in fresh browser contexts: new_tab() on a desktop, new_tab(PHONE) on a phone."""
    contexts: list[BrowserContext] = []

    def make(viewport: dict[str, int] | None = None) -> Tab:
        context, tab = _open_tab(browser, served, viewport or DESKTOP)
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
    context, tab = _open_tab(browser, served, DESKTOP)
    yield tab
    context.close()


@pytest.fixture(scope="module")
def phone_reader(browser: Browser, served: SiteServer) -> Iterator[Tab]:
    """Like `reader`, on a 390×844 phone screen."""
    context, tab = _open_tab(browser, served, PHONE)
    yield tab
    context.close()
