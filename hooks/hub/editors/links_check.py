"""Links and images in the pages editors wrote, checked as the strict build checks them,
without building: for `hub check`.

The build (MkDocs, one build per language through mkdocs-static-i18n) refuses a link to a
page or image that is not among the documentation files of the language being built, an
absolute link, a link that names no file, and a link to an anchor that the target page
does not have (mkdocs.yml: `validation`). Its messages name neither the file an editor
wrote nor the line. Here each page is converted with the Markdown extensions of mkdocs.yml,
so heading ids are the ones the toc extension gives, and each link is resolved the way
MkDocs resolves it, language by language:

- the files of a language are its own folder, the default language's folder (the i18n
  plugin falls back to it) and the pages the hub generates;
- a page missing in a language is shown there from its first fallback (extra.hub.fallback),
  and its links are resolved among that language's files: an image that exists only in
  docs/en/ breaks the French copy of an English page.

A problem is reported once, at the file and line where the link is written, naming the
languages whose pages it breaks when that is not the page's own language.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from .. import stack
from ..errors import ContentError, display_path, language_label
from ..safety.yamlsafe import YamlProblem, decode, load_yaml, split_front_matter
from ..source import inline_pictures
from ..source.catalog import is_generated_file
from ..source.markdown_limits import check_body
from ..source.settings import HubSettings

if TYPE_CHECKING:
    from ..site.render import Renderer
    from ..source.catalog import Catalog

# Pages with none of these cannot hold a link or an image, and are converted only when
# another page links to one of their anchors.
_MAY_LINK = re.compile(r"\]\s*[(\[:]|<(?:a|img)\b|\]$", re.IGNORECASE | re.MULTILINE)
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico", ".bmp")


@dataclass(frozen=True)
class _Found:
    tag: str  # "a" or "img"
    url: str
    alt: str = ""  # of an image


@dataclass
class _Converted:
    links: list[_Found]
    anchors: set[str]


class _Collect(Treeprocessor):
    """The links, images and element ids of a converted page, as MkDocs sees them (its
    relative-path processor runs at the same priority; raw HTML ids come from MkDocs'
    own preprocessor)."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.links: list[_Found] = []
        self.ids: set[str] = set()

    def run(self, root: Any) -> None:
        for element in root.iter():
            if anchor := element.get("id"):
                self.ids.add(anchor)
            if element.tag == "a":
                if anchor := element.get("name"):
                    self.ids.add(anchor)
                if (href := element.get("href")) is not None:
                    self.links.append(_Found("a", href))
            elif element.tag == "img" and (src := element.get("src")) is not None:
                self.links.append(_Found("img", src, element.get("alt") or ""))


class _Converter:
    def __init__(self, extensions: list[object], configs: dict[str, dict[str, object]]) -> None:
        self.md = markdown.Markdown(extensions=extensions, extension_configs=configs)
        self.raw_anchors = stack.raw_html_anchors(self.md)
        self.collect = _Collect(self.md)
        self.md.treeprocessors.register(self.collect, "hub_links", 0)
        self.cache: dict[bytes, _Converted] = {}

    def convert(self, text: str) -> _Converted:
        key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
        if key not in self.cache:
            self.collect.links, self.collect.ids = [], set()
            self.md.reset().convert(text)
            self.cache[key] = _Converted(self.collect.links, self.collect.ids | self.raw_anchors())
        return self.cache[key]


@dataclass
class _Page:
    path: Path
    text: str
    body: str
    body_line: int
    meta: dict[str, Any]
    may_link: bool


@dataclass
class _Problem:
    file: str
    line: int
    field: str
    found: str
    expected: str
    languages: set[str] = field(default_factory=set)  # other languages whose copies it breaks
    own: bool = False  # broken in the page's own language: then every copy is


