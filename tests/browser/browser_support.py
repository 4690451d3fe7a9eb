"""What the browser tests share: how chromium is started, a tab that records every request
it makes, and the page types a reader meets (one example of each) in each language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Response, Route

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

LANGS = ("zh", "en", "fr", "ja")
PREFIX = {"zh": "", "en": "en/", "fr": "fr/", "ja": "ja/"}

# Path inside a language root. The 404 example is a path that does not exist: the server
# answers with the site's 404.html, as GitHub Pages does.
PAGE_TYPES = {
    "home": "",
    "listing": "news/",
    "article": "news/2025/sister-cities-conference-2025/",
    "explainer": "policies/foreign-investment-measures-2025/",
    "city": "cities/manchester/",
    "opportunity": "opportunities/international-rd-institution-grant/",
    "event": "events/japan-roadshows-2025/",
    "404": "no-such-page/",
}
NOT_FOUND = "404"


def url_path(lang: str, page_type: str) -> str:
    return PREFIX[lang] + PAGE_TYPES[page_type]


def same_origin(url: str, origin: str) -> bool:
    if url.startswith(("data:", "blob:", "about:")):
        return True
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" == origin


@dataclass
class Tab:
    """One browser tab on the served site, with every request it made."""

    page: Page
    base: str  # the site's address, e.g. http://127.0.0.1:PORT/hub/
    requests: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    @property
    def origin(self) -> str:
        parts = urlsplit(self.base)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def base_path(self) -> str:
        return urlsplit(self.base).path

    def open(self, path: str) -> Response | None:
        """Open `path` (inside the site, e.g. "en/news/") and wait until it has loaded."""
        return self.page.goto(self.base + path, wait_until="load")

    def open_page(self, lang: str, page_type: str) -> None:
        """Open one page type in one language and wait until it shows. A missing page gets
        the root 404.html (as on GitHub Pages), which fetches the 404 page of the reader's
        language and writes it in its own place."""
        self.open(url_path(lang, page_type))
        if page_type == NOT_FOUND:
            self.page.wait_for_function("lang => document.documentElement.lang === lang", arg=lang)
            self.page.wait_for_load_state("load")

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not same_origin(url, self.origin)]


def open_tab(browser: Browser, base: str, viewport: dict[str, int]) -> tuple[BrowserContext, Tab]:
    """A tab on the site at `base`, in a fresh browser context (no cache, no storage), that
    records every request and refuses those to other hosts."""
    context = browser.new_context(viewport=viewport, service_workers="block")
    tab = Tab(context.new_page(), base)

    def gate(route: Route) -> None:
        if same_origin(route.request.url, tab.origin):
            route.continue_()
        else:
            tab.refused.append(route.request.url)
            route.abort()

    context.on("request", lambda request: tab.requests.append(request.url))
    context.route("**/*", gate)
    return context, tab


TabFactory = Callable[..., Tab]  # the `new_tab` fixture: new_tab(viewport=PHONE) -> Tab
