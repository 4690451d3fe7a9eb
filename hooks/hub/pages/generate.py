"""Pages made from the content: those of each kind of article (news pages 2…N, the
archive by year and topic) and of record (one page per record), and the hub's own.

mkdocs-static-i18n drops pages that do not live under docs_dir, so generated pages are
written there as real Markdown files (docs/<lang>/…, ignored by git), each marked with
`hub_generated: true`. They are then ordinary pages to MkDocs and the i18n plugin:
switcher, hreflang, sitemap and search all see them. A file is rewritten only when its
text changes, so `mkdocs serve` does not loop, and a generated file that is no longer
wanted is removed; a file without the marker is never touched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import ContentError, ContentErrors, display_path
from ..kinds import RecordKind, article_kinds
from ..site.render import Renderer
from ..source.catalog import GENERATED_MARKER, is_generated_file, is_generated_text


def generated_folders(kinds: Iterable[RecordKind]) -> tuple[str, ...]:
    """The folders (inside docs/<lang>/) that may hold generated pages: those of the kinds
    of article, and one per kind of record. Only these are cleaned."""
    return (*(folder for kind in article_kinds() for folder in kind.generated), *(kind.folder for kind in kinds))


@dataclass(frozen=True)
class GeneratedPage:
    lang: str
    src_uri: str  # path inside the language folder, e.g. news/page/2.md
    title: str
    body: str

    def text(self) -> str:
        front = yaml.safe_dump({GENERATED_MARKER: True, "title": self.title}, allow_unicode=True, sort_keys=False)
        return f"---\n{front}---\n\n{self.body}\n"


Generator = Callable[[Renderer, str], Iterable[GeneratedPage]]


def generate_all(
    renderer: Renderer, generators: Iterable[Generator] = (), languages: Iterable[str] | None = None
) -> list[GeneratedPage]:
    pages: list[GeneratedPage] = []
    languages = tuple(renderer.settings.languages if languages is None else languages)
    articles = (pages for kind in article_kinds() for pages in kind.pages)
    records = (kind.pages for kind in renderer.settings.record_kinds)
    for generator in (*articles, *records, *generators):
        for lang in languages:
            pages.extend(generator(renderer, lang))
    return pages


@dataclass(frozen=True)
class PagesMade:
    """What make_pages did for some languages: the pages' paths inside a language folder
    and how many pages there were (their bodies are on disk, and the build reads them
    there: kept here, every generated page of every language would be held to the end
    of the build, and a forked half sent back whole)."""

    uris: frozenset[str]
    pages: int
    written: int
    removed: int


def make_pages(
    renderer: Renderer, docs_dir: Path, generators: Iterable[Generator], languages: tuple[str, ...]
) -> PagesMade:
    """Generate the pages of `languages` and write them into docs/. ContentErrors, with
    nothing written, if an editor's page stands where a generated page goes (it is never
    overwritten). Pages that only claim to be generated are refused with the content
    (hub.editors.content)."""
    pages = generate_all(renderer, generators, languages)
    wanted = {docs_dir / page.lang / page.src_uri: page for page in pages}
    changed, in_the_way = _changed_pages(docs_dir, wanted)
    if in_the_way:
        raise ContentErrors(in_the_way)
    for path, text in changed.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    removed = _remove_unwanted(docs_dir, wanted, languages, generated_folders(renderer.settings.record_kinds))
    return PagesMade(frozenset(page.src_uri for page in pages), len(pages), len(changed), removed)


def _changed_pages(docs_dir: Path, wanted: dict[Path, GeneratedPage]) -> tuple[dict[Path, str], list[ContentError]]:
    """The texts to write (a file is rewritten only when its text changes, so that
    `mkdocs serve` does not loop) and the editors' files where a generated page goes."""
    changed: dict[Path, str] = {}
    in_the_way: list[ContentError] = []
    for path, page in wanted.items():
        text = page.text()
        if path.is_file():
            current = path.read_text(encoding="utf-8")
            if current == text:
                continue
            if not is_generated_text(current):
                in_the_way.append(ContentError(
                    display_path(path, docs_dir.parent), 1, "",
                    f"a page written by hand where the hub writes its page \"{page.title}\"",
                    "rename or move it; the hub writes this page itself, from the data files and articles",
                ))
                continue
        changed[path] = text
    return changed, in_the_way


def _remove_unwanted(
    docs_dir: Path, wanted: dict[Path, GeneratedPage], languages: Iterable[str], folders: tuple[str, ...]
) -> int:
    """Remove generated files no longer wanted (a file without the marker is never touched)."""
    removed = 0
    for lang in languages:
        for folder in folders:
            # Pages of a paged archive list lie one folder deeper (news/topics/<id>/2.md).
            for path in (docs_dir / lang / folder).rglob("*.md"):
                if path not in wanted and is_generated_file(path):
                    path.unlink()
                    removed += 1
    return removed