class LinkChecker:
    """One pass over every page of every language."""

    def __init__(
        self,
        settings: HubSettings,
        *,
        extensions: list[object],
        configs: dict[str, dict[str, object]],
        catalog: Catalog | None = None,
        renderer: Renderer | None = None,
    ) -> None:
        self.settings = settings
        self.root = settings.root
        self.languages = settings.checked_languages
        self.default = self.languages[0]
        self.renderer = renderer
        self.converter = _Converter(extensions, configs)
        self.pages: dict[str, dict[str, _Page]] = {lang: {} for lang in self.languages}  # lang -> uri -> page
        self.assets: dict[str, set[str]] = {lang: set() for lang in self.languages}
        for lang in self.languages:
            self._scan(lang)
        self.generated = generated_uris(settings, catalog)
        self._generated_anchors: dict[tuple[str, str], set[str]] = {}
        self.problems: dict[tuple[str, int, str], _Problem] = {}

    # -- what exists -----------------------------------------------------------------------

    def _scan(self, lang: str) -> None:
        top = self.root / "docs" / lang
        if not top.is_dir():
            return
        for path in sorted(top.rglob("*")):
            rel = path.relative_to(top)
            if any(part.startswith(".") for part in rel.parts) or path.is_symlink() or not path.is_file():
                continue
            uri = rel.as_posix()
            if not uri.endswith(".md"):
                self.assets[lang].add(uri)
                continue
            if is_generated_file(path):
                continue
            page = _read_page(path)
            if page is not None:
                self.pages[lang][uri] = page

    def source_of(self, lang: str, uri: str) -> tuple[str, _Page] | None:
        """The language and page shown at `uri` in the `lang` build, if it has one: its own,
        or the first fallback (only pages of the default language are copied in)."""
        if uri not in self.pages[lang] and uri not in self.pages[self.default]:
            return None
        for candidate in (lang, *self.settings.fallbacks(lang)):
            page = self.pages.get(candidate, {}).get(uri)
            if page is not None:
                return candidate, page
        return None

    def exists(self, lang: str, uri: str) -> bool:
        return (
            uri in self.pages[lang] or uri in self.pages[self.default]
            or uri in self.assets[lang] or uri in self.assets[self.default]
            or uri in self.generated
        )

    def known(self, lang: str) -> list[str]:
        return sorted({*self.pages[lang], *self.pages[self.default], *self.assets[lang],
                       *self.assets[self.default], *self.generated})

    # -- conversion ------------------------------------------------------------------------

    def converted(self, lang: str, uri: str, page: _Page) -> _Converted:
        markdown_text = page.body
        if self.renderer is not None:
            from ..pages.sections import render_page

            markdown_text = render_page(self.renderer, markdown_text, uri, lang, page.meta)
        return self.converter.convert(markdown_text)

    def anchors(self, lang: str, uri: str) -> set[str] | None:
        """The ids on the page at `uri` in `lang`; None when they cannot be known here."""
        found = self.source_of(lang, uri)
        if found is not None:
            # Without the renderer (the content has problems of its own, reported first) the
            # headings the hub adds to a page (its title, its sections) are not known: an
            # anchor there would be reported wrongly.
            return self.converted(lang, uri, found[1]).anchors if self.renderer is not None else None
        if uri in self.generated:
            return self._anchors_of_generated(lang, uri)
        return None

    def _anchors_of_generated(self, lang: str, uri: str) -> set[str] | None:
        if self.renderer is None:
            return None  # the content has problems of its own; they are reported first
        if (lang, uri) not in self._generated_anchors:
            from ..pages.generate import generate_all
            from ..pages.sections import GENERATORS

            for made in generate_all(self.renderer, GENERATORS, (lang,)):
                self._generated_anchors[(lang, made.src_uri)] = self.converter.convert(made.body).anchors
        return self._generated_anchors.get((lang, uri))

    # -- the check -------------------------------------------------------------------------

    def run(self) -> list[ContentError]:
        if any(check_body(page.body, first_line=page.body_line) for pages in self.pages.values()
               for page in pages.values()):
            # A page over the Markdown limits could take minutes to convert; the content
            # check reports it, and the links are checked once it is fixed.
            self.pages = {lang: {uri: page for uri, page in pages.items()
                                 if not check_body(page.body, first_line=page.body_line)}
                          for lang, pages in self.pages.items()}
        for lang in self.languages:
            for uri in sorted({*self.pages[lang], *self.pages[self.default]}):
                found = self.source_of(lang, uri)
                if found is None:
                    continue
                source_lang, page = found
                if not page.may_link:
                    continue
                lines = _LineFinder(page)
                seen: dict[str, int] = {}
                for link in self.converted(lang, uri, page).links:
                    nth = seen[link.url] = seen.get(link.url, -1) + 1
                    self._check_link(lang, uri, source_lang, page, link, partial(lines.line_of, link.url, nth))
        return [self._error(problem) for problem in self.problems.values()]

    def _check_link(self, lang: str, uri: str, source_lang: str, page: _Page, link: _Found,
                    line_of: Callable[[], int]) -> None:
        if link.tag == "img":
            if lang == source_lang:  # the same rules in every language that shows the page
                self._check_picture(page, link, line_of)
            return
        scheme, netloc, path, _query, anchor = urlsplit(link.url)
        if scheme or netloc or AMP_SUBSTITUTE in link.url:
            return  # another site (the sanitiser's audit checks the scheme), or an e-mail address
        report = partial_report(self, page, line_of, "link", link.url, lang, source_lang)
        if link.url.startswith(("/", "\\")):
            report(f"an absolute link '{link.url}'",
                   "write it relative to this page, to the file itself (like ../about/index.md): an address "
                   "starting with / breaks when the site is published under a sub-path")
            return
        if not path:
            if anchor:
                self._check_anchor(lang, uri, link.url, anchor, report, own_page=True)
            return
        target = posixpath.normpath(posixpath.join(posixpath.dirname(uri), unquote(path)))
        if target == "." or target.startswith("../") or target == "..":
            report(f"the link '{link.url}', which leaves the {language_label(lang)} pages",
                   "link to the page in the same language folder; the site shows each page in the reader's language")
            return
        if self.exists(lang, target):
            if anchor:
                self._check_anchor(lang, target, link.url, anchor, report, own_page=target == uri)
            return
        if lang != source_lang and self.exists(source_lang, target):
            report(f"a link to '{link.url}', which exists only in docs/{source_lang}/",
                   f"move it to docs/{self.default}/{target}, where every language finds it, or give each "
                   f"language its own (docs/{lang}/{target})")
            return
        close = self._suggest(lang, uri, target, path)
        if target.lower().endswith(_IMAGE_SUFFIXES):
            report(f"a link to the picture '{link.url}', but docs/{lang}/{target} does not exist",
                   f"{close}put photos in docs/assets/images/ and show them in the text with ![what it shows]"
                   f"({inline_pictures.folder_from(f'{lang}/{uri}')}name.jpg)")
        elif not posixpath.splitext(path)[1]:
            report(f"a link to '{link.url}', which names no file",
                   f"{close or 'link to the page itself, its .md file (like ../about/index.md); '}"
                   "MkDocs turns it into the page's address")
        else:
            report(f"a link to '{link.url}', but docs/{lang}/{target} does not exist",
                   f"{close}link to an existing page's .md file, relative to this page")

    def _check_picture(self, page: _Page, link: _Found, line_of: Callable[[], int]) -> None:
        """A picture in the text: the rules of hub.source.inline_pictures, the build's own."""
        docs = self.root / "docs"
        found = inline_pictures.problem(link.url, link.alt, page=page.path.relative_to(docs).as_posix(),
                                        root=self.root, asset_folders=self.settings.asset_folders)
        if found is None:
            return
        file, line = display_path(page.path, self.root), line_of()
        self.problems.setdefault((file, line, link.url), _Problem(file, line, inline_pictures.FIELD, *found))

    def _suggest(self, lang: str, uri: str, target: str, path: str) -> str:
        guesses = [target + ".md", posixpath.join(target, "index.md"), target.removesuffix(".html") + ".md",
                   target.rstrip("/") + ".md"]
        for guess in guesses:
            if guess != target and self.exists(lang, guess):
                return f"did you mean {_relative(guess, uri)}? "
        close = get_close_matches(target, self.known(lang), n=1, cutoff=0.75)
        return f"did you mean {_relative(close[0], uri)}? " if close else ""

    def _check_anchor(self, lang: str, target: str, url: str, anchor: str, report: Callable[[str, str], None],
                      *, own_page: bool) -> None:
        anchors = self.anchors(lang, target)
        if anchors is None or anchor in anchors:
            return
        where = "this page" if own_page else f"{target}"
        headings = sorted(a for a in anchors if not a.startswith(("fn:", "fnref:")))
        close = get_close_matches(anchor, headings, n=1)
        hint = f"did you mean #{close[0]}? " if close else ""
        listed = ", ".join(f"#{a}" for a in headings[:8]) + (", …" if len(headings) > 8 else "")
        report(f"a link to '{url}', but {where} has no heading or anchor '{anchor}'",
               f"{hint}{'its anchors are ' + listed if listed else 'it has no anchors'}; a heading's anchor is its "
               "Latin text in lowercase with hyphens for spaces (## Who can apply → #who-can-apply), "
               "a heading in Chinese or Japanese gets _1, _2… in order; or give a heading its own: ## 申请 {#apply}")

    def _error(self, problem: _Problem) -> ContentError:
        return ContentError(problem.file, problem.line, problem.field, problem.found, problem.expected)


