"""iCalendar files as calendar apps read them: every file re-parsed strictly by two
independent parsers (`ical` and icalendar), line format, UIDs, zones, all-day dates,
cancelled events and opportunity deadlines."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest
import yaml
from ical.calendar_stream import IcsCalendarStream
from sitebuild import ROOT, TEST_SITE_URL, BuiltSite, build, copy_project

LANGS = ("zh", "en", "fr", "ja")
PREFIX = {"zh": "", "en": "en/", "fr": "fr/", "ja": "ja/"}
FALLBACK = {"zh": (), "en": ("zh",), "fr": ("en", "zh"), "ja": ("en", "zh")}
ID_DOMAIN = "chengdu-global-hub.github.io"
# The site fixture is built with HUB_BUILD_DATE=2025-04-20: noon in Shanghai.
BUILD_STAMP = datetime(2025, 4, 20, 4, tzinfo=ZoneInfo("UTC"))


def event_ids(root: Path = ROOT) -> list[str]:
    return sorted(path.stem for path in (root / "data" / "events").glob("*.yml"))


def event_record(event_id: str, root: Path = ROOT) -> dict:
    return yaml.safe_load((root / "data" / "events" / f"{event_id}.yml").read_text(encoding="utf-8"))


def in_language(text: dict, lang: str) -> str:
    for candidate in (lang, *FALLBACK[lang]):
        if text.get(candidate):
            return text[candidate]
    raise AssertionError(text)


def ics_files(built: BuiltSite) -> list[Path]:
    return sorted(built.dir.rglob("*.ics"))


def parse(path: Path) -> icalendar.Calendar:
    """Parse with both parsers; `ical` rejects what RFC 5545 does not allow."""
    text = path.read_bytes().decode("utf-8")
    IcsCalendarStream.calendar_from_ics(text)
    calendar = icalendar.Calendar.from_ical(text)
    for component in calendar.walk():
        assert not component.errors, f"{path}: {component.errors}"
    return calendar


def vevents(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def zones(calendar: icalendar.Calendar) -> set[str]:
    return {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}


# -- the repository's site ---------------------------------------------------------------


def test_every_calendar_file_is_written(site: BuiltSite):
    expected = sorted(
        f"{PREFIX[lang]}calendars/{name}"
        for lang in LANGS
        for name in ("events.ics", "deadlines.ics", *(f"events/{event}.ics" for event in event_ids()))
    )
    assert sorted(p.relative_to(site.dir).as_posix() for p in ics_files(site)) == expected


def test_every_calendar_reparses_strictly(site: BuiltSite):
    files = ics_files(site)
    assert len(files) == len(LANGS) * (2 + len(event_ids()))
    for path in files:
        strict = IcsCalendarStream.calendar_from_ics(path.read_text(encoding="utf-8"))
        assert strict.prodid and strict.version == "2.0"
        parse(path)


def test_lines_end_in_crlf_and_are_folded_at_75_octets(site: BuiltSite):
    folded = 0
    for path in ics_files(site):
        data = path.read_bytes()
        assert data.endswith(b"\r\n"), path
        lines = data[:-2].split(b"\r\n")
        for line in lines:
            assert b"\n" not in line and b"\r" not in line, f"{path}: a bare line end"
            assert len(line) <= 75, f"{path}: {line[:40]!r}… is {len(line)} octets"
            line.decode("utf-8")  # folding never cuts a character in two
            folded += line.startswith(b" ")
    assert folded > 0, "nothing was long enough to fold: the check proved nothing"


def test_uids_are_stable_and_the_same_in_every_language(site: BuiltSite):
    expected = {f"event-{event}@{ID_DOMAIN}" for event in event_ids()}
    for lang in LANGS:
        calendar = parse(site.path(f"{PREFIX[lang]}calendars/events.ics"))
        events = vevents(calendar)
        assert set(events) == expected, lang
        for event_id in event_ids():
            single = vevents(parse(site.path(f"{PREFIX[lang]}calendars/events/{event_id}.ics")))
            uid = f"event-{event_id}@{ID_DOMAIN}"
            assert list(single) == [uid]
            # Importing the one-event file and subscribing to the calendar give one event.
            assert single[uid].to_ical() == events[uid].to_ical()


def test_dtstamp_is_the_build_moment(site: BuiltSite):
    stamps = [(path, event.decoded("DTSTAMP")) for path in ics_files(site) for event in parse(path).walk("VEVENT")]
    # Each event is in the calendar of all events and in a file of its own, in every language.
    assert len(stamps) >= 2 * len(event_ids()) * len(LANGS) > 0
    assert [path for path, stamp in stamps if stamp != BUILD_STAMP] == []


@pytest.mark.parametrize("lang", LANGS)
def test_titles_places_and_names_are_in_the_calendars_language(site: BuiltSite, lang: str):
    calendar = parse(site.path(f"{PREFIX[lang]}calendars/events.ics"))
    name = str(calendar["NAME"])
    assert name == str(calendar["X-WR-CALNAME"])
    assert name.endswith({"zh": "活动", "en": "events", "fr": "événements", "ja": "イベント"}[lang])
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Shanghai"
    assert calendar.decoded("REFRESH-INTERVAL") == timedelta(days=1)
    events = vevents(calendar)
    for event_id in event_ids():
        record = event_record(event_id)
        event = events[f"event-{event_id}@{ID_DOMAIN}"]
        assert str(event["SUMMARY"]) == in_language(record["title"], lang)
        assert str(event["LOCATION"]) == in_language(record["place"], lang)
        assert str(event["URL"]) == f"{TEST_SITE_URL}{PREFIX[lang]}events/{event_id}/"
        assert in_language(record["summary"], lang) in event.decoded("DESCRIPTION")


def test_all_day_events_are_dates_with_an_exclusive_end(site: BuiltSite):
    """The Japan roadshows run 21-25 April 2025, all day, in Asia/Tokyo."""
    calendar = parse(site.path("en/calendars/events/japan-roadshows-2025.ics"))
    event = calendar.walk("VEVENT")[0]
    assert event["DTSTART"].to_ical() == b"20250421" and event["DTSTART"].params["VALUE"] == "DATE"
    assert event["DTEND"].to_ical() == b"20250426" and event["DTEND"].params["VALUE"] == "DATE"
    assert zones(calendar) == {"Asia/Shanghai", "Asia/Tokyo"}


def test_every_calendar_carries_the_shanghai_zone(site: BuiltSite):
    files = ics_files(site)
    assert {site.path(f"{PREFIX[lang]}calendars/{name}.ics") for lang in LANGS for name in ("events", "deadlines")
            } <= set(files)
    for path in files:
        assert "Asia/Shanghai" in zones(parse(path)), path


# -- a fixture site with timed, cancelled and moved events and closed opportunities --------

EXTRA_EVENTS = {
    "cancelled-meeting": """\
