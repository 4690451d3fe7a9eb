"""Where a reader subscribes and how pages are laid out, in the built site: the subscribe
box on the news list, section, city and events pages (feeds and calendars that exist, a
webcal: link, an address to copy), addresses that wrap at slashes on the Feeds page, the
search result's kind and date, the pages left out of search, and no left sidebar except
About's."""

from __future__ import annotations

import re
from itertools import pairwise
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from hub.site.subscribe import breakable_url, webcal
from sitebuild import TEST_SITE_URL, BuiltSite
from test_generated_pages import LANGS, PREFIX, content, records, text_of
from test_search_index import fragments

# Page (inside a language root) -> (the feed it offers, the calendar it offers).
SUBSCRIBE_PAGES = {
    "news/": ("news", None),
    "opportunities/": ("opportunities", "deadlines"),
    "opportunities/closed/": ("opportunities", "deadlines"),
    "events/": ("events", "events"),
    "events/past/": ("events", "events"),
    "policies/": ("policies", None),
    "cities/": ("all", None),
    **{f"cities/{city}/": (f"cities/{city}", None) for city in records("cities")},
}


def local(site: BuiltSite, url: str) -> str:
    """The path inside the built site of an absolute address of it."""
    assert url.startswith(TEST_SITE_URL), url
    return url.removeprefix(TEST_SITE_URL)


@pytest.mark.parametrize("lang", LANGS)
def test_subscribe_box_offers_the_page_feed_and_calendar(site: BuiltSite, lang: str) -> None:
    for url_path, (feed, calendar) in SUBSCRIBE_PAGES.items():
        page = content(site, PREFIX[lang] + url_path)
        box = page.select_one("aside.hub-subscribe")
        assert box is not None, url_path
        assert box["lang"] == lang
        # Right under the title.
        assert box.find_previous_sibling(True).name == "h1", url_path
        links = {a.get_text(strip=True): a["href"] for a in box.select("a.hub-subscribe__link")}
        base = TEST_SITE_URL + PREFIX[lang]
        assert links["RSS"] == f"{base}feeds/{feed}.rss.xml", url_path
        assert links["Atom"] == f"{base}feeds/{feed}.atom.xml", url_path
        for href in (links["RSS"], links["Atom"]):
            assert site.path(local(site, href)).is_file(), href
        slots = [slot["data-hub-copy"] for slot in box.select(".hub-copy-slot")]
        assert slots[0] == links["RSS"]
        webcals = [a["href"] for a in box.select("a[href^='webcal:']")]
        if calendar is None:
            assert webcals == [] and len(slots) == 1, url_path
        else:
            ics = f"{base}calendars/{calendar}.ics"
            assert webcals == ["webcal://" + ics.split("://", 1)[1]] and slots[1] == ics, url_path
            assert site.path(local(site, ics)).is_file()
        assert box.select_one(".hub-subscribe__more a")["href"] == f"/hub/{PREFIX[lang]}feeds/"


def test_pages_a_reader_does_not_follow_have_no_subscribe_box(site: BuiltSite) -> None:
    for url_path in ("", "about/", "news/2025/sister-cities-conference-2025/", "feeds/",
                     "policies/foreign-rd-centres-2025/", "events/japan-roadshows-2025/"):
        assert content(site, "en/" + url_path).select_one(".hub-subscribe") is None, url_path


def test_the_copy_script_comes_only_with_something_to_copy(site: BuiltSite) -> None:
    def scripts(url_path: str) -> list[str]:
        return [s["src"] for s in site.soup(url_path).select("script[src]") if "hub-subscribe" in s["src"]]

    assert scripts("en/events/") == ["/hub/assets/hub-subscribe.js"]
    assert scripts("en/feeds/") == ["/hub/assets/hub-subscribe.js"]
    assert scripts("en/news/2025/sister-cities-conference-2025/") == ["/hub/assets/hub-subscribe.js"]  # copy link
    assert scripts("en/about/") == []
    assert site.path("assets/hub-subscribe.js").is_file()


def test_the_subscribe_box_is_not_searched(site: BuiltSite) -> None:
    _lang, record = fragments(site.dir)["/en/events/"]
    assert "Add to calendar app" not in record["content"] and "All feeds and calendars" not in record["content"]


