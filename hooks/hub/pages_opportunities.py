"""Opportunities: one page per opportunity and language (opportunities/<id>/, kept after
it closes), the closed ones at opportunities/closed/, and the open ones by sector under
the hand-written introduction of opportunities/. Those without a deadline that nobody has
confirmed lately (unconfirmed) are listed there too, below the open ones and apart from
them, under a heading that says what that means: they are not counted as open.

Open, closing soon or closed is decided on the build date (see `status`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .generate import GeneratedPage
from .models import Opportunity
from .render import Renderer
from .views import (
    closed_opportunities,
    open_opportunities,
    render_view,
    site_relations,
    topic_tags,
    unconfirmed_opportunities,
)


def opportunity_pages(renderer: Renderer, lang: str) -> Iterator[GeneratedPage]:
    fallbacks = renderer.settings.fallbacks(lang)
    catalog = renderer.catalog
    related = site_relations(renderer)
    for opportunity_id, opportunity in sorted(catalog.opportunities.items()):
        body = render_view(
            renderer, "opportunity.html", lang,
            opportunity_id=opportunity_id,
            opportunity=opportunity,
            sector=catalog.sectors[opportunity.sector].pick(lang, fallbacks),
            policy=related.policies.get(opportunity.policy) if opportunity.policy else None,
            topics=topic_tags(renderer, opportunity.topics, lang),
        )
        title, _ = opportunity.title.pick(lang, fallbacks)
        yield GeneratedPage(lang, f"opportunities/{opportunity_id}.md", title, body)
    yield GeneratedPage(
        lang, "opportunities/closed.md", renderer.ui.t("closed_opportunities", lang),
        render_view(renderer, "opportunities_closed.html", lang, items=closed_opportunities(renderer)),
    )


def by_sector(renderer: Renderer, lang: str) -> list[tuple[str, tuple[str, str], list[tuple[str, Opportunity]]]]:
    """Open opportunities grouped by sector (sectors in the order of data/sectors.yml),
    each group nearest deadline first."""
    fallbacks = renderer.settings.fallbacks(lang)
    groups: dict[str, list[tuple[str, Opportunity]]] = {sector: [] for sector in renderer.catalog.sectors}
    for item in open_opportunities(renderer):
        groups.setdefault(item[1].sector, []).append(item)
    return [
        (sector, renderer.catalog.sectors[sector].pick(lang, fallbacks), items)
        for sector, items in groups.items()
        if items
    ]


def render_opportunities_index(
    renderer: Renderer, markdown: str, src_uri: str, lang: str, meta: dict[str, Any]
) -> str | None:
    if src_uri != "opportunities/index.md":
        return None
    listing = render_view(
        renderer, "opportunities_index.html", lang,
        groups=by_sector(renderer, lang), closed_count=len(closed_opportunities(renderer)),
        unconfirmed=unconfirmed_opportunities(renderer),
    )
    return f"{markdown}\n\n{listing}\n"
