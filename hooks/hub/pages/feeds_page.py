"""The Feeds page (feeds/ in each language): the hand-written introduction of
docs/<lang>/feeds.md, then every feed, calendar and the OPML file of that language, each
with its absolute address to copy into a reader app.

The list comes from `subscriptions`, the same definition the files are written from, so
the page never lists a file that does not exist.
"""

from __future__ import annotations

from typing import Any

from ..channels.feeds import CITY_FEED_LIMIT, FEED_LIMIT
from ..site.render import Renderer
from ..site.subscriptions import FORMAT_NAMES, FORMATS, OPML_PATH, Subscriptions

FEEDS_PAGE = "feeds.md"


def render_feeds_page(renderer: Renderer, markdown: str, src_uri: str, lang: str, meta: dict[str, Any]) -> str | None:
    if src_uri != FEEDS_PAGE:
        return None
    subscriptions = Subscriptions(renderer.settings, renderer.catalog, renderer.ui)
    listing = renderer.render(
        "feeds_page.html",
        lang,
        site_feeds=subscriptions.site_feeds(lang),
        city_feeds=subscriptions.city_feeds(lang),
        calendars=subscriptions.calendars(lang),
        formats=[(fmt, FORMAT_NAMES[fmt], mime) for fmt, mime in FORMATS.items()],
        url=lambda path: renderer.settings.url(lang, path),
        opml_path=OPML_PATH,
        limit=FEED_LIMIT,
        city_limit=CITY_FEED_LIMIT,
    )
    return f"{markdown}\n\n{listing}\n"
