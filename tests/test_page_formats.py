"""How the generated pages write amounts, event times, coordinates and statuses, for
cases the real data does not have yet (other currencies, sums a unit would round,
southern and western coordinates, a span across a change of summer time)."""

from __future__ import annotations

from datetime import date

import pytest
from hub.kinds.city import coordinates_text
from hub.site.event_time import event_when
from hub.source.amounts import format_amount, format_money
from hub.source.models import Amount, Coordinates, Event, LocalizedShort, Opportunity
from hub.source.status import (
    by_deadline,
    by_start,
    event_is_live,
    event_is_upcoming,
    event_state,
    opportunity_is_live,
    opportunity_status,
)
from hub.source.ui import load_ui
from sitebuild import ROOT, site_languages

LANGS = ("zh", "en", "fr", "ja")


@pytest.fixture(scope="module")
def ui():
    return load_ui(ROOT / "overrides" / "hub" / "ui.yml", ROOT, site_languages())


@pytest.mark.parametrize(("value", "currency", "expected"), [
    (10_000_000, "CNY", {"zh": "1000万元", "en": "CN¥10 million", "fr": "10\u00a0millions\u00a0CNY", "ja": "1000万元"}),
    (1_500_000, "USD", {"zh": "150万美元", "en": "$1.5 million", "fr": "1,5\u00a0million\u00a0$US",
                        "ja": "150万米ドル"}),
    (250_000_000, "CNY", {"zh": "2.5亿元", "en": "CN¥250 million", "fr": "250\u00a0millions\u00a0CNY",
                          "ja": "2.5億元"}),
    # A unit would round these: they are written in full.
    (10_000_250, "EUR", {"zh": "10,000,250欧元", "en": "€10,000,250", "fr": "10\u202f000\u202f250\u00a0€",
                         "ja": "10,000,250ユーロ"}),
    (5_000, "JPY", {"zh": "5,000日元", "en": "¥5,000", "fr": "5\u202f000\u00a0JPY", "ja": "5,000円"}),
])
def test_money_per_language(ui, value: int, currency: str, expected: dict[str, str]) -> None:
    assert {lang: format_money(value, currency, lang, ui.money_styles[lang]) for lang in LANGS} == expected


@pytest.mark.parametrize(("amount", "expected"), [
    (Amount(value=10_000_000, currency="CNY", period="year", up_to=True),
     {"zh": "最高1000万元/年", "en": "up to CN¥10 million a year", "fr": "jusqu'à 10\u00a0millions\u00a0CNY par an",
      "ja": "年間最大1000万元"}),
    (Amount(value=2_000_000, currency="CNY", period="once"),
     {"zh": "一次性200万元", "en": "CN¥2 million, one-off", "fr": "2\u00a0millions\u00a0CNY, versement unique",
      "ja": "一時金200万元"}),
    (Amount(value=50_000, currency="EUR", period="month"),
     {"zh": "5万欧元/月", "en": "€50,000 a month", "fr": "50\u202f000\u00a0€ par mois", "ja": "月額5万ユーロ"}),
])
def test_amount_with_period_and_maximum(ui, amount: Amount, expected: dict[str, str]) -> None:
    assert {lang: format_amount(amount, lang, ui) for lang in LANGS} == expected


def _event(start: str, end: str, zone: str) -> Event:
    text = LocalizedShort({"zh": "活动", "en": "Event"})
    return Event(title=text, summary=text, place=text, start=start, end=end, timezone=zone)


def test_span_across_a_change_of_summer_time_shows_both_offsets(ui) -> None:
    when = event_when(_event("2025-10-25 09:30", "2025-10-26 17:00", "Europe/Paris"), "en", ui)
    assert " ".join(when.text.split()) == (
        "October 25, 2025, 09:30 – October 26, 2025, 17:00 (Europe/Paris, UTC+02:00 / UTC+01:00)"
    )
    assert (when.start_iso, when.end_iso) == ("2025-10-25T09:30+02:00", "2025-10-26T17:00+01:00")