def partial_report(checker: LinkChecker, page: _Page, line_of: Callable[[], int], what: str, url: str, lang: str,
                   source_lang: str) -> Callable[[str, str], None]:
    """A reporter for one link in one language build; the same link broken in several
    languages is one problem naming them."""

    def report(found: str, expected: str) -> None:
        file = display_path(page.path, checker.root)
        line = line_of()
        key = (file, line, url)
        problem = checker.problems.get(key)
        if problem is None:
            problem = checker.problems[key] = _Problem(file, line, what, found, expected)
        if lang == source_lang:
            problem.own, problem.found, problem.expected = True, found, expected
        else:
            problem.languages.add(lang)
        if not problem.own:
            names = ", ".join(language_label(other) for other in sorted(problem.languages))
            problem.found = f"{found} (in the {names} pages, which show this {language_label(source_lang)} text)"

    return report


class _LineFinder:
    """The line of a link in the file: links come out of the conversion in the order they
    are written, so the n-th link to a URL is on the line of its n-th mention."""

    def __init__(self, page: _Page) -> None:
        self.lines = page.body.split("\n")
        self.first = page.body_line

    def line_of(self, url: str, nth: int = 0) -> int:
        mentions = mention_lines(self.lines, url)
        if not mentions:
            return self.first
        return self.first + mentions[min(nth, len(mentions) - 1)]


