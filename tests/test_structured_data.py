"""OpenGraph tags and JSON-LD: what link previews and search engines read from each page,
in the language of the page's text, with absolute URLs and valid JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sitebuild import TEST_SITE_URL, BuiltSite, build, copy_project

LANGS = ("zh", "en", "fr", "ja")
PREFIX = {"zh": "", "en": "en/", "fr": "fr/", "ja": "ja/"}
OG_LOCALE = {"zh": "zh_CN", "en": "en_US", "fr": "fr_FR", "ja": "ja_JP"}

# Page type -> (path inside a language root, og:type, JSON-LD @type)
PAGES = {
    "home": ("", "website", "WebSite"),
    "listing": ("news/", "website", "WebPage"),
    "article": ("news/2025/sister-cities-conference-2025/", "article", "NewsArticle"),
    "explainer": ("policies/foreign-investment-measures-2025/", "article", "Article"),
    "city": ("cities/manchester/", "website", "City"),
    "opportunity": ("opportunities/international-rd-institution-grant/", "website", "Offer"),
    "event": ("events/japan-roadshows-2025/", "website", "Event"),
}


def og(soup: BeautifulSoup) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in soup.find_all("meta", attrs={"property": True}):
        found.setdefault(meta["property"], []).append(meta.get("content", ""))
    return found


def json_ld(soup: BeautifulSoup) -> dict[str, Any]:
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def language_of(data: dict[str, Any]) -> str:
    return data.get("inLanguage") or data["mainEntityOfPage"]["inLanguage"]


def content_language(soup: BeautifulSoup) -> str:
    """The language of the text: the build's, or the original's on a fallback page."""
    notice = soup.select_one(".hub-fallback + div[lang]")
    return notice["lang"] if notice else soup.html["lang"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_type", PAGES)
def test_open_graph_and_json_ld_on_every_page_type(site: BuiltSite, lang: str, page_type: str) -> None:
    path, og_type, ld_type = PAGES[page_type]
    soup = site.soup(PREFIX[lang] + path)
    text_lang = content_language(soup)
    tags = og(soup)
    canonical = soup.find("link", rel="canonical")["href"]
    assert tags["og:url"] == [canonical] and canonical.startswith(TEST_SITE_URL)
    assert tags["og:type"] == [og_type]
    assert tags["og:locale"] == [OG_LOCALE[text_lang]]
    assert OG_LOCALE[text_lang] not in tags.get("og:locale:alternate", [])
    assert tags["og:site_name"][0] and tags["og:title"][0] and tags["og:description"][0]
    if soup.select_one(".hub-fallback"):  # the original describes itself (test below)
        assert soup.find("script", type="application/ld+json") is None
        return
    data = json_ld(soup)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == ld_type
    assert language_of(data) == text_lang
    assert data["url"] == canonical


def test_news_article(site: BuiltSite) -> None:
    soup = site.soup("en/news/2025/sister-cities-conference-2025/")
    data = json_ld(soup)
    assert data["headline"] == soup.find("h1").get_text().rstrip("¶").strip()
    assert data["datePublished"] == "2025-04-16" and data["dateModified"] >= data["datePublished"]
    assert data["inLanguage"] == "en"
    assert data["publisher"] == {
        "@type": "Organization", "name": "Chengdu Global Hub", "url": TEST_SITE_URL + "en/",
        "logo": {"@type": "ImageObject", "url": TEST_SITE_URL + "assets/favicon.svg"},
    }
    assert og(soup)["article:published_time"] == ["2025-04-16"]
    assert set(og(soup)["og:locale:alternate"]) == {"zh_CN", "fr_FR", "ja_JP"}


def test_chinese_article_is_in_chinese(site: BuiltSite) -> None:
    data = json_ld(site.soup("news/2025/sister-cities-conference-2025/"))
    assert data["inLanguage"] == "zh"
    assert "友城" in data["headline"]
    assert data["publisher"]["name"] == "成都国际友城合作枢纽"


def test_fallback_page_speaks_for_its_original(site: BuiltSite) -> None:
    """A French page showing the English text: English locale, the original's URL."""
    soup = site.soup("fr/news/2025/japan-roadshows-2025/")
    assert soup.select_one(".hub-fallback") is not None
    tags = og(soup)
    assert tags["og:locale"] == ["en_US"] and "og:locale:alternate" not in tags
    assert tags["og:url"] == [TEST_SITE_URL + "en/news/2025/japan-roadshows-2025/"]
    # Search engines read the canonical original's description, not the copy's.
    assert soup.find("script", type="application/ld+json") is None
    assert json_ld(site.soup("en/news/2025/japan-roadshows-2025/"))["inLanguage"] == "en"


