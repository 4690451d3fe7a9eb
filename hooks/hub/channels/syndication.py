"""Feeds, calendars and OPML files for one build: what HubBuild asks of them.

Pages ask, once each, which feeds to announce in their head (cheap look-ups), and whether
their HTML is wanted for a feed item (`wants_page`: an article that some feed of its
language carries); HubBuild keeps that HTML. The files are written once, after all
language builds (HubBuild.finish), straight into the built site: they are not pages, and
`mkdocs serve` serves its build directory as it is, so they exist there too. Which items
each feed carries is worked out once per language; each item's HTML is made once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..site.render import Renderer
from ..site.subscriptions import OPML_PATH, FeedLink, Subscriptions
from ..source.catalog import Article
from .calendars import CalendarWriter
from .feed_html import ArticleHtml, MarkdownOptions
from .feeds import FeedItem, FeedWriter, ItemContent, distribute, language_items, page_key
from .opml import opml_bytes

log = logging.getLogger("mkdocs.hooks.hub")


@dataclass
class Syndication:
    renderer: Renderer
    docs_dir: Path
    markdown: MarkdownOptions
    subscriptions: Subscriptions = field(init=False)

    def __post_init__(self) -> None:
        self.subscriptions = Subscriptions(self.renderer.settings, self.renderer.catalog, self.renderer.ui)

    @classmethod
    def from_config(cls, renderer: Renderer, config: Any) -> Syndication:
        return cls(renderer, Path(config.docs_dir), MarkdownOptions.from_config(config))

    def page_feeds(self, lang: str, url_path: str) -> list[FeedLink]:
        return self.subscriptions.page_feeds(lang, url_path)

    def wants_page(self, lang: str, src_uri: str) -> bool:
        """True when the page of `src_uri` built in `lang` is an item of one of its feeds."""
        return src_uri in self._wanted_pages.get(lang, ())

    def page_for_feeds(self, lang: str, src_uri: str, html: str | None) -> dict[str, str]:
        """{page_key: html} for a page built in its own language that a feed carries, else
        {}: what HubBuild keeps for `write`, so that no article is rendered twice."""
        if html and self.wants_page(lang, src_uri):
            return {page_key(lang, src_uri): html}
        return {}

    @cached_property
    def _plans(self) -> dict[str, tuple[list[FeedItem], dict[str, list[FeedItem]]]]:
        """Per language: every item (newest first) and the items of each feed."""
        plans = {}
        for lang in self.renderer.settings.languages:
            items = language_items(self.renderer.catalog, self.renderer, lang)
            plans[lang] = (items, distribute(self.subscriptions.feeds(lang), items))
        return plans

    @cached_property
    def _wanted_pages(self) -> dict[str, set[str]]:
        return {
            lang: {item.record.src_uri for bucket in buckets.values() for item in bucket
                   if isinstance(item.record, Article)}
            for lang, (_items, buckets) in self._plans.items()
        }

    def write(self, site_dir: Path, pages: dict[str, str] | None = None) -> None:
        """Every feed, calendar and OPML file; `pages`: article page HTML by page_key."""
        settings = self.renderer.settings
        content = ItemContent(self.renderer, ArticleHtml(settings, self.docs_dir, self.markdown), pages or {})
        feeds = FeedWriter(self.renderer, self.subscriptions, content)
        calendars = CalendarWriter(self.renderer, self.subscriptions)
        counts = [0, 0]
        for lang in settings.languages:
            items, buckets = self._plans[lang]
            counts[0] += len(feeds.write_language(site_dir, lang, buckets))
            counts[1] += len(calendars.write_language(site_dir, lang))
            newest = max((item.updated for item in items), default=settings.build_time)
            opml = opml_bytes(
                settings,
                lang=lang,
                title=self.renderer.ui.t("feed_opml_title", lang, site=settings.site_names[lang]),
                groups=[
                    (self.renderer.ui.t("feeds_page_site", lang), self.subscriptions.site_feeds(lang)),
                    (self.renderer.ui.t("feeds_page_cities", lang), self.subscriptions.city_feeds(lang)),
                ],
                modified=newest,
            )
            path = site_dir / settings.lang_prefix(lang) / OPML_PATH
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(opml)
        log.info(f"hub: {counts[0]} feeds, {counts[1]} calendars, {len(settings.languages)} OPML files")