def test_days_across_a_year_and_across_months(ui) -> None:
    across_year = event_when(_event("2025-12-28", "2026-01-02", "Asia/Tokyo"), "fr", ui)
    assert " ".join(across_year.text.split()) == "28 décembre 2025 – 2 janvier 2026 (Asia/Tokyo)"
    across_month = event_when(_event("2025-04-28", "2025-05-02", "Asia/Shanghai"), "zh", ui)
    assert across_month.text == "2025年4月28日至5月2日（Asia/Shanghai）"


def test_coordinates_south_and_west(ui) -> None:
    santiago = Coordinates(lat=-33.45, lon=-70.667)
    assert coordinates_text(santiago, "en", ui) == "33.45° S, 70.667° W"
    assert coordinates_text(santiago, "fr", ui) == "33,45° S, 70,667° O"
    assert coordinates_text(santiago, "zh", ui) == "南纬 33.45°，西经 70.667°"


def _opportunity(deadline: str | None) -> Opportunity:
    text = LocalizedShort({"zh": "机会", "en": "Opportunity"})
    return Opportunity(title=text, summary=text, issuer=text, source=text, sector="trade", kind="grant",
                       published="2025-04-01", deadline=deadline)


@pytest.mark.parametrize(("deadline", "state", "days"), [
    ("2025-05-05", "open", 15),
    ("2025-05-04", "closing-soon", 14),
    ("2025-04-20", "closing-soon", 0),
    ("2025-04-19", "closed", -1),
    (None, "open", None),
])
def test_opportunity_status_on_the_build_date(deadline: str | None, state: str, days: int | None) -> None:
    status = opportunity_status(_opportunity(deadline), today=date(2025, 4, 20), closing_soon_days=14)
    assert (status.state, status.days_left) == (state, days)


def test_timed_event_is_upcoming_through_its_last_local_day() -> None:
    event = _event("2025-04-19 22:00", "2025-04-20 02:00", "America/New_York")
    assert event_is_upcoming(event, today=date(2025, 4, 20))
    assert not event_is_upcoming(event, today=date(2025, 4, 21))


@pytest.mark.parametrize(("confirmed", "today", "state"), [
    (None, "2025-09-28", "open"),  # published 2025-04-01 counts: 180 days later, still open
    (None, "2025-09-29", "unconfirmed"),  # 181 days
    ("2025-09-01", "2025-09-29", "open"),  # confirmed again
    ("2025-09-01", "2026-02-28", "open"),  # 180 days after 1 September
    ("2025-09-01", "2026-03-01", "unconfirmed"),
])
def test_offer_without_deadline_needs_confirming(confirmed: str | None, today: str, state: str) -> None:
    text = LocalizedShort({"zh": "机会", "en": "Opportunity"})
    offer = Opportunity(title=text, summary=text, issuer=text, source=text, sector="trade", kind="grant",
                        published="2025-04-01", confirmed=confirmed)
    status = opportunity_status(offer, today=date.fromisoformat(today), closing_soon_days=14, confirm_after_days=180)
    assert status.state == state
    assert status.confirmed == date.fromisoformat(confirmed or "2025-04-01")
    assert status.is_open == (state == "open")


def test_event_upcoming_ongoing_ended_by_its_own_days() -> None:
    # 22:00-02:00 in New York: its days are 19 and 20 April there, whatever the hour in Chengdu.
    event = _event("2025-04-19 22:00", "2025-04-20 02:00", "America/New_York")
    assert event_state(event, today=date(2025, 4, 18)) == "upcoming"
    assert event_state(event, today=date(2025, 4, 19)) == "ongoing"
    assert event_state(event, today=date(2025, 4, 20)) == "ongoing"
    assert event_state(event, today=date(2025, 4, 21)) == "ended"
    assert event_is_live(event, today=date(2025, 4, 20)) and not event_is_live(event, today=date(2025, 4, 21))


