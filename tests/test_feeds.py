"""RSS and Atom feeds, the OPML files, the Feeds page and the feeds each page announces, as
a subscriber's reader app and a browser see them in the built site."""

from __future__ import annotations

import re
import socket
import subprocess
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen
from zoneinfo import ZoneInfo

import feedparser
import pytest
from bs4 import BeautifulSoup
from hub.channels.feed_html import ArticleHtml, MarkdownOptions
from hub.channels.feeds import FeedItem, distribute
from hub.site.subscriptions import Feed
from hub.source.settings import HubSettings
from ical.calendar_stream import IcsCalendarStream
from mkdocs.config import load_config
from sitebuild import MKDOCS, ROOT, TEST_SITE_URL, BuiltSite, build, copy_project, hub_env

LANGS = ("zh", "en", "fr", "ja")
PREFIX = {"zh": "", "en": "en/", "fr": "fr/", "ja": "ja/"}
SECTIONS = ("all", "news", "opportunities", "events", "policies")
SECTION_PAGES = {"all": "", "news": "news/", "opportunities": "opportunities/", "events": "events/",
                 "policies": "policies/"}
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")
FEED_LIMIT = 50
CITY_FEED_LIMIT = 20
ID_DOMAIN = "chengdu-global-hub.github.io"


def record_ids(kind: str) -> list[str]:
    return sorted(path.stem for path in (ROOT / "data" / kind).glob("*.yml"))


def expected_feed_names() -> list[str]:
    return [*SECTIONS, *(f"cities/{city}" for city in record_ids("cities"))]


def feed_files(site: BuiltSite, lang: str) -> list[str]:
    """Every feed file of `lang` in the built site, as paths inside the site."""
    root = site.dir / PREFIX[lang] / "feeds"
    return sorted(p.relative_to(site.dir).as_posix() for p in root.rglob("*.xml"))


def all_feed_files(site: BuiltSite) -> list[str]:
    return [path for lang in LANGS for path in feed_files(site, lang)]


def url_to_path(url: str) -> str:
    """The path inside the site of one of its absolute URLs."""
    assert url.startswith(TEST_SITE_URL), url
    return urlsplit(url).path.removeprefix(urlsplit(TEST_SITE_URL).path)


def served(site: BuiltSite, url: str) -> bool:
    return site.path(url_to_path(url.split("#")[0])).is_file()


def atom_root(site: BuiltSite, path: str) -> ET.Element:
    return ET.fromstring(site.path(path).read_bytes())


