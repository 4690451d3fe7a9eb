"""What docs/ may publish: an allowlist, declared here and nowhere else.

MkDocs copies every file under docs/ that is not a page into the site as it is, and a
file in docs/ takes the place of the theme's own file at the same path. A pull request
that changes only content could so publish script that runs for every reader (a
JavaScript file over the theme's bundle, an SVG or HTML file with script in it, a
service worker that takes over the whole site). So docs/ may hold only:

- Markdown pages (`.md`) under the language folders, docs/<language>/: they pass the
  content checks, and the build sanitises what they become;
- editors' photos under docs/assets/images/, of the types the image pipeline reads
  (hub.safety.images: it publishes resized variants without their metadata, never the
  originals). SVG is refused: it can carry script;
- whatever sits in a folder that mkdocs.yml declares for maintainers' assets
  (`extra.hub.asset_folders`, paths relative to docs/): a change to mkdocs.yml is
  reviewed by a maintainer (SECURITY.md). Such a folder is never under a language folder.

Nothing in docs/ may take the place of a file of the theme or of overrides/. Links are
reported by hub.source.paths and never followed; hidden files are not published by MkDocs.
Everything else is an error of `make check` and of the build.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from ..errors import ContentError
from .images import FORMATS, IMAGES_DIR, suffix_problem

PAGE_SUFFIX = ".md"
IMAGE_FOLDER = "/".join(IMAGES_DIR[1:])  # docs/assets/images/
IMAGE_TYPES = tuple(s for endings in FORMATS.values() for s in endings)  # the image pipeline's (hub.safety.images)
SETTING = "extra.hub.asset_folders"
# Other Markdown endings are reported by hub.source.paths, with the name to give them.
_MARKDOWN_ENDINGS = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


def check_published_files(
    root: Path, languages: tuple[str, ...], asset_folders: tuple[str, ...] = (), theme_dirs: Iterable[Path] = ()
) -> list[ContentError]:
    """Every file under docs/ that the site may not publish, and every declared asset
    folder that may not hold maintainers' assets."""
    errors = _folder_problems(asset_folders, languages)
    folders = tuple(folder.strip("/") for folder in asset_folders if not _folder_problem(folder, languages))
    theme = tuple(theme_dirs)
    docs = root / "docs"
    for rel in _files(docs):
        shown = f"docs/{rel}"
        problem = _refusal(rel, languages, folders)
        if problem:
            errors.append(ContentError(shown, 0, "", *problem))
            continue
        target = _published_as(rel, languages)
        if not rel.startswith(IMAGE_FOLDER + "/") and _in_theme(target, theme):
            errors.append(ContentError(
                shown, 0, "", f"a file published as {target}, which takes the place of the theme's own",
                "rename it or move it to another folder; the theme's files (and overrides/) cannot be replaced "
                "from docs/",
            ))
    return errors


def _files(docs: Path) -> Iterable[str]:
    """Paths under docs/ (relative, with /) of the regular files MkDocs would publish:
    not hidden, not through a link."""
    for current, dirs, files in os.walk(docs, followlinks=False):
        here = Path(current)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (here / d).is_symlink())
        for name in sorted(files):
            path = here / name
            if name.startswith(".") or path.is_symlink():
                continue
            yield path.relative_to(docs).as_posix()


def _refusal(rel: str, languages: tuple[str, ...], folders: tuple[str, ...]) -> tuple[str, str] | None:
    """(what was found, what is expected) when `rel` (under docs/) may not be published."""
    parts = rel.split("/")
    name = parts[-1]
    lower = name.lower()
    if parts[0] in languages:
        if name.endswith(PAGE_SUFFIX) or lower.endswith(_MARKDOWN_ENDINGS):
            return None  # a page (other endings: hub.source.paths says how to rename them)
        return (f"a file of type {_kind(name)} in a language folder",
                "only Markdown pages (.md) are published from docs/<language>/; put a photo in "
                f"docs/{IMAGE_FOLDER}/ ({', '.join(t[1:] for t in IMAGE_TYPES)}); scripts, styles and other files "
                "belong to the theme (overrides/), which a maintainer changes")
    if rel.startswith(IMAGE_FOLDER + "/"):
        # Photos: the image pipeline's rules (hub.safety.images), whatever folders are declared.
        return suffix_problem(Path(rel))
    if lower.endswith(_MARKDOWN_ENDINGS):
        return None  # a page outside the language folders: the catalog says where it goes
    if any(rel.startswith(folder + "/") for folder in folders):
        return None
    return (f"a file of type {_kind(name)} that the site would publish as it is",
            f"docs/ publishes Markdown pages in docs/<language>/ and photos in docs/{IMAGE_FOLDER}/; other files "
            f"belong to the theme (overrides/) or to a folder mkdocs.yml declares in {SETTING}")


def _kind(name: str) -> str:
    suffix = PurePosixPath(name).suffix
    return f"'{suffix}'" if suffix else "without an ending"


def _published_as(rel: str, languages: tuple[str, ...]) -> str:
    """The path in the site of the file at `rel` under docs/: the default language at the
    root, the others under their code; a page `x.md` becomes `x/index.html`."""
    parts = rel.split("/")
    if parts and parts[0] == languages[0]:
        parts = parts[1:]
    if parts[-1].endswith(PAGE_SUFFIX):
        stem = parts[-1][: -len(PAGE_SUFFIX)]
        parts = [*parts[:-1], "index.html"] if stem in ("index", "README") else [*parts[:-1], stem, "index.html"]
    return "/".join(parts)


def _in_theme(target: str, theme_dirs: tuple[Path, ...]) -> bool:
    """Whether the theme (overrides/ included) has a file at `target`, a path in the site.
    Looked up, not listed: Material alone ships some 15,000 files (its icons)."""
    return any(os.path.lexists(os.path.join(top, target)) for top in theme_dirs)


def _folder_problems(folders: tuple[str, ...], languages: tuple[str, ...]) -> list[ContentError]:
    errors = []
    for folder in folders:
        problem = _folder_problem(folder, languages)
        if problem:
            errors.append(ContentError("mkdocs.yml", 0, SETTING, f"'{folder}'", problem))
    return errors


def _folder_problem(folder: object, languages: tuple[str, ...]) -> str | None:
    if not isinstance(folder, str) or not folder.strip("/"):
        return "a folder under docs/, like assets/brand"
    parts = folder.strip("/").split("/")
    if any(part in ("", ".", "..") for part in parts) or "\\" in folder:
        return "a plain path under docs/, without . or .. (like assets/brand)"
    if parts[0] in languages:
        return "a folder outside the language folders: what sits under docs/<language>/ is content, checked as such"
    return None
