"""What an article page shows around its text, on a fixture site built once: the time of
publication in the hub's time zone, "Updated", the reading time counted per script, the
topics, cities and events as links (and the event's page linking back), up to three
related articles, the copy-link holder; and what the feeds make of the time and `updated`.
"""

from __future__ import annotations

from datetime import UTC, datetime

import feedparser
import pytest
from bs4 import Tag
from hub.source.reading import ReadingUnits, reading_units
from sitebuild import MINIMAL, BuiltSite, build, copy_project

NEWS = "docs/{lang}/news/2025/{slug}.md"
# slug -> zh front matter lines (after title and summary), zh body
ORIGINALS = {
    # 900 Chinese characters: 2 minutes at 450 a minute.
    "timed-report": ("date: 2025-04-18T02:30:00Z\nupdated: 2025-04-20\ntopics: [sister-cities]\n"
                     "events: [test-event]", "成都" * 450),
    "montpellier-a": ("date: 2025-04-10\ncities: [montpellier]", "蒙彼利埃。"),
    "montpellier-b": ("date: 2025-04-12\ncities: [montpellier]", "蒙彼利埃。"),
    "unrelated": ("date: 2025-04-19", "无关。"),
}
# 440 English words (2 minutes at 220 a minute), 100 French ones (1 minute).
TRANSLATIONS = {"en": " ".join(["word"] * 440), "fr": " ".join(["mot"] * 100)}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = copy_project(tmp_path_factory.mktemp("articles") / "project", content_from=MINIMAL)
    for slug, (front, body) in ORIGINALS.items():
        path = root / NEWS.format(lang="zh", slug=slug)
        path.write_text(f"---\ntitle: {slug}\nsummary: 摘要。\n{front}\n---\n\n{body}\n", encoding="utf-8")
    for lang, body in TRANSLATIONS.items():
        path = root / NEWS.format(lang=lang, slug="timed-report")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: Timed report {lang}\nsummary: A summary.\n---\n\n{body}\n", encoding="utf-8")
    built = build(root, tmp_path_factory.mktemp("articles-site") / "site")
    assert built.result.returncode == 0, built.result.output
    return built


def article(site: BuiltSite, url_path: str) -> Tag:
    node = site.soup(url_path).select_one("article.md-content__inner")
    assert node is not None, url_path
    return node


def words(node: Tag | None) -> str:
    assert node is not None
    return " ".join(node.get_text(" ", strip=True).split())


def test_time_is_shown_in_the_hub_time_zone(site: BuiltSite) -> None:
    expected = {
        "en/": "April 18, 2025, 10:30 (Asia/Shanghai, UTC+08:00)",
        "fr/": "18 avril 2025 à 10:30 (Asia/Shanghai, UTC+08:00)",
        "": "2025年4月18日 10:30（Asia/Shanghai，UTC+08:00）",
    }
    for prefix, text in expected.items():
        time = article(site, prefix + "news/2025/timed-report/").select_one("time.hub-published")
        assert words(time) == text
        assert time["datetime"] == "2025-04-18T10:30+08:00"
    # A day alone stays a day.
    day = article(site, "en/news/2025/first-article/").select_one("time.hub-published")
    assert (words(day), day["datetime"]) == ("April 16, 2025", "2025-04-16")


def test_updated_is_shown_when_set(site: BuiltSite) -> None:
    updated = article(site, "en/news/2025/timed-report/").select_one(".hub-updated")
    assert words(updated) == "Updated April 20, 2025"
    assert updated.select_one("time")["datetime"] == "2025-04-20"
    assert article(site, "en/news/2025/first-article/").select_one(".hub-updated") is None


def test_reading_time_is_counted_per_script(site: BuiltSite) -> None:
    expected = {"": "阅读约需 2 分钟", "en/": "2 min read", "fr/": "1 min de lecture"}
    for prefix, text in expected.items():
        assert words(article(site, prefix + "news/2025/timed-report/").select_one(".hub-reading-time")) == text


def test_reading_units_and_rates() -> None:
    assert reading_units("成都国际友城，与蒙彼利埃 2025", "zh") == ReadingUnits(11, 0)
    assert reading_units("にほんご 日本語", "ja") == ReadingUnits(7, 0)
    assert reading_units("L'été à Montpellier,\n\nen 2025.", "fr") == ReadingUnits(0, 5)
    assert ReadingUnits(450, 0).minutes == 1
    assert ReadingUnits(451, 0).minutes == 2
    assert ReadingUnits(0, 220).minutes == 1
    assert ReadingUnits(0, 221).minutes == 2
    assert ReadingUnits(0, 0).minutes == 1