def titles_of(lang: str, kind: str) -> dict[str, str]:
    """Titles of the articles written in `lang` (kind: news or policies), by slug."""
    folder = ROOT / "docs" / lang / kind
    pattern = "[0-9][0-9][0-9][0-9]/*.md" if kind == "news" else "*.md"
    titles = {}
    for path in folder.glob(pattern):
        if path.name == "index.md" or path.read_text(encoding="utf-8").startswith("---\nhub_generated: true"):
            continue
        match = re.search(r"^title:\s*(.+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
        assert match, path
        titles[path.stem] = match.group(1).strip().strip('"')
    return titles


# -- files and parsing -------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_feed_of_every_language_is_written(site: BuiltSite, lang: str):
    expected = sorted(
        f"{PREFIX[lang]}feeds/{name}.{fmt}.xml" for name in expected_feed_names() for fmt in ("rss", "atom")
    )
    assert feed_files(site, lang) == expected


def test_every_feed_parses_without_errors(site: BuiltSite):
    files = all_feed_files(site)
    assert len(files) == len(LANGS) * len(expected_feed_names()) * 2
    for path in files:
        parsed = feedparser.parse(site.path(path).read_bytes())
        assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
        assert parsed.version == ("atom10" if path.endswith(".atom.xml") else "rss20"), path


def test_atom_feeds_have_what_rfc_4287_requires(site: BuiltSite):
    checked = Counter()
    for path in all_feed_files(site):
        if not path.endswith(".atom.xml"):
            continue
        feed = atom_root(site, path)
        assert feed.findtext(f"{ATOM}id", "").startswith(f"tag:{ID_DOMAIN},"), path
        assert feed.findtext(f"{ATOM}title", "").strip(), path
        assert RFC3339.match(feed.findtext(f"{ATOM}updated", "")), path
        self_links = [link.get("href") for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
        assert self_links == [TEST_SITE_URL + path], path
        assert feed.find(f"{ATOM}author/{ATOM}name") is not None, path
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) <= (CITY_FEED_LIMIT if "/cities/" in path else FEED_LIMIT)
        ids = [entry.findtext(f"{ATOM}id") for entry in entries]
        assert len(set(ids)) == len(ids), f"{path}: duplicate entry ids"
        checked["feeds"] += 1
        for entry in entries:
            checked["entries"] += 1
            where = f"{path} {entry.findtext(f'{ATOM}id')}"
            assert entry.findtext(f"{ATOM}id", "").startswith(f"tag:{ID_DOMAIN},"), where
            assert entry.findtext(f"{ATOM}title", "").strip(), where
            assert RFC3339.match(entry.findtext(f"{ATOM}updated", "")), where
            assert RFC3339.match(entry.findtext(f"{ATOM}published", "")), where
            assert entry.findtext(f"{ATOM}author/{ATOM}name", "").strip(), where
            assert entry.find(f"{ATOM}link").get("href", "").startswith(TEST_SITE_URL), where
            assert entry.find(f"{ATOM}content").get("type") == "html", where
            assert entry.findtext(f"{ATOM}summary", "").strip(), where
    # Every feed of every language was looked at, and the entries of many of them.
    assert checked["feeds"] == len(expected_feed_names()) * len(LANGS) and checked["entries"] > 50, checked


def test_rss_feeds_have_what_rss_2_requires(site: BuiltSite):
    checked = Counter()
    for path in all_feed_files(site):
        if not path.endswith(".rss.xml"):
            continue
        channel = ET.fromstring(site.path(path).read_bytes()).find("channel")
        assert channel is not None, path
        for name in ("title", "link", "description", "language", "lastBuildDate"):
            assert (channel.findtext(name) or "").strip(), f"{path}: channel {name}"
        self_link = channel.find(f"{ATOM}link")
        assert self_link is not None and self_link.get("href") == TEST_SITE_URL + path, path
        checked["feeds"] += 1
        for item in channel.findall("item"):
            checked["items"] += 1
            guid = item.find("guid")
            assert guid is not None and guid.get("isPermaLink") == "false", path
            assert guid.text.startswith(f"tag:{ID_DOMAIN},"), path
            for name in ("title", "link", "description", "pubDate"):
                assert (item.findtext(name) or "").strip(), f"{path} {guid.text}: {name}"
            assert item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded"), path
            assert item.findtext("{http://purl.org/dc/elements/1.1/}creator"), path
    assert checked["feeds"] == len(expected_feed_names()) * len(LANGS) and checked["items"] > 50, checked


# -- what the feeds say ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_channel_links_to_its_section_page_and_feed_titles_are_in_the_language(site: BuiltSite, lang: str):
    titles = {}
    for name in expected_feed_names():
        parsed = feedparser.parse(site.path(f"{PREFIX[lang]}feeds/{name}.rss.xml").read_bytes())
        page = SECTION_PAGES[name] if name in SECTION_PAGES else name + "/"
        assert parsed.feed.link == TEST_SITE_URL + PREFIX[lang] + page
        assert parsed.feed.language == lang
        titles[name] = parsed.feed.title
    expected_news = {"zh": "新闻", "en": "News", "fr": "Actualités", "ja": "ニュース"}[lang]
    assert titles["news"].endswith(expected_news)
    assert len(set(titles.values())) == len(titles), "two feeds of one language share a title"


def test_newest_first_and_channel_dates_come_from_the_newest_item(site: BuiltSite):
    for path in all_feed_files(site):
        if not path.endswith(".atom.xml"):
            continue
        feed = atom_root(site, path)
        entries = feed.findall(f"{ATOM}entry")
        published = [datetime.fromisoformat(e.findtext(f"{ATOM}published")) for e in entries]
        assert published == sorted(published, reverse=True), path
        if entries:
            newest = max(datetime.fromisoformat(e.findtext(f"{ATOM}updated")) for e in entries)
            assert datetime.fromisoformat(feed.findtext(f"{ATOM}updated")) == newest, path
            rss = ET.fromstring(site.path(path.replace(".atom.xml", ".rss.xml")).read_bytes()).find("channel")
            assert parsedate_to_datetime(rss.findtext("lastBuildDate")) == newest, path


def test_article_dates_are_in_shanghai_time(site: BuiltSite):
    entry = {e.findtext(f"{ATOM}id"): e for e in atom_root(site, "en/feeds/news.atom.xml").findall(f"{ATOM}entry")}
    conference = entry[f"tag:{ID_DOMAIN},2025:en/news/sister-cities-conference-2025"]
    assert conference.findtext(f"{ATOM}published") == "2025-04-16T00:00:00+08:00"


def test_an_event_announced_ahead_is_dated_by_its_announcement(site: BuiltSite):
    """data/events/japan-roadshows-2025.yml: published 2025-04-16, starts 2025-04-21 in Tokyo."""
    for path in ("en/feeds/events.atom.xml", "ja/feeds/all.atom.xml"):
        entry = {e.findtext(f"{ATOM}id"): e for e in atom_root(site, path).findall(f"{ATOM}entry")}
        lang = path.split("/", 1)[0]
        roadshows = entry[f"tag:{ID_DOMAIN},2025:{lang}/event/japan-roadshows-2025"]
        assert roadshows.findtext(f"{ATOM}published") == "2025-04-16T00:00:00+08:00", path
        assert roadshows.findtext(f"{ATOM}updated") == "2025-04-16T00:00:00+08:00", path


@pytest.mark.parametrize("lang", LANGS)
def test_articles_appear_only_in_the_languages_they_are_written_in(site: BuiltSite, lang: str):
    for kind, section, id_kind in (("news", "news", "news"), ("policies", "policies", "policy")):
        parsed = feedparser.parse(site.path(f"{PREFIX[lang]}feeds/{section}.atom.xml").read_bytes())
        written = titles_of(lang, kind)
        got = {entry.id.rsplit("/", 1)[1]: entry.title for entry in parsed.entries}
        assert got == written, f"{lang} {section}"
        assert all(entry.id.startswith(f"tag:{ID_DOMAIN},2025:{lang}/{id_kind}/") for entry in parsed.entries)


@pytest.mark.parametrize("lang", LANGS)
def test_records_appear_in_every_language(site: BuiltSite, lang: str):
    for section, kind in (("opportunities", "opportunity"), ("events", "event")):
        parsed = feedparser.parse(site.path(f"{PREFIX[lang]}feeds/{section}.atom.xml").read_bytes())
        ids = sorted(entry.id for entry in parsed.entries)
        assert ids == [f"tag:{ID_DOMAIN},2025:{lang}/{kind}/{record}" for record in record_ids(section)]


def test_city_feeds_carry_what_concerns_the_city(site: BuiltSite):
    parsed = feedparser.parse(site.path("en/feeds/cities/manchester.atom.xml").read_bytes())
    ids = {entry.id for entry in parsed.entries}
    assert f"tag:{ID_DOMAIN},2025:en/news/new-partner-cities-2025" in ids
    assert f"tag:{ID_DOMAIN},2025:en/event/sister-cities-conference-2025" in ids
    assert f"tag:{ID_DOMAIN},2025:en/news/chengdu-penang-direct-flight" not in ids


def test_city_feeds_carry_articles_as_summaries_and_the_feed_of_everything_whole(site: BuiltSite):
    """A partner city's feed: an article's summary and a link to its page (bench/README.md,
    "Bytes"); the same article whole in the feed of everything and the news feed."""
    item = f"tag:{ID_DOMAIN},2025:en/news/new-partner-cities-2025"
    page = TEST_SITE_URL + "en/news/2025/new-partner-cities-2025/"
    city = next(e for e in feedparser.parse(site.path("en/feeds/cities/manchester.atom.xml").read_bytes()).entries
                if e.id == item)
    content = BeautifulSoup(city.content[0].value, "html.parser")
    assert content.find("h2") is None, "no whole text in a city feed"
    assert [a["href"] for a in content.find_all("a")] == [page]
    assert content.find("a").get_text() == "Read on the site"
    assert BeautifulSoup(city.summary, "html.parser").get_text() in content.get_text()
    for name in ("all", "news"):
        whole = next(e for e in feedparser.parse(site.path(f"en/feeds/{name}.atom.xml").read_bytes()).entries
                     if e.id == item)
        assert BeautifulSoup(whole.content[0].value, "html.parser").find("h2") is not None, name
    event = f"tag:{ID_DOMAIN},2025:en/event/sister-cities-conference-2025"
    city_event, all_event = (
        next(e for e in feedparser.parse(site.path(path).read_bytes()).entries if e.id == event)
        for path in ("en/feeds/cities/manchester.atom.xml", "en/feeds/all.atom.xml"))
    assert city_event.content[0].value == all_event.content[0].value, "records stay whole"


def test_items_carry_topics_as_categories_in_the_language(site: BuiltSite):
    parsed = feedparser.parse(site.path("fr/feeds/news.atom.xml").read_bytes())
    entry = next(e for e in parsed.entries if e.id.endswith("/sister-cities-conference-2025"))
    assert {"term": "sister-cities", "label": "Villes partenaires"} in [
        {"term": tag.term, "label": tag.label} for tag in entry.tags
    ]


def test_content_links_are_absolute_and_resolved_like_the_page(site: BuiltSite):
    """zh/news/2025/foreign-investment-measures-2025.md links ../../policies/….md."""
    parsed = feedparser.parse(site.path("feeds/news.atom.xml").read_bytes())
    entry = next(e for e in parsed.entries if e.id.endswith("/foreign-investment-measures-2025"))
    hrefs = [a["href"] for a in BeautifulSoup(entry.content[0].value, "html.parser").find_all("a")]
    assert TEST_SITE_URL + "policies/foreign-rd-centres-2025/" in hrefs
    content = BeautifulSoup(entry.content[0].value, "html.parser")
    assert "¶" not in content.get_text(), "heading permalinks are noise in a reader"
    assert content.find("h1") is None and content.select(".hub-byline, .hub-filed") == [], (
        "the item has its own title, dates and categories")
    assert content.find("h2") is not None


def feed_urls(site: BuiltSite, path: str) -> list[str]:
    """Every URL in a feed: channel and item links, self links, author URIs and every
    href/src in item content."""
    root = ET.fromstring(site.path(path).read_bytes())
    urls = []
    for element in root.iter():
        tag = element.tag.split("}")[-1]
        if tag == "link":
            urls.append(element.get("href") or (element.text or "").strip())
        elif tag == "uri":
            urls.append(element.text.strip())
        elif tag in ("content", "encoded"):
            soup = BeautifulSoup(element.text or "", "html.parser")
            urls += [tag["href"] for tag in soup.find_all(href=True)]
            urls += [tag["src"] for tag in soup.find_all(src=True)]
    return urls


def test_every_url_in_every_feed_is_absolute_and_under_the_site_url(site: BuiltSite):
    host = urlsplit(TEST_SITE_URL).netloc
    checked = 0
    for path in all_feed_files(site):
        for url in feed_urls(site, path):
            parts = urlsplit(url)
            assert parts.scheme in ("https", "http", "mailto"), f"{path}: {url!r} is not absolute"
            if parts.netloc == host:
                assert url.startswith(TEST_SITE_URL), f"{path}: {url} is outside the site's sub-path"
                assert served(site, url), f"{path}: {url} does not exist in the built site"
                checked += 1
    assert checked > 500


def test_each_feed_keeps_its_newest_items_up_to_its_limit():
    shanghai = ZoneInfo("Asia/Shanghai")
    items = [
        FeedItem("news", f"a{day:03d}", "en", "t", "s", f"news/2025/a{day:03d}/",
                 datetime(2025, 1, 1, tzinfo=shanghai) + timedelta(days=day),
                 datetime(2025, 1, 1, tzinfo=shanghai) + timedelta(days=day), (), ("x",), None)
        for day in range(80)
    ]
    items.sort(key=FeedItem.sort_key, reverse=True)
    feeds = [Feed("en", "all", "t", "d", ""), Feed("en", "news", "t", "d", "news/"),
             Feed("en", "events", "t", "d", "events/"), Feed("en", "cities/x", "t", "d", "cities/x/", city="x")]
    buckets = distribute(feeds, items)
    newest = [f"a{day:03d}" for day in range(79, -1, -1)]
    assert [item.key for item in buckets["all"]] == newest[:FEED_LIMIT]
    assert [item.key for item in buckets["news"]] == newest[:FEED_LIMIT]
    assert [item.key for item in buckets["cities/x"]] == newest[:CITY_FEED_LIMIT]
    assert buckets["events"] == []


# -- autodiscovery -----------------------------------------------------------------------


def announced(site: BuiltSite, html_path: Path) -> list[tuple[str, str]]:
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    return [
        (link["type"], link["href"])
        for link in soup.find_all("link", rel="alternate")
        if link.get("type") in ("application/rss+xml", "application/atom+xml")
    ]


def page_language(site: BuiltSite, html_path: Path) -> str:
    first = html_path.relative_to(site.dir).parts[0]
    return first if first in ("en", "fr", "ja") else "zh"


def test_every_page_announces_only_feeds_of_its_own_language_that_exist(site: BuiltSite):
    pages = [p for p in site.html_files() if p.name == "index.html"]
    assert len(pages) > 100
    for page in pages:
        lang = page_language(site, page)
        links = announced(site, page)
        assert (
            ("application/rss+xml", f"{TEST_SITE_URL}{PREFIX[lang]}feeds/all.rss.xml") in links
            and ("application/atom+xml", f"{TEST_SITE_URL}{PREFIX[lang]}feeds/all.atom.xml") in links
        ), page
        for _type, href in links:
            assert href.startswith(f"{TEST_SITE_URL}{PREFIX[lang]}feeds/"), f"{page}: {href}"
            assert served(site, href), f"{page}: {href}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("page", "feeds"),
    [
        ("", ["all"]),
        ("news/", ["news", "all"]),
        ("news/2025/sister-cities-conference-2025/", ["news", "all"]),
        ("news/2025/chengdu-penang-direct-flight/", ["news", "all"]),  # a fallback page in fr and ja
        ("policies/foreign-rd-centres-2025/", ["policies", "all"]),
        ("opportunities/", ["opportunities", "all"]),
        ("events/sister-cities-conference-2025/", ["events", "all"]),
        ("cities/manchester/", ["cities/manchester", "all"]),
        ("about/", ["all"]),
        ("feeds/", ["all"]),
    ],
)
def test_pages_announce_their_section_and_city_feeds(site: BuiltSite, lang: str, page: str, feeds: list[str]):
    links = announced(site, site.path(PREFIX[lang] + page))
    expected = [
        (mime, f"{TEST_SITE_URL}{PREFIX[lang]}feeds/{name}.{fmt}.xml")
        for name in feeds
        for fmt, mime in (("rss", "application/rss+xml"), ("atom", "application/atom+xml"))
    ]
    assert links == expected


