"""Shared fixtures: the real site built once per test run, and fixture sites to break."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import MINIMAL, ROOT, BuiltSite, build, copy_project


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The repository's site, built once with `mkdocs build --strict` at a sub-path site_url."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    built = build(project, tmp_path_factory.mktemp("site") / "site")
    assert built.result.returncode == 0, built.result.output
    return built


@pytest.fixture(scope="session")
def image_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The images fixture site (tests/photos.py: lead images, pictures in the text), built
    once per run; `image_site.project` is what was built."""
    from photos import image_project

    project = image_project(tmp_path_factory.mktemp("images") / "project")
    built = build(project, tmp_path_factory.mktemp("images-site") / "site")
    assert built.result.returncode == 0, built.result.output
    return built


@pytest.fixture(scope="session")
def vectors(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The hostile-input fixture site (tests/hostile_site.py), built once per run for the
    HTML, data and browser tests that read it."""
    from hostile_site import vector_site

    built = vector_site(tmp_path_factory.mktemp("hostile"))
    assert built.result.returncode == 0, built.result.output
    return built


@pytest.fixture
def minimal_project(tmp_path: Path) -> Path:
    """A small valid project (tests/fixtures/minimal) to change and check or build."""
    return copy_project(tmp_path / "project", content_from=MINIMAL)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT
