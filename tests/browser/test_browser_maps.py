"""The partner-city maps and the WeChat QR code in a real browser, on a phone and a
desktop: every city on the world map is reached with the keyboard and opens its page;
no serious accessibility problem; the index page loads within the page-weight budget
with everything it fetches. Screenshots are kept in .cache/screenshots/ to look at."""

from __future__ import annotations

import io
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
import yaml
import zxingcpp
from browser_support import DESKTOP, PHONE, PREFIX, Tab, TabFactory, open_tab
from PIL import Image
from playwright.sync_api import Browser
from sitebuild import ROOT, BuiltSite
from siteserver import SiteServer, serving
from test_browser_pages import axe_problems

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / ".cache" / "screenshots"
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
BUDGET = 150 * 1024  # bytes over the wire (gzipped), everything the page loads


def mapped_cities() -> dict[str, str]:
    """City id -> English name, for the cities with coordinates (data files as YAML)."""
    found = {}
    for path in sorted((ROOT / "data" / "cities").glob("*.yml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if record.get("coordinates"):
            found[path.stem] = record["name"]["en"]
    return found


def shot(tab: Tab, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def tab_to_map(tab: Tab) -> list[str]:
    """Press Tab from the top of the page until focus has gone through the world map; the
    href of each map link that took the focus, in order."""
    reached: list[str] = []
    for _ in range(300):
        tab.page.keyboard.press("Tab")
        focused = tab.page.evaluate(
            "() => { const a = document.activeElement;"
            " return a && a.closest('svg.hub-map__svg') ? a.getAttribute('href') : null }"
        )
        if focused:
            reached.append(focused)
        elif reached:
            return reached
    raise AssertionError(f"focus never left the map; reached {reached}")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_city_on_the_map_is_reached_and_opened_by_keyboard(new_tab: TabFactory, lang: str) -> None:
    tab = new_tab()
    index = PREFIX[lang] + "cities/"
    tab.open(index)
    reached = tab_to_map(tab)
    expected = {f"{tab.base_path}{PREFIX[lang]}cities/{city_id}/" for city_id in mapped_cities()}
    assert sorted(reached) == sorted(expected)
    for position, href in enumerate(reached):
        tab.open(index)
        # Tab to the map, then on to the link at `position`.
        tab.page.keyboard.press("Tab")
        while not tab.page.evaluate("() => !!document.activeElement.closest('svg.hub-map__svg')"):
            tab.page.keyboard.press("Tab")
        for _ in range(position):
            tab.page.keyboard.press("Tab")
        label = tab.page.locator("svg.hub-map__svg a:focus .hub-map__label")
        assert label.is_visible(), "the focused city's name shows on the map"
        if position == 0:
            shot(tab, f"map-focus-{lang}")
        tab.page.keyboard.press("Enter")
        tab.page.wait_for_url(f"**{href}")
        assert urlsplit(tab.page.url).path == href
        assert tab.page.locator("article h1").is_visible()


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_maps_and_qr_code_have_no_serious_accessibility_problem(
    new_tab: TabFactory, lang: str, viewport: str
) -> None:
    tab = new_tab(VIEWPORTS[viewport])
    tab.open(PREFIX[lang] + "cities/")
    tab.page.locator("svg.hub-map__svg").scroll_into_view_if_needed()
    shot(tab, f"cities-{lang}-{viewport}")
    assert axe_problems(tab) == []
    tab.open(PREFIX[lang] + "cities/montpellier/")
    locator = tab.page.locator("figure.hub-locator svg[role=img]")
    assert locator.is_visible()
    box = locator.bounding_box()
    assert box is not None and box["width"] >= 300 and box["height"] >= 180, box
    locator.scroll_into_view_if_needed()
    shot(tab, f"city-{lang}-{viewport}")
    tab.page.locator("details.hub-share summary").click()
    code = tab.page.locator("details.hub-share svg.hub-share__code")
    assert code.is_visible()
    code_box = code.bounding_box()
    assert code_box is not None and code_box["width"] >= 150, "big enough for a phone camera"
    code.scroll_into_view_if_needed()
    # What the phone's camera sees: the code as the browser draws it on the screen.
    seen = zxingcpp.read_barcode(Image.open(io.BytesIO(code.screenshot())))
    assert seen is not None and seen.text.endswith("/cities/montpellier/"), seen
    shot(tab, f"share-{lang}-{viewport}")
    assert axe_problems(tab) == []
    assert tab.refused == [] and tab.foreign_requests() == []


@pytest.fixture(scope="module")
def compressed(site: BuiltSite) -> Iterator[SiteServer]:
    """The site served gzipped, as GitHub Pages serves it."""
    with serving(SiteServer(site.dir, urlsplit(site.site_url).path, compress=True)) as server:
        yield server


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_map_page_loads_within_the_page_weight_budget(
    browser: Browser, compressed: SiteServer, viewport: str
) -> None:
    context, tab = open_tab(browser, compressed.url, VIEWPORTS[viewport])
    try:
        tab.open("cities/")
        tab.page.wait_for_load_state("networkidle")
        sizes = tab.page.evaluate(
            "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
            ".map(e => [e.name, e.encodedBodySize])"
        )
    finally:
        context.close()
    total = sum(size for _, size in sizes)
    assert total <= BUDGET, sizes
    assert total > 10_000, sizes  # the measure measured something
