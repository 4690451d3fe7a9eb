"""Opportunities: one page per opportunity and language (opportunities/<id>/, kept after
it closes), the closed ones at opportunities/closed/, and the open ones by sector under
the hand-written introduction of opportunities/. Those without a deadline that nobody has
confirmed lately (unconfirmed) are listed there too, below the open ones and apart from
them, under a heading that says what that means: they are not counted as open.

Open, closing soon or closed is decided on the build date (see `status`). A page is a
schema.org Offer; the feeds date an opportunity by its publication (midnight in the hub's
time zone).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any, get_args
from zoneinfo import ZoneInfo

from ..graphics.card_draw import Card
from ..pages.generate import GeneratedPage
from ..site.dates import long_date
from ..site.render import Renderer
from ..site.views import (
    closed_opportunities,
    open_opportunities,
    render_view,
    site_relations,
    topic_tags,
    unconfirmed_opportunities,
)
from ..source.amounts import format_amount
from ..source.models import Opportunity
from ..source.prose import safe_markdown
from . import RecordFeed, RecordKind


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


def seo_facts(
    renderer: Renderer, opportunity_id: str, opportunity: Opportunity, lang: str
) -> tuple[str | None, dict[str, Any]]:
    fallbacks = renderer.settings.fallbacks(lang)
    sector = renderer.catalog.sectors.get(opportunity.sector)
    facts = {
        "name": opportunity.title.pick(lang, fallbacks)[0],
        "issuer": opportunity.issuer.pick(lang, fallbacks)[0],
        "valid_from": opportunity.published.isoformat(),
        "valid_through": opportunity.deadline.isoformat() if opportunity.deadline else None,
        "category": sector.pick(lang, fallbacks)[0] if sector is not None else None,
    }
    return opportunity.summary.pick(lang, fallbacks)[0], facts


def card(renderer: Renderer, offer: Opportunity, lang: str, site_name: str) -> Card:
    ui = renderer.ui
    kind = ui.t("kind_" + offer.kind.replace("-", "_"), lang)
    when = (ui.t("label_colon", lang, label=ui.t("deadline", lang)) + " " + long_date(offer.deadline, lang)
            if offer.deadline else long_date(offer.published, lang))
    title = offer.title.pick(lang, renderer.settings.fallbacks(lang))[0]
    return Card(lang, title, ui.t("card_kind_opportunity", lang, kind=kind), site_name, when)


def announced(opportunity: Opportunity, zone: ZoneInfo) -> datetime:
    day = opportunity.published
    return datetime(day.year, day.month, day.day, tzinfo=zone)


def feed_html(
    renderer: Renderer, opportunity_id: str, opportunity: Opportunity, lang: str, values: dict[str, Any]
) -> str:
    catalog = renderer.catalog
    fallbacks = renderer.settings.fallbacks(lang)
    policy = catalog.article(f"policies/{opportunity.policy}.md") if opportunity.policy else None
    sector = catalog.sectors.get(opportunity.sector)
    return renderer.render(
        "feed_opportunity.html", lang, opportunity=opportunity, **values,
        sector=sector.pick(lang, fallbacks)[0] if sector else opportunity.sector,
        amount=format_amount(opportunity.amount, lang, renderer.ui) if opportunity.amount else None,
        details=safe_markdown(opportunity.details.pick(lang, fallbacks)[0]) if opportunity.details else None,
        policy=policy,
        policy_title=renderer.article_text(policy, lang).title if policy else None,
    )


def _stub_values() -> dict[str, Any]:
    return {"kinds": ", ".join(get_args(Opportunity.model_fields["kind"].annotation))}


KIND = RecordKind(
    name="opportunity",
    folder="opportunities",
    model=Opportunity,
    label="opportunity",
    plural="opportunities",
    schema_description="Something a partner can apply for: data/opportunities/<id>.yml",
    pages=opportunity_pages,
    listing=render_opportunities_index,
    references=(("cities", "cities"), ("topics", "topics"), ("sector", "sectors"), ("policy", "policies")),
    seo=seo_facts,
    card=card,
    feed=RecordFeed(announced=announced, html=feed_html),
    listing_pages=("closed",),
    stub_values=_stub_values,
)
