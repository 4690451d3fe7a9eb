"""Each language's search index in parts by years of news: what a search downloads and what
Pagefind holds in memory no longer grow with the whole archive.

Pagefind holds a language's index in memory and about twice as much while it writes the
bundle: a decade of news (N = 20,000) took 3.5–3.8 GB for one language. And a word's chunk
of the index holds its places in every page of the language: at that size one search for
"合作" downloaded 1.25 MB (bench/README.md, "The search index in parts").

The first part of a language holds every indexed page that is not a news article, and the
articles of the newest years, whole years, until it holds `extra.hub.search_part_articles`
articles (1,000) or more; each further part holds the next older years in the same way
(the oldest may hold fewer). So a search covers at least the newest 1,000 articles, also
in the first days of a year, and a part holds at most that many and one year's more.

The first parts of every language make the site's bundle (pagefind/, as before); a further
part is a bundle of its own, of its one language, in pagefind/archive/<lang>-<n>/, and
pagefind/archive.json lists them. A reader's search covers the first part; the results
offer to search the news of the older years too, which merges the further parts into the
search (Pagefind's `mergeIndex`, assets/hub-search.js).

An article's part follows from the year folder of its address (news/<year>/<slug>/), the
one fact a page's path gives whichever process built it or read it from disk.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

ARCHIVE_DIR = "archive"  # inside the bundle folder: the further parts
ARCHIVE_LIST = "archive.json"  # inside the bundle folder: the further parts of each language

_NEWS_ARTICLE = re.compile(r"news/(\d{4})/[^/]+/(?:index\.html)?$")


@dataclass(frozen=True)
class SearchPart:
    """Part `number` of a language's index: the news of the years `oldest`…`newest`
    (part 1 also every page that is not a news article)."""

    lang: str
    number: int
    oldest: int
    newest: int
    articles: int

    @property
    def folder(self) -> str:
        """Where the part's bundle goes inside the bundle folder ("" for part 1)."""
        return "" if self.number == 1 else f"{ARCHIVE_DIR}/{self.lang}-{self.number}/"


def article_year(path: str, lang: str, default_lang: str) -> int | None:
    """The year folder of a news article's page (`path`: its file or address inside the
    site), or None for any other page."""
    inside = path if lang == default_lang else path.removeprefix(f"{lang}/")
    match = _NEWS_ARTICLE.fullmatch(inside)
    return int(match.group(1)) if match else None


class SearchParts:
    """The parts of every language's index, from how many articles each year holds."""

    def __init__(self, years: Mapping[str, Mapping[int, int]], *, limit: int, default_lang: str) -> None:
        """`years`: language -> year -> articles indexed in that language; `limit`: the
        articles after which a part closes (at the end of a year)."""
        self.default_lang = default_lang
        self.parts: dict[str, list[SearchPart]] = {lang: _split(lang, counts, limit) for lang, counts in years.items()}
        self._by_year = {(part.lang, year): part.number for parts in self.parts.values() for part in parts
                         for year in range(part.oldest, part.newest + 1)}

    @classmethod
    def single(cls) -> SearchParts:
        """One part per language."""
        return cls({}, limit=1, default_lang="")

    @classmethod
    def of_articles(cls, articles: Iterable[tuple[str, Iterable[str]]], *, limit: int,
                    default_lang: str) -> SearchParts:
        """From (news article's source path news/<year>/<slug>.md, the languages it is
        written in) pairs."""
        years: dict[str, Counter[int]] = {}
        for src_uri, languages in articles:
            year = int(src_uri.split("/")[1])
            for lang in languages:
                years.setdefault(lang, Counter())[year] += 1
        return cls(years, limit=limit, default_lang=default_lang)

    def part_of(self, lang: str, path: str) -> int:
        """The part that indexes the page of `lang` at `path` (inside the site)."""
        year = article_year(path, lang, self.default_lang)
        return 1 if year is None else self._by_year.get((lang, year), 1)

    def is_article(self, lang: str, path: str) -> bool:
        """Whether the page of `lang` at `path` is a news article (its part is that of its year)."""
        return article_year(path, lang, self.default_lang) is not None

    def further(self, lang: str) -> list[SearchPart]:
        """The parts after the first, newest first."""
        return self.parts.get(lang, [])[1:]


def _split(lang: str, counts: Mapping[int, int], limit: int) -> list[SearchPart]:
    """Whole years, newest first, into parts that close once they hold `limit` articles
    (the oldest part may hold fewer): the first part, which every search covers, holds
    at least the newest `limit` articles, even in the first days of a year."""
    parts: list[SearchPart] = []
    years: list[int] = []
    held = 0
    for year in sorted(counts, reverse=True):
        years.append(year)
        held += counts[year]
        if held >= limit:
            parts.append(SearchPart(lang, len(parts) + 1, years[-1], years[0], held))
            years, held = [], 0
    if years:
        parts.append(SearchPart(lang, len(parts) + 1, years[-1], years[0], held))
    return parts


def archive_file(parts: SearchParts, counts: Mapping[tuple[str, int], int],
                 older: Callable[[str, int], str]) -> bytes:
    """pagefind/archive.json: for each language with further parts, the offer the search
    box makes (`older(lang, year)`: "Search news from before 2021 too", the year the first
    part begins) and those parts, newest first: their folder, the years they hold and the
    pages Pagefind indexed (`counts`: (language, part) -> pages)."""
    listing = {
        lang: {"older": older(lang, parts.parts[lang][0].oldest),
               "parts": [{"path": part.folder, "from": part.oldest, "to": part.newest,
                          "pages": counts.get((lang, part.number), 0)} for part in parts.further(lang)]}
        for lang in sorted(parts.parts) if parts.further(lang)
    }
    return json.dumps(listing, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
