"""What a page's head and the sitemap say about its language versions (hub.site.alternates), and
which pages and which part of them the search index holds (hub.engine.search), for pages of the
repository's languages: zh (the default, without a prefix), en, fr and ja."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from hub.engine.search import is_indexed, result_meta, search_document
from hub.kinds import record_kinds
from hub.site.alternates import SitemapCollector, page_versions, strip_lang_prefix
from sitebuild import ROOT, TEST_SITE_URL
from syndicated import project_settings

SITE = TEST_SITE_URL
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def settings():
    return project_settings(ROOT)


def test_a_page_announces_every_language_it_is_written_in_and_the_default(settings) -> None:
    versions = page_versions(settings, lang="en", content_lang="en", url_path="news/2025/x/",
                             languages_with_text={"ja", "en", "zh"})
    assert versions.canonical == SITE + "en/news/2025/x/"
    assert versions.alternates == (
        ("zh", SITE + "news/2025/x/"),
        ("en", SITE + "en/news/2025/x/"),
        ("ja", SITE + "ja/news/2025/x/"),
        ("x-default", SITE + "news/2025/x/"),
    )
    assert not versions.is_fallback
    assert (versions.lang, versions.content_lang, versions.url_path) == ("en", "en", "news/2025/x/")


def test_without_chinese_text_the_default_version_is_the_first_language_written(settings) -> None:
    versions = page_versions(settings, lang="fr", content_lang="fr", url_path="news/2025/y/",
                             languages_with_text={"fr", "en"})
    assert versions.alternates[-1] == ("x-default", SITE + "en/news/2025/y/")
    assert [code for code, _ in versions.alternates] == ["en", "fr", "x-default"]


def test_a_fallback_page_points_to_its_original_and_announces_no_translation(settings) -> None:
    versions = page_versions(settings, lang="ja", content_lang="en", url_path="news/2025/x/",
                             languages_with_text={"en"})
    assert versions.is_fallback
    assert (versions.lang, versions.content_lang, versions.url_path) == ("ja", "en", "news/2025/x/")
    assert versions.canonical == SITE + "en/news/2025/x/"
    assert versions.alternates == ()


@pytest.mark.parametrize(("lang", "page_url", "expected"), [
    ("en", "en/news/x/", "news/x/"),
    ("zh", "news/x/", "news/x/"),
    ("zh", "en/news/x/", "en/news/x/"),
    ("en", "./", ""),
    ("zh", ".", ""),
    ("fr", "french/", "french/"),
])
def test_page_paths_inside_a_language_root(settings, lang: str, page_url: str, expected: str) -> None:
    assert strip_lang_prefix(settings, lang, page_url) == expected


def test_the_sitemap_lists_pages_once_with_their_versions_and_leaves_fallbacks_out(settings) -> None:
    sitemap = SitemapCollector()
    for lang in ("zh", "en"):
        sitemap.add(page_versions(settings, lang=lang, content_lang=lang, url_path="cities/a&b/",
                                  languages_with_text={"zh", "en"}))
    sitemap.add(page_versions(settings, lang="fr", content_lang="en", url_path="cities/a&b/",
                              languages_with_text={"zh", "en"}))
    text = sitemap.xml()
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n') and text.endswith("</urlset>\n")
    root = ET.fromstring(text)
    urls = root.findall(f"{SITEMAP}url")
    assert [url.findtext(f"{SITEMAP}loc") for url in urls] == [SITE + "cities/a&b/", SITE + "en/cities/a&b/"]
    for url in urls:
        links = [(link.get("rel"), link.get("hreflang"), link.get("href")) for link in url.findall(f"{XHTML}link")]
        assert links == [("alternate", "zh", SITE + "cities/a&b/"), ("alternate", "en", SITE + "en/cities/a&b/"),
                         ("alternate", "x-default", SITE + "cities/a&b/")]
    # Nothing but the elements between them: crawlers read the file as it is written.
    stray = [element.tag for element in root.iter() if (element.tail or "").strip()
             or (element.tag != f"{SITEMAP}loc" and (element.text or "").strip())]
    assert stray == []


def test_a_sitemap_part_stays_within_the_protocols_bytes_as_well_as_its_addresses(settings) -> None:
    """50 MiB uncompressed per file: long addresses with their alternates start a new part
    before the count does."""
    sitemap = SitemapCollector()
    for number in range(10):
        sitemap.add(page_versions(settings, lang="zh", content_lang="zh", url_path=f"news/{number:02}-{'x' * 200}/",
                                  languages_with_text={"zh", "en"}))
    whole = sitemap.files(SITE)["sitemap.xml"]
    assert whole == sitemap.xml()
    limit = len(whole.encode("utf-8")) // 3
    files = sitemap.files(SITE, max_bytes=limit)
    assert ET.fromstring(files.pop("sitemap.xml")).tag == f"{SITEMAP}sitemapindex"
    assert len(files) >= 3 and all(len(text.encode("utf-8")) <= limit for text in files.values())
    listed = [loc.text for text in files.values() for loc in ET.fromstring(text).iter(f"{SITEMAP}loc")]
    assert listed == [loc.text for loc in ET.fromstring(whole).iter(f"{SITEMAP}loc")]


@pytest.mark.parametrize(("url_path", "is_fallback", "indexed"), [
    ("news/2025/x/", False, True),
    ("news/", False, True),
    ("", False, True),
    ("news/2025/x/", True, False),
    ("news/page/2/", False, False),
    ("news/archive/2025/", False, False),
    ("news/topics/trade/", False, False),
    ("opportunities/closed/", False, False),
    ("events/past/", False, False),
    ("feeds/", False, False),
    ("about/translations/", False, False),
    ("about/contribute/", False, False),
    ("about/", False, True),
])
def test_which_pages_a_search_finds(url_path: str, is_fallback: bool, indexed: bool) -> None:
    assert is_indexed(url_path, is_fallback=is_fallback) is indexed


@pytest.mark.parametrize(("kind", "facts", "expected"), [
    ("news", {"published": "2025-04-16T00:00:00+08:00"}, ("news", "2025-04-16")),
    ("policy", {"published": "2025-03-01"}, ("policy", "2025-03-01")),
    ("opportunity", {"valid_from": "2025-01-02", "published": "2024-12-01"}, ("opportunity", "2025-01-02")),
    ("event", {"start": "2025-04-21T10:00:00+09:00"}, ("event", "2025-04-21")),
    ("city", {"published": "2025-01-01"}, ("city", "")),
    ("news", {}, ("news", "")),
    ("section", {"published": "2025-01-01"}, ("page", "")),
])
def test_what_a_search_result_shows_under_its_title(kind: str, facts: dict, expected: tuple[str, str]) -> None:
    assert result_meta(kind, facts) == expected


PAGE = ('<!doctype html><html lang="fr" class="no-js"><head><meta charset="utf-8"><title>Titre | Hub</title>'
        '<script>nav()</script></head><body><header>Menu</header><main><div data-pagefind-body>'
        '<article><h1>Titre</h1><p>Texte</p></article></div></main><footer>Pied</footer></body></html>')


def test_search_reads_the_language_title_and_marked_body_of_a_page() -> None:
    assert search_document(PAGE) == (
        '<!doctype html><html lang="fr" class="no-js"><head><title>Titre | Hub</title></head>'
        "<body><div data-pagefind-body><article><h1>Titre</h1><p>Texte</p></body></html>"
    )


def test_a_page_without_a_title_keeps_its_language_and_body() -> None:
    page = PAGE.replace("<title>Titre | Hub</title>", "")
    assert search_document(page) == (
        '<!doctype html><html lang="fr" class="no-js"><body><div data-pagefind-body><article><h1>Titre</h1>'
        "<p>Texte</p></body></html>"
    )


@pytest.mark.parametrize("page", [
    PAGE.replace("<div data-pagefind-body>", "<div>"),  # a page left out of the index
    PAGE.replace("</article>", ""),
    PAGE.replace('<html lang="fr" class="no-js">', ""),
])
def test_a_page_without_its_marks_goes_to_pagefind_whole(page: str) -> None:
    assert search_document(page) == page


def test_an_article_inside_the_content_does_not_cut_what_search_reads() -> None:
    """Content may hold its own <article> (hub.safety.sanitize allows it): the page's text after it
    is still searched."""
    page = PAGE.replace("<p>Texte</p>", "<article><p>Encadré</p></article><p>Suite</p>")
    document = search_document(page)
    assert "Encadré" in document and "Suite" in document and "Pied" not in document


def test_a_page_that_starts_with_its_html_tag_is_read_the_same_way() -> None:
    page = PAGE.removeprefix("<!doctype html>")
    assert search_document(page) == search_document(PAGE)


def test_a_sitemap_splits_at_its_address_limit_into_numbered_parts_an_index_lists(settings) -> None:
    """Exactly `max_urls` addresses still fit in one file; one more starts a part. The index
    names each part by its absolute address, escaped, in the order the parts were written,
    and a part filled to exactly the byte limit is not split."""
    sitemap = SitemapCollector()
    for number in range(5):
        sitemap.add(page_versions(settings, lang="zh", content_lang="zh", url_path=f"news/{number}/",
                                  languages_with_text={"zh"}))
    assert list(sitemap.files(SITE, max_urls=5)) == ["sitemap.xml"]
    files = sitemap.files("https://example.org/a&b/", max_urls=2)
    index = ET.fromstring(files.pop("sitemap.xml"))
    assert index.tag == f"{SITEMAP}sitemapindex"
    assert [loc.text for loc in index.iter(f"{SITEMAP}loc")] == [
        f"https://example.org/a&b/sitemap-{number}.xml" for number in (1, 2, 3)]
    assert list(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]
    counts = [len(ET.fromstring(text).findall(f"{SITEMAP}url")) for text in files.values()]
    assert counts == [2, 2, 1]
    whole = sitemap.xml()
    assert sitemap.files(SITE, max_bytes=len(whole.encode("utf-8"))) == {"sitemap.xml": whole}
    assert len(sitemap.files(SITE, max_bytes=len(whole.encode("utf-8")) - 1)) > 1


def test_every_sitemap_part_is_within_the_byte_limit_and_holds_only_its_url_elements(settings) -> None:
    """Each part counts its own frame (`<urlset>` and `</urlset>`) from the start, so that the
    second and later parts stay within the limit as the first does; a part carries nothing
    between its elements that a crawler would read as text."""
    sitemap = SitemapCollector()
    for number in range(6):
        sitemap.add(page_versions(settings, lang="zh", content_lang="zh", url_path=f"news/{number}/",
                                  languages_with_text={"zh"}))
    whole = sitemap.xml()
    elements = ET.fromstring(whole).findall(f"{SITEMAP}url")
    two = sitemap.files(SITE, max_urls=2)["sitemap-1.xml"]  # a part of two elements, as written
    element = (len(whole.encode("utf-8")) - len(two.encode("utf-8"))) // (len(elements) - 2)
    limit = len(two.encode("utf-8")) + element - 10  # room for two elements, not for three
    files = sitemap.files(SITE, max_bytes=limit)
    files.pop("sitemap.xml")
    assert [len(ET.fromstring(text).findall(f"{SITEMAP}url")) for text in files.values()] == [2, 2, 2]
    assert all(len(text.encode("utf-8")) <= limit for text in files.values())
    for text in files.values():
        root = ET.fromstring(text)
        assert [element.tail.strip() for element in root.iter(f"{SITEMAP}url")] == [""] * 2
        assert (root.text or "").strip() == ""


def test_the_listing_pages_of_a_sites_own_kind_stay_out_of_search_results() -> None:
    """A kind a site adds (README, "Add a kind of record") names its listing pages; those are
    left out of the index like the package's own (`events/past/`), and its records are not."""
    visits = replace(record_kinds()[0], name="visit", folder="visits", listing_pages=("archive",))
    kinds = (*record_kinds(), visits)
    assert is_indexed("visits/archive/", is_fallback=False, kinds=kinds) is False
    assert is_indexed("visits/archive/", is_fallback=False) is True  # the package alone does not know it
    assert is_indexed("visits/mayor-of-manchester/", is_fallback=False, kinds=kinds) is True
    assert is_indexed("events/past/", is_fallback=False, kinds=kinds) is False
