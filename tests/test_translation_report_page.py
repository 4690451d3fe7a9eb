"""The translation report's page (about/translations/) stays a page a phone can open: each
list shows its first PAGE_LIST_LIMIT items, articles newest first after the other pages,
and says how many more `make translations` lists (at N = 20,000 the whole lists were a
6.8 MB page in each language)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from hub.pages import translations
from hub.pages.translations import PAGE_LIST_LIMIT, LanguageReport, RecordGap, TranslationReport
from hub_in_memory import renderer

ARTICLE = "news/2025/first-article.md"  # the minimal fixture's one article


def page(monkeypatch: pytest.MonkeyPatch, missing: tuple[str, ...], gaps: int, lang: str = "en") -> BeautifulSoup:
    report = TranslationReport("zh", "git", (LanguageReport(
        "fr", pages=len(missing) + 1, missing=missing, outdated=(), records=gaps,
        incomplete=tuple(RecordGap(f"data/cities/c{i}.yml", f"c{i}", ("name",)) for i in range(gaps)),
    ),))
    monkeypatch.setattr(translations, "_report_for", lambda _renderer: report)
    (generated,) = translations.translations_page(renderer(), lang)
    return BeautifulSoup(generated.body, "html.parser")


def test_a_long_list_shows_its_first_items_and_the_command_for_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    missing = (*(f"about/p{i:03d}.md" for i in range(PAGE_LIST_LIMIT + 4)), ARTICLE)
    soup = page(monkeypatch, missing, gaps=PAGE_LIST_LIMIT + 1)
    lists = soup.select("ul")
    assert [len(items.select("li")) for items in lists] == [PAGE_LIST_LIMIT, PAGE_LIST_LIMIT]
    # The other pages first, in path order; the article after them is one of those left out.
    assert lists[0].select("li code")[0].get_text() == "docs/fr/about/p000.md"
    assert "first-article" not in lists[0].get_text()
    more = [p.get_text(" ", strip=True) for p in soup.select("p.hub-more")]
    assert more == ["5 more, not listed here; this command lists them all: make translations ONLY=fr",
                    "1 more, not listed here; this command lists them all: make translations ONLY=fr"]


def test_articles_come_newest_first_and_a_short_list_is_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    soup = page(monkeypatch, (ARTICLE, "about/index.md"), gaps=2, lang="ja")
    codes = [code.get_text() for code in soup.select("ul")[0].select("li code")]
    assert codes == ["docs/fr/about/index.md", "docs/fr/news/2025/first-article.md"]
    assert soup.select("p.hub-more") == []
