"""RSS 2.0 and Atom 1.0 feeds in each language: everything, each section (news,
opportunities, events, policies) and each partner city. Written with feedgen.

What a language's feeds carry
    News articles and policy explainers appear only in the languages they are written in.
    A page shown in fr or ja as a fallback copy of the en or zh text is not announced as
    new in those feeds: a subscriber would otherwise get the same text twice (once per
    language subscribed to), and again when the real translation arrives.
    Opportunities and events appear in every language. They are records, not texts: their
    facts (dates, deadlines, amounts, places) are written once for all languages and their
    pages exist in every language; a text field not yet translated falls back the way the
    page does (fr and ja: en, then zh). Such an entry says so: in Atom, `xml:lang` on the
    <entry> names the language its text is in (the feed's own is on <feed>); in RSS,
    which has no per-item language, a `dc:language` element on the <item>; and in both,
    a first line of content in the feed's language ("This entry has not been translated
    into French yet; it is in English."), since most reader apps show neither marking.

Items
    Full HTML content with every link and image absolute (feed_html), a plain-text
    summary, the topics as categories, the hub as author and publisher, the lead image as
    an enclosure (absolute URL, length and type), and these dates:
    article: published = `date`, at its time when it gives one, else midnight Asia/Shanghai;
    updated = `updated` (midnight Asia/Shanghai, never before published) or published;
    opportunity: published = updated = `published`, midnight Asia/Shanghai;
    event: published = updated = `published` (the day it was announced), midnight
    Asia/Shanghai; without it, its start in its own time zone (midnight there for an
    all-day event), which puts an event months ahead at the top of every feed.
    Newest first (by published date, then updated, then id); at most FEED_LIMIT items in
    the feed of everything and in each section's, CITY_FEED_LIMIT in each partner city's
    (250 cities × 4 languages × 2 formats make city feeds the bulk of the output: with
    full text, 50 items each would come to some 470 MB once every city had that many). The
    limits are told to readers on the Feeds page. Content never depends on the build
    date, so a feed changes only when its content does.
    A partner city's feed carries an article as its summary and a link to the page, not
    its whole text (records stay whole: their facts are short): with whole texts the
    2,000 city feeds were 95 of the 615 MiB of a 2,000-article site and would pass 200 MiB
    once each city has CITY_FEED_LIMIT items (bench/README.md, "Bytes"). The whole text of
    every article is in the feed of everything and the news feed of its language.

Ids
    tag:<id_domain>,<id_year>:<lang>/<kind>/<slug or record id>, e.g.
    tag:chengdu-global-hub.github.io,2025:en/news/sister-cities-conference-2025.
    Built from settings that do not change with site_url (extra.hub.id_domain, id_year),
    the language, the kind and the file name: editing a title, a summary, a date or the
    site's address keeps the id. A date is deliberately not part of it: correcting an
    article's date or moving an event would otherwise make it a new item. A renamed
    article keeps its id through `aliases:` (its first alias names it) or `id:` (hub.source.aliases);
    a renamed record (its file name) the same way, through `aliases:` in its YAML.

Channel
    <link> is the section's page (the city's page for a city feed), the Atom self link is
    the feed itself; updated/lastBuildDate is the newest item's updated date. A feed with
    no items yet uses the build moment (settings.build_time: HUB_BUILD_DATE or
    SOURCE_DATE_EPOCH when set), the only date that content cannot give.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin
from xml.sax.saxutils import quoteattr
from zoneinfo import ZoneInfo

from feedgen.entry import FeedEntry
from feedgen.ext.base import BaseEntryExtension
from feedgen.ext.dc import DcEntryExtension, DcExtension
from feedgen.ext.media import MediaEntryExtension, MediaExtension
from feedgen.feed import FeedGenerator

from ..kinds import kind_named
from ..safety.images import SITE_PREFIX, lead_image
from ..site import dates
from ..site.render import Renderer
from ..site.subscriptions import FORMATS, Feed, Subscriptions
from ..source.aliases import feed_key, record_key
from ..source.catalog import Article, Catalog
from .feed_html import ArticleHtml, absolutize

FEED_LIMIT = 50
CITY_FEED_LIMIT = 20
# The section feed of each kind of article; a record's is its kind's folder (hub.kinds).
_ARTICLE_SECTIONS = {"news": "news", "policy": "policies"}


@dataclass(frozen=True)
class FeedItem:
    kind: str  # news, policy, or the name of a kind of record (opportunity, event…)
    key: str  # article slug or record id
    lang: str  # the language of the feeds it appears in
    title: str
    summary: str
    page_path: str  # inside the language root
    published: datetime
    updated: datetime
    topics: tuple[str, ...]
    cities: tuple[str, ...]
    record: Any = field(compare=False, repr=False)  # an Article, or a record of its kind
    text_lang: str = ""  # the language its title and summary are in, when not `lang` (fallback)
    # Ties on the same date: a stable order, news, then explainers, then the kinds of
    # record in the order of the registry.
    rank: int = 0
    section: str = ""  # the section feed that carries it; "": its kind's (news, policies)

    def __post_init__(self) -> None:
        if not self.section:
            object.__setattr__(self, "section", _ARTICLE_SECTIONS.get(self.kind, self.kind))

    def sort_key(self) -> tuple[datetime, datetime, int, str]:
        return (self.published, self.updated, self.rank, self.key)


def entry_id(settings: Any, lang: str, kind: str, key: str) -> str:
    return f"tag:{settings.id_domain},{settings.id_year}:{lang}/{kind}/{key}"


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=zone)


def language_items(catalog: Catalog, renderer: Renderer, lang: str) -> list[FeedItem]:
    """Every item the feeds of `lang` may carry, newest first."""
    settings = renderer.settings
    zone = ZoneInfo(settings.timezone)
    fallbacks = settings.fallbacks(lang)
    items: list[FeedItem] = []
    announced = [(kind, records) for kind, records in catalog.record_folders() if kind.feed is not None]
    article_rank = {"news": len(announced) + 1, "policy": len(announced)}
    for article in catalog.articles():
        text = article.texts.get(lang)
        if text is None:
            continue  # not written in this language: see the module's docstring
        meta = article.meta
        published = article.moment or _midnight(article.date, zone)
        updated = max(published, _midnight(meta.updated, zone)) if meta.updated else published
        items.append(FeedItem(
            article.kind, feed_key(article), lang, text.title, text.summary or "", article.url_path,
            published, updated, tuple(meta.topics), tuple(meta.cities), article, rank=article_rank[article.kind],
        ))
    for index, (kind, records) in enumerate(announced):
        assert kind.feed is not None
        for record_id, record in records.items():
            when = kind.feed.announced(record, zone)
            title, summary = record.title.pick(lang, fallbacks), record.summary.pick(lang, fallbacks)
            items.append(FeedItem(
                kind.name, record_key(record_id, record), lang, title[0], summary[0], f"{kind.folder}/{record_id}/",
                when, when, tuple(getattr(record, "topics", ())), tuple(getattr(record, "cities", ())), record,
                text_lang=_text_language(lang, title[1], summary[1]),
                rank=len(announced) - 1 - index, section=kind.folder,
            ))
    items.sort(key=FeedItem.sort_key, reverse=True)
    return items


def _text_language(lang: str, *picked: str) -> str:
    """The language an item's text is in: the first of its texts not in `lang`, or "" when
    all of them are in the feed's language."""
    return next((other for other in picked if other != lang), "")