def test_explainer_is_about_the_policy_document(site: BuiltSite) -> None:
    data = json_ld(site.soup("en/policies/foreign-investment-measures-2025/"))
    legislation = data["about"]
    assert legislation["@type"] == "Legislation"
    assert legislation["inLanguage"] == "zh" and legislation["name"].startswith("成都市")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", legislation["legislationDate"])


def test_city(site: BuiltSite) -> None:
    data = json_ld(site.soup("fr/cities/manchester/"))
    assert data["name"] == "Manchester"
    assert data["containedInPlace"] == {"@type": "Country", "name": "Royaume-Uni", "identifier": "GB"}
    assert data["geo"]["@type"] == "GeoCoordinates"
    assert 53 < data["geo"]["latitude"] < 54 and -3 < data["geo"]["longitude"] < -2


def test_all_day_event(site: BuiltSite) -> None:
    data = json_ld(site.soup("ja/events/japan-roadshows-2025/"))
    assert (data["startDate"], data["endDate"]) == ("2025-04-21", "2025-04-25")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["@type"] == "Place" and data["location"]["name"] == "大阪・東京"
    assert data["organizer"] == {"@type": "Organization", "name": "成都市商務局"}
    assert data["mainEntityOfPage"]["inLanguage"] == "ja"


def test_opportunity_is_an_offer_by_its_issuer(site: BuiltSite) -> None:
    data = json_ld(site.soup("en/opportunities/international-rd-institution-grant/"))
    assert data["offeredBy"]["@type"] == "GovernmentOrganization" and data["offeredBy"]["name"]
    assert data["validFrom"] == "2025-04-15"
    assert "validThrough" not in data  # no deadline announced
    assert data["category"] == "Research and development"


def test_no_json_ld_can_close_its_script(site: BuiltSite) -> None:
    blocks = [(path, block) for path in site.html_files()
              for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>',
                                      path.read_text(encoding="utf-8"), re.S)]
    assert len(blocks) > 100  # every article, event and opportunity has one
    for path, block in blocks:
        assert "<" not in block, path
        json.loads(block)


# -- a fixture site for what the real content does not have: times, deadlines, hostile text --

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
HOSTILE = 'Summary </script><script>alert("x")</script> & <!-- end'


@pytest.fixture(scope="module")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = copy_project(tmp_path_factory.mktemp("seo-project"), content_from=MINIMAL)
    article = project / "docs" / "en" / "news" / "2025" / "first-article.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(re.sub(r"(?m)^summary: .*$", "summary: " + json.dumps(HOSTILE), text, count=1),
                       encoding="utf-8")
    built = build(project, Path(tmp_path_factory.mktemp("seo-site")) / "site")
    assert built.result.returncode == 0, built.result.output
    return built


def test_timed_event_carries_its_utc_offset(minimal_site: BuiltSite) -> None:
    data = json_ld(minimal_site.soup("en/events/test-event/"))
    assert data["startDate"] == "2025-05-10T09:30+02:00"
    assert data["endDate"] == "2025-05-10T17:00+02:00"


def test_deadline_is_valid_through(minimal_site: BuiltSite) -> None:
    data = json_ld(minimal_site.soup("en/opportunities/test-grant/"))
    assert (data["validFrom"], data["validThrough"]) == ("2025-04-01", "2025-05-01")


def test_text_cannot_break_out_of_json_ld(minimal_site: BuiltSite) -> None:
    soup = minimal_site.soup("en/news/2025/first-article/")
    assert json_ld(soup)["description"] == HOSTILE
    assert og(soup)["og:description"] == [HOSTILE]
    # The text stayed inside the one JSON-LD script: no other script carries it.
    others = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
    assert not [s for s in others if "alert" in (s.string or "")]
