"""Site search: a Pagefind index of the built site.

Pagefind indexes while the languages are built, one language at a time: the process that
builds a language hands each indexed page to a Pagefind service of that language's own
(hub.stack.pagefind_service) as soon as it is written; when the language's build is done,
the service hands back that language's part of the bundle and exits, so its memory goes
back to the system before the next language's index grows. At the end, the languages
built by other processes are read from disk, one service each, and the parts are merged
into the one bundle the site publishes. Pages reach each language's index in the order
they were built, whichever process built them, so the bundle is the same byte for byte
however the build was split, and the same as one index of every language would make
(each language's index is its own; tests/test_search_bundle.py compares them).

Pagefind reads `<html lang>` and writes one index per language into site/pagefind/ (named
in pagefind-entry.json, chunks prefixed with the language), so a reader searches only the
pages of the language they read. A hub with years of news makes each language's index in
parts (hub.engine.search_parts): the newest in that bundle, older years in bundles of their
own that the search box adds when the reader asks. The extended binary (PyPI
`pagefind[extended]`) splits Chinese and Japanese text into words.

Only what a page marks with `data-pagefind-body` is indexed (overrides/main.html): the
article content, never the header, navigation, skip link or footer. Pages shown in a
language they were not written in (fallbacks) and pure listings carry no such mark, so
they are left out entirely: a French reader's results are French pages.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .. import timing
from ..kinds import RecordKind, record_kinds
from ..stack import PagefindError, PagefindService, pagefind_binary
from .search_parts import ARCHIVE_LIST, SearchParts, archive_file

BUNDLE_DIR = "pagefind"
ENTRY_FILE = "pagefind-entry.json"  # in BUNDLE_DIR: the languages, their page counts and chunks

# Parts of an indexed page that are not its own text: listings repeat other pages'
# summaries (a search for a city would otherwise return every list that mentions it),
# bylines and what an article is filed under are labels and dates that crowd the excerpts,
# heading permalinks are a pilcrow; the maps' labels repeat the list of cities or the page's
# title, the QR block is the same on every page, the subscribe box is the hub's own control,
# and related articles are other pages' titles and summaries.
EXCLUDED_SELECTORS = (".hub-cards", ".hub-pager", ".hub-byline", ".hub-filed", ".hub-related", ".headerlink",
                      ".hub-fallback", ".hub-map", ".hub-locator", ".hub-share", ".hub-subscribe")

# Pages that are only lists of other pages (paths inside a language root), with those of
# the kinds of record (`listing_pages`: opportunities/closed/, events/past/). Section
# pages (news/, cities/…) stay indexed for their introduction; their lists are excluded
# by EXCLUDED_SELECTORS.
LISTING_PREFIXES = ("news/page/", "news/archive/", "news/topics/", "news/cities/")

# Pagefind also makes its ready-made interfaces (some 400 KB). The hub's own box
# (assets/hub-search.js) uses only pagefind.js, its worker, the wasm and the index.
UNUSED_UI_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
    "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js",
)


@dataclass(frozen=True)
class SearchIndex:
    """What Pagefind wrote: pages indexed per language."""

    pages: dict[str, int]

    def describe(self) -> str:
        return ", ".join(f"{lang} {count}" for lang, count in sorted(self.pages.items())) or "no pages"


# Pages about the site rather than content a reader searches for: the Feeds page lists
# addresses, the translations report lists source files in every language.
UTILITY_PAGES = ("feeds/", "about/translations/", "about/contribute/")

# What each result shows under its title (assets/hub-search.js): the kind of page, and the
# day it is dated by (an event: its first day). The kinds' names are UI strings (search_kind_*).
RESULT_KINDS = ("news", "policy", "opportunity", "event", "city")  # and "page" for any other
RESULT_DATES = {"news": "published", "policy": "published", "opportunity": "valid_from", "event": "start"}


def is_indexed(url_path: str, *, is_fallback: bool, kinds: Iterable[RecordKind] | None = None) -> bool:
    """Whether a page's text goes into the search index of the language it is shown in.
    `kinds`: the site's kinds of record (default: the package's)."""
    if is_fallback:
        return False
    kinds = record_kinds() if kinds is None else kinds
    listings = tuple(f"{kind.folder}/{page}/" for kind in kinds for page in kind.listing_pages)
    return not url_path.startswith((*LISTING_PREFIXES, *listings)) and url_path not in UTILITY_PAGES


def result_meta(kind: str, facts: dict[str, object]) -> tuple[str, str]:
    """(kind, ISO day or "") for Pagefind's metadata of a page, from hub.site.seo's kind and
    facts; the home, section and About pages are plain "page"s, without a date."""
    if kind not in RESULT_KINDS:
        return "page", ""
    day = facts.get(RESULT_DATES.get(kind, ""))
    return kind, str(day)[:10] if day else ""


BODY_START = "<div data-pagefind-body>"  # overrides/main.html; content cannot write it (hub.safety.sanitize)
_HTML_START = re.compile(r"<html\b[^>]*>")
_TITLE = re.compile(r"<title>.*?</title>", re.DOTALL)


def search_document(page_html: str) -> str:
    """What Pagefind needs of a built page: its <html lang>, its <title> and the marked
    body (which ends with Material's only <article>). A fifth of the page, so a fifth of
    the bytes to encode, send and parse; the bundle Pagefind writes is the same."""
    start = page_html.find(BODY_START)
    end = page_html.rfind("</article>")
    html_tag = _HTML_START.search(page_html, 0, 4096)
    if start < 0 or end < start or html_tag is None:
        return page_html
    title = _TITLE.search(page_html, html_tag.end(), start)
    head = f"<head>{title.group(0)}</head>" if title else ""
    return f"<!doctype html>{html_tag.group(0)}{head}<body>{page_html[start:end]}</body></html>"


def start_index() -> PagefindService:
    return PagefindService(exclude_selectors=EXCLUDED_SELECTORS)


class LanguageIndexes:
    """The search index of this process's languages, one language at a time, each in its
    parts (hub.engine.search_parts), one Pagefind service at a time.

    A part's pages go to a service started for it; its bundle is taken back and the
    service ended when the articles of another part begin (a build writes the years of
    news in order, oldest first) or when the language is done. Pages of the first part that
    come while an older part is indexed (the pages written before the news: cities,
    events…) wait here as the little Pagefind reads of them (`search_document`) until the
    first part's service starts. One service for every language held all four indexes
    until the end of the build (1,165 MiB at N = 2,000 against 696 MiB for the largest,
    zh): a Pagefind process that ends gives its memory back, where an index dropped inside
    a long-lived one may not. A forked language worker holds a copy of this object and
    must not write into the parent's services: there every call does nothing."""

    def __init__(self, parts: SearchParts | None = None) -> None:
        """`parts`: how each language's index is split (default: one part each)."""
        pagefind_binary()  # a missing Pagefind stops the build at its start, not at its first page
        self._owner = os.getpid()
        self.parts = parts or SearchParts.single()
        self._lang: str | None = None  # the language being indexed
        self._open: tuple[int, PagefindService] | None = None  # the part being indexed, its service
        self._waiting: dict[int, list[tuple[str, str]]] = {}  # part -> (path, document) not yet sent
        self.bundles: dict[tuple[str, int], dict[str, bytes]] = {}  # (language, part) -> its bundle's files

    @property
    def here(self) -> bool:
        """True in the process that made this object."""
        return os.getpid() == self._owner

    def add(self, lang: str, path: str, html: str) -> None:
        """Index the page of `lang` written to `path` (relative to the site). A page of
        another language than the one being indexed finishes that one first."""
        if not self.here:
            return
        if self._lang is not None and self._lang != lang:
            self.finish_language()
        self._lang = lang
        part = self.parts.part_of(lang, path)
        if (lang, part) in self.bundles:
            raise PagefindError(f"a page of {lang} ({path}) came after the index of {_part_name(lang, part)} was made")
        open_part = self._open[0] if self._open else None
        if open_part != part and self.parts.further(lang):
            if not self.parts.is_article(lang, path) or open_part == 1:
                # A page of the first part before its articles, or an older article after
                # them (not the order a build writes): indexed when its part's turn comes.
                self._waiting.setdefault(part, []).append((path, html))
                return
            self._finish_open()
        if self._open is None:
            self._start(part)
        assert self._open is not None
        self._open[1].add(path, html)

    def finish_language(self) -> None:
        """Make the bundles of the language being indexed, if any, and end their services."""
        if not self.here or self._lang is None:
            return
        self._finish_open()
        for part in sorted(self._waiting, reverse=True):  # the first part last
            self._start(part)
            self._finish_open()
        self._lang = None

    def _start(self, part: int) -> None:
        service = start_index()
        self._open = (part, service)
        for path, html in self._waiting.pop(part, []):
            service.add(path, html)

    def _finish_open(self) -> None:
        if self._open is None:
            return
        (part, service), self._open = self._open, None
        assert self._lang is not None
        with timing.stage(f"search index: {_part_name(self._lang, part)}"):
            self.bundles[self._lang, part] = service.files()

    def index_from_disk(self, site_dir: Path, lang: str, pages: Iterable[str]) -> None:
        """Index the `pages` of `lang`, as written in the site folder by another process."""
        for path in pages:
            self.add(lang, path, search_document((site_dir / path).read_text(encoding="utf-8")))
        self.finish_language()

    def done(self, lang: str) -> bool:
        """Whether the index of `lang` has been made."""
        return any(made == lang for made, _part in self.bundles)

    def close(self) -> None:
        """End the service of the part being indexed without making its bundle."""
        if self.here:
            if self._open is not None:
                self._open[1].close()
            self._open = None
            self._waiting.clear()
            self._lang = None


def _part_name(lang: str, number: int) -> str:
    return lang if number == 1 else f"{lang}, part {number}"


def merge_bundles(bundles: Iterable[Mapping[str, bytes]]) -> dict[str, bytes]:
    """One bundle from bundles of one language each: each language's chunks, fragments and
    metadata are its own files, and the files every bundle has (pagefind.js, the wasm) are
    the same bytes; pagefind-entry.json lists every language, in the order of their codes
    (Pagefind lists them in whatever order its threads finished: sorted, two builds of the
    same commit give the same bytes, and the readers' scripts look them up by key).
    PagefindError if two bundles disagree."""
    files: dict[str, bytes] = {}
    entry: dict[str, object] | None = None
    languages: dict[str, object] = {}
    for bundle in bundles:
        own = json.loads(bundle[ENTRY_FILE])
        for lang, info in own["languages"].items():
            if lang in languages:
                raise PagefindError(f"two indexes of the language {lang!r} (pages of one language built twice?)")
            languages[lang] = info
        if entry is None:
            entry = own
        elif {**own, "languages": None} != {**entry, "languages": None}:
            raise PagefindError(f"the languages' indexes were made with different settings: {own} and {entry}")
        for name, content in bundle.items():
            if name != ENTRY_FILE and files.setdefault(name, content) != content:
                raise PagefindError(f"{name} differs between two languages' indexes")
    if entry is None:
        raise PagefindError("no index to merge")
    entry["languages"] = dict(sorted(languages.items()))  # in its place among the entry's keys
    files[ENTRY_FILE] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return files


def write_index(indexes: LanguageIndexes, site_dir: Path, pages: Mapping[str, list[str]], *,
                older: Callable[[str, int], str]) -> SearchIndex:
    """Index the `pages` (language -> paths in the site, in the order built) that other
    processes built, one language at a time, then write the merged bundle of the first
    parts, each further part's bundle and the list of them (`older(lang, year)`: the
    search box's offer to search the news before `year` too); PagefindError with what
    Pagefind said on failure."""
    indexes.finish_language()
    with timing.stage("search index: other processes' pages"):
        for lang, paths in pages.items():
            if not indexes.done(lang):
                indexes.index_from_disk(site_dir, lang, paths)
    firsts = [bundle for (_lang, number), bundle in indexes.bundles.items() if number == 1]
    # A site without an indexed page still gets Pagefind's scripts (the search box loads them).
    wanted = {name: content for name, content in merge_bundles(firsts or [start_index().files()]).items()
              if name not in UNUSED_UI_FILES}
    counts: dict[tuple[str, int], int] = {}
    for (lang, number), bundle in indexes.bundles.items():
        entry = json.loads(bundle[ENTRY_FILE])
        counts[lang, number] = sum(int(info["page_count"]) for info in entry["languages"].values())
        if number > 1:
            # The search box's Pagefind merges it with the first part's scripts and wasm.
            folder = indexes.parts.parts[lang][number - 1].folder
            wanted |= {folder + name: content for name, content in bundle.items() if _part_file(name)}
    wanted[ARCHIVE_LIST] = archive_file(indexes.parts, counts, older)
    bundle_dir = site_dir / BUNDLE_DIR
    # Chunk names are content hashes: an index left from an earlier build would stay
    # beside the new one under `mkdocs build --dirty`.
    shutil.rmtree(bundle_dir, ignore_errors=True)
    with timing.stage("search index: write"):
        paths = {bundle_dir / name: content for name, content in wanted.items()}
        for folder in sorted({path.parent for path in paths}):  # a few folders for thousands of files
            folder.mkdir(parents=True, exist_ok=True)
        for path, content in paths.items():
            path.write_bytes(content)
    pages_per_language: dict[str, int] = {}
    for (lang, _number), count in counts.items():
        pages_per_language[lang] = pages_per_language.get(lang, 0) + count
    return SearchIndex(pages_per_language)


def _part_file(name: str) -> bool:
    """The files of a further part's bundle that its readers fetch: its entry, metadata,
    index chunks, fragments and filters (not Pagefind's scripts and wasm)."""
    return name == ENTRY_FILE or name.endswith(".pf_meta") or name.startswith(("index/", "fragment/", "filter/"))
