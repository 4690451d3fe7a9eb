"""The feeds of every language, written in this process over a handful of records and
articles (tests/hub_in_memory.py) and read back with feedparser and an XML parser, as a
subscriber's reader app reads them. Fast enough for mutation testing of hub.channels.feeds to run
for every mutant (scripts/mutants.py); tests/test_feeds.py checks the feeds of built sites."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest
from bs4 import BeautifulSoup
from hub.channels.feed_html import ArticleHtml, MarkdownOptions
from hub.channels.feeds import FeedItem, FeedWriter, ItemContent, distribute, language_items, page_key
from hub.kinds import RecordFeed, RecordKind
from hub.pages.generate import GeneratedPage
from hub.site.render import Renderer
from hub.site.subscriptions import Subscriptions
from hub.source.catalog import Article, Catalog, PageText
from hub.source.models import ArticleOriginal, Day, Localized, LocalizedShort, Strict
from hub_in_memory import (
    MINIMAL,
    catalog,
    hub_settings,
    mkdocs_config,
    photo_variants,
    record,
    renderer,
    scratch_dir,
)
from sitebuild import TEST_SITE_URL
from test_feeds import test_each_feed_keeps_its_newest_items_up_to_its_limit  # noqa: F401 (pure: run here too)

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
MEDIA = "{http://search.yahoo.com/mrss/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ID = "tag:chengdu-global-hub.github.io,2025"
PREFIX = {"zh": "", "en": "en/", "fr": "fr/", "ja": "ja/"}
FEEDS = ("all", "news", "opportunities", "events", "policies", "cities/montpellier")

# Besides the fixture's test-grant (published 1 April 2025, no French text, 2 million yuan,
# explained by test-policy) and test-event (10 May 2025 09:30 in Paris, not announced ahead).
OPPORTUNITIES = {
    # Announced the day first-article was published: articles come first on a tie.
    "french-offer": """\
