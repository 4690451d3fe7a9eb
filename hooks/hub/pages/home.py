"""The front page: the newest story first, then what a reader comes back for (the latest
news, opportunities still on offer, events, partner cities, policy explainers), and the
hand-written welcome last. Everything is chosen from the content on the build date.

Only records that are live on the build date are promoted. The two `promoted_*`
functions below are the one place that decides it.
"""

from __future__ import annotations

from ..site.render import Renderer
from ..site.views import (
    open_opportunities,
    opportunity_status_on_build_date,
    past_events,
    pick_city_name,
    render_view,
    upcoming_events,
)
from ..source.models import City, Event, Opportunity

LATEST_NEWS = 4
PROMOTED_OPPORTUNITIES = 3
PROMOTED_EVENTS = 3
PARTNER_CITIES = 8
POLICIES = 3


def promoted_opportunities(renderer: Renderer) -> list[tuple[str, Opportunity]]:
    """Opportunities the home page advertises: those open on the build date, nearest
    deadline first (so those closing soon come first), those without a deadline last."""
    return [item for item in open_opportunities(renderer)
            if opportunity_status_on_build_date(renderer, item[1]).state in ("open", "closing-soon")]


def promoted_events(renderer: Renderer) -> list[tuple[str, Event]]:
    """Events the home page advertises as coming: those not over yet and not called off,
    soonest first."""
    return [item for item in upcoming_events(renderer) if item[1].status != "cancelled"]


def partner_cities(renderer: Renderer, lang: str) -> list[tuple[str, City]]:
    """The partner cities with a page, the most recent relationships first."""
    fallbacks = renderer.settings.fallbacks(lang)
    cities = sorted(renderer.catalog.cities.items(),
                    key=lambda item: (-item[1].established, pick_city_name(item[1], lang, fallbacks)[0]))
    return cities[:PARTNER_CITIES]


def render_home_sections(renderer: Renderer, lang: str) -> str:
    news = renderer.catalog.news
    events = promoted_events(renderer)
    return render_view(
        renderer, "home.html", lang,
        lead=news[:1],
        articles=news[1:1 + LATEST_NEWS],
        opportunities=promoted_opportunities(renderer)[:PROMOTED_OPPORTUNITIES],
        events=events[:PROMOTED_EVENTS],
        # With nothing coming up, the latest that took place, marked as past.
        past=[] if events else past_events(renderer)[:PROMOTED_EVENTS],
        cities=partner_cities(renderer, lang),
        cities_listed=len(renderer.catalog.cities),
        reported=renderer.catalog.facts.partner_cities_reported if renderer.catalog.facts else None,
        policies=renderer.catalog.policies[:POLICIES],
        site_name=renderer.settings.site_names[lang],
    )
