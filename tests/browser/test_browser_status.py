"""Statuses as a reader's browser sees them, with the build day pinned (HUB_BUILD_DATE):
every record card and record page carries `data-status`, and shows the same status in
words. A fixture site (tests/fixtures/minimal plus an event, an offer with a deadline and
one without) is built before, during and after the event; and the real content is built
once as of 6 December 2026, when every event is over and no offer has been confirmed for
months."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import pytest
import yaml
from browser_support import DESKTOP, LANGS, PREFIX, Tab, open_tab
from playwright.sync_api import Browser, expect
from sitebuild import MINIMAL, BuiltSite, build, copy_project
from siteserver import SiteServer

pytestmark = pytest.mark.browser

# The event runs 10-12 June 2025 (all day, Chengdu); the offer with a deadline closes on
# 20 June; the one without was last confirmed on 1 March 2025 (180 days: until 28 August).
BEFORE, DURING, AFTER = "2025-06-01", "2025-06-11", "2025-08-29"
EVENT = {
    "title": {"zh": "窗口活动", "en": "Window event"}, "summary": {"zh": "摘要。", "en": "A summary."},
    "start": "2025-06-10", "end": "2025-06-12", "timezone": "Asia/Shanghai",
    "place": {"zh": "成都", "en": "Chengdu"}, "published": "2025-05-01",
}
OFFER = {
    "summary": {"zh": "摘要。", "en": "A summary."}, "issuer": {"zh": "成都市", "en": "Chengdu"},
    "sector": "research-development", "kind": "grant", "source": {"zh": "来源", "en": "Source"},
}
OFFERS = {
    "june-deadline": {"title": {"zh": "六月截止", "en": "June deadline"}, "published": "2025-05-01",
                      "deadline": "2025-06-20"},
    "standing-offer": {"title": {"zh": "长期", "en": "Standing offer"}, "published": "2025-01-15",
                       "confirmed": "2025-03-01"},
}
# What each page must say, by build day: record -> data-status.
EXPECTED = {
    BEFORE: {"window": "upcoming", "june-deadline": "open", "standing-offer": "open"},
    DURING: {"window": "ongoing", "june-deadline": "closing-soon", "standing-offer": "open"},
    AFTER: {"window": "ended", "june-deadline": "closed", "standing-offer": "unconfirmed"},
}
WORDS = {
    "open": "Open", "closing-soon": "Closing soon", "closed": "Closed",
    "unconfirmed": "Not confirmed since March 1, 2025",
    "upcoming": "Upcoming", "ongoing": "Happening now", "ended": "Ended",
}
UNCONFIRMED_WORDS = {
    "zh": "自2025年3月1日起未再确认", "en": "Not confirmed since March 1, 2025",
    "fr": "Non confirmée depuis le 1 mars 2025", "ja": "2025年3月1日以降未確認",
}
# Where each record is listed on each day (the list that shows its card).
LISTS = {
    "window": {BEFORE: "events/", DURING: "events/", AFTER: "events/past/"},
    "june-deadline": {BEFORE: "opportunities/", DURING: "opportunities/", AFTER: "opportunities/closed/"},
    "standing-offer": {BEFORE: "opportunities/", DURING: "opportunities/", AFTER: "opportunities/"},
}
KIND = {"window": "events", "june-deadline": "opportunities", "standing-offer": "opportunities"}

# [status, its words] of every element with data-status in the page's article.
STATUSES_JS = """() => [...document.querySelectorAll('article [data-status]')].map(e => {
  const words = e.querySelector('.hub-status');
  const link = e.querySelector('.hub-card__title a');
  return {status: e.dataset.status, words: words ? words.innerText.trim() : null,
          visible: !!words && words.getClientRects().length > 0,
          record: link ? link.getAttribute('href').replace(/\\/$/, '').split('/').pop() : null};
})"""


def _write(path: Path, record: dict) -> None:
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def fixture_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuiltSite]:
    root = copy_project(tmp_path_factory.mktemp("time") / "project", content_from=MINIMAL)
    _write(root / "data" / "events" / "window.yml", EVENT)
    for offer_id, fields in OFFERS.items():
        _write(root / "data" / "opportunities" / f"{offer_id}.yml", {**fields, **OFFER})
    sites = {}
    for day in (BEFORE, DURING, AFTER):
        site = build(root, tmp_path_factory.mktemp("time-site") / day, HUB_BUILD_DATE=day)
        assert site.result.returncode == 0, site.result.output
        sites[day] = site
    return sites


@pytest.fixture(scope="module")
def browse(browser: Browser) -> Iterator:
    """browse(site) -> a desktop tab on that site, served at its sub-path."""
    opened: list = []

    def make(site: BuiltSite) -> Tab:
        server = SiteServer(site.dir, urlsplit(site.site_url).path)
        server.start()
        context, tab = open_tab(browser, server.url, DESKTOP)
        opened.append((server, context))
        return tab

    yield make
    for server, context in opened:
        context.close()
        server.stop()


def says(status: str, words: str | None) -> bool:
    """Whether `words` is how an English page says `status` (any date of confirmation)."""
    if status == "unconfirmed":
        return bool(words) and words.startswith("Not confirmed since ")
    return words == WORDS.get(status)


def statuses(tab: Tab, path: str) -> list[dict]:
    response = tab.open(path)
    assert response is not None and response.status == 200, path
    return tab.page.evaluate(STATUSES_JS)


@pytest.mark.parametrize("day", [BEFORE, DURING, AFTER])
def test_pages_and_cards_carry_the_status_they_show(fixture_sites: dict[str, BuiltSite], browse, day: str) -> None:
    tab = browse(fixture_sites[day])
    for record, status in EXPECTED[day].items():
        [page] = statuses(tab, f"en/{KIND[record]}/{record}/")
        assert (page["status"], page["words"], page["visible"]) == (status, WORDS[status], True), (day, record)
        cards = [card for card in statuses(tab, "en/" + LISTS[record][day]) if card["record"] == record]
        assert [(c["status"], c["words"], c["visible"]) for c in cards] == [(status, WORDS[status], True)], (
            day, record)
        # Every other card of the list, too, shows in words the status it carries.
        for found in statuses(tab, "en/" + LISTS[record][day]):
            assert says(found["status"], found["words"]) and found["visible"], found
    assert tab.foreign_requests() == []


def test_unconfirmed_offer_is_listed_apart_and_not_counted_as_open(fixture_sites: dict[str, BuiltSite], browse) -> None:
    tab = browse(fixture_sites[AFTER])
    for lang in LANGS:
        tab.open(PREFIX[lang] + "opportunities/standing-offer/")
        expect(tab.page.locator("article .hub-record-status .hub-status")).to_have_text(UNCONFIRMED_WORDS[lang])
        expect(tab.page.locator("article .hub-unconfirmed-notice")).to_be_visible()
    tab.open("en/opportunities/")
    group = tab.page.locator("section.hub-unconfirmed")
    expect(group.locator("h2")).to_contain_text("Not confirmed recently")
    expect(group.locator("[data-status=unconfirmed] .hub-card__title a")).to_have_text(["Standing offer"])
    # Above it, the open offers by sector: none is open any more on this day.
    expect(tab.page.locator("article h2[id^=sector-]")).to_have_count(0)
    expect(tab.page.locator("article .hub-empty").first).to_be_visible()
    before = browse(fixture_sites[BEFORE])
    before.open("en/opportunities/")
    expect(before.page.locator("section.hub-unconfirmed")).to_have_count(0)
    expect(before.page.locator("#sector-research-development ~ ul [data-status=open] .hub-card__title a")
           ).to_contain_text(["Standing offer"])


def test_ended_event_says_it_took_place_and_offers_no_calendar(fixture_sites: dict[str, BuiltSite], browse) -> None:
    during = browse(fixture_sites[DURING])
    during.open("en/events/window/")
    expect(during.page.locator("article .hub-calendar a")).to_have_text("Add to calendar")
    expect(during.page.locator("article .hub-event-past")).to_have_count(0)

    after = browse(fixture_sites[AFTER])
    after.open("en/events/window/")
    expect(after.page.locator("article .hub-event-past")).to_have_text("This event took place on June 10 – 12, 2025.")
    expect(after.page.locator("article .hub-calendar")).to_have_count(0)
    expect(after.page.locator("article a[href$='.ics']")).to_have_count(0)
    after.open("events/window/")
    expect(after.page.locator("article .hub-event-past")).to_have_text("该活动已于2025年6月10日至12日举行。")
    # The calendars keep it.
    site = fixture_sites[AFTER]
    calendar = icalendar.Calendar.from_ical(site.path("en/calendars/events.ics").read_bytes())
    assert any(str(event.get("url", "")).endswith("/en/events/window/") for event in calendar.walk("VEVENT"))
    assert site.path("en/calendars/events/window.ics").is_file()


def test_copy_link_button_works_by_keyboard_and_says_copied(fixture_sites: dict[str, BuiltSite], browse) -> None:
    tab = browse(fixture_sites[BEFORE])
    tab.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab.open("fr/news/2025/first-article/")
    button = tab.page.get_by_role("button", name="Copier le lien")
    expect(button).to_be_visible()
    button.focus()
    tab.page.keyboard.press("Enter")
    expect(tab.page.locator("[role=status]").filter(has_text="Lien copié")).to_have_count(1)
    copied = tab.page.evaluate("navigator.clipboard.readText()")
    assert copied == fixture_sites[BEFORE].site_url + "fr/news/2025/first-article/"


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The repository's content on 6 December 2026."""
    project = copy_project(tmp_path_factory.mktemp("real-2026") / "project")
    site = build(project, tmp_path_factory.mktemp("real-2026-site") / "site", HUB_BUILD_DATE="2026-12-06")
    assert site.result.returncode == 0, site.result.output
    return site


