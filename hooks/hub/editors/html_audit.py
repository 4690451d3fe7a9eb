"""What the build's sanitiser would remove, found without building: for `hub check`.

Each page an editor wrote is converted with the Markdown extensions of mkdocs.yml and
cleaned exactly as the build cleans it (hub.safety.sanitize); every removal becomes a content
error at its file and line, and so does a picture written in raw HTML, which the site
would show broken (hub.source.inline_pictures). About a millisecond per page. The build itself
reports the same problems as warnings (an error under --strict), so this only lets an
editor see them sooner, together with every other problem.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown

from ..errors import ContentError, display_path
from ..safety.sanitize import clean_html, removal_lines
from ..source.inline_pictures import report_raw_html_pictures
from ..source.markdown_limits import editor_pages, markdown_problems
from ..source.settings import HubSettings

# What can make the sanitiser remove anything: raw HTML, attribute lists, entities (which
# can spell a scheme), link addresses with another scheme than http(s), mailto or tel, and
# absolute image addresses. A page with none of these is not converted at all (most pages).
_RAW_HTML = re.compile(r"<[A-Za-z!?/]")
_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^[ ]{0,3}\[[^\]]+\]:\s*<?(\S*)", re.MULTILINE)
_ABSOLUTE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")
_SAFE_SCHEME = re.compile(r"^(?:https?|mailto|tel):", re.IGNORECASE)


def might_lose_something(body: str) -> bool:
    if "{" in body or "&" in body or _RAW_HTML.search(body):
        return True
    has_images = "![" in body
    for match in _TARGET.finditer(body):
        target = match.group(1) if match.group(1) is not None else match.group(2)
        if _ABSOLUTE.match(target) and (has_images or not _SAFE_SCHEME.match(target)):
            return True
    return False


def markdown_options(config_file: Path) -> tuple[list[object], dict[str, dict[str, object]]]:
    """The Markdown extensions and their settings, as MkDocs reads them from mkdocs.yml."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file))
    return list(config.markdown_extensions), dict(config.mdx_configs or {})


def audit_pages(
    settings: HubSettings, *, extensions: list[object], configs: dict[str, dict[str, object]]
) -> list[ContentError]:
    """Every removal the sanitiser would make in the pages editors wrote, and every picture
    they wrote in raw HTML, which the site would show broken (hub.source.inline_pictures)."""
    converter = markdown.Markdown(extensions=extensions, extension_configs=configs)
    errors: list[ContentError] = []
    for page in editor_pages(settings.root, settings.languages):
        if not might_lose_something(page.body):
            continue
        if markdown_problems(page.body, first_line=page.body_line):
            continue  # refused before conversion; converting it could take minutes
        html = converter.reset().convert(page.body)
        _cleaned, removals = clean_html(html)
        where = display_path(page.path, settings.root)
        for removal, line in zip(removals, removal_lines(page.text, removals), strict=True):
            errors.append(ContentError(where, line, "html", removal.found, removal.expected))
        errors += report_raw_html_pictures(converter, page.text, path=page.path, root=settings.root,
                                           asset_folders=settings.asset_folders)
    return errors
