"""Policy explainers (docs/<lang>/policies/<slug>.md): what an explainer shows besides its
text (the official title and dates of the document it explains, and the opportunities
that point to it, their `policy` field), the listing under the introduction of policies/,
and what its page tells search engines (an Article about a Legislation).
"""

from __future__ import annotations

from typing import Any

from ..site.render import Renderer
from ..site.views import render_view, site_relations
from ..source.catalog import Article, PageText
from ..source.models import PolicyOriginal, PolicyTranslation
from . import ArticleKind


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


def render_policies_index(
    renderer: Renderer, markdown: str, src_uri: str, lang: str, meta: dict[str, Any]
) -> str | None:
    if src_uri != "policies/index.md":
        return None
    listing = renderer.render("article_list.html", lang, articles=renderer.catalog.policies)
    return f"{markdown}\n\n{listing}\n"


def seo_facts(renderer: Renderer, article: Article, text: PageText) -> dict[str, Any]:
    meta = article.meta
    issued = getattr(meta, "issued", None)
    effective = getattr(meta, "effective", None)
    return {
        # The official title is the original's (Chinese); a translation of it
        # becomes the Legislation's alternateName.
        "legislation_name": getattr(meta, "official_title", None),
        "legislation_lang": renderer.settings.default_language,
        "legislation_name_translated": text.official_title_translation,
        "issued": issued.isoformat() if issued else None,
        "effective": effective.isoformat() if effective else None,
    }


KIND = ArticleKind(
    name="policy",
    folder="policies",
    original=PolicyOriginal,
    translation=PolicyTranslation,
    listing=render_policies_index,
    seo=seo_facts,
    frame=policy_parts,
)
