"""What a build of the hub reads: settings, content, UI strings, the renderer and the
generated pages, made once when the outer build starts.

Every language build reads them and none changes them, so a forked language worker
(hub.engine.parallel) holds the very same inputs as this process and never sends them back.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Any

from mkdocs.exceptions import PluginError

from .. import timing
from ..editors.content import load_content
from ..errors import ContentError, ContentErrors
from ..pages import sections
from ..pages.generate import PagesMade, make_pages
from ..site.render import Renderer
from ..source import image_variants
from ..source.catalog import Catalog
from ..source.settings import HubSettings, settings_from_config
from ..source.ui import UiStrings
from . import preview_cache, preview_pages
from .parallel import Forked

log = logging.getLogger("mkdocs.hooks.hub")


@dataclass(frozen=True)
class BuildInputs:
    settings: HubSettings
    catalog: Catalog
    ui: UiStrings
    renderer: Renderer
    generated_uris: frozenset[str]  # the generated pages' src_uri, without the language folder
    # Under `mkdocs serve`: broken pages shown as their problems (hub.engine.preview_pages), by file.
    left_out: Mapping[str, list[ContentError]]

    @classmethod
    def load(cls, config: Any, *, preview: bool = False) -> BuildInputs:
        """`preview`: under `mkdocs serve`, content loaded for the last rebuild is used
        again while only page texts changed (hub.engine.preview_cache). PluginError with every
        problem when the content or a setting is wrong."""
        try:
            settings = settings_from_config(config, preview=preview)
        except ValueError as error:  # a setting in mkdocs.yml or the environment; the message says which
            raise PluginError(str(error)) from None
        key = (settings.root, settings.languages, settings.checked_languages, settings.build_date, settings.site_url)
        left_out: dict[str, list[ContentError]] = {}
        try:
            with timing.stage("load and check content"):
                kept = preview_cache.reuse(settings.root, key) if preview else None
                ui, catalog = kept[:2] if kept else load_content(settings)
        except ContentErrors as errors:
            broken = preview_pages.broken_pages(errors.errors) if preview else None
            if broken is None:
                raise _not_built(errors) from None
            # The preview goes on without the broken pages (hub.engine.preview_pages).
            kept, left_out = None, broken
            try:
                ui, catalog = load_content(settings, skip=frozenset(broken))
            except ContentErrors as more:
                raise _not_built(more) from None
            # Said as information: a warning would stop the preview (strict mode).
            log.info("hub: left out of the preview until fixed:\n" + errors.report())
        for lang in settings.languages:
            if missing := ui.missing(lang):
                # Information, not a warning: a language being translated is built (strict too).
                log.info(f"hub: {lang}: {len(missing)} UI strings not translated yet, shown in "
                         f"{ui.fallback[lang][0]}; `make translations` lists them")
        renderer = Renderer(settings, catalog, ui)
        try:
            with timing.stage("lead images"):
                images = image_variants.prepare(settings.root, catalog.image_sources, workers=settings.build_workers)
        except ContentErrors as errors:
            raise _not_built(errors) from None
        if images.sets:
            log.info(f"hub: {image_variants.describe(images)}")
        renderer.images = images.sets
        docs_dir = Path(config.docs_dir)
        try:
            with timing.stage("generated pages"):
                if kept:  # the very same pages, already on disk; no front matter changed (hub.engine.preview_cache)
                    made = replace(kept[2], written=0, removed=0)
                else:
                    made = _make_pages(renderer, docs_dir, split=not preview and settings.build_workers > 1)
        except ContentErrors as errors:
            raise _not_built(errors) from None
        log.info(f"hub: {made.pages} generated pages ({made.written} written, {made.removed} removed)")
        if preview and not kept and not left_out:
            preview_cache.keep(settings.root, key, (ui, catalog, made))
        if left_out:
            preview_cache.forget()
        return cls(
            settings=settings, catalog=catalog, ui=ui, renderer=renderer, generated_uris=made.uris,
            left_out=MappingProxyType(left_out),
        )

    def languages_by_indexed_pages(self) -> list[str]:
        """The languages, those with the most pages of their own first (what the search
        index takes: fallback copies are not indexed)."""
        own = Counter(lang for languages in self.catalog.page_languages.values() for lang in languages)
        return sorted(self.settings.languages, key=lambda lang: -own[lang])


def _not_built(errors: ContentErrors) -> PluginError:
    """What stops the build when the content has problems: every one of them, nothing half-built."""
    return PluginError("The content has problems; nothing was built.\n" + errors.report())


def _make_pages(renderer: Renderer, docs_dir: Path, *, split: bool) -> PagesMade:
    """Generated pages of every language, made and written; with `split`, the second half
    of the languages in a forked process meanwhile (the build has not started yet, and the
    other core is idle)."""
    languages = renderer.settings.languages
    if not split or len(languages) < 2:
        return make_pages(renderer, docs_dir, sections.GENERATORS, languages)
    here, there = languages[: len(languages) // 2], languages[len(languages) // 2 :]
    other = Forked.start(partial(make_pages, renderer, docs_dir, sections.GENERATORS, there))
    made: list[PagesMade] = []
    problems: list[ContentError] = []
    try:
        made.append(make_pages(renderer, docs_dir, sections.GENERATORS, here))
    except ContentErrors as errors:
        problems += errors.errors
    finally:
        try:
            made.append(other.result())  # always waited for, whatever happened here
        except ContentErrors as errors:
            problems += errors.errors
    if problems:
        raise ContentErrors(problems)
    return PagesMade(frozenset().union(*(part.uris for part in made)), sum(part.pages for part in made),
                     sum(part.written for part in made), sum(part.removed for part in made))