def mention_lines(lines: list[str], url: str) -> list[int]:
    """The indexes of `lines` that mention `url` as written (raw, %-decoded or with &amp;),
    once per mention, in order: the whole address, not a part of a longer one (../x.png
    inside ../../x.png)."""
    candidates = {url, unquote(url), url.replace("&", "&amp;")} - {""}
    patterns = [re.compile(rf"(?<![\w./%-]){re.escape(candidate)}(?![\w/%-])") for candidate in candidates]
    return sorted(number for number, text in enumerate(lines) for pattern in patterns for _ in pattern.finditer(text))


def _relative(target: str, uri: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(uri) or ".")


def _read_page(path: Path) -> _Page | None:
    try:
        text = decode(path.read_bytes())
    except (OSError, YamlProblem):
        return None  # the content check reports it
    front, body, body_line = split_front_matter(text)
    meta: dict[str, Any] = {}
    if front is not None:
        try:
            loaded = load_yaml(front, first_line=2).value
        except YamlProblem:
            loaded = None
        meta = loaded if isinstance(loaded, dict) else {}
    return _Page(path, text, body, body_line, meta, bool(_MAY_LINK.search(body)))


def generated_uris(settings: HubSettings, catalog: Catalog | None) -> set[str]:
    """The pages the hub generates in every language (hub.pages.generate and the generators of
    hub.pages.sections), from the catalog; from the files on disk when the content has problems
    (then without pages 2…N of the archive's years and topics, nor the partner cities' lists
    of news, which need every article's front matter: a link to one is reported until the
    content is mended)."""
    from ..kinds.article import (
        archive_page_count,
        archive_page_source,
        city_news_folder,
        news_page_count,
        news_page_path,
    )
    from ..pages.translations import PAGE_PATH
    from ..source.relations import relations

    kinds = settings.record_kinds
    uris = {PAGE_PATH, "news/archive/index.md"}
    uris |= {f"{kind.folder}/{page}.md" for kind in kinds for page in kind.listing_pages}
    data = settings.root / "data"
    if catalog is not None:
        records: dict[str, Iterable[str]] = {kind.folder: catalog.records.get(kind.folder, {}) for kind in kinds}
        years = {article.date.year for article in catalog.news}
        topics = {topic for article in catalog.news for topic in article.meta.topics}
        news = len(catalog.news)
        per_list = Counter([*(f"news/archive/{a.date.year}" for a in catalog.news),
                            *(f"news/topics/{topic}" for a in catalog.news for topic in a.meta.topics)])
        uris |= {archive_page_source(folder, page) for folder, count in per_list.items()
                 for page in range(2, archive_page_count(settings.archive_page_size, count) + 1)}
        per_city = {city: len(relations(catalog).city(city).news) for city in catalog.cities}
        uris |= {archive_page_source(city_news_folder(city), page) for city, count in per_city.items()
                 if count > settings.city_news
                 for page in range(1, archive_page_count(settings.archive_page_size, count) + 1)}
    else:
        records = {kind.folder: {p.stem for p in (data / kind.folder).glob("*.yml")} for kind in kinds}
        articles = list((settings.root / "docs" / settings.checked_languages[0] / "news").glob("[0-9]*/*.md"))
        years = {int(p.parent.name) for p in articles if p.parent.name.isdigit()}
        topics = _topic_ids(data / "topics.yml")
        news = len(articles)
    uris |= {f"{folder}/{record_id}.md" for folder, ids in records.items() for record_id in ids}
    uris |= {f"news/archive/{year}.md" for year in years} | {f"news/topics/{topic}.md" for topic in topics}
    uris |= {news_page_path(page).rstrip("/") + ".md" for page in range(2, news_page_count(settings, news) + 1)}
    return uris


