"""The calendars of one language, written in this process over a handful of records
(tests/hub_in_memory.py) and read back as calendar apps read them: strictly re-parsed by
`ical` and by icalendar. Fast enough for mutation testing of hub.channels.calendars to run for every
mutant (scripts/mutants.py); tests/test_calendars.py checks the same files on a built site."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hub.channels.calendars import CalendarWriter
from hub.site.subscriptions import Subscriptions
from hub_in_memory import catalog, renderer, scratch_dir
from ical.calendar_stream import IcsCalendarStream
from sitebuild import TEST_SITE_URL

ID_DOMAIN = "chengdu-global-hub.github.io"
PREFIX = {"zh": "", "en": "en/", "fr": "fr/", "ja": "ja/"}
# Where a check holds in every language: the default one (at the site's root) and one whose
# texts fall back twice (to en, then zh). Each language written costs a fraction of a second,
# paid again for every mutant (scripts/mutants.py).
TWO_LANGUAGES = ("zh", "fr")
# sitebuild.BUILD_DATE (2025-04-20) at noon in Shanghai, the moment of a test build.
BUILD_STAMP = datetime(2025, 4, 20, 4, tzinfo=ZoneInfo("UTC"))

# Besides the fixture's sister-cities (in every language): a topic not named in French yet.
TOPICS = "trade: {zh: 贸易, en: Trade}\n"
# Besides the fixture's test-event (Paris, 10 May 2025, 09:30-17:00, timed).
EVENTS = {
    "tokyo-talks": """\
title: {zh: 已取消的会谈, en: "Talks, part 1; \\\\draft\\\\"}
summary: {zh: 会谈摘要。, en: Talks that will not take place.}
start: "2025-06-02 14:00"
end: "2025-06-02 16:30"
timezone: Asia/Tokyo
place: {zh: 东京, en: Tokyo, fr: Tokyo (Japon)}
organiser: {zh: 成都市外办, en: Chengdu Foreign Affairs Office}
topics: [sister-cities]
status: cancelled
sequence: 3
""",
    "moved-forum": """\
title: {zh: 改期的论坛, en: Moved forum, fr: Forum déplacé}
topics: [trade, sister-cities]
summary: {zh: 论坛摘要。, en: A forum held on new dates., fr: Un forum à de nouvelles dates.}
start: 2025-07-01
end: 2025-07-03
timezone: Asia/Kolkata
place: {zh: 成都, en: Chengdu}
status: moved
sequence: 2
aliases: [events/forum-2025/]
""",
    # A summer in Paris before the other events, and a winter after them: the zone's rules
    # must cover the years of every event.
    "paris-summer-2024": """\
title: {zh: 巴黎夏季, en: Paris in summer}
summary: {zh: 摘要。, en: Summer.}
start: "2024-07-15 10:00"
end: "2024-07-15 12:00"
timezone: Europe/Paris
place: {zh: 巴黎, en: Paris}
""",
    "paris-winter-2026": """\
