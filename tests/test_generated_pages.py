"""Pages generated from data/ as a reader sees them in the built site: one per partner
city, opportunity and event in every language, the lists around them, the policy facts
on explainers (the home page: test_front_page.py).

Expectations are worked out here from the data files themselves (plain YAML), not from
the hub's code, so that a page that drops or miscounts a record fails.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from babel import Locale
from babel.dates import format_date
from bs4 import Tag
from sitebuild import BUILD_DATE, ROOT, TEST_SITE_URL, BuiltSite, build

LANGS = ("zh", "en", "fr", "ja")
PREFIX = {"zh": "", "en": "en/", "fr": "fr/", "ja": "ja/"}
BASE_PATH = urlsplit(TEST_SITE_URL).path  # /hub/
TODAY = date.fromisoformat(BUILD_DATE)
CONTINENTS = ("africa", "asia", "europe", "north-america", "south-america", "oceania")
CONTINENT_EN = {"africa": "Africa", "asia": "Asia", "europe": "Europe", "north-america": "North America",
                "south-america": "South America", "oceania": "Oceania"}
RELATIONSHIP_EN = {"sister-city": "Sister city", "friendship-cooperation": "Friendship and cooperation city"}


# -- the data, read as plain YAML --------------------------------------------------------------


@cache
def records(kind: str, root: Path = ROOT) -> dict[str, dict[str, Any]]:
    folder = root / "data" / kind
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.yml"))}


def front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


@cache
def originals(section: str) -> dict[str, dict[str, Any]]:
    """URL path inside a language root -> front matter of the zh original (news or policies)."""
    docs = ROOT / "docs" / "zh"
    found = {}
    for path in sorted((docs / section).rglob("*.md")):
        if path.name == "index.md":
            continue
        meta = front_matter(path)
        if meta.get("hub_generated"):
            continue
        found[path.relative_to(docs).with_suffix("").as_posix() + "/"] = meta
    return found


def generated_url_paths(root: Path = ROOT) -> list[str]:
    """Every generated page, as a URL path inside a language root."""
    return [
        *(f"cities/{city}/" for city in records("cities", root)),
        *(f"opportunities/{opportunity}/" for opportunity in records("opportunities", root)),
        "opportunities/closed/",
        *(f"events/{event}/" for event in records("events", root)),
        "events/past/",
    ]


def href(lang: str, url_path: str) -> str:
    return BASE_PATH + PREFIX[lang] + url_path


def text_of(node: Tag | None) -> str:
    assert node is not None
    return " ".join(node.get_text(" ", strip=True).split())


def content(site: BuiltSite, url_path: str) -> Tag:
    article = site.soup(url_path).select_one("article.md-content__inner")
    assert article is not None, url_path
    return article


def card_links(node: Tag, kind: str) -> list[str]:
    """hrefs of the cards of one kind (news/policies/events/opportunities/cities) in `node`."""
    return [a["href"] for a in node.select("ul.hub-cards .hub-card__title a") if f"/{kind}/" in a["href"]]


def deadline_of(record: dict[str, Any]) -> date | None:
    return record.get("deadline")


def end_day(event: dict[str, Any]) -> date:
    end = event["end"]
    return end if isinstance(end, date) else date.fromisoformat(str(end)[:10])


def start_day(event: dict[str, Any]) -> date:
    start = event["start"]
    return start if isinstance(start, date) else date.fromisoformat(str(start)[:10])


# -- none dropped ------------------------------------------------------------------------------


def test_every_generated_page_is_built_in_every_language(site: BuiltSite) -> None:
    expected = sorted(f"{PREFIX[lang]}{path}index.html" for lang in LANGS for path in generated_url_paths())
    pattern = re.compile(r"^(?:(?:en|fr|ja)/)?(?:cities|opportunities|events)/.+/index\.html$")
    built = [path for path in site.files() if pattern.match(path)]
    assert built == expected


def test_every_generated_page_is_in_the_sitemap(site: BuiltSite) -> None:
    locations = set(re.findall(r"<loc>([^<]+)</loc>", site.text("sitemap.xml")))
    for lang in LANGS:
        for url_path in generated_url_paths():
            assert TEST_SITE_URL + PREFIX[lang] + url_path in locations


@pytest.mark.parametrize("lang", LANGS)
def test_generated_pages_are_real_translations(site: BuiltSite, lang: str) -> None:
    """<html lang>, a title, the switcher to the same page in each language, and hreflang
    announcing all four versions (each is a translation, not a fallback)."""
    for url_path in generated_url_paths():
        soup = site.soup(PREFIX[lang] + url_path)
        assert soup.html["lang"] == lang, url_path
        h1 = soup.select_one("article h1")
        title = soup.title.get_text(strip=True)
        assert h1 is not None and h1.get_text(strip=True), url_path
        assert title.startswith(h1.get_text(strip=True)), (url_path, title)
        here = TEST_SITE_URL + PREFIX[lang] + url_path
        switcher = {a["hreflang"]: urljoin(here, a["href"]) for a in soup.select("a.md-select__link[hreflang]")}
        assert switcher == {other: TEST_SITE_URL + PREFIX[other] + url_path for other in LANGS}, url_path
        alternates = {
            link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate") if link.get("hreflang")
        }
        assert alternates == {
            **{other: TEST_SITE_URL + PREFIX[other] + url_path for other in LANGS},
            "x-default": TEST_SITE_URL + url_path,
        }, url_path
        assert soup.select_one(".hub-fallback") is None, url_path


# -- partner cities ----------------------------------------------------------------------------


@pytest.mark.parametrize("city_id", sorted(records("cities")))
def test_city_page_shows_names_country_relationship_and_year(site: BuiltSite, city_id: str) -> None:
    city = records("cities")[city_id]
    page = content(site, f"en/cities/{city_id}/")
    assert text_of(page.h1) == city["name"]["en"]
    names = page.select_one("ul.hub-names")
    for lang, name in city["name"].items():
        assert names.find("span", lang=True, string=name) is not None, (lang, name)
    if city.get("native_name"):
        native = names.select_one(f'.hub-names__native span[lang="{city["native_language"]}"]')
        assert native is not None and native.get_text() == city["native_name"]
    country = text_of(page.select_one(".hub-country"))
    assert country == f"{Locale('en').territories[city['country']]} ({city['country']})"
    assert text_of(page.select_one(".hub-relationship")) == RELATIONSHIP_EN[city["relationship"]]
    established = page.select_one(".hub-established time")
    if city.get("signed_on"):
        assert established["datetime"] == city["signed_on"].isoformat()
    else:
        assert established["datetime"] == str(city["established"])
    assert str(city["established"]) in established.get_text()
    facts = text_of(page.select_one("dl.hub-facts"))
    assert CONTINENT_EN[city["continent"]] in facts
    assert city["chengdu_side"]["en"] in facts


def test_city_coordinates_are_text_in_each_language(site: BuiltSite) -> None:
    expected = {
        "zh": "北纬 43.611°，东经 3.877°",
        "en": "43.611° N, 3.877° E",
        "fr": "43,611° N, 3,877° E",
        "ja": "北緯43.611°、東経3.877°",
    }
    for lang, text in expected.items():
        assert text_of(content(site, PREFIX[lang] + "cities/montpellier/").select_one(".hub-location")) == text
    # A city without confirmed coordinates says so rather than showing a guess.
    assert text_of(content(site, "en/cities/nepal-zeliguode/").select_one(".hub-location")) == (
        "Coordinates not confirmed yet"
    )


@pytest.mark.parametrize("city_id", sorted(records("cities")))
def test_city_page_lists_everything_that_concerns_it(site: BuiltSite, city_id: str) -> None:
    news = {href("en", path) for path, meta in originals("news").items() if city_id in (meta.get("cities") or [])}
    policies = {
        href("en", path) for path, meta in originals("policies").items() if city_id in (meta.get("cities") or [])
    }
    events = {href("en", f"events/{e}/") for e, rec in records("events").items() if city_id in rec.get("cities", [])}
    opportunities = {
        href("en", f"opportunities/{o}/")
        for o, rec in records("opportunities").items()
        if city_id in rec.get("cities", [])
    }
    page = content(site, f"en/cities/{city_id}/")
    assert set(card_links(page, "news")) == news
    assert set(card_links(page, "policies")) == policies
    assert set(card_links(page, "events")) == events
    assert set(card_links(page, "opportunities")) == opportunities


def test_a_city_page_lists_the_news_and_events_that_name_it(site: BuiltSite) -> None:
    """The test above compares each city page with the data; with no city named anywhere
    both sides would be empty and it would pass. Manchester is named by both."""
    page = content(site, "en/cities/manchester/")
    assert card_links(page, "news") and card_links(page, "events")


@pytest.mark.parametrize("lang", LANGS)
def test_unconfirmed_name_is_shown_with_a_note(site: BuiltSite, lang: str) -> None:
    city = records("cities")["nepal-zeliguode"]
    page = content(site, PREFIX[lang] + "cities/nepal-zeliguode/")
    note = page.select_one(".hub-name-note")
    assert note is not None and " ".join(city["name_note"][lang].split()) in text_of(note)
    # The name shown is the Chinese one: it is marked as Chinese, whatever the page language.
    assert page.h1.get_text(strip=True) == city["name"]["zh"]
    if lang != "zh":
        assert page.h1["lang"] == "zh"


def test_partner_city_index_is_grouped_by_continent_with_an_honest_total(site: BuiltSite) -> None:
    cities = records("cities")
    reported = yaml.safe_load((ROOT / "data" / "hub.yml").read_text(encoding="utf-8"))["partner_cities_reported"]
    page = content(site, "en/cities/")
    total = text_of(page.select_one(".hub-total"))
    assert f"{len(cities)} listed of the {reported['value']} reported" in total
    assert reported["source"]["en"] in total
    assert f"as of {format_date(reported['as_of'], 'long', locale='en')}" in total
    by_continent: dict[str, set[str]] = {}
    for city_id, city in cities.items():
        by_continent.setdefault(city["continent"], set()).add(href("en", f"cities/{city_id}/"))
    headings = page.select("h2")
    assert [h["id"] for h in headings] == [c for c in CONTINENTS if c in by_continent]
    for heading in headings:
        count = len(by_continent[heading["id"]])
        assert text_of(heading) == f"{CONTINENT_EN[heading['id']]} {count} {'city' if count == 1 else 'cities'}"
        listing = heading.find_next_sibling("ul")
        assert set(card_links(listing, "cities")) == by_continent[heading["id"]]


@pytest.mark.parametrize(("lang", "total"), [
    ("zh", "据报道共有 {reported} 座国际友城，本站已收录 {listed} 座"),
    ("fr", "{listed} présentées sur les {reported} recensées"),
    ("ja", "報道された{reported}都市のうち{listed}都市を掲載"),
])
def test_partner_city_total_in_other_languages(site: BuiltSite, lang: str, total: str) -> None:
    reported = yaml.safe_load((ROOT / "data" / "hub.yml").read_text(encoding="utf-8"))["partner_cities_reported"]
    expected = total.format(reported=reported["value"], listed=len(records("cities")))
    assert expected in text_of(content(site, PREFIX[lang] + "cities/").select_one(".hub-total"))


# -- opportunities, events, policies and the home page of the real site ---------------------------


def is_open(opportunity: dict[str, Any], today: date = TODAY) -> bool:
    deadline = deadline_of(opportunity)
    return deadline is None or deadline >= today


def test_open_opportunities_are_listed_by_sector(site: BuiltSite) -> None:
    opportunities = records("opportunities")
    page = content(site, "en/opportunities/")
    listed: dict[str, set[str]] = {}
    for heading in page.select("h2[id^=sector-]"):
        cards = heading.find_next_sibling("ul")
        listed[heading["id"].removeprefix("sector-")] = set(card_links(cards, "opportunities"))
    expected: dict[str, set[str]] = {}
    for opportunity_id, opportunity in opportunities.items():
        if is_open(opportunity):
            expected.setdefault(opportunity["sector"], set()).add(href("en", f"opportunities/{opportunity_id}/"))
    assert listed == expected
    assert page.find("a", href=href("en", "opportunities/closed/")) is not None


@pytest.mark.parametrize(("lang", "amount"), [
    ("zh", "最高1000万元/年"),
    ("en", "up to CN¥10 million a year"),
    ("fr", "jusqu'à 10\u00a0millions\u00a0CNY par an"),
    ("ja", "年間最大1000万元"),
])
def test_amounts_are_written_the_way_each_language_writes_them(site: BuiltSite, lang: str, amount: str) -> None:
    page = content(site, PREFIX[lang] + "opportunities/foreign-rd-centre-establishment-reward/")
    assert page.select_one("dd.hub-amount").get_text(strip=True) == amount


def test_opportunity_page_shows_its_fields(site: BuiltSite) -> None:
    opportunity = records("opportunities")["international-rd-institution-grant"]
    page = content(site, "en/opportunities/international-rd-institution-grant/")
    text = text_of(page)
    for field in ("summary", "eligibility", "source"):
        assert " ".join(opportunity[field]["en"].split()) in text, field
    assert opportunity["issuer"]["en"] in text
    assert opportunity["contact"]["organisation"]["en"] in text
    assert "CN¥2 million, one-off" in text
    assert "No deadline announced" in text
    assert text_of(page.select_one(".hub-status-line")) == "Status: Open"
    explainer = page.find("a", href=href("en", f"policies/{opportunity['policy']}/"))
    assert explainer is not None and explainer.get_text(strip=True)


def test_policy_explainer_shows_the_document_and_its_opportunities(site: BuiltSite) -> None:
    slug = "foreign-rd-centres-2025"
    meta = originals("policies")[f"policies/{slug}/"]
    for lang in LANGS:
        page = content(site, PREFIX[lang] + f"policies/{slug}/")
        facts = page.select_one("dl.hub-policy-facts")
        assert facts.find("span", lang="zh", string=meta["official_title"]) is not None
        assert facts.find("time", datetime=meta["issued"].isoformat()) is not None
        pointing = {
            href(lang, f"opportunities/{o}/")
            for o, rec in records("opportunities").items()
            if rec.get("policy") == slug
        }
        assert pointing, "fixture assumption: opportunities point to this explainer"
        assert set(card_links(page, "opportunities")) == pointing


def test_events_are_upcoming_until_their_last_day(site: BuiltSite) -> None:
    events = records("events")
    upcoming = sorted((e for e in events if end_day(events[e]) >= TODAY), key=lambda e: start_day(events[e]))
    past = [e for e in events if e not in upcoming]
    assert upcoming and past, "fixture assumption: the build date falls between events"
    listed = card_links(content(site, "en/events/"), "events")
    assert listed == [href("en", f"events/{e}/") for e in upcoming]
    listed_past = card_links(content(site, "en/events/past/"), "events")
    assert set(listed_past) == {href("en", f"events/{e}/") for e in past}
    days = [start_day(events[url.rstrip("/").rsplit("/", 1)[1]]) for url in listed_past]
    assert days == sorted(days, reverse=True)


@pytest.mark.parametrize(("lang", "when"), [
    ("zh", "2025年4月21日至25日（Asia/Tokyo）"),
    ("en", "April 21 – 25, 2025 (Asia/Tokyo)"),
    ("fr", "21–25 avril 2025 (Asia/Tokyo)"),
    ("ja", "2025年4月21日～25日（Asia/Tokyo）"),
])
def test_event_page_shows_local_dates_zone_and_calendar_link(site: BuiltSite, lang: str, when: str) -> None:
    event = records("events")["japan-roadshows-2025"]
    page = content(site, PREFIX[lang] + "events/japan-roadshows-2025/")
    time = page.select_one(".hub-when time")
    assert text_of(time) == when
    assert time["datetime"] == event["start"].isoformat()
    facts = text_of(page.select_one("dl.hub-facts"))
    assert event["place"][lang] in facts and event["organiser"][lang] in facts
    calendar = page.select_one(".hub-calendar a")
    assert calendar["href"] == href(lang, "calendars/events/japan-roadshows-2025.ics")


@pytest.mark.parametrize("lang", LANGS)
def test_headings_do_not_skip_levels(site: BuiltSite, lang: str) -> None:
    """A screen reader's outline of each generated page and listing: h1, then h2, then h3."""
    for url_path in ["", "cities/", "opportunities/", "events/", *generated_url_paths()]:
        levels = [int(h.name[1]) for h in content(site, PREFIX[lang] + url_path).find_all(re.compile(r"^h[1-6]$"))]
        assert levels and levels[0] == 1, url_path
        for previous, level in pairwise(levels):
            assert level <= previous + 1, (url_path, levels)


def test_links_to_anchors_of_generated_pages_are_checked(minimal_project: Path, tmp_path: Path) -> None:
    """A generated page's HTML skips Markdown; its anchors still count when MkDocs checks
    a link into it: a real one passes, a wrong one is reported."""
    config = minimal_project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  links:\n", "  anchors: warn\n  links:\n", 1), encoding="utf-8"
    )
    first = build(minimal_project, tmp_path / "first")
    assert first.result.returncode == 0, first.result.output
    anchors = [tag["id"] for tag in first.soup("en/cities/montpellier/").select("article [id]")]
    assert anchors, "the city page has no anchor to link to"
    links = f"\n[Real](../../cities/montpellier.md#{anchors[0]}) [wrong](../../cities/montpellier.md#no-such-part)\n"
    for lang in LANGS:
        article = minimal_project / "docs" / lang / "news" / "2025" / "first-article.md"
        if article.is_file():
            article.write_text(article.read_text(encoding="utf-8") + links, encoding="utf-8")
    second = build(minimal_project, tmp_path / "second", strict=False)
    assert second.result.returncode == 0, second.result.output
    output = second.result.output
    assert "#no-such-part" in output
    assert f"#{anchors[0]}'" not in output and f"#{anchors[0]}\"" not in output, output
