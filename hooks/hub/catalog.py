"""Everything the site is made of, loaded and checked once: records from data/, and the
front matter of every page under docs/<lang>/. Nothing is built until all of it is valid;
every problem is collected, so an editor sees all of them in one run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from .errors import ContentError, ContentErrors, display_path
from .models import (
    ArticleOriginal,
    ArticleTranslation,
    City,
    Event,
    HubFacts,
    LocalizedShort,
    Opportunity,
    PageMeta,
    PolicyOriginal,
    PolicyTranslation,
)
from .pydantic_errors import describe
from .yamlsafe import LoadedYaml, YamlProblem, decode, load_yaml, split_front_matter

GENERATED_MARKER = "hub_generated"
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

M = TypeVar("M", bound=BaseModel)
Taxonomy = dict[str, LocalizedShort]
_taxonomy_adapter: TypeAdapter[Taxonomy] = TypeAdapter(Taxonomy)


@dataclass(frozen=True)
class PageText:
    """The part of a page that is written in one language."""

    lang: str
    title: str
    summary: str | None
    source: str  # repository path of the file, for messages and reports
    official_title_translation: str | None = None


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
        return self.meta.date

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
    cities: dict[str, City] = field(default_factory=dict)
    opportunities: dict[str, Opportunity] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    topics: Taxonomy = field(default_factory=dict)
    sectors: Taxonomy = field(default_factory=dict)
    news: list[Article] = field(default_factory=list)  # newest first
    policies: list[Article] = field(default_factory=list)  # newest first
    # Hand-written pages: path inside a language folder -> languages that have it.
    page_languages: dict[str, set[str]] = field(default_factory=dict)

    _by_uri: dict[str, Article] | None = field(default=None, repr=False)

    def articles(self) -> list[Article]:
        return [*self.news, *self.policies]

    def article(self, src_uri: str) -> Article | None:
        """The article or explainer at `src_uri` (e.g. news/2025/x.md), if any."""
        if self._by_uri is None:
            self._by_uri = {article.src_uri: article for article in self.articles()}
        return self._by_uri.get(src_uri)


class _Collector:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.errors: list[ContentError] = []
        # Records that exist but failed their own checks: references to them are not
        # reported again as unknown.
        self.invalid_ids: set[tuple[str, str]] = set()

    def add(self, path: Path, line: int, field_name: str, found: str, expected: str) -> None:
        self.errors.append(ContentError(display_path(path, self.root), line, field_name, found, expected))

    def read(self, path: Path) -> str | None:
        try:
            return decode(path.read_bytes())
        except YamlProblem as problem:
            self.add(path, problem.line, "", problem.found, problem.expected)
            return None

    def parse(self, path: Path, text: str, first_line: int = 1) -> LoadedYaml | None:
        try:
            return load_yaml(text, first_line=first_line)
        except YamlProblem as problem:
            self.add(path, problem.line, "", problem.found, problem.expected)
            return None

    def validate(self, path: Path, loaded: LoadedYaml, model: type[M] | TypeAdapter[Any]) -> Any | None:
        value = loaded.value if loaded.value is not None else {}
        try:
            if isinstance(model, TypeAdapter):
                return model.validate_python(value)
            return model.model_validate(value)
        except ValidationError as error:
            for item in error.errors():
                where, found, expected = describe(item, model)
                self.add(path, loaded.line_of(tuple(item["loc"])), where, found, expected)
            return None


def load_catalog(root: Path, languages: tuple[str, ...], default_language: str) -> Catalog:
    """Load and check all content under `root`; raise ContentErrors listing every problem."""
    collect = _Collector(root)
    catalog = Catalog(root=root, languages=languages, default_language=default_language)
    data = root / "data"
    catalog.facts = _load_one(collect, data / "hub.yml", HubFacts)
    catalog.topics = _load_one(collect, data / "topics.yml", _taxonomy_adapter) or {}
    catalog.sectors = _load_one(collect, data / "sectors.yml", _taxonomy_adapter) or {}
    catalog.cities = _load_folder(collect, data / "cities", City)
    catalog.opportunities = _load_folder(collect, data / "opportunities", Opportunity)
    catalog.events = _load_folder(collect, data / "events", Event)
    _load_pages(collect, catalog)
    _check_references(collect, catalog)
    if collect.errors:
        raise ContentErrors(collect.errors)
    return catalog


def _load_one(collect: _Collector, path: Path, model: type[M] | TypeAdapter[Any]) -> Any | None:
    if not path.is_file():
        collect.add(path, 0, "", "the file is missing", "create it; the site needs it")
        return None
    text = collect.read(path)
    loaded = collect.parse(path, text) if text is not None else None
    return collect.validate(path, loaded, model) if loaded is not None else None


def _load_folder(collect: _Collector, folder: Path, model: type[M]) -> dict[str, M]:
    records: dict[str, M] = {}
    if not folder.is_dir():
        return records
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix != ".yml" or not path.is_file():
            collect.add(path, 0, "", f"'{path.name}' in {folder.name}/", f"{folder.name}/ holds only <id>.yml records")
            continue
        if not _is_slug(path.stem):
            collect.add(path, 0, "id", f"the file name '{path.stem}'", _slug_hint())
            continue
        record = _load_one(collect, path, model)
        if record is not None:
            records[path.stem] = record
        else:
            collect.invalid_ids.add((folder.name, path.stem))
    return records


def _is_slug(value: str) -> bool:
    import re

    return re.fullmatch(SLUG_PATTERN, value) is not None and len(value) <= 80


def _slug_hint() -> str:
    return "ids and file names use lowercase a-z, digits and single hyphens, like new-partner-cities-2025"


def _load_pages(collect: _Collector, catalog: Catalog) -> None:
    docs = catalog.root / "docs"
    originals: dict[str, tuple[Path, ArticleOriginal, PageText]] = {}
    translations: dict[str, list[tuple[Path, PageText]]] = {}
    for path in sorted(docs.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        rel = path.relative_to(docs)
        lang = rel.parts[0]
        if lang not in catalog.languages:
            collect.add(path, 0, "", f"a file outside the language folders ({rel.as_posix()})",
                        f"move it under docs/<language>/, one of {', '.join(catalog.languages)}")
            continue
        if path.suffix != ".md":
            continue
        src_uri = Path(*rel.parts[1:]).as_posix()
        text = collect.read(path)
        if text is None:
            continue
        yaml_text, _body, _ = split_front_matter(text)
        loaded = collect.parse(path, yaml_text, first_line=2) if yaml_text is not None else LoadedYaml({})
        if loaded is None:
            continue
        if isinstance(loaded.value, dict) and loaded.value.get(GENERATED_MARKER):
            continue
        kind = _article_kind(src_uri)
        if kind is None:
            if collect.validate(path, loaded, PageMeta) is not None:
                catalog.page_languages.setdefault(src_uri, set()).add(lang)
            continue
        if not _article_path_ok(collect, path, kind, src_uri):
            continue
        catalog.page_languages.setdefault(src_uri, set()).add(lang)
        is_original = lang == catalog.default_language
        model = {
            ("news", True): ArticleOriginal,
            ("news", False): ArticleTranslation,
            ("policy", True): PolicyOriginal,
            ("policy", False): PolicyTranslation,
        }[(kind, is_original)]
        if yaml_text is None:
            collect.add(path, 1, "", "no front matter", "start the file with --- / title: … / summary: … / ---")
            continue
        meta = collect.validate(path, loaded, model)
        if meta is None:
            continue
        page_text = PageText(
            lang=lang,
            title=meta.title,
            summary=meta.summary,
            source=display_path(path, catalog.root),
            official_title_translation=getattr(meta, "official_title_translation", None),
        )
        if is_original:
            originals[src_uri] = (path, meta, page_text)
        else:
            translations.setdefault(src_uri, []).append((path, page_text))
    _assemble_articles(collect, catalog, originals, translations)


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
    if not _is_slug(stem):
        collect.add(path, 0, "slug", f"the file name '{stem}'", _slug_hint())
        return False
    return True


def _assemble_articles(
    collect: _Collector,
    catalog: Catalog,
    originals: dict[str, tuple[Path, ArticleOriginal, PageText]],
    translations: dict[str, list[tuple[Path, PageText]]],
) -> None:
    default = catalog.default_language
    for src_uri, items in translations.items():
        if src_uri not in originals:
            for path, _ in items:
                collect.add(path, 1, "", f"a translation of docs/{default}/{src_uri}, which does not exist",
                            f"add the original in docs/{default}/ first, or fix this file's path")
    seen_slugs: dict[tuple[str, str], str] = {}
    for src_uri, (path, meta, text) in originals.items():
        kind = _article_kind(src_uri) or "news"
        slug = src_uri.split("/")[-1].removesuffix(".md")
        if kind == "news" and src_uri.split("/")[1] != str(meta.date.year):
            collect.add(path, 1, "date", f"{meta.date} in the folder news/{src_uri.split('/')[1]}/",
                        f"move the file to news/{meta.date.year}/ or fix the date")
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
        articles.sort(key=lambda a: (a.date, a.slug), reverse=True)


def _check_references(collect: _Collector, catalog: Catalog) -> None:
    """Every city, topic, sector and policy that content points at must exist."""
    data = catalog.root / "data"
    docs = catalog.root / "docs" / catalog.default_language
    policy_slugs = {a.slug for a in catalog.policies}

    def check(path: Path, field_name: str, values: list[str], known: dict[str, Any] | set[str], what: str) -> None:
        for index, value in enumerate(values):
            if value not in known and ("cities", value) not in collect.invalid_ids:
                line = _line_of_list_item(path, field_name, index)
                collect.add(path, line, field_name, f"'{value}' is not a known {what}",
                            f"use one of {_sample(known)} or add it under data/")

    for kind_folder, records in (("opportunities", catalog.opportunities), ("events", catalog.events)):
        for record_id, record in records.items():
            path = data / kind_folder / f"{record_id}.yml"
            check(path, "cities", record.cities, catalog.cities, "partner city")
            check(path, "topics", record.topics, catalog.topics, "topic")
            if isinstance(record, Opportunity):
                check(path, "sector", [record.sector], catalog.sectors, "sector")
                if record.policy is not None:
                    check(path, "policy", [record.policy], policy_slugs, "policy explainer")
    for article in catalog.articles():
        path = docs / article.src_uri
        check(path, "cities", article.meta.cities, catalog.cities, "partner city")
        check(path, "topics", article.meta.topics, catalog.topics, "topic")


def _line_of_list_item(path: Path, field_name: str, index: int) -> int:
    """Find the line again: reference checks run after the models were built."""
    try:
        text = decode(path.read_bytes())
        if path.suffix == ".md":
            yaml_text, _, _ = split_front_matter(text)
            loaded = load_yaml(yaml_text or "", first_line=2)
        else:
            loaded = load_yaml(text)
    except YamlProblem:
        return 0
    if isinstance(loaded.value, dict) and isinstance(loaded.value.get(field_name), list):
        return loaded.line_of((field_name, index))
    return loaded.line_of((field_name,))


def _sample(known: dict[str, Any] | set[str]) -> str:
    names = sorted(known)
    if not names:
        return "(none defined yet)"
    shown = ", ".join(names[:8])
    return shown + (", …" if len(names) > 8 else "")
