"""Everything the site is made of, loaded and checked once: records from data/, and the
front matter of every page under docs/<lang>/. Nothing is built until all of it is valid;
every problem is collected, so an editor sees all of them in one run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..errors import ContentError, ContentErrors, display_path, language_label
from ..kinds import ArticleKind, RecordKind, article_kinds, kind_in, record_kinds
from ..safety.images import IMAGES_DIR, cache_dir, check_original, original_path
from ..safety.nofollow import is_linked
from ..safety.slugs import SLUG_RULE, is_slug, slugify
from ..safety.yamlsafe import LoadedYaml, YamlProblem, decode, load_yaml, other_metadata, split_front_matter
from .aliases import AliasEntry, check_aliases, feed_key, page_address, taken_addresses
from .inline_pictures import named_photos
from .languages import TextLanguages
from .models import (
    ArticleOriginal,
    City,
    Event,
    HubFacts,
    LeadImage,
    Localized,
    LocalizedShort,
    Opportunity,
    PageMeta,
    Taxonomy,
)
from .placeholders import placeholder_lines, placeholders_in
from .pydantic_errors import describe
from .reading import NO_TEXT, ReadingUnits, reading_units
from .references import check_references

GENERATED_MARKER = "hub_generated"
# The first line of a generated page's front matter; a page is generated only if it starts so.
GENERATED_START = f"---\n{GENERATED_MARKER}: true\n"


def is_generated_text(text: str) -> bool:
    return text.startswith(GENERATED_START)


def is_generated_file(path: Path) -> bool:
    """Whether a page starts with the generated marker (a BOM and CRLF line ends aside),
    from its first bytes: generated pages are passed over before being read whole (the
    translations report alone is about 1 MB at 2,000 articles)."""
    start = GENERATED_START.encode()
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(start) + 3)
    except OSError:
        return False  # then it is read as an editor's page, and the reading reports why it cannot be
    return head.removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n").startswith(start)

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class PageText:
    """The part of a page that is written in one language."""

    lang: str
    title: str
    summary: str | None
    source: str  # repository path of the file, for messages and reports
    official_title_translation: str | None = None
    reading: ReadingUnits = NO_TEXT  # of its body, for the reading time


@dataclass(frozen=True)
class Article:
    """A news article or a policy explainer: facts from the original, texts per language."""

    kind: str  # "news" or "policy"
    slug: str
    src_uri: str  # path inside a language folder, e.g. news/2025/slug.md
    meta: ArticleOriginal
    texts: dict[str, PageText]

    @property
    def url_path(self) -> str:
        return self.src_uri.removesuffix(".md") + "/"

    @property
    def date(self) -> date:
        """The day it was published (the front matter's `date`, without its time if any)."""
        return self.meta.day

    @property
    def moment(self) -> datetime | None:
        """The moment it was published, when its `date` gives a time (with its offset)."""
        return self.meta.date if isinstance(self.meta.date, datetime) else None

    def sort_key(self) -> tuple[date, time, str]:
        """Newest first by day, then by time where given (a day alone counts as its start)."""
        moment = self.moment
        return (self.date, moment.time() if moment else time.min, self.slug)

    def text(self, lang: str, fallback: tuple[str, ...]) -> PageText:
        for candidate in (lang, *fallback):
            if candidate in self.texts:
                return self.texts[candidate]
        return self.texts[next(iter(self.texts))]


@dataclass
class Catalog:
    root: Path
    languages: tuple[str, ...]
    default_language: str
    facts: HubFacts | None = None
    # The kinds of record (hub.kinds) and their records: folder -> id -> record.
    kinds: tuple[RecordKind, ...] = ()
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    topics: Taxonomy = field(default_factory=dict)
    sectors: Taxonomy = field(default_factory=dict)
    news: list[Article] = field(default_factory=list)  # newest first
    policies: list[Article] = field(default_factory=list)  # newest first
    # Hand-written pages: path inside a language folder -> languages that have it.
    page_languages: dict[str, set[str]] = field(default_factory=dict)
    # Lead images: src -> (file, line) of its first use, for problems found when it is decoded.
    image_sources: dict[str, tuple[str, int]] = field(default_factory=dict)
    # Articles a published build leaves out (drafts, scheduled): src_uri -> why (hub.source.publishing).
    withheld: dict[str, Any] = field(default_factory=dict)

    _by_uri: dict[str, Article] | None = field(default=None, repr=False)

    # The package's own kinds, for what is about them in particular (a city's feed, the
    # deadlines calendar, the front page).
    @property
    def cities(self) -> dict[str, City]:
        return self.records.get("cities", {})

    @property
    def opportunities(self) -> dict[str, Opportunity]:
        return self.records.get("opportunities", {})

    @property
    def events(self) -> dict[str, Event]:
        return self.records.get("events", {})

    def record_folders(self) -> list[tuple[RecordKind, dict[str, Any]]]:
        """Each kind with its records, in the order of the registry."""
        return [(kind, self.records.get(kind.folder, {})) for kind in self.kinds]

    def articles(self) -> list[Article]:
        return [*self.news, *self.policies]

    def newest_article_date(self) -> date | None:
        """The day the newest article or explainer was published (of those the build publishes)."""
        return max((article.date for article in (*self.news[:1], *self.policies[:1])), default=None)

    def article(self, src_uri: str) -> Article | None:
        """The article or explainer at `src_uri` (e.g. news/2025/x.md), if any."""
        if self._by_uri is None:
            self._by_uri = {article.src_uri: article for article in self.articles()}
        return self._by_uri.get(src_uri)

    def lead_image(self, src_uri: str) -> LeadImage | None:
        """The lead image of the page at `src_uri`: an article's or explainer's, or that of
        the record a generated page shows (cities/x.md, events/x.md, opportunities/x.md)."""
        article = self.article(src_uri)
        if article is not None:
            return article.meta.image
        folder, _, name = src_uri.partition("/")
        records = self.records.get(folder) if kind_in(self.kinds, folder) else None
        record = records.get(name.removesuffix(".md")) if records is not None and "/" not in name else None
        return getattr(record, "image", None) if record is not None else None

    def forget_index(self) -> None:
        """After articles were added or removed: `article` looks them up again."""
        self._by_uri = None


class _Collector:
    def __init__(self, root: Path, languages: TextLanguages) -> None:
        self.root = root
        self.languages = languages
        self.errors: list[ContentError] = []
        # Records that exist but failed their own checks: references to them are not
        # reported again as unknown.
        self.invalid_ids: set[tuple[str, str]] = set()
        self.image_sources: dict[str, tuple[str, int]] = {}
        self._usable: dict[str, bool] = {}  # photos named in text: whether the pipeline takes them
        # (file, raw value, kind) of records and originals that failed their checks: their
        # references are still checked (hub.source.references).
        self.unvalidated: list[tuple[Path, Any, str]] = []

    def add(self, path: Path, line: int, field_name: str, found: str, expected: str) -> None:
        self.errors.append(ContentError(display_path(path, self.root), line, field_name, found, expected))

    def read(self, path: Path) -> str | None:
        """The file's text, or None when it cannot be read; a linked path is passed over
        unopened (hub.source.paths reports the link)."""
        if is_linked(path, self.root):
            return None
        try:
            return decode(path.read_bytes())
        except YamlProblem as problem:
            self.add(path, problem.line, "", problem.found, problem.expected)
        except OSError as error:
            self.add(path, 0, "", f"a file that cannot be read ({error.strerror or error})",
                     "check that it is a regular file you may read")
        return None

    def parse(self, path: Path, text: str, first_line: int = 1) -> LoadedYaml | None:
        try:
            return load_yaml(text, first_line=first_line)
        except YamlProblem as problem:
            self.add(path, problem.line, "", problem.found, problem.expected)
            return None

    def validate(
        self, path: Path, loaded: LoadedYaml, model: type[M] | TypeAdapter[Any], *, prefix: tuple[str, ...] = ()
    ) -> Any | None:
        """The value checked against `model`; `prefix` names where it sits in its file."""
        value = loaded.value if loaded.value is not None else {}
        placeholders = placeholders_in(value, self.languages, prefix=prefix)
        for left in placeholders:
            self.add(path, loaded.line_of(left.where), left.field, left.found, left.expected)
        try:
            if isinstance(model, TypeAdapter):
                check = model.validate_python
            elif issubclass(model, Localized):
                check = _adapter(model).validate_python
            else:
                check = model.model_validate
            result = check(value, context=self.languages.context())
        except ValidationError as error:
            for item in error.errors():
                loc = tuple(item["loc"])
                if any(loc[: len(left.where)] == left.where for left in placeholders):
                    continue  # already reported as a placeholder
                where, found, expected = describe(item, model, self.languages)
                where = ".".join(filter(None, [*prefix, where]))
                self.add(path, loaded.line_of(loc), where, found, expected)
            return None
        if placeholders:
            return None
        self._check_image(path, loaded, result)
        return result

    def photos_in_text(self, path: Path, page: str, body: str, first_line: int) -> None:
        """Photos a page shows in its text get their variants made with the lead images'
        (hub.source.inline_pictures); its problems are reported where the page is converted."""
        for src, line in named_photos(page, body, first_line):
            if src not in self._usable:
                self._usable[src] = check_original(original_path(self.root, src), cache_dir(self.root)) is None
            if self._usable[src]:
                self.image_sources.setdefault(src, (display_path(path, self.root), line))

    def _check_image(self, path: Path, loaded: LoadedYaml, result: Any) -> None:
        """The file a record's or an article's `image.src` names (hub.safety.images)."""
        image = getattr(result, "image", None)
        if image is None:
            return
        line = loaded.line_of(("image", "src"))
        problem = check_original(original_path(self.root, image.src), cache_dir(self.root))
        if problem is not None:
            self.add(path, line, "image.src", *problem)
        else:
            self.image_sources.setdefault(image.src, (display_path(path, self.root), line))


@cache
def _adapter(kind: type[Localized]) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


def load_catalog(
    root: Path, languages: TextLanguages, *, skip: frozenset[str] = frozenset(),
    kinds: tuple[RecordKind, ...] | None = None,
) -> Catalog:
    """Load and check all content under `root`; raise ContentErrors listing every problem.
    `skip`: pages (repository paths, docs/…) left out, as if they did not exist. `kinds`:
    the kinds of record (default: the package's own)."""
    collect = _Collector(root, languages)
    kinds = record_kinds() if kinds is None else kinds
    catalog = Catalog(root=root, languages=languages.languages, default_language=languages.source, kinds=kinds)
    data = root / "data"
    catalog.facts = _load_one(collect, data / "hub.yml", HubFacts)
    catalog.topics = _load_taxonomy(collect, data / "topics.yml")
    catalog.sectors = _load_taxonomy(collect, data / "sectors.yml")
    for kind in kinds:
        catalog.records[kind.folder] = _load_folder(collect, data / kind.folder, kind.model)
    _refuse_unknown_data(collect, data, kinds)
    aliases = [*_record_aliases(collect, catalog), *_load_pages(collect, catalog, skip)]
    catalog.image_sources = collect.image_sources
    check_references(catalog, report=collect.add, invalid=collect.invalid_ids, unvalidated=collect.unvalidated)
    check_aliases(aliases, taken_addresses(catalog), collect.add)
    if collect.errors:
        raise ContentErrors(collect.errors)
    return catalog


# What data/ holds besides a folder per kind of record; schema/ is written by `make schema`
# for editors' YAML tools.
DATA_FILES = ("hub.yml", "topics.yml", "sectors.yml")
SCHEMA_FOLDER = "schema"


def _refuse_unknown_data(collect: _Collector, data: Path, kinds: tuple[RecordKind, ...]) -> None:
    """A file or folder the hub would never read (data/event/x.yml, data/x.yml) is an error:
    what an editor wrote there would silently never reach the site."""
    if not data.is_dir():
        return
    for path in sorted(data.iterdir()):
        if path.name.startswith("."):
            continue
        known = (SCHEMA_FOLDER, *(kind.folder for kind in kinds)) if path.is_dir() else DATA_FILES
        if path.name not in known:
            shown = f"{path.name}/" if path.is_dir() else path.name
            folders = sorted(f"data/{kind.folder}/" for kind in kinds)
            where = ", ".join(folders[:-1]) + " or " + folders[-1] if len(folders) > 1 else "".join(folders)
            collect.add(path, 0, "", f"'{shown}' in data/, which the site does not read",
                        f"records go in {where}, one <id>.yml each")


def _load_one(
    collect: _Collector, path: Path, model: type[M] | TypeAdapter[Any], *, kind: str = ""
) -> Any | None:
    if is_linked(path, collect.root):
        return None  # reported by hub.source.paths, never followed
    if not path.is_file():
        collect.add(path, 0, "", "the file is missing", "create it; the site needs it")
        return None
    text = collect.read(path)
    loaded = collect.parse(path, text) if text is not None else None
    if loaded is not None and loaded.value is None:
        # One message, not one per required field.
        hint = "`make new` writes a record to start from" if path.parent.name != "data" else "restore its fields"
        collect.add(path, 1, "", "an empty file", f"write the fields of the record, or delete the file; {hint}")
        return None
    if loaded is None:
        return None
    record = collect.validate(path, loaded, model)
    if record is None and kind:
        collect.unvalidated.append((path, loaded.value, kind))
    return record


def _load_taxonomy(collect: _Collector, path: Path) -> Taxonomy:
    """Topics or sectors (id: names): each entry checked on its own, so that one broken
    entry does not make every reference to the others unknown too."""
    kind = path.stem  # "topics" or "sectors", as in the fields that refer to them
    if is_linked(path, collect.root):
        collect.invalid_ids.add((kind, "*"))
        return {}
    if not path.is_file():
        collect.add(path, 0, "", "the file is missing", "create it; the site needs it")
        return {}
    text = collect.read(path)
    loaded = collect.parse(path, text) if text is not None else None
    if loaded is None:
        collect.invalid_ids.add((kind, "*"))
        return {}
    if loaded.value is None:
        return {}
    if not isinstance(loaded.value, dict):
        collect.add(path, 1, "", _show_kind(loaded.value), "one entry per id: `id: {zh: 中文, en: English}`")
        collect.invalid_ids.add((kind, "*"))
        return {}
    entries: Taxonomy = {}
    for key, value in loaded.value.items():
        line = loaded.line_of((key,))
        if not is_slug(key):
            collect.add(path, line, key, f"the id '{key}'", _rename_hint(key, "", "ids are part of URLs"))
            collect.invalid_ids.add((kind, slugify(key)))
            continue
        entry = collect.validate(path, LoadedYaml(value, _sub_lines(loaded, key)), LocalizedShort, prefix=(key,))
        if entry is None:
            collect.invalid_ids.add((kind, key))
        else:
            entries[key] = entry
    return entries


def _sub_lines(loaded: LoadedYaml, key: str) -> dict[tuple[str | int, ...], int]:
    return {path[1:]: line for path, line in loaded.lines.items() if path[:1] == (key,)}


def _show_kind(value: Any) -> str:
    return "a list" if isinstance(value, list) else f"a single value ({value!r})"


def _load_folder(collect: _Collector, folder: Path, model: type[M]) -> dict[str, M]:
    records: dict[str, M] = {}
    if is_linked(folder, collect.root) or not folder.is_dir():
        return records
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_symlink():
            continue  # a link is reported by hub.source.paths, never followed
        if path.suffix != ".yml" or not path.is_file():
            collect.add(path, 0, "", f"'{path.name}' in {folder.name}/", f"{folder.name}/ holds only <id>.yml records")
            continue
        if not is_slug(path.stem):
            collect.add(path, 0, "id", f"the file name '{path.name}'", _slug_hint(path))
            # References to the corrected name are not reported as unknown as well.
            collect.invalid_ids.add((folder.name, slugify(path.stem)))
            continue
        record = _load_one(collect, path, model, kind=folder.name)
        if record is not None:
            records[path.stem] = record
        else:
            collect.invalid_ids.add((folder.name, path.stem))
    return records


def _slug_hint(path: Path) -> str:
    """How to rename a file whose name is not a slug (it becomes part of a URL)."""
    return _rename_hint(path.stem, path.suffix, "file names are ids and URLs")


def _rename_hint(name: str, suffix: str, why: str) -> str:
    better = slugify(name)
    rename = f"rename it to {better}{suffix}; " if better else ""
    return f"{rename}{why}: {SLUG_RULE}"


def _load_pages(collect: _Collector, catalog: Catalog, skip: frozenset[str] = frozenset()) -> list[AliasEntry]:
    """Every page's front matter checked (but those in `skip`); the articles assembled;
    their aliases returned."""
    docs = catalog.root / "docs"
    originals: dict[str, tuple[Path, ArticleOriginal, PageText, LoadedYaml]] = {}
    translations: dict[str, list[tuple[Path, PageText]]] = {}
    for path in sorted(docs.rglob("*")):
        if path.name.startswith(".") or is_linked(path, catalog.root) or path.is_dir():
            continue
        rel = path.relative_to(docs)
        lang = rel.parts[0]
        if rel.parts[:2] == IMAGES_DIR[1:]:
            # Lead images (hub.safety.images); each one used is checked where it is named, and
            # what may stand in the folder by hub.safety.publishable.
            continue
        if lang not in catalog.languages:
            if path.suffix != ".md":
                continue  # photos and maintainers' assets: hub.safety.publishable says what may stand there
            collect.add(path, 0, "", f"a file outside the language folders ({rel.as_posix()})",
                        f"move it under docs/<language>/, one of {', '.join(catalog.languages)}")
            continue
        if path.suffix != ".md":
            continue
        src_uri = Path(*rel.parts[1:]).as_posix()
        if is_generated_file(path):
            continue  # written by the hub from checked content; an editor's copy is refused by the build
        if skip and display_path(path, catalog.root) in skip:
            continue
        text = collect.read(path)
        if text is None:
            continue
        yaml_text, body, body_line = split_front_matter(text)
        if yaml_text is None and re.match(r"-{3}[ \t]*\n", text):
            collect.add(path, 1, "", "front matter that is not closed",
                        "end it with a line of three dashes (---) before the text")
            continue
        key = other_metadata(text) if yaml_text is None else None
        if key is not None:
            collect.add(path, 1, key, f"page settings written as `{key}: …` without --- around them",
                        "MkDocs reads such lines at the top of a page as settings: write them as front matter "
                        "between two lines of ---, or begin the text with something else")
            continue
        loaded = collect.parse(path, yaml_text, first_line=2) if yaml_text is not None else LoadedYaml({})
        if loaded is None:
            continue
        _check_body(collect, path, body, body_line)
        collect.photos_in_text(path, rel.as_posix(), body, body_line)
        kind = _article_kind(src_uri)
        if kind is None:
            if collect.validate(path, loaded, PageMeta) is not None:
                catalog.page_languages.setdefault(src_uri, set()).add(lang)
            continue
        if not _article_path_ok(collect, path, kind, src_uri):
            continue
        catalog.page_languages.setdefault(src_uri, set()).add(lang)
        is_original = lang == catalog.default_language
        article_kind = _article_kind_named(kind)
        model = article_kind.original if is_original else article_kind.translation
        if yaml_text is None:
            collect.add(path, 1, "", "no front matter", "start the file with --- / title: … / summary: … / ---")
            continue
        if not is_original:
            loaded = _without_facts(collect, path, loaded, kind, src_uri, catalog.default_language)
        meta = collect.validate(path, loaded, model)
        if meta is None:
            if is_original:
                collect.unvalidated.append((path, loaded.value, kind))
            if kind == "policy":
                collect.invalid_ids.add(("policies", src_uri.split("/")[-1].removesuffix(".md")))
            continue
        page_text = PageText(
            lang=lang,
            title=meta.title,
            summary=meta.summary,
            source=display_path(path, catalog.root),
            official_title_translation=getattr(meta, "official_title_translation", None),
            reading=reading_units(body, lang),
        )
        if is_original:
            originals[src_uri] = (path, meta, page_text, loaded)
        else:
            translations.setdefault(src_uri, []).append((path, page_text))
    _assemble_articles(collect, catalog, originals, translations)
    _check_feed_keys(collect, catalog, originals)
    return [
        AliasEntry(alias, page_address(src_uri), path, loaded.line_of(("aliases", index)))
        for src_uri, (path, meta, _text, loaded) in originals.items()
        for index, alias in enumerate(meta.aliases)
    ]


def _check_body(collect: _Collector, path: Path, body: str, first_line: int) -> None:
    """Text that `hub new` left for an editor to write."""
    for number, found, expected in placeholder_lines(body, first_line):
        collect.add(path, number, "text", found, expected)


def _without_facts(
    collect: _Collector, path: Path, loaded: LoadedYaml, kind: str, src_uri: str, default: str
) -> LoadedYaml:
    """A translation carries only its own text: a date, topic or city written in it would
    silently disagree with the original one day, so it is reported, not used."""
    if not isinstance(loaded.value, dict):
        return loaded
    article_kind = _article_kind_named(kind)
    original, translation = article_kind.original, article_kind.translation
    facts = [key for key in loaded.value if key in original.model_fields and key not in translation.model_fields]
    for key in facts:
        collect.add(path, loaded.line_of((key,)), key, "a fact in a translation",
                    f"remove it here; {key} belongs in the {language_label(default)} original, "
                    f"docs/{default}/{src_uri}, and is written once for every language")
    if not facts:
        return loaded
    value = {key: item for key, item in loaded.value.items() if key not in facts}
    return LoadedYaml(value, loaded.lines)


def _article_kind_named(name: str) -> ArticleKind:
    return next(kind for kind in article_kinds() if kind.name == name)


def _article_kind(src_uri: str) -> str | None:
    parts = src_uri.split("/")
    if parts[0] == "news" and len(parts) >= 3 and parts[1] not in ("page", "archive", "topics"):
        return "news"
    if parts[0] == "policies" and len(parts) >= 2 and parts[-1] != "index.md":
        return "policy"
    return None


def _article_path_ok(collect: _Collector, path: Path, kind: str, src_uri: str) -> bool:
    parts = src_uri.split("/")
    stem = parts[-1].removesuffix(".md")
    if kind == "news":
        if len(parts) != 3 or not (parts[1].isdigit() and len(parts[1]) == 4):
            where = "/".join(parts[1:])
            collect.add(path, 0, "", f"an article at news/{where}", "put articles at news/<year>/<slug>.md")
            return False
    elif len(parts) != 2:
        collect.add(path, 0, "", f"an explainer at {src_uri}", "put explainers at policies/<slug>.md")
        return False
    if not is_slug(stem):
        collect.add(path, 0, "slug", f"the file name '{path.name}'", _slug_hint(path))
        return False
    return True


def _assemble_articles(
    collect: _Collector,
    catalog: Catalog,
    originals: dict[str, tuple[Path, ArticleOriginal, PageText, LoadedYaml]],
    translations: dict[str, list[tuple[Path, PageText]]],
) -> None:
    default = catalog.default_language
    for src_uri, items in translations.items():
        # An original that exists but has problems of its own is reported there.
        if src_uri not in originals and not (catalog.root / "docs" / default / src_uri).is_file():
            for path, _ in items:
                collect.add(path, 1, "", f"a translation of docs/{default}/{src_uri}, which does not exist",
                            f"add the original in docs/{default}/ first, or fix this file's path")
    seen_slugs: dict[tuple[str, str], str] = {}
    for src_uri, (path, meta, text, loaded) in originals.items():
        kind = _article_kind(src_uri) or "news"
        slug = src_uri.split("/")[-1].removesuffix(".md")
        folder = src_uri.split("/")[1]
        if kind == "news" and folder != str(meta.day.year):
            collect.add(path, loaded.line_of(("date",)), "date", f"{meta.day} in the folder news/{folder}/",
                        f"move the file to news/{meta.day.year}/ or fix the date")
        previous = seen_slugs.get((kind, slug))
        if previous is not None:
            collect.add(path, 1, "slug", f"'{slug}' is also used by docs/{default}/{previous}",
                        "give each article its own file name; feeds and links rely on it")
        seen_slugs[(kind, slug)] = src_uri
        texts = {text.lang: text}
        for _, other in translations.get(src_uri, []):
            texts[other.lang] = other
        article = Article(kind=kind, slug=slug, src_uri=src_uri, meta=meta, texts=texts)
        (catalog.news if kind == "news" else catalog.policies).append(article)
    for articles in (catalog.news, catalog.policies):
        articles.sort(key=Article.sort_key, reverse=True)


def _check_feed_keys(
    collect: _Collector, catalog: Catalog, originals: dict[str, tuple[Path, ArticleOriginal, PageText, LoadedYaml]]
) -> None:
    """Two articles of a kind with one feed id (through `id:` or a first alias) would be one
    item to every feed reader."""
    seen: dict[tuple[str, str], str] = {}
    for article in catalog.articles():
        key = (article.kind, feed_key(article))
        other = seen.setdefault(key, article.src_uri)
        if other == article.src_uri:
            continue
        path, meta, _text, loaded = originals[article.src_uri]
        field_name = "id" if meta.id else "aliases"
        collect.add(path, loaded.line_of((field_name,)), field_name,
                    f"the feed id '{key[1]}', also that of docs/{catalog.default_language}/{other}",
                    "give each article its own: feed readers would take the two for one")


def _record_aliases(collect: _Collector, catalog: Catalog) -> list[AliasEntry]:
    """The aliases of the records, with their lines (the few files that have any are read again)."""
    entries = []
    for kind, records in catalog.record_folders():
        folder = kind.folder
        for record_id, record in records.items():
            if not getattr(record, "aliases", None):
                continue
            path = catalog.root / "data" / folder / f"{record_id}.yml"
            text = collect.read(path)
            loaded = collect.parse(path, text) if text is not None else None
            for index, alias in enumerate(record.aliases):
                line = loaded.line_of(("aliases", index)) if loaded is not None else 0
                entries.append(AliasEntry(alias, f"{folder}/{record_id}/", path, line))
    return entries
