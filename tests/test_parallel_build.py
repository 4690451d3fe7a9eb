"""Languages built side by side (hub.engine.parallel) give the very site that one process gives.

`mkdocs build` forks a worker for part of the languages when the machine has two cores;
every other test reads a site built that way. Here the same project is built both ways
and every published file is compared byte for byte.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sitebuild import MINIMAL, BuiltSite, build, copy_project

pytestmark = pytest.mark.slow

# Pagefind writes its list of languages in no fixed order; the entries themselves are compared.
SEARCH_ENTRY = "pagefind-entry.json"
UNORDERED_JSON = {f"pagefind/{SEARCH_ENTRY}"}


def _contents(site: BuiltSite) -> dict[str, bytes]:
    return {name: (site.dir / name).read_bytes() for name in site.files()}


def with_search_parts(project: Path) -> Path:
    """Articles of 2023 in zh, en and fr (French also translates the 2025 one), one article
    to a part of the search index: every language but ja has an older part, fr's made from
    the worker's pages read from disk."""
    stories = {"zh": ("二〇二三年的新闻", "date: 2023-05-04\n"), "en": ("News of 2023", ""),
               "fr": ("Nouvelles de 2023", "")}
    for lang, (title, date) in stories.items():
        folder = project / "docs" / lang / "news" / "2023"
        folder.mkdir(parents=True)
        (folder / "older-story.md").write_text(f"---\ntitle: {title}\nsummary: {title}.\n{date}---\n\n{title}.\n",
                                               encoding="utf-8")
    (project / "docs" / "fr" / "news" / "2025").mkdir(parents=True, exist_ok=True)
    (project / "docs" / "fr" / "news" / "2025" / "first-article.md").write_text(
        "---\ntitle: Premier article\nsummary: Un résumé.\n---\n\nPremier paragraphe.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    search_part_articles: 1000\n" in text
    config.write_text(text.replace("    search_part_articles: 1000\n", "    search_part_articles: 1\n"),
                      encoding="utf-8")
    return project


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: every build runs in one process")
@pytest.mark.parametrize("parts", [False, True], ids=["one-search-part", "search-parts"])
def test_parallel_build_equals_sequential_build(minimal_project: Path, tmp_path: Path, parts: bool) -> None:
    if parts:
        minimal_project = with_search_parts(copy_project(tmp_path / "parted", content_from=MINIMAL))
    parallel = build(minimal_project, tmp_path / "parallel", HUB_BUILD_WORKERS="2", SOURCE_DATE_EPOCH="1745000000")
    assert parallel.result.returncode == 0, parallel.result.output
    assert "in process" in parallel.result.output  # the languages really were shared out
    sequential = build(minimal_project, tmp_path / "sequential", HUB_BUILD_WORKERS="1",
                       SOURCE_DATE_EPOCH="1745000000")
    assert sequential.result.returncode == 0, sequential.result.output
    assert "in process" not in sequential.result.output

    ours, theirs = _contents(parallel), _contents(sequential)
    assert sorted(ours) == sorted(theirs)
    for name in UNORDERED_JSON & ours.keys():
        assert json.loads(ours.pop(name)) == json.loads(theirs.pop(name)), name
    different = [name for name in ours if ours[name] != theirs[name]]
    assert different == []
    # Every language is there, with its own 404 page and its pages in the sitemap.
    for lang in ("en", "fr", "ja"):
        assert f"{lang}/404.html" in ours and f"{lang}/index.html" in ours
    sitemap = ours["sitemap.xml"].decode("utf-8")
    assert all(f"/hub/{lang}/" in sitemap for lang in ("en", "fr", "ja"))
    # The build counts every language's feeds and indexed pages, whichever process built them.
    assert _summaries(parallel.result.output) == _summaries(sequential.result.output)
    searched = next(line for line in _summaries(parallel.result.output) if line.startswith("search index ("))
    assert "fr " in searched and "ja " in searched
    archive = json.loads(ours["pagefind/archive.json"])
    if parts:
        assert sorted(archive) == ["en", "fr", "zh"]
        assert {lang: [part["path"] for part in listing["parts"]] for lang, listing in archive.items()} == {
            lang: [f"archive/{lang}-2/"] for lang in ("en", "fr", "zh")}
        assert f"pagefind/archive/fr-2/{SEARCH_ENTRY}" in ours
    else:
        assert archive == {}


def _summaries(output: str) -> list[str]:
    """The build's lines about the search index and the feeds (written side by side: in
    either order)."""
    return sorted(line.split("hub: ", 1)[1] for line in output.splitlines()
                  if "hub: search index (" in line or " OPML files" in line)


def test_failing_language_build_in_a_worker_fails_the_build(minimal_project: Path, tmp_path: Path) -> None:
    """A strict warning in a language built by the worker stops the whole build and no
    site is published."""
    page = minimal_project / "docs" / "ja" / "about" / "index.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("---\ntitle: 概要\n---\n\n[壊れたリンク](missing-page.md)\n", encoding="utf-8")
    built = build(minimal_project, tmp_path / "site", HUB_BUILD_WORKERS="2")
    assert built.result.returncode != 0
    assert "missing-page.md" in built.result.output
    assert not (tmp_path / "site").exists()


# Loaded at the start of every Python process whose path holds it: a platform where the
# "fork" start method does not exist (Windows), and where forking anyway fails loudly.
WITHOUT_FORK = '''
import multiprocessing
import os

multiprocessing.get_all_start_methods = lambda: ["spawn"]


def _no_fork():
    raise OSError("this platform cannot fork")


os.fork = _no_fork
'''


def test_without_fork_one_process_builds_the_same_site(minimal_project: Path, tmp_path: Path) -> None:
    """Where `fork` does not exist, `mkdocs build` with two workers configured builds every
    language in one process, and publishes the very same files."""
    patch = tmp_path / "without_fork"
    patch.mkdir()
    (patch / "sitecustomize.py").write_text(WITHOUT_FORK, encoding="utf-8")
    hooks = os.pathsep.join([str(patch), str(minimal_project / "hooks")])
    alone = build(minimal_project, tmp_path / "alone", HUB_BUILD_WORKERS="2", SOURCE_DATE_EPOCH="1745000000",
                  PYTHONPATH=hooks)
    assert alone.result.returncode == 0, alone.result.output
    assert "in process" not in alone.result.output  # no worker was started
    usual = build(minimal_project, tmp_path / "usual", HUB_BUILD_WORKERS="2", SOURCE_DATE_EPOCH="1745000000")
    assert usual.result.returncode == 0, usual.result.output

    ours, theirs = _contents(alone), _contents(usual)
    assert sorted(ours) == sorted(theirs)
    for name in UNORDERED_JSON & ours.keys():
        assert json.loads(ours.pop(name)) == json.loads(theirs.pop(name)), name
    assert [name for name in ours if ours[name] != theirs[name]] == []
    for lang in ("en", "fr", "ja"):
        assert f"{lang}/404.html" in ours and f"{lang}/index.html" in ours