title: {zh: 已取消的会议, en: "Talks, part 1; \\\\draft\\\\"}
summary: {zh: 摘要。, en: A meeting that will not take place.}
start: "2025-06-02 14:00"
end: "2025-06-02 16:30"
timezone: Asia/Tokyo
place: {zh: 东京, en: Tokyo}
status: cancelled
sequence: 1
""",
    "moved-forum": """\
title: {zh: 改期的论坛, en: Moved forum}
summary: {zh: 摘要。, en: A forum held on new dates.}
start: 2025-07-01
end: 2025-07-03
timezone: Asia/Shanghai
place: {zh: 成都, en: Chengdu}
status: moved
sequence: 2
""",
}
EXTRA_OPPORTUNITIES = {
    "closed-call": """\
title: {zh: 已截止, en: Closed call}
summary: {zh: 摘要。, en: Closed before the build date.}
issuer: {zh: 成都市, en: Chengdu}
sector: research-development
kind: grant
published: 2025-03-01
deadline: 2025-04-10
source: {zh: 来源, en: Source}
""",
    "no-deadline": """\
title: {zh: 无截止日期, en: No deadline}
summary: {zh: 摘要。, en: Open without a deadline.}
issuer: {zh: 成都市, en: Chengdu}
sector: research-development
kind: incentive
published: 2025-03-01
source: {zh: 来源, en: Source}
""",
}


def calendar_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal fixture with the events and opportunities above."""
    project = copy_project(tmp_path_factory.mktemp("calendar-project"), content_from=ROOT / "tests/fixtures/minimal")
    for folder, records in (("events", EXTRA_EVENTS), ("opportunities", EXTRA_OPPORTUNITIES)):
        for record_id, text in records.items():
            (project / "data" / folder / f"{record_id}.yml").write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = calendar_project(tmp_path_factory)
    built = build(project, tmp_path_factory.mktemp("calendar-site") / "site")
    assert built.result.returncode == 0, built.result.output
    return built


def test_fixture_calendars_reparse_strictly(changed_site: BuiltSite):
    files = ics_files(changed_site)
    assert len(files) == len(LANGS) * (2 + 3)
    for path in files:
        parse(path)


