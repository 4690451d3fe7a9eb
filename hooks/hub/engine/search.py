"""Site search: a Pagefind index of the built site.

Pagefind indexes while the languages are built: the process that builds a language hands
each indexed page to Pagefind's service as soon as it is written (hub.stack.pagefind_service),
and at the end the pages built by other processes are read from disk and the bundle is
written. Pages reach each language's index in the order they were built, whichever
process built them, so the index is the same byte for byte however the build was split.

Pagefind reads `<html lang>` and writes one index per language into site/pagefind/ (named
in pagefind-entry.json, chunks prefixed with the language), so a reader searches only the
pages of the language they read. The extended binary (PyPI `pagefind[extended]`) splits
Chinese and Japanese text into words.

Only what a page marks with `data-pagefind-body` is indexed (overrides/main.html): the
article content, never the header, navigation, skip link or footer. Pages shown in a
language they were not written in (fallbacks) and pure listings carry no such mark, so
they are left out entirely: a French reader's results are French pages.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import timing
from ..kinds import RecordKind, record_kinds
from ..stack import PagefindService

BUNDLE_DIR = "pagefind"
ENTRY_FILE = "pagefind-entry.json"  # in BUNDLE_DIR: the languages, their page counts and chunks

# Parts of an indexed page that are not its own text: listings repeat other pages'
# summaries (a search for a city would otherwise return every list that mentions it),
# bylines and what an article is filed under are labels and dates that crowd the excerpts,
# heading permalinks are a pilcrow; the maps' labels repeat the list of cities or the page's title, the QR block is the
# same on every page, the subscribe box is the hub's own control, and related articles
# are other pages' titles and summaries.
EXCLUDED_SELECTORS = (".hub-cards", ".hub-pager", ".hub-byline", ".hub-filed", ".hub-related", ".headerlink",
                      ".hub-fallback", ".hub-map", ".hub-locator", ".hub-share", ".hub-subscribe")

# Pages that are only lists of other pages (paths inside a language root), with those of
# the kinds of record (`listing_pages`: opportunities/closed/, events/past/). Section
# pages (news/, cities/…) stay indexed for their introduction; their lists are excluded
# by EXCLUDED_SELECTORS.
LISTING_PREFIXES = ("news/page/", "news/archive/", "news/topics/")

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


def write_index(service: PagefindService, site_dir: Path, pages: list[str]) -> SearchIndex:
    """Add the `pages` (paths in the site, in the order built) that other processes built,
    then write the bundle; PagefindError with what Pagefind said on failure."""
    with timing.stage("search index: other processes' pages"):
        for path in pages:
            if path not in service.added:
                service.add(path, search_document((site_dir / path).read_text(encoding="utf-8")))
        service.wait_for_pages()
    with timing.stage("search index: make"):
        files = service.files()
    entry = json.loads(files.pop(ENTRY_FILE))
    # Pagefind lists the languages in whatever order its threads finished: sorted, two
    # builds of the same commit give the same bytes (the readers' scripts look them up by key).
    entry["languages"] = dict(sorted(entry["languages"].items()))
    files[ENTRY_FILE] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    bundle = site_dir / BUNDLE_DIR
    # Chunk names are content hashes: an index left from an earlier build would stay
    # beside the new one under `mkdocs build --dirty`.
    shutil.rmtree(bundle, ignore_errors=True)
    with timing.stage("search index: write"):
        for name, content in files.items():
            if name in UNUSED_UI_FILES:
                continue
            path = bundle / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    return SearchIndex({lang: int(info["page_count"]) for lang, info in entry["languages"].items()})
