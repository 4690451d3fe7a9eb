"""Which language versions of a page exist, and what a page announces about them.

A page shown in a language it was not written in (a fallback) carries a notice and a
canonical link to the original, and is not announced as a translation: hreflang lists
only real versions, with absolute URLs and an x-default. The sitemap carries the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from .settings import HubSettings


@dataclass(frozen=True)
class PageVersions:
    """What the head of one built page says about its language versions."""

    lang: str  # the language of the build (URL prefix, <html lang>, chrome)
    content_lang: str  # the language the text is written in
    url_path: str  # path inside a language root, e.g. news/2025/x/
    canonical: str
    alternates: tuple[tuple[str, str], ...]  # (hreflang, absolute URL), x-default last

    @property
    def is_fallback(self) -> bool:
        return self.content_lang != self.lang


def page_versions(
    settings: HubSettings, *, lang: str, content_lang: str, url_path: str, languages_with_text: set[str]
) -> PageVersions:
    own_url = settings.url(lang, url_path)
    if content_lang != lang:
        return PageVersions(lang, content_lang, url_path, settings.url(content_lang, url_path), ())
    real = [code for code in settings.languages if code in languages_with_text]
    alternates = [(code, settings.url(code, url_path)) for code in real]
    default = settings.default_language if settings.default_language in real else real[0]
    alternates.append(("x-default", settings.url(default, url_path)))
    return PageVersions(lang, content_lang, url_path, own_url, tuple(alternates))


def strip_lang_prefix(settings: HubSettings, lang: str, page_url: str) -> str:
    """`en/news/x/` -> `news/x/`; the default language has no prefix."""
    prefix = settings.lang_prefix(lang)
    url = "" if page_url in (".", "./") else page_url
    return url[len(prefix) :] if prefix and url.startswith(prefix) else url


@dataclass
class SitemapCollector:
    """Pages seen during the language builds, written out once all are done."""

    entries: dict[str, PageVersions] = field(default_factory=dict)

    def add(self, versions: PageVersions) -> None:
        if not versions.is_fallback:
            self.entries[versions.canonical] = versions

    def xml(self) -> str:
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        ]
        for url in sorted(self.entries):
            lines.append(f"  <url>\n    <loc>{escape(url)}</loc>")
            for hreflang, href in self.entries[url].alternates:
                link = f"hreflang={quoteattr(hreflang)} href={quoteattr(href)}"
                lines.append(f'    <xhtml:link rel="alternate" {link}/>')
            lines.append("  </url>")
        lines.append("</urlset>")
        return "\n".join(lines) + "\n"
