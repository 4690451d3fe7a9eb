"""Events: one page per event and language (events/<id>/), the past ones at events/past/,
and the upcoming ones under the hand-written introduction of events/.

An event is upcoming before its first day, ongoing until its last day is over (in its own
time zone) and ended after that (status.event_state); an ended event's page says it took
place and offers no calendar file, which the calendars still carry.
Its calendar file (calendars/events/<id>.ics) is written with the feeds and linked here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .event_time import day_range
from .generate import GeneratedPage
from .render import Renderer
from .status import event_day, event_state
from .views import past_events, render_view, site_relations, topic_tags, upcoming_events


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
