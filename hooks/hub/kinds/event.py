"""Events: one page per event and language (events/<id>/), the past ones at events/past/,
and the upcoming ones under the hand-written introduction of events/.

An event is upcoming before its first day, ongoing until its last day is over (in its own
time zone) and ended after that (status.event_state); an ended event's page says it took
place and offers no calendar file, which the calendars still carry.
Its calendar file (calendars/events/<id>.ics) is written with the feeds and linked here.
A page is a schema.org Event; the feeds date an event by `published` (midnight in the
hub's time zone), else by its start.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from ..graphics.card_draw import Card
from ..pages.generate import GeneratedPage
from ..site.event_time import day_range, event_start, event_when
from ..site.render import Renderer
from ..site.subscriptions import event_calendar_path
from ..site.views import past_events, render_view, site_relations, topic_tags, upcoming_events
from ..source.models import Event
from ..source.prose import safe_markdown
from ..source.status import event_day, event_state
from . import RecordFeed, RecordKind

EVENT_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "moved": "https://schema.org/EventRescheduled",
}


def event_pages(renderer: Renderer, lang: str) -> Iterator[GeneratedPage]:
    fallbacks = renderer.settings.fallbacks(lang)
    today = renderer.settings.build_date
    for event_id, event in sorted(renderer.catalog.events.items()):
        body = render_view(
            renderer, "event.html", lang,
            event_id=event_id, event=event, state=event_state(event, today=today),
            days=day_range(event_day(event.start), event_day(event.end), lang),
            topics=topic_tags(renderer, event.topics, lang),
            articles=site_relations(renderer).event_articles.get(event_id, []),
        )
        title, _ = event.title.pick(lang, fallbacks)
        yield GeneratedPage(lang, f"events/{event_id}.md", title, body)
    yield GeneratedPage(
        lang, "events/past.md", renderer.ui.t("past_events", lang),
        render_view(renderer, "events_past.html", lang, items=past_events(renderer)),
    )


def render_events_index(renderer: Renderer, markdown: str, src_uri: str, lang: str, meta: dict[str, Any]) -> str | None:
    if src_uri != "events/index.md":
        return None
    listing = render_view(renderer, "events_index.html", lang, items=upcoming_events(renderer))
    return f"{markdown}\n\n{listing}\n"


def seo_facts(renderer: Renderer, event_id: str, event: Event, lang: str) -> tuple[str | None, dict[str, Any]]:
    fallbacks = renderer.settings.fallbacks(lang)
    when = event_when(event, lang, renderer.ui)
    facts = {
        "name": event.title.pick(lang, fallbacks)[0],
        "start": when.start_iso,
        "end": when.end_iso,
        "status": EVENT_STATUS[event.status],
        "place": event.place.pick(lang, fallbacks)[0],
        "organiser": event.organiser.pick(lang, fallbacks)[0] if event.organiser else None,
    }
    return event.summary.pick(lang, fallbacks)[0], facts


def card(renderer: Renderer, event: Event, lang: str, site_name: str) -> Card:
    when = day_range(event_day(event.start), event_day(event.end), lang)
    title = event.title.pick(lang, renderer.settings.fallbacks(lang))[0]
    return Card(lang, title, renderer.ui.t("card_kind_event", lang), site_name, when)


def announced(event: Event, zone: ZoneInfo) -> datetime:
    if event.published:
        return datetime(event.published.year, event.published.month, event.published.day, tzinfo=zone)
    return event_start(event)


def feed_html(renderer: Renderer, event_id: str, event: Event, lang: str, values: dict[str, Any]) -> str:
    settings = renderer.settings
    fallbacks = settings.fallbacks(lang)
    return renderer.render(
        "feed_event.html", lang, event=event,
        calendar_url=settings.url(lang, event_calendar_path(event_id)), **values,
        when=event_when(event, lang, renderer.ui).text,
        description=safe_markdown(event.description.pick(lang, fallbacks)[0]) if event.description else None,
    )


KIND = RecordKind(
    name="event",
    folder="events",
    model=Event,
    label="event",
    plural="events",
    schema_description="A dated event: data/events/<id>.yml",
    pages=event_pages,
    listing=render_events_index,
    seo=seo_facts,
    card=card,
    feed=RecordFeed(announced=announced, html=feed_html),
    listing_pages=("past",),
)
