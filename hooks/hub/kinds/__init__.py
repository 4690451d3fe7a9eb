"""The kinds of content the hub publishes, one module each, and the registry of them:
kinds of record (city, opportunity, event, and those a site adds) and kinds of article
(news, policy explainers: pages written in docs/, ArticleKind below).

A record kind is a folder of YAML records (data/<folder>/<id>.yml), each checked by its
model and shown on a page of its own (<folder>/<id>/) in every language. Its module says
everything that is particular to it: the model, the pages it generates, the listing under
the hand-written introduction of <folder>/, what its pages tell search engines, its feed
entries and the stub `hub new` writes. The rest of the package loops over `record_kinds()`
for all of that; what names a kind is about that kind in particular (a partner city's
feed, the deadlines calendar, the front page's sections).

A site adds a kind of its own with one module and its templates, named in mkdocs.yml:

    extra:
      hub:
        kinds: [tenders]    # hooks/tenders.py, which defines KIND = RecordKind(...)

(The module is imported from the site's hooks folder: MkDocs has it on the import path
only while loading the hook files.)

This module imports nothing of the package at load time: the kinds' modules use the page
machinery, which reads the settings, which name the kinds.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from pydantic import BaseModel

    from ..pages.generate import GeneratedPage
    from ..site.render import Renderer

# The package's own kinds of record, in the order the content is loaded, listed and counted.
BUILT_IN = ("city", "opportunity", "event")
# The kinds of article: pages written in docs/<lang>/ (news, policy explainers).
ARTICLE_MODULES = ("article", "policy")
# Folders of data/ and of a language's pages that are not a kind's.
RESERVED_FOLDERS = frozenset({"news", "policies", "schema", "about", "feeds", "calendars", "assets", "search"})
# Where the package's stubs are (hooks/hub/editors/stubs/); a site's kind brings its own folder.
PACKAGE_STUBS = Path(__file__).resolve().parent.parent / "editors" / "stubs"

Pages = Callable[["Renderer", str], "Iterable[GeneratedPage]"]
# (renderer, Markdown of the hand-written page, its path, language, front matter): the
# page's Markdown with the listing, or None when the page is not the kind's index.
Listing = Callable[["Renderer", str, str, str, dict[str, Any]], "str | None"]
# (renderer, record id, record, language) -> (description, facts for overrides/partials/hub-seo.html)
SeoFacts = Callable[["Renderer", str, Any, str], "tuple[str | None, dict[str, Any]]"]


@dataclass(frozen=True)
class RecordFeed:
    """How a kind's records enter the feeds (hub.channels.feeds): every language carries each record,
    its title and summary falling back like its page."""

    # When the feeds date it (published and updated), in the hub's time zone.
    announced: Callable[[Any, ZoneInfo], datetime]
    # The entry's HTML: (renderer, record id, record, language, common values) -> HTML;
    # the common values are page_url, url(path) and pick(text) (hub.channels.feeds.ItemContent).
    html: Callable[[Renderer, str, Any, str, dict[str, Any]], str]


@dataclass(frozen=True)
class RecordKind:
    name: str  # singular: in feed entry ids, `hub new <name>`, schema and stub names, the SEO kind
    folder: str  # data/<folder>/<id>.yml, and the pages at <folder>/<id>/ in each language
    model: type[BaseModel]
    label: str  # what one record is called in messages to editors ("partner city")
    plural: str  # ... and several, in `hub check`'s summary ("partner cities")
    schema_description: str  # the description of data/schema/<name>.schema.json
    pages: Pages  # every page of the kind in one language: one per record, and any listing
    listing: Listing | None = None  # the records under the introduction of <folder>/index.md
    # Fields that name other content: (field, folder of what it names: cities, topics,
    # sectors, events, policies or a kind's folder), checked by hub.source.references.
    references: tuple[tuple[str, str], ...] = (("cities", "cities"), ("topics", "topics"))
    seo: SeoFacts | None = None
    # What a record's social card says: (renderer, record, language, site name) -> card_draw.Card;
    # None: its title alone.
    card: Callable[[Renderer, Any, str, str], Any] | None = None
    feed: RecordFeed | None = None  # None: its records are not announced in feeds
    # Pages under <folder>/ that are listings, not records (left out of search results).
    listing_pages: tuple[str, ...] = ()
    # `hub new <name>`: the stub <name>.yml.j2 in this folder, and values its template
    # needs beyond the common ones (hub.editors.scaffold).
    stubs: Path = PACKAGE_STUBS
    stub_values: Callable[[], dict[str, Any]] = field(default=dict)


@dataclass(frozen=True)
class ArticleKind:
    """A kind of article: Markdown pages in docs/<lang>/<folder>/, facts in the front matter
    of the original, texts per language (hub.source.catalog reads them)."""

    name: str  # Article.kind, in feed entry ids and the SEO kind: news, policy
    folder: str  # docs/<lang>/<folder>/; its section feed is named after it
    original: type[BaseModel]  # the front matter of the original
    translation: type[BaseModel]  # ... and of a translation: only its own text
    # Pages made from the articles in one language (listing pages, archives), one
    # function after the other for every language.
    pages: tuple[Pages, ...] = ()
    generated: tuple[str, ...] = ()  # the folders those pages are in (inside docs/<lang>/)
    listing: Listing | None = None  # under the introduction of <folder>/index.md
    # Facts the page's JSON-LD carries besides the headline, dates and keywords:
    # (renderer, article, its text in the page's language) -> facts
    seo: Callable[[Renderer, Any, Any], dict[str, Any]] | None = None
    # (HTML above the text, HTML below it) besides what every article shows
    frame: Callable[[Renderer, Any, str], tuple[str, str]] | None = None


@cache
def article_kinds() -> tuple[ArticleKind, ...]:
    return tuple(importlib.import_module(f".{name}", __name__).KIND for name in ARTICLE_MODULES)


class KindError(ValueError):
    """A kind named in `extra.hub.kinds` that cannot be used; the message says why."""


@cache
def record_kinds(extra: tuple[str, ...] = (), hooks: Path | None = None) -> tuple[RecordKind, ...]:
    """The package's kinds, then the site's (`extra.hub.kinds`: module names, each defining
    KIND), imported from the site's `hooks` folder: MkDocs puts it on the import path only
    while it loads the hook files."""
    modules = [importlib.import_module(f".{name}", __name__) for name in BUILT_IN]
    for name in extra:
        modules.append(_import(name, hooks))
    kinds: list[RecordKind] = []
    for module in modules:
        kind = getattr(module, "KIND", None)
        if not isinstance(kind, RecordKind):
            raise KindError(f"extra.hub.kinds in mkdocs.yml: the module '{module.__name__}' defines no KIND; "
                            "define KIND = RecordKind(...) (hub.kinds)")
        if kind.folder in RESERVED_FOLDERS:
            raise KindError(f"extra.hub.kinds in mkdocs.yml: the kind '{kind.name}' ({module.__name__}) keeps its "
                            f"records in {kind.folder}/, a folder the hub uses for something else; choose another")
        clash = next((other for other in kinds if {other.name, other.folder} & {kind.name, kind.folder}), None)
        if clash is not None:
            raise KindError(f"extra.hub.kinds in mkdocs.yml: the kind '{kind.name}' (data/{kind.folder}/) takes the "
                            f"name or folder of '{clash.name}' (data/{clash.folder}/); give it its own")
        kinds.append(kind)
    return tuple(kinds)


def _import(name: str, hooks: Path | None) -> ModuleType:
    saved = sys.path.copy()
    if hooks is not None:
        sys.path.insert(0, str(hooks))
    try:
        return importlib.import_module(name)
    except ImportError as error:
        where = hooks or Path("hooks")
        raise KindError(f"extra.hub.kinds in mkdocs.yml: the module '{name}' cannot be imported ({error}); "
                        f"put it in {where}/{name.replace('.', '/')}.py") from None
    finally:
        sys.path[:] = saved


def kind_named(kinds: Iterable[RecordKind], name: str) -> RecordKind | None:
    return next((kind for kind in kinds if kind.name == name), None)


def kind_in(kinds: Iterable[RecordKind], folder: str) -> RecordKind | None:
    return next((kind for kind in kinds if kind.folder == folder), None)
