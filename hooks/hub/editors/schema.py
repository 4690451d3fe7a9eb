"""JSON Schemas of the data files, generated from the models (`python -m hub schema`).

They live in data/schema/ and every data file names its schema on its first line
(`# yaml-language-server: $schema=…`), so that an editor's YAML extension completes
fields and marks mistakes while typing. The models stay the one definition: a test fails
when the committed files differ from what the models give.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter

from ..kinds import RecordKind, kind_in, record_kinds
from ..source.languages import TextLanguages, schema_generator
from ..source.models import HubFacts, Taxonomy

DIALECT = "https://json-schema.org/draft/2020-12/schema"

# The files of data/ that are not records of a kind (hub.kinds): name -> (what it
# describes, the type). Taxonomies are {id: names}; ids are slugs.
DATA_SCHEMAS: dict[str, tuple[str, Any]] = {
    "topics": ("Topics of articles, opportunities and events: data/topics.yml", Taxonomy),
    "sectors": ("Sectors of opportunities: data/sectors.yml", Taxonomy),
    "hub": ("Figures the hub reports but cannot count itself: data/hub.yml", HubFacts),
}


def schemas(kinds: tuple[RecordKind, ...] | None = None) -> dict[str, tuple[str, Any]]:
    """Every schema: one per kind of record (by its name), then the other data files."""
    kinds = record_kinds() if kinds is None else kinds
    return {**{kind.name: (kind.schema_description, kind.model) for kind in kinds}, **DATA_SCHEMAS}


def schema_path(root: Path, name: str) -> Path:
    return root / "data" / "schema" / f"{name}.schema.json"


def schema_reference(data_file: str, kinds: tuple[RecordKind, ...] | None = None) -> str | None:
    """The `$schema=` path a data file (repository path) should carry, relative to it."""
    parts = data_file.split("/")
    if len(parts) == 2 and parts[0] == "data" and parts[1].endswith(".yml"):
        name = parts[1].removesuffix(".yml")
        return f"schema/{name}.schema.json" if name in DATA_SCHEMAS else None
    if len(parts) == 3 and parts[0] == "data" and parts[2].endswith(".yml"):
        kind = kind_in(record_kinds() if kinds is None else kinds, parts[1])
        return f"../schema/{kind.name}.schema.json" if kind else None
    return None


def schema_document(name: str, languages: TextLanguages, kinds: tuple[RecordKind, ...] | None = None) -> dict[str, Any]:
    """The schema of one kind of data file; localized texts in the configured languages."""
    description, model = schemas(kinds)[name]
    adapter = None if isinstance(model, type) and issubclass(model, BaseModel) else TypeAdapter(model)
    generator = schema_generator(languages)
    body = adapter.json_schema(schema_generator=generator) if adapter else model.model_json_schema(
        schema_generator=generator)
    document: dict[str, Any] = {"$schema": DIALECT, "title": f"{name}.yml", "description": description}
    document.update({key: value for key, value in body.items() if key not in ("title", "description")})
    if "patternProperties" in document:
        # An id that is not a slug is an error, as the check says, not an extra entry.
        document.setdefault("additionalProperties", False)
    return document


def schema_files(
    root: Path, languages: TextLanguages, kinds: tuple[RecordKind, ...] | None = None
) -> dict[Path, str]:
    """Every schema file and its text, as `python -m hub schema` writes it."""
    return {
        schema_path(root, name): json.dumps(schema_document(name, languages, kinds), ensure_ascii=False,
                                            indent=2) + "\n"
        for name in schemas(kinds)
    }
