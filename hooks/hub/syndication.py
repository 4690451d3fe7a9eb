"""Feeds, calendars and OPML files for one build: what HubBuild asks of them.

Pages ask, once each, which feeds to announce in their head (cheap look-ups). The files
are written once, after all language builds (HubBuild.finish), straight into the built
site: they are not pages, and `mkdocs serve` serves its build directory as it is, so they
exist there too. Each item is rendered once per language however many feeds carry it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .calendars import CalendarWriter
from .feed_html import ArticleHtml, MarkdownOptions
from .feeds import FeedWriter, ItemContent, language_items
from .opml import opml_bytes
from .render import Renderer
from .subscriptions import OPML_PATH, FeedLink, Subscriptions

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

    def write(self, site_dir: Path) -> None:
        settings = self.renderer.settings
        content = ItemContent(self.renderer, ArticleHtml(settings, self.docs_dir, self.markdown))
        feeds = FeedWriter(self.renderer, self.subscriptions, content)
        calendars = CalendarWriter(self.renderer, self.subscriptions)
        counts = [0, 0]
        for lang in settings.languages:
            items = language_items(self.renderer.catalog, self.renderer, lang)
            counts[0] += len(feeds.write_language(site_dir, lang, items))
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
