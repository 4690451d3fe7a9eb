"""A reader who follows a dead link: the local server answers an unknown address at any
depth with the site's 404.html (as GitHub Pages does), which shows the page not found in
the reader's language (the language of the address), with links that lead somewhere and a
search box that finds pages of that language."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from browser_support import LANGS, PREFIX, Tab
from playwright.sync_api import expect
from test_browser_search import FINDS, RESULT, type_query

pytestmark = pytest.mark.browser

HEADINGS = {"zh": "页面未找到", "en": "Page not found", "fr": "Page introuvable", "ja": "ページが見つかりません"}
QUERIES = {lang: (query, expected[0]) for lang, query, expected in FINDS}


def open_missing(tab: Tab, lang: str) -> None:
    response = tab.open(PREFIX[lang] + "no/such/page/at/all/")
    assert response is not None and response.status == 404
    tab.page.wait_for_function("lang => document.documentElement.lang === lang", arg=lang)
    tab.page.wait_for_load_state("load")


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_not_found_speaks_the_language_of_the_address(tab: Tab, lang: str) -> None:
    open_missing(tab, lang)
    expect(tab.page.locator("article h1").first).to_have_text(HEADINGS[lang])


@pytest.mark.parametrize("lang", LANGS)
def test_every_link_of_the_page_not_found_leads_to_a_page(tab: Tab, lang: str) -> None:
    open_missing(tab, lang)
    hrefs = tab.page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    targets = {urljoin(tab.page.url, href).split("#")[0] for href in hrefs}
    inside = sorted(url for url in targets if urlsplit(url).netloc == urlsplit(tab.base).netloc)
    assert len(inside) >= 5, inside
    home = tab.base + PREFIX[lang]
    assert home in inside, "no link back to the home page of the reader's language"
    broken = [url for url in inside if tab.page.request.get(url).status != 200]
    assert broken == []


@pytest.mark.parametrize("lang", LANGS)
def test_search_on_the_page_not_found_finds_pages_of_its_language(tab: Tab, lang: str) -> None:
    open_missing(tab, lang)
    query, found = QUERIES[lang]
    type_query(tab, query)
    expect(tab.page.locator(f'{RESULT}[href="{tab.base_path}{PREFIX[lang]}{found}"]')).to_be_visible()
