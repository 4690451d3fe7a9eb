"""The language menu in the header, used as a reader uses it (hover, then click): from
every page type in every language it leads to the same page in the chosen language, in
its own translation or, where there is none yet, in the fallback text with a notice."""

from __future__ import annotations

import pytest
from browser_support import LANGS, NOT_FOUND, PAGE_TYPES, PREFIX, Tab
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def expected_path(tab: Tab, lang: str, page_type: str) -> str:
    """Where the menu should lead: the page at the same path in `lang`; for a missing
    page, the 404 page of `lang` (the translation of "page not found")."""
    inner = "404.html" if page_type == NOT_FOUND else PAGE_TYPES[page_type]
    return tab.base_path + PREFIX[lang] + inner


@pytest.mark.parametrize("start", LANGS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_language_menu_leads_to_the_same_page(reader: Tab, page_type: str, start: str) -> None:
    tab, page = reader, reader.page
    for target in (lang for lang in LANGS if lang != start):
        tab.open_page(start, page_type)
        page.hover(".md-select")
        link = page.locator(f".md-select__link[hreflang='{target}']")
        expect(link).to_be_visible()
        with page.expect_navigation() as navigation:
            link.click()
        want = expected_path(tab, target, page_type)
        assert navigation.value is not None and navigation.value.status == 200, want
        assert page.url == tab.origin + want
        expect(page.locator("html")).to_have_attribute("lang", target)
        expect(page.locator("article h1").first).to_be_visible()
        fallback = page.locator(".hub-fallback")
        if fallback.count():
            # No translation yet: the original's text, with a notice in the reader's language.
            expect(fallback).to_be_visible()
            assert page.locator(".hub-fallback + div[lang]").get_attribute("lang") != target