# -- the Feeds page and the OPML files ---------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_feeds_page_lists_every_feed_and_calendar_file_with_its_address(site: BuiltSite, lang: str):
    soup = site.soup(f"{PREFIX[lang]}feeds/")
    listed = [code.get_text(strip=True) for code in soup.select("article code.hub-subscription-url")]
    linked = [a["href"] for a in soup.select("article p.hub-subscription a")]
    assert listed == linked
    existing = {
        TEST_SITE_URL + path
        for path in [*feed_files(site, lang), f"{PREFIX[lang]}calendars/events.ics",
                     f"{PREFIX[lang]}calendars/deadlines.ics", f"{PREFIX[lang]}feeds/subscriptions.opml"]
    }
    assert set(listed) == existing
    assert len(listed) == len(existing)
    for url in listed:
        assert served(site, url), url


@pytest.mark.parametrize("lang", LANGS)
def test_feeds_page_is_in_the_nav_under_about(site: BuiltSite, lang: str):
    soup = site.soup(f"{PREFIX[lang]}about/")
    label = {"zh": "订阅", "en": "Feeds", "fr": "Flux", "ja": "フィード"}[lang]
    assert label in [a.get_text(strip=True) for a in soup.select("a.md-nav__link") if a["href"].endswith("feeds/")]