@pytest.mark.parametrize("lang", LANGS)
def test_feed_addresses_wrap_only_between_their_parts(site: BuiltSite, lang: str) -> None:
    page = content(site, PREFIX[lang] + "feeds/")
    codes = page.select("code.hub-subscription-url")
    assert len(codes) > 10
    for code in codes:
        address = code.get_text()
        assert address.startswith(TEST_SITE_URL)
        pieces = [str(piece) for piece in code.decode_contents().split("<wbr/>")]
        assert len(pieces) > 4, address
        for before, piece in pairwise(pieces):  # breaks after a slash, before ? or &
            assert before.endswith("/") or piece[0] in "?&", (address, piece)
        assert pieces[-1].endswith((".rss.xml", ".atom.xml", ".ics", ".opml")), address  # the file name whole
        slot = code.find_previous_sibling("span", class_="hub-copy-slot")
        assert slot is not None and slot["data-hub-copy"] == address


def test_breakable_url_escapes_and_keeps_the_address() -> None:
    marked = str(breakable_url("https://a.example/x/feeds/<b>&q.rss.xml"))
    assert "<b>" not in marked and "&lt;b&gt;" in marked
    text = BeautifulSoup(marked, "html.parser").get_text()
    assert text == "https://a.example/x/feeds/<b>&q.rss.xml"
    assert webcal("https://a.example/c.ics") == "webcal://a.example/c.ics"
    assert webcal("http://127.0.0.1:8000/c.ics") == "webcal://127.0.0.1:8000/c.ics"


# -- search ------------------------------------------------------------------------------------


def test_search_results_carry_kind_and_date(site: BuiltSite) -> None:
    indexed = fragments(site.dir)
    expected = {
        "/en/news/2025/sister-cities-conference-2025/": ("News", "2025-04-16"),
        "/en/policies/foreign-rd-centres-2025/": ("Policy", "2025-04-15"),
        "/en/events/japan-roadshows-2025/": ("Event", "2025-04-21"),
        "/en/cities/manchester/": ("City", None),
        "/news/2025/sister-cities-conference-2025/": ("新闻", "2025-04-16"),
        "/ja/cities/manchester/": ("友好都市", None),
    }
    for url, (kind, day) in expected.items():
        meta = indexed[url][1]["meta"]
        assert meta.get("kind") == kind, url
        assert meta.get("date") == day, url
    opportunity = records("opportunities")["international-rd-institution-grant"]
    meta = indexed["/en/opportunities/international-rd-institution-grant/"][1]["meta"]
    assert (meta["kind"], meta["date"]) == ("Opportunity", str(opportunity["published"]))
    assert indexed["/en/about/"][1]["meta"]["kind"] == "Page"
    assert "date" not in indexed["/en/about/"][1]["meta"]


def test_utility_pages_are_not_searched(site: BuiltSite) -> None:
    indexed = fragments(site.dir)
    for lang in LANGS:
        for url_path in ("feeds/", "about/translations/", "about/contribute/"):
            assert f"/{PREFIX[lang]}{url_path}" not in indexed
            assert "data-pagefind-body" not in site.text(PREFIX[lang] + url_path)
        assert f"/{PREFIX[lang]}about/" in indexed


def test_topic_tags_are_separate_words(site: BuiltSite) -> None:
    record = fragments(site.dir)["/en/events/opening-up-development-conference-2025/"][1]
    assert "InvestmentConferences" not in record["content"]
    assert re.search(r"Investment\s+Conferences", record["content"])


# -- layout ------------------------------------------------------------------------------------


def test_the_left_sidebar_shows_only_where_it_holds_several_links(site: BuiltSite) -> None:
    seen = 0
    for path in site.html_files():
        if path.name != "index.html":
            continue
        url_path = path.relative_to(site.dir).parent.as_posix() + "/"
        inner = re.sub(r"^(en|fr|ja)/", "", "" if url_path == "./" else url_path)
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        sidebar = soup.select_one(".md-sidebar--primary")
        if sidebar is None:
            continue
        seen += 1
        if inner.startswith(("about/", "feeds/")):
            assert not sidebar.has_attr("hidden"), url_path
            links = sidebar.select(".md-nav--primary .md-nav__item--active .md-nav__link[href]")
            assert len(links) > 1, url_path
        else:
            assert sidebar.has_attr("hidden"), url_path
    assert seen > 100


def test_no_previous_next_footer_between_sections(site: BuiltSite) -> None:
    for url_path in ("", "news/", "opportunities/", "events/", "about/", "feeds/"):
        assert site.soup("en/" + url_path).select(".md-footer__link") == [], url_path


def test_pages_without_contents_have_no_empty_contents_column(site: BuiltSite) -> None:
    assert site.soup("en/cities/manchester/").select_one(".md-sidebar--secondary").has_attr("hidden")
    assert not site.soup("en/about/").select_one(".md-sidebar--secondary").has_attr("hidden")
    assert urlsplit(TEST_SITE_URL).path == "/hub/"
    assert text_of(content(site, "en/about/").select_one("h1")) == "About the hub"
