"""The four-language site as a reader and a search engine see it: languages, titles, the
language switcher, hreflang, canonical links, fallback notices, the sitemap and 404 pages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT, TEST_SITE_URL, BuiltSite

LANGS = ("zh", "en", "fr", "ja")
PREFIX = {"zh": "", "en": "en/", "fr": "fr/", "ja": "ja/"}
HTML_LANG = {"zh": "zh", "en": "en", "fr": "fr", "ja": "ja"}

# One page of each hand-written or generated type (path inside a language root).
PAGE_TYPES = {
    "home": "",
    "news listing": "news/",
    "news archive": "news/archive/",
    "archive year": "news/archive/2025/",
    "topic": "news/topics/sister-cities/",
    "article": "news/2025/sister-cities-conference-2025/",
    "explainer": "policies/foreign-rd-centres-2025/",
    "policies": "policies/",
    "about": "about/",
    "contribute": "about/contribute/",
}

NOTICE = {
    "zh": "本页尚无中文版本",
    "en": "has not been translated into English",
    "fr": "pas encore traduite en français",
    "ja": "まだ日本語に翻訳されていません",
}


def source_languages(src_uri: str) -> set[str]:
    """Languages with a hand-written file for `src_uri` (e.g. news/2025/x.md)."""
    return {lang for lang in LANGS if (ROOT / "docs" / lang / src_uri).is_file()}


def url_path_to_src(url_path: str) -> str:
    return "index.md" if url_path == "" else url_path.rstrip("/") + ".md"


def hand_written_src(url_path: str) -> str | None:
    for candidate in (url_path_to_src(url_path), url_path + "index.md"):
        if source_languages(candidate):
            return candidate
    return None


def page_url(lang: str, url_path: str) -> str:
    return TEST_SITE_URL + PREFIX[lang] + url_path


def alternates(site: BuiltSite, path: str) -> dict[str, str]:
    soup = site.soup(path)
    return {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate") if link.get("hreflang")}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_has_its_language_title_and_switcher(site: BuiltSite, lang: str, page_type: str) -> None:
    url_path = PAGE_TYPES[page_type]
    soup = site.soup(PREFIX[lang] + url_path)
    assert soup.html["lang"] == HTML_LANG[lang]
    title = soup.title.get_text(strip=True)
    assert title and "None" not in title
    # Material's language switcher: one link per language, each to this page in that language.
    links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
    assert set(links) == set(LANGS)
    here = page_url(lang, url_path)
    for other, href in links.items():
        target = urljoin(here, href)
        assert urlsplit(target).path == urlsplit(page_url(other, url_path)).path, (other, href)
        assert site.path(urlsplit(target).path.removeprefix("/hub/")).is_file()


def test_chrome_is_in_the_page_language(site: BuiltSite) -> None:
    tabs = {lang: [a.get_text(strip=True) for a in site.soup(PREFIX[lang]).select(".md-tabs__link")] for lang in LANGS}
    assert "新闻" in tabs["zh"]
    assert "News" in tabs["en"]
    assert "Actualités" in tabs["fr"]
    assert "ニュース" in tabs["ja"]
    assert site.soup("fr/").select_one(".md-header__topic").get_text(strip=True)  # site name shown
    assert "Chengdu Global Hub" in site.soup("en/").title.get_text()


def test_translated_page_announces_only_real_translations(site: BuiltSite) -> None:
    url_path = "news/2025/chengdu-penang-direct-flight/"
    have = source_languages("news/2025/chengdu-penang-direct-flight.md")
    assert have == {"zh", "en"}, "fixture assumption: this article exists in zh and en only"
    for lang in have:
        links = alternates(site, PREFIX[lang] + url_path)
        assert set(links) == {"zh", "en", "x-default"}
        assert links["x-default"] == page_url("zh", url_path)
        assert all(href.startswith(TEST_SITE_URL) for href in links.values())
        canonical = site.soup(PREFIX[lang] + url_path).find("link", rel="canonical")["href"]
        assert canonical == page_url(lang, url_path)


def test_fully_translated_article_lists_all_languages(site: BuiltSite) -> None:
    url_path = "news/2025/sister-cities-conference-2025/"
    assert source_languages("news/2025/sister-cities-conference-2025.md") == set(LANGS)
    for lang in LANGS:
        links = alternates(site, PREFIX[lang] + url_path)
        assert links == {**{other: page_url(other, url_path) for other in LANGS}, "x-default": page_url("zh", url_path)}


@pytest.mark.parametrize("lang", ["fr", "ja"])
def test_fallback_page_has_notice_canonical_to_original_and_no_hreflang(site: BuiltSite, lang: str) -> None:
    url_path = "news/2025/chengdu-penang-direct-flight/"
    soup = site.soup(PREFIX[lang] + url_path)
    assert soup.html["lang"] == lang  # the chrome is the reader's
    notice = soup.select_one(".hub-fallback")
    assert notice is not None and NOTICE[lang] in notice.get_text()
    # The text shown is the English original (fr and ja fall back to English first)...
    assert soup.select_one('div[lang="en"]') is not None
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == page_url("en", url_path)
    assert notice.find("a")["href"] == canonical
    # ...and the page is not announced as a translation, here or on the real versions.
    assert alternates(site, PREFIX[lang] + url_path) == {}
    assert lang not in alternates(site, "en/" + url_path)


def test_fallback_notice_exactly_on_fallback_pages(site: BuiltSite) -> None:
    checked = 0
    for lang in LANGS:
        root = site.dir / PREFIX[lang] if PREFIX[lang] else site.dir
        for html in sorted(root.rglob("index.html")):
            rel = html.relative_to(root).as_posix()
            if lang == "zh" and rel.split("/")[0] in ("en", "fr", "ja"):
                continue
            url_path = rel.removesuffix("index.html")
            src = hand_written_src(url_path)
            text = html.read_text(encoding="utf-8")
            has_notice = 'class="admonition hub-fallback"' in text
            expected = src is not None and lang not in source_languages(src)
            assert has_notice == expected, f"{lang} {url_path}"
            checked += 1
    assert checked > 100


def test_sitemap_carries_the_same_alternates_as_the_pages(site: BuiltSite) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(site.dir / "sitemap.xml")
    urls = tree.getroot().findall("s:url", ns)
    assert len(urls) > 50
    locs = set()
    for url in urls:
        loc = url.find("s:loc", ns).text
        locs.add(loc)
        assert loc.startswith(TEST_SITE_URL)
        in_sitemap = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        on_page = alternates(site, loc.removeprefix(TEST_SITE_URL))
        assert in_sitemap == on_page, loc
    # Fallback copies are not in the sitemap: their canonical is the original.
    assert page_url("fr", "news/2025/chengdu-penang-direct-flight/") not in locs
    assert page_url("en", "news/2025/chengdu-penang-direct-flight/") in locs


def test_sitemap_lists_exactly_the_pages_published_in_their_own_language(site: BuiltSite) -> None:
    """Told from the files, not from the page heads the sitemap is made with: a page is its
    own original where the built project's docs/<lang>/ has its source (hand-written, or
    generated from data);
    a copy shown in a fallback language, a 404 page or a redirect is not listed."""
    expected = set()
    for path in site.html_files():
        relative = path.relative_to(site.dir).as_posix()
        if not relative.endswith("index.html") or relative.startswith("pagefind/"):
            continue
        first, _, rest = relative.partition("/")
        lang, inner = (first, rest) if first in PREFIX and first != "zh" else ("zh", relative)
        url_path = inner.removesuffix("index.html")
        sources = (url_path_to_src(url_path), url_path + "index.md")
        if any((site.project / "docs" / lang / src).is_file() for src in sources):
            expected.add(page_url(lang, url_path))
    root = ET.parse(site.dir / "sitemap.xml").getroot()
    listed = {loc.text.strip() for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert sorted(listed - expected) == [], "listed but not published as an original"
    assert sorted(expected - listed) == [], "published but not listed"
    # Hand-written French and Japanese pages are there, generated ones too.
    assert {page_url("fr", ""), page_url("ja", "news/2025/japan-roadshows-2025/"),
            page_url("fr", "cities/montpellier/")} <= listed


@pytest.mark.parametrize("lang", LANGS)
def test_news_listing_newest_first_with_dates_in_the_language(site: BuiltSite, lang: str) -> None:
    soup = site.soup(PREFIX[lang] + "news/")
    cards = soup.select("li.hub-card")
    assert cards, "the news listing is empty"
    dates = [card.find("time")["datetime"] for card in cards]
    assert dates == sorted(dates, reverse=True)
    shown = cards[0].find("time").get_text()
    pattern = {"zh": r"^\d{4}年\d{1,2}月\d{1,2}日$", "ja": r"^\d{4}年\d{1,2}月\d{1,2}日$",
               "en": r"^[A-Z][a-z]+ \d{1,2}, \d{4}$", "fr": r"^\d{1,2} [a-zéû]+\.? \d{4}$"}[lang]
    assert re.match(pattern, shown), shown
    # Only articles are listed: every card links to a news article of this language.
    for card in cards:
        href = card.select_one(".hub-card__title a")["href"]
        assert re.fullmatch(rf"/hub/{PREFIX[lang]}news/\d{{4}}/[a-z0-9-]+/", href), href


def test_articles_are_not_in_the_nav(site: BuiltSite) -> None:
    for lang in LANGS:
        nav = site.soup(PREFIX[lang] + "news/").select_one("nav.md-nav--primary")
        hrefs = [a.get("href", "") for a in nav.find_all("a")]
        assert not [h for h in hrefs if re.search(r"news/\d{4}/", h)]


def test_archive_by_year_lists_that_years_articles(site: BuiltSite) -> None:
    soup = site.soup("en/news/archive/")
    years = [a.get_text() for a in soup.select(".hub-years a")]
    assert "2025" in years
    listed = site.soup("en/news/archive/2025/").select("li.hub-card time")
    assert listed and all(t["datetime"].startswith("2025-") for t in listed)


@pytest.mark.parametrize("lang", LANGS)
def test_404_page_per_language(site: BuiltSite, lang: str) -> None:
    path = PREFIX[lang] + "404.html"
    soup = site.soup(path)
    assert soup.html["lang"] == lang
    heading = soup.find("h1").get_text()
    assert heading == {"zh": "页面未找到", "en": "Page not found", "fr": "Page introuvable",
                       "ja": "ページが見つかりません"}[lang]
    home = soup.select_one("article a, .md-content a")
    assert home is not None


EXTERNAL_ATTR = re.compile(r"""\s(?:src|href|srcset|poster|data)\s*=\s*["']?\s*((?:https?:)?//[^"'\s>]+)""", re.I)
CSS_URL = re.compile(r"""url\(\s*["']?((?:https?:)?//[^)"']+)|@import\s+["']((?:https?:)?//[^"']+)""", re.I)
KNOWN_THIRD_PARTY = re.compile(
    r"fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|cdnjs\.cloudflare|googletagmanager|polyfill\.io"
)


def _is_external_asset(url: str) -> bool:
    host = urlsplit(url if not url.startswith("//") else "https:" + url).hostname
    return host not in ("example.org",)


def test_no_asset_from_another_host(site: BuiltSite) -> None:
    """Pages may link to other sites, but nothing a browser loads may come from one."""
    problems = []
    for path in site.dir.rglob("*"):
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*>", text, re.I):
                if re.search(r"rel=[\"']?(?:alternate|canonical)", tag):
                    continue  # announcements of other pages, not loaded
                for url in EXTERNAL_ATTR.findall(tag):
                    if _is_external_asset(url):
                        problems.append(f"{path.relative_to(site.dir)}: {tag[:120]}")
        elif path.suffix == ".css":
            for match in CSS_URL.findall(path.read_text(encoding="utf-8", errors="replace")):
                url = match[0] or match[1]
                if _is_external_asset(url):
                    problems.append(f"{path.relative_to(site.dir)}: {url}")
        elif path.suffix == ".js" and KNOWN_THIRD_PARTY.search(path.read_text(encoding="utf-8", errors="replace")):
            problems.append(f"{path.relative_to(site.dir)}: names a third-party asset host")
    assert problems == []


def test_fonts_are_system_fonts_with_cjk_fallbacks(site: BuiltSite) -> None:
    css = (site.dir / "assets" / "hub.css").read_text(encoding="utf-8")
    for family in ("Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Hiragino", "Noto Sans CJK JP"):
        assert family in css
    assert "fonts.googleapis" not in site.text("index.html")


def test_strict_build_has_no_warnings(site: BuiltSite) -> None:
    assert "WARNING" not in site.result.output, site.result.output


def test_links_inside_pages_use_the_sub_path(site: BuiltSite) -> None:
    soup = site.soup("en/news/")
    hrefs = [a["href"] for a in soup.select(".hub-card__title a")]
    assert hrefs and all(h.startswith("/hub/en/") for h in hrefs)


def test_generated_pages_are_listed_to_the_i18n_plugin(site: BuiltSite) -> None:
    """Generated archive pages exist in every language, with switcher and hreflang."""
    for lang in LANGS:
        assert site.path(PREFIX[lang] + "news/archive/2025/").is_file()
        links = alternates(site, PREFIX[lang] + "news/archive/2025/")
        assert set(links) == {*LANGS, "x-default"}


def test_docs_folders_have_identical_paths_for_sections() -> None:
    for lang in LANGS:
        for page in ("index.md", "news/index.md", "opportunities/index.md", "events/index.md", "policies/index.md",
                     "cities/index.md", "about/index.md", "about/contribute.md"):
            assert (ROOT / "docs" / lang / page).is_file(), f"docs/{lang}/{page}"


def test_zh_and_en_complete_for_articles() -> None:
    originals = sorted(p.relative_to(ROOT / "docs" / "zh") for p in (ROOT / "docs/zh").glob("*/**/*.md")
                       if p.parts[-3:-1] != ("news", "page") and "hub_generated" not in p.read_text()[:40])
    assert len([p for p in originals if p.parts[0] in ("news", "policies")]) >= 5
    for rel in originals:
        assert (ROOT / "docs" / "en" / rel).is_file(), f"docs/en/{rel} is missing"


def test_navigation_and_tabs_lead_to_the_sections_from_every_page(site: BuiltSite) -> None:
    """Material's navigation and tabs are rendered once per folder for the pages outside
    the navigation (hub.site.fragments): from every page, each of their links must reach what
    it reaches from the home page, and only a page in the navigation marks an item active."""

    def targets(soup: BeautifulSoup, url_path: str, selector: str) -> list[str]:
        return [urlsplit(urljoin(f"https://example.org/{url_path}", link["href"])).path.lstrip("/")
                for link in soup.select(selector)]

    tabs, navigation = ".md-tabs__link", ".md-nav--primary a.md-nav__link[href]"
    expected, in_nav = {}, set()
    for prefix in ("", "en/", "fr/", "ja/"):
        home = site.soup(prefix)
        expected[prefix] = (targets(home, prefix, tabs), targets(home, prefix, navigation))
        in_nav |= set(expected[prefix][1])
    checked = 0
    for path in site.html_files():
        url_path = path.relative_to(site.dir).as_posix().removesuffix("index.html")
        if url_path.startswith(("pagefind/", "assets/")) or path.name == "404.html":
            continue
        first = url_path.split("/", 1)[0]
        prefix = f"{first}/" if first in ("en", "fr", "ja") else ""
        if url_path in in_nav:
            continue  # Material's own rendering: the active item, the page's contents in the nav
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert (targets(soup, url_path, tabs), targets(soup, url_path, navigation)) == expected[prefix], url_path
        assert not soup.select(".md-tabs__item--active, .md-nav__link--active"), url_path
        checked += 1
    assert checked > 100
