"""Safe renames: the earlier addresses of an article (`aliases:` in its original's front
matter) or of a record (`aliases:` in its YAML), relative to the language root, e.g.
news/2025/old-slug/ or events/old-id/.

- The build writes a small redirect page at each earlier address, in every language built
  (every page exists in every language, in its own text or a fallback): a meta refresh and
  a link to the page (relative, so a preview served anywhere follows it), a canonical link
  to its absolute address, and `noindex`. They are not pages to MkDocs: no sitemap, no
  search, no feed.
- The feed entry id stays what it was (hub.channels.feeds.entry_id), and so does an event's or a
  deadline's calendar UID (hub.channels.calendars): it is made from an article's `id:` when its
  front matter gives one, else from the last part of the *first* alias (the address the
  page was first published at; list it first), else from the file name.
- An alias that is the address of a page, of a record page, of a generated listing, or of
  another alias is refused with its file and line: the redirect would hide a real page or
  send readers two ways.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the catalog checks aliases while it is loaded
    from .catalog import Article, Catalog

# Folders of pages the hub generates (hub.pages.generate): an alias there would take their place.
GENERATED_ADDRESSES = ("news/page/", "news/archive/", "news/topics/", "news/cities/", "about/translations/")


@dataclass(frozen=True)
class AliasEntry:
    alias: str
    target: str  # the page's own address, e.g. news/2025/new-slug/
    path: Path  # the file that declares it
    line: int


def feed_key(article: Article) -> str:
    """The part of an article's feed entry id that names it (see the module's docstring)."""
    if article.meta.id:
        return article.meta.id
    if article.meta.aliases:
        return article.meta.aliases[0].rstrip("/").rsplit("/", 1)[-1]
    return article.slug


def record_key(record_id: str, record: Any) -> str:
    """The part of a record's feed entry id and calendar UID that names it."""
    aliases = getattr(record, "aliases", None)
    return aliases[0].rstrip("/").rsplit("/", 1)[-1] if aliases else record_id


@dataclass(frozen=True)
class Redirect:
    alias: str
    target: str  # address of the page, inside a language root
    titles: Callable[[str], tuple[str, str]]  # lang -> (title shown, language of the page's text)


def redirects(catalog: Catalog, fallbacks: Callable[[str], tuple[str, ...]]) -> Iterator[Redirect]:
    """Every earlier address of every article and record."""
    for article in catalog.articles():
        def article_title(lang: str, article: Article = article) -> tuple[str, str]:
            text = article.text(lang, fallbacks(lang))
            return text.title, text.lang  # a fallback copy's canonical is the original's

        for alias in article.meta.aliases:
            yield Redirect(alias, article.url_path, article_title)
    for kind, records in catalog.record_folders():
        for record_id, record in records.items():
            def record_title(lang: str, record: Any = record) -> tuple[str, str]:
                text = record.name if hasattr(record, "name") else record.title
                return text.pick(lang, fallbacks(lang))[0], lang  # record pages exist in every language

            for alias in getattr(record, "aliases", ()):
                yield Redirect(alias, f"{kind.folder}/{record_id}/", record_title)


def all_aliases(catalog: Catalog) -> set[str]:
    return {redirect.alias for redirect in redirects(catalog, lambda lang: ())}


def page_address(src_uri: str) -> str:
    """news/2025/x.md -> news/2025/x/; about/index.md -> about/; index.md -> ''."""
    path = src_uri.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


def taken_addresses(catalog: Catalog) -> set[str]:
    """The address of every page the content makes, in any language."""
    taken = {page_address(uri) for uri in catalog.page_languages}
    for kind, records in catalog.record_folders():
        taken |= {f"{kind.folder}/{record_id}/" for record_id in records}
    return taken


def check_aliases(
    entries: Iterable[AliasEntry], taken: set[str], report: Callable[[Path, int, str, str, str], None]
) -> None:
    """Report every alias that would hide a page or another alias."""
    seen: dict[str, AliasEntry] = {}
    for entry in entries:
        alias = entry.alias
        if alias == entry.target:
            report(entry.path, entry.line, "aliases", f"'{alias}', the page's own address",
                   "list only addresses the page had before it was renamed")
        elif alias in taken:
            report(entry.path, entry.line, "aliases", f"'{alias}', the address of another page",
                   "remove it: a redirect there would hide that page")
        elif alias.startswith(GENERATED_ADDRESSES) or alias.split("/", 1)[0] in ("assets", "feeds", "calendars",
                                                                                  "pagefind", "search"):
            report(entry.path, entry.line, "aliases", f"'{alias}', an address the site makes itself",
                   "remove it; only a page's own earlier addresses can be aliases")
        elif alias in seen:
            other = seen[alias]
            report(entry.path, entry.line, "aliases", f"'{alias}', also an alias of {other.target} "
                   f"({other.path.name}:{other.line})", "keep it on one page only")
        else:
            seen[alias] = entry


def redirect_html(*, lang: str, title: str, alias: str, target: str, target_url: str) -> str:
    """A small valid HTML page at `alias` (inside one language root) that sends readers
    and search engines to `target` (in the same root), whose absolute URL is `target_url`."""
    relative = posixpath.relpath(target or ".", alias.rstrip("/") or ".")
    href = escape(relative.rstrip("/") + "/" if relative != "." else "./")
    url = escape(target_url)
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n"
        f'<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{url}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'</head>\n<body>\n<p><a href="{href}">{escape(title)}</a></p>\n</body>\n</html>\n'
    )