title: {zh: 法语机会, en: French offer, fr: Offre en français}
summary: {zh: 摘要。, en: "Grants <b>up to</b> 2 & more", fr: "Des aides <b>jusqu'à</b> 2 & plus"}
details:
  zh: 见[资助](../test-grant/)。
  en: See [the grant](../test-grant/) and [how to apply](#apply).
issuer: {zh: 成都市, en: Chengdu}
sector: research-development
kind: grant
published: 2025-04-16
source: {zh: 来源, en: Source}
source_url: https://example.com/source
topics: [sister-cities, trade, unlisted-topic]
""",
    # The reverse: a French summary, the title not translated yet.
    "french-summary": """\
title: {zh: 法语摘要, en: French summary}
summary: {zh: 摘要。, en: Summary., fr: Résumé.}
issuer: {zh: 成都市, en: Chengdu}
sector: research-development
kind: incentive
published: 2025-03-20
source: {zh: 来源, en: Source}
""",
    # A French title but no French summary: the entry is still partly in English. Renamed
    # since it was first published: its first id names it. Announced the day spring-fair
    # was: the opportunity comes first (the order of the registry of kinds), whatever the ids.
    "half-french": """\
aliases: [opportunities/half-hearted/]
title: {zh: 半法语, en: Half French, fr: À moitié français}
summary: {zh: 摘要。, en: Only in English.}
issuer: {zh: 成都市, en: Chengdu}
sector: research-development
kind: incentive
published: 2025-04-02
source: {zh: 来源, en: Source}
image: {src: assets/images/harbour.jpg, alt: {zh: 港口, en: The harbour}}
""",
}
EVENTS = {
    # Announced on 2 April for June; renamed since (its first id names it).
    "spring-fair": """\
title: {zh: 春季博览会, en: Spring fair}
summary: {zh: 博览会摘要。, en: A fair., fr: Une foire.}
description:
  zh: 带上[资助](../../opportunities/test-grant/)。
  en: Bring [the grant](../../opportunities/test-grant/).
  fr: Apportez [la subvention](../../opportunities/test-grant/).
start: 2025-06-01
end: 2025-06-02
timezone: Asia/Tokyo
place: {zh: 东京, en: Tokyo}
organiser: {zh: 成都市, en: Chengdu City}
published: 2025-04-02
status: moved
cities: [montpellier]
aliases: [events/old-fair/]
""",
    # All day in Tokyo, not announced ahead: dated by its start there.
    "tokyo-day": """\
title: {zh: 东京日, en: Tokyo day, fr: Journée à Tokyo}
summary: {zh: 摘要。, en: A day in Tokyo.}
start: 2025-04-03
end: 2025-04-03
timezone: Asia/Tokyo
place: {zh: 东京, en: Tokyo}
""",
}
TIMED_PAGE = """<h1 id="timed-story">Timed story</h1>
<p class="hub-byline">18 April 2025</p>
<p>Whole text, see <a href="../../../policies/test-policy/">the policy</a>.</p>
<h2 id="part">Part</h2>"""
# The built pages of the articles held in memory (the fixture's are rendered from Markdown).
PAGES = {"timed-story": TIMED_PAGE, "same-day": "<p>Same day.</p>"}


def article(slug: str, date: str, texts: dict[str, tuple[str, str | None]], **facts):
    """An article held in memory, as the catalog makes it from docs/<lang>/news/2025/<slug>.md."""

    original = ArticleOriginal.model_validate({"title": texts["zh"][0], "summary": texts["zh"][1], "date": date,
                                               **facts})
    return Article("news", slug, f"news/2025/{slug}.md", original, {
        lang: PageText(lang, title, summary, f"docs/{lang}/news/2025/{slug}.md")
        for lang, (title, summary) in texts.items()})


def hub_catalog():
    loaded = catalog(events=EVENTS, opportunities=OPPORTUNITIES, topics="trade: {zh: 贸易, en: Trade}\n")
    loaded.news[:0] = [
        # At 15:30, corrected the next day; a city's feed has no summary to show for it.
        article("timed-story", "2025-04-18 15:30:00+08:00",
                {"zh": ("定时", "定时摘要。"), "en": ("Timed story", None)},
                updated="2025-04-19", cities=["montpellier"]),
        # Corrected on the day it was published, after it was: still dated 10:00.
        # Also in Japanese, after an article that is not.
        article("same-day", "2025-04-17 10:00:00+08:00",
                {"zh": ("当天", "当天摘要。"), "en": ("Same day", "Fixed."), "ja": ("当日", "修正。")},
                updated="2025-04-17", aliases=["news/2025/first-name/"]),
    ]
    # A name that must be escaped once more in an RSS channel's description.
    city = (MINIMAL / "data/cities/montpellier.yml").read_text(encoding="utf-8")
    city = city.replace("en: Montpellier,", 'en: "Montpellier <Occitanie> & Co",')
    loaded.cities["montpellier"] = record("cities", city)
    loaded.forget_index()
    return loaded


def write_feeds(lang: str, loaded: Catalog | None = None) -> dict[str, bytes]:
    """Every feed of `lang`, by path in the site ("en/feeds/all.atom.xml"), of `loaded`
    (by default hub_catalog())."""
    hub = renderer(loaded if loaded is not None else hub_catalog())
    hub.images.update(photo_variants("assets/images/harbour.jpg"))
    subscriptions = Subscriptions(hub.settings, hub.catalog, hub.ui)
    articles = ArticleHtml(hub.settings, MINIMAL / "docs", MarkdownOptions.from_config(mkdocs_config()))
    pages = {page_key(lang, f"news/2025/{slug}.md"): html for slug, html in PAGES.items()}
    writer = FeedWriter(hub, subscriptions, ItemContent(hub, articles, pages))
    buckets = distribute(subscriptions.feeds(lang), language_items(hub.catalog, hub, lang))
    with scratch_dir() as site:
        return {path.relative_to(site).as_posix(): path.read_bytes()
                for path in writer.write_language(site, lang, buckets)}


class Feeds(dict):
    """The feed files (by path in the site), each language's written when a test first asks
    for one of its files: inside the test, so that mutation testing knows which tests call
    the writer (a fixture shared by several tests counts for the first alone)."""

    def __missing__(self, path: str) -> bytes:
        first = path.split("/", 1)[0]
        written = write_feeds(first if first in PREFIX else "zh")
        assert path in written, f"{path} is not written: {sorted(written)[:3]}…"
        self.update(written)
        return written[path]


@pytest.fixture
def feeds() -> Feeds:
    return Feeds()


def parsed(feeds, path: str) -> feedparser.FeedParserDict:
    result = feedparser.parse(feeds[path])
    assert not result.bozo, f"{path}: {result.get('bozo_exception')}"
    return result


def entries(feeds, path: str) -> dict[str, feedparser.FeedParserDict]:
    return {entry.id: entry for entry in parsed(feeds, path).entries}


def atom_entries(feeds, path: str) -> dict[str, ET.Element]:
    return {entry.findtext(f"{ATOM}id"): entry for entry in ET.fromstring(feeds[path]).iter(f"{ATOM}entry")}


def rss_items(feeds, path: str) -> dict[str, ET.Element]:
    return {item.findtext("guid"): item for item in ET.fromstring(feeds[path]).iter("item")}


def links(html: BeautifulSoup) -> dict[str, str]:
    return {a.get_text(): a["href"] for a in html.find_all("a")}


def content_of(entry) -> BeautifulSoup:
    return BeautifulSoup(entry.content[0].value, "html.parser")


def test_every_feed_of_every_language_is_written_in_both_formats(feeds):
    for lang in PREFIX:
        feeds.update(write_feeds(lang))
    assert sorted(feeds) == sorted(f"{PREFIX[lang]}feeds/{name}.{fmt}.xml"
                                   for lang in PREFIX for name in FEEDS for fmt in ("atom", "rss"))
    for path in feeds:
        assert parsed(feeds, path).version == ("atom10" if ".atom." in path else "rss20"), path


@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_the_channel_names_its_language_its_page_and_its_publisher(feeds, fmt):
    path = f"fr/feeds/opportunities.{fmt}.xml"
    feed = parsed(feeds, path).feed
    assert feed.title == "Chengdu Global Hub : Opportunités"
    assert feed.language == "fr"
    assert feed.link == f"{TEST_SITE_URL}fr/opportunities/"
    assert [(link.href, link.type) for link in feed.links if link.rel == "self"] == [
        (TEST_SITE_URL + path, f"application/{fmt}+xml")]
    assert feed.generator == "python-feedgen"
    # Without feedgen's version: an upgrade of the library does not change every feed.
    assert b"version=" not in feeds[path].split(b"<generator", 1)[-1].split(b">", 1)[0]
    if fmt == "atom":
        assert feed.id == f"{ID}:fr/feeds/opportunities"
        assert [(link.href, link.type) for link in feed.links if link.rel == "alternate"] == [
            (f"{TEST_SITE_URL}fr/opportunities/", "text/html")]
        assert feed.author_detail.name == "Chengdu Global Hub"
        # Atom names its publisher and pictures with its own elements (<author>, rel="enclosure");
        # Dublin Core and Media RSS are what RSS needs for them, not repeated here.
        for path_ in (path, "fr/feeds/all.atom.xml"):
            assert b"http://purl.org/dc/" not in feeds[path_] and b"search.yahoo.com/mrss" not in feeds[path_]
        assert feed.author_detail.href == f"{TEST_SITE_URL}fr/"
    else:
        assert feed.publisher == "Chengdu Global Hub"


@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_a_city_name_reads_as_written_in_the_channel_description(feeds, fmt):
    """RSS readers take the channel <description> as HTML, Atom's <subtitle> is text."""
    feed = parsed(feeds, f"en/feeds/cities/montpellier.{fmt}.xml").feed
    assert feed.title == "Chengdu Global Hub: Montpellier <Occitanie> & Co"
    described = BeautifulSoup(feed.subtitle, "html.parser").get_text() if fmt == "rss" else feed.subtitle
    assert described == ("News, opportunities, events and policy explainers concerning "
                         "Montpellier <Occitanie> & Co, from Chengdu Global Hub.")


def test_entries_are_newest_first_then_articles_then_records_in_the_order_of_their_kinds(feeds):
    found = [entry.id for entry in parsed(feeds, "en/feeds/all.atom.xml").entries]
    assert found == [f"{ID}:en/{kind}/{key}" for kind, key in (
        ("event", "test-event"), ("news", "timed-story"), ("news", "first-name"), ("news", "first-article"),
        ("opportunity", "french-offer"), ("policy", "test-policy"), ("event", "tokyo-day"),
        ("opportunity", "half-hearted"), ("event", "old-fair"), ("opportunity", "test-grant"),
        ("opportunity", "french-summary"))]


def test_each_sections_feed_carries_the_items_of_its_section(feeds):
    def keys(name: str) -> list[str]:
        return [entry.id.split(":en/", 1)[1] for entry in parsed(feeds, f"en/feeds/{name}.atom.xml").entries]

    assert keys("news") == ["news/timed-story", "news/first-name", "news/first-article"]
    assert keys("policies") == ["policy/test-policy"]
    assert keys("opportunities") == ["opportunity/french-offer", "opportunity/half-hearted",
                                     "opportunity/test-grant", "opportunity/french-summary"]
    assert keys("events") == ["event/test-event", "event/tokyo-day", "event/old-fair"]


@pytest.mark.parametrize(("key", "published", "updated"), [
    ("news/first-article", "2025-04-16T00:00:00+08:00", "2025-04-16T00:00:00+08:00"),
    ("news/timed-story", "2025-04-18T15:30:00+08:00", "2025-04-19T00:00:00+08:00"),
    ("news/first-name", "2025-04-17T10:00:00+08:00", "2025-04-17T10:00:00+08:00"),
    ("opportunity/test-grant", "2025-04-01T00:00:00+08:00", "2025-04-01T00:00:00+08:00"),
    ("event/test-event", "2025-05-10T09:30:00+02:00", "2025-05-10T09:30:00+02:00"),
    ("event/old-fair", "2025-04-02T00:00:00+08:00", "2025-04-02T00:00:00+08:00"),
    ("event/tokyo-day", "2025-04-03T00:00:00+09:00", "2025-04-03T00:00:00+09:00"),
])
def test_each_kind_of_item_is_dated_as_the_module_says(feeds, key, published, updated):
    entry = atom_entries(feeds, "en/feeds/all.atom.xml")[f"{ID}:en/{key}"]
    assert entry.findtext(f"{ATOM}published") == published
    assert entry.findtext(f"{ATOM}updated") == updated
    item = rss_items(feeds, "en/feeds/all.rss.xml")[f"{ID}:en/{key}"]
    assert parsedate_to_datetime(item.findtext("pubDate")) == datetime.fromisoformat(published)


def test_the_channel_is_dated_by_its_newest_item_or_else_by_the_build(feeds):
    atom = ET.fromstring(feeds["en/feeds/news.atom.xml"])
    assert atom.findtext(f"{ATOM}updated") == "2025-04-19T00:00:00+08:00"
    rss = ET.fromstring(feeds["en/feeds/news.rss.xml"]).find("channel")
    assert parsedate_to_datetime(rss.findtext("lastBuildDate")) == datetime.fromisoformat("2025-04-19T00:00:00+08:00")
    # No article is written in French: the moment of the build (sitebuild.BUILD_DATE, noon).
    empty = ET.fromstring(feeds["fr/feeds/news.atom.xml"])
    assert empty.findall(f"{ATOM}entry") == []
    assert empty.findtext(f"{ATOM}updated") == "2025-04-20T12:00:00+08:00"


@pytest.mark.parametrize("lang", ["zh", "en", "fr", "ja"])
def test_articles_only_in_their_languages_and_records_in_every_language(feeds, lang):
    written = {"zh": {"first-article", "timed-story", "first-name", "test-policy"},
               "en": {"first-article", "timed-story", "first-name", "test-policy"},
               "ja": {"first-name"}}.get(lang, set())
    found = {entry_id.rsplit("/", 1)[1] for entry_id in entries(feeds, f"{PREFIX[lang]}feeds/all.atom.xml")}
    assert found == written | {"french-offer", "french-summary", "half-hearted", "test-grant", "test-event",
                               "old-fair", "tokyo-day"}


def test_an_entry_names_the_language_its_text_is_in_when_it_is_not_the_feeds(feeds):
    atom = atom_entries(feeds, "fr/feeds/opportunities.atom.xml")
    rss = rss_items(feeds, "fr/feeds/opportunities.rss.xml")
    notice = "Cette entrée n'est pas encore traduite en français ; elle est en anglais."
    for key, text_lang in (("test-grant", "en"), ("half-hearted", "en"), ("french-offer", None)):
        entry_id = f"{ID}:fr/opportunity/{key}"
        assert atom[entry_id].get(XML_LANG) == text_lang, key
        assert rss[entry_id].findtext(f"{DC}language") == text_lang, key
        for html in (atom[entry_id].findtext(f"{ATOM}content"),
                     rss[entry_id].findtext("{http://purl.org/rss/1.0/modules/content/}encoded")):
            first = BeautifulSoup(html, "html.parser").find("p")
            if text_lang:
                assert first.get("lang") == "fr" and first.get_text() == notice, key
            else:
                assert notice not in html, key
    # The feed's own language is on <feed>; none of the Chinese feed's entries is marked.
    assert all(entry.get(XML_LANG) is None for entry in atom_entries(feeds, "feeds/all.atom.xml").values())
    assert "pas encore traduite" not in feeds["feeds/all.atom.xml"].decode()


@pytest.mark.parametrize(("kind", "key", "title", "summary", "text_lang"), [
    ("event", "test-event", "Test event", "A test event.", "en"),
    ("event", "tokyo-day", "Journée à Tokyo", "A day in Tokyo.", "en"),
    ("event", "old-fair", "Spring fair", "Une foire.", "en"),
    ("opportunity", "french-summary", "French summary", "Résumé.", "en"),
    ("opportunity", "french-offer", "Offre en français", "Des aides <b>jusqu'à</b> 2 & plus", None),
])
def test_records_fall_back_text_by_text_and_say_so(feeds, kind, key, title, summary, text_lang):
    """fr falls back to en, then zh; an entry with any text not in French is marked."""
    entry_id = f"{ID}:fr/{kind}/{key}"
    entry = entries(feeds, "fr/feeds/all.atom.xml")[entry_id]
    assert entry.title == title
    assert BeautifulSoup(entry.summary, "html.parser").get_text() == summary
    assert atom_entries(feeds, "fr/feeds/all.atom.xml")[entry_id].get(XML_LANG) == text_lang
    assert rss_items(feeds, "fr/feeds/all.rss.xml")[entry_id].findtext(f"{DC}language") == text_lang


@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_titles_and_summaries_read_as_written(feeds, fmt):
    """A summary is plain text: `<b>` in it reads as written and nothing in it can run."""
    entry = entries(feeds, f"fr/feeds/opportunities.{fmt}.xml")[f"{ID}:fr/opportunity/french-offer"]
    assert entry.title == "Offre en français"
    assert BeautifulSoup(entry.summary, "html.parser").get_text() == "Des aides <b>jusqu'à</b> 2 & plus"
    # Both are HTML (the summary escaped once more): a reader that took them for text would
    # show the markup.
    assert entry.summary_detail.type == "text/html" and entry.content[0].type == "text/html"


def test_entries_link_their_page_and_carry_the_hub_as_author(feeds):
    for path in ("ja/feeds/all.atom.xml", "ja/feeds/all.rss.xml"):
        for entry in parsed(feeds, path).entries:
            assert entry.link.startswith(f"{TEST_SITE_URL}ja/") and entry.link.endswith("/"), path
            assert entry.author == "成都グローバルハブ", path
        by_id = entries(feeds, path)
        assert by_id[f"{ID}:ja/event/old-fair"].link == f"{TEST_SITE_URL}ja/events/spring-fair/"
    renamed = entries(feeds, "en/feeds/all.atom.xml")[f"{ID}:en/news/first-name"]
    assert renamed.link == f"{TEST_SITE_URL}en/news/2025/same-day/"
    atom = atom_entries(feeds, "ja/feeds/all.atom.xml")[f"{ID}:ja/opportunity/test-grant"]
    assert atom.findtext(f"{ATOM}author/{ATOM}uri") == f"{TEST_SITE_URL}ja/"
    rss = rss_items(feeds, "ja/feeds/all.rss.xml")[f"{ID}:ja/opportunity/test-grant"]
    assert rss.findtext(f"{DC}creator") == "成都グローバルハブ"


def test_topics_are_categories_with_their_label_in_the_language(feeds):
    entry = entries(feeds, "fr/feeds/all.atom.xml")[f"{ID}:fr/opportunity/french-offer"]
    # "trade" has no French name yet: its English one.
    assert [(tag.term, tag.label) for tag in entry.tags] == [
        ("sister-cities", "Villes partenaires"), ("trade", "Trade"), ("unlisted-topic", "unlisted-topic")]
    assert "tags" not in entries(feeds, "fr/feeds/all.atom.xml")[f"{ID}:fr/event/tokyo-day"]


def test_a_city_feed_carries_articles_as_summaries_and_records_whole(feeds):
    city = entries(feeds, "feeds/cities/montpellier.atom.xml")
    whole = entries(feeds, "feeds/all.atom.xml")
    page = f"{TEST_SITE_URL}news/2025/timed-story/"
    teaser = content_of(city[f"{ID}:zh/news/timed-story"])
    assert [p.get_text() for p in teaser.find_all("p")] == ["定时摘要。", "在网站上阅读"]
    assert [a["href"] for a in teaser.find_all("a")] == [page]
    assert content_of(whole[f"{ID}:zh/news/timed-story"]).find("h2").get_text() == "Part"
    # In English it has no summary: the link alone.
    english = content_of(entries(feeds, "en/feeds/cities/montpellier.atom.xml")[f"{ID}:en/news/timed-story"])
    assert [(a["href"], a.get_text()) for a in english.find_all("a")] == [
        (f"{TEST_SITE_URL}en/news/2025/timed-story/", "Read on the site")]
    assert len(english.find_all("p")) == 1
    # Records stay whole in a city's feed.
    for key in ("event/old-fair", "opportunity/test-grant", "event/test-event"):
        assert city[f"{ID}:zh/{key}"].content[0].value == whole[f"{ID}:zh/{key}"].content[0].value, key


def test_a_teaser_escapes_the_summary(feeds):
    """Summaries are plain text: in the teaser's HTML they read as written."""

    hub = renderer()
    first = hub.catalog.article("news/2025/first-article.md")
    item = FeedItem("news", "first-article", "en", "t", "Tom & <Jerry>", first.url_path,
                    datetime(2025, 4, 16), datetime(2025, 4, 16), (), (), first)
    html = ItemContent(hub, None).teaser(item)  # type: ignore[arg-type]
    assert [p.get_text() for p in BeautifulSoup(html, "html.parser").find_all("p")] == ["Tom & <Jerry>",
                                                                                        "Read on the site"]


def test_whole_articles_come_from_their_page_or_from_their_markdown(feeds):
    by_id = entries(feeds, "en/feeds/news.atom.xml")
    built = content_of(by_id[f"{ID}:en/news/timed-story"])
    assert built.find("h1") is None and built.select(".hub-byline") == []
    assert [a["href"] for a in built.find_all("a")] == [f"{TEST_SITE_URL}en/policies/test-policy/"]
    rendered = content_of(by_id[f"{ID}:en/news/first-article"])
    assert rendered.find("p").get_text() == "First paragraph."
    assert [a["href"] for a in rendered.find_all("a")] == [f"{TEST_SITE_URL}en/policies/test-policy/"]


def test_an_opportunity_entry_gives_its_facts_with_absolute_links(feeds):
    grant = content_of(entries(feeds, "en/feeds/all.atom.xml")[f"{ID}:en/opportunity/test-grant"])
    facts = [li.get_text() for li in grant.find_all("li")]
    assert facts == ["Issuer: Chengdu", "Sector: Research and development", "Amount: CN¥2 million, one-off",
                     "Deadline: May 1, 2025"]
    links = {a.get_text(): a["href"] for a in grant.find_all("a")}
    assert links["Test policy explainer"] == f"{TEST_SITE_URL}en/policies/test-policy/"
    assert links["Read on the site"] == f"{TEST_SITE_URL}en/opportunities/test-grant/"
    zh = content_of(entries(feeds, "feeds/all.atom.xml")[f"{ID}:zh/opportunity/test-grant"])
    assert "测试政策解读" in [a.get_text() for a in zh.find_all("a")]
    assert "发布方: 成都市" in [li.get_text() for li in zh.find_all("li")]
    offer = content_of(entries(feeds, "en/feeds/all.atom.xml")[f"{ID}:en/opportunity/french-offer"])
    links = {a.get_text(): a["href"] for a in offer.find_all("a")}
    # Relative to the record's page, as on the page.
    assert links["the grant"] == f"{TEST_SITE_URL}en/opportunities/test-grant/"
    assert links["how to apply"] == f"{TEST_SITE_URL}en/opportunities/french-offer/#apply"
    assert links["Source"] == "https://example.com/source"
    assert "Amount" not in offer.get_text()


def test_an_opportunity_entry_falls_back_to_english_where_french_is_missing(feeds):
    offer = content_of(entries(feeds, "fr/feeds/all.atom.xml")[f"{ID}:fr/opportunity/french-offer"])
    assert "Secteur: Research and development" in [li.get_text() for li in offer.find_all("li")]
    assert links(offer)["the grant"] == f"{TEST_SITE_URL}fr/opportunities/test-grant/"


def test_an_event_entry_links_its_calendar_file_and_its_page(feeds):
    fair = content_of(entries(feeds, "fr/feeds/events.atom.xml")[f"{ID}:fr/event/old-fair"])
    links = {a.get_text(): a["href"] for a in fair.find_all("a")}
    assert links["la subvention"] == f"{TEST_SITE_URL}fr/opportunities/test-grant/"
    assert links["Ajouter à l'agenda"] == f"{TEST_SITE_URL}fr/calendars/events/spring-fair.ics"
    assert links["Lire sur le site"] == f"{TEST_SITE_URL}fr/events/spring-fair/"
    assert [li.get_text() for li in fair.find_all("li")] == [
        "Date: 1–2 juin 2025 (Asia/Tokyo)", "Lieu: Tokyo", "Organisateur: Chengdu City"]
    assert fair.find("strong").get_text() == "Cet événement a été déplacé. La date et le lieu indiqués ici sont à jour."


@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_a_lead_image_is_enclosed_once_as_a_picture_of_a_column(feeds, fmt):
    """The 960-pixel JPEG: an enclosure (Atom rel="enclosure" with its type and length, which
    feedgen leaves out), and media:content in RSS."""
    url = f"{TEST_SITE_URL}assets/images/harbour-960.jpg"
    for lang in ("en", "fr"):
        path = f"{PREFIX[lang]}feeds/opportunities.{fmt}.xml"
        entry = entries(feeds, path)[f"{ID}:{lang}/opportunity/half-hearted"]
        assert [(link.href, link.type, link.length) for link in entry.links if link.rel == "enclosure"] == [
            (url, "image/jpeg", "19200")], path
        assert [link.href for link in entry.links if link.rel == "alternate"] == [
            f"{TEST_SITE_URL}{PREFIX[lang]}opportunities/half-french/"], path
        if fmt == "rss":
            [media] = rss_items(feeds, path)[f"{ID}:{lang}/opportunity/half-hearted"].findall(f"{MEDIA}content")
            assert media.attrib == {"url": url, "fileSize": "19200", "type": "image/jpeg", "medium": "image",
                                    "width": "960", "height": "480"}
        others = [e for key, e in entries(feeds, path).items() if not key.endswith("/half-hearted")]
        assert all(link.rel != "enclosure" for e in others for link in e.links), path


class Notice(Strict):
    """A kind of record a site adds (hub.kinds) whose records name no topic and no city."""

    title: LocalizedShort
    summary: Localized
    posted: Day


def _no_pages(renderer: Renderer, lang: str) -> Iterator[GeneratedPage]:
    return iter(())


def _notice_html(renderer: Renderer, notice_id: str, notice: Notice, lang: str, values: dict) -> str:
    return f'<p>{values["pick"](notice.summary)} <a href="../">All notices</a></p>'


NOTICES = RecordKind(
    name="notice", folder="notices", model=Notice, label="notice", plural="notices",
    schema_description="A notice: data/notices/<id>.yml", pages=_no_pages, references=(),
    feed=RecordFeed(announced=lambda notice, zone: datetime.combine(notice.posted, datetime.min.time(), zone),
                    html=_notice_html),
)


def test_a_sites_own_kind_without_topics_or_cities_enters_the_feed_of_everything():
    loaded = hub_catalog()
    loaded.kinds = (*loaded.kinds, NOTICES)
    loaded.records["notices"] = {"road-works": Notice.model_validate(
        {"title": {"zh": "道路施工", "en": "Road works"}, "summary": {"zh": "施工。", "en": "Works on the road."},
         "posted": "2025-04-18"}, context=hub_settings().text_languages.context())}
    written = Feeds(write_feeds("en", loaded))
    entry = entries(written, "en/feeds/all.atom.xml")[f"{ID}:en/notice/road-works"]
    assert entry.title == "Road works"
    assert entry.link == f"{TEST_SITE_URL}en/notices/road-works/"
    assert datetime.fromisoformat(entry.published) == datetime(2025, 4, 18, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert "tags" not in entry
    assert links(content_of(entry)) == {"All notices": f"{TEST_SITE_URL}en/notices/"}
    # In no section's feed and no city's: it names none.
    for path in written:
        if "/all." not in path:
            assert b"/notice/" not in written[path], path


def test_two_writes_of_the_same_content_give_the_same_bytes():
    assert write_feeds("en") == write_feeds("en")