def test_an_all_day_event_is_upcoming_ongoing_and_ended_by_its_dates() -> None:
    text = LocalizedShort({"zh": "活动", "en": "Event"})
    event = Event(title=text, summary=text, place=text, start="2025-04-19", end="2025-04-20", timezone="Asia/Tokyo")
    states = [event_state(event, today=date(2025, 4, day)) for day in (18, 19, 20, 21)]
    assert states == ["upcoming", "ongoing", "ongoing", "ended"]


@pytest.mark.parametrize(("today", "confirm_after_days", "live"), [
    ("2025-09-28", None, True),  # 180 days after publication: the default still counts it
    ("2025-09-29", None, False),
    ("2025-05-01", 30, True),
    ("2025-05-02", 30, False),  # the hub's own setting, not the default
])
def test_an_offer_without_deadline_is_promoted_while_confirmed(today: str, confirm_after_days: int | None,
                                                                live: bool) -> None:
    offer = _opportunity(None)
    given = {} if confirm_after_days is None else {"confirm_after_days": confirm_after_days}
    day = date.fromisoformat(today)
    assert opportunity_is_live(offer, today=day, closing_soon_days=14, **given) is live
    assert (opportunity_status(offer, today=day, closing_soon_days=14, **given).state == "open") is live


@pytest.mark.parametrize(("deadline", "live"), [("2025-04-25", True), ("2025-05-20", True), ("2025-04-19", False)])
def test_an_offer_is_promoted_until_its_deadline(deadline: str, live: bool) -> None:
    assert opportunity_is_live(_opportunity(deadline), today=date(2025, 4, 20), closing_soon_days=14) is live


def test_lists_show_the_nearest_deadline_first_and_offers_without_one_last() -> None:
    records = {"b": _opportunity("2025-06-01"), "a": _opportunity("2025-06-01"), "c": _opportunity(None),
               "d": _opportunity("2025-05-01"), "0": _opportunity(None)}
    assert [key for key, _ in sorted(records.items(), key=by_deadline)] == ["d", "a", "b", "0", "c"]


def test_lists_show_events_by_the_moment_they_start_wherever_they_are() -> None:
    text = LocalizedShort({"zh": "活动", "en": "Event"})
    events = {
        "shanghai-morning": _event("2025-05-10 09:30", "2025-05-10 12:00", "Asia/Shanghai"),  # 01:30 UTC
        "tokyo-morning": _event("2025-05-10 10:00", "2025-05-10 12:00", "Asia/Tokyo"),  # 01:00 UTC
        "paris-night": _event("2025-05-09 23:00", "2025-05-10 01:00", "Europe/Paris"),  # 21:00 UTC the day before
        "all-day-b": Event(title=text, summary=text, place=text, start="2025-05-10", end="2025-05-10",
                           timezone="Asia/Shanghai"),  # midnight in Shanghai: 16:00 UTC the day before
        "all-day-a": Event(title=text, summary=text, place=text, start="2025-05-10", end="2025-05-11",
                           timezone="Asia/Shanghai"),
    }
    assert [key for key, _ in sorted(events.items(), key=by_start)] == [
        "all-day-a", "all-day-b", "paris-night", "tokyo-morning", "shanghai-morning",
    ]