title: {zh: 巴黎冬季, en: Paris in winter}
summary: {zh: 摘要。, en: Winter.}
start: "2026-12-10 18:00"
end: "2026-12-10 20:00"
timezone: Europe/Paris
place: {zh: 巴黎, en: Paris}
""",
}
OPPORTUNITY = """\
title: {{zh: 机会{n}, en: Offer {n}}}
summary: {{zh: 摘要{n}。, en: Summary {n}., fr: Résumé {n}.}}
issuer: {{zh: 成都市, en: Chengdu City}}
sector: research-development
kind: grant
published: 2025-03-01
source: {{zh: 来源, en: Source}}
"""
# Besides the fixture's test-grant (deadline 1 May 2025, open on the build date).
OPPORTUNITIES = {
    "closing-soon": OPPORTUNITY.format(n=1) + "deadline: 2025-04-25\ntopics: [sister-cities]\n",
    "closed": OPPORTUNITY.format(n=2) + "deadline: 2025-04-19\n",
    "closes-today": OPPORTUNITY.format(n=3) + "deadline: 2025-04-20\n",
    "no-deadline": OPPORTUNITY.format(n=4),
    "renamed": OPPORTUNITY.format(n=5)
    + "topics: [unlisted-topic]\ndeadline: 2028-06-30\naliases: [opportunities/first-name/]\n",
}


def parse(data: bytes) -> icalendar.Calendar:
    """As calendar apps read it: icalendar reports what it had to repair (and `ical`, which
    refuses what RFC 5545 does not allow, reads every file in
    test_each_language_has_its_two_subscriptions_and_a_file_per_event)."""
    calendar = icalendar.Calendar.from_ical(data.decode("utf-8"))
    for component in calendar.walk():
        assert not component.errors, component.errors
    return calendar


def unfolded(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def vevents(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def zone_ids(calendar: icalendar.Calendar) -> list[str]:
    return [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")]


@pytest.fixture
def scratch() -> Iterator[Path]:
    with scratch_dir() as folder:
        yield folder


class Written(dict):
    """The calendar files of each language (by path inside its root), written when a test
    first asks for that language: inside the test, so that mutation testing knows which
    tests call the writer (a fixture shared by several tests counts for the first alone)."""

    def __missing__(self, lang: str) -> dict[str, bytes]:

        hub = renderer(catalog(events=EVENTS, opportunities=OPPORTUNITIES, topics=TOPICS))
        writer = CalendarWriter(hub, Subscriptions(hub.settings, hub.catalog, hub.ui))
        with scratch_dir() as site:
            reported = writer.write_language(site, lang)
            root = site / PREFIX[lang]
            assert set(reported) == set((root / "calendars").rglob("*.ics")), lang
            self[lang] = {path.relative_to(root).as_posix(): path.read_bytes() for path in reported}
        return self[lang]


@pytest.fixture
def written() -> Written:
    return Written()


def test_each_language_has_its_two_subscriptions_and_a_file_per_event(written):
    events = ["moved-forum", "paris-summer-2024", "paris-winter-2026", "test-event", "tokyo-talks"]
    for lang in TWO_LANGUAGES:
        assert sorted(written[lang]) == sorted(
            ["calendars/events.ics", "calendars/deadlines.ics", *(f"calendars/events/{e}.ics" for e in events)]
        ), lang
        for data in written[lang].values():
            strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
            assert strict.version == "2.0" and parse(data)["VERSION"] == "2.0"


@pytest.mark.parametrize(("lang", "name", "title", "description"), [
    ("en", "events", "Chengdu Global Hub: events",
     "Events of Chengdu and its partner cities, past ones included, at the local time of each event."),
    ("fr", "deadlines", "Chengdu Global Hub : dates limites des opportunités",
     "Dates limites des opportunités encore ouvertes, sous forme d'événements d'une journée."),
    ("zh", "events", "成都国际友城合作枢纽：活动",
     "成都与国际友城的活动（含已结束的活动），时间为各活动所在地的当地时间。"),
])
def test_a_subscription_names_itself_in_its_language_and_asks_for_a_daily_refresh(written, lang, name, title,
                                                                                  description):
    data = written[lang][f"calendars/{name}.ics"]
    calendar = parse(data)
    assert str(calendar["PRODID"]) == f"-//{ID_DOMAIN}//Chengdu Global Hub//{lang.upper()}"
    assert str(calendar["CALSCALE"]) == "GREGORIAN" and str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["NAME"]) == title and str(calendar["X-WR-CALNAME"]) == title
    assert str(calendar["DESCRIPTION"]) == description
    # Apps that read only the X-WR- names get the same text, escaped as TEXT must be.
    escaped = description.replace(",", "\\,").replace(";", "\\;")
    assert f"X-WR-CALDESC:{escaped}" in unfolded(data)
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Shanghai"
    address = f"{TEST_SITE_URL}{PREFIX[lang]}calendars/{name}.ics"
    for key in ("URL", "SOURCE"):
        assert str(calendar[key]) == address and calendar[key].params["VALUE"] == "URI"
    assert calendar.decoded("REFRESH-INTERVAL") == timedelta(days=1)
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert "X-PUBLISHED-TTL:P1D" in unfolded(data)


def test_a_one_event_file_is_an_import_not_a_subscription(written):
    """Importing it adds one event to the reader's own calendar; a name, an address or a
    refresh interval would make some apps create a calendar of its own."""
    data = written["en"]["calendars/events/test-event.ics"]
    calendar = parse(data)
    assert str(calendar["PRODID"]) == f"-//{ID_DOMAIN}//Chengdu Global Hub//EN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    for key in ("NAME", "X-WR-CALNAME", "DESCRIPTION", "X-WR-CALDESC", "URL", "SOURCE", "REFRESH-INTERVAL",
                "X-PUBLISHED-TTL", "X-WR-TIMEZONE"):
        assert key not in calendar, key
    assert list(vevents(calendar)) == [f"event-test-event@{ID_DOMAIN}"]


def test_each_event_is_the_same_in_its_own_file_and_in_the_subscription(written):
    for lang in TWO_LANGUAGES:
        events = vevents(parse(written[lang]["calendars/events.ics"]))
        assert len(events) == 5
        for event_id in ("test-event", "tokyo-talks", "paris-summer-2024"):
            [single] = vevents(parse(written[lang][f"calendars/events/{event_id}.ics"])).values()
            assert single.to_ical() == events[f"event-{event_id}@{ID_DOMAIN}"].to_ical(), (lang, event_id)


def test_uids_do_not_depend_on_the_language_and_a_renamed_event_keeps_its_first_one(written):
    expected = {f"event-{event_id}@{ID_DOMAIN}" for event_id in
                ("test-event", "tokyo-talks", "forum-2025", "paris-summer-2024", "paris-winter-2026")}
    for lang in TWO_LANGUAGES:
        assert set(vevents(parse(written[lang]["calendars/events.ics"]))) == expected, lang
    [moved] = vevents(parse(written["fr"]["calendars/events/moved-forum.ics"])).values()
    assert str(moved["UID"]) == f"event-forum-2025@{ID_DOMAIN}"
    assert str(moved["URL"]) == f"{TEST_SITE_URL}fr/events/moved-forum/"


def test_every_event_is_stamped_with_the_build_moment_in_utc(written):
    for lang in TWO_LANGUAGES:
        for data in written[lang].values():
            for event in parse(data).walk("VEVENT"):
                assert event.decoded("DTSTAMP") == BUILD_STAMP
                assert event["DTSTAMP"].to_ical().endswith(b"Z")


def test_timed_events_keep_their_own_zone_and_local_time(written):
    events = vevents(parse(written["ja"]["calendars/events.ics"]))
    paris = events[f"event-test-event@{ID_DOMAIN}"]
    assert paris["DTSTART"].to_ical() == b"20250510T093000" and paris["DTSTART"].params["TZID"] == "Europe/Paris"
    assert paris["DTEND"].to_ical() == b"20250510T170000" and paris["DTEND"].params["TZID"] == "Europe/Paris"
    assert paris.decoded("DTSTART") == datetime(2025, 5, 10, 7, 30, tzinfo=ZoneInfo("UTC"))
    tokyo = events[f"event-tokyo-talks@{ID_DOMAIN}"]
    assert tokyo["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert tokyo.decoded("DTEND") == datetime(2025, 6, 2, 7, 30, tzinfo=ZoneInfo("UTC"))


def test_all_day_events_are_dates_with_an_exclusive_end(written):
    moved = vevents(parse(written["en"]["calendars/events.ics"]))[f"event-forum-2025@{ID_DOMAIN}"]
    assert moved["DTSTART"].to_ical() == b"20250701" and moved["DTSTART"].params["VALUE"] == "DATE"
    assert moved["DTEND"].to_ical() == b"20250704" and moved["DTEND"].params["VALUE"] == "DATE"


def test_every_calendar_defines_shanghai_and_each_zone_its_events_name(written):
    """RFC 5545 (3.2.19): a TZID must name a VTIMEZONE of the same calendar. Asia/Shanghai,
    the site's zone (X-WR-TIMEZONE), comes first in every calendar; an all-day event's zone
    (Kolkata for the moved forum) is given too, for the apps that show it."""
    for lang in TWO_LANGUAGES:
        for path, data in written[lang].items():
            calendar = parse(data)
            named = {str(prop.params["TZID"]) for event in calendar.walk("VEVENT")
                     for prop in event.values() if "TZID" in getattr(prop, "params", {})}
            defined = zone_ids(calendar)
            assert len(defined) == len(set(defined)), (lang, path)
            assert defined[0] == "Asia/Shanghai" and named <= set(defined), (lang, path)
    assert zone_ids(parse(written["en"]["calendars/events.ics"])) == [
        "Asia/Shanghai", "Asia/Kolkata", "Asia/Tokyo", "Europe/Paris"]
    assert zone_ids(parse(written["en"]["calendars/deadlines.ics"])) == ["Asia/Shanghai"]
    assert zone_ids(parse(written["en"]["calendars/events/moved-forum.ics"])) == ["Asia/Shanghai", "Asia/Kolkata"]
    assert zone_ids(parse(written["en"]["calendars/events/tokyo-talks.ics"])) == ["Asia/Shanghai", "Asia/Tokyo"]


def onsets(zone: icalendar.Timezone) -> list[tuple[datetime, timedelta]]:
    """When each observance of a VTIMEZONE begins (its DTSTART and RDATEs), and its offset."""
    found = []
    for observance in zone.subcomponents:
        rdates = observance.get("RDATE", [])
        starts = [observance.decoded("DTSTART")]
        for rdate in rdates if isinstance(rdates, list) else [rdates]:
            starts += [period.dt for period in rdate.dts]
        found += [(start.replace(tzinfo=None), observance.decoded("TZOFFSETTO")) for start in starts]
    return sorted(found)


def offset_in(zone: icalendar.Timezone, local: datetime) -> timedelta:
    """The UTC offset at `local` as an app that reads only the VTIMEZONE finds it: that of
    the last observance begun by then."""
    begun = [onset for onset in onsets(zone) if onset[0] <= local]
    assert begun, f"{zone['TZID']} has no rule for {local}"
    return begun[-1][1]


def test_the_zones_alone_give_every_event_its_utc_time(written):
    """Apps without a time zone database of their own (Outlook among them) take the offset
    from the VTIMEZONE: its rules must cover every event, from the first year to the last."""
    calendar = parse(written["en"]["calendars/events.ics"])
    zones = {str(zone["TZID"]): zone for zone in calendar.walk("VTIMEZONE")}
    checked = 0
    for event in calendar.walk("VEVENT"):
        for key in ("DTSTART", "DTEND"):
            value = event[key]
            if "TZID" not in value.params:
                continue
            local = value.dt.replace(tzinfo=None)
            expected = local.replace(tzinfo=ZoneInfo(value.params["TZID"])).utcoffset()
            assert offset_in(zones[value.params["TZID"]], local) == expected, (event["UID"], key)
            checked += 1
    assert checked == 8


def test_zone_rules_run_from_the_first_year_of_the_content_to_the_year_after_its_last(written):
    """The first date is the summer of 2024 in Paris, the last the renamed offer's deadline
    (30 June 2028): an event a reader copies to the next year keeps its time, and no rules
    beyond make the file grow with nothing to show."""
    calendar = parse(written["en"]["calendars/events.ics"])
    [paris] = [zone for zone in calendar.walk("VTIMEZONE") if str(zone["TZID"]) == "Europe/Paris"]
    years = [onset.year for onset, _offset in onsets(paris)]
    assert (min(years), max(years)) == (2024, 2029)
    assert offset_in(paris, datetime(2029, 7, 1, 12)) == timedelta(hours=2)


@pytest.mark.parametrize(("lang", "summary", "place", "lines"), [
    ("en", "Cancelled: Talks, part 1; \\draft\\", "Tokyo",
     ["This event has been cancelled.", "Talks that will not take place.",
      "Organiser: Chengdu Foreign Affairs Office", f"Read on the site: {TEST_SITE_URL}en/events/tokyo-talks/"]),
    ("fr", "Annulé : Talks, part 1; \\draft\\", "Tokyo (Japon)",
     ["Cet événement est annulé.", "Talks that will not take place.",
      "Organisateur: Chengdu Foreign Affairs Office", f"Lire sur le site: {TEST_SITE_URL}fr/events/tokyo-talks/"]),
    ("zh", "已取消：已取消的会谈", "东京",
     ["该活动已取消。", "会谈摘要。", "主办方: 成都市外办", f"在网站上阅读: {TEST_SITE_URL}events/tokyo-talks/"]),
])
def test_a_cancelled_event_stays_marked_in_the_calendars_language(written, lang, summary, place, lines):
    data = written[lang]["calendars/events.ics"]
    event = vevents(parse(data))[f"event-tokyo-talks@{ID_DOMAIN}"]
    assert str(event["SUMMARY"]) == summary
    assert str(event["STATUS"]) == "CANCELLED"
    assert event.decoded("SEQUENCE") == 3
    assert str(event["LOCATION"]) == place
    assert str(event["DESCRIPTION"]) == "\n\n".join(lines)
    assert str(event["URL"]) == f"{TEST_SITE_URL}{PREFIX[lang]}events/tokyo-talks/"
    assert event["URL"].params["VALUE"] == "URI"
    assert str(event["TRANSP"]) == "TRANSPARENT"
    assert event["CATEGORIES"].cats == [{"en": "Partner cities", "fr": "Villes partenaires", "zh": "国际友城"}[lang]]


def test_a_moved_event_says_so_and_a_scheduled_one_starts_with_its_summary(written):
    events = vevents(parse(written["fr"]["calendars/events.ics"]))
    moved = events[f"event-forum-2025@{ID_DOMAIN}"]
    assert str(moved["SUMMARY"]) == "Forum déplacé"
    assert str(moved["STATUS"]) == "CONFIRMED" and moved.decoded("SEQUENCE") == 2
    assert str(moved["LOCATION"]) == "Chengdu"  # not written in French: the English text
    assert str(moved["DESCRIPTION"]) == "\n\n".join([
        "Cet événement a été déplacé. La date et le lieu indiqués ici sont à jour.",
        "Un forum à de nouvelles dates.", f"Lire sur le site: {TEST_SITE_URL}fr/events/moved-forum/"])
    assert moved["CATEGORIES"].cats == ["Trade", "Villes partenaires"]
    scheduled = events[f"event-test-event@{ID_DOMAIN}"]
    assert str(scheduled["SUMMARY"]) == "Test event" and str(scheduled["STATUS"]) == "CONFIRMED"
    assert scheduled.decoded("SEQUENCE") == 0 and str(scheduled["TRANSP"]) == "TRANSPARENT"
    assert str(scheduled["DESCRIPTION"]) == "\n\n".join([
        "A test event.", f"Lire sur le site: {TEST_SITE_URL}fr/events/test-event/"])


def test_deadlines_are_the_open_ones_nearest_first_as_all_day_events(written):
    """On 20 April 2025: closed the day before and without a deadline are left out; one
    closing that day, or soon, is still open."""
    for lang in TWO_LANGUAGES:
        deadlines = list(vevents(parse(written[lang]["calendars/deadlines.ics"])).values())
        assert [(str(d["UID"]), d["DTSTART"].to_ical(), d["DTEND"].to_ical()) for d in deadlines] == [
            (f"deadline-closes-today@{ID_DOMAIN}", b"20250420", b"20250421"),
            (f"deadline-closing-soon@{ID_DOMAIN}", b"20250425", b"20250426"),
            (f"deadline-test-grant@{ID_DOMAIN}", b"20250501", b"20250502"),
            (f"deadline-first-name@{ID_DOMAIN}", b"20280630", b"20280701"),
        ], lang
        for deadline in deadlines:
            assert deadline["DTSTART"].params["VALUE"] == "DATE" and deadline["DTEND"].params["VALUE"] == "DATE"
            assert deadline.decoded("DTSTAMP") == BUILD_STAMP
            assert str(deadline["STATUS"]) == "CONFIRMED" and deadline.decoded("SEQUENCE") == 0
            assert str(deadline["TRANSP"]) == "TRANSPARENT"


@pytest.mark.parametrize(("lang", "summary", "lines", "categories"), [
    ("en", "Deadline: Offer 1", ["Summary 1.", "Issuer: Chengdu City"], ["Partner cities"]),
    ("fr", "Date limite : Offer 1", ["Résumé 1.", "Émetteur: Chengdu City"], ["Villes partenaires"]),
    ("zh", "截止：机会1", ["摘要1。", "发布方: 成都市"], ["国际友城"]),
])
def test_a_deadline_says_what_closes_who_offers_it_and_where_to_read_it(written, lang, summary, lines, categories):
    deadline = vevents(parse(written[lang]["calendars/deadlines.ics"]))[f"deadline-closing-soon@{ID_DOMAIN}"]
    page = f"{TEST_SITE_URL}{PREFIX[lang]}opportunities/closing-soon/"
    read = {"en": "Read on the site", "fr": "Lire sur le site", "zh": "在网站上阅读"}[lang]
    assert str(deadline["SUMMARY"]) == summary
    assert str(deadline["DESCRIPTION"]) == "\n\n".join([*lines, f"{read}: {page}"])
    assert str(deadline["URL"]) == page and deadline["URL"].params["VALUE"] == "URI"
    assert deadline["CATEGORIES"].cats == categories
    renamed = vevents(parse(written[lang]["calendars/deadlines.ics"]))[f"deadline-first-name@{ID_DOMAIN}"]
    assert str(renamed["URL"]) == f"{TEST_SITE_URL}{PREFIX[lang]}opportunities/renamed/"
    assert "CATEGORIES" not in renamed  # a topic without a label is left out
    # Not written in French: the English summary and issuer.
    grant = vevents(parse(written[lang]["calendars/deadlines.ics"]))[f"deadline-test-grant@{ID_DOMAIN}"]
    assert str(grant["DESCRIPTION"]).split("\n\n")[:2] == {
        "en": ["A test grant.", "Issuer: Chengdu"], "fr": ["A test grant.", "Émetteur: Chengdu"],
        "zh": ["测试资助摘要。", "发布方: 成都市"]}[lang]


def test_a_hub_without_records_still_gives_valid_calendars(scratch: Path):
    """Zones then cover the build's year: a new hub's subscription is valid from day one."""

    hub = renderer(catalog(only=True))
    writer = CalendarWriter(hub, Subscriptions(hub.settings, hub.catalog, hub.ui))
    paths = writer.write_language(scratch, "en")
    assert sorted(p.relative_to(scratch).as_posix() for p in paths) == ["en/calendars/deadlines.ics",
                                                                          "en/calendars/events.ics"]
    for path in paths:
        calendar = parse(path.read_bytes())
        assert calendar.walk("VEVENT") == []
        [shanghai] = calendar.walk("VTIMEZONE")
        assert offset_in(shanghai, datetime(2025, 4, 20, 12)) == timedelta(hours=8)


def test_zones_do_not_change_with_the_build_date(scratch: Path):
    """A rebuild next day or next year gives the same VTIMEZONE while the content is the
    same: subscribed apps are not sent a changed calendar every day."""

    outputs = []
    for day in (date(2025, 4, 20), date(2027, 1, 5)):
        hub = renderer(catalog(), build_date=day)
        writer = CalendarWriter(hub, Subscriptions(hub.settings, hub.catalog, hub.ui))
        [path] = [p for p in writer.write_language(scratch / str(day), "en") if p.name == "events.ics"]
        outputs.append([zone.to_ical() for zone in parse(path.read_bytes()).walk("VTIMEZONE")])
    assert outputs[0] == outputs[1]
