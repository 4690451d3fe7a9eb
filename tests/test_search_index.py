"""The search index Pagefind writes into the built site: one index per language, only the
main content of pages written in that language, Chinese split into words."""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import BuiltSite

LANGS = ("zh", "en", "fr", "ja")
PREFIX = {"zh": "", "en": "en/", "fr": "fr/", "ja": "ja/"}
LISTINGS = ("news/page/", "news/archive/", "news/topics/", "opportunities/closed/", "events/past/")
# Words of the page frame (Material's skip link and language button, the search box).
FRAME_WORDS = {
    "zh": ("跳转至", "选择当前语言"),
    "en": ("Skip to content", "Select language"),
    "fr": ("Aller au contenu", "Sélectionner la langue"),
    "ja": ("コンテンツにスキップ", "言語切り替え"),
}


@cache
def fragments(site_dir: Path) -> dict[str, tuple[str, dict]]:
    """Indexed pages: URL -> (language of the index, Pagefind's record of the page).

    Pagefind stores one gzipped record per page, named after the language's index."""
    found: dict[str, tuple[str, dict]] = {}
    for path in (site_dir / "pagefind" / "fragment").iterdir():
        raw = gzip.decompress(path.read_bytes())
        record = json.loads(raw[raw.index(b"{") :])
        assert record["url"] not in found, record["url"]
        found[record["url"]] = (path.name.split("_", 1)[0], record)
    return found


def page_lang(url: str) -> str:
    """Language of a page from its URL as Pagefind records it (/hub/ is not included)."""
    first = url.strip("/").split("/", 1)[0]
    return first if first in PREFIX and first != "zh" else "zh"


def test_one_index_per_language(site: BuiltSite) -> None:
    entry = json.loads(site.text("pagefind/pagefind-entry.json"))
    assert set(entry["languages"]) == set(LANGS)
    for lang, info in entry["languages"].items():
        assert info["page_count"] > 0, lang
        assert info["hash"].startswith(f"{lang}_")
        assert site.path(f"pagefind/pagefind.{info['hash']}.pf_meta").is_file()
    assert site.path("pagefind/pagefind.js").is_file()


def test_every_file_of_the_bundle_is_whole(site: BuiltSite) -> None:
    """Each compressed chunk unpacks to its end (a file cut short by a write that had not
    finished would not) and the scripts the readers load are there in full."""
    bundle = site.path("pagefind")
    chunks = [path for path in bundle.rglob("*") if path.suffix in {".pf_meta", ".pf_index", ".pf_fragment"}]
    assert len(chunks) > 3 * len(LANGS)
    for path in chunks:
        assert gzip.decompress(path.read_bytes()).startswith(b"pagefind_dcd"), path
    for lang in ("en", "fr", "unknown"):  # Pagefind ships no stemmer for zh or ja
        wasm = gzip.decompress(site.path(f"pagefind/wasm.{lang}.pagefind").read_bytes())
        assert wasm.startswith(b"pagefind_dcd\0asm"), lang
    assert site.text("pagefind/pagefind.js").rstrip().endswith("search};")  # its last line: the exports
    assert site.text("pagefind/pagefind-worker.js").rstrip().endswith("})();")


def test_every_page_is_in_the_index_of_its_own_language(site: BuiltSite) -> None:
    indexed = fragments(site.dir)
    assert indexed
    for url, (lang, _record) in indexed.items():
        assert page_lang(url) == lang, url


def test_articles_of_every_language_are_indexed(site: BuiltSite) -> None:
    indexed = fragments(site.dir)
    for lang in LANGS:
        assert f"/{PREFIX[lang]}news/2025/sister-cities-conference-2025/" in indexed, lang
        assert f"/{PREFIX[lang]}" in indexed, lang


def test_fallback_pages_and_listings_are_not_indexed(site: BuiltSite) -> None:
    indexed = fragments(site.dir)
    fallbacks = []
    for path in site.html_files():
        url = "/" + path.relative_to(site.dir).as_posix().removesuffix("index.html")
        text = path.read_text(encoding="utf-8")
        marked = "data-pagefind-body" in text
        if 'class="admonition hub-fallback"' in text:
            fallbacks.append(url)
            assert not marked and url not in indexed, url
        inner = url.removeprefix("/").split("/", 1)
        inner_path = inner[1] if inner[0] in ("en", "fr", "ja") and len(inner) > 1 else url.removeprefix("/")
        if inner_path.startswith(LISTINGS):
            assert not marked and url not in indexed, url
    # The content has fallbacks (fr and ja lack translations): the check above ran.
    assert any(url.startswith("/fr/") for url in fallbacks)
    assert any(url.startswith("/ja/") for url in fallbacks)