@pytest.mark.parametrize("lang", LANGS)
def test_opml_lists_every_feed_of_its_language_once(site: BuiltSite, lang: str):
    root = ET.fromstring(site.path(f"{PREFIX[lang]}feeds/subscriptions.opml").read_bytes())
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.findtext("head/title", "").strip()
    outlines = [o for o in root.iter("outline") if o.get("xmlUrl")]
    urls = [o.get("xmlUrl") for o in outlines]
    assert sorted(urls) == sorted(
        f"{TEST_SITE_URL}{PREFIX[lang]}feeds/{name}.atom.xml" for name in expected_feed_names()
    )
    for outline in outlines:
        assert outline.get("type") == "rss" and outline.get("text") and outline.get("language") == lang
        assert served(site, outline.get("xmlUrl")) and served(site, outline.get("htmlUrl"))


# -- stable ids and reproducible bytes (the minimal fixture, built three times) ------------

EPOCH = "1745000000"  # 2025-04-19 02:13:20 in Shanghai
PNG = bytes.fromhex(  # one transparent pixel
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082"
)
SYNDICATED = ("*.xml", "*.ics", "*.opml")


def syndicated_files(built: BuiltSite) -> dict[str, bytes]:
    files = {}
    for pattern in SYNDICATED:
        for path in built.dir.rglob(pattern):
            if "sitemap" not in path.name:
                files[path.relative_to(built.dir).as_posix()] = path.read_bytes()
    return files


