"""Pieces of Material's page frame rendered once and reused.

Material renders its navigation and tabs for every page. A page outside the navigation
(an article, a city, an event: nearly every page of a large hub) marks nothing in them
as active, and their links, relative to the page, are the same for every page of one
folder (`news/2024/a/` and `news/2024/b/` both reach the news section as `../../`).
overrides/partials/nav.html and tabs.html (both through hub-frame.html) render Material's
own partial (reached through hub.stack) once per language and folder and reuse it; other
pages are rendered as Material renders them.

Material's settings for its scripts (the `config` block of its base.html: strings of the
language, features, the site root and the search worker relative to the page) are the same
for every page of a language at one depth: overrides/main.html keeps them by language and
`base_url` here, for every page. So are the other parts of Material's frame that depend
on nothing else: its header but the page's title and language links
(overrides/partials/header.html), its style sheets, fonts, polyfills, analytics, scripts and
footer (without "navigation.footer", whose links lead to the page's neighbours).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def frame_key(page: Any, nav: Any, lang: str) -> str | None:
    """The key of the frame this page shares with the other pages of its folder, or None
    when it has a frame of its own: it is in the navigation (something in it is active),
    or a navigation link leads inside it (that link is relative to the page itself)."""
    url = page.url or ""
    if nav is None or not url.endswith("/"):
        return None
    for item in nav.pages:
        if item is page or (item.url or "").startswith(url):
            return None
    folder = url[: url.rstrip("/").rfind("/") + 1]
    return f"{lang}:{folder}"


@dataclass
class RenderedFragments:
    """HTML by (partial, key), for one build."""

    _html: dict[tuple[str, str], str] = field(default_factory=dict)

    def kept(self, partial: str, key: str, render: Callable[[], str]) -> str:
        """The HTML of `partial` for `key`, from `render()` (a template's `super` or `caller`)
        the first time it is asked for."""
        html = self._html.get((partial, key))
        if html is None:
            html = self._html[(partial, key)] = render()
        return html
