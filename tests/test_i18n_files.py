"""The i18n plugin's files of each language, made with strings (hub.stack.i18n_files), are
the files its own function makes: every attribute, for every file of the site and for
names the site does not have yet, in every language the plugin builds."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hub.stack import i18n_files
from mkdocs.structure.files import File, InclusionLevel
from sitebuild import ROOT

LANGUAGES = ["zh", "en", "fr", "ja"]
# Names the site does not have (yet): a README, a folder that looks like a locale the
# plugin does not know, one that does not, files at the top, a deep asset, odd characters.
EDGE_CASES = [
    "index.md", "robots.txt", "README.md", "zh/README.md", "en/news/README.md", "pt/news/x.md", "pt_BR/a.md",
    "en-GB/a.md", "zh-Hant-TW/a.md", "news/x.md", "assets/images/a b.png", "en/assets/x.README.html",
    "zh/news/2026-01-02-fēng.md", "fr/x/index.md", "ja/a.html", "EN/a.md", "zh", "zh/a/../b.md",
    "ja/news/%20x.md", "en/deep/er/still/README.md", "assets/README.html", "zh/README.html", "pt/a/README.html",
    # What the build writes into docs/ besides the editors' pages (hub.pages.generate).
    *(f"{lang}/{page}" for lang in ("zh", "en", "fr", "ja") for page in (
        "news/2026-05-01-a-story.md", "news/page/2.md", "cities/chengdu.md", "events/2026-a-fair.md",
        "opportunities/a-grant.md", "policies/a-rule.md", "news/topics/trade.md")),
]


def site_files(docs: Path) -> list[str]:
    return sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file())


def described(file: File) -> dict[str, Any]:
    """Every attribute of a File, with the properties the build reads computed first."""
    for name in ("url", "abs_src_path", "abs_dest_path", "name", "dest_uri", "src_path", "dest_path"):
        getattr(file, name)
    found = {key: value for key, value in vars(file).items() if key != "alternates"}
    found["alternates"] = {lang: alternate is file for lang, alternate in file.alternates.items()}
    return found


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_the_files_are_the_plugins_own(tmp_path: Path, use_directory_urls: bool) -> None:
    docs = ROOT / "docs"
    config = SimpleNamespace(docs_dir=str(docs), site_dir=str(tmp_path / "site"), use_directory_urls=use_directory_urls)
    uris = site_files(docs) + EDGE_CASES
    assert len(uris) > 100
    compared = 0
    for uri in uris:
        for default in ("zh", "en"):
            for current in LANGUAGES:
                given = File(uri, str(docs), config.site_dir, use_directory_urls, inclusion=InclusionLevel.INCLUDED)
                original = i18n_files._original_make_file(given, current, default, LANGUAGES, config)
                given = File(uri, str(docs), config.site_dir, use_directory_urls, inclusion=InclusionLevel.INCLUDED)
                made = i18n_files.make_file(given, current, default, LANGUAGES, config)
                assert described(made) == described(original), (uri, current, default)
                compared += 1
    assert compared == len(uris) * 8


def test_a_file_made_again_for_another_language(tmp_path: Path) -> None:
    """The alternates pass a file the plugin made already through it again."""
    config = SimpleNamespace(docs_dir=str(ROOT / "docs"), site_dir=str(tmp_path), use_directory_urls=True)
    for uri in ("en/news/a.md", "zh/README.md", "fr/cities/x.md"):
        first = i18n_files._original_make_file(File(uri, config.docs_dir, config.site_dir, True), "en", "zh",
                                               LANGUAGES, config)
        for lang in LANGUAGES:
            assert described(i18n_files.make_file(first, lang, "zh", LANGUAGES, config)) == described(
                i18n_files._original_make_file(first, lang, "zh", LANGUAGES, config))


@pytest.mark.parametrize(("path", "folder"), [
    ("/a/docs/zh/x.md", "/a/docs"), ("/a/docs", "/a/docs"), ("/a/docsx/y.md", "/a/docs"), ("/a/doc", "/a/docs"),
    ("/a/docs/zh/x.md", "/a/docs/"), ("/x", "/"), ("/a/../docs/x.md", "/docs"), ("//a/b", "//a"),
    ("a/b", "a"), ("/a/b", "a"), (Path("/a/b"), "/a"), ("/a/b", Path("/a")),
])
def test_is_relative_to_as_the_plugins(path: Any, folder: Any) -> None:
    assert i18n_files.is_relative_to(path, folder) == i18n_files._original_is_relative_to(path, folder)


def test_the_build_uses_them() -> None:
    from mkdocs_static_i18n import folder, reconfigure

    i18n_files.use_string_paths()
    assert folder.create_i18n_file is i18n_files.make_file
    assert reconfigure.is_relative_to is i18n_files.is_relative_to
    assert os.path.sep == "/"  # the string versions are for POSIX paths; Windows takes the plugin's own
