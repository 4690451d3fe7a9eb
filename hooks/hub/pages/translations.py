"""Translation progress: per language, which pages and records lack a translation, and which
translations are older than the last change to their original.

"Older" is read from git history: the last commit that touched the original against the
last one that touched the translation, both from one `git log` pass over docs/. Files with
uncommitted changes, and every file outside a git checkout, count by their modification
time instead. In a shallow clone the history is cut off, so outdated translations cannot
be told and the report says so rather than showing none.

Records (data/) keep every language in one file, so only a missing text is reported for
them, not an outdated one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel

from ..errors import language_label
from ..site.render import Renderer
from ..source.catalog import Catalog
from ..source.history import History, file_times
from ..source.models import Localized
from ..source.settings import HubSettings
from ..source.ui import UI_FILE, UiStrings
from .generate import GeneratedPage

PAGE_PATH = "about/translations.md"
# Items of one list the page shows (a decade of news leaves some 16,000 articles without a
# fr or ja text: listed whole, the page was 6.8 MB); `make translations` lists them all.
PAGE_LIST_LIMIT = 100


@dataclass(frozen=True)
class Outdated:
    src_uri: str
    original_changed: date
    translated: date


@dataclass(frozen=True)
class RecordGap:
    file: str  # repository path, e.g. data/cities/dunakeszi.yml or data/topics.yml
    record: str  # the record's id
    fields: tuple[str, ...]  # text fields without this language, e.g. ("name", "contact.organisation")


@dataclass(frozen=True)
class LanguageReport:
    lang: str
    pages: int  # pages that have an original
    missing: tuple[str, ...]  # src_uris (paths inside a language folder) without this language
    outdated: tuple[Outdated, ...]
    records: int
    incomplete: tuple[RecordGap, ...]
    # Keys of overrides/hub/ui.yml without this language (shown in its fallback meanwhile).
    ui_strings: tuple[str, ...] = ()

    @property
    def translated(self) -> int:
        return self.pages - len(self.missing)


@dataclass(frozen=True)
class TranslationReport:
    default: str
    history: History
    languages: tuple[LanguageReport, ...]


# -- the report ------------------------------------------------------------------------------------


def translation_report(settings: HubSettings, catalog: Catalog, ui: UiStrings | None = None) -> TranslationReport:
    default = settings.default_language
    targets = [lang for lang in settings.languages if lang != default]
    originals = sorted(uri for uri, langs in catalog.page_languages.items() if default in langs)
    paths = [f"docs/{lang}/{uri}" for uri in originals for lang in settings.languages
             if lang in catalog.page_languages[uri]]
    times, history = file_times(settings.root, paths)
    zone = ZoneInfo(settings.timezone)
    records = list(_records(catalog))
    reports = []
    for lang in targets:
        missing = tuple(uri for uri in originals if lang not in catalog.page_languages[uri])
        outdated = []
        if history != "shallow":
            for uri in originals:
                if lang not in catalog.page_languages[uri]:
                    continue
                original, translation = times[f"docs/{default}/{uri}"], times[f"docs/{lang}/{uri}"]
                if original > translation:
                    outdated.append(Outdated(uri, _day(original, zone), _day(translation, zone)))
        incomplete = tuple(
            RecordGap(file, record_id, fields)
            for file, record_id, value in records
            if (fields := tuple(missing_texts(value, lang)))
        )
        ui_strings = ui.missing(lang) if ui else ()
        reports.append(LanguageReport(lang, len(originals), missing, tuple(outdated), len(records), incomplete,
                                      ui_strings))
    return TranslationReport(default, history, tuple(reports))


def _records(catalog: Catalog) -> Iterator[tuple[str, str, Any]]:
    for kind, records in catalog.record_folders():
        for record_id in sorted(records):
            yield f"data/{kind.folder}/{record_id}.yml", record_id, records[record_id]
    for name, entries in (("topics", catalog.topics), ("sectors", catalog.sectors)):
        for record_id in sorted(entries):
            yield f"data/{name}.yml", record_id, entries[record_id]


def missing_texts(value: Any, lang: str, path: tuple[str, ...] = ()) -> Iterator[str]:
    """Dotted paths of the texts in `value` that have no `lang` version."""
    if isinstance(value, Localized):
        # A note concerns only the languages it is written in: none is missing.
        if not value.all_optional and not value.has(lang):
            yield ".".join(path) or "name"
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from missing_texts(getattr(value, name), lang, (*path, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from missing_texts(item, lang, (*path, str(index)))


def _day(timestamp: float, zone: ZoneInfo) -> date:
    return datetime.fromtimestamp(timestamp, tz=zone).date()


# -- for editors (the command line) ---------------------------------------------------------------------


def format_report(
    report: TranslationReport, *, only: tuple[str, ...] = (),
    source_of: Callable[[str, str], str | None] | None = None,
    changes: Callable[[str, str], list[str] | None] | None = None,
) -> str:
    """The report for a terminal. `source_of(lang, src_uri)`: the language a translator into
    `lang` works from, when not the original; `changes(lang, src_uri)`: the diff of the
    original since the translation was last updated."""
    notes = {
        "git": "outdated = the original has a later commit than the translation",
        "files": "not a git checkout: outdated is judged from file modification times",
        "shallow": "a shallow clone has no history: outdated translations cannot be told (git fetch --unshallow)",
    }
    lines = [f"Translations of the {language_label(report.default)} originals ({notes[report.history]})", ""]
    for item in report.languages:
        if only and item.lang not in only:
            continue
        lines.append(
            f"{item.lang} ({language_label(item.lang)}): {item.translated} of {item.pages} pages translated, "
            f"{len(item.outdated)} outdated; {item.records - len(item.incomplete)} of {item.records} records complete"
            + (f"; {len(item.ui_strings)} UI strings to translate" if item.ui_strings else "")
        )
        for uri in item.missing:
            source = source_of(item.lang, uri) if source_of else None
            via = f"; translate from the {language_label(source)}, docs/{source}/{uri}" if source else ""
            lines.append(f"  missing   docs/{item.lang}/{uri}  (original docs/{report.default}/{uri}{via})")
        for old in item.outdated:
            lines.append(f"  outdated  docs/{item.lang}/{old.src_uri}  original changed {old.original_changed}, "
                         f"translation {old.translated}")
            source = source_of(item.lang, old.src_uri) if source_of else None
            if source:
                lines.append(f"            the {language_label(source)} text: docs/{source}/{old.src_uri}")
            diff = changes(item.lang, old.src_uri) if changes else None
            if diff:
                lines.append(f"            what changed in docs/{report.default}/{old.src_uri} {diff[0]}")
                lines += [f"            | {line}" for line in diff[1:]]
        for gap in item.incomplete:
            lines.append(f"  record    {gap.file}  {gap.record}: {', '.join(gap.fields)}")
        if item.ui_strings:
            lines.append(f"  ui        {UI_FILE}  {len(item.ui_strings)} strings shown in another language until "
                         f"written: {', '.join(item.ui_strings)}")
        lines.append("")
    return "\n".join(lines).rstrip("\n")


# -- the page (about/translations/ in every language) ------------------------------------------------------

_cache: tuple[Catalog, TranslationReport] | None = None


def _report_for(renderer: Renderer) -> TranslationReport:
    """Once per build, not once per language: the git history is read one time."""
    global _cache
    if _cache is None or _cache[0] is not renderer.catalog:
        _cache = (renderer.catalog, translation_report(renderer.settings, renderer.catalog))
    return _cache[1]


def url_path(src_uri: str) -> str:
    """news/2025/x.md -> news/2025/x/; about/index.md -> about/; index.md -> ''."""
    path = src_uri.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        path = path.removesuffix("index")
    else:
        path += "/"
    return path


def translations_page(renderer: Renderer, lang: str) -> Iterator[GeneratedPage]:
    report = _report_for(renderer)
    catalog = renderer.catalog

    def title_of(src_uri: str, in_lang: str) -> str | None:
        article = catalog.article(src_uri)
        text = article.texts.get(in_lang) if article else None
        return text.title if text else None

    def newest_first(src_uris: tuple[str, ...]) -> list[str]:
        """Pages that are not articles in path order, then articles newest first: what a
        translator takes on next is at the top, and what the page leaves out is the oldest."""
        def order(src_uri: str) -> tuple[int, int, str]:
            article = catalog.article(src_uri)
            return (0, 0, src_uri) if article is None else (1, -article.date.toordinal(), src_uri)
        return sorted(src_uris, key=order)

    body = renderer.render(
        "translations.html", lang, report=report, url_path=url_path, title_of=title_of, newest_first=newest_first,
        limit=PAGE_LIST_LIMIT,
    )
    yield GeneratedPage(lang, PAGE_PATH, renderer.ui.t("translations_title", lang), body)
