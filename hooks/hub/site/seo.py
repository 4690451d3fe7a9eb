"""What a page tells link previews and search engines about itself: the values of its
OpenGraph tags and the facts its JSON-LD carries, in the language of the page's text.

Values only; the markup (and the schema.org vocabulary) is in overrides/partials/hub-seo.html.
Types by kind of page:

- news article: NewsArticle; policy explainer: Article about a Legislation (the policy
  document, with its issuing and effective dates);
- partner city: City, inside its Country, with GeoCoordinates;
- opportunity: Offer. Every kind (incentive, grant, partnership, procurement, call for
  participation) is something an issuer offers to applicants; `validFrom` is the
  publication date and `validThrough` the deadline, `offeredBy` the issuer, `category`
  the sector. (schema.org's Grant has no deadline; Offer has.)
- event: Event with its status, place and organiser. Timed events carry their UTC offset
  (2025-05-10T09:30+02:00); all-day events are dates (2025-04-21), as schema.org's Date.
- a kind of record a site adds: WebPage with its summary as description;
- home: WebSite; every other page: WebPage.

The facts particular to a kind are given by its module (hub.kinds).

Non-CreativeWork entities (City, Offer, Event) say their page's language through
`mainEntityOfPage`, a WebPage with `inLanguage`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from babel.core import get_global

from ..kinds import article_kinds, kind_in
from .alternates import PageVersions
from .render import Renderer


@cache
def og_locale(lang: str) -> str:
    """OpenGraph's language_TERRITORY form, from CLDR's likely subtags: zh -> zh_CN."""
    likely = get_global("likely_subtags").get(lang, lang)
    parts = likely.split("_")
    return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else parts[0]


@dataclass(frozen=True)
class PageSeo:
    kind: str  # news, policy, city, opportunity, event, home, page
    url: str  # absolute; the canonical URL (the original's, on a fallback page)
    lang: str  # the language of the page's text
    locale: str
    alternate_locales: tuple[str, ...]
    site_name: str
    home: str  # absolute URL of the home page in the page's language
    logo: str
    description: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def og_type(self) -> str:
        return "article" if self.kind in ("news", "policy") else "website"


def page_seo(renderer: Renderer, *, src_uri: str, lang: str, versions: PageVersions) -> PageSeo:
    """`src_uri`: the page's path inside a language folder (news/2025/x.md)."""
    settings = renderer.settings
    text_lang = versions.content_lang
    kind, description, facts = _facts(renderer, src_uri, text_lang)
    return PageSeo(
        kind=kind,
        url=versions.canonical,
        lang=text_lang,
        locale=og_locale(text_lang),
        alternate_locales=tuple(
            og_locale(code) for code, _ in versions.alternates if code not in (text_lang, "x-default")
        ),
        site_name=settings.site_names.get(lang, ""),
        home=settings.url(lang, ""),
        logo=settings.site_url + "assets/favicon.svg",
        description=description,
        facts=facts,
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _facts(renderer: Renderer, src_uri: str, lang: str) -> tuple[str, str | None, dict[str, Any]]:
    catalog = renderer.catalog
    fallbacks = renderer.settings.fallbacks(lang)

    def pick(text: Any) -> str | None:
        return text.pick(lang, fallbacks)[0] if text is not None else None

    article = catalog.article(src_uri)
    if article is not None:
        text = article.text(lang, fallbacks)
        meta = article.meta
        facts: dict[str, Any] = {
            "headline": text.title,
            "published": _iso(meta.date),
            "modified": _iso(meta.updated or meta.date),
            "keywords": [pick(catalog.topics[t]) for t in meta.topics if t in catalog.topics],
        }
        kind = next(kind for kind in article_kinds() if kind.name == article.kind)
        if kind.seo is not None:
            facts |= kind.seo(renderer, article, text)
        return article.kind, text.summary, facts

    folder, _, stem = src_uri.removesuffix(".md").partition("/")
    kind = kind_in(catalog.kinds, folder)
    record = catalog.records.get(folder, {}).get(stem) if kind is not None else None
    if kind is not None and record is not None:
        if kind.seo is None:
            return kind.name, pick(getattr(record, "summary", None)), {}
        description, facts = kind.seo(renderer, stem, record, lang)
        return kind.name, description, facts
    return ("home" if src_uri == "index.md" else "page"), None, {}
