"""Placeholders: what `hub new` writes where an editor or translator still has to write
something. A stub is valid in every other respect; the check names each placeholder left,
with its file, line and field, so that a stub cannot be published by accident."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import language_label
from .languages import TextLanguages

PLACEHOLDER = "TODO"

Where = tuple[str | int, ...]


@dataclass(frozen=True)
class Placeholder:
    where: Where  # path of the value inside the checked mapping
    field: str  # dotted, as messages name fields
    found: str
    expected: str


def placeholders_in(value: Any, languages: TextLanguages, *, prefix: tuple[str, ...] = ()) -> list[Placeholder]:
    """Every placeholder among the values of a record or front matter."""
    return [
        Placeholder(where, _dotted((*prefix, *where)), f"the placeholder {_show(text)}",
                    f"write {_what((*prefix, *where), languages)} in its place")
        for where, text in _walk(value, ())
    ]


def placeholder_lines(body: str, first_line: int) -> Iterator[tuple[int, str, str]]:
    """(line, found, expected) for each placeholder line left in the text of a page."""
    for number, line in enumerate(body.split("\n"), start=first_line):
        if line.strip().startswith(PLACEHOLDER + ":"):
            yield number, f"the placeholder {_show(line)}", "write the text of the page in its place"


def _walk(value: Any, where: Where) -> Iterator[tuple[Where, str]]:
    if isinstance(value, str) and value.strip().startswith(PLACEHOLDER):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*where, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*where, index))


def _dotted(where: Where) -> str:
    return ".".join(str(part) for part in where)


def _what(where: Where, languages: TextLanguages) -> str:
    names = [str(part) for part in where if not isinstance(part, int)]
    if names and names[-1] in languages.languages and len(names) > 1:
        return f"the {names[-2]} in {language_label(names[-1])}"
    return f"the real {names[-1]}" if names else "the real value"


def _show(value: str) -> str:
    text = value.strip()
    return repr(text if len(text) <= 60 else text[:57] + "…")
