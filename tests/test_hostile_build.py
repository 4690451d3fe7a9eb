"""What a build leaves behind: nothing when it fails, the same bytes every time it succeeds,
and the same site whatever the editor's line endings.

- A failed build exits non-zero and leaves no partial site where a deploy would pick it
  up: MkDocs writes into a staging folder that replaces `site_dir` only on success
  (hub/engine/staging.py); a strict build that found active content in a page is such a failure.
- Two clean builds of the same content with the same SOURCE_DATE_EPOCH give byte-identical
  trees (every file's sha256 compared).
- A Markdown page and a data file saved with a byte-order mark, CRLF line endings and a
  tab-indented code block build exactly like the clean ones.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sitebuild import MINIMAL, BuiltSite, build, copy_project

ARTICLE = "docs/zh/news/2025/first-article.md"
CITY = "data/cities/montpellier.yml"
EPOCH = {"SOURCE_DATE_EPOCH": "1745150400", "HUB_BUILD_DATE": "", "COLUMNS": "0"}
CODE = "\n\n示例：\n\n    code line\n        indented more\n"


def tree(site: BuiltSite) -> dict[str, str]:
    return {
        path.relative_to(site.dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.dir.rglob("*"))
        if path.is_file()
    }


def _project(base: Path, *, dirty: bool) -> Path:
    project = copy_project(base / "project", content_from=MINIMAL)
    article = project / ARTICLE
    text = article.read_text(encoding="utf-8") + CODE
    city = project / CITY
    city_text = city.read_text(encoding="utf-8")
    if dirty:
        text = text.replace("    ", "\t")
        article.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
        city.write_bytes(b"\xef\xbb\xbf" + city_text.replace("\n", "\r\n").encode("utf-8"))
    else:
        article.write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def clean_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, BuiltSite]:
    sites = []
    for name in ("first", "second"):
        base = tmp_path_factory.mktemp(name)
        # Each with a cache of its own: the social cards are drawn twice, in different processes.
        built = build(_project(base, dirty=False), base / "site", HUB_CARD_CACHE=str(base / "cards"), **EPOCH)
        assert built.result.returncode == 0, built.result.output
        sites.append(built)
    return sites[0], sites[1]


def test_two_clean_builds_are_byte_identical(clean_builds: tuple[BuiltSite, BuiltSite]) -> None:
    first, second = clean_builds
    first_tree, second_tree = tree(first), tree(second)
    assert len(first_tree) > 100
    assert sorted(first_tree) == sorted(second_tree)
    assert [path for path in first_tree if first_tree[path] != second_tree[path]] == []


def test_bom_crlf_and_tabs_build_like_the_clean_files(
    clean_builds: tuple[BuiltSite, BuiltSite], tmp_path: Path
) -> None:
    dirty = build(_project(tmp_path, dirty=True), tmp_path / "site", **EPOCH)
    assert dirty.result.returncode == 0, dirty.result.output
    assert "\ufeff" not in dirty.text("news/2025/first-article/")
    clean_tree, dirty_tree = tree(clean_builds[0]), tree(dirty)
    assert sorted(clean_tree) == sorted(dirty_tree)
    assert [path for path in clean_tree if clean_tree[path] != dirty_tree[path]] == []


def test_failed_build_leaves_no_site(minimal_project: Path, tmp_path: Path) -> None:
    article = minimal_project / ARTICLE
    article.write_text(article.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    site = tmp_path / "site"
    built = build(minimal_project, site, COLUMNS="0")
    assert built.result.returncode == 1
    assert f"WARNING -  {ARTICLE}:15: html: <script> removed; scripts are not allowed in content" in (
        built.result.output.splitlines()
    )
    assert "Aborted with 1 warnings in strict mode!" in built.result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == ["project"]


def test_failed_build_keeps_the_previous_site_untouched(minimal_project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    good = build(minimal_project, site)
    assert good.result.returncode == 0, good.result.output
    before = tree(good)

    article = minimal_project / ARTICLE
    article.write_text(article.read_text(encoding="utf-8") + '\n[x](javascript:alert(1))\n', encoding="utf-8")
    bad = build(minimal_project, site)
    assert bad.result.returncode == 1
    assert tree(bad) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["project", "site"]
