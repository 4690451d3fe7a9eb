"""Content problems, reported as `file:line: field: what was found; what is expected`."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentError:
    file: str
    line: int
    field: str
    found: str
    expected: str

    def format(self) -> str:
        location = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return _one_line(f"{location}:{field} {self.found}; {self.expected}")

    def annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command (shown on the pull request)."""
        message = f"{self.field}: {self.found}; {self.expected}" if self.field else f"{self.found}; {self.expected}"
        line = f",line={self.line}" if self.line else ""
        return f"::error file={escape_property(self.file)}{line}::{escape_data(message)}"


# GitHub reads `::error file=…,line=…::message` up to the first `::`, splits the
# properties at `,` and `=`, and ends the command at a line break. A file name or a value
# quoted in a message could otherwise close the command early, add properties, or start a
# second command on a line of its own (a forged annotation on the pull request). The same
# escapes as GitHub's own toolkit (actions/toolkit, packages/core/src/command.ts).
def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


_LINE_BREAK = re.compile(r"[\r\n]")


def _one_line(text: str) -> str:
    """A message stays on its line: a file name or a quoted value with a line break could
    otherwise print a line of its own, which a CI log reads as a command (`::error …`)."""
    return _LINE_BREAK.sub(lambda m: "\\r" if m.group() == "\r" else "\\n", text)


class ContentErrors(Exception):
    """Every problem found in the content at once, so an editor can fix them in one pass."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def __reduce__(self) -> tuple[type, tuple[list[ContentError]]]:
        return (ContentErrors, (self.errors,))  # whole again after a trip between processes

    def report(self) -> str:
        count = len(self.errors)
        lines = [e.format() for e in self.errors]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found in the content.")
        return "\n".join(lines)


def display_path(path: Path, root: Path) -> str:
    """A path as an editor sees it: relative to the repository, with forward slashes."""
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:
        return path.as_posix()


# The language of the hub's messages to editors and maintainers (not translated; not one of
# the site's languages, which come from mkdocs.yml).
MESSAGES_LANGUAGE = "en"


@cache
def language_label(lang: str) -> str:
    """A language as an editor reading these (English) messages names it (CLDR's English
    name: Chinese, French…), or its code when CLDR has none."""
    from babel import Locale

    return Locale.parse(MESSAGES_LANGUAGE).languages.get(lang.replace("-", "_"), lang)
