"""MkDocs 1.6, beyond its documented plugin API (checked against 1.6.1): how a page's
Markdown is converted, the anchors it collects for link validation, where a title comes
from, how front matter is found, and the build `mkdocs serve` runs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from mkdocs.structure import pages
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import meta


def skip_markdown() -> str:
    """What `on_page_markdown` returns for a page whose HTML the hub already has (a
    generated page, a fallback copy converted once): MkDocs then converts an empty text,
    and `on_page_content` hands back the kept HTML. Why: no event lets a plugin give a
    page's HTML instead of its Markdown. On upgrade: MkDocs still calls
    `on_page_content` for every page, with the (empty) conversion, and a page's title and
    table of contents still come from what the hub sets there."""
    return ""


def skip_blank_conversions() -> None:
    """Have MkDocs give a page with no text to convert (`skip_markdown`: generated pages,
    fallback copies converted once, more than half of a large hub's pages) what a
    conversion of it gives, without building a converter. Why: `Page.render` builds a
    Python-Markdown converter with every extension for each page (about 0.3 ms), and its
    `convert` returns "" at once for blank text. On upgrade: `Page.render` still builds a
    converter per page and sets content, toc, `_title_from_render`, `present_anchor_ids` and
    `links_to_anchors` (tests/test_stack.py compares them with the original's)."""
    if Page.render is not _render_unless_blank:
        _convert.append(Page.render)
        Page.render = _render_unless_blank


_convert: list[Callable[..., None]] = []  # Page.render as MkDocs defines it


def _render_unless_blank(self: Page, config: Any, files: Any) -> None:
    if self.markdown is None or self.markdown.strip():
        _convert[0](self, config, files)
        return
    self.content = ""
    self.toc = get_toc([])
    self._title_from_render = None
    self.present_anchor_ids = set()
    if pages.log.getEffectiveLevel() > logging.DEBUG:  # as Page.render decides
        self.links_to_anchors = {}


def set_present_anchors(page: Any, anchors: set[str]) -> None:
    """The ids a page has, for MkDocs' validation of links to `page#anchor`. Why: a page
    whose conversion was skipped (`skip_markdown`) collected none; MkDocs keeps them in
    `Page.present_anchor_ids`, undocumented. On upgrade: `_validate_anchor_links` still
    reads that attribute."""
    page.present_anchor_ids = anchors


def present_anchors(page: Any) -> frozenset[str]:
    """The ids MkDocs collected while converting `page` (see set_present_anchors)."""
    return frozenset(page.present_anchor_ids or ())


def title_from_nav(page: Any) -> bool:
    """True when the page's title was given by `nav` in mkdocs.yml (configuration, not
    content: the sanitiser leaves it). Why: MkDocs does not say where a title came from;
    a title from the nav is stored on the page itself, while one from front matter or
    the first heading comes through the `Page.title` property. On upgrade: `Page.title`
    is still a property that an assignment (`Page.__init__` with the nav's title)
    shadows in the instance's `__dict__`."""
    return "title" in vars(page)


def raw_html_anchors(md: Any) -> Callable[[], set[str]]:
    """Register on `md` what MkDocs registers to collect the ids in a page's raw HTML,
    and return what gives the ids of the last conversion. Why: `make check` must accept
    exactly the anchors a build accepts, and MkDocs' collector is private
    (`mkdocs.structure.pages._RawHTMLPreprocessor`). On upgrade: the class, its
    `_register(md)` and its `present_anchor_ids` still exist (else copy what
    `Page.render` now does)."""
    from mkdocs.structure.pages import _RawHTMLPreprocessor

    raw = _RawHTMLPreprocessor()
    raw._register(md)
    return lambda: raw.present_anchor_ids


# Where MkDocs finds a page's front matter (`---`, the YAML, `---` or `...`). Why: the
# checks must read the very text the build reads, and MkDocs' pattern lives in
# `mkdocs.utils.meta`, which its API reference does not cover. On upgrade: the module,
# `YAML_RE` and `get_data` are still there and still what `Page.read_source` uses.
FRONT_MATTER = meta.YAML_RE


def page_meta(text: str) -> tuple[str, dict[str, Any]]:
    """(body, metadata) as MkDocs reads them, MultiMarkdown-style `key: value` lines at the
    top included (mkdocs.utils.meta.get_data; see FRONT_MATTER)."""
    return meta.get_data(text)


def wrap_serve_build(wrap: Callable[[Callable[..., None]], Callable[..., None]]) -> None:
    """Replace the build `mkdocs serve` runs (first build and every rebuild) by
    `wrap(build)`, once per process. Why: no event sees a failed build as a whole (a
    preview shows its problems in the browser, hub.engine.preview_errors); `mkdocs serve` calls
    `mkdocs.commands.serve.build` by that name. On upgrade: `serve()` still calls the
    module-level `build` for every build."""
    import mkdocs.commands.serve as serve

    if not getattr(serve.build, "_hub_wrapped", False):
        serve.build = wrap(serve.build)
        serve.build._hub_wrapped = True  # type: ignore[attr-defined]
