"""An article's text as HTML that can be read outside the site (in a feed reader).

Every link and image is made absolute: a reader resolves relative URLs against the
feed's address, not the article's, so `../../policies/x/` or `map.png` would break there.
Raw HTML is rewritten too (MkDocs leaves it alone; a reader cannot).

The HTML is the page's own whenever the language build rendered it (`from_page`): the
page body as MkDocs made it and the hub's allowlist cleaned it, without what frames it on
the site (the <h1>, the byline of dates and topics, the "¶" heading permalinks). Its
links are relative to the page's URL and resolved against it. Reusing it keeps feeds
equal to pages and renders nothing twice (at 2,000 articles, rendering them again for
the feeds took longer than the whole rest of the finishing work).

When the page was not built in this run (`make serve LANG_ONLY=en` builds one language),
the article is rendered here (`render`) with the extensions and settings of mkdocs.yml,
cleaned with the same allowlist (sanitize.clean_html), and its links resolved the way
MkDocs resolves them: relative to the source file, `.md` targets to their page URL
(directory URLs), other files to where they are served.
"""

from __future__ import annotations

import copy
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urljoin, urlsplit

import lxml.html
import markdown

from ..safety.sanitize import clean_html
from ..safety.yamlsafe import split_front_matter
from ..source.inline_pictures import InlinePictures, PageSource
from ..source.settings import HubSettings

# What frames an article on its page and means nothing in a reader: the title (the
# item's own), the byline and what the article is filed under (the item's dates and
# categories, which the feed gives as its own fields), the related articles (links to the
# site's other pages, not the item's text), heading permalinks and the QR code of the
# page's address (hub.graphics.share_qr).
_PAGE_FRAME = (
    ".//h1 | .//*[contains(concat(' ', normalize-space(@class), ' '), ' hub-byline ')]"
    " | .//*[contains(concat(' ', normalize-space(@class), ' '), ' hub-filed ')]"
    " | .//*[contains(concat(' ', normalize-space(@class), ' '), ' hub-related ')]"
    " | .//a[contains(concat(' ', normalize-space(@class), ' '), ' headerlink ')]"
    " | .//*[contains(concat(' ', normalize-space(@class), ' '), ' hub-share ')]"
)
# Attributes that hold one URL, and the one that holds a list of them.
_URL_ATTRIBUTES = ("href", "src", "poster", "cite", "action", "data")
_SRCSET = "srcset"


@dataclass(frozen=True)
class MarkdownOptions:
    """The Markdown extensions of mkdocs.yml, as MkDocs validated them."""

    extensions: tuple[Any, ...]
    configs: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_config(cls, config: Any) -> MarkdownOptions:
        return cls(tuple(config.markdown_extensions), copy.deepcopy(dict(config.mdx_configs)))

    def for_feeds(self) -> MarkdownOptions:
        configs = copy.deepcopy(self.configs)
        if "toc" in configs:
            configs["toc"]["permalink"] = False
        return MarkdownOptions(self.extensions, configs)


@dataclass
class ArticleHtml:
    """Renders articles of one build; one Markdown converter, reset between documents."""

    settings: HubSettings
    docs_dir: Path
    options: MarkdownOptions
    _converter: markdown.Markdown | None = None

    def converter(self) -> markdown.Markdown:
        if self._converter is None:
            options = self.options.for_feeds()
            self._converter = markdown.Markdown(extensions=list(options.extensions),
                                                extension_configs=options.configs)
        return self._converter

    def render(self, *, lang: str, src_uri: str) -> str:
        """The body of docs/<lang>/<src_uri> (front matter left out) as absolute HTML."""
        path = self.docs_dir / lang / src_uri
        text = path.read_text(encoding="utf-8")
        _front, body, _line = split_front_matter(text.replace("\r\n", "\n"))
        converter = self.converter()
        converter.reset()
        # Pictures in the text, shown from their variants (the page's own build does the same).
        for extension in self.options.extensions:
            if isinstance(extension, InlinePictures):
                extension.next_page(PageSource.of(self.docs_dir, path.resolve(), lang))
        # Cleaned before the links are made absolute: the allowlist refuses absolute
        # image addresses (images come from the site itself), which these then are.
        html, _removed = clean_html(converter.convert(body))
        page_url = self.settings.url(lang, md_url_path(src_uri))
        return absolutize(html, lambda href: self.resolve(href, lang=lang, src_uri=src_uri, page_url=page_url))

    def from_page(self, html: str, *, lang: str, src_uri: str) -> str:
        """The body of the built page of docs/<lang>/<src_uri>, as absolute HTML."""
        page_url = self.settings.url(lang, md_url_path(src_uri))
        return absolutize(html, lambda href: urljoin(page_url, href.strip()), drop=_PAGE_FRAME)

    def resolve(self, href: str, *, lang: str, src_uri: str, page_url: str) -> str:
        """The absolute URL a link on the page at `src_uri` in `lang` leads to."""
        parts = urlsplit(href.strip())
        if parts.scheme or parts.netloc:
            return href  # already absolute (https:, mailto:, //host/…)
        suffix = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        if not parts.path:
            return page_url + suffix  # #anchor: on the article's own page
        if parts.path.startswith("/"):
            return urljoin(page_url, href)  # as a browser on the page would
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(parts.path)))
        if target == ".." or target.startswith("../"):
            # Out of the language folder: a file under docs/ itself (in a folder declared
            # for maintainers' assets, hub.safety.publishable), served once, from the site's root.
            shared = posixpath.normpath(posixpath.join(lang, posixpath.dirname(src_uri), unquote(parts.path)))
            if not shared.startswith("../") and (self.docs_dir / shared).is_file():
                return self.settings.url(self.settings.default_language, quote(shared)) + suffix
            return urljoin(page_url, href)
        if target.endswith(".md"):
            return self.settings.url(lang, quote(md_url_path(target))) + suffix
        if parts.path.endswith("/") or target == ".":
            path = "" if target == "." else target + "/"
            return self.settings.url(lang, quote(path)) + suffix
        # A file (image, PDF…): served from the language that has it; the i18n plugin
        # serves the default language's files to the others.
        owner = lang if (self.docs_dir / lang / target).is_file() else self.settings.default_language
        return self.settings.url(owner, quote(target)) + suffix


def md_url_path(src_uri: str) -> str:
    """news/2025/x.md -> news/2025/x/; about/index.md -> about/ (use_directory_urls)."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def absolutize(html: str, resolve: Callable[[str], str], *, drop: str | None = None) -> str:
    """`html` with every URL attribute passed through `resolve`, and the elements the
    XPath `drop` selects removed (their tail text stays)."""
    if not html.strip():
        return html
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    if drop:
        for element in root.xpath(drop):
            element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        for name in _URL_ATTRIBUTES:
            value = element.get(name)
            if value is not None and value.strip():
                element.set(name, resolve(value))
        srcset = element.get(_SRCSET)
        if srcset:
            element.set(_SRCSET, _resolve_srcset(srcset, resolve))
    inner = lxml.html.tostring(root, encoding="unicode", method="html")
    return inner[len("<div>") : -len("</div>")]


def _resolve_srcset(srcset: str, resolve: Callable[[str], str]) -> str:
    candidates = []
    for candidate in srcset.split(","):
        words = candidate.split()
        if words:
            candidates.append(" ".join([resolve(words[0]), *words[1:]]))
    return ", ".join(candidates)
