"""Pages made from the content: news pages 2…N, the archive by year and topic.

mkdocs-static-i18n drops pages that do not live under docs_dir, so generated pages are
written there as real Markdown files (docs/<lang>/…, ignored by git), each marked with
`hub_generated: true`. They are then ordinary pages to MkDocs and the i18n plugin:
switcher, hreflang, sitemap and search all see them. A file is rewritten only when its
text changes, so `mkdocs serve` does not loop, and a generated file that is no longer
wanted is removed; a file without the marker is never touched.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from .catalog import GENERATED_MARKER, is_generated_file, is_generated_text
from .errors import ContentError, ContentErrors, display_path
from .kinds import RecordKind
from .render import Renderer

# Folders (inside docs/<lang>/) that may hold generated pages, besides one per kind of
# record; only these are cleaned.
NEWS_FOLDERS = ("news/page", "news/archive", "news/topics")


def generated_folders(kinds: Iterable[RecordKind]) -> tuple[str, ...]:
    return (*NEWS_FOLDERS, *(kind.folder for kind in kinds))


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


def news_page_path(page: int) -> str:
    return "news/" if page == 1 else f"news/page/{page}/"


def news_pages(renderer: Renderer, lang: str) -> Iterator[GeneratedPage]:
    """News listing pages 2…N (page 1 is news/index.md, filled in by `sections`)."""
    size = renderer.settings.news_page_size
    articles = renderer.catalog.news
    pages = max(1, math.ceil(len(articles) / size))
    for page in range(2, pages + 1):
        chunk = articles[(page - 1) * size : page * size]
        body = renderer.render("news_page.html", lang, articles=chunk, page=page, pages=pages, page_path=news_page_path)
        yield GeneratedPage(lang, f"news/page/{page}.md", renderer.ui.t("news_page_title", lang, page=page), body)


def news_archive(renderer: Renderer, lang: str) -> Iterator[GeneratedPage]:
    """The archive: one page per year, one per topic, and an index of both."""
    catalog = renderer.catalog
    by_year = Counter(article.date.year for article in catalog.news)
    by_topic = Counter(topic for article in catalog.news for topic in article.meta.topics)
    topics = [
        (topic_id, label.pick(lang, renderer.settings.fallbacks(lang))[0], by_topic[topic_id])
        for topic_id, label in sorted(catalog.topics.items())
        if by_topic[topic_id]
    ]
    years = sorted(by_year.items(), reverse=True)
    yield GeneratedPage(
        lang, "news/archive/index.md", renderer.ui.t("archive", lang),
        renderer.render("archive_index.html", lang, years=years, topics=topics),
    )
    for year, _count in years:
        articles = [a for a in catalog.news if a.date.year == year]
        yield GeneratedPage(
            lang, f"news/archive/{year}.md", renderer.ui.t("archive_year", lang, year=year),
            renderer.render("article_list.html", lang, articles=articles),
        )
    for topic_id, label, _count in topics:
        articles = [a for a in catalog.news if topic_id in a.meta.topics]
        yield GeneratedPage(
            lang, f"news/topics/{topic_id}.md", renderer.ui.t("topic_title", lang, topic=label),
            renderer.render("article_list.html", lang, articles=articles),
        )


GENERATORS: list[Generator] = [news_pages, news_archive]


def generate_all(
    renderer: Renderer, generators: Iterable[Generator] = (), languages: Iterable[str] | None = None
) -> list[GeneratedPage]:
    pages: list[GeneratedPage] = []
    languages = tuple(renderer.settings.languages if languages is None else languages)
    kinds = renderer.settings.record_kinds
    for generator in (*GENERATORS, *(kind.pages for kind in kinds), *generators):
        for lang in languages:
            pages.extend(generator(renderer, lang))
    return pages


@dataclass(frozen=True)
class PagesMade:
    """What make_pages did for some languages."""

    pages: list[GeneratedPage]
    written: int
    removed: int


def make_pages(
    renderer: Renderer, docs_dir: Path, generators: Iterable[Generator], languages: tuple[str, ...]
) -> PagesMade:
    """Generate the pages of `languages` and write them into docs/. ContentErrors, with
    nothing written, if an editor's page stands where a generated page goes (it is never
    overwritten). Pages that only claim to be generated are refused with the content
    (hub.content)."""
    pages = generate_all(renderer, generators, languages)
    wanted = {docs_dir / page.lang / page.src_uri: page for page in pages}
    changed, in_the_way = _changed_pages(docs_dir, wanted)
    if in_the_way:
        raise ContentErrors(in_the_way)
    for path, text in changed.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    removed = _remove_unwanted(docs_dir, wanted, languages, generated_folders(renderer.settings.record_kinds))
    return PagesMade(pages, len(changed), removed)


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
            for path in (docs_dir / lang / folder).glob("*.md"):
                if path not in wanted and is_generated_file(path):
                    path.unlink()
                    removed += 1
    return removed
