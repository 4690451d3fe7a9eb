"""Page bodies that skip Python-Markdown: generated pages, and fallback copies whose text
an earlier language build of this process has converted already.

MkDocs calls page_markdown and then page_content for one page before the next, so what a
page's Markdown step leaves for its content step is kept here, by the page's src_uri,
and taken back at once. The conversions of fallback copies are kept for the rest of the
process's language builds; a forked worker (hub.engine.parallel) keeps its own.
"""

from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from mkdocs.structure.pages import Page

from .. import stack

_HTML_ID = re.compile(r"""<[^>]*?\sid=["']([^"']+)["']""")


@dataclass(frozen=True)
class Conversion:
    """A fallback page's text as the first language build that showed it converted it."""

    html: str
    toc: Any
    anchors: frozenset[str]


@dataclass
class PageBodies:
    # Bodies of generated pages, between their page_markdown and page_content.
    _verbatim: dict[str, str] = field(default_factory=dict)
    # Fallback copies: the same text converted once per process.
    _conversions: dict[tuple[str, bytes], Conversion] = field(default_factory=dict)
    _reusing: dict[str, Conversion] = field(default_factory=dict)
    _converting: dict[str, tuple[str, bytes]] = field(default_factory=dict)

    def skip_generated(self, markdown: str, page: Page) -> str:
        """A generated page is HTML from the hub's own templates. Markdown would only parse
        it (every tag through Python's HTMLParser) to hand it back unchanged: a third of all
        Markdown time at 2,000 articles. Its body skips the conversion and becomes the
        page's HTML in `generated_html`."""
        self._verbatim[page.file.src_uri] = markdown
        return stack.skip_markdown()

    def convert_once(self, markdown: str, page: Page, src_uri: str) -> str:
        """A fallback copy: fr and ja readers of an untranslated article get the same text,
        at the same place in their folder, so the same HTML. The first build converts it;
        the next one of this process takes that conversion (`fallback_html`)."""
        key = (src_uri, hashlib.blake2b(markdown.encode("utf-8"), digest_size=16).digest())
        kept = self._conversions.get(key)
        if kept is not None:
            self._reusing[page.file.src_uri] = kept
            return stack.skip_markdown()
        self._converting[page.file.src_uri] = key
        return markdown

    def generated_html(self, page: Page) -> str | None:
        """The body `skip_generated` kept for this page, or None for any other page."""
        body = self._verbatim.pop(page.file.src_uri, None)
        if body is not None:
            # What MkDocs collects from raw HTML, so that links to these anchors are checked.
            stack.set_present_anchors(page, set(_HTML_ID.findall(body)))
        return body

    def fallback_html(self, html: str, page: Page) -> str:
        """The page's HTML: the kept conversion of a fallback copy's text, else `html` (kept
        when `convert_once` asked for it)."""
        kept = self._reusing.pop(page.file.src_uri, None)
        if kept is not None:
            html = kept.html
            page.toc = copy.deepcopy(kept.toc)  # the sanitiser escapes each page's own copy
            stack.set_present_anchors(page, set(kept.anchors))
            # Its links to other pages' anchors were checked when the same text was converted.
        key = self._converting.pop(page.file.src_uri, None)
        if key is not None:
            self._conversions[key] = Conversion(html, copy.deepcopy(page.toc), stack.present_anchors(page))
        return html
