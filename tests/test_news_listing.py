"""News listings paginate, newest first, and the site works at a domain root as well as
under a project sub-path, without a template change."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import MINIMAL, BuiltSite, build, copy_project

ARTICLES = 23  # with 10 a page: pages of 10, 10 and 3


def add_articles(project: Path, count: int) -> list[str]:
    """Articles dated one day apart, newest last; returns their slugs newest first."""
    slugs = []
    for index in range(count):
        slug = f"article-{index:02d}"
        day = 1 + index
        for lang, front in (("zh", f"title: 文章 {index}\nsummary: 摘要 {index}\ndate: 2024-03-{day:02d}\n"),
                            ("en", f"title: Article {index}\nsummary: Summary {index}\n")):
            folder = project / "docs" / lang / "news" / "2024"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{slug}.md").write_text(f"---\n{front}---\n\nText {index}.\n", encoding="utf-8")
        slugs.append(slug)
    return slugs[::-1]


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, list[str]]:
    project = copy_project(tmp_path_factory.mktemp("paged"), content_from=MINIMAL)
    slugs = add_articles(project, ARTICLES)
    built = build(project, tmp_path_factory.mktemp("paged-site") / "site")
    assert built.result.returncode == 0, built.result.output
    # The minimal fixture has one 2025 article, newer than all of these.
    return built, ["first-article", *slugs]


def listed(site: BuiltSite, path: str) -> list[str]:
    return [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in site.soup(path).select(".hub-card__title a")]


@pytest.mark.parametrize("prefix", ["", "en/", "fr/"])
def test_pages_of_ten_newest_first(paged_site: tuple[BuiltSite, list[str]], prefix: str) -> None:
    site, newest_first = paged_site
    assert listed(site, prefix + "news/") == newest_first[:10]
    assert listed(site, prefix + "news/page/2/") == newest_first[10:20]
    assert listed(site, prefix + "news/page/3/") == newest_first[20:]
    assert not site.path(prefix + "news/page/4/").exists()


def test_pager_links_between_neighbours(paged_site: tuple[BuiltSite, list[str]]) -> None:
    site, _ = paged_site
    first = site.soup("en/news/")
    assert first.select_one(".hub-pager__older")["href"] == "/hub/en/news/page/2/"
    assert first.select_one(".hub-pager__newer") is None
    assert "Page 1 of 3" in first.select_one(".hub-pager__position").get_text()
    middle = site.soup("en/news/page/2/")
    assert middle.select_one(".hub-pager__newer")["href"] == "/hub/en/news/"
    assert middle.select_one(".hub-pager__older")["href"] == "/hub/en/news/page/3/"
    last = site.soup("zh/news/page/3/".removeprefix("zh/"))
    assert last.select_one(".hub-pager__older") is None
    assert "第 3 页，共 3 页" in last.select_one(".hub-pager__position").get_text()


def test_archive_years_count_articles(paged_site: tuple[BuiltSite, list[str]]) -> None:
    site, _ = paged_site
    years = {a.get_text(): a.find_next("span").get_text() for a in site.soup("en/news/archive/").select(".hub-years a")}
    assert years == {"2025": "1 article", "2024": f"{ARTICLES} articles"}
    assert len(listed(site, "en/news/archive/2024/")) == ARTICLES


def test_untranslated_articles_listed_in_fallback_language_with_a_mark(paged_site: tuple[BuiltSite, list[str]]) -> None:
    site, _ = paged_site
    card = site.soup("fr/news/").select_one("li.hub-card")
    assert card["lang"] == "en"  # the title shown is the English one
    assert card.select_one(".hub-badge").get_text() == "anglais"


def test_domain_root_site_url(minimal_project: Path, tmp_path: Path) -> None:
    built = build(minimal_project, tmp_path / "site", HUB_SITE_URL="https://hub.example.com/")
    assert built.result.returncode == 0, built.result.output
    soup = built.soup("en/news/2025/first-article/")
    assert soup.find("link", rel="canonical")["href"] == "https://hub.example.com/en/news/2025/first-article/"
    assert soup.find("link", hreflang="x-default")["href"] == "https://hub.example.com/news/2025/first-article/"
    assert built.soup("en/news/").select_one(".hub-card__title a")["href"] == "/en/news/2025/first-article/"
