"""A hub held in memory for narrow tests of one part of the build: the repository's
settings, templates and UI strings, the small fixture's records and articles
(tests/fixtures/minimal), and records written in the test itself, validated by the same
models as data files.

Writing every feed and calendar of a project (tests/syndicated.py) takes seconds; mutation
testing (scripts/mutants.py) runs a module's tests once per mutant, so the tests it relies
on call one writer over a handful of records and read its output with real parsers."""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from unittest import mock

# What loading mkdocs.yml imports through its hook file, imported when the tests are
# collected: mutation testing collects once and forks a process per mutant, which then
# starts with the package imported instead of spending a second on it.
import hub.engine.build  # noqa: F401
import yaml
from hub.site.render import Renderer
from hub.source.catalog import load_catalog
from hub.source.image_variants import ImageSet, Variant
from hub.source.models import City, Event, Opportunity, Taxonomy
from hub.source.settings import settings_from_config
from hub.source.ui import UI_FILE, load_ui
from mkdocs.config import load_config
from pydantic import TypeAdapter
from sitebuild import MINIMAL, ROOT, hub_env

if TYPE_CHECKING:
    from hub.source.catalog import Catalog
    from hub.source.settings import HubSettings
    from hub.source.ui import UiStrings


@cache
def mkdocs_config() -> Any:
    """The repository's mkdocs.yml, as a test build loads it (sitebuild.hub_env)."""
    with mock.patch.dict(os.environ, hub_env(), clear=True):
        return load_config(str(ROOT / "mkdocs.yml"))


@cache
def _settings() -> HubSettings:
    with mock.patch.dict(os.environ, hub_env(), clear=True):
        return settings_from_config(mkdocs_config())


def hub_settings(**changes: Any) -> HubSettings:
    """The settings of a test build (site_url sitebuild.TEST_SITE_URL, built on
    sitebuild.BUILD_DATE), with `changes`."""
    return dataclasses.replace(_settings(), **changes)


@cache
def ui_strings() -> UiStrings:
    settings = _settings()
    return load_ui(settings.root / UI_FILE, settings.root, settings.text_languages, settings.fallback)


def record(kind: str, text: str) -> Any:
    """An event, opportunity or city from YAML as an editor writes it in data/<kind>/<id>.yml."""
    model = {"events": Event, "opportunities": Opportunity, "cities": City}[kind]
    return model.model_validate(yaml.safe_load(text), context=_settings().text_languages.context())


def catalog(*, events: dict[str, str] | None = None, opportunities: dict[str, str] | None = None,
            topics: str = "", only: bool = False) -> Catalog:
    """The minimal fixture's catalog with `events` and `opportunities` (id: YAML) and
    `topics` (YAML, as in data/topics.yml) added, or in place of its own records when `only`."""
    loaded = load_catalog(MINIMAL, _settings().text_languages)
    if topics:
        context = _settings().text_languages.context()
        loaded.topics.update(TypeAdapter(Taxonomy).validate_python(yaml.safe_load(topics), context=context))
    for kind, records in (("events", events or {}), ("opportunities", opportunities or {})):
        held = getattr(loaded, kind)
        if only:
            held.clear()
        held.update({record_id: record(kind, text) for record_id, text in records.items()})
    return loaded


def renderer(loaded: Catalog | None = None, **settings_changes: Any) -> Renderer:
    return Renderer(hub_settings(**settings_changes), loaded if loaded is not None else catalog(), ui_strings())


@contextmanager
def scratch_dir() -> Iterator[Path]:
    """A folder to write into, removed after use. Not pytest's tmp_path: pytest prunes its
    older numbered folders on the machine when one is first asked for, which can cost more
    than the test itself, and mutation testing starts a session per mutant."""
    with tempfile.TemporaryDirectory(prefix="hub-test-") as folder:
        yield Path(folder)


def photo_variants(src: str) -> dict[str, ImageSet]:
    """What the build makes of a lead image or a picture in the text at `src` (a path in
    docs/assets/images/): a JPEG and a WebP 480, 960 and 1,600 pixels wide."""
    stem = src.rsplit("/", 1)[-1].removesuffix(".jpg")
    variants = tuple(Variant(width, width // 2, f"{stem}-{width}.webp", f"{stem}-{width}.jpg", width * 10, width * 20)
                     for width in (480, 960, 1600))
    return {src: ImageSet(src, "k", 1600, 800, "image/jpeg", variants)}
