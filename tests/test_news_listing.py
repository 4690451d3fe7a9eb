"""News listings paginate, newest first, and the site works at a domain root as well as
under a project sub-path, without a template change."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuild import MINIMAL, BuiltSite, build, copy_project

ARTICLES = 23  # with 10 a page: pages of 10, 10 and 3


def add_articles(project: Path, count: int, *, topic: str | None = None, city: str | None = None) -> list[str]:
    """Articles dated one day apart, newest last; returns their slugs newest first."""
    slugs = []
    topics = f"topics: [{topic}]\n" if topic else ""
    topics += f"cities: [{city}]\n" if city else ""
    for index in range(count):
        slug = f"article-{index:02d}"
        day = 1 + index
        for lang, front in (("zh", f"title: 文章 {index}\nsummary: 摘要 {index}\ndate: 2024-03-{day:02d}\n{topics}"),
                            ("en", f"title: Article {index}\nsummary: Summary {index}\n")):
            folder = project / "docs" / lang / "news" / "2024"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{slug}.md").write_text(f"---\n{front}---\n\nText {index}.\n", encoding="utf-8")
        slugs.append(slug)
    return slugs[::-1]


def built_with_articles(factory: pytest.TempPathFactory, name: str, *, topic: str | None = None,
                        archive_page_size: int | None = None, news_pages: int | None = None,
                        ) -> tuple[BuiltSite, list[str]]:
    """The minimal fixture with ARTICLES more articles, built; their slugs, newest first."""
    project = copy_project(factory.mktemp(name), content_from=MINIMAL)
    slugs = add_articles(project, ARTICLES, topic=topic)
    if archive_page_size is not None:
        set_archive_page_size(project, archive_page_size)
    if news_pages is not None:
        set_hub_setting(project, "news_pages", news_pages)
    built = build(project, factory.mktemp(f"{name}-site") / "site")
    assert built.result.returncode == 0, built.result.output
    return built, slugs


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, list[str]]:
    built, slugs = built_with_articles(tmp_path_factory, "paged")
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


# -- the archive: a year or a topic with more articles than a page holds ----------------------


def set_hub_setting(project: Path, name: str, value: int | str) -> None:
    config = project / "mkdocs.yml"
    text, count = re.subn(rf"(?m)^    {name}: .*$", f"    {name}: {value}", config.read_text(encoding="utf-8"))
    assert count == 1
    config.write_text(text, encoding="utf-8")


def set_archive_page_size(project: Path, size: int | str) -> None:
    set_hub_setting(project, "archive_page_size", size)


@pytest.fixture(scope="module")
def archive_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, list[str]]:
    return built_with_articles(tmp_path_factory, "archive", topic="sister-cities", archive_page_size=10)


@pytest.mark.parametrize("prefix", ["", "en/", "ja/"])
def test_a_year_and_a_topic_of_the_archive_are_paged(archive_site: tuple[BuiltSite, list[str]], prefix: str) -> None:
    site, newest_first = archive_site
    assert listed(site, prefix + "news/archive/2024/") == newest_first[:10]
    assert listed(site, prefix + "news/archive/2024/2/") == newest_first[10:20]
    assert listed(site, prefix + "news/archive/2024/3/") == newest_first[20:]
    assert not site.path(prefix + "news/archive/2024/4/").exists()
    # The fixture's own article (2025) is the newest of the topic.
    topic = ["first-article", *newest_first]
    assert listed(site, prefix + "news/topics/sister-cities/") == topic[:10]
    assert listed(site, prefix + "news/topics/sister-cities/3/") == topic[20:]
    # A year that fits on one page is the list alone, as before.
    assert listed(site, prefix + "news/archive/2025/") == ["first-article"]
    assert site.soup(prefix + "news/archive/2025/").select_one(".hub-pager") is None


def test_archive_pages_link_to_their_neighbours_and_say_where_they_are(
    archive_site: tuple[BuiltSite, list[str]],
) -> None:
    site, _ = archive_site
    first = site.soup("en/news/topics/sister-cities/")
    assert first.select_one(".hub-pager__older")["href"] == "/hub/en/news/topics/sister-cities/2/"
    assert first.select_one(".hub-pager__newer") is None
    assert "Page 1 of 3" in first.select_one(".hub-pager__position").get_text()
    assert first.select_one("h1").get_text(strip=True) == "Topic: Partner cities"
    middle = site.soup("en/news/archive/2024/2/")
    assert middle.select_one(".hub-pager__newer")["href"] == "/hub/en/news/archive/2024/"
    assert middle.select_one(".hub-pager__older")["href"] == "/hub/en/news/archive/2024/3/"
    assert middle.select_one("h1").get_text(strip=True) == "News from 2024 (page 2)"
    assert site.soup("news/archive/2024/3/").select_one("h1").get_text(strip=True) == "2024 年新闻（第 3 页）"
    japanese = site.soup("ja/news/topics/sister-cities/2/").select_one("h1").get_text(strip=True)
    assert japanese == "トピック：友好都市（2 ページ目）"


def test_further_archive_pages_share_the_news_section_s_card(archive_site: tuple[BuiltSite, list[str]]) -> None:
    site, _ = archive_site

    def card(path: str) -> str:
        return site.soup(path).select_one('meta[property="og:image"]')["content"]

    section = card("en/news/")
    assert card("en/news/page/2/") == section
    assert card("en/news/topics/sister-cities/2/") == section
    assert card("en/news/archive/2024/3/") == section
    assert card("en/news/topics/sister-cities/") != section  # page 1 keeps its own
    drawn = {path.relative_to(site.dir).as_posix() for path in (site.dir / "assets" / "cards").rglob("*.png")}
    assert not [path for path in drawn if "/topics/" in path and path.rsplit("/", 1)[-1][0].isdigit()], drawn
    assert not [path for path in drawn if "/archive/2024/" in path], drawn


def test_archive_pages_no_longer_needed_are_removed(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", content_from=MINIMAL)
    add_articles(project, 12, topic="sister-cities")
    set_archive_page_size(project, 5)
    first = build(project, tmp_path / "site")
    assert first.result.returncode == 0, first.result.output
    assert first.path("fr/news/topics/sister-cities/3/").exists()  # 13 articles, 5 a page
    set_archive_page_size(project, 10)
    second = build(project, tmp_path / "site")
    assert second.result.returncode == 0, second.result.output
    assert second.path("fr/news/topics/sister-cities/2/").exists()
    assert not second.path("fr/news/topics/sister-cities/3/").exists()
    assert not (project / "docs" / "fr" / "news" / "topics" / "sister-cities" / "3.md").exists()


@pytest.mark.parametrize("value", ["0", "fifty", "true"])
def test_a_page_size_that_is_not_a_count_is_refused_with_the_setting_named(tmp_path: Path, value: str) -> None:
    project = copy_project(tmp_path / "project", content_from=MINIMAL)
    set_archive_page_size(project, value)
    built = build(project, tmp_path / "site")
    assert built.result.returncode != 0
    shown = {"0": "0", "fifty": "'fifty'", "true": "True"}[value]
    assert f"extra.hub.archive_page_size in mkdocs.yml is {shown}; expected a whole number of articles a page" in (
        built.result.output)
    assert "Traceback" not in built.result.output


# -- the news listing stops after `news_pages` pages and goes on in the archive -----------------


@pytest.fixture(scope="module")
def capped_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, list[str]]:
    # 19 a page in the archive: the page an article is on depends on its exact position.
    built, slugs = built_with_articles(tmp_path_factory, "capped", archive_page_size=19, news_pages=2)
    return built, ["first-article", *slugs]


@pytest.mark.parametrize("prefix", ["", "en/", "fr/"])
def test_the_listing_stops_and_its_last_page_leads_on_into_the_archive(
    capped_site: tuple[BuiltSite, list[str]], prefix: str,
) -> None:
    site, newest_first = capped_site  # 24 articles: pages of 10 would be three
    assert listed(site, prefix + "news/") == newest_first[:10]
    assert listed(site, prefix + "news/page/2/") == newest_first[10:20]
    assert not site.path(prefix + "news/page/3/").exists()
    last = site.soup(prefix + "news/page/2/")
    older = last.select_one(".hub-pager__older")["href"]
    # The newest article left out (the 21st) is the 20th of 2024's, the first of its archive's
    # page 2; the link goes to its card, past any article the reader has just seen.
    assert older == f"/hub/{prefix}news/archive/2024/2/#news-{newest_first[20]}"
    page, card = older.removeprefix("/hub/").split("#")
    assert newest_first[20] in listed(site, page)
    assert site.soup(page).find(id=card).select_one(".hub-card__title a")["href"].endswith(f"/{newest_first[20]}/")
    assert last.select_one(".hub-pager__older").get("rel") is None  # not the listing's next page
    assert site.soup(prefix + "news/").select_one(".hub-pager__older")["href"] == f"/hub/{prefix}news/page/2/"


def test_the_capped_listing_counts_its_own_pages(capped_site: tuple[BuiltSite, list[str]]) -> None:
    site, _ = capped_site
    assert "Page 2 of 2" in site.soup("en/news/page/2/").select_one(".hub-pager__position").get_text()
    assert "Page 1 of 2" in site.soup("en/news/").select_one(".hub-pager__position").get_text()


def test_a_listing_that_holds_every_article_ends_without_an_older_link(
    paged_site: tuple[BuiltSite, list[str]],
) -> None:
    site, _ = paged_site
    assert site.soup("en/news/page/3/").select_one(".hub-pager__older") is None


def test_a_page_count_that_is_not_a_count_is_refused_with_the_setting_named(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", content_from=MINIMAL)
    set_hub_setting(project, "news_pages", "0")
    built = build(project, tmp_path / "site")
    assert built.result.returncode != 0
    assert "extra.hub.news_pages in mkdocs.yml is 0; expected a whole number of pages, like 20" in built.result.output
    assert "Traceback" not in built.result.output


# -- a partner city's page shows its newest news and leads to the rest -------------------------


def city_news(site: BuiltSite, path: str) -> list[str]:
    """The articles under a city page's "News" heading (its events and opportunities follow)."""
    links = site.soup(path).select("#news + .hub-cards .hub-card__title a")
    return [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in links]


