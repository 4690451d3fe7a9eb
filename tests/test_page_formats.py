"""How the generated pages write amounts, event times, coordinates and statuses, for
cases the real data does not have yet (other currencies, sums a unit would round,
southern and western coordinates, a span across a change of summer time)."""

from __future__ import annotations

from datetime import date

import pytest
from hub.amounts import format_amount, format_money
from hub.event_time import event_when
from hub.models import Amount, Coordinates, Event, LocalizedShort, Opportunity
from hub.pages_cities import coordinates_text
from hub.status import event_is_live, event_is_upcoming, event_state, opportunity_status
from hub.ui import load_ui
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