class EntryLanguage(BaseEntryExtension):
    """`xml:lang` on an Atom <entry> whose text is in another language than its feed."""

    def __init__(self) -> None:
        self.lang = ""

    def extend_atom(self, entry: Any) -> Any:
        if self.lang:
            entry.set("{http://www.w3.org/XML/1998/namespace}lang", self.lang)
        return entry


def feed_limit(feed: Feed) -> int:
    return CITY_FEED_LIMIT if feed.city else FEED_LIMIT


def carries_whole_articles(feed: Feed) -> bool:
    """Whether the feed carries an article's whole text, or its summary (see the docstring)."""
    return not feed.city


def distribute(feeds: Iterable[Feed], items: list[FeedItem]) -> dict[str, list[FeedItem]]:
    """The items of each feed (by feed name), newest first, up to its limit: one pass
    over the items, whatever the number of cities."""
    feeds = list(feeds)
    buckets: dict[str, list[FeedItem]] = {feed.name: [] for feed in feeds}
    limits = {feed.name: feed_limit(feed) for feed in feeds}
    for item in items:
        for name in ("all", item.section, *(f"cities/{city}" for city in item.cities)):
            bucket = buckets.get(name)
            if bucket is not None and len(bucket) < limits[name]:
                bucket.append(item)
    return buckets


def page_key(lang: str, src_uri: str) -> str:
    """How a built article page is filed in ItemContent.pages: en/news/2025/x.md."""
    return f"{lang}/{src_uri}"