@pytest.fixture(scope="module")
def city_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, list[str]]:
    project = copy_project(tmp_path_factory.mktemp("city"), content_from=MINIMAL)
    slugs = add_articles(project, ARTICLES, city="montpellier")
    set_hub_setting(project, "city_news", 3)
    set_archive_page_size(project, 10)
    built = build(project, tmp_path_factory.mktemp("city-site") / "site")
    assert built.result.returncode == 0, built.result.output
    return built, ["first-article", *slugs]  # the fixture's article concerns Montpellier too


@pytest.mark.parametrize("prefix", ["", "en/", "fr/"])
def test_a_city_page_shows_its_newest_news_and_links_to_all_of_them(
    city_site: tuple[BuiltSite, list[str]], prefix: str,
) -> None:
    site, newest_first = city_site
    page = site.soup(prefix + "cities/montpellier/")
    assert city_news(site, prefix + "cities/montpellier/") == newest_first[:3]
    more = page.select_one("#news ~ .hub-more a")
    assert more["href"] == f"/hub/{prefix}news/cities/montpellier/"
    assert "24" in more.get_text()
    assert listed(site, prefix + "news/cities/montpellier/") == newest_first[:10]
    assert listed(site, prefix + "news/cities/montpellier/2/") == newest_first[10:20]
    assert listed(site, prefix + "news/cities/montpellier/3/") == newest_first[20:]
    assert not site.path(prefix + "news/cities/montpellier/4/").exists()
    # Each page of the list leads back to the city's page.
    for page in ("", "2/", "3/"):
        back = site.soup(f"{prefix}news/cities/montpellier/{page}").select(".hub-more a")[-1]
        assert back["href"] == f"/hub/{prefix}cities/montpellier/"