@dataclass
class Rebuilt:
    first: BuiltSite
    second: BuiltSite  # the same content again
    edited: BuiltSite  # after the edits
    project: Path  # as edited

    def all(self) -> tuple[BuiltSite, BuiltSite, BuiltSite]:
        return self.first, self.second, self.edited


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Rebuilt:
    """The minimal fixture built twice as it is, then once after its titles were edited;
    SOURCE_DATE_EPOCH pins the build moment and no HUB_BUILD_DATE is given."""
    project = copy_project(tmp_path_factory.mktemp("feeds-project"), content_from=ROOT / "tests/fixtures/minimal")
    env = {"SOURCE_DATE_EPOCH": EPOCH, "HUB_BUILD_DATE": ""}
    first = build(project, tmp_path_factory.mktemp("feeds-first") / "site", **env)
    second = build(project, tmp_path_factory.mktemp("feeds-second") / "site", **env)
    for built in (first, second):
        assert built.result.returncode == 0, built.result.output
    edit_titles_links_and_markup(project)
    edited = build(project, tmp_path_factory.mktemp("feeds-edited") / "site", strict=False, **env)
    assert edited.result.returncode == 0, edited.result.output
    return Rebuilt(first, second, edited, project)


def edit_titles_links_and_markup(project: Path) -> None:
    """The edits between the first builds of `rebuilt` and the edited one."""
    for path, old, new in (
        ("docs/zh/news/2025/first-article.md", "title: ", "title: 改过的标题 "),
        ("docs/en/news/2025/first-article.md", "title: ", "title: Edited "),
        ("data/events/test-event.yml", "en: Test event", "en: Renamed event"),
        ("data/opportunities/test-grant.yml", "en: Test grant", "en: Renamed grant"),
        # A link in a record's text, relative to the record's page, as an editor writes it.
        ("data/events/test-event.yml", "summary:",
         "description:\n  zh: 带上[资助](../../opportunities/test-grant/)。\n"
         "  en: Bring [the grant](../../opportunities/test-grant/).\nsummary:"),
    ):
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, path
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
    # An image in a folder mkdocs.yml declares for maintainers' assets (hub.safety.publishable),
    # and raw HTML the page's allowlist refuses (which is why this build is not strict:
    # strict mode stops at the refusal).
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("asset_folders: []", "asset_folders: [assets/maps]"),
                      encoding="utf-8")
    (project / "docs/assets/maps").mkdir(parents=True, exist_ok=True)
    (project / "docs/assets/maps/map.png").write_bytes(PNG)
    with open(project / "docs/en/news/2025/first-article.md", "a", encoding="utf-8") as article:
        article.write('\n![Map](../../../assets/maps/map.png)\n\n<script>alert("x")</script>\n'
                      '<iframe src="https://example.com/"></iframe>\n')


