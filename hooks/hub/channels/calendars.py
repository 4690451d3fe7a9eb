"""iCalendar files in each language, written with icalendar:

    calendars/events.ics           every event, past and upcoming (a subscription)
    calendars/deadlines.ics        the deadlines of open opportunities, as all-day events
    calendars/events/<id>.ics      one event, for the "add to calendar" link of its page

Titles and descriptions are in the calendar's language (untranslated fields fall back as
on the page). UIDs do not depend on the language or on site_url: `event-<id>@<id_domain>`
and `deadline-<opportunity id>@<id_domain>`, so importing the one-event file and
subscribing to the calendar (in any language) give one event, not two. A renamed record
keeps its UID: the id is that of its first alias (hub.source.aliases).

A cancelled event stays, with STATUS:CANCELLED and its title marked; a moved one keeps its
UID with the new dates. Editors raise `sequence` when a published event changes, and it
becomes SEQUENCE, so subscribed calendars update the event instead of adding another.

Timed events carry their own zone (DTSTART;TZID=…) and each calendar a VTIMEZONE for
Asia/Shanghai and for every zone its events use, generated from the zoneinfo database over
the years the content spans (not over the wall clock). All-day events and deadlines are
VALUE=DATE with an exclusive DTEND (the day after the last day). DTSTAMP is the build
moment (settings.build_time, pinned by HUB_BUILD_DATE or SOURCE_DATE_EPOCH). icalendar
writes CRLF line ends and folds lines at 75 octets, and escapes text values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone, vDuration, vText
from icalendar import Event as VEvent

from ..site.event_time import event_start
from ..site.render import Renderer
from ..site.subscriptions import CalendarFile, Subscriptions, calendar_path, event_calendar_path
from ..source.aliases import record_key
from ..source.models import Event, Opportunity
from ..source.settings import HubSettings
from ..source.status import opportunity_status

_UTC = ZoneInfo("UTC")
_END = b"END:VCALENDAR\r\n"
# The site is rebuilt every day; clients that honour these refresh as often.
_REFRESH = timedelta(days=1)


@dataclass
class CalendarWriter:
    renderer: Renderer
    subscriptions: Subscriptions
    _zones: dict[str, bytes] = field(default_factory=dict)

    @property
    def settings(self) -> HubSettings:
        return self.renderer.settings

    def write_language(self, site_dir: Path, lang: str) -> list[Path]:
        """Every calendar of `lang`; the paths written. Each event is serialised once and
        goes into both the calendar of all events and its own file."""
        root = site_dir / self.settings.lang_prefix(lang)
        catalog = self.renderer.catalog
        events = {event_id: self.event_component(event_id, event, lang).to_ical()
                  for event_id, event in sorted(catalog.events.items())}
        deadlines = [component.to_ical() for component in self.deadline_components(lang)]
        files = {item.name: item for item in self.subscriptions.calendars(lang)}
        zones = {event.timezone for event in catalog.events.values()}
        written = [
            self._write(root / calendar_path("events"), self.calendar(lang, files["events"], events.values(), zones)),
            self._write(root / calendar_path("deadlines"), self.calendar(lang, files["deadlines"], deadlines, set())),
        ]
        for event_id, event in events.items():
            single = self.calendar(lang, None, [event], {catalog.events[event_id].timezone})
            written.append(self._write(root / event_calendar_path(event_id), single))
        return written

    def calendar(self, lang: str, about: CalendarFile | None, events: Iterable[bytes], zones: set[str]) -> bytes:
        """A VCALENDAR holding `events` (serialised VEVENTs) and a VTIMEZONE for
        Asia/Shanghai and each of `zones` (the events' own, all-day events included);
        `about` names a subscription (None: one event to import, which should not become a
        calendar of its own in the reader's app)."""
        calendar = Calendar()
        calendar.add("prodid", f"-//{self.settings.id_domain}//Chengdu Global Hub//{lang.upper()}")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        if about is not None:
            url = self.settings.url(lang, about.path)
            calendar.add("name", about.title)
            calendar.add("x-wr-calname", vText(about.title))
            calendar.add("description", about.description)
            # icalendar writes unknown X- properties as they are: TEXT needs its escapes.
            calendar.add("x-wr-caldesc", vText(about.description))
            calendar.add("x-wr-timezone", self.settings.timezone)
            calendar.add("url", url, parameters={"VALUE": "URI"})
            calendar.add("source", url, parameters={"VALUE": "URI"})
            calendar.add("refresh-interval", _REFRESH, parameters={"VALUE": "DURATION"})
            calendar.add("x-published-ttl", vDuration(_REFRESH))
        shell = calendar.to_ical(sorted=False)
        assert shell.endswith(_END)
        ordered = sorted({self.settings.timezone, *zones}, key=lambda tzid: (tzid != self.settings.timezone, tzid))
        # Components are serialised once each and joined in the place icalendar would put
        # them (before END:VCALENDAR): the same bytes as adding them, without re-encoding.
        return b"".join([shell[: -len(_END)], *(self._zone(tzid) for tzid in ordered), *events, _END])

    def event_component(self, event_id: str, event: Event, lang: str) -> VEvent:
        fallbacks = self.settings.fallbacks(lang)
        ui = self.renderer.ui
        title = event.title.pick(lang, fallbacks)[0]
        page_url = self.settings.url(lang, f"events/{event_id}/")
        component = VEvent()
        component.add("uid", f"event-{record_key(event_id, event)}@{self.settings.id_domain}")
        component.add("dtstamp", self.settings.build_time.astimezone(_UTC))
        if event.all_day:
            assert isinstance(event.start, date) and isinstance(event.end, date)
            component.add("dtstart", event.start)
            component.add("dtend", event.end + timedelta(days=1))  # DTEND of a date is exclusive
        else:
            assert isinstance(event.end, datetime)
            component.add("dtstart", event_start(event))
            component.add("dtend", event.end.replace(tzinfo=event.zone))
        if event.status == "cancelled":
            component.add("summary", ui.t("calendar_cancelled_summary", lang, title=title))
        else:
            component.add("summary", title)
        lines = [event.summary.pick(lang, fallbacks)[0]]
        if event.status != "scheduled":
            lines.insert(0, ui.t(f"event_{event.status}_notice", lang))
        if event.organiser is not None:
            lines.append(f"{ui.t('organiser', lang)}: {event.organiser.pick(lang, fallbacks)[0]}")
        lines.append(f"{ui.t('feed_read_on_site', lang)}: {page_url}")
        component.add("description", "\n\n".join(lines))
        component.add("location", event.place.pick(lang, fallbacks)[0])
        component.add("url", page_url, parameters={"VALUE": "URI"})
        component.add("status", "CANCELLED" if event.status == "cancelled" else "CONFIRMED")
        component.add("sequence", event.sequence)
        component.add("transp", "TRANSPARENT")  # information, not the subscriber's own time
        self._add_categories(component, event.topics, lang)
        return component

    def deadline_components(self, lang: str) -> list[VEvent]:
        """Open opportunities with a deadline, nearest first."""
        catalog = self.renderer.catalog
        settings = self.settings
        chosen = [
            (opportunity.deadline, record_id, opportunity)
            for record_id, opportunity in catalog.opportunities.items()
            if opportunity.deadline is not None
            and opportunity_status(opportunity, today=settings.build_date,
                                   closing_soon_days=settings.closing_soon_days,
                                   confirm_after_days=settings.confirm_after_days).is_open
        ]
        return [self.deadline_component(record_id, opportunity, lang)
                for _deadline, record_id, opportunity in sorted(chosen)]

    def deadline_component(self, record_id: str, opportunity: Opportunity, lang: str) -> VEvent:
        assert opportunity.deadline is not None
        fallbacks = self.settings.fallbacks(lang)
        ui = self.renderer.ui
        page_url = self.settings.url(lang, f"opportunities/{record_id}/")
        title = opportunity.title.pick(lang, fallbacks)[0]
        component = VEvent()
        component.add("uid", f"deadline-{record_key(record_id, opportunity)}@{self.settings.id_domain}")
        component.add("dtstamp", self.settings.build_time.astimezone(_UTC))
        component.add("dtstart", opportunity.deadline)
        component.add("dtend", opportunity.deadline + timedelta(days=1))
        component.add("summary", ui.t("calendar_deadline_summary", lang, title=title))
        lines = [
            opportunity.summary.pick(lang, fallbacks)[0],
            f"{ui.t('issuer', lang)}: {opportunity.issuer.pick(lang, fallbacks)[0]}",
            f"{ui.t('feed_read_on_site', lang)}: {page_url}",
        ]
        component.add("description", "\n\n".join(lines))
        component.add("url", page_url, parameters={"VALUE": "URI"})
        component.add("status", "CONFIRMED")
        component.add("sequence", 0)
        component.add("transp", "TRANSPARENT")
        self._add_categories(component, opportunity.topics, lang)
        return component

    def _add_categories(self, component: VEvent, topics: list[str], lang: str) -> None:
        catalog = self.renderer.catalog
        fallbacks = self.settings.fallbacks(lang)
        labels = [catalog.topics[topic].pick(lang, fallbacks)[0] for topic in topics if topic in catalog.topics]
        if labels:
            component.add("categories", labels)

    @cached_property
    def _zone_span(self) -> tuple[date, date]:
        """From the first year to the year after the last that the content mentions: the
        VTIMEZONE rules cover every date written in a calendar and do not change daily."""
        catalog = self.renderer.catalog
        years = [moment.year for event in catalog.events.values() for moment in (event.start, event.end)]
        years += [o.deadline.year for o in catalog.opportunities.values() if o.deadline is not None]
        if not years:
            years = [self.settings.build_date.year]
        return date(min(years), 1, 1), date(max(years) + 2, 1, 1)

    def _zone(self, tzid: str) -> bytes:
        """One VTIMEZONE per zone and build, serialised once for every calendar."""
        if tzid not in self._zones:
            first, last = self._zone_span
            self._zones[tzid] = Timezone.from_tzid(tzid, first_date=first, last_date=last).to_ical()
        return self._zones[tzid]

    @staticmethod
    def _write(path: Path, data: bytes) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path
