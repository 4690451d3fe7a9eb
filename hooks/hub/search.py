"""Site search: a Pagefind index of the built site, made once after all language builds.

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
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

BUNDLE_DIR = "pagefind"

# Parts of an indexed page that are not its own text: listings repeat other pages'
# summaries (a search for a city would otherwise return every list that mentions it),
# bylines are labels and dates that crowd the excerpts, heading permalinks are a pilcrow.
EXCLUDED_SELECTORS = (".hub-cards", ".hub-pager", ".hub-byline", ".headerlink", ".hub-fallback")

# Pages that are only lists of other pages (paths inside a language root). Section
# pages (news/, cities/…) stay indexed for their introduction; their lists are excluded
# by EXCLUDED_SELECTORS.
LISTING_PREFIXES = ("news/page/", "news/archive/", "news/topics/", "opportunities/closed/", "events/past/")

# Pagefind also writes its ready-made interfaces (some 400 KB). The hub's own box
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


def is_indexed(url_path: str, *, is_fallback: bool) -> bool:
    """Whether a page's text goes into the search index of the language it is shown in."""
    if is_fallback:
        return False
    return not url_path.startswith(LISTING_PREFIXES)


def pagefind_command(site_dir: Path) -> list[str]:
    """The bundled binary, run through the Python package that ships it."""
    return [
        sys.executable, "-m", "pagefind",
        "--site", str(site_dir),
        "--output-subdir", BUNDLE_DIR,
        "--exclude-selectors", ", ".join(EXCLUDED_SELECTORS),
        "--quiet",
    ]


def build_search_index(site_dir: Path) -> SearchIndex:
    """Index the built site in place; raise RuntimeError with Pagefind's output on failure."""
    bundle = site_dir / BUNDLE_DIR
    # Chunk names are content hashes: an index left from an earlier build would stay
    # beside the new one under `mkdocs build --dirty`.
    shutil.rmtree(bundle, ignore_errors=True)
    done = subprocess.run(pagefind_command(site_dir), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"Pagefind failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    for name in UNUSED_UI_FILES:
        (bundle / name).unlink(missing_ok=True)
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    # Pagefind lists the languages in whatever order its threads finished: sorted, two
    # builds of the same commit give the same bytes (the readers' scripts look them up by key).
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return SearchIndex({lang: int(info["page_count"]) for lang, info in entry["languages"].items()})
