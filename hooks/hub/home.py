"""The home page under its hand-written welcome: key figures, the latest news, the open
opportunities with the nearest deadlines and the next events. Every figure is counted
from the content on the build date; none is written into a page.
"""

from __future__ import annotations

from babel.numbers import format_decimal

from .render import Renderer
from .views import open_opportunities, render_view, upcoming_events

LATEST_NEWS = 5
NEAREST_OPPORTUNITIES = 3
NEXT_EVENTS = 3


def key_figures(renderer: Renderer) -> list[tuple[str, int]]:
    """(figure id, value), in the order shown; the ids name the UI strings (figure_<id>)."""
    catalog = renderer.catalog
    figures: list[tuple[str, int]] = []
    if catalog.facts is not None:
        figures.append(("cities-reported", catalog.facts.partner_cities_reported.value))
    figures += [
        ("cities-listed", len(catalog.cities)),
        ("open-opportunities", len(open_opportunities(renderer))),
        ("upcoming-events", len(upcoming_events(renderer))),
        ("articles", len(catalog.news)),
    ]
    return figures


def render_home_sections(renderer: Renderer, lang: str) -> str:
    figures = [(key, format_decimal(value, locale=lang)) for key, value in key_figures(renderer)]
    return render_view(
        renderer, "home.html", lang,
        figures=figures,
        articles=renderer.catalog.news[:LATEST_NEWS],
        opportunities=open_opportunities(renderer)[:NEAREST_OPPORTUNITIES],
        events=upcoming_events(renderer)[:NEXT_EVENTS],
    )
