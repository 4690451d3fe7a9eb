"""From the page to its source in one click: "Edit this page" opens GitHub's editor on the
file the page is made from, "Translate this page" opens GitHub's new-file form, filled in.

Which file a page is made from
    a hand-written page (articles, explainers, section pages): docs/<lang>/<path>.md;
    a record's page (cities, opportunities, events): its record, data/<folder>/<id>.yml,
    where every language's text is (a record page missing this language's text says
    "Translate this page" and opens the same record);
    a generated listing: its section's page (news pages and the archive:
    docs/<lang>/news/index.md; closed opportunities and past events: their section's index;
    a topic's page: data/topics.yml, where its name is; the translations report:
    docs/<lang>/about/index.md);
    a page shown in a fallback language: the translation to write, prefilled with the best
    source (hub.pages.translation_stub). URLs stay under URL_LIMIT: past it, the form gets the front
    matter and a link to the source text instead of the text.
No repository configured (settings.repository empty): no link at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..kinds import kind_in
from ..source.catalog import Catalog
from ..source.settings import HubSettings
from ..source.ui import UiStrings
from .translation_stub import translation_stub
from .translations import missing_texts

# Browsers and GitHub accept longer URLs, but proxies and some servers stop at 8 KB.
URL_LIMIT = 8000
# Listings made by the hub, and the hand-written page of their section; those of the kinds
# of record (opportunities/closed.md, events/past.md…) are their `listing_pages` (hub.kinds).
_SECTION_OF_LISTING = {
    "news/page/": "news/index.md",
    "news/archive/": "news/index.md",
    "news/cities/": "news/index.md",
    "about/translations.md": "about/index.md",
}


def edit_url(settings: HubSettings, path: str) -> str:
    return f"{settings.repository_url}/edit/{quote(settings.branch, safe='/')}/{quote(path, safe='/')}"


def source_url(settings: HubSettings, path: str) -> str:
    return f"{settings.repository_url}/blob/{quote(settings.branch, safe='/')}/{quote(path, safe='/')}"


def new_file_url(settings: HubSettings, path: str, value: str | None) -> str:
    url = f"{settings.repository_url}/new/{quote(settings.branch, safe='/')}?filename={quote(path, safe='/')}"
    return url + f"&value={quote(value, safe='')}" if value else url


def source_file(catalog: Catalog, src_uri: str, lang: str, *, generated: bool) -> str | None:
    """The repository path of the file a page in `lang` is made from (see the docstring)."""
    if not generated:
        return f"docs/{lang}/{src_uri}"
    parts = src_uri.removesuffix(".md").split("/")
    kind = kind_in(catalog.kinds, parts[0])
    if len(parts) == 2 and kind is not None and parts[1] in catalog.records.get(kind.folder, {}):
        return f"data/{parts[0]}/{parts[1]}.yml"
    if src_uri.startswith("news/topics/"):
        return "data/topics.yml"
    listings = {f"{kind.folder}/{page}.md": f"{kind.folder}/index.md" for kind in catalog.kinds
                for page in kind.listing_pages}
    for prefix, section in {**_SECTION_OF_LISTING, **listings}.items():
        if src_uri.startswith(prefix):
            in_lang = lang if lang in catalog.page_languages.get(section, ()) else catalog.default_language
            return f"docs/{in_lang}/{section}"
    return None


def page_link(
    settings: HubSettings, catalog: Catalog, ui: UiStrings, *, src_uri: str, lang: str, content_lang: str,
    generated: bool, with_text: bool = True,
) -> dict[str, Any] | None:
    """{href, text, file, translate} for the link above a page's title, or None.
    `with_text=False`: a translation's form gets the front matter and a link to the source
    text, not the text (hub.pages.fallback_copies: a summary copy)."""
    if not settings.repository:
        return None
    if content_lang != lang and not generated:
        return _translate_link(settings, ui, src_uri, lang, with_text=with_text)
    path = source_file(catalog, src_uri, lang, generated=generated)
    if path is None:
        return None
    translate = path.startswith("data/") and _record_lacks(catalog, path, lang)
    return {"href": edit_url(settings, path), "file": path, "translate": translate,
            "text": ui.t("translate_page" if translate else "edit_page", lang)}


def _translate_link(
    settings: HubSettings, ui: UiStrings, src_uri: str, lang: str, *, with_text: bool
) -> dict[str, Any] | None:
    target = f"docs/{lang}/{src_uri}"
    stub = translation_stub(settings, settings.root, src_uri, lang)
    href = new_file_url(settings, target, None)
    if stub is not None:
        text = stub.text() if with_text else None
        # Quoting writes each byte of the text as one character or three: a text of more
        # bytes than the limit cannot fit, and is not quoted only to find that out.
        whole = new_file_url(settings, target, text) if text is not None and len(text.encode()) <= URL_LIMIT else None
        if whole is not None and len(whole) <= URL_LIMIT:
            href = whole
        else:
            header = new_file_url(settings, target, stub.header_with_link(source_url(settings, stub.source_path)))
            href = header if len(header) <= URL_LIMIT else href
    return {"href": href, "file": target, "translate": True, "text": ui.t("translate_page", lang)}


def _record_lacks(catalog: Catalog, path: str, lang: str) -> bool:
    """Whether the record at data/<folder>/<id>.yml has a text without `lang`."""
    folder, name = Path(path).parent.name, Path(path).stem
    record = getattr(catalog, folder, {}).get(name)
    return record is not None and next(missing_texts(record, lang), None) is not None
