"""Limits on the shape of a Markdown body, checked before Python-Markdown sees it.

Python-Markdown recurses once per level of nesting and rescans the rest of a paragraph
for every bracket, backtick or tag it cannot close, so a small hostile file can crash the
build (RecursionError) or keep it busy for minutes. Measured on the pinned Markdown 3.11
with this site's extensions, one conversion each:

- a list nested 800 levels deep (`- - - … x`) raises RecursionError; so do 5,000
  nested emphasis markers and 1,000 nested `<div markdown>` blocks;
- 8,000 unclosed `[` in one paragraph take 39 s, 8,000 unclosed `<a ` 24 s, 4,000
  headings in one block without blank lines 4 to 9 s, 100,000 backslashes 5.6 s.

Within these limits the slowest page found takes about 3.6 s to convert (100 KB of
blockquotes nested 10 deep; tables, emphasis, code spans and links at the limits take
1 to 2.2 s), and each refused example above is refused in under 15 ms. Every limit is far
beyond what an article needs (the longest page today is under 5 KB). A body over a limit
is an error naming the file and line, like any other content error
(tests/test_hostile_input.py).

`markdown_problems` is the one gate every Markdown text passes before it is converted:
the pages editors write (checked with the content, before MkDocs reads them) and the
Markdown fields of records (checked by their model, hub.source.models.MarkdownText, and again
by hub.source.prose before each conversion), with the same limits.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, display_path
from ..safety.nofollow import is_linked
from ..safety.yamlsafe import XML_ILLEGAL, YamlProblem, decode, split_front_matter
from .catalog import is_generated_file

MAX_BODY_BYTES = 100_000
MAX_NESTING = 10  # list, quote and indentation levels on one line; HTML blocks inside each other
MAX_BLOCK_LINES = 300  # lines of one block (the text between two blank lines)
MAX_BLOCK_CHARS = 20_000
MAX_BLOCK_HEADINGS = 8  # headings in one block, without blank lines between them
MAX_RUN = 64  # the same markup character many times in a row
MAX_UNCLOSED = 8  # brackets, parentheses and tags left open in one block

_HR = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_PREFIX = re.compile(r"[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])")
# Each level takes at least one character of a line's prefix: only lines with a prefix
# longer than the limit can be nested too deep, and only those are looked at closely.
_LONG_PREFIX = re.compile(r"^[ \t>*+\-\d.)]{" + str(MAX_NESTING + 1) + ",}", re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE)
# Not `-`, `=` or `#`: long rules and heading underlines are harmless and common.
_RUN = re.compile(r"([*_`~\\\[\](){}<>!|^])\1{" + str(MAX_RUN) + ",}")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_HTML_OPEN = re.compile(r"<(div|details|section|article|aside|blockquote|table|ul|ol|li|p)\b[^<>]*+>", re.IGNORECASE)
_HTML_CLOSE = re.compile(r"</(div|details|section|article|aside|blockquote|table|ul|ol|li|p)\s*>", re.IGNORECASE)
_ANGLE = re.compile(r"<[A-Za-z]|[<>]")


@dataclass(frozen=True)
class LimitProblem:
    line: int  # 1-based, in the file; 0 for the page as a whole
    found: str
    expected: str


def markdown_problems(text: str, *, first_line: int = 1) -> list[LimitProblem]:
    """Everything that keeps `text` (starting on line `first_line`) from being converted:
    the limits of its shape, and characters the feeds cannot carry."""
    problems = check_body(text, first_line=first_line)
    illegal = XML_ILLEGAL.search(text)
    if illegal:
        problems.append(LimitProblem(first_line + text.count("\n", 0, illegal.start()),
                                     f"the control character {illegal.group()!r}",
                                     "remove it; feeds and calendars cannot carry it"))
    return problems


def check_body(body: str, *, first_line: int = 1) -> list[LimitProblem]:
    """Problems with the shape of a Markdown body that starts on line `first_line`."""
    size = len(body.encode("utf-8"))
    if size > MAX_BODY_BYTES:
        return [LimitProblem(0, f"a page of {size:,} bytes",
                             f"pages are limited to {MAX_BODY_BYTES:,} bytes; split it into several pages")]
    problems: list[LimitProblem] = []
    lines = body.split("\n")
    problems.extend(_nesting(lines, first_line))
    problems.extend(_html_nesting(body, first_line))
    for start, block in _blocks(lines):
        problems.extend(_block(block, first_line + start))
    return problems


def _nesting(lines: list[str], first_line: int) -> Iterator[LimitProblem]:
    body = "\n".join(lines)
    candidates = set()
    line = position = 0
    for match in _LONG_PREFIX.finditer(body):
        line += body.count("\n", position, match.start())
        position = match.start()
        candidates.add(line)
    if not candidates:
        return
    fence: str | None = None
    for index, line in enumerate(lines):
        fence, inside = _in_fence(fence, line)
        if index not in candidates or inside or _HR.match(line):
            continue
        number = first_line + index
        depth = 0
        position = 0
        while match := _PREFIX.match(line, position):
            depth += 1
            position = match.end()
        indent = len(line) - len(line.lstrip(" \t"))
        depth += line[:indent].expandtabs(4).count("    ")
        if depth > MAX_NESTING:
            yield LimitProblem(number, f"lists, quotes or indentation nested {depth} levels deep",
                               f"nest at most {MAX_NESTING} levels")
            return  # one report per file is enough to find the place


def _html_nesting(body: str, first_line: int) -> Iterator[LimitProblem]:
    if "<" not in body:
        return
    events = sorted(
        [(m.start(), 1) for m in _HTML_OPEN.finditer(body)] + [(m.start(), -1) for m in _HTML_CLOSE.finditer(body)]
    )
    depth = 0
    for offset, step in events:
        depth = max(0, depth + step)
        if depth > MAX_NESTING:
            yield LimitProblem(first_line + body.count("\n", 0, offset), f"HTML blocks nested {depth} levels deep",
                               f"nest at most {MAX_NESTING} levels")
            return


def _in_fence(fence: str | None, line: str) -> tuple[str | None, bool]:
    """(the fence open after `line`, whether `line` is fenced code or a fence)."""
    marker = _FENCE.match(line)
    if fence is not None:
        if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
            return None, True
        return fence, True
    if marker:
        return marker.group(1), True
    return None, False


def _blocks(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    """(index of its first line, its lines) for each run of non-blank lines; fenced code
    is left out (Markdown does not parse inside it)."""
    start: int | None = None
    fence: str | None = None
    for index, line in enumerate([*lines, ""]):
        fence, inside = _in_fence(fence, line)
        if inside:
            if start is not None:
                yield start, lines[start:index]
                start = None
            continue
        if line.strip():
            if start is None:
                start = index
        elif start is not None:
            yield start, lines[start:index]
            start = None


def _block(block: list[str], first_line: int) -> Iterator[LimitProblem]:
    if len(block) > MAX_BLOCK_LINES:
        yield LimitProblem(first_line, f"{len(block)} lines without a blank line between them",
                           f"put a blank line between paragraphs, headings and lists (at most {MAX_BLOCK_LINES} lines)")
        return
    text = "\n".join(block)
    if len(text) > MAX_BLOCK_CHARS:
        yield LimitProblem(first_line, f"a paragraph of {len(text):,} characters",
                           f"split it with blank lines (at most {MAX_BLOCK_CHARS:,} characters)")
        return
    headings = len(_HEADING.findall(text))
    if headings > MAX_BLOCK_HEADINGS:
        yield LimitProblem(first_line, f"{headings} headings without a blank line between them",
                           "put a blank line before and after each heading")
        return
    run = _RUN.search(text)
    if run:
        yield LimitProblem(first_line + text.count("\n", 0, run.start()),
                           f"'{run.group(1)}' {len(run.group(0))} times in a row",
                           f"at most {MAX_RUN} in a row; put text between them")
        return
    for what, open_, close in (("square brackets", "[", "]"), ("parentheses", "(", ")")):
        unclosed, deepest = _balance(text, open_, close)
        if unclosed > MAX_UNCLOSED or deepest > MAX_NESTING:
            found = f"{what} left open {unclosed} times or nested {deepest} deep in one paragraph"
            yield LimitProblem(first_line, found,
                               f"close each {open_} with {close} (at most {MAX_UNCLOSED} open, {MAX_NESTING} deep)")
            return
    tags = _unclosed_tags(text)
    if tags > MAX_UNCLOSED:
        yield LimitProblem(first_line, f"{tags} HTML tags without their closing '>' in one paragraph",
                           f"close each tag with > (at most {MAX_UNCLOSED}); write a literal < as &lt;")


def _balance(text: str, open_: str, close: str) -> tuple[int, int]:
    """(brackets never closed, deepest nesting) in `text`; backslash-escaped ones do not count."""
    if text.count(open_) <= min(MAX_UNCLOSED, MAX_NESTING):
        return 0, 0  # cannot exceed either limit: the common case, decided without a loop
    depth = deepest = 0
    for token in re.findall(r"\\.|" + re.escape(open_) + "|" + re.escape(close), text):
        if token == open_:
            depth += 1
            deepest = max(deepest, depth)
        elif token == close and depth:
            depth -= 1
    return depth, deepest


def _unclosed_tags(text: str) -> int:
    """Tag starts (`<a`) with no `>` before the next `<`: each makes the HTML parser
    scan the rest of the paragraph."""
    if text.count("<") <= MAX_UNCLOSED:
        return 0
    count = 0
    open_tag = False
    for token in _ANGLE.findall(text):
        if token == ">":
            open_tag = False
            continue
        if open_tag:
            count += 1
        open_tag = len(token) == 2  # "<" followed by a letter starts a tag
    return count + open_tag


@dataclass(frozen=True)
class EditorPage:
    path: Path
    text: str  # the whole file, decoded
    body: str
    body_line: int  # line of the file where the body starts


def editor_pages(root: Path, languages: tuple[str, ...]) -> Iterator[EditorPage]:
    """Every Markdown page an editor wrote under docs/<language>/ that can be read (the
    catalog reports those that cannot), without following links and without the pages
    the hub generates."""
    for lang in languages:
        for current, dirs, files in os.walk(root / "docs" / lang, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                path = Path(current) / name
                if not name.endswith(".md") or name.startswith(".") or is_linked(path, root) or is_generated_file(path):
                    continue
                try:
                    text = decode(path.read_bytes())
                except (OSError, YamlProblem):
                    continue
                _front, body, body_line = split_front_matter(text)
                yield EditorPage(path, text, body, body_line)


def check_pages(root: Path, languages: tuple[str, ...]) -> list[ContentError]:
    """`markdown_problems` for every Markdown page an editor wrote."""
    return [
        ContentError(display_path(page.path, root), problem.line, "", problem.found, problem.expected)
        for page in editor_pages(root, languages)
        for problem in markdown_problems(page.body, first_line=page.body_line)
    ]
