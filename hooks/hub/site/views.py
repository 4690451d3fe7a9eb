"""What the templates of the city, opportunity, event and home pages need on top of the
Renderer's basics: a record's text in the reader's language (with the language it is
really in, for a `lang` attribute), statuses on the build date, amounts, event times and
safe Markdown.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..source.amounts import format_amount
from ..source.models import Amount, City, Event, Localized, Opportunity
from ..source.prose import safe_markdown
from ..source.relations import Relations, relations
from ..source.status import EventState, OpportunityStatus, by_deadline, by_start, event_state, opportunity_status
from . import dates
from .event_time import EventWhen, event_when
from .render import Renderer


def opportunity_status_on_build_date(renderer: Renderer, opportunity: Opportunity) -> OpportunityStatus:
    settings = renderer.settings
    return opportunity_status(opportunity, today=settings.build_date, closing_soon_days=settings.closing_soon_days,
                              confirm_after_days=settings.confirm_after_days)


def opportunity_is_live(renderer: Renderer, opportunity: Opportunity) -> bool:
    """Whether a page may promote it on the build date: open or closing soon (not closed,
    not unconfirmed)."""
    return opportunity_status_on_build_date(renderer, opportunity).is_open


def event_state_on_build_date(renderer: Renderer, event: Event) -> EventState:
    return event_state(event, today=renderer.settings.build_date)


def event_is_live(renderer: Renderer, event: Event) -> bool:
    """Whether a page may promote it on the build date: upcoming or ongoing (not ended)."""
    return event_state_on_build_date(renderer, event) != "ended"


def _opportunities_in(renderer: Renderer, state: str) -> list[tuple[str, Opportunity]]:
    return [item for item in renderer.catalog.opportunities.items()
            if opportunity_status_on_build_date(renderer, item[1]).state == state]


def open_opportunities(renderer: Renderer) -> list[tuple[str, Opportunity]]:
    """The live ones (open or closing soon), nearest deadline first, those without one last."""
    items = sorted(renderer.catalog.opportunities.items(), key=by_deadline)
    return [item for item in items if opportunity_is_live(renderer, item[1])]


def closed_opportunities(renderer: Renderer) -> list[tuple[str, Opportunity]]:
    """Closed ones, the most recently closed first."""
    items = _opportunities_in(renderer, "closed")
    return sorted(items, key=lambda item: (item[1].deadline or date.min, item[0]), reverse=True)


def unconfirmed_opportunities(renderer: Renderer) -> list[tuple[str, Opportunity]]:
    """Without a deadline and not confirmed lately: the most recently confirmed first."""
    items = _opportunities_in(renderer, "unconfirmed")
    return sorted(items, key=lambda item: (item[1].confirmed_on, item[0]), reverse=True)


def upcoming_events(renderer: Renderer) -> list[tuple[str, Event]]:
    """The live events (upcoming or ongoing), soonest first."""
    return [item for item in sorted(renderer.catalog.events.items(), key=by_start)
            if event_is_live(renderer, item[1])]


def past_events(renderer: Renderer) -> list[tuple[str, Event]]:
    """Events ended, the most recent first."""
    return [item for item in sorted(renderer.catalog.events.items(), key=by_start, reverse=True)
            if not event_is_live(renderer, item[1])]


def pick_city_name(city: City, lang: str, fallbacks: tuple[str, ...]) -> tuple[str, str]:
    """The city's name for a reader of `lang`, and the language it is really in: a name
    that is only the source language's one copied over (a name not confirmed in this
    language) is text in the source language, and is marked so for screen readers and fonts."""
    text, text_lang = city.name.pick(lang, fallbacks)
    source, source_text = city.name.items()[0]  # the source language's, always written
    if text_lang != source and text == source_text and any("\u4e00" <= char <= "\u9fff" for char in text):
        return text, source
    return text, text_lang


def render_view(renderer: Renderer, template: str, lang: str, **values: Any) -> str:
    """Render one of the hub's templates with the helpers these pages share."""
    fallbacks = renderer.settings.fallbacks(lang)
    catalog = renderer.catalog

    def pick(text: Localized) -> tuple[str, str]:
        return text.pick(lang, fallbacks)

    def city_name(city_id: str) -> tuple[str, str]:
        return pick_city_name(catalog.cities[city_id], lang, fallbacks)

    def amount(value: Amount) -> str:
        return format_amount(value, lang, renderer.ui)

    def when(event: Event) -> EventWhen:
        return event_when(event, lang, renderer.ui)

    def status(opportunity: Opportunity) -> OpportunityStatus:
        return opportunity_status_on_build_date(renderer, opportunity)

    def event_status(event: Event) -> EventState:
        return event_state_on_build_date(renderer, event)

    def country(code: str) -> str:
        return dates.country_name(code, lang)

    def calendar_href(event_id: str) -> str:
        """The event's own calendar file, in the reader's language (written with the feeds)."""
        return renderer.href(lang, f"calendars/events/{event_id}.ics")

    return renderer.render(
        template,
        lang,
        pick=pick,
        city_name=city_name,
        city_name_of=lambda city: pick_city_name(city, lang, fallbacks),
        amount=amount,
        when=when,
        status=status,
        event_status=event_status,
        country=country,
        markdown=safe_markdown,
        calendar_href=calendar_href,
        relations=site_relations(renderer),
        **values,
    )


def site_relations(renderer: Renderer) -> Relations:
    return relations(renderer.catalog)


def topic_tags(renderer: Renderer, topic_ids: list[str], lang: str) -> list[tuple[str, tuple[str, str], bool]]:
    """(id, picked label, whether news/topics/<id>/ exists) per topic: only topics that
    some article carries have a page to link to."""
    fallbacks = renderer.settings.fallbacks(lang)
    with_pages = site_relations(renderer).news_topics
    topics = renderer.catalog.topics
    return [(topic, topics[topic].pick(lang, fallbacks), topic in with_pages) for topic in topic_ids if topic in topics]