def test_a_city_s_list_of_news_is_titled_and_offers_the_city_s_feed(city_site: tuple[BuiltSite, list[str]]) -> None:
    site, _ = city_site
    first = site.soup("en/news/cities/montpellier/")
    assert first.select_one("h1").get_text(strip=True).startswith("News about Montpellier")
    assert site.soup("news/cities/montpellier/2/").select_one("h1").get_text(strip=True).startswith(
        "蒙彼利埃相关新闻（第 2 页）")
    feeds = [link["href"] for link in first.find_all("link", rel="alternate", type="application/rss+xml")]
    assert feeds[0].endswith("/en/feeds/cities/montpellier.rss.xml")
    assert "/en/feeds/cities/montpellier.rss.xml" in first.select_one(".hub-subscribe").decode()
    # A list of other pages: not a search result of its own, and no social card of its own.
    assert first.select_one("[data-pagefind-body]") is None
    for path in ("en/news/cities/montpellier/", "en/news/cities/montpellier/3/"):
        card = site.soup(path).select_one('meta[property="og:image"]')["content"]
        assert card == site.soup("en/news/").select_one('meta[property="og:image"]')["content"]
    assert not list((site.dir / "assets" / "cards").rglob("*cities/montpellier/*"))


def test_a_city_with_few_news_shows_them_all_and_no_list(paged_site: tuple[BuiltSite, list[str]]) -> None:
    site, _ = paged_site
    page = site.soup("en/cities/montpellier/")
    assert city_news(site, "en/cities/montpellier/") == ["first-article"]
    assert "news/cities/" not in page.decode()
    assert not site.path("en/news/cities/montpellier/").exists()


def test_a_city_news_count_that_is_not_a_count_is_refused_with_the_setting_named(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", content_from=MINIMAL)
    set_hub_setting(project, "city_news", "none")
    built = build(project, tmp_path / "site")
    assert built.result.returncode != 0
    assert "extra.hub.city_news in mkdocs.yml is 'none'; expected a whole number of articles a page" in (
        built.result.output)
    assert "Traceback" not in built.result.output
