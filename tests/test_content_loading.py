"""hub.editors.content.load_content in this process: what `make check`, `mkdocs build` and the
preview read from a project, every problem of every kind reported together, the pages a
preview leaves out, and the drafts a published build leaves out."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import subprocess
from datetime import date
from pathlib import Path
from unittest import mock

import pytest
from hub.editors import cli
from hub.editors.content import load_content
from hub.errors import ContentErrors
from hub.source.catalog import GENERATED_START
from hub.source.settings import HubSettings
from sitebuild import hub_env
from test_add_kind import add_visits

ARTICLE = "docs/zh/news/2025/first-article.md"
DRAFT = "docs/zh/news/2025/draft.md"


def settings_of(project: Path, **changes: object) -> HubSettings:
    """The settings a build of `project` reads from its mkdocs.yml, with `changes`."""
    cli._config.cache_clear()
    with mock.patch.dict(os.environ, hub_env(), clear=True), contextlib.chdir(project):
        settings = cli.load_settings(project / "mkdocs.yml")
    cli._config.cache_clear()
    return dataclasses.replace(settings, **changes)


def write(project: Path, rel: str, text: str) -> None:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def problems(project: Path, **changes: object) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_content(settings_of(project, **changes))
    return sorted(error.format() for error in caught.value.errors)


def test_a_valid_project_loads(minimal_project: Path) -> None:
    ui, catalog = load_content(settings_of(minimal_project))
    assert [article.src_uri for article in catalog.news] == ["news/2025/first-article.md"]
    assert ui is not None and catalog.withheld == {}


def test_a_sites_own_kind_of_record_is_loaded_and_checked_with_the_hubs_own(minimal_project: Path) -> None:
    """tests/fixtures/visits, named under extra.hub.kinds (tests/test_add_kind.py builds it)."""
    add_visits(minimal_project)
    _ui, catalog = load_content(settings_of(minimal_project))
    assert [kind.name for kind in catalog.kinds] == ["city", "opportunity", "event", "visit"]
    visit = catalog.records["visits"]["montpellier-delegation"]
    assert visit.delegation.pick("en", ())[0] == "City of Montpellier"
    write(minimal_project, "data/visits/osaka-delegation.yml",
          "title: {zh: 大阪代表团, en: Osaka delegation}\nsummary: {zh: 摘要。, en: Summary.}\n"
          "delegation: {zh: 大阪市, en: City of Osaka}\narrives: 2025-05-10\nleaves: 2025-05-08\n")
    assert [line.split(" ", 1)[0] for line in problems(minimal_project)] == ["data/visits/osaka-delegation.yml:5:"]


def test_ui_strings_not_translated_yet_fall_back_along_the_configured_chain(minimal_project: Path) -> None:
    ui_file = minimal_project / "overrides/hub/ui.yml"
    lines = ui_file.read_text(encoding="utf-8").splitlines(keepends=True)
    key = lines.index("fallback_original:\n")
    ja = next(index for index in range(key, len(lines)) if lines[index].startswith("  ja: "))
    ui_file.write_text("".join(lines[:ja] + lines[ja + 1:]), encoding="utf-8")
    ui, _catalog = load_content(settings_of(minimal_project))
    assert ui.written_in("fallback_original", "ja") == "en"  # extra.hub.fallback: ja → en → zh
    assert ui.missing("ja") == ("fallback_original",)


def test_every_kind_of_problem_is_reported_in_one_run(minimal_project: Path) -> None:
    ui = minimal_project / "overrides/hub/ui.yml"
    ui.write_text(ui.read_text(encoding="utf-8") + "\nnot_a_key: {zh: x, en: x}\nnot_a_key: {zh: y, en: y}\n",
                  encoding="utf-8")
    lines = ui.read_text(encoding="utf-8").count("\n")
    write(minimal_project, "data/opportunities/test-grant.yml",
          (minimal_project / "data/opportunities/test-grant.yml").read_text(encoding="utf-8")
          .replace("kind: grant", "kind: [grant"))
    os.symlink("/etc/passwd", minimal_project / "docs/en/about/linked.md")
    write(minimal_project, "docs/ja/about/stray.md", GENERATED_START + "title: x\n---\n\nx\n")
    write(minimal_project, "docs/en/about/deep.md", "---\ntitle: Deep\n---\n\n" + "- " * 11 + "x\n")
    write(minimal_project, "docs/fr/about/run.js", "alert(1)\n")
    found = problems(minimal_project)
    assert [line.split(":", 1)[0] for line in found] == [
        "data/opportunities/test-grant.yml", "docs/en/about/deep.md", "docs/en/about/linked.md",
        "docs/fr/about/run.js", "docs/ja/about/stray.md", "overrides/hub/ui.yml"]
    assert found[1] == ("docs/en/about/deep.md:5: lists, quotes or indentation nested 11 levels deep; "
                        "nest at most 10 levels")
    assert found[2].startswith("docs/en/about/linked.md: a symbolic link to /etc/passwd; ")
    assert found[4].startswith("docs/ja/about/stray.md:2: hub_generated: a page marked as generated")
    assert found[5].startswith(f"overrides/hub/ui.yml:{lines}: the key 'not_a_key' a second time")


def test_a_file_in_a_declared_asset_folder_cannot_take_the_place_of_a_theme_file(minimal_project: Path) -> None:
    settings = settings_of(minimal_project, asset_folders=("assets",))
    write(minimal_project, "docs/assets/hub.css", "body{}\n")
    write(minimal_project, "docs/assets/brand.css", "body{}\n")
    with pytest.raises(ContentErrors) as caught:
        load_content(settings)
    assert [error.format().split(";")[0] for error in caught.value.errors] == [
        "docs/assets/hub.css: a file published as assets/hub.css, which takes the place of the theme's own"]


def test_a_page_that_git_ignores_is_reported(minimal_project: Path) -> None:
    subprocess.run(["git", "init", "-q", str(minimal_project)], check=True)
    (minimal_project / ".gitignore").write_text("docs/zh/about/notes/\n", encoding="utf-8")
    write(minimal_project, "docs/zh/about/notes/index.md", "---\ntitle: 笔记\n---\n\n笔记。\n")
    assert [line.split(";")[0] for line in problems(minimal_project)] == [
        "docs/zh/about/notes/index.md: a page that git ignores, so it would never be published"]


def test_the_translations_report_is_the_one_generated_page_outside_the_generated_folders(minimal_project: Path) -> None:
    for lang in ("zh", "en", "fr", "ja"):
        write(minimal_project, f"docs/{lang}/about/translations.md", GENERATED_START + "title: x\n---\n\nx\n")
    load_content(settings_of(minimal_project))


def test_a_one_language_build_still_checks_every_language(minimal_project: Path) -> None:
    write(minimal_project, "docs/ja/about/deep.md", "---\ntitle: 深い\n---\n\n" + "> " * 11 + "x\n")
    write(minimal_project, "docs/ja/about/stray.md", GENERATED_START + "title: x\n---\n\nx\n")
    settings = settings_of(minimal_project)
    assert [line.split(":")[0] for line in problems(minimal_project, languages=settings.languages[:1],
                                                    content_languages=settings.languages)] == [
        "docs/ja/about/deep.md", "docs/ja/about/stray.md"]


def test_the_pages_a_preview_leaves_out_are_neither_read_nor_reported(minimal_project: Path) -> None:
    write(minimal_project, "docs/en/about/deep.md", "---\ntitle: Deep\n---\n\n" + "- " * 11 + "x\n")
    write(minimal_project, ARTICLE, (minimal_project / ARTICLE).read_text(encoding="utf-8")
          .replace("cities: [montpellier]", "cities: [nowhere]"))
    assert [line.split(":")[0] for line in problems(minimal_project)] == ["docs/en/about/deep.md", ARTICLE]
    settings = settings_of(minimal_project)
    _ui, catalog = load_content(settings, skip=frozenset({"docs/en/about/deep.md", ARTICLE}))
    assert catalog.news == []
    with pytest.raises(ContentErrors) as caught:
        load_content(settings, skip=frozenset({"docs/en/about/deep.md"}))
    assert [error.file for error in caught.value.errors] == [ARTICLE]


def test_drafts_are_left_out_of_a_published_build_and_kept_in_a_preview(minimal_project: Path) -> None:
    write(minimal_project, DRAFT, "---\ntitle: 草稿\nsummary: 草稿。\ndate: 2025-05-01\ndraft: true\n---\n\n草稿。\n")
    write(minimal_project, "docs/zh/news/2025/later.md",
          "---\ntitle: 以后\nsummary: 以后。\ndate: 2025-06-01\n---\n\n以后。\n")
    day = date(2025, 5, 15)
    _ui, published = load_content(settings_of(minimal_project, build_date=day))
    assert [article.src_uri for article in published.news] == ["news/2025/first-article.md"]
    assert set(published.withheld) == {"news/2025/draft.md", "news/2025/later.md"}
    _ui, preview = load_content(settings_of(minimal_project, build_date=day, preview=True))
    assert sorted(article.src_uri for article in preview.news) == [
        "news/2025/draft.md", "news/2025/first-article.md", "news/2025/later.md"]
    assert set(preview.withheld) == {"news/2025/draft.md", "news/2025/later.md"}
