"""About (about/index.md in each language): after its hand-written text, who publishes the
hub, the address readers write to and the public repository, from data/hub.yml and the
settings, so that they are written once for every language."""

from __future__ import annotations

from typing import Any

from ..site.render import Renderer
from ..site.views import render_view

ABOUT_PAGE = "about/index.md"


def render_about(renderer: Renderer, markdown: str, src_uri: str, lang: str, meta: dict[str, Any]) -> str | None:
    if src_uri != ABOUT_PAGE or renderer.catalog.facts is None:
        return None
    block = render_view(
        renderer, "about_publisher.html", lang,
        publisher=renderer.catalog.facts.publisher,
        repository_url=renderer.settings.repository_url,
    )
    # A Markdown heading, so that it is listed in the page's contents with the others.
    heading = renderer.ui.t("publisher_heading", lang)
    return f"{markdown}\n\n## {heading} {{#publisher}}\n\n{block}\n"
