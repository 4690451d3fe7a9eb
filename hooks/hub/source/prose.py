"""Markdown fields of records (an opportunity's details, an event's description) as HTML
that cannot carry markup of its own: raw HTML in the text is shown as text, links keep
only safe schemes, and headings start below the page's own sections.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from functools import cache, lru_cache

import markdown
import nh3
from markupsafe import Markup

from .markdown_limits import markdown_problems

_SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
_TAGS = {
    "p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}


class _NoRawHtml(markdown.Extension):
    """Raw HTML blocks and inline tags become text instead of passing through."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_ShiftHeadings(md), "hub_shift_headings", 5)


class _ShiftHeadings(markdown.treeprocessors.Treeprocessor):
    """`#` in a record becomes <h3>: the page around it owns <h1> and <h2>."""

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if len(element.tag) == 2 and element.tag[0] == "h" and element.tag[1].isdigit():
                element.tag = f"h{min(int(element.tag[1]) + 2, 6)}"


@cache
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=["tables", _NoRawHtml()], output_format="html")


def picture_in(text: str) -> str | None:
    """The address of the first Markdown picture in a record's text, if it has one. A
    record has no folder to name a photo from and its text is shown in lists, feeds and
    calendars, where a picture has no place: the record's own `image:` is its picture."""
    if "![" not in text or markdown_problems(text):
        return None
    converter = _converter()
    converter.reset()
    found = re.search(r"<img[^>]*\ssrc=\"([^\"]*)\"", converter.convert(text))
    return html.unescape(found.group(1)) if found else None


class MarkdownRefused(ValueError):
    """Text over the limits of hub.source.markdown_limits: never handed to Python-Markdown."""


@lru_cache(maxsize=4096)
def safe_markdown(text: str) -> Markup:
    """Render `text` and keep only plain prose tags (nh3 checks what Markdown produced).
    Cached: a record's text is shown on its page and in its feed items, and languages
    without their own translation show the same fallback text."""
    # The models refuse such text with its file and line (hub.source.models.MarkdownText); this
    # is the same gate again, so that no text reaches the converter without passing it.
    problems = markdown_problems(text)
    if problems:
        raise MarkdownRefused(f"{problems[0].found}; {problems[0].expected}")
    converter = _converter()
    converter.reset()
    html = converter.convert(text)
    cleaned = nh3.clean(
        html,
        tags=_TAGS,
        attributes={"a": {"href", "title"}, "th": {"align"}, "td": {"align"}},
        url_schemes=_SAFE_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return Markup(cleaned)
