"""Search as a reader uses it: typing into the box in the header, in each language, with
the keyboard only; results are pages of the reader's language and nothing else."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import DESKTOP, PHONE, PREFIX, Tab, TabFactory, open_tab
from playwright.sync_api import Browser, expect
from sitebuild import BuiltSite, build, copy_project
from siteserver import SiteServer, serving

pytestmark = pytest.mark.browser

BOX = ".hub-search__input"
RESULT = "a.hub-search__link"
PANEL = ".hub-search__results"

# (language, what the reader types, pages it must find: paths inside that language's root)
FINDS = [
    ("zh", "友城", ["news/2025/sister-cities-conference-2025/"]),
    ("en", "Manchester", ["cities/manchester/", "news/2025/new-partner-cities-2025/"]),
    ("fr", "délégations", ["news/2025/sister-cities-conference-2025/"]),
    ("ja", "大阪", ["news/2025/japan-roadshows-2025/"]),
]


def type_query(tab: Tab, query: str) -> None:
    """Focus the box the way a reader does (the "/" key), type key by key, and wait
    until the results of the whole query are shown (the results region is busy until then)."""
    tab.page.keyboard.press("/")
    expect(tab.page.locator(BOX)).to_be_focused()
    tab.page.keyboard.type(query, delay=20)
    settled(tab)


def settled(tab: Tab) -> None:
    expect(tab.page.locator(PANEL)).to_have_attribute("aria-busy", "false")


def result_paths(tab: Tab) -> list[str]:
    return [link.get_attribute("href") or "" for link in tab.page.locator(RESULT).all()]


@pytest.mark.parametrize(("lang", "query", "expected"), FINDS, ids=[f[0] for f in FINDS])
def test_typing_finds_pages_in_the_readers_language(tab: Tab, lang: str, query: str, expected: list[str]) -> None:
    tab.open(PREFIX[lang])
    type_query(tab, query)
    base = "/hub/" + PREFIX[lang]
    for path in expected:
        expect(tab.page.locator(f'{RESULT}[href="{base}{path}"]')).to_be_visible()
    others = tuple(f"/hub/{p}" for code, p in PREFIX.items() if code != lang and p)
    for href in result_paths(tab):
        assert href.startswith(base) and not href.startswith(others), href
    # Each result shows the page title and an excerpt with the words found marked.
    first = tab.page.locator(RESULT).first
    assert first.locator(".hub-search__title").inner_text().strip()
    assert first.locator(".hub-search__excerpt mark").count() >= 1


def test_fallback_text_is_not_found_in_the_readers_language(tab: Tab) -> None:
    """The French page of the Penang flight shows the English text (no translation yet):
    its English words find it on /en/, but on /fr/ they never offer it."""
    word, page = "launching", "news/2025/chengdu-penang-direct-flight/"
    tab.open("en/")
    type_query(tab, word)
    expect(tab.page.locator(f'{RESULT}[href="/hub/en/{page}"]')).to_be_visible()
    tab.open("fr/")
    type_query(tab, word)
    # Pagefind answers a word it does not know with its longest known prefix ("la"),
    # so there are results; the fallback page is not among them.
    assert f"/hub/fr/{page}" not in result_paths(tab)
    assert all(path.startswith("/hub/fr/") for path in result_paths(tab))


def test_keyboard_only(tab: Tab) -> None:
    page = tab.page
    tab.open("en/")
    # Tab reaches the box from the top of the page.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.matches('.hub-search__input')"):
            break
    else:
        pytest.fail("Tab never reached the search box")
    page.keyboard.type("Chengdu", delay=20)
    settled(tab)
    expect(page.locator(RESULT).nth(1)).to_be_visible()
    # Arrows move through the results and back to the box.
    page.keyboard.press("ArrowDown")
    expect(page.locator(RESULT).nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.locator(RESULT).nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.locator(BOX)).to_be_focused()
    # Escape closes the results and leaves the reader in the box.
    page.keyboard.press("Escape")
    expect(page.locator(PANEL)).to_be_hidden()
    expect(page.locator(BOX)).to_be_focused()
    # Enter opens the first result.
    page.keyboard.type(" Manchester", delay=20)
    settled(tab)
    expect(page.locator(RESULT).first).to_be_visible()
    first = page.locator(RESULT).first.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(first) + "$"))


def test_tab_leaves_the_results_in_order(tab: Tab) -> None:
    page = tab.page
    tab.open("")
    type_query(tab, "成都")
    expect(page.locator(RESULT).first).to_be_visible()
    count = page.locator(RESULT).count()
    for index in range(count):
        page.keyboard.press("Tab")
        expect(page.locator(RESULT).nth(index)).to_be_focused()
    if page.locator(".hub-search__more").is_visible():  # more than ten: the button comes next
        page.keyboard.press("Tab")
        expect(page.locator(".hub-search__more")).to_be_focused()
    page.keyboard.press("Tab")  # past the last result: the results fold away
    expect(page.locator(PANEL)).to_be_hidden()


def test_phone_opens_the_box_from_the_header_button(new_tab: TabFactory) -> None:
    tab = new_tab(PHONE)
    page = tab.page
    tab.open("ja/")
    box = page.locator(BOX)
    expect(box).to_be_hidden()
    button = page.locator(".hub-search__open")
    expect(button).to_be_visible()
    button.click()
    expect(box).to_be_focused()
    page.keyboard.type("成都", delay=20)
    settled(tab)
    expect(page.locator(RESULT).first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.keyboard.press("Escape")
    expect(box).to_be_hidden()
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")


# -- text from content is shown as text in the results -------------------------------------

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "minimal"
HOSTILE_TITLE = 'Zebra <img src=x onerror="window.hubHacked=1"> & <b>bold</b>'
HOSTILE_CODE = "<script>window.hubHacked=2</script>"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = copy_project(tmp_path_factory.mktemp("search-project"), content_from=MINIMAL)
    article = project / "docs" / "en" / "news" / "2025" / "first-article.md"
    article.write_text(
        f"---\ntitle: {json.dumps(HOSTILE_TITLE)}\nsummary: A test summary.\n---\n\n"
        f"A zebra wrote `{HOSTILE_CODE}` here.\n",
        encoding="utf-8",
    )
    built = build(project, tmp_path_factory.mktemp("search-site") / "site")
    assert built.result.returncode == 0, built.result.output
    return built


@pytest.fixture
def hostile_tab(browser: Browser, hostile_site: BuiltSite) -> Iterator[Tab]:
    with serving(SiteServer(hostile_site.dir, "/hub/")) as server:
        context = browser.new_context(viewport=DESKTOP)
        yield Tab(context.new_page(), server.url)
        context.close()


def test_titles_and_excerpts_are_shown_as_text(hostile_tab: Tab) -> None:
    page = hostile_tab.page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    hostile_tab.open("en/")
    type_query(hostile_tab, "zebra")
    result = page.locator(RESULT).first
    expect(result.locator(".hub-search__title")).to_have_text(HOSTILE_TITLE)
    expect(result.locator(".hub-search__excerpt")).to_contain_text(HOSTILE_CODE)
    assert page.locator(f"{PANEL} img, {PANEL} script, {PANEL} b").count() == 0
    assert page.evaluate("window.hubHacked") is None
    assert dialogs == []


# -- older news searched on demand (the index in parts by years, hub.engine.search_parts) --------

SCREENSHOTS = Path(__file__).resolve().parents[2] / ".cache" / "screenshots"
OLD_STORY = {"zh": ("桑给巴尔代表团访问成都", "桑给巴尔代表团在成都讨论了港口合作。"),
             "en": ("A delegation from Zanzibar visits Chengdu", "The Zanzibar delegation discussed port cooperation.")}


@pytest.fixture(scope="module")
def archive_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The minimal fixture (one story of 2025) with a story of 2023, one article a part."""
    project = copy_project(tmp_path_factory.mktemp("parts-project"), content_from=MINIMAL)
    for lang, (title, text) in OLD_STORY.items():
        folder = project / "docs" / lang / "news" / "2023"
        folder.mkdir(parents=True)
        date = "date: 2023-05-04\n" if lang == "zh" else ""
        (folder / "zanzibar-visit.md").write_text(
            f"---\ntitle: {title}\nsummary: {text}\n{date}---\n\n{text}\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    search_part_articles: 1000\n" in text
    config.write_text(text.replace("    search_part_articles: 1000\n", "    search_part_articles: 1\n"),
                      encoding="utf-8")
    built = build(project, tmp_path_factory.mktemp("parts-site") / "site")
    assert built.result.returncode == 0, built.result.output
    return built


@pytest.mark.parametrize(("lang", "query", "offer"), [
    ("en", "Zanzibar", "Search news from before 2025 too"),
    ("zh", "桑给巴尔", "同时搜索 2025 年以前的新闻"),
])
def test_older_years_are_searched_when_the_reader_asks(browser: Browser, archive_site: BuiltSite, lang: str,
                                                        query: str, offer: str) -> None:
    with serving(SiteServer(archive_site.dir, "/hub/")) as server:
        context, tab = open_tab(browser, server.url, PHONE)
        try:
            tab.open(PREFIX[lang])
            tab.page.locator(".hub-search__open").click()
            tab.page.locator(BOX).type(query, delay=20)
            settled(tab)
            # The newest part alone: the story of 2023 is not found yet, and the offer says so.
            assert result_paths(tab) == []
            older = tab.page.locator(".hub-search__older")
            expect(older).to_have_text(offer)
            assert not [url for url in tab.requests if "/pagefind/archive/" in url and "archive.json" not in url]
            (SCREENSHOTS / "phone").mkdir(parents=True, exist_ok=True)
            tab.page.screenshot(path=str(SCREENSHOTS / "phone" / f"{lang}-search-older-offer.png"))
            if lang == "zh":  # from the keyboard: the arrow moves from the box to the offer
                tab.page.keyboard.press("ArrowDown")
                expect(older).to_be_focused()
                tab.page.keyboard.press("Enter")
            else:
                older.click()
            story = f"/hub/{PREFIX[lang]}news/2023/zanzibar-visit/"
            expect(tab.page.locator(f'{RESULT}[href="{story}"]')).to_be_visible()
            settled(tab)
            expect(older).to_be_hidden()
            tab.page.screenshot(path=str(SCREENSHOTS / "phone" / f"{lang}-search-older-news.png"))
            # The older part brought its index, not a second copy of Pagefind's scripts or wasm.
            fetched = [url for url in tab.requests if "/pagefind/archive/" in url]
            assert any(url.endswith(".pf_meta") for url in fetched), fetched
            assert not [url for url in fetched if url.endswith((".js", ".pagefind"))], fetched
            # A later query searches the older years too, without asking again.
            tab.page.locator(BOX).fill("")
            tab.page.locator(BOX).type(query[:-1], delay=20)
            settled(tab)
            expect(tab.page.locator(f'{RESULT}[href="{story}"]')).to_be_visible()
            expect(older).to_be_hidden()
        finally:
            context.close()


def test_no_offer_on_a_site_whose_news_is_one_part(tab: Tab) -> None:
    tab.open("en/")
    type_query(tab, "Manchester")
    expect(tab.page.locator(RESULT).first).to_be_visible()
    tab.page.wait_for_load_state("networkidle")
    expect(tab.page.locator(".hub-search__older")).to_be_hidden()
