"""hub.source.markdown_limits in this process: each limit on the shape of a Markdown body, at the
limit (accepted) and one over it (refused, with the line and the fix `make check` prints),
and the pages of docs/ it reads. tests/test_hostile_input.py runs the measured pathological
pages through `make check` and the build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hub.errors import ContentError, ContentErrors
from hub.source.catalog import GENERATED_START
from hub.source.markdown_limits import LimitProblem, check_body, check_pages, editor_pages, markdown_problems

NESTED = "nest at most 10 levels"


def problems(text: str, first_line: int = 1) -> list[tuple[int, str, str]]:
    return [(p.line, p.found, p.expected) for p in markdown_problems(text, first_line=first_line)]


# -- the page as a whole -------------------------------------------------------------------


def test_a_page_of_the_limit_is_read_and_one_byte_more_is_refused() -> None:
    paragraphs = ("a" * 999 + "\n\n") * 49 + "é" * 1000  # 99,049 bytes: under
    assert problems(paragraphs) == []
    at_limit = ("a" * 999 + "\n") * 100  # 100,000 bytes, 100 paragraphs of one line
    assert problems(at_limit.replace("\n", "\n\n", 99)[:100_000]) == []
    assert problems("é" * 50_001) == [
        (0, "a page of 100,002 bytes", "pages are limited to 100,000 bytes; split it into several pages")]


def test_a_control_character_is_reported_on_its_line() -> None:
    assert problems("one\n\ntwo \x0b three\n", first_line=7) == [
        (9, "the control character '\\x0b'", "remove it; feeds and calendars cannot carry it")]
    assert problems("tab\tand\r\nline ends\n") == []
    assert problems("\n\x01", first_line=3)[0][0] == 4


def test_the_shape_of_a_body_is_counted_from_line_one_unless_told() -> None:
    assert check_body("x\n\n" + "- " * 11 + "x") == [
        LimitProblem(3, "lists, quotes or indentation nested 11 levels deep", NESTED)]


def test_every_problem_of_a_page_is_reported_together() -> None:
    text = "- " * 11 + "x\n\n" + "*" * 65 + "\n\nbad \x01\n"
    assert [line for line, _found, _expected in problems(text, first_line=5)] == [5, 7, 9]


# -- nesting -------------------------------------------------------------------------------


@pytest.mark.parametrize(("prefix", "levels"), [
    ("- ", 1), ("> ", 1), (">", 1), ("* ", 1), ("+ ", 1), ("1. ", 1), ("123456789) ", 1), ("    ", 1), ("\t", 1),
])
def test_each_list_quote_and_indentation_counts_as_one_level(prefix: str, levels: int) -> None:
    assert problems("intro\n\n" + prefix * 10 + "x\n") == []
    assert problems("intro\n\n" + prefix * 11 + "x\n", first_line=3) == [
        (5, f"lists, quotes or indentation nested {11 * levels} levels deep", NESTED)]


def test_levels_of_each_kind_add_up_on_one_line() -> None:
    assert problems("    " + "> - 1. " * 3 + "x\n") == []  # ten levels
    assert problems("    " * 2 + "> - 1. " * 3 + "- x\n") == [
        (1, "lists, quotes or indentation nested 12 levels deep", NESTED)]


def test_only_the_indentation_at_the_start_of_a_line_counts() -> None:
    assert problems("- " * 10 + "x" + " " * 8 + "y" + "\t" * 3 + "z\n") == []


def test_a_deep_line_after_other_long_prefixes_is_found_on_its_line() -> None:
    assert problems("a\n\n-------------\n\nb\n- - - x\n" + "- " * 11 + "x\n") == [
        (7, "lists, quotes or indentation nested 11 levels deep", NESTED)]


def test_a_long_prefix_that_is_not_nesting_is_no_problem() -> None:
    assert problems("-----------------------\n") == []  # a rule
    assert problems("* * * * * * * * * * * * *\n") == []  # a rule too
    assert problems("2026.12.06.1234567890 is a date and a number\n") == []
    assert problems("-1-2-3-4-5-6-7-8-9-10-11\n") == []


def test_nesting_inside_fenced_code_is_text() -> None:
    code = "- " * 20 + "x\n"
    assert problems("```\n" + code + "```\n") == []
    assert problems("~~~~\n" + code + "~~~\n" + code + "~~~~\n") == []  # a shorter fence does not close it
    assert problems("```\n```\n" + code) == [(3, "lists, quotes or indentation nested 20 levels deep", NESTED)]
    assert problems("~~~\n```\n~~~\n" + code) == [(4, "lists, quotes or indentation nested 20 levels deep", NESTED)]


def test_nesting_is_reported_once_at_its_first_line() -> None:
    deep = "- " * 12 + "x\n"
    assert problems("a\n\n" + "- " * 11 + "x\n\n" + deep) == [
        (3, "lists, quotes or indentation nested 11 levels deep", NESTED)]
    assert problems("a\n" + "b\n" * 3 + "\n" + deep, first_line=2) == [
        (7, "lists, quotes or indentation nested 12 levels deep", NESTED)]


def test_html_blocks_nest_up_to_the_limit() -> None:
    assert problems("<div>" * 10 + "x" + "</div>" * 10) == []
    assert problems("\n" + "<div>" * 11 + "\nx\ny\n", first_line=2) == [
        (3, "HTML blocks nested 11 levels deep", NESTED)]
    deep = "a\n\n" + "<DIV class=x>\n" * 5 + "<details><section><aside><table><ul>" + "<li>x"
    assert problems(deep, first_line=4) == [
        (11, "HTML blocks nested 11 levels deep", NESTED)]


def test_closed_html_blocks_do_not_count_and_stray_closings_do_not_lend_depth() -> None:
    assert problems("<p>x</p>" * 20) == []
    assert problems("</div >" * 5 + "<div>" * 10 + "x") == []
    assert problems("<div>" * 6 + "</div>" * 3 + "<div>" * 8) == [(1, "HTML blocks nested 11 levels deep", NESTED)]
    assert problems("<divx>" * 20 + "<span>" * 20) == []


# -- one block -----------------------------------------------------------------------------


def test_a_block_of_300_lines_is_read_and_301_refused() -> None:
    assert problems("x\n" * 300) == []
    assert problems("first\n\n" + "x\n" * 301, first_line=3) == [
        (5, "301 lines without a blank line between them",
         "put a blank line between paragraphs, headings and lists (at most 300 lines)")]


def test_fenced_code_ends_a_block() -> None:
    assert problems("x\n" * 200 + "```\ncode\n```\n" + "x\n" * 200) == []
    # The fences are neither part of the block before nor of the block after.
    assert problems("x\n" * 300 + "```\ncode\n```\n" + "x\n" * 300) == []
    # ... and blocks after fenced code are checked.
    assert problems("```\ncode\n```\n" + "*" * 65 + "\n")[0][:2] == (4, "'*' 65 times in a row")
    assert problems("x\n" * 200 + "```\n" + "code\n" * 400 + "```\n") == []


def test_a_paragraph_of_20000_characters_is_read_and_one_more_refused() -> None:
    assert problems("a" * 20_000) == []
    assert problems("a" * 10_000 + "\n" + "a" * 9_999) == []
    assert problems("x\n\n" + "a" * 10_000 + "\n" + "a" * 10_000, first_line=2) == [
        (4, "a paragraph of 20,001 characters", "split it with blank lines (at most 20,000 characters)")]


def test_eight_headings_in_one_block_are_read_and_nine_refused() -> None:
    assert problems("# h\n" * 8) == []
    assert problems("x\n\n" + "# h\n" * 4 + "###### h\n" + "   ## h\n" * 3 + "#\n") == [
        (3, "9 headings without a blank line between them", "put a blank line before and after each heading")]
    assert problems("#h\n" * 9 + "    # h\n" * 9 + "####### h\n" * 9) == []  # not headings


@pytest.mark.parametrize("char", list("*_`~\\[](){}<>!|^"))
def test_a_markup_character_64_times_in_a_row_is_read_and_65_refused(char: str) -> None:
    assert not any("in a row" in found for _line, found, _expected in problems("x" + char * 64 + "x"))
    assert (5, f"'{char}' 65 times in a row", "at most 64 in a row; put text between them") in problems(
        "x\n\nx\ny" + char * 65, first_line=2)
    assert (4, f"'{char}' 65 times in a row", "at most 64 in a row; put text between them") in problems(
        "x\n\nx" + char * 65 + "\ny\nz", first_line=2)


def test_long_rules_and_heading_underlines_are_not_runs() -> None:
    assert problems("Title\n" + "=" * 200 + "\n\n" + "-" * 200 + "\n\n" + "#" * 200 + "\n") == []


@pytest.mark.parametrize(("what", "open_", "close"), [("square brackets", "[", "]"), ("parentheses", "(", ")")])
def test_brackets_left_open_or_nested_over_the_limits(what: str, open_: str, close: str) -> None:
    expected = f"close each {open_} with {close} (at most 8 open, 10 deep)"
    assert problems(f"a {open_}b" * 8) == []
    assert problems(open_ * 10 + close * 10) == []
    assert problems(f"{close}x" * 10 + f"{open_}y" * 8) == []  # a closing one without an opening one counts for nothing
    assert problems(f"\\{open_}" * 30) == []  # escaped
    assert problems("x\n\n" + "y\n" + f"a {open_}b" * 9, first_line=5) == [
        (7, f"{what} left open 9 times or nested 9 deep in one paragraph", expected)]
    assert problems(open_ * 11 + close * 11) == [(1, f"{what} left open 0 times or nested 11 deep in one paragraph",
                                                  expected)]
    assert problems(f"{open_}{close}" * 30) == []
    # Eight left open past other brackets: at the limit, not over it.
    assert problems(f"{open_}{close} " + f"a {open_}b" * 8) == []
    # An escaped character between brackets closes none of them.
    assert problems(f"{open_}x\\_ " * 9)[0][1] == f"{what} left open 9 times or nested 9 deep in one paragraph"


def test_brackets_are_counted_per_block() -> None:
    assert problems("[a\n\n" * 20) == []


def test_html_tags_left_without_their_closing_bracket() -> None:
    expected = "close each tag with > (at most 8); write a literal < as &lt;"
    assert problems("<a " * 8) == []
    assert problems("<a " * 9) == [(1, "9 HTML tags without their closing '>' in one paragraph", expected)]
    assert problems("x\n\n" + "<b>x</b> " * 20 + "<a " * 8, first_line=3) == []
    assert problems("x\n\n" + "<b>x</b> " * 20 + "<a " * 9, first_line=3) == [
        (5, "9 HTML tags without their closing '>' in one paragraph", expected)]
    assert problems("1 < 2 " * 30) == []  # a < before a space starts no tag
    assert problems("<a <b " * 5) == [(1, "10 HTML tags without their closing '>' in one paragraph", expected)]


def test_the_first_limit_a_block_passes_is_the_one_reported() -> None:
    block = "# h\n" * 9 + "*" * 70 + "[" * 20
    assert [found for _line, found, _expected in problems(block)] == ["9 headings without a blank line between them"]
    block = "*" * 70 + "[" * 20 + "<a " * 20
    assert [found for _line, found, _expected in problems(block)] == ["'*' 70 times in a row"]
    block = "[" * 20 + "(" * 20 + "<a " * 20
    assert [found for _line, found, _expected in problems(block)] == [
        "square brackets left open 20 times or nested 20 deep in one paragraph"]
    block = "(" * 20 + "<a " * 20
    assert [found for _line, found, _expected in problems(block)] == [
        "parentheses left open 20 times or nested 20 deep in one paragraph"]


# -- the pages of docs/ --------------------------------------------------------------------


def write(root: Path, rel: str, text: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_the_pages_an_editor_wrote_are_checked_at_their_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "docs/zh/news/2025/bad.md", "---\ntitle: 坏\ndate: 2025-04-16\n---\n\nok\n\n" + "- " * 11 + "x\n")
    write(tmp_path, "docs/en/about.md", "No front matter\n\n" + "*" * 65 + "\n")
    write(tmp_path, "docs/fr/ignored.md", "- " * 20 + "x\n")  # not a language checked here
    write(tmp_path, "docs/zh/good.md", "---\ntitle: 好\n---\n\nfine\n")
    errors = check_pages(tmp_path, ("zh", "en"))
    assert [error.format() for error in errors] == [
        "docs/zh/news/2025/bad.md:8: lists, quotes or indentation nested 11 levels deep; nest at most 10 levels",
        "docs/en/about.md:3: '*' 65 times in a row; at most 64 in a row; put text between them",
    ]


def test_pages_that_are_not_an_editors_are_passed_over(tmp_path: Path) -> None:
    deep = "- " * 20 + "x\n"
    write(tmp_path, "docs/en/notes.txt", deep)
    write(tmp_path, "docs/en/.hidden.md", deep)
    write(tmp_path, "docs/en/.drafts/page.md", deep)
    write(tmp_path, "docs/en/generated.md", GENERATED_START + "---\n\n" + deep)
    write(tmp_path, "docs/en/b/latin1.md", b"caf\xe9\n\n" + deep.encode())  # reported by the catalog
    outside = write(tmp_path, "outside/page.md", deep)
    os.symlink(outside, tmp_path / "docs/en/linked.md")
    os.symlink(outside.parent, tmp_path / "docs/en/linked-folder")
    write(tmp_path, "docs/en/b/real.md", "---\ntitle: x\n---\n" + deep)
    write(tmp_path, "docs/en/a.md", deep)
    pages = list(editor_pages(tmp_path, ("en",)))
    assert [(page.path.relative_to(tmp_path).as_posix(), page.body_line) for page in pages] == [
        ("docs/en/a.md", 1), ("docs/en/b/real.md", 4)]
    assert pages[1].body == deep and pages[1].text.startswith("---\ntitle: x\n")
    assert [error.line for error in check_pages(tmp_path, ("en",))] == [1, 4]


def test_a_page_problem_sorts_with_the_other_checks_problems_on_its_line(tmp_path: Path) -> None:
    write(tmp_path, "docs/en/a.md", "- " * 11 + "<p>x\n")
    other = ContentError("docs/en/a.md", 1, "html", "<p> removed", "…")  # what the HTML audit says
    assert [error.format() for error in ContentErrors([*check_pages(tmp_path, ("en",)), other]).errors] == [
        "docs/en/a.md:1: lists, quotes or indentation nested 11 levels deep; nest at most 10 levels",
        "docs/en/a.md:1: html: <p> removed; …"]


def test_a_language_without_pages_has_nothing_to_report(tmp_path: Path) -> None:
    assert check_pages(tmp_path, ("zh", "en")) == []
    assert markdown_problems("") == []
    assert LimitProblem(1, "a", "b") == LimitProblem(1, "a", "b")
