"""Every page type a reader meets, in every language, on a 1280×900 desktop and a 390×844
phone: no serious or critical axe-core violation, no visible left sidebar that holds one
link or none, the home page's lead story and an article's first paragraph within the
first screen; a screenshot of each
under .cache/screenshots/<size>/ for a reviewer. Then what a reader does with the new
controls: more search results, the kind and date of each, and copying a feed address.

One browser and one built site serve all of it (the session's fixtures); each size keeps
one tab, so fonts and the cache stay warm from page to page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import DESKTOP, LANGS, PHONE, PREFIX, Tab, open_tab
from playwright.sync_api import Browser, expect
from siteserver import SiteServer
from test_browser_pages import axe_problems

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / ".cache" / "screenshots"
SIZES = {"desktop": DESKTOP, "phone": PHONE}
PAGES = {
    "home": "",
    "news": "news/",
    "article": "news/2025/sister-cities-conference-2025/",
    "policy": "policies/foreign-investment-measures-2025/",
    "opportunities": "opportunities/",
    "opportunity": "opportunities/international-rd-institution-grant/",
    "events": "events/",
    "event": "events/japan-roadshows-2025/",
    "cities": "cities/",
    "city": "cities/manchester/",
    "about": "about/",
    "feeds": "feeds/",
}

# Left-sidebar links a reader can see, or -1 when the sidebar is not on screen (hidden, or
# the phone's drawer, which stays off screen until opened).
VISIBLE_SIDEBAR_LINKS = """() => {
  const bar = document.querySelector('.md-sidebar--primary');
  if (!bar || bar.hidden) return -1;
  const box = bar.getBoundingClientRect();
  if (box.width === 0 || box.right <= 0 || box.left >= innerWidth || getComputedStyle(bar).visibility === 'hidden')
    return -1;
  return [...bar.querySelectorAll('a.md-nav__link[href]')].filter(a => {
    const r = a.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth;
  }).length;
}"""


# Words of the page's title cut in two across lines (Latin titles: each word's own box
# must be one line high).
TITLE_WORDS_CUT = """() => {
  const h1 = document.querySelector('.md-content h1');
  if (!h1 || !/[A-Za-z]/.test(h1.textContent)) return [];
  const cut = [];
  const walker = document.createTreeWalker(h1, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.textContent.matchAll(/[A-Za-zÀ-ÿ'’-]{4,}/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      if (range.getClientRects().length > 1) cut.push(match[0]);
    }
  }
  return cut;
}"""


@pytest.fixture(scope="module", params=list(SIZES))
def sized(request: pytest.FixtureRequest, browser: Browser, served: SiteServer) -> Iterator[tuple[str, Tab]]:
    context, tab = open_tab(browser, served.url, SIZES[request.param])
    yield request.param, tab
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_type_reads_well(sized: tuple[str, Tab], lang: str) -> None:
    size, tab = sized
    folder = SCREENSHOTS / size
    folder.mkdir(parents=True, exist_ok=True)
    problems: dict[str, list[str]] = {}
    for name, path in PAGES.items():
        response = tab.open(PREFIX[lang] + path)
        assert response is not None and response.status == 200, path
        tab.page.screenshot(path=str(folder / f"{lang}-{name}.png"), full_page=True)
        found = axe_problems(tab)
        links = tab.page.evaluate(VISIBLE_SIDEBAR_LINKS)
        if 0 <= links <= 1:
            found.append(f"a visible sidebar with {links} link(s)")
        if cut := tab.page.evaluate(TITLE_WORDS_CUT):
            found.append(f"title words cut across lines: {cut}")
        if found:
            problems[name] = found
    assert problems == {}
    assert tab.foreign_requests() == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_lead_story_is_on_the_first_screen(sized: tuple[str, Tab], lang: str) -> None:
    size, tab = sized
    tab.open(PREFIX[lang])
    height = SIZES[size]["height"]
    lead = tab.page.locator(".hub-card--lead")
    for part in (".hub-card__title", "time"):
        box = lead.locator(part).bounding_box()
        assert box is not None and box["height"] > 0, part
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, (part, box)
    summary = lead.locator(".hub-card__summary").bounding_box()
    assert summary is not None and summary["y"] < height - 40, summary  # at least its first lines
    # Nothing stands between the header (with the section tabs on a desktop) and the story.
    chrome = tab.page.evaluate("""() => Math.max(...['header.md-header', '.md-tabs'].map(s => {
      const node = document.querySelector(s);
      return node && node.offsetParent !== null ? node.getBoundingClientRect().bottom : 0;
    }))""")
    date = lead.locator("time").bounding_box()
    assert date["y"] - chrome < 80, (date, chrome)
    # The story has the text column's whole width: the "Edit this page" link beside it must not
    # squeeze it into a narrow column (on a phone that pushed its summary off the first screen).
    column = tab.page.locator(".md-content__inner").bounding_box()
    assert lead.bounding_box()["width"] >= 0.95 * (column["width"]), (lead.bounding_box(), column)


@pytest.mark.parametrize("lang", LANGS)
def test_an_article_opens_with_its_story(sized: tuple[str, Tab], lang: str) -> None:
    """Under the title come the date and the story's first paragraph, whole, on the first
    screen; the topics, cities and events it is filed under follow the text."""
    size, tab = sized
    tab.open(PREFIX[lang] + PAGES["article"])
    first = tab.page.locator(".hub-byline ~ p").first.bounding_box()
    assert first is not None and first["y"] + first["height"] <= SIZES[size]["height"], first
    filed = tab.page.locator(".hub-filed").bounding_box()
    assert filed is not None and filed["y"] > first["y"] + first["height"], filed


def test_search_shows_kind_date_and_more_results(served: SiteServer, browser: Browser) -> None:
    context, tab = open_tab(browser, served.url, DESKTOP)
    try:
        page = tab.page
        tab.open("en/")
        page.keyboard.press("/")
        page.keyboard.type("Chengdu", delay=20)
        expect(page.locator(".hub-search__results")).to_have_attribute("aria-busy", "false")
        results = page.locator("a.hub-search__link")
        expect(results).to_have_count(10)
        status = page.locator(".hub-search__status").inner_text()
        total = int(status.split()[0])
        assert total > 10, status
        more = page.locator(".hub-search__more")
        expect(more).to_have_text("More results")
        more.click()
        expect(results).to_have_count(min(total, 20))
        expect(results.nth(10)).to_be_focused()
        # Kind and date under each title: "News · Apr 16, 2025"; a city has no date.
        metas = [text.strip() for text in page.locator(".hub-search__meta").all_inner_texts()]
        assert any(m.startswith("News · ") and m.endswith("2025") for m in metas), metas
        shown = min(total, 20)
        while shown < total:
            more.click()
            shown = min(total, shown + 10)
            expect(results).to_have_count(shown)
        expect(more).to_be_hidden()
        assert page.locator(".hub-search__meta").count() == total  # every result says what it is
        assert axe_problems(tab) == []
    finally:
        context.close()


def test_zh_results_show_kind_and_date_in_chinese(served: SiteServer, browser: Browser) -> None:
    context, tab = open_tab(browser, served.url, DESKTOP)
    try:
        tab.open("")
        tab.page.keyboard.press("/")
        tab.page.keyboard.type("友城", delay=20)
        expect(tab.page.locator(".hub-search__results")).to_have_attribute("aria-busy", "false")
        metas = tab.page.locator(".hub-search__meta").all_inner_texts()
        assert any(m.startswith("新闻 · 2025年4月") for m in metas), metas
    finally:
        context.close()


def test_copy_button_copies_the_feed_address(served: SiteServer, browser: Browser) -> None:
    context = browser.new_context(viewport=PHONE, service_workers="block")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.url.split("/hub/")[0])
    try:
        page = context.new_page()
        page.goto(served.url + "en/events/", wait_until="load")
        button = page.locator(".hub-subscribe button.hub-copy").first
        expect(button).to_have_text("Copy address")
        expect(button).to_have_attribute("aria-label", "Copy address: Events feed")
        button.click()
        expect(button).to_have_text("Address copied")
        assert page.evaluate("navigator.clipboard.readText()") == page.locator(
            ".hub-subscribe a.hub-subscribe__link").first.get_attribute("href")
        expect(page.locator("[role=status].hub-visually-hidden")).to_have_text("Address copied")
        # The Feeds page: one button per address, each copying its own.
        page.goto(served.url + "fr/feeds/", wait_until="load")
        codes = page.locator("code.hub-subscription-url")
        buttons = page.locator("p.hub-subscription button.hub-copy")
        expect(buttons).to_have_count(codes.count())
        buttons.nth(3).click()
        assert page.evaluate("navigator.clipboard.readText()") == codes.nth(3).inner_text()
        # A feed address fits the phone's width and breaks only between its parts.
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()


@pytest.fixture(scope="module")
def pictured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The minimal site with a photo on its (only, so lead) article, served like the others."""
    from photos import image_project
    from sitebuild import build
    from siteserver import serving

    project = image_project(tmp_path_factory.mktemp("pictured") / "project")
    built = build(project, tmp_path_factory.mktemp("pictured-site") / "site")
    assert built.result.returncode == 0, built.result.output
    with serving(SiteServer(built.dir, "/hub/")) as server:
        yield server


@pytest.mark.parametrize("size", list(SIZES))
def test_the_lead_story_shows_its_picture_on_the_first_screen(pictured: SiteServer, browser: Browser,
                                                               size: str) -> None:
    context, tab = open_tab(browser, pictured.url, SIZES[size])
    try:
        tab.open("en/")
        lead = tab.page.locator(".hub-card--lead")
        image = lead.locator("figure.hub-lead-image img")
        expect(image).to_be_visible()
        assert image.get_attribute("loading") is None  # the first thing seen: not lazy
        assert tab.page.evaluate("img => img.complete && img.naturalWidth > 0", image.element_handle())
        height = SIZES[size]["height"]
        for part in (image, lead.locator(".hub-card__title"), lead.locator("time")):
            box = part.bounding_box()
            assert box is not None and box["y"] + box["height"] <= height, box
        tab.page.screenshot(path=str(SCREENSHOTS / size / "en-home-with-picture.png"))
        assert axe_problems(tab) == []
    finally:
        context.close()