def test_topics_cities_and_events_are_links(site: BuiltSite) -> None:
    filed = article(site, "en/news/2025/first-article/").select_one(".hub-filed")
    links = {a.get_text(strip=True): a["href"] for a in filed.select("a")}
    assert links == {
        "Partner cities": "/hub/en/news/topics/sister-cities/",
        "Montpellier": "/hub/en/cities/montpellier/",
    }
    events = article(site, "en/news/2025/timed-report/").select_one(".hub-article-events")
    assert [(a.get_text(strip=True), a["href"]) for a in events.select("a")] == [
        ("Test event", "/hub/en/events/test-event/")
    ]


def test_the_story_comes_before_what_it_is_filed_under(site: BuiltSite) -> None:
    """On a phone the first screen under the title holds the date and the story: topics,
    cities and events follow the text, before the related articles."""
    page = article(site, "en/news/2025/timed-report/")
    byline, filed, related = (page.select_one(s) for s in (".hub-byline", ".hub-filed", ".hub-related"))
    assert byline.select("a.hub-tag") == [] and byline.find_next_sibling("p") is not None
    text = byline.find_next_sibling("p")
    assert filed in text.find_all_next("div") and related in filed.find_all_next("section")
    assert [a.get_text(strip=True) for a in filed.select(".hub-article-events a")] == ["Test event"]


def test_event_page_links_the_articles_about_it(site: BuiltSite) -> None:
    for prefix in ("", "en/", "fr/", "ja/"):
        section = article(site, prefix + "events/test-event/").select_one(".hub-event-articles")
        assert section is not None, prefix
        hrefs = [a["href"] for a in section.select(".hub-card__title a")]
        assert hrefs == [f"/hub/{prefix}news/2025/timed-report/"]


def related(site: BuiltSite, slug: str) -> list[str] | None:
    section = article(site, f"en/news/2025/{slug}/").select_one(".hub-related")
    if section is None:
        return None
    return [a["href"].rstrip("/").rsplit("/", 1)[1] for a in section.select(".hub-card__title a")]


def test_up_to_three_related_articles_newest_first(site: BuiltSite) -> None:
    # first-article shares its topic with timed-report and its city with both Montpellier
    # articles; "unrelated" is newer than all of them and shares nothing.
    assert related(site, "first-article") == ["timed-report", "montpellier-b", "montpellier-a"]
    assert related(site, "timed-report") == ["first-article"]
    assert related(site, "montpellier-a") == ["first-article", "montpellier-b"]
    assert related(site, "unrelated") is None


def test_copy_link_holder_names_the_page(site: BuiltSite) -> None:
    holder = article(site, "fr/news/2025/timed-report/").select_one(".hub-byline .hub-copy-slot")
    assert holder["data-hub-copy"] == "https://example.org/hub/fr/news/2025/timed-report/"
    assert (holder["data-hub-copy-label"], holder["data-hub-copy-name"], holder["data-hub-copied"]) == (
        "Copier le lien", "Copier le lien", "Lien copié")
    assert holder.find("button") is None  # the script adds it where the browser runs it


def test_feeds_use_the_time_and_updated(site: BuiltSite) -> None:
    feed = feedparser.parse(site.path("en/feeds/news.atom.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link.endswith("/news/2025/timed-report/"))
    published = datetime(*entry.published_parsed[:6], tzinfo=UTC)
    assert published == datetime(2025, 4, 18, 2, 30, tzinfo=UTC)
    # updated: 20 April, midnight in Chengdu
    assert datetime(*entry.updated_parsed[:6], tzinfo=UTC) == datetime(2025, 4, 19, 16, 0, tzinfo=UTC)
    other = next(e for e in feed.entries if e.link.endswith("/news/2025/first-article/"))
    assert other.published == other.updated


def test_a_fallback_entry_says_its_language(site: BuiltSite) -> None:
    """The fixture's records have zh and en only: in the French feeds they are in English."""
    atom = feedparser.parse(site.path("fr/feeds/opportunities.atom.xml").read_bytes())
    rss = feedparser.parse(site.path("fr/feeds/opportunities.rss.xml").read_bytes())
    assert atom.feed.language == "fr" and rss.feed.language == "fr"
    [grant] = atom.entries
    assert grant.title_detail.language == "en" and grant.content[0].language == "en"
    assert "Cette entrée n'est pas encore traduite en français ; elle est en anglais." in grant.content[0].value
    [item] = rss.entries
    assert item.language == "en"
    # An article written in French is French: no marking.
    news = feedparser.parse(site.path("fr/feeds/news.atom.xml").read_bytes())
    [french] = [e for e in news.entries if e.link.endswith("/timed-report/")]
    assert french.title_detail.language == "fr"
    assert "pas encore traduite" not in french.content[0].value
    english = feedparser.parse(site.path("en/feeds/opportunities.atom.xml").read_bytes())
    assert english.entries[0].title_detail.language == "en"
    assert "not been translated" not in english.entries[0].content[0].value

