"""When an event takes place, written in the reader's language and in the event's own
time zone: "April 21–25, 2025 (Asia/Tokyo)", "2025年5月10日 09:30–17:00（Europe/Paris，UTC+02:00）".

Times are never converted to the reader's zone: an event in Osaka happens at Osaka time,
and the zone and its offset from UTC say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from babel import Locale
from babel.dates import format_date, format_interval, format_time, parse_pattern

from ..source.models import Event
from ..source.ui import UiStrings


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


@dataclass(frozen=True)
class EventWhen:
    text: str  # dates (and times) with the zone, for the reader
    start_iso: str  # for <time datetime>: 2025-04-21 or 2025-05-10T09:30+02:00
    end_iso: str


def day_range(start: date, end: date, lang: str) -> str:
    """A day or a span of days with the month written out: 21–25 avril 2025.

    CLDR has no interval format with the full month name, so the abbreviated one (yMMMd)
    is used with its month field widened."""
    if start == end:
        return format_date(start, format="long", locale=_locale(lang))
    formats = _locale(lang).interval_formats["yMMMd"]
    field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    halves = formats[field]
    return "".join(
        parse_pattern(re.sub(r"(?<!M)MMM(?!M)", "MMMM", pattern)).apply(day, _locale(lang))
        for pattern, day in zip(halves, (start, end), strict=True)
    )


def utc_offset(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _date_and_time(day: date, time_text: str, lang: str) -> str:
    """A day and a time (or a span of times) joined the way the language joins them."""
    locale = _locale(lang)
    pattern = locale.datetime_formats["long"]
    pattern = getattr(pattern, "pattern", pattern)
    return pattern.replace("{1}", format_date(day, format="long", locale=locale)).replace("{0}", time_text)


def event_when(event: Event, lang: str, ui: UiStrings) -> EventWhen:
    if event.all_day:
        assert isinstance(event.start, date) and isinstance(event.end, date)
        text = day_range(event.start, event.end, lang)
        zone = event.timezone
        return EventWhen(ui.t("when_in_zone", lang, when=text, zone=zone), event.start.isoformat(),
                         event.end.isoformat())
    assert isinstance(event.start, datetime) and isinstance(event.end, datetime)
    start = event.start.replace(tzinfo=event.zone)
    end = event.end.replace(tzinfo=event.zone)
    locale = _locale(lang)
    if start.date() == end.date():
        text = _date_and_time(start.date(), format_interval(start.time(), end.time(), "Hm", locale=locale), lang)
    else:
        first = _date_and_time(start.date(), format_time(start, "HH:mm", locale=locale), lang)
        last = _date_and_time(end.date(), format_time(end, "HH:mm", locale=locale), lang)
        text = locale.interval_formats[None].replace("{0}", first).replace("{1}", last)
    # A span across a change of summer time has two offsets; both are shown.
    offsets = dict.fromkeys((utc_offset(start), utc_offset(end)))
    zone = ui.t("zone_with_offset", lang, zone=event.timezone, offset=" / ".join(offsets))
    return EventWhen(
        ui.t("when_in_zone", lang, when=text, zone=zone),
        start.isoformat(timespec="minutes"),
        end.isoformat(timespec="minutes"),
    )


def event_start(event: Event) -> datetime:
    """When it starts, in its own time zone (midnight there for an all-day event)."""
    if isinstance(event.start, datetime):
        return event.start.replace(tzinfo=event.zone)
    return datetime(event.start.year, event.start.month, event.start.day, tzinfo=event.zone)