def test_only_the_main_content_is_indexed(site: BuiltSite) -> None:
    indexed = fragments(site.dir)
    for url, (lang, record) in indexed.items():
        for words in FRAME_WORDS[lang]:
            assert words not in record["content"], (url, words)
    # The title Pagefind shows is the page's h1, not the <title> with the site name.
    lang, home = indexed["/en/news/2025/sister-cities-conference-2025/"]
    assert "Chengdu Global Hub" not in home["meta"]["title"]
    assert home["content"].startswith(home["meta"]["title"])


def squeeze(text: str) -> str:
    """Text as compared: no zero-width word marks (Pagefind's, in CJK), white space folded."""
    return " ".join(text.replace("\u200b", "").split())


def test_listing_cards_stay_out_of_the_index_of_the_pages_that_show_them(site: BuiltSite) -> None:
    """Section pages and the home page are indexed for their own words, not for the titles
    and summaries of every page they list: a search would find the list instead of the page."""
    indexed = fragments(site.dir)
    checked = 0
    for path in site.html_files():
        url = "/" + path.relative_to(site.dir).as_posix().removesuffix("index.html")
        if url not in indexed:
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        cards = soup.select(".hub-cards")
        if not cards:
            continue
        card_texts = [squeeze(tag.get_text(" ")) for card in cards for tag in card.select("a, p")]
        for card in cards:
            card.decompose()
        own_words = squeeze(soup.select_one("[data-pagefind-body]").get_text(" "))
        content = squeeze(indexed[url][1]["content"])
        for text in card_texts:
            if len(text) > 12 and text not in own_words:
                assert text not in content, (url, text)
                checked += 1
    assert checked > 50


def test_not_found_pages_are_not_indexed(site: BuiltSite) -> None:
    """The 404 pages are written after the index is made, so they cannot reach it that way;
    they must not carry the body mark either, which any indexer of the built site follows
    (Pagefind leaves out the pages without it once some page has it)."""
    indexed = fragments(site.dir)
    for lang in LANGS:
        page = site.text(f"{PREFIX[lang]}404.html")
        assert "<h1" in page and "data-pagefind-body" not in page, lang
        assert f"/{PREFIX[lang]}404.html" not in indexed and f"/{PREFIX[lang]}404" not in indexed, lang
    assert any("data-pagefind-body" in path.read_text(encoding="utf-8") for path in site.html_files())


def test_chinese_and_japanese_are_split_into_words(site: BuiltSite) -> None:
    """The extended Pagefind binary segments CJK text; Pagefind marks word boundaries in
    the stored text with zero-width spaces."""
    indexed = fragments(site.dir)
    for url in ("/news/2025/sister-cities-conference-2025/", "/ja/news/2025/japan-roadshows-2025/"):
        _lang, record = indexed[url]
        assert record["content"].count("\u200b") > 20, url


@pytest.mark.parametrize("lang", LANGS)
def test_indexed_pages_mark_one_body(site: BuiltSite, lang: str) -> None:
    soup = site.soup(PREFIX[lang] + "news/2025/sister-cities-conference-2025/")
    bodies = soup.select("[data-pagefind-body]")
    assert len(bodies) == 1
    assert bodies[0].find("h1") is not None
    assert not bodies[0].find_parents(["header", "nav", "footer"])


def test_pagefind_is_given_the_marked_body_lang_and_title_only(site: BuiltSite) -> None:
    """The build hands Pagefind a cut of each page (hub.engine.search.search_document): it must
    hold every word of the marked body, and the page's language and title."""
    from hub.engine.search import search_document

    html = site.text("en/news/")
    document = search_document(html)
    assert len(document) < len(html) / 2
    soup = site.soup("en/news/")
    cut = BeautifulSoup(document, "html.parser")
    assert cut.html["lang"] == "en"
    assert cut.title.get_text() == soup.title.get_text()
    body = soup.select_one("[data-pagefind-body]")
    assert cut.select_one("[data-pagefind-body]").get_text() == body.get_text()
    assert "md-header" not in document and "md-footer" not in document
