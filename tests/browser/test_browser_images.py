"""Lead images and pictures in an article's text in Chromium: a phone gets a WebP of a
phone's width, the page does not move while a picture loads, cards and pictures in the text
load theirs lazily, and the original (GPS and all) is never requested. The site is the
images fixture (tests/photos.py), built once per run (tests/conftest.py); a screenshot of the picture
in the text is kept in .cache/screenshots/ to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import PHONE, Tab, open_tab
from photos import INLINE_PHOTO, INLINE_SIZE
from playwright.sync_api import Browser, Route
from sitebuild import BuiltSite
from siteserver import SiteServer, serving

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[2] / ".cache" / "screenshots"

# Layout shifts, summed as Chromium reports them (Cumulative Layout Shift, before any input).
LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 500);
})"""


@pytest.fixture(scope="module")
def phone(browser: Browser, image_site: BuiltSite) -> Iterator[Tab]:
    with serving(SiteServer(image_site.dir, "/hub/")) as server:
        context, tab = open_tab(browser, server.url, PHONE)
        yield tab
        context.close()


def test_a_phone_gets_a_webp_of_its_width_without_the_page_moving(phone: Tab) -> None:
    phone.open("en/news/2025/first-article/")
    img = phone.page.locator("figure.hub-lead-image img")
    img.wait_for()
    phone.page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
    current = img.evaluate("img => img.currentSrc")
    # The narrowest variant that fills 390 CSS pixels at the screen's density.
    needed = PHONE["width"] * phone.page.evaluate("devicePixelRatio")
    expected = min(width for width in (480, 960, 1600) if width >= needed)
    assert current.endswith(f"-{expected}.webp"), current
    box = img.bounding_box()
    assert box is not None and 350 <= box["width"] <= 390 and box["y"] < PHONE["height"]
    assert phone.page.evaluate(LAYOUT_SHIFT) < 0.05
    assert not [url for url in phone.requests if url.endswith(("conference.jpg", "partner-logo.png"))]
    assert phone.foreign_requests() == [] and phone.refused == []


def test_the_space_is_kept_before_the_picture_arrives(browser: Browser, image_site: BuiltSite) -> None:
    """With every picture held back, the lead image and the picture in the text already
    take their place (width and height in the HTML): nothing moves when they arrive."""
    with serving(SiteServer(image_site.dir, "/hub/")) as server:
        context, tab = open_tab(browser, server.url, PHONE)
        held: list[Route] = []
        try:
            context.route("**/assets/images/**", lambda route: held.append(route))  # answered at the end
            tab.page.goto(tab.base + "en/news/2025/first-article/", wait_until="domcontentloaded")
            tab.page.wait_for_function("() => [...document.querySelectorAll('link[rel=stylesheet]')]"
                                       ".every(link => link.sheet)")
            for selector, (width, height) in (("figure.hub-lead-image img", (1600, 1067)),
                                              ("figure.hub-figure img", INLINE_SIZE)):
                img = tab.page.locator(selector)
                assert img.evaluate("img => img.complete") is False
                box = img.bounding_box()
                assert box is not None and 350 <= box["width"] <= 390, selector
                assert abs(box["height"] - box["width"] * height / width) < 2, selector
        finally:
            for route in held:
                route.abort()
            context.close()


def test_a_picture_in_the_text_loads_a_variant_without_moving_the_page(phone: Tab) -> None:
    phone.open("en/news/2025/first-article/")
    img = phone.page.locator("figure.hub-figure img")
    assert img.get_attribute("loading") == "lazy"
    img.scroll_into_view_if_needed()
    phone.page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
    current = img.evaluate("img => img.currentSrc")
    needed = PHONE["width"] * phone.page.evaluate("devicePixelRatio")
    expected = min(width for width in (480, 960, 1600) if width >= needed)
    assert "/assets/images/field-visit-" in current and current.endswith(f"-{expected}.webp"), current
    box = img.bounding_box()
    width, height = INLINE_SIZE
    assert box is not None and 350 <= box["width"] <= 390
    assert abs(box["height"] - box["width"] * height / width) < 2
    # Scrolling is not input: a picture without its size would count here when it arrives.
    assert phone.page.evaluate(LAYOUT_SHIFT) < 0.05
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone.page.locator("figure.hub-figure").evaluate("figure => figure.scrollIntoView({block: 'center'})")
    phone.page.screenshot(path=str(SCREENSHOTS / "inline-picture-390x844.png"))
    assert not [url for url in phone.requests if url.endswith(f"/{INLINE_PHOTO}")]


def test_card_pictures_wait_until_they_come_near(phone: Tab) -> None:
    phone.open("en/")
    thumbnail = phone.page.locator(".hub-card picture.hub-card__image img").first
    assert thumbnail.get_attribute("loading") == "lazy"
    box = thumbnail.bounding_box()
    assert box is not None and box["width"] == 120  # 6rem of Material's 20 px on a phone
    thumbnail.scroll_into_view_if_needed()
    phone.page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=thumbnail.element_handle())
    assert thumbnail.evaluate("img => img.currentSrc").endswith(".webp")


def test_the_pictures_the_browser_fetched_are_the_variants(phone: Tab, image_site: BuiltSite) -> None:
    fetched = {url.rsplit("/", 1)[1] for url in phone.requests if "/assets/images/" in url}
    published = {path.name for path in Path(image_site.dir, "assets", "images").iterdir()}
    assert fetched and fetched <= published