def test_real_content_on_6_december_2026(real_site: BuiltSite, browse) -> None:
    from sitebuild import ROOT

    events = sorted(path.stem for path in (ROOT / "data" / "events").glob("*.yml"))
    offers = sorted(path.stem for path in (ROOT / "data" / "opportunities").glob("*.yml"))
    assert events and offers
    tab = browse(real_site)
    for lang in LANGS:
        for event_id in events:
            [page] = statuses(tab, f"{PREFIX[lang]}events/{event_id}/")
            assert page["status"] == "ended", (lang, event_id)
            expect(tab.page.locator("article .hub-event-past")).to_be_visible()
            expect(tab.page.locator("article .hub-calendar")).to_have_count(0)
        for offer_id in offers:
            [page] = statuses(tab, f"{PREFIX[lang]}opportunities/{offer_id}/")
            assert page["status"] == "unconfirmed", (lang, offer_id)
        listed = statuses(tab, f"{PREFIX[lang]}opportunities/")
        assert sorted(card["record"] for card in listed) == offers
        assert {card["status"] for card in listed} == {"unconfirmed"}
        assert {card["status"] for card in statuses(tab, f"{PREFIX[lang]}events/past/")} == {"ended"}
        assert statuses(tab, f"{PREFIX[lang]}events/") == []
        # The home page promotes nothing as live.
        promoted = statuses(tab, PREFIX[lang])
        assert {card["status"] for card in promoted} <= {"ended", "unconfirmed", "closed"}, lang
    # An event page links the articles that report on it.
    tab.open("en/events/sister-cities-conference-2025/")
    expect(tab.page.locator("article .hub-event-articles .hub-card__title a").first).to_be_visible()