def test_timed_events_keep_their_own_zone(changed_site: BuiltSite):
    calendar = parse(changed_site.path("fr/calendars/events/test-event.ics"))
    event = calendar.walk("VEVENT")[0]
    assert event["DTSTART"].to_ical() == b"20250510T093000"
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event.decoded("DTSTART") == datetime(2025, 5, 10, 7, 30, tzinfo=ZoneInfo("UTC"))
    assert event.decoded("DTEND") == datetime(2025, 5, 10, 15, 0, tzinfo=ZoneInfo("UTC"))
    assert zones(calendar) == {"Asia/Shanghai", "Europe/Paris"}
    paris = next(zone for zone in calendar.walk("VTIMEZONE") if str(zone["TZID"]) == "Europe/Paris")
    assert {component.name for component in paris.subcomponents} == {"STANDARD", "DAYLIGHT"}
    strict = IcsCalendarStream.calendar_from_ics(changed_site.path("fr/calendars/events/test-event.ics").read_text())
    assert strict.events[0].dtstart == datetime(2025, 5, 10, 9, 30, tzinfo=ZoneInfo("Europe/Paris"))


def test_every_zone_a_calendar_names_is_defined_in_that_calendar(site: BuiltSite, changed_site: BuiltSite):
    """RFC 5545 (3.2.19): a TZID parameter must name a VTIMEZONE of the same calendar. The
    calendars of all events hold events of several zones (Paris and Tokyo in the fixture)."""
    named_somewhere = set()
    for built in (site, changed_site):
        for path in ics_files(built):
            calendar = parse(path)
            named = {str(prop.params["TZID"]) for component in calendar.walk("VEVENT")
                     for prop in component.values() if hasattr(prop, "params") and "TZID" in prop.params}
            assert named <= zones(calendar), f"{path}: {sorted(named - zones(calendar))} named but not defined"
            named_somewhere |= named
    assert {"Europe/Paris", "Asia/Tokyo"} <= named_somewhere


def test_cancelled_and_moved_events_stay_with_status_and_sequence(changed_site: BuiltSite):
    events = vevents(parse(changed_site.path("en/calendars/events.ics")))
    cancelled = events[f"event-cancelled-meeting@{ID_DOMAIN}"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled.decoded("SEQUENCE") == 1
    # Text values are escaped on the way out and come back as they were written.
    assert str(cancelled["SUMMARY"]) == "Cancelled: Talks, part 1; \\draft\\"
    assert b"Talks\\, part 1\\; \\\\draft\\\\" in changed_site.path("en/calendars/events.ics").read_bytes()
    moved = events[f"event-moved-forum@{ID_DOMAIN}"]
    assert str(moved["STATUS"]) == "CONFIRMED"
    assert moved.decoded("SEQUENCE") == 2
    assert moved.decoded("DTSTART") == date(2025, 7, 1) and moved.decoded("DTEND") == date(2025, 7, 4)
    assert "moved" in moved.decoded("DESCRIPTION")


def test_deadlines_calendar_holds_open_deadlines_as_all_day_events(changed_site: BuiltSite):
    for lang in LANGS:
        calendar = parse(changed_site.path(f"{PREFIX[lang]}calendars/deadlines.ics"))
        events = vevents(calendar)
        assert list(events) == [f"deadline-test-grant@{ID_DOMAIN}"], lang
        deadline = events[f"deadline-test-grant@{ID_DOMAIN}"]
        assert deadline["DTSTART"].to_ical() == b"20250501" and deadline["DTSTART"].params["VALUE"] == "DATE"
        assert deadline["DTEND"].to_ical() == b"20250502"
        title = {"zh": "测试资助", "en": "Test grant", "fr": "Test grant", "ja": "Test grant"}[lang]
        assert title in str(deadline["SUMMARY"])
        assert str(deadline["URL"]) == f"{TEST_SITE_URL}{PREFIX[lang]}opportunities/test-grant/"


@pytest.mark.parametrize("lang", LANGS)
def test_each_event_page_links_to_its_calendar_file_in_its_language(site: BuiltSite, lang: str):
    """Until it has ended: an event over is nothing to add to a calendar (its page says it
    took place), though its calendar file and the calendar of all events keep it."""
    base = urlsplit(TEST_SITE_URL).path
    ended = 0
    for event_id in event_ids():
        soup = site.soup(f"{PREFIX[lang]}events/{event_id}/")
        links = [a["href"] for a in soup.select("article a[href$='.ics']")]
        path = f"{base}{PREFIX[lang]}calendars/events/{event_id}.ics"
        if soup.select_one("article [data-status=ended]") is not None:
            ended += 1
            assert links == [], f"{lang} {event_id}"
        else:
            assert links == [path], f"{lang} {event_id}"
        calendar = parse(site.path(path.removeprefix(base)))
        assert list(vevents(calendar)) == [f"event-{event_id}@{ID_DOMAIN}"]
    assert 0 < ended < len(event_ids())  # on 20 April 2025 the conference is over, the roadshows are not
