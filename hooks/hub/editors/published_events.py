"""Changes to events that subscribers already hold, checked against what is published.

A calendar app keeps an event by its UID and takes a new version of it only when its
SEQUENCE is higher (RFC 5545, 3.8.7.4); an event that disappears from the feed stays in
every subscribed calendar. So, compared with a git ref of the published content
(`make check BASE=origin/main`; the pull-request workflow passes the branch it targets):
a published event is never deleted, only cancelled, and when its dates, time zone, place
or status change, its `sequence` goes up. The hub's calendars give each event the UID of
its file name, so a renamed file counts as deleted too, unless the renamed record lists
its earlier address in `aliases:` (events/old-id/), which keeps its UID (hub.source.aliases).

A calendar that took an event at sequence 5 ignores every later version numbered 5 or
less. So `sequence` never goes down: not below its value in the ref, and not below the
highest value it ever had in the ref's history (a lowered value merged once is no new
floor: subscribers still hold the highest).
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from ..errors import ContentError
from ..safety.yamlsafe import YamlProblem, decode, load_yaml
from ..source.history import git
from ..source.languages import TextLanguages
from ..source.models import Event

EVENTS = "data/events"
# What a subscribed calendar shows of an event's schedule (hub.channels.calendars).
SCHEDULE_FIELDS = ("start", "end", "timezone", "place", "status")


class BaseNotFound(Exception):
    """The ref to compare with is not in this checkout."""


def check_published_events(
    root: Path, base: str, events: dict[str, Event], languages: TextLanguages
) -> list[ContentError]:
    """Every published event (in `base`) deleted or rescheduled without a higher sequence;
    `events`: the records as they are now, by id."""
    if git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}") is None:
        raise BaseNotFound(f"'{base}' is not a commit of this checkout; fetch it first (git fetch origin main)")
    listed = git(root, "ls-tree", "-r", "-z", "--name-only", base, "--", EVENTS) or ""
    # A renamed event names its earlier address in `aliases:` and keeps its UID (hub.source.aliases).
    renamed = {alias: (record_id, event) for record_id, event in events.items()
               for alias in event.aliases if alias.startswith("events/")}
    highest = _highest_sequences(root, base)
    errors: list[ContentError] = []
    for name in sorted(filter(None, listed.split("\0"))):
        published = _published(root, base, name, languages)
        if published is None:
            continue  # not a valid record then: nobody can have subscribed to it
        record_id = Path(name).stem
        current = events.get(record_id)
        held = highest.get(name, 0)  # under the name subscribers got it by
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
        floor = max(published.sequence, held, highest.get(name, 0))
        changed = [field for field in SCHEDULE_FIELDS if getattr(published, field) != getattr(current, field)]
        if current.sequence < floor:
            was = (f"{published.sequence} in {base}" if floor == published.sequence
                   else f"{floor} in the history of {base}")
            errors.append(ContentError(
                name, _line_of(root / name, "sequence"), "sequence",
                f"{current.sequence}, lower than the {was}",
                f"set it to {floor + 1 if changed else floor} or more: a subscribed calendar ignores a version "
                "whose sequence is not higher than one it already has",
            ))
        elif changed and current.sequence <= floor:
            errors.append(ContentError(
                name, _line_of(root / name, "sequence"), "sequence",
                f"{current.sequence}, as in {base}, although {', '.join(changed)} changed",
                f"raise it to {floor + 1}, so that subscribed calendars take the new version",
            ))
    return errors


_ADDED_SEQUENCE = re.compile(r"^\+sequence:[ \t]*[\"']?(\d{1,18})[\"']?[ \t]*(?:#.*)?$")


def _highest_sequences(root: Path, base: str) -> dict[str, int]:
    """{path: the highest `sequence` any version of it had} in the history of `base`; one
    git process, whatever the number of events and commits."""
    log = git(root, "log", "--format=", "-p", "--unified=0", "--no-renames", "--no-color", "--no-ext-diff",
              base, "--", EVENTS) or ""
    highest: dict[str, int] = {}
    name = ""
    for line in log.split("\n"):
        if line.startswith("+++ "):
            name = line[6:] if line.startswith("+++ b/") else ""
        elif name and (match := _ADDED_SEQUENCE.match(line)):
            highest[name] = max(highest.get(name, 0), int(match.group(1)))
    return highest


def _published(root: Path, base: str, name: str, languages: TextLanguages) -> Event | None:
    text = git(root, "show", f"{base}:./{name}")
    if text is None:
        return None
    try:
        loaded = load_yaml(decode(text.encode("utf-8")))
        return Event.model_validate(loaded.value or {}, context=languages.context())
    except (YamlProblem, ValidationError):
        return None


def _line_of(path: Path, key: str) -> int:
    """The line of a top-level key, or 0 when the file does not write it."""
    if path.is_symlink():
        return 0  # never read through a link (hub.safety.nofollow)
    try:
        return load_yaml(decode(path.read_bytes())).lines.get((key,), 0)
    except (OSError, YamlProblem):
        return 0
