"""Where a dated record stands on the build date: opportunities open, closing soon, closed
or unconfirmed; events upcoming, ongoing or ended.

Everything here is a pure function of a record and the build date (settings.build_date,
the day in Asia/Shanghai, pinned by HUB_BUILD_DATE or SOURCE_DATE_EPOCH), never of the
wall clock: a build of the same content on the same day gives the same pages, and the
daily rebuild moves records from one list to the other.

A record is *live* when the site may promote it as something a reader can still act on:
an opportunity open or closing soon, an event upcoming or ongoing. `opportunity_is_live`
and `event_is_live` say so; the pages that promote records (home, the open lists) use
them and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from .models import Event, Opportunity

OpportunityState = Literal["open", "closing-soon", "closed", "unconfirmed"]
EventState = Literal["upcoming", "ongoing", "ended"]

LIVE_OPPORTUNITY_STATES: frozenset[str] = frozenset({"open", "closing-soon"})
LIVE_EVENT_STATES: frozenset[str] = frozenset({"upcoming", "ongoing"})


@dataclass(frozen=True)
class OpportunityStatus:
    state: OpportunityState
    days_left: int | None  # None when no deadline was announced; 0 on the last day
    confirmed: date | None = None  # without a deadline: the day it was last confirmed

    @property
    def is_open(self) -> bool:
        """Open or closing soon: an unconfirmed offer is not counted as open."""
        return self.state in LIVE_OPPORTUNITY_STATES


def opportunity_status(
    opportunity: Opportunity, *, today: date, closing_soon_days: int, confirm_after_days: int = 180
) -> OpportunityStatus:
    """Open until the end of its deadline day; closing soon in its last `closing_soon_days`
    days; closed from the day after. Without a deadline it is open while an editor has
    confirmed it (`confirmed`, else its publication day) in the last `confirm_after_days`
    days, and unconfirmed after that: nobody can say it is still on offer."""
    if opportunity.deadline is None:
        confirmed = opportunity.confirmed_on
        if today - confirmed > timedelta(days=confirm_after_days):
            return OpportunityStatus("unconfirmed", None, confirmed)
        return OpportunityStatus("open", None, confirmed)
    days_left = (opportunity.deadline - today).days
    if days_left < 0:
        return OpportunityStatus("closed", days_left)
    if days_left <= closing_soon_days:
        return OpportunityStatus("closing-soon", days_left)
    return OpportunityStatus("open", days_left)


def opportunity_is_live(
    opportunity: Opportunity, *, today: date, closing_soon_days: int, confirm_after_days: int = 180
) -> bool:
    """Whether the site may promote it: open or closing soon on `today`."""
    return opportunity_status(
        opportunity, today=today, closing_soon_days=closing_soon_days, confirm_after_days=confirm_after_days
    ).is_open


def by_deadline(item: tuple[str, Opportunity]) -> tuple[date, str]:
    """Sort key: nearest deadline first, those without one last, then by id."""
    record_id, opportunity = item
    return (opportunity.deadline or date.max, record_id)


def event_day(moment: date | datetime) -> date:
    """The local calendar day of an event's start or end, in the event's own zone (its
    times are written as local times, so the day is simply their date part)."""
    return moment.date() if isinstance(moment, datetime) else moment


def event_state(event: Event, *, today: date) -> EventState:
    """Upcoming before its first day, ongoing from its first to its last day, ended after
    its last day; its days are those of its own time zone, compared with the build day.
    A cancelled or moved event keeps this state and shows its own mark besides."""
    if event_day(event.start) > today:
        return "upcoming"
    if event_day(event.end) >= today:
        return "ongoing"
    return "ended"


def event_is_live(event: Event, *, today: date) -> bool:
    """Whether the site may promote it: upcoming or ongoing on `today` (not over yet)."""
    return event_state(event, today=today) in LIVE_EVENT_STATES


def event_is_upcoming(event: Event, *, today: date) -> bool:
    """Not over yet: upcoming or ongoing (the events page lists it, not the past events)."""
    return event_is_live(event, today=today)


def by_start(item: tuple[str, Event]) -> tuple[datetime, str]:
    """Sort key: by the moment it starts (all-day events at midnight local time), then id."""
    record_id, event = item
    start = event.start if isinstance(event.start, datetime) else datetime(*event.start.timetuple()[:3])
    return (start.replace(tzinfo=event.zone), record_id)
