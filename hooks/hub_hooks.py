"""MkDocs hooks of the hub: MkDocs events in, calls to the `hub` package out.

mkdocs-static-i18n runs one build per language inside the first (its on_post_build).
The outer build starts a HubBuild; the nested ones reuse it. Priorities place these
hooks around the i18n plugin's own (-100): before it to see files as they are on disk,
after it to see them per language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hub.build import HubBuild
from mkdocs.plugins import CombinedEvent, event_priority

_build: HubBuild | None = None


def _i18n(config: Any) -> Any:
    return config.plugins["i18n"]


def _lang(config: Any) -> str:
    return _i18n(config).current_language


def _outer(config: Any) -> bool:
    """True outside the language builds that the i18n plugin nests in the first one."""
    return not _i18n(config).building


@event_priority(100)
def on_config(config: Any) -> Any:
    global _build
    if _outer(config):
        _build = HubBuild.start(config)
    return config


@event_priority(100)
def _files_as_on_disk(files: Any, config: Any) -> Any:
    _build.remember_files(files)
    return files


@event_priority(-200)
def _files_per_language(files: Any, config: Any) -> Any:
    return _build.apply_fallback_order(files, _lang(config), config)


on_files = CombinedEvent(_files_as_on_disk, _files_per_language)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    return _build.page_markdown(markdown, page, _lang(config))


@event_priority(-200)
def on_page_context(context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
    return _build.page_context(context, page, _lang(config))


def on_template_context(context: dict[str, Any], template_name: str, config: Any) -> dict[str, Any]:
    if template_name == "404.html":
        return _build.not_found_context(context, _lang(config))
    return context


def on_post_template(output: str, template_name: str, config: Any) -> str:
    if template_name == "404.html":
        _build.keep_not_found(output, _lang(config))
    return output


@event_priority(-200)
def on_post_build(config: Any) -> None:
    if _outer(config):
        _build.finish(Path(config.site_dir))