def test_two_builds_of_the_same_content_give_the_same_bytes(rebuilt):
    first, second = rebuilt.first, rebuilt.second
    one, two = syndicated_files(first), syndicated_files(second)
    assert len(one) > 50
    assert one.keys() == two.keys()
    assert [path for path in one if one[path] != two[path]] == []


def ids_and_titles(built: BuiltSite, path: str) -> dict[str, str]:
    parsed = feedparser.parse(built.path(path).read_bytes())
    return {entry.id: entry.title for entry in parsed.entries}


def test_ids_stay_when_titles_are_edited(rebuilt):
    first, edited = rebuilt.first, rebuilt.edited
    for path in ("feeds/all.atom.xml", "en/feeds/all.rss.xml", "en/feeds/all.atom.xml"):
        before, after = ids_and_titles(first, path), ids_and_titles(edited, path)
        assert before.keys() == after.keys(), path
        assert len(before) == 4, path  # article, explainer, opportunity, event
        assert before != after, f"{path}: the edit did not reach the feed"
    after = ids_and_titles(edited, "en/feeds/all.atom.xml")
    assert after[f"tag:{ID_DOMAIN},2025:en/news/first-article"].startswith("Edited ")
    assert after[f"tag:{ID_DOMAIN},2025:en/event/test-event"] == "Renamed event"
    for path in ("en/calendars/events.ics", "calendars/events/test-event.ics", "fr/calendars/deadlines.ics"):
        uids = [re.findall(rb"^UID:(.*)\r$", built.path(path).read_bytes(), re.MULTILINE) for built in rebuilt.all()]
        assert uids[0] == uids[2] and uids[0], path