@dataclass
class ItemContent:
    """The HTML of each item, made once however many feeds carry it. `pages` holds the
    body HTML of the article pages the language builds rendered (by page_key)."""

    renderer: Renderer
    articles: ArticleHtml
    pages: dict[str, str] = field(default_factory=dict)
    _cache: dict[tuple[str, str, str], str] = field(default_factory=dict)

    def teaser(self, item: FeedItem) -> str:
        """An article as a city feed carries it: its summary and a link to its page."""
        if not isinstance(item.record, Article):
            return self.html(item)
        settings = self.renderer.settings
        link = (f'<p><a href="{escape(settings.url(item.lang, item.page_path))}">'
                f'{escape(self.renderer.ui.t("feed_read_on_site", item.lang), quote=False)}</a></p>')
        return f"<p>{escape(item.summary, quote=False)}</p>\n{link}" if item.summary else link

    def html(self, item: FeedItem) -> str:
        key = (item.kind, item.key, item.lang)
        if key not in self._cache:
            self._cache[key] = self._render(item)
        return self._cache[key]

    def _render(self, item: FeedItem) -> str:
        record = item.record
        if isinstance(record, Article):
            page = self.pages.get(page_key(item.lang, record.src_uri))
            if page is not None:
                return self.articles.from_page(page, lang=item.lang, src_uri=record.src_uri)
            return self.articles.render(lang=item.lang, src_uri=record.src_uri)
        settings = self.renderer.settings
        page_url = settings.url(item.lang, item.page_path)
        values: dict[str, Any] = {
            "page_url": page_url,
            "url": lambda path, lang=item.lang: settings.url(lang, path),
            "pick": lambda text, lang=item.lang: text.pick(lang, settings.fallbacks(lang))[0],
        }
        kind = kind_named(self.renderer.catalog.kinds, item.kind)
        assert kind is not None and kind.feed is not None
        record_id = item.page_path.split("/")[1]  # item.key may be an earlier id (hub.source.aliases)
        html = kind.feed.html(self.renderer, record_id, record, item.lang, values)
        # Record texts are Markdown; a relative link in them is relative to the record's page.
        return absolutize(html, lambda href: _join(page_url, href))


def _join(base: str, href: str) -> str:
    return urljoin(base, href.strip())


