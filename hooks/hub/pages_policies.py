"""What a policy explainer shows besides its text: the official title and dates of the
document it explains, and the opportunities that point to it (their `policy` field).
"""

from __future__ import annotations

from .catalog import Article
from .models import PolicyOriginal
from .render import Renderer
from .views import render_view, site_relations


def policy_parts(renderer: Renderer, article: Article, lang: str) -> tuple[str, str]:
    """(HTML to put above the text, HTML to put below it); empty for a news article."""
    if article.kind != "policy" or not isinstance(article.meta, PolicyOriginal):
        return "", ""
    text = article.text(lang, renderer.settings.fallbacks(lang))
    # The official title is the original's; a translation of it is ours, and unofficial.
    translation = (text.official_title_translation, text.lang) if text.official_title_translation else None
    facts = render_view(
        renderer, "policy_facts.html", lang,
        policy=article, translation=translation, original_lang=renderer.settings.default_language,
    )
    items = site_relations(renderer).policy_opportunities.get(article.slug, [])
    after = render_view(renderer, "policy_opportunities.html", lang, items=items) if items else ""
    return facts, after
