"""What a reader can subscribe to, in each language, and where it is.

One definition serves everything that names a feed or a calendar: the files written at
the end of the build, the <link rel="alternate"> announcements in page heads, the Feeds
page and the OPML file. A feed listed anywhere is therefore a file that exists.

URLs (inside a language root: "" for zh, "en/", "fr/", "ja/"):
    feeds/<name>.rss.xml, feeds/<name>.atom.xml   name: all, news, opportunities, events,
                                                  policies, cities/<city id>
    feeds/subscriptions.opml                      every feed of the language
    calendars/events.ics, calendars/deadlines.ics, calendars/events/<event id>.ics
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..source.catalog import Catalog
from ..source.settings import HubSettings
from ..source.ui import UiStrings

SECTIONS = ("all", "news", "opportunities", "events", "policies")
# The section of the site each feed's channel <link> points to, inside a language root.
SECTION_PAGES = {"all": "", "news": "news/", "opportunities": "opportunities/", "events": "events/",
                 "policies": "policies/"}
FORMATS = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
FORMAT_NAMES = {"rss": "RSS", "atom": "Atom"}
OPML_PATH = "feeds/subscriptions.opml"
CALENDARS = ("events", "deadlines")


def feed_path(name: str, fmt: str) -> str:
    return f"feeds/{name}.{fmt}.xml"


def calendar_path(name: str) -> str:
    return f"calendars/{name}.ics"


def event_calendar_path(event_id: str) -> str:
    """The one-event calendar an event page links to ("add to calendar"), per language."""
    return f"calendars/events/{event_id}.ics"


@dataclass(frozen=True)
class Feed:
    """One feed of one language, in both formats."""

    lang: str
    name: str  # all, news, …, or cities/<id>
    title: str
    description: str
    page_path: str  # the page the channel is about (its <link>), inside the language root
    city: str | None = None

    @property
    def section(self) -> str:
        return "cities" if self.city else self.name

    def path(self, fmt: str) -> str:
        return feed_path(self.name, fmt)


@dataclass(frozen=True)
class CalendarFile:
    lang: str
    name: str  # events, deadlines
    title: str
    description: str

    @property
    def path(self) -> str:
        return calendar_path(self.name)


@dataclass(frozen=True)
class FeedLink:
    """One <link rel="alternate"> in a page head."""

    type: str
    title: str
    href: str


@dataclass
class Subscriptions:
    """The feeds and calendars of every language; cheap to ask once per page."""

    settings: HubSettings
    catalog: Catalog
    ui: UiStrings

    def site_feeds(self, lang: str) -> list[Feed]:
        return self._site_feeds[lang]

    def city_feeds(self, lang: str) -> list[Feed]:
        return self._city_feeds[lang]

    def feeds(self, lang: str) -> list[Feed]:
        return [*self._site_feeds[lang], *self._city_feeds[lang]]

    def by_name(self, lang: str) -> dict[str, Feed]:
        """The feeds of `lang` by name ("news", "cities/<id>"…), made once."""
        return self._by_name[lang]

    def calendars(self, lang: str) -> list[CalendarFile]:
        site = self.settings.site_names[lang]
        return [
            CalendarFile(lang, name, self.ui.t(f"calendar_{name}_name", lang, site=site),
                         self.ui.t(f"calendar_{name}_description", lang, site=site))
            for name in CALENDARS
        ]

    def url(self, lang: str, path: str) -> str:
        return self.settings.url(lang, path)

    def city_of(self, url_path: str) -> str | None:
        """The partner city whose page (cities/<id>/) or list of news (news/cities/<id>/,
        hub.kinds.article) is at `url_path`, else None."""
        parts = url_path.strip("/").split("/")
        if parts[0] == "cities" and len(parts) >= 2:
            city = parts[1]
        elif parts[:2] == ["news", "cities"] and len(parts) >= 3:
            city = parts[2]
        else:
            return None
        return city if city in self.catalog.cities else None

    def page_feeds(self, lang: str, url_path: str) -> list[FeedLink]:
        """The feeds a page announces: its city's (on a city page), its section's, and
        the language's feed of everything, each in RSS and Atom; most specific first."""
        parts = url_path.strip("/").split("/")
        chosen: list[Feed] = []
        city = self.city_of(url_path)
        if city is not None:
            chosen.append(self._by_name[lang][f"cities/{city}"])
        if parts[0] in SECTIONS and parts[0] != "all":
            chosen.append(self._by_name[lang][parts[0]])
        chosen.append(self._by_name[lang]["all"])
        return [
            FeedLink(mime, f"{feed.title} ({FORMAT_NAMES[fmt]})", self.url(lang, feed.path(fmt)))
            for feed in chosen
            for fmt, mime in FORMATS.items()
        ]

    @cached_property
    def _site_feeds(self) -> dict[str, list[Feed]]:
        result: dict[str, list[Feed]] = {}
        for lang in self.settings.languages:
            site = self.settings.site_names[lang]
            result[lang] = [
                Feed(
                    lang,
                    name,
                    self.ui.t("feed_title", lang, site=site, section=self.ui.t(f"feed_section_{name}", lang)),
                    self.ui.t(f"feed_description_{name}", lang, site=site),
                    SECTION_PAGES[name],
                )
                for name in SECTIONS
            ]
        return result

    @cached_property
    def _city_feeds(self) -> dict[str, list[Feed]]:
        result: dict[str, list[Feed]] = {}
        for lang in self.settings.languages:
            site = self.settings.site_names[lang]
            fallbacks = self.settings.fallbacks(lang)
            feeds = []
            for city_id in sorted(self.catalog.cities):
                name, _ = self.catalog.cities[city_id].name.pick(lang, fallbacks)
                feeds.append(Feed(
                    lang,
                    f"cities/{city_id}",
                    self.ui.t("feed_title", lang, site=site, section=name),
                    self.ui.t("feed_description_city", lang, site=site, city=name),
                    f"cities/{city_id}/",
                    city=city_id,
                ))
            result[lang] = feeds
        return result

    @cached_property
    def _by_name(self) -> dict[str, dict[str, Feed]]:
        return {lang: {feed.name: feed for feed in self.feeds(lang)} for lang in self.settings.languages}
