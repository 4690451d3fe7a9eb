"""Which language versions of a page exist, and what a page announces about them.

A page shown in a language it was not written in (a fallback) carries a notice and a
canonical link to the original, and is not announced as a translation: hreflang lists
only real versions, with absolute URLs and an x-default. The sitemap carries the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from ..source.settings import HubSettings


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


# The sitemap protocol (sitemaps.org): at most this many addresses and bytes (uncompressed)
# in one sitemap file; a site with more is listed by a sitemap index of several files.
SITEMAP_MAX_URLS = 50_000
SITEMAP_MAX_BYTES = 50 * 1024 * 1024
SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
URLSET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<urlset xmlns="{SITEMAP_NAMESPACE}" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)
URLSET_END = "</urlset>\n"
SITEMAP_FILE = "sitemap.xml"
SITEMAP_PART = re.compile(r"sitemap-[0-9]+\.xml")


def sitemap_part_name(number: int) -> str:
    """`sitemap-1.xml`, `sitemap-2.xml`…: the files a sitemap index lists."""
    return f"sitemap-{number}.xml"


@dataclass
class SitemapCollector:
    """Pages seen during the language builds, written out once all are done."""

    entries: dict[str, PageVersions] = field(default_factory=dict)

    def add(self, versions: PageVersions) -> None:
        if not versions.is_fallback:
            self.entries[versions.canonical] = versions

    def xml(self) -> str:
        """Every page in one urlset, whatever its size."""
        return URLSET_START + "".join(self._url_elements()) + URLSET_END

    def files(self, site_url: str, *, max_urls: int = SITEMAP_MAX_URLS,
              max_bytes: int = SITEMAP_MAX_BYTES) -> dict[str, str]:
        """File name -> text: `sitemap.xml` alone while every page fits in one file; else
        `sitemap.xml` is an index of `sitemap-1.xml`, `sitemap-2.xml`… each within both limits.
        Pages keep their sorted order across the files, so a build lists them the same way."""
        parts: list[list[str]] = [[]]
        size = len(URLSET_START) + len(URLSET_END)
        for element in self._url_elements():
            weight = len(element.encode("utf-8"))
            if parts[-1] and (len(parts[-1]) >= max_urls or size + weight > max_bytes):
                parts.append([])
                size = len(URLSET_START) + len(URLSET_END)
            parts[-1].append(element)
            size += weight
        if len(parts) == 1:
            return {SITEMAP_FILE: URLSET_START + "".join(parts[0]) + URLSET_END}
        written = {sitemap_part_name(number): URLSET_START + "".join(part) + URLSET_END
                   for number, part in enumerate(parts, start=1)}
        index = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<sitemapindex xmlns="{SITEMAP_NAMESPACE}">',
            *(f"  <sitemap>\n    <loc>{escape(site_url + name)}</loc>\n  </sitemap>" for name in written),
            "</sitemapindex>",
        ]
        return {SITEMAP_FILE: "\n".join(index) + "\n", **written}

    def _url_elements(self) -> list[str]:
        elements = []
        for url in sorted(self.entries):
            lines = [f"  <url>\n    <loc>{escape(url)}</loc>"]
            for hreflang, href in self.entries[url].alternates:
                link = f"hreflang={quoteattr(hreflang)} href={quoteattr(href)}"
                lines.append(f'    <xhtml:link rel="alternate" {link}/>')
            lines.append("  </url>")
            elements.append("\n".join(lines) + "\n")
        return elements
