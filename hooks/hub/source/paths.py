"""No path escapes its folder: what may stand in docs/ and data/.

MkDocs walks docs/ following symbolic links (os.walk(followlinks=True)) and publishes
what it finds, so a link committed as `docs/zh/notes.md -> /etc/passwd` or a linked
folder would publish files from outside the repository, unchecked (the content checks
do not follow linked folders). File and folder names become URLs and paths on every
editor's machine: backslashes, colons, control characters and the other characters that
Windows or URLs cannot carry are refused, as are names that differ only in case (they
collide on macOS and Windows checkouts). Slugs and record ids are checked by the models
and the catalog.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import ContentError, display_path
from .catalog import GENERATED_MARKER, is_generated_file
from .history import git

CONTENT_FOLDERS = ("docs", "data")
_BAD_NAME = re.compile(r'[\x00-\x1f\x7f\\:*?"<>|]')
_RESERVED = re.compile(r"^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$", re.IGNORECASE)


def check_paths(root: Path, folders: tuple[str, ...] = CONTENT_FOLDERS) -> list[ContentError]:
    """Every symbolic link and every unusable name under the content folders of `root`."""
    errors: list[ContentError] = []
    for folder in folders:
        top = root / folder
        if top.is_symlink():
            errors.append(_symlink_error(root, top))
            continue
        if top.is_dir():
            errors.extend(_walk(root, top, pages=folder == "docs"))
    return errors


def _walk(root: Path, top: Path, *, pages: bool) -> Iterator[ContentError]:
    for current, dirs, files in os.walk(top, followlinks=False):
        here = Path(current)
        for name in sorted(dirs):
            if (here / name).is_symlink():
                yield _symlink_error(root, here / name)
        # Never descend into a linked folder (os.walk lists it among dirs) or a hidden one.
        dirs[:] = sorted(d for d in dirs if not (here / d).is_symlink() and not d.startswith("."))
        seen: dict[str, str] = {}
        for name in sorted([*dirs, *files]):
            path = here / name
            if name in files and path.is_symlink():
                yield _symlink_error(root, path)
                continue
            if name.startswith("."):
                continue
            if pages and name in files and _other_markdown(name):
                yield ContentError(display_path(path, root), 0, "", f"a Markdown page named '{name}'",
                                   f"rename it to '{name.rsplit('.', 1)[0]}.md': only .md pages are checked "
                                   "and published as pages")
            problem = _name_problem(name)
            if problem:
                yield ContentError(display_path(path, root), 0, "", f"the name {name!r} ({problem})",
                                   "rename it: letters, digits, hyphens, underscores and dots only")
            folded = name.casefold()
            if folded in seen:
                found = f"'{name}' and '{seen[folded]}' differ only in case"
                yield ContentError(display_path(path, root), 0, "", found,
                                   "rename one of them; they collide on Windows and macOS")
            seen[folded] = name


def ignored_pages(root: Path) -> list[ContentError]:
    """Pages in docs/ written by hand that git ignores (the folders of generated pages are
    ignored): the build here would show them, but they would never reach the repository,
    so never the published site. Nothing to say outside a git checkout, or where the
    checkout ignores the whole project."""
    if git(root, "check-ignore", "-q", "docs") is not None:  # exit 0: docs/ itself is ignored
        return []
    listed = git(root, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--", "docs")
    if listed is None:
        return []
    errors = []
    for name in sorted(filter(None, listed.split("\0"))):
        path = root / name
        if not name.endswith(".md") or path.is_symlink() or not path.is_file():
            continue
        if not is_generated_file(path):
            errors.append(ContentError(
                display_path(path, root), 0, "", "a page that git ignores, so it would never be published",
                "move or rename it; .gitignore leaves out the pages the hub writes itself (cities, "
                "opportunities, events, news listings)",
            ))
    return errors


def _symlink_error(root: Path, path: Path) -> ContentError:
    target = os.readlink(path)
    return ContentError(display_path(path, root), 0, "", f"a symbolic link to {target}",
                        "replace it with the file itself; content is never read through a link")


# Endings of Markdown files, in any case. MkDocs builds all but `.md` in another case as
# pages too (`.MD` it publishes as a raw file), but the content checks read `.md` pages only.
_MARKDOWN_ENDINGS = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


def _other_markdown(name: str) -> bool:
    return name.lower().endswith(_MARKDOWN_ENDINGS) and not name.endswith(".md")


def _name_problem(name: str) -> str | None:
    bad = _BAD_NAME.search(name)
    if bad:
        return f"contains {bad.group()!r}"
    if name != name.strip():
        return "starts or ends with a space"
    if name.endswith("."):
        return "ends with a dot"
    if _RESERVED.match(name):
        return "a name Windows reserves"
    return None


def stray_generated(docs_dir: Path, languages: tuple[str, ...], generated: set[str],
                    generated_folders: tuple[str, ...]) -> list[ContentError]:
    """Pages that carry the generated marker but that the hub did not generate.

    The marker makes the content checks skip a page (the hub wrote it from checked data),
    so an editor's page that carries it would be published unchecked. Inside the folders
    of generated pages such a file is removed when the pages are written; anywhere else it
    is an error. `generated`: paths like zh/about/translations.md."""
    errors = []
    for lang in languages:
        top = docs_dir / lang
        for current, dirs, files in os.walk(top, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                path = Path(current) / name
                rel = path.relative_to(top).as_posix()
                if not name.endswith(".md") or path.is_symlink() or f"{lang}/{rel}" in generated:
                    continue
                if rel.startswith(tuple(f"{folder}/" for folder in generated_folders)):
                    continue  # removed when the pages are written, at any depth (hub.pages.generate)
                if is_generated_file(path):
                    errors.append(ContentError(
                        display_path(path, docs_dir.parent), 2, GENERATED_MARKER,
                        "a page marked as generated that the hub does not generate",
                        f"remove the line `{GENERATED_MARKER}: true`; only the hub writes such pages",
                    ))
    return errors