def test_a_feed_without_items_is_dated_by_source_date_epoch(rebuilt):
    first = rebuilt.first
    feed = atom_root(first, "fr/feeds/news.atom.xml")  # no article is written in French
    assert feed.findall(f"{ATOM}entry") == []
    assert datetime.fromisoformat(feed.findtext(f"{ATOM}updated")).timestamp() == int(EPOCH)
    dtstamps = re.findall(rb"^DTSTAMP:(.*)\r$", first.path("calendars/events.ics").read_bytes(), re.MULTILINE)
    assert dtstamps == [b"20250418T181320Z"]


def test_an_event_without_an_announcement_day_is_dated_by_its_start(rebuilt):
    """tests/fixtures/minimal/data/events/test-event.yml: no `published`, starts 09:30 in Paris."""
    entries = atom_root(rebuilt.first, "en/feeds/events.atom.xml").findall(f"{ATOM}entry")
    [event] = [e for e in entries if e.findtext(f"{ATOM}id") == f"tag:{ID_DOMAIN},2025:en/event/test-event"]
    assert event.findtext(f"{ATOM}published") == "2025-05-10T09:30:00+02:00"


def test_feed_content_is_cleaned_like_the_page_and_images_are_absolute(rebuilt):
    edited = rebuilt.edited
    parsed = feedparser.parse(edited.path("en/feeds/news.atom.xml").read_bytes())
    content = BeautifulSoup(parsed.entries[0].content[0].value, "html.parser")
    assert content.find("script") is None and content.find("iframe") is None
    assert "alert" not in str(content)
    image = content.find("img")
    # Files under docs/ itself are served once, for every language, from the site's root.
    assert image["src"] == TEST_SITE_URL + "assets/maps/map.png"
    assert served(edited, image["src"])
    hrefs = [a["href"] for a in content.find_all("a")]
    assert TEST_SITE_URL + "en/policies/test-policy/" in hrefs


