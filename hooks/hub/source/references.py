"""Every partner city, topic, sector, event and policy explainer that content points at
must exist: what each kind of record names is in its `references` (hub.kinds).

Runs after every record and page was loaded; something that exists but failed its own
checks is reported where it is, not again at every mention of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from difflib import get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..safety.slugs import is_slug
from ..safety.yamlsafe import YamlProblem, decode, load_yaml, split_front_matter

if TYPE_CHECKING:
    from .catalog import Catalog

Report = Callable[[Path, int, str, str, str], None]  # (file, line, field, found, expected)


def check_references(
    catalog: Catalog, *, report: Report, invalid: set[tuple[str, str]],
    unvalidated: Iterable[tuple[Path, Any, str]] = (),
) -> None:
    """`invalid` holds (kind, id) of things that exist but are broken; (kind, "*") when a
    whole file of them (topics.yml, say) could not be read. `unvalidated` holds (file, raw
    value, kind of record) of records and originals that failed their own checks: their
    references are checked too, so that a wrong date does not hide an unknown city until
    the next round."""
    data = catalog.root / "data"
    default = catalog.default_language
    kinds: dict[str, tuple[dict[str, Any] | set[str], str, str]] = {
        # kind: (what exists, what it is called, where a new one is added)
        **{kind.folder: (records, kind.label, f"add data/{kind.folder}/{{value}}.yml")
           for kind, records in catalog.record_folders()},
        "topics": (catalog.topics, "topic", "add it to data/topics.yml"),
        "sectors": (catalog.sectors, "sector", "add it to data/sectors.yml"),
        "policies": ({a.slug for a in catalog.policies}, "policy explainer",
                     f"add docs/{default}/policies/{{value}}.md"),
    }

    def check(path: Path, field_name: str, values: list[Any], kind: str) -> None:
        known, what, add = kinds[kind]
        for index, value in enumerate(values):
            if not isinstance(value, str) or not is_slug(value):
                continue  # the model reports what is not an id at all
            if value in known or (kind, value) in invalid or (kind, "*") in invalid:
                continue
            close = get_close_matches(value, list(known), n=1)
            fix = f"did you mean {close[0]}? Otherwise " if close else ""
            report(path, _line_of_list_item(path, field_name, index), field_name, f"'{value}' is not a known {what}",
                   f"{fix}use one of {_sample(known)}, or {add.format(value=value)}")

    named = {kind.folder: kind.references for kind in catalog.kinds}
    for kind, records in catalog.record_folders():
        for record_id, record in records.items():
            path = data / kind.folder / f"{record_id}.yml"
            for field_name, target in kind.references:
                value = getattr(record, field_name)
                if value is not None:
                    check(path, field_name, value if isinstance(value, list) else [value], target)
    for article in catalog.articles():
        path = catalog.root / "docs" / default / article.src_uri
        check(path, "cities", article.meta.cities, "cities")
        check(path, "topics", article.meta.topics, "topics")
        check(path, "events", article.meta.events, "events")
    for path, value, record_kind in unvalidated:
        if not isinstance(value, dict):
            continue
        # What every article and record may name, and what its kind names besides
        fields = dict.fromkeys([("cities", "cities"), ("topics", "topics"), *named.get(record_kind, ())])
        for field_name, kind in fields:
            raw = value.get(field_name)
            if raw is not None:
                check(path, field_name, raw if isinstance(raw, list) else [raw], kind)


def _line_of_list_item(path: Path, field_name: str, index: int) -> int:
    """Find the line again (only for a problem): the models do not keep lines."""
    try:
        text = decode(path.read_bytes())
        if path.suffix == ".md":
            yaml_text, _, _ = split_front_matter(text)
            loaded = load_yaml(yaml_text or "", first_line=2)
        else:
            loaded = load_yaml(text)
    except (OSError, YamlProblem):
        return 0
    if isinstance(loaded.value, dict) and isinstance(loaded.value.get(field_name), list):
        return loaded.line_of((field_name, index))
    return loaded.line_of((field_name,))


def _sample(known: dict[str, Any] | set[str]) -> str:
    names = sorted(known)
    if not names:
        return "(none defined yet)"
    shown = ", ".join(names[:8])
    return shown + (", …" if len(names) > 8 else "")
