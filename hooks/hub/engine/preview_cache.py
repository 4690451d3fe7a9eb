"""Between the rebuilds of one `mkdocs serve`: the content as last loaded and checked, used
again while no record, UI string or front matter changed.

MkDocs rebuilds the site on every save, and the hub would load and check every record and
every page's front matter again: seconds on a large hub, for an editor who mostly changes
the text of one page. After each full load, the stamp (modification time and size) of every
content file and the front matter of every page are kept. On the next rebuild, when the only
files that changed are pages whose front matter is the same, the catalog, UI strings and
generated pages are used again; the changed pages' text is still checked against the
Markdown limits, as a full load would. Anything else (a record, ui.yml, a front matter, a
page added or removed) loads everything again. `mkdocs build` never uses this.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ContentError, ContentErrors, display_path
from ..safety.yamlsafe import YamlProblem, decode, split_front_matter
from ..source.markdown_limits import check_body
from ..source.placeholders import placeholder_lines

Stamp = tuple[int, int]


@dataclass
class _Kept:
    key: tuple[Any, ...]
    stamps: dict[str, Stamp]
    fronts: dict[str, str | None]
    value: Any


_kept: _Kept | None = None


def _content_files(root: Path) -> dict[str, Stamp]:
    stamps: dict[str, Stamp] = {}
    for top in (root / "docs", root / "data", root / "overrides" / "hub"):
        for current, dirs, files in os.walk(top):
            dirs.sort()
            for name in files:
                path = os.path.join(current, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                stamps[path] = (info.st_mtime_ns, info.st_size)
    return stamps


def _front(path: str) -> tuple[str | None, str, int] | None:
    try:
        with open(path, "rb") as handle:
            return split_front_matter(decode(handle.read()))
    except (OSError, YamlProblem):
        return None


def reuse(root: Path, key: tuple[Any, ...]) -> Any | None:
    """What `keep` kept, if the content it came from is the same but for page texts;
    raise ContentErrors if a changed text breaks the Markdown limits."""
    if _kept is None or _kept.key != key:
        return None
    stamps = _content_files(root)
    changed = [path for path in stamps.keys() | _kept.stamps.keys() if stamps.get(path) != _kept.stamps.get(path)]
    problems: list[ContentError] = []
    for path in changed:
        if not path.endswith(".md") or path not in stamps or path not in _kept.fronts:
            return None
        read = _front(path)
        if read is None or read[0] != _kept.fronts[path]:
            return None
        _front_text, body, body_line = read
        shown = display_path(Path(path), root)
        problems.extend(
            ContentError(shown, problem.line, "", problem.found, problem.expected)
            for problem in check_body(body, first_line=body_line)
        )
        problems.extend(
            ContentError(shown, number, "text", found, expected)
            for number, found, expected in placeholder_lines(body, body_line)
        )
    if problems:
        raise ContentErrors(problems)
    _kept.stamps = stamps
    return _kept.value


def keep(root: Path, key: tuple[Any, ...], value: Any) -> None:
    """Remember `value` (loaded from the content as it is now on disk)."""
    global _kept
    stamps = _content_files(root)
    fronts: dict[str, str | None] = {}
    for path in stamps:
        if path.endswith(".md"):
            read = _front(path)
            if read is not None:
                fronts[path] = read[0]
    _kept = _Kept(key, stamps, fronts, value)


def forget() -> None:
    global _kept
    _kept = None
