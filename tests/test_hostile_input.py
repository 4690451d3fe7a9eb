"""Broken and pathological input fails fast with a message naming the file and line, and no
path escapes its folder.

Each case changes one thing in the minimal fixture and runs `python -m hub check`, which
reads the content exactly as the build does (hub/editors/content.py). The YAML side of the same
risks (duplicate keys, YAML 1.1 surprises, aliases, invalid UTF-8, 5 MB and 10,000-level
data files, slugs with `..`, `\\` or `/`, files in the wrong folder, pages without front
matter, translations without an original) is covered by tests/test_validation.py; the
cases here are the Markdown pages and the folders themselves.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sitebuild import HUB_CLI, build, run

BAD = "docs/zh/news/2025/bad.md"
HEADER = "---\ntitle: 坏\nsummary: 测试。\ndate: 2025-04-16\n---\n\n"  # the body starts on line 7
NO_WRAP = {"COLUMNS": "0"}


def page(body: str | bytes, header: str = HEADER) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        (project / BAD).write_bytes(header.encode("utf-8") + data)

    return change


def link(rel: str, target: str, *, folder: bool = False) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, path, target_is_directory=folder)

    return change


def name(rel: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        (project / rel).write_text("---\ntitle: x\n---\n\nx\n", encoding="utf-8")

    return change


def outside_folder(project: Path) -> None:
    outside = project.parent / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: secret\nsummary: s\ndate: 2026-01-01\n---\n\ns\n", encoding="utf-8")
    os.symlink(outside, project / "docs" / "zh" / "news" / "2026", target_is_directory=True)


@dataclass(frozen=True)
class Case:
    id: str
    change: Callable[[Path], None]
    message: str


MARKDOWN = [
    Case("nested-list-10000", page("- " * 10_000 + "x\n"),
         f"{BAD}:7: lists, quotes or indentation nested 10000 levels deep; nest at most 10 levels"),
    Case("blockquotes-99000", page(">" * 99_000 + " x\n"),
         f"{BAD}:7: lists, quotes or indentation nested 99000 levels deep; nest at most 10 levels"),
    Case("indented-list", page("".join("    " * level + "- x\n" for level in range(12))),
         f"{BAD}:17: lists, quotes or indentation nested 11 levels deep; nest at most 10 levels"),
    Case("html-blocks-nested", page("<div markdown>\n" * 20 + "x\n" + "</div>\n" * 20),
         f"{BAD}:17: HTML blocks nested 11 levels deep; nest at most 10 levels"),
    Case("emphasis-bomb", page("*" * 5_000 + "a" + "*" * 5_000 + "\n"),
         f"{BAD}:7: '*' 5000 times in a row; at most 64 in a row; put text between them"),
    Case("bracket-bomb", page("[" * 8_000 + "\n"),
         f"{BAD}:7: '[' 8000 times in a row; at most 64 in a row; put text between them"),
    Case("brackets-left-open", page("[a " * 20 + "\n"),
         f"{BAD}:7: square brackets left open 20 times or nested 20 deep in one paragraph; close each [ with ] "
         "(at most 8 open, 10 deep)"),
    Case("parentheses-left-open", page("[a](" * 20 + "\n"),
         f"{BAD}:7: parentheses left open 20 times or nested 20 deep in one paragraph; close each ( with ) "
         "(at most 8 open, 10 deep)"),
    Case("tags-left-open", page("<a " * 20 + "x\n"),
         f"{BAD}:7: 20 HTML tags without their closing '>' in one paragraph; close each tag with > (at most 8); "
         "write a literal < as &lt;"),
    Case("headings-without-blank-lines", page("## h\n" * 20),
         f"{BAD}:7: 20 headings without a blank line between them; put a blank line before and after each heading"),
    Case("block-of-400-lines", page("line\n" * 400),
         f"{BAD}:7: 400 lines without a blank line between them; put a blank line between paragraphs, headings "
         "and lists (at most 300 lines)"),
    Case("paragraph-of-25000-characters", page("x" * 25_000 + "\n"),
         f"{BAD}:7: a paragraph of 25,000 characters; split it with blank lines (at most 20,000 characters)"),
    Case("page-of-150000-bytes", page("A paragraph of text.\n\n" * 7_000),
         f"{BAD}: a page of 154,001 bytes; pages are limited to 100,000 bytes; split it into several pages"),
    Case("five-megabyte-title", page("x\n", header="---\ntitle: " + "长" * 1_700_000 + "\n---\n\n"),
         f"{BAD}: the file is 5,100,019 bytes; content files are limited to 1,000,000 bytes; split it or move large "
         "text out"),
    Case("invalid-utf8-body", page("正文\n".encode() + "Nîmes\n".encode("latin-1")),
         f"{BAD}:8: bytes that are not UTF-8 (b'\\xeemes'); save the file as UTF-8"),
    Case("alias-bomb-in-front-matter",
         page("x\n", header="---\ntitle: 坏\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a]\n"
                            "c: [*b, *b, *b, *b, *b, *b]\n---\n\n"),
         f"{BAD}:4: a YAML alias (*a); write the value out in full; anchors and aliases are not allowed in "
         "content files"),
]

PATHS = [
    Case("symlink-to-a-file-outside", link("docs/zh/about/passwd.md", "/etc/passwd"),
         "docs/zh/about/passwd.md: a symbolic link to /etc/passwd; replace it with the file itself; content is "
         "never read through a link"),
    Case("symlink-to-a-folder-outside", outside_folder,
         f"docs/zh/news/2026: a symbolic link to {'{outside}'}; replace it with the file itself; content is never "
         "read through a link"),
    Case("symlink-in-data", link("data/cities/hosts.yml", "../../../../../../etc/hosts"),
         "data/cities/hosts.yml: a symbolic link to ../../../../../../etc/hosts; replace it with the file itself; "
         "content is never read through a link"),
    Case("name-with-backslash", name("docs/zh/about/a\\b.md"),
         "docs/zh/about/a\\b.md: the name 'a\\\\b.md' (contains '\\\\'); rename it: letters, digits, hyphens, "
         "underscores and dots only"),
    Case("name-with-colon", name("docs/zh/about/c:d.md"),
         "docs/zh/about/c:d.md: the name 'c:d.md' (contains ':'); rename it: letters, digits, hyphens, "
         "underscores and dots only"),
    Case("name-with-control-character", name("docs/zh/about/e\x01f.md"),
         "docs/zh/about/e\x01f.md: the name 'e\\x01f.md' (contains '\\x01'); rename it: letters, digits, hyphens, "
         "underscores and dots only"),
    Case("page-ending-in-markdown", name("docs/zh/news/2025/notes.markdown"),
         "docs/zh/news/2025/notes.markdown: a Markdown page named 'notes.markdown'; rename it to 'notes.md': only "
         ".md pages are checked and published as pages"),
    Case("page-ending-in-upper-case", name("docs/en/about/Notes.MD"),
         "docs/en/about/Notes.MD: a Markdown page named 'Notes.MD'; rename it to 'Notes.md': only .md pages are "
         "checked and published as pages"),
    Case("names-differing-in-case", name("docs/zh/about/Index.md"),
         "docs/zh/about/index.md: 'index.md' and 'Index.md' differ only in case; rename one of them; they collide "
         "on Windows and macOS"),
]


@pytest.mark.parametrize("case", MARKDOWN + PATHS, ids=[case.id for case in MARKDOWN + PATHS])
def test_check_names_the_file_and_line(case: Case, minimal_project: Path) -> None:
    case.change(minimal_project)
    checked = run([*HUB_CLI, "check"], minimal_project)
    assert checked.returncode == 1, checked.output
    message = case.message.replace("{outside}", str(minimal_project.parent / "outside"))
    assert message in checked.stdout.splitlines(), checked.output
    assert "Traceback" not in checked.output


def test_pathological_markdown_stops_the_build_before_markdown_sees_it(minimal_project: Path, tmp_path: Path) -> None:
    # Python-Markdown raises RecursionError at 800 levels; the limit stops the build first.
    page("- " * 10_000 + "x\n")(minimal_project)
    site = tmp_path / "site"
    built = build(minimal_project, site, **NO_WRAP)
    assert built.result.returncode == 1, built.result.output
    assert MARKDOWN[0].message in built.result.output.splitlines()
    assert "RecursionError" not in built.result.output and "Traceback" not in built.result.output
    assert not site.exists()


def test_page_marked_generated_by_an_editor_is_refused(minimal_project: Path, tmp_path: Path) -> None:
    # The marker makes the checks skip a page: on an editor's page it would publish it unchecked.
    page_path = minimal_project / "docs" / "zh" / "about" / "planted.md"
    page_path.write_text("---\nhub_generated: true\ntitle: x\nicon: ../../x\n---\n\n<b>x</b>\n", encoding="utf-8")
    message = (
        "docs/zh/about/planted.md:2: hub_generated: a page marked as generated that the hub does not generate; "
        "remove the line `hub_generated: true`; only the hub writes such pages"
    )
    checked = run([*HUB_CLI, "check"], minimal_project)
    assert checked.returncode == 1 and message in checked.stdout.splitlines(), checked.output
    site = tmp_path / "site"
    built = build(minimal_project, site, **NO_WRAP)
    assert built.result.returncode == 1, built.result.output
    assert message in built.result.output.splitlines()
    assert not site.exists()


def test_the_marker_further_down_the_front_matter_is_no_way_around_the_checks(minimal_project: Path) -> None:
    # Only a page that starts with the marker is the hub's; anywhere else it is an unknown field.
    page_path = minimal_project / "docs" / "en" / "about" / "planted.md"
    page_path.write_text("---\ntitle: x\nhub_generated: true\ntemplate: 404.html\n---\n\nx\n", encoding="utf-8")
    checked = run([*HUB_CLI, "check"], minimal_project)
    assert checked.returncode == 1, checked.output
    lines = checked.stdout.splitlines()
    assert any(line.startswith("docs/en/about/planted.md:3: hub_generated: unknown field") for line in lines), lines
    assert any(line.startswith("docs/en/about/planted.md:4: template: unknown field") for line in lines), lines


def test_a_large_generated_page_left_by_the_last_build_is_no_problem(minimal_project: Path, tmp_path: Path) -> None:
    # The translations report passes the 1 MB limit of editors' files at about 2,000 articles:
    # a generated page is passed over before it is read, and written anew.
    report = minimal_project / "docs" / "en" / "about" / "translations.md"
    report.write_text("---\nhub_generated: true\ntitle: Translations\n---\n\n" + "<p>x</p>\n" * 150_000,
                      encoding="utf-8")
    assert report.stat().st_size > 1_000_000
    built = build(minimal_project, tmp_path / "site", **NO_WRAP)
    assert built.result.returncode == 0, built.result.output
    assert report.stat().st_size < 1_000_000
    assert "Translations" in (tmp_path / "site" / "en" / "about" / "translations" / "index.html").read_text(
        encoding="utf-8")


def test_planted_pages_in_every_language_are_reported_together(minimal_project: Path, tmp_path: Path) -> None:
    # Generated pages are made for half of the languages in another process: one report all the same.
    for lang in ("zh", "ja"):
        planted = minimal_project / "docs" / lang / "about" / "planted.md"
        planted.write_text("---\nhub_generated: true\ntitle: x\n---\n\nx\n", encoding="utf-8")
    built = build(minimal_project, tmp_path / "site", **NO_WRAP)
    assert built.result.returncode == 1, built.result.output
    for lang in ("zh", "ja"):
        assert f"docs/{lang}/about/planted.md:2: hub_generated: a page marked as generated" in built.result.output
    assert "2 problems found in the content." in built.result.output
    assert "Traceback" not in built.result.output
    assert not (tmp_path / "site").exists()


def test_an_editors_page_where_a_generated_page_goes_is_refused(minimal_project: Path, tmp_path: Path) -> None:
    # zh is made in the build's own process, ja in the forked one: both come in one report.
    pages = {
        "zh": minimal_project / "docs" / "zh" / "cities" / "montpellier.md",
        "ja": minimal_project / "docs" / "ja" / "cities" / "montpellier.md",
    }
    for lang, page in pages.items():
        page.write_text(f"---\ntitle: {lang}\n---\n\n手書きのページ。\n", encoding="utf-8")
    built = build(minimal_project, tmp_path / "site", **NO_WRAP)
    assert built.result.returncode == 1, built.result.output
    lines = built.result.output.splitlines()
    for lang in pages:
        [line] = [line for line in lines if line.startswith(f"docs/{lang}/cities/montpellier.md:1: ")]
        assert "a page written by hand where the hub writes its page" in line, line
        assert line.endswith("; rename or move it; the hub writes this page itself, from the data files and articles")
    assert "2 problems found in the content." in lines
    assert "Traceback" not in built.result.output
    assert not (tmp_path / "site").exists()
    for page in pages.values():
        assert page.read_text(encoding="utf-8").endswith("手書きのページ。\n")  # the editor's text is kept