# What an event page says of its time, in each language: one day, days of one month, hours
# of one day (a span of times), across midnight (two dates with times), west and at UTC.
WHEN = [
    pytest.param("2025-04-30", "2025-04-30", "Asia/Shanghai", {
        "zh": "2025年4月30日（Asia/Shanghai）",
        "en": "April 30, 2025 (Asia/Shanghai)",
        "fr": "30 avril 2025 (Asia/Shanghai)",
        "ja": "2025年4月30日（Asia/Shanghai）",
    }, ("2025-04-30", "2025-04-30"), id="one day"),
    pytest.param("2025-04-21", "2025-04-25", "Asia/Tokyo", {
        "zh": "2025年4月21日至25日（Asia/Tokyo）",
        "en": "April 21\u2009–\u200925, 2025 (Asia/Tokyo)",
        "fr": "21–25 avril 2025 (Asia/Tokyo)",
        "ja": "2025年4月21日～25日（Asia/Tokyo）",
    }, ("2025-04-21", "2025-04-25"), id="days of one month"),
    pytest.param("2025-05-10 14:00", "2025-05-10 17:30", "Asia/Tokyo", {
        "zh": "2025年5月10日 14:00–17:30（Asia/Tokyo，UTC+09:00）",
        "en": "May 10, 2025, 14:00\u2009–\u200917:30 (Asia/Tokyo, UTC+09:00)",
        "fr": "10 mai 2025, 14:00\u2009–\u200917:30 (Asia/Tokyo, UTC+09:00)",
        "ja": "2025年5月10日 14時00分～17時30分（Asia/Tokyo、UTC+09:00）",
    }, ("2025-05-10T14:00+09:00", "2025-05-10T17:30+09:00"), id="hours of one day, east of UTC"),
    pytest.param("2025-01-10 17:00", "2025-01-11 18:15", "America/New_York", {
        "zh": "2025年1月10日 17:00 – 2025年1月11日 18:15（America/New_York，UTC-05:00）",
        "en": "January 10, 2025, 17:00\u2009–\u2009January 11, 2025, 18:15 (America/New_York, UTC-05:00)",
        "fr": "10 janvier 2025, 17:00\u2009–\u200911 janvier 2025, 18:15 (America/New_York, UTC-05:00)",
        "ja": "2025年1月10日 17:00～2025年1月11日 18:15（America/New_York、UTC-05:00）",
    }, ("2025-01-10T17:00-05:00", "2025-01-11T18:15-05:00"), id="across midnight, west of UTC"),
    pytest.param("2025-01-10 09:00", "2025-01-10 10:00", "Europe/London", {
        "zh": "2025年1月10日 09:00–10:00（Europe/London，UTC+00:00）",
        "en": "January 10, 2025, 09:00\u2009–\u200910:00 (Europe/London, UTC+00:00)",
        "fr": "10 janvier 2025, 09:00\u2009–\u200910:00 (Europe/London, UTC+00:00)",
        "ja": "2025年1月10日 9時00分～10時00分（Europe/London、UTC+00:00）",
    }, ("2025-01-10T09:00+00:00", "2025-01-10T10:00+00:00"), id="at UTC"),
]


@pytest.mark.parametrize(("start", "end", "zone", "texts", "iso"), WHEN)
def test_event_times_as_each_language_writes_them(ui, start: str, end: str, zone: str, texts: dict[str, str],
                                                   iso: tuple[str, str]) -> None:
    event = _event(start, end, zone)
    for lang, text in texts.items():
        when = event_when(event, lang, ui)
        assert (when.text, when.start_iso, when.end_iso) == (text, *iso), lang


def test_counts_are_written_as_each_language_groups_digits_and_years_as_they_are(ui) -> None:
    assert {lang: ui.t("articles_count", lang, count=1540) for lang in LANGS} == {
        "zh": "1,540 篇", "en": "1,540 articles", "fr": "1\u202f540 articles", "ja": "1,540 件"}
    assert ui.t("page_of", "fr", page=2, pages=1000) == "Page 2 sur 1\u202f000"
    assert ui.t("articles_count", "en", count=999) == "999 articles"
    assert ui.t("articles_count", "en", count=1) == "1 article"
    assert {lang: ui.t("archive_year", lang, year=2024) for lang in LANGS} == {
        "zh": "2024 年新闻", "en": "News from 2024", "fr": "Actualités de 2024", "ja": "2024年のニュース"}
