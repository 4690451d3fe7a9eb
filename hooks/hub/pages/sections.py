"""What the hub adds to hand-written pages as they are rendered.

Each renderer has the shape `render_x(renderer, markdown, src_uri, lang, meta) -> str | None`
and starts with a guard: it returns None when the page is not its own, and the first
renderer that answers wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import Any

from ..graphics import slots
from ..kinds import article_kinds
from ..site.render import Renderer
from . import translations
from .about import render_about
from .article_parts import article_filed, article_header, related_articles
from .feeds_page import render_feeds_page
from .generate import Generator
from .home import render_home_sections

PageRenderer = Callable[[Renderer, str, str, str, dict[str, Any]], "str | None"]


def _markdown_heading(text: str) -> str:
    """A title as a Markdown h1 that shows exactly the text: HTML and Markdown escaped."""
    return "# " + re.sub(r"([\\`*_{}\[\]()#+!|~>-])", r"\\\1", escape(text, quote=False))


def render_article(renderer: Renderer, markdown: str, src_uri: str, lang: str, meta: dict[str, Any]) -> str | None:
    """News articles and policy explainers: the title above the text. What goes around the
    text in the reader's language (article_frame) is added to the HTML after conversion,
    so that an untranslated article is the same Markdown in every language that shows it."""
    article = renderer.catalog.article(src_uri)
    if article is None:
        return None
    title = str(meta.get("title") or article.text(lang, renderer.settings.fallbacks(lang)).title)
    return f"{_markdown_heading(title)}\n\n{markdown}\n"


def article_frame(renderer: Renderer, src_uri: str, lang: str, *, summary_copy: bool = False) -> tuple[str, str] | None:
    """(HTML under an article's title, HTML after its text): dates above; topics, cities and
    related articles below; for an explainer also the document it explains and the
    opportunities behind it. `summary_copy`: the page is a summary fallback copy
    (hub.pages.fallback_copies), a stop on the way to the original, which has the related
    articles and the QR code to share it: about 4 KB of each such copy (bench/README.md,
    "Bytes")."""
    article = renderer.catalog.article(src_uri)
    if article is None:
        return None
    header = article_header(renderer, article, lang)
    kind = next(kind for kind in article_kinds() if kind.name == article.kind)
    facts, after = kind.frame(renderer, article, lang) if kind.frame is not None else ("", "")
    filed = article_filed(renderer, article, lang)
    extras = () if summary_copy else (related_articles(renderer, article, lang), slots.slot("share"))
    below = "\n".join(part for part in (after, filed, *extras) if part)
    return f"{header}\n{facts}", below


def render_home(renderer: Renderer, markdown: str, src_uri: str, lang: str, meta: dict[str, Any]) -> str | None:
    if src_uri != "index.md":
        return None
    # The story first; the hand-written welcome closes the page, under its own heading.
    return f"{render_home_sections(renderer, lang)}\n\n{markdown}\n"


# Then the listing of each kind of article and record (hub.kinds), under its section's introduction.
PAGE_RENDERERS: list[PageRenderer] = [
    render_article,
    render_home,
    render_feeds_page,
    render_about,
]
# Pages made besides those of each kind of article and record (hub.kinds).
GENERATORS: list[Generator] = [
    translations.translations_page,
]


def render_page(renderer: Renderer, markdown: str, src_uri: str, lang: str, meta: dict[str, Any]) -> str:
    kinds = (*article_kinds(), *renderer.settings.record_kinds)
    listings = (kind.listing for kind in kinds if kind.listing is not None)
    for page_renderer in (*PAGE_RENDERERS, *listings):
        result = page_renderer(renderer, markdown, src_uri, lang, meta)
        if result is not None:
            return result
    return markdown
