"""Where a dated record stands on the build date: opportunities open, closing soon or
closed; events upcoming or past.

Everything here is a pure function of a record and the build date (settings.build_date,
the day in Asia/Shanghai, pinned by HUB_BUILD_DATE or SOURCE_DATE_EPOCH), never of the
wall clock: a build of the same content on the same day gives the same pages, and the
daily rebuild moves records from one list to the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from .models import Event, Opportunity

OpportunityState = Literal["open", "closing-soon", "closed"]


@dataclass(frozen=True)
class OpportunityStatus:
    state: OpportunityState
    days_left: int | None  # None when no deadline was announced; 0 on the last day

    @property
    def is_open(self) -> bool:
        return self.state != "closed"


def opportunity_status(opportunity: Opportunity, *, today: date, closing_soon_days: int) -> OpportunityStatus:
    """Open until the end of its deadline day; closing soon in its last `closing_soon_days`
    days; closed from the day after. Without a deadline it stays open."""
    if opportunity.deadline is None:
        return OpportunityStatus("open", None)
    days_left = (opportunity.deadline - today).days
    if days_left < 0:
        return OpportunityStatus("closed", days_left)
    if days_left <= closing_soon_days:
        return OpportunityStatus("closing-soon", days_left)
    return OpportunityStatus("open", days_left)


def by_deadline(item: tuple[str, Opportunity]) -> tuple[date, str]:
    """Sort key: nearest deadline first, those without one last, then by id."""
    record_id, opportunity = item
    return (opportunity.deadline or date.max, record_id)


def event_day(moment: date | datetime) -> date:
    """The local calendar day of an event's start or end, in the event's own zone (its
    times are written as local times, so the day is simply their date part)."""
    return moment.date() if isinstance(moment, datetime) else moment


def event_is_upcoming(event: Event, *, today: date) -> bool:
    """Upcoming while its last day (in its own zone) is on or after the build date."""
    return event_day(event.end) >= today


def by_start(item: tuple[str, Event]) -> tuple[datetime, str]:
    """Sort key: by the moment it starts (all-day events at midnight local time), then id."""
    record_id, event = item
    start = event.start if isinstance(event.start, datetime) else datetime(*event.start.timetuple()[:3])
    return (start.replace(tzinfo=event.zone), record_id)