@dataclass
class FeedWriter:
    renderer: Renderer
    subscriptions: Subscriptions
    content: ItemContent
    # One entry per item, language and form (whole or summary), added to every feed that
    # carries the item in that form.
    _entries: dict[tuple[str, str, str, bool], FeedEntry] = field(default_factory=dict)
    # The lead image of each item that has one: (URL, type, length) (see _enclose_image).
    _enclosures: dict[tuple[str, str, str], tuple[str, str, int]] = field(default_factory=dict)

    def write_language(self, site_dir: Path, lang: str, buckets: dict[str, list[FeedItem]]) -> list[Path]:
        """Every feed of `lang`, both formats, with the items `distribute` gave each; the
        paths written."""
        written = []
        for feed in self.subscriptions.feeds(lang):
            for fmt in FORMATS:
                path = site_dir / self.renderer.settings.lang_prefix(lang) / feed.path(fmt)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(self.feed_bytes(feed, buckets[feed.name], fmt))
                written.append(path)
        return written

    def feed_bytes(self, feed: Feed, items: list[FeedItem], fmt: str) -> bytes:
        settings = self.renderer.settings
        lang = feed.lang
        site = settings.site_names[lang]
        home = settings.url(lang, "")
        generator = FeedGenerator()
        # Dublin Core: RSS has no author without an e-mail. Media RSS: lead images, for
        # readers' thumbnails. The classes load_extension("dc"/"media") would register,
        # without its import of a feedgen.ext.<name>_entry module that does not exist: a
        # failed import searches sys.path on every call, for each feed and each entry.
        generator.register_extension("dc", DcExtension, DcEntryExtension, atom=False, rss=True)
        generator.register_extension("media", MediaExtension, MediaEntryExtension, atom=False, rss=True)
        generator.id(entry_id(settings, lang, "feeds", feed.name))
        generator.title(feed.title)
        # An RSS channel's <description> is read as HTML, like an item's: escaped once more
        # (a city's name is in it). Atom's <subtitle> is text.
        generator.subtitle(escape(feed.description, quote=False) if fmt == "rss" else feed.description)
        generator.language(lang)
        generator.author(name=site, uri=home)
        generator.generator("python-feedgen")
        generator.dc.dc_publisher(site)
        generator.link(href=settings.url(lang, feed.path(fmt)), rel="self", type=FORMATS[fmt])
        # feedgen takes the RSS channel <link> from the last link() call: the section page.
        generator.link(href=settings.url(lang, feed.page_path), rel="alternate", type="text/html")
        generator.updated(max((item.updated for item in items), default=settings.build_time))
        whole = carries_whole_articles(feed)
        for item in items:
            generator.add_entry(self._entry(item, site=site, home=home, whole=whole), order="append")  # newest first
        if fmt == "atom":
            return self._atom_enclosures(generator.atom_str(pretty=True, encoding="UTF-8"), items)
        return generator.rss_str(pretty=True, encoding="UTF-8")

    def _entry(self, item: FeedItem, *, site: str, home: str, whole: bool) -> FeedEntry:
        key = (item.kind, item.key, item.lang, whole)
        if key not in self._entries:
            self._entries[key] = self._new_entry(item, site=site, home=home, whole=whole)
        return self._entries[key]

    def _new_entry(self, item: FeedItem, *, site: str, home: str, whole: bool) -> FeedEntry:
        settings = self.renderer.settings
        catalog = self.renderer.catalog
        fallbacks = settings.fallbacks(item.lang)
        entry = FeedEntry()
        # As the feeds register them (add_entry then leaves the entry as it is).
        entry.register_extension("dc", DcEntryExtension, atom=False, rss=True)
        entry.register_extension("media", MediaEntryExtension, atom=False, rss=True)
        entry.id(entry_id(settings, item.lang, item.kind, item.key))
        entry.title(item.title)
        entry.link(href=settings.url(item.lang, item.page_path), rel="alternate", type="text/html")
        entry.published(item.published)
        entry.updated(item.updated)
        entry.author(name=site, uri=home)
        entry.dc.dc_creator(site)
        content = self.content.html(item) if whole else self.content.teaser(item)
        if item.text_lang:
            ui = self.renderer.ui
            written_in = ui.written_in("feed_entry_in_language", item.lang)  # English until translated
            note = ui.t("feed_entry_in_language", item.lang, language=dates.language_name(item.text_lang, written_in))
            content = f'<p lang="{item.lang}"><em>{escape(note, quote=False)}</em></p>\n{content}'
            entry.register_extension("hub_lang", EntryLanguage, atom=True, rss=False)
            entry.hub_lang.lang = item.text_lang
            entry.dc.dc_language(item.text_lang)
        entry.content(content, type="html")
        # RSS readers take <description> as HTML: the plain-text summary is escaped once
        # more, so that `<b>` in a title reads as written and nothing in it can run. Atom
        # says so with type="html"; the same value serves both.
        entry.summary(escape(item.summary), type="html")
        self._enclose_image(entry, item)
        for topic in item.topics:
            label = catalog.topics[topic].pick(item.lang, fallbacks)[0] if topic in catalog.topics else topic
            entry.category(term=topic, label=label)
        return entry

    def _enclose_image(self, entry: FeedEntry, item: FeedItem) -> None:
        """The item's lead image as an enclosure (RSS <enclosure>, Atom rel="enclosure"),
        the JPEG or PNG every reader can show, about the width of a reader's column; in RSS
        also as <media:content> with its size, which readers take for the item's picture."""
        image = lead_image(item.record)
        image_set = self.renderer.images.get(image.src) if image is not None else None
        if image_set is None:
            return
        variant = image_set.at_least(960)
        url = self.renderer.settings.site_url + SITE_PREFIX + variant.fallback
        entry.enclosure(url=url, length=str(variant.fallback_bytes), type=image_set.fallback_type)
        entry.media.content(url=url, fileSize=str(variant.fallback_bytes), type=image_set.fallback_type,
                            medium="image", width=str(variant.width), height=str(variant.height), group=None)
        self._enclosures[(item.kind, item.key, item.lang)] = (url, image_set.fallback_type, variant.fallback_bytes)

    def _atom_enclosures(self, atom: bytes, items: list[FeedItem]) -> bytes:
        """feedgen 1.0 writes an Atom entry's links without their rel, type and length
        (its loop variable shadows the link it reads them from): an enclosure would read
        as a second alternate page. They are put back here."""
        done = set()
        for item in items:
            found = self._enclosures.get((item.kind, item.key, item.lang))
            if found is None or found[0] in done:
                continue
            url, kind, length = found
            done.add(url)
            bare = f'<link href={quoteattr(url)}/>'.encode()
            full = f'<link href={quoteattr(url)} rel="enclosure" type="{kind}" length="{length}"/>'.encode()
            atom = atom.replace(bare, full)
        return atom
