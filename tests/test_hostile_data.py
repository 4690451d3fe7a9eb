"""Every value from a data file is escaped where it lands: in the generated pages, the
lists and the article headers (HTML), in the feeds and the subscription list (XML) and in
the calendars (iCalendar). Each text field of the fixture's city, opportunity, event,
topic and sector carries its own vector (tests/hostile_site.py); a reader must see it as
the text it is, and nothing of it may run.
"""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest
from hostile_site import (
    CHENGDU_SIDE,
    CITY_NAME,
    CITY_NATIVE,
    DETAILS,
    EVENT_SUMMARY,
    EVENT_TITLE,
    ICS_INJECTION,
    ISSUER,
    MARKER,
    OPPORTUNITY_SUMMARY,
    OPPORTUNITY_TITLE,
    ORGANISER,
    PLACE,
    QUOTE_URL,
    SECTOR,
    SOURCE,
    TOPIC,
    article,
    executable_content,
)
from lxml import etree
from sitebuild import BuiltSite

# (field, its value, the English pages it must appear on as text)
LANDINGS = [
    ("city name", CITY_NAME, ["cities/montpellier/", "cities/", "news/2025/first-article/", "events/test-event/",
                              "opportunities/test-grant/"]),
    ("city native name", CITY_NATIVE, ["cities/montpellier/", "cities/"]),
    ("city chengdu_side", CHENGDU_SIDE, ["cities/montpellier/"]),
    ("topic label", TOPIC, ["news/topics/sister-cities/", "news/2025/first-article/", "events/test-event/",
                            "opportunities/test-grant/"]),
    ("sector label", SECTOR, ["opportunities/test-grant/", "opportunities/"]),
    ("opportunity title", OPPORTUNITY_TITLE, ["opportunities/test-grant/", "opportunities/", "cities/montpellier/"]),
    ("opportunity summary", OPPORTUNITY_SUMMARY, ["opportunities/test-grant/"]),
    ("opportunity issuer", ISSUER, ["opportunities/test-grant/", "opportunities/", "cities/montpellier/"]),
    ("opportunity source", SOURCE, ["opportunities/test-grant/"]),
    ("opportunity details", DETAILS, ["opportunities/test-grant/"]),
    ("event title", EVENT_TITLE, ["events/test-event/", "events/", "cities/montpellier/"]),
    ("event summary", EVENT_SUMMARY, ["events/test-event/"]),
    ("event place", PLACE, ["events/test-event/", "events/", "cities/montpellier/"]),
    ("event organiser", ORGANISER, ["events/test-event/"]),
]
PAGE_CASES = [(name, value, url) for name, value, urls in LANDINGS for url in urls]


@pytest.mark.parametrize(("field", "value", "url"), PAGE_CASES, ids=[f"{c[0]}@{c[2]}" for c in PAGE_CASES])
def test_data_field_is_text_on_the_page(field: str, value: str, url: str, vectors: BuiltSite) -> None:
    page = "en/" + url
    assert value in article(vectors, page).get_text(" "), f"{field} is not shown as written on {page}"
    assert executable_content(vectors.text(page), page) == []


def test_generated_pages_carry_no_script_in_any_language(vectors: BuiltSite) -> None:
    problems = []
    for prefix in ("", "en/", "fr/", "ja/"):
        for url in ("cities/", "cities/montpellier/", "opportunities/", "opportunities/test-grant/",
                    "opportunities/closed/", "events/", "events/past/", "events/test-event/",
                    "news/topics/sister-cities/", "news/archive/", "feeds/"):
            problems += executable_content(vectors.text(prefix + url), prefix + url)
    assert problems == []


def test_address_with_quotes_stays_inside_its_attribute(vectors: BuiltSite) -> None:
    links = article(vectors, "en/opportunities/test-grant/").select("a[href*=onmouseover]")
    assert [link["href"] for link in links] == [QUOTE_URL]
    assert all(not name.startswith("on") for link in links for name in link.attrs)


# -- feeds and the subscription list ---------------------------------------------------------

def _feeds(site: BuiltSite) -> list[Path]:
    return sorted(path for path in site.dir.rglob("*") if path.suffix in (".xml", ".opml") and "feeds" in path.parts)


def test_every_feed_is_well_formed_and_its_html_cannot_run(vectors: BuiltSite) -> None:
    feeds = _feeds(vectors)
    assert len(feeds) >= 4 * 11
    problems = []
    for path in feeds:
        tree = etree.parse(str(path))  # raises on anything that is not well-formed XML
        for element in tree.iter():
            local = etree.QName(element).localname if isinstance(element.tag, str) else ""
            kind = element.get("type")
            # HTML carried as text (an RSS item's content:encoded and description, Atom
            # type="html"): what a feed reader renders. A channel's description is text.
            parent = element.getparent()
            in_item = parent is not None and isinstance(parent.tag, str) and parent.tag == "item"
            if element.text and (local == "encoded" or (local == "description" and in_item) or kind == "html"):
                problems += executable_content(element.text, f"{path.relative_to(vectors.dir)} {local}")
    assert problems == []


@pytest.mark.parametrize(
    ("feed", "value"),
    [
        ("en/feeds/opportunities.rss.xml", OPPORTUNITY_TITLE),
        ("en/feeds/opportunities.atom.xml", OPPORTUNITY_TITLE),
        ("en/feeds/events.rss.xml", EVENT_TITLE),
        ("en/feeds/events.atom.xml", EVENT_TITLE),
    ],
)
def test_item_title_in_a_feed_is_the_text_as_written(feed: str, value: str, vectors: BuiltSite) -> None:
    tree = etree.parse(str(vectors.path(feed)))
    titles = [
        element.text
        for element in tree.iter()
        if isinstance(element.tag, str) and etree.QName(element).localname == "title"
        and element.getparent() is not None and etree.QName(element.getparent()).localname in ("item", "entry")
    ]
    assert titles == [value]


def test_topic_label_is_a_feed_category_as_written(vectors: BuiltSite) -> None:
    tree = etree.parse(str(vectors.path("en/feeds/events.rss.xml")))
    categories = [element.text for element in tree.iter("category")]
    assert TOPIC in categories


def test_city_name_in_the_subscription_list_is_the_text_as_written(vectors: BuiltSite) -> None:
    tree = etree.parse(str(vectors.path("en/feeds/subscriptions.opml")))
    texts = [outline.get("text") for outline in tree.iter("outline")]
    assert any(text and text.endswith(CITY_NAME) for text in texts), texts


# -- calendars -------------------------------------------------------------------------------

def _events(site: BuiltSite, path: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(site.path(path).read_bytes())
    return list(calendar.walk("VEVENT"))


@pytest.mark.parametrize("path", ["calendars/events.ics", "calendars/events/test-event.ics"])
def test_event_text_cannot_end_its_calendar_entry(path: str, vectors: BuiltSite) -> None:
    events = _events(vectors, path)
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == ICS_INJECTION
    assert str(event["UID"]) != MARKER
    assert PLACE in str(event["LOCATION"])
    assert EVENT_SUMMARY in str(event["DESCRIPTION"])


def test_opportunity_text_in_the_deadline_calendar_is_as_written(vectors: BuiltSite) -> None:
    events = _events(vectors, "calendars/deadlines.ics")
    assert len(events) == 1
    assert OPPORTUNITY_TITLE in str(events[0]["SUMMARY"])
    assert OPPORTUNITY_SUMMARY in str(events[0]["DESCRIPTION"])
