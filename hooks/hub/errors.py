"""Content problems, reported as `file:line: field: what was found; what is expected`."""

from __future__ import annotations

import os
from dataclasses import dataclass
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
        return f"{location}:{field} {self.found}; {self.expected}"

    def annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command (shown on the pull request)."""
        message = f"{self.field}: {self.found}; {self.expected}" if self.field else f"{self.found}; {self.expected}"
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        line = f",line={self.line}" if self.line else ""
        return f"::error file={self.file}{line}::{message}"


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


def language_label(lang: str) -> str:
    """A language as an editor reading these (English) messages names it."""
    return {"zh": "Chinese", "en": "English", "fr": "French", "ja": "Japanese"}.get(lang, lang)
