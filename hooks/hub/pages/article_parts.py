"""What an article page shows around its text: under the title, when it was published
(with the time, in the hub's time zone, when the front matter gives one) and updated and
how long it takes to read; after the text, its topics, partner cities and events as links
and up to three related articles."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from babel.dates import format_time

from ..site import dates
from ..site.event_time import utc_offset
from ..site.render import Renderer
from ..site.views import site_relations
from ..source.catalog import Article


@dataclass(frozen=True)
class PublishedWhen:
    text: str  # for the reader
    iso: str  # for <time datetime>


def published_when(renderer: Renderer, article: Article, lang: str) -> PublishedWhen:
    """"16 April 2025, 10:30 (Asia/Shanghai, UTC+08:00)" when a time is given, else the day."""
    moment = article.moment
    if moment is None:
        return PublishedWhen(dates.long_date(article.date, lang), article.date.isoformat())
    zone_name = renderer.settings.timezone
    local = moment.astimezone(ZoneInfo(zone_name))
    ui = renderer.ui
    text = ui.t(
        "article_time", lang,
        date=dates.long_date(local.date(), lang),
        time=format_time(local, "HH:mm", locale=lang),
        zone=ui.t("zone_with_offset", lang, zone=zone_name, offset=utc_offset(local)),
    )
    return PublishedWhen(text, local.isoformat(timespec="minutes"))


def article_header(renderer: Renderer, article: Article, lang: str) -> str:
    """Under the title: when it was published (and updated), its reading time, its lead image."""
    text = article.text(lang, renderer.settings.fallbacks(lang))
    return renderer.render(
        "article_header.html", lang, article=article, published=published_when(renderer, article, lang),
        minutes=text.reading.minutes, page_url=renderer.settings.url(lang, article.url_path),
    )


def article_filed(renderer: Renderer, article: Article, lang: str) -> str:
    """After the text: its topics, partner cities and events as links; none: nothing."""
    fallbacks = renderer.settings.fallbacks(lang)
    catalog = renderer.catalog
    topics = [(topic, catalog.topics[topic].pick(lang, fallbacks)) for topic in article.meta.topics
              if topic in catalog.topics]
    cities = [(city, catalog.cities[city].name.pick(lang, fallbacks)) for city in article.meta.cities
              if city in catalog.cities]
    events = [(event_id, catalog.events[event_id].title.pick(lang, fallbacks)) for event_id in article.meta.events
              if event_id in catalog.events]
    if not (topics or cities or events):
        return ""
    return renderer.render("article_filed.html", lang, topics=topics, cities=cities, events=events)


def related_articles(renderer: Renderer, article: Article, lang: str) -> str:
    """Up to three articles sharing a partner city or a topic, newest first; none: nothing."""
    related = site_relations(renderer).related(article)
    if not related:
        return ""
    return renderer.render("article_related.html", lang, articles=related)
