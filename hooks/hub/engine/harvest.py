"""What the language builds of one process collect for the steps that finish the site.

The site is finished once, after every language is built (HubBuild.finish): sitemap,
404 pages, feeds and the search index need what each language build saw. A forked worker
(hub.engine.parallel) sends its harvest back whole, pickled, and `merge` adds it to this
process's. A worker builds other languages than this process, so nothing is collected
twice; a page collected twice with different contents is a fault of the build, said so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from ..site.alternates import SitemapCollector

V = TypeVar("V")


@dataclass
class LanguageHarvest:
    # Indexed pages (language -> paths in the site) in the order they were built: each
    # language's index takes its pages in that order, whichever process built them
    # (hub.engine.search).
    search_pages: dict[str, list[str]] = field(default_factory=dict)
    # Every page built in its own language, with its versions (sitemap.xml).
    sitemap: SitemapCollector = field(default_factory=SitemapCollector)
    # The HTML of article pages that feeds carry, by feeds.page_key (hub.channels.syndication).
    feed_pages: dict[str, str] = field(default_factory=dict)
    # Each language's 404 page, as written (hub.engine.not_found).
    not_found_pages: dict[str, str] = field(default_factory=dict)

    def merge(self, other: LanguageHarvest) -> None:
        """Add what another process's language builds collected (theirs come after ours)."""
        for lang, pages in other.search_pages.items():
            self.search_pages.setdefault(lang, []).extend(pages)
        _add_new(self.sitemap.entries, other.sitemap.entries, "sitemap entry")
        _add_new(self.feed_pages, other.feed_pages, "page of a feed")
        _add_new(self.not_found_pages, other.not_found_pages, "404 page of the language")


def _add_new(mine: dict[str, V], theirs: dict[str, V], what: str) -> None:
    for key, value in theirs.items():
        if key in mine and mine[key] != value:
            raise ValueError(f"the {what} {key!r} was collected by two language builds, differently: "
                             "was one language built by two processes?")
        mine[key] = value
