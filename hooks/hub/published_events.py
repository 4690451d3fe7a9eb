"""Changes to events that subscribers already hold, checked against what is published.

A calendar app keeps an event by its UID and takes a new version of it only when its
SEQUENCE is higher (RFC 5545, 3.8.7.4); an event that disappears from the feed stays in
every subscribed calendar. So, compared with a git ref of the published content
(`make check BASE=origin/main`; the pull-request workflow passes the branch it targets):
a published event is never deleted, only cancelled, and when its dates, time zone, place
or status change, its `sequence` goes up. The hub's calendars give each event the UID of
its file name, so a renamed file counts as deleted too, unless the renamed record lists
its earlier address in `aliases:` (events/old-id/), which keeps its UID (hub.aliases).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from .errors import ContentError
from .history import git
from .models import Event
from .yamlsafe import YamlProblem, decode, load_yaml

EVENTS = "data/events"
# What a subscribed calendar shows of an event's schedule (hub.calendars).
SCHEDULE_FIELDS = ("start", "end", "timezone", "place", "status")


class BaseNotFound(Exception):
    """The ref to compare with is not in this checkout."""


def check_published_events(root: Path, base: str, events: dict[str, Event]) -> list[ContentError]:
    """Every published event (in `base`) deleted or rescheduled without a higher sequence;
    `events`: the records as they are now, by id."""
    if git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}") is None:
        raise BaseNotFound(f"'{base}' is not a commit of this checkout; fetch it first (git fetch origin main)")
    listed = git(root, "ls-tree", "-r", "-z", "--name-only", base, "--", EVENTS) or ""
    # A renamed event names its earlier address in `aliases:` and keeps its UID (hub.aliases).
    renamed = {alias: (record_id, event) for record_id, event in events.items()
               for alias in event.aliases if alias.startswith("events/")}
    errors: list[ContentError] = []
    for name in sorted(filter(None, listed.split("\0"))):
        published = _published(root, base, name)
        if published is None:
            continue  # not a valid record then: nobody can have subscribed to it
        record_id = Path(name).stem
        current = events.get(record_id)
        if current is None and f"events/{record_id}/" in renamed:
            record_id, current = renamed[f"events/{record_id}/"]
            name = f"{EVENTS}/{record_id}.yml"
        if current is None:
            if not (root / name).exists():
                errors.append(ContentError(
                    name, 0, "", f"a published event deleted (it is in {base})",
                    "restore the file and set `status: cancelled`, with `sequence` raised by one: a subscribed "
                    f"calendar keeps a deleted event for good; if it was renamed, add `aliases: [events/{record_id}/]` "
                    "to the renamed record",
                ))
            continue  # still there but invalid now: the check reports why
        changed = [field for field in SCHEDULE_FIELDS if getattr(published, field) != getattr(current, field)]
        if changed and current.sequence <= published.sequence:
            errors.append(ContentError(
                name, _line_of(root / name, "sequence"), "sequence",
                f"{current.sequence}, as in {base}, although {', '.join(changed)} changed",
                f"raise it to {published.sequence + 1}, so that subscribed calendars take the new version",
            ))
    return errors


def _published(root: Path, base: str, name: str) -> Event | None:
    text = git(root, "show", f"{base}:./{name}")
    if text is None:
        return None
    try:
        loaded = load_yaml(decode(text.encode("utf-8")))
        return Event.model_validate(loaded.value or {})
    except (YamlProblem, ValidationError):
        return None


def _line_of(path: Path, key: str) -> int:
    """The line of a top-level key, or 0 when the file does not write it."""
    try:
        return load_yaml(decode(path.read_bytes())).lines.get((key,), 0)
    except (OSError, YamlProblem):
        return 0
