"""Drafts and scheduled articles: what a published build leaves out.

An article or explainer whose original (docs/<default>/…) says `draft: true`, or whose
`date` is after the build day (settings.build_date), is *withheld*. A published build
(`mkdocs build`, and the commands that describe the published site: check, translations)
drops it from the catalog, so it is in no listing, feed, related link, sitemap, search
index or translations report, and HubBuild removes its files in every language before
MkDocs sees them, so it is no page either. A preview (`mkdocs serve`: settings.preview)
keeps it, with a banner saying why it will not be published yet.

A scheduled article appears on the first build of its day: the daily deploy makes it.
It is checked like every other page all along, so it cannot fail on its day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .catalog import Article, Catalog


@dataclass(frozen=True)
class Withheld:
    """Why a page is not published: a draft, or not before `scheduled`."""

    draft: bool
    scheduled: date | None

    def describe(self) -> str:
        return "draft" if self.draft else f"scheduled for {self.scheduled}"


def withheld(article: Article, today: date) -> Withheld | None:
    if article.meta.draft:
        return Withheld(True, article.date if article.date > today else None)
    if article.date > today:
        return Withheld(False, article.date)
    return None


def apply(catalog: Catalog, today: date, *, keep: bool) -> None:
    """Note every withheld article in `catalog.withheld`; unless `keep` (a preview), drop
    them from the catalog as if they did not exist."""
    catalog.withheld = {
        article.src_uri: reason for article in catalog.articles() if (reason := withheld(article, today))
    }
    if keep or not catalog.withheld:
        return
    catalog.news = [a for a in catalog.news if a.src_uri not in catalog.withheld]
    catalog.policies = [a for a in catalog.policies if a.src_uri not in catalog.withheld]
    for src_uri in catalog.withheld:
        catalog.page_languages.pop(src_uri, None)
    catalog.forget_index()