def _topic_ids(path: Path) -> set[str]:
    try:
        value = load_yaml(decode(path.read_bytes())).value
    except (OSError, YamlProblem):
        return set()
    return set(value) if isinstance(value, dict) else set()


def check_links(
    settings: HubSettings,
    *,
    extensions: list[object],
    configs: dict[str, dict[str, object]],
    catalog: Catalog | None = None,
    renderer: Renderer | None = None,
    nav: object = None,
) -> list[ContentError]:
    """Every link and image in the editors' pages that the strict build would refuse, and
    every page of `nav` (mkdocs.yml's, as MkDocs read it) that exists in no language."""
    checker = LinkChecker(settings, extensions=extensions, configs=configs, catalog=catalog, renderer=renderer)
    return checker.run() + check_nav(checker, nav)


def check_nav(checker: LinkChecker, nav: object) -> list[ContentError]:
    config = checker.root / "mkdocs.yml"
    try:
        lines = config.read_text(encoding="utf-8").split("\n")
    except OSError:
        lines = []
    errors = []
    for path in _nav_paths(nav):
        if urlsplit(path).scheme or path.startswith("/") or not path.endswith(".md"):
            continue
        if any(checker.exists(lang, path) for lang in checker.languages):
            continue
        line = next((number for number, text in enumerate(lines, start=1)
                     if re.search(r"[:\-]\s*" + re.escape(path) + r"\s*$", text)), 0)
        errors.append(ContentError("mkdocs.yml", line, "nav", f"'{path}', a page that is in no language folder",
                                   f"add docs/{checker.default}/{path}, or fix or remove the entry"))
    return errors


def _nav_paths(nav: object) -> Iterable[str]:
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_paths(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_paths(item)
