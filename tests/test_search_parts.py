"""Each language's search index in parts by years of news (hub.engine.search_parts): which
page goes to which part, one Pagefind process per part at a time, and what the site
publishes for the search box (the first parts in the one bundle, each further part in a
folder of its own, and the list of them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hub.engine import search
from hub.engine.search_parts import SearchPart, SearchParts, article_year
from hub.stack import PagefindError
from test_search_bundle import one_service_at_a_time, page


def test_whole_years_newest_first_each_part_closed_at_the_limit() -> None:
    counts = {2026: 60, 2025: 500, 2024: 300, 2023: 900, 2022: 1200, 2021: 100}
    parts = SearchParts({"zh": counts, "fr": {2026: 10, 2020: 10}}, limit=1000, default_lang="zh")
    assert parts.parts["zh"] == [
        SearchPart("zh", 1, 2023, 2026, 1760),  # the first days of 2026 alone would be 60 articles
        SearchPart("zh", 2, 2022, 2022, 1200),  # more than the limit in one year: a part of its own
        SearchPart("zh", 3, 2021, 2021, 100),  # the oldest: what is left
    ]
    assert parts.parts["fr"] == [SearchPart("fr", 1, 2020, 2026, 20)]
    assert parts.further("fr") == [] and parts.further("ja") == []
    assert [part.folder for part in parts.further("zh")] == ["archive/zh-2/", "archive/zh-3/"]


@pytest.mark.parametrize(("lang", "path", "year"), [
    ("zh", "news/2024/a-story/index.html", 2024),
    ("zh", "news/2024/a-story/", 2024),
    ("en", "en/news/2019/a-story/index.html", 2019),
    ("en", "news/2019/a-story/index.html", 2019),  # prefixless: as found in a language's own folder
    ("zh", "news/archive/2024/index.html", None),
    ("zh", "news/topics/trade/index.html", None),
    ("zh", "news/page/2/index.html", None),
    ("zh", "news/index.html", None),
    ("zh", "policies/2024-plan/index.html", None),
    ("zh", "en/news/2019/a-story/index.html", None),
])
def test_an_article_s_year_is_the_folder_of_its_address(lang: str, path: str, year: int | None) -> None:
    assert article_year(path, lang, "zh") == year


def test_a_page_goes_to_the_part_of_its_year_and_every_other_page_to_the_first() -> None:
    parts = SearchParts.of_articles(
        [("news/2026/a.md", ["zh", "en"]), ("news/2025/b.md", ["zh", "en"]), ("news/2024/c.md", ["zh"])],
        limit=1, default_lang="zh")  # one year a part
    assert parts.part_of("zh", "news/2024/c/index.html") == 3
    assert parts.part_of("en", "en/news/2025/b/index.html") == 2
    assert parts.part_of("en", "en/news/2024/c/index.html") == 1  # no English article of 2024: no part
    assert parts.part_of("zh", "cities/chengdu/index.html") == 1
    assert parts.part_of("fr", "fr/news/2026/a/index.html") == 1


def built(lang: str, path: str, number: int) -> str:
    return page(lang, "Story", f"word{number} common", number)


# zh pages in the order a build writes them: other pages, then the news by year, oldest first.
PAGES = ["about/index.html", "cities/chengdu/index.html", "news/2024/a/index.html", "news/2024/b/index.html",
         "news/2025/a/index.html", "news/2025/b/index.html", "news/2026/a/index.html", "policies/p/index.html"]
YEARS = {"zh": {2026: 1, 2025: 2, 2024: 2}}


def test_one_part_s_pagefind_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages before the news wait for the first part's service, which starts with the
    newest year: each part's Pagefind has ended before the next one starts."""
    started = one_service_at_a_time(monkeypatch)
    indexes = search.LanguageIndexes(SearchParts(YEARS, limit=1, default_lang="zh"))
    for number, path in enumerate(PAGES):
        indexes.add("zh", path, built("zh", path, number))
    assert len(started) == 3  # 2024's, 2025's, then the first part (2026 and the other pages)
    assert sorted(indexes.bundles) == [("zh", 2), ("zh", 3)]
    indexes.finish_language()
    assert all(service._process.poll() is not None for service in started)
    assert sorted(indexes.bundles) == [("zh", 1), ("zh", 2), ("zh", 3)]
    with pytest.raises(PagefindError, match=r"news/2024/c/index.html\) came after the index of zh, part 3 was made"):
        indexes.add("zh", "news/2024/c/index.html", built("zh", "news/2024/c/index.html", 9))


def test_the_site_publishes_the_first_parts_together_and_each_further_part_apart(tmp_path: Path) -> None:
    indexes = search.LanguageIndexes(SearchParts(YEARS, limit=1, default_lang="zh"))
    for number, path in enumerate(PAGES):
        indexes.add("zh", path, built("zh", path, number))
    en = "en/news/2026/a/index.html"
    indexes.add("en", en, page("en", "Story", "in English", 0))
    written = search.write_index(indexes, tmp_path, {"zh": PAGES, "en": [en]}, older=lambda lang, year:
                                 f"{lang}: before {year} too")
    assert written.pages == {"zh": 8, "en": 1}
    bundle = tmp_path / search.BUNDLE_DIR
    entry = json.loads((bundle / search.ENTRY_FILE).read_bytes())
    assert {lang: info["page_count"] for lang, info in entry["languages"].items()} == {"en": 1, "zh": 4}
    assert json.loads((bundle / "archive.json").read_bytes()) == {"zh": {"older": "zh: before 2026 too", "parts": [
        {"path": "archive/zh-2/", "from": 2025, "to": 2025, "pages": 2},
        {"path": "archive/zh-3/", "from": 2024, "to": 2024, "pages": 2},
    ]}}
    for folder in ("archive/zh-2", "archive/zh-3"):
        files = sorted(path.relative_to(bundle / folder).as_posix() for path in (bundle / folder).rglob("*")
                       if path.is_file())
        # Its entry, metadata, chunks and fragments; the scripts and wasm are the first part's.
        assert files[-2] == search.ENTRY_FILE and files[-1].startswith("pagefind.zh_"), files
        assert [name for name in files if name.endswith((".js", ".pagefind"))] == []
        assert len([name for name in files if name.startswith("fragment/")]) == 2
        part_entry = json.loads((bundle / folder / search.ENTRY_FILE).read_bytes())
        assert list(part_entry["languages"]) == ["zh"] and part_entry["version"] == entry["version"]


def test_an_older_article_after_the_newest_is_indexed_in_its_own_part_at_the_end() -> None:
    """Not the order a build writes pages in, but nothing is lost: it waits for its part."""
    indexes = search.LanguageIndexes(SearchParts(YEARS, limit=1, default_lang="zh"))
    order = ["news/2026/a/index.html", "news/2024/a/index.html", "cities/chengdu/index.html",
             "news/2025/a/index.html"]
    for number, path in enumerate(order):
        indexes.add("zh", path, built("zh", path, number))
    indexes.finish_language()
    counts = {key: sum(info["page_count"] for info in json.loads(bundle[search.ENTRY_FILE])["languages"].values())
              for key, bundle in indexes.bundles.items()}
    assert counts == {("zh", 1): 2, ("zh", 2): 1, ("zh", 3): 1}
