"""What the build's sanitiser would remove, found without building: for `hub check`.

Each page an editor wrote is converted with the Markdown extensions of mkdocs.yml and
cleaned exactly as the build cleans it (hub.sanitize); every removal becomes a content
error at its file and line. About a millisecond per page. The build itself reports the
same removals as warnings (an error under --strict), so this only lets an editor see
them sooner, together with every other problem.
"""

from __future__ import annotations

from pathlib import Path

import markdown

from .errors import ContentError, display_path
from .markdown_limits import check_body, editor_pages
from .sanitize import clean_html, removal_lines
from .settings import HubSettings


def markdown_options(config_file: Path) -> tuple[list[object], dict[str, dict[str, object]]]:
    """The Markdown extensions and their settings, as MkDocs reads them from mkdocs.yml."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file))
    return list(config.markdown_extensions), dict(config.mdx_configs or {})


def audit_pages(
    settings: HubSettings, *, extensions: list[object], configs: dict[str, dict[str, object]]
) -> list[ContentError]:
    """Every removal the sanitiser would make in the pages editors wrote."""
    converter = markdown.Markdown(extensions=extensions, extension_configs=configs)
    errors: list[ContentError] = []
    for page in editor_pages(settings.root, settings.languages):
        if check_body(page.body, first_line=page.body_line):
            continue  # refused before conversion; converting it could take minutes
        html = converter.reset().convert(page.body)
        _cleaned, removals = clean_html(html)
        where = display_path(page.path, settings.root)
        for removal, line in zip(removals, removal_lines(page.text, removals), strict=True):
            errors.append(ContentError(where, line, "html", removal.found, removal.expected))
    return errors
