"""MkDocs hooks of the hub: MkDocs events in, calls to the `hub` package out.

mkdocs-static-i18n runs one build per language inside the first (its on_post_build).
The outer build starts a HubBuild; the nested ones reuse it. Priorities place these
hooks around the i18n plugin's own (-100): before it to see files as they are on disk,
after it to see them per language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hub import stack
from hub.engine import memory, preview_errors
from hub.engine.assets import drop_template_sources
from hub.engine.build import HubBuild
from hub.engine.harvest import LanguageHarvest
from hub.engine.parallel import LanguageWorkers, share_languages
from hub.engine.staging import SiteStaging
from hub.safety.images import drop_originals
from hub.safety.sanitize import PageSanitizer
from hub.site.compact import compact_html
from mkdocs.plugins import CombinedEvent, event_priority

_build: HubBuild | None = None
_sanitizer: PageSanitizer | None = None
_staging = SiteStaging()
_workers: LanguageWorkers[LanguageHarvest] | None = None
_invocation: dict[str, Any] = {}


def _lang(config: Any) -> str:
    return stack.current_language(config)


def _outer(config: Any) -> bool:
    """True outside the language builds that the i18n plugin nests in the first one."""
    return not stack.in_language_build(config)


def on_startup(command: str, dirty: bool) -> None:
    _staging.startup(command=command, dirty=dirty)
    if command == "serve":
        preview_errors.install()  # a failed preview build shows its problems in the browser
    _invocation.update(command=command, dirty=dirty)


@event_priority(100)
def on_config(config: Any) -> Any:
    global _build, _sanitizer
    stack.use_string_paths()  # the i18n plugin's files of each language, made cheaper
    stack.skip_blank_conversions()  # no Markdown converter for a page with nothing to convert
    if _outer(config):
        stack.check_versions()  # a warning: strict builds refuse another version of the stack
        _staging.redirect(config)
        if _build is not None:
            _build.close_search()  # the previous build of a `mkdocs serve` session
        _build = HubBuild.start(config, preview=_invocation.get("command") == "serve")
        _sanitizer = PageSanitizer(root=_build.settings.root, languages=_build.settings.languages)
    return config


@event_priority(100)
def _files_as_on_disk(files: Any, config: Any) -> Any:
    drop_template_sources(files)
    drop_originals(files)
    _build.remember_files(files)
    if _outer(config):
        _start_workers(config)  # the site folder is clean now; nothing was written yet
    return files


def _start_workers(config: Any) -> None:
    """Under `mkdocs build`, build some languages in other processes (hub.engine.parallel)."""
    global _workers
    _workers = None
    workers = _build.settings.build_workers
    languages = list(_build.settings.languages)
    if _invocation.get("command") not in ("build", "gh-deploy") or _invocation.get("dirty"):
        return
    if workers < 2 or len(languages) < 2:
        return
    shares = share_languages(languages, workers, here_first=_build.inputs.languages_by_indexed_pages())
    # What the worker's language builds collected, sent back whole once they are done.
    harvest = _build.harvest
    _workers = LanguageWorkers.fork(config, languages, shares, collect=lambda: harvest)


@event_priority(-200)
def _files_per_language(files: Any, config: Any) -> Any:
    return _build.apply_fallback_order(files, _lang(config))


on_files = CombinedEvent(_files_as_on_disk, _files_per_language)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    return _build.page_markdown(markdown, page, _lang(config))


# First of all page_content handlers: the others see a generated page's own HTML.
@event_priority(100)
def _generated_body(html: str, page: Any, config: Any, files: Any) -> str:
    return _build.page_content(html, page, _lang(config))


# Last of all page_content handlers: whatever they add is sanitised too.
@event_priority(-1000)
def _sanitized(html: str, page: Any, config: Any, files: Any) -> str:
    return _sanitizer.page_content(html, page)


# After the sanitiser: the hub's own maps and QR codes, into the slots its templates left.
@event_priority(-1100)
def _slots_filled(html: str, page: Any, config: Any, files: Any) -> str:
    return _build.fill_slots(html, page, _lang(config))


on_page_content = CombinedEvent(_generated_body, _sanitized, _slots_filled)


@event_priority(-200)
def on_page_context(context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
    return _build.page_context(context, page, _lang(config), nav)


# Last of all post_page handlers: the page is written without the templates' indentation
# (hub.site.compact), and the search index gets it as it is written.
@event_priority(-1000)
def on_post_page(output: str, page: Any, config: Any) -> str:
    output = compact_html(output)
    _build.post_page(output, page, _lang(config))
    return output


def on_env(env: Any, config: Any, files: Any) -> Any:
    return stack.reach_material_templates(env)


def on_template_context(context: dict[str, Any], template_name: str, config: Any) -> dict[str, Any]:
    if template_name == "404.html":
        return _build.not_found_context(context, _lang(config))
    return context


def on_post_template(output: str, template_name: str, config: Any) -> str:
    if template_name == "404.html":
        output = compact_html(output)
        _build.keep_not_found(output, _lang(config))
    return output


# In every language build, before the next language starts (-90, -100): its pages' Markdown
# and HTML are let go (the i18n plugin would keep them to the end of the build) and their
# memory given back, then the language's search index is made and its Pagefind process
# ends (hub.engine.search).
@event_priority(-80)
def _language_built(config: Any) -> None:
    stack.release_built_pages(config)
    memory.give_back()  # before the index is made: its Pagefind process is largest then
    _build.language_built(_lang(config))


# Before the i18n plugin's loop over the languages (-100), which it then replaces.
@event_priority(-90)
def _languages_here(config: Any) -> None:
    if _outer(config) and _workers is not None:
        _workers.build_own_share(config)


@event_priority(-200)
def _finish(config: Any) -> None:
    if _workers is not None and _workers.own_done:
        for harvest in _workers.join(config):
            _build.harvest.merge(harvest)
    if _outer(config):
        preview = _invocation.get("command") == "serve" and bool(_invocation.get("dirty"))
        _build.finish(Path(config.site_dir), keep_search_and_feeds=preview)
        _staging.complete()


on_post_build = CombinedEvent(_language_built, _languages_here, _finish)


def on_build_error(error: Exception) -> None:
    if _workers is not None:
        _workers.abandon()
    if _build is not None:
        _build.close_search()
    _staging.fail()


def on_shutdown() -> None:
    _staging.shutdown()