def test_links_in_record_text_are_absolute_in_feeds_and_lead_where_the_page_leads(rebuilt):
    edited = rebuilt.edited
    grant = TEST_SITE_URL + "en/opportunities/test-grant/"
    page = edited.soup("en/events/test-event/")
    [on_page] = [a["href"] for a in page.select("a[href]") if a.get_text(strip=True) == "the grant"]
    assert urljoin(TEST_SITE_URL + "en/events/test-event/", on_page) == grant
    for path in ("en/feeds/events.atom.xml", "en/feeds/events.rss.xml", "en/feeds/all.atom.xml"):
        parsed = feedparser.parse(edited.path(path).read_bytes())
        [entry] = [e for e in parsed.entries if e.link.endswith("/events/test-event/")]
        body = entry.content[0].value if "content" in entry else entry.description
        [in_feed] = [a["href"] for a in BeautifulSoup(body, "html.parser").find_all("a")
                     if a.get_text(strip=True) == "the grant"]
        assert in_feed == grant, path


def test_articles_rendered_for_feeds_alone_match_their_pages(rebuilt, monkeypatch: pytest.MonkeyPatch):
    """When a language was not built in the run (a one-language preview), its articles are
    rendered from Markdown for the feeds: same text, same absolute links and images as the
    page's own HTML, which a full build reuses."""
    monkeypatch.setenv("HUB_SITE_URL", TEST_SITE_URL)
    config = load_config(str(rebuilt.project / "mkdocs.yml"))
    settings = HubSettings(root=rebuilt.project, site_url=TEST_SITE_URL, languages=LANGS, language_names={},
                           site_names={})
    articles = ArticleHtml(settings, rebuilt.project / "docs", MarkdownOptions.from_config(config))
    for lang, feed, src_uri in (
        ("zh", "feeds/news.atom.xml", "news/2025/first-article.md"),
        ("en", "en/feeds/news.atom.xml", "news/2025/first-article.md"),
        ("en", "en/feeds/policies.atom.xml", "policies/test-policy.md"),
    ):
        entry = feedparser.parse(rebuilt.edited.path(feed).read_bytes()).entries[0]
        page = BeautifulSoup(entry.content[0].value, "html.parser")
        alone = BeautifulSoup(articles.render(lang=lang, src_uri=src_uri), "html.parser")
        assert alone.get_text(" ", strip=True) in page.get_text(" ", strip=True), feed
        assert {a["href"] for a in alone.find_all("a")} <= {a["href"] for a in page.find_all("a")}, feed
        assert [i["src"] for i in alone.find_all("img")] == [i["src"] for i in page.find_all("img")], feed
        assert alone.find("script") is None and "¶" not in alone.get_text()


# -- under `mkdocs serve` ----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> bytes | None:
    try:
        with urlopen(url, timeout=10) as response:
            return response.read()
    except (HTTPError, URLError, ConnectionError):
        return None


@pytest.mark.slow
def test_feeds_and_calendars_are_served_by_mkdocs_serve(tmp_path: Path):
    """The files are not pages: the preview server must still have them."""
    project = copy_project(tmp_path / "project", content_from=ROOT / "tests/fixtures/minimal")
    port = _free_port()
    base = f"http://127.0.0.1:{port}/hub/"
    server = subprocess.Popen(
        [*MKDOCS, "serve", "-a", f"127.0.0.1:{port}"], cwd=project, env=hub_env(HUB_SITE_URL=base),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300  # a readiness wait, not a measurement
        while _fetch(base) is None:
            assert server.poll() is None, "mkdocs serve stopped"
            assert time.monotonic() < deadline, "mkdocs serve did not start"
            time.sleep(0.5)
        atom = _fetch(base + "en/feeds/all.atom.xml")
        assert atom is not None and not feedparser.parse(atom).bozo
        assert f"{base}en/news/2025/first-article/".encode() in atom
        rss = _fetch(base + "feeds/news.rss.xml")
        assert rss is not None and feedparser.parse(rss).version == "rss20"
        calendar = _fetch(base + "fr/calendars/events/test-event.ics")
        assert calendar is not None
        IcsCalendarStream.calendar_from_ics(calendar.decode("utf-8"))
        opml = _fetch(base + "ja/feeds/subscriptions.opml")
        assert opml is not None and ET.fromstring(opml).tag == "opml"
    finally:
        server.terminate()
        server.wait(timeout=60)
