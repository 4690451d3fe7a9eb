"""Turning pydantic's validation errors into messages an editor can act on."""

from __future__ import annotations

import re
from difflib import get_close_matches
from typing import Any

from ..errors import MESSAGES_LANGUAGE, language_label
from ..safety.slugs import slugify
from .languages import TextLanguages

# A key shaped like a language code (es, pt-BR, zh_CN): in a record, most likely a text in a
# language the site does not have, rather than a misspelt field.
_LANGUAGE_CODE = re.compile(r"[a-z]{2}(?:[-_][A-Za-z]{2,4})?")


def describe(item: dict[str, Any], model: Any, languages: TextLanguages) -> tuple[str, str, str]:
    """(field path, what was found, what is expected) for one pydantic error."""
    loc = tuple(item["loc"])
    field = ".".join(str(part) for part in loc)
    kind = item["type"]
    value = item.get("input")
    message = item["msg"]
    if kind == "extra_forbidden":
        name = str(loc[-1])
        parent = ".".join(str(p) for p in loc[:-1])
        if _is_language_map(loc[:-1], model) or _looks_like_language(name, _allowed_fields(model, loc[:-1])):
            return field, f"unknown language '{name}'", f"use one of {', '.join(languages.languages)}"
        allowed = _allowed_fields(model, loc[:-1])
        close = get_close_matches(name, allowed, n=1)
        fix = f"did you mean {close[0]}? Otherwise remove it" if close else "remove it or fix the spelling"
        hint = f"{fix}; {('fields of ' + parent) if parent else 'fields'} are: {', '.join(allowed)}"
        return field, f"unknown field '{name}'", hint
    if kind == "missing":
        last = str(loc[-1]) if loc else ""
        if last in languages.languages:
            return field, f"no {last} text", (
                f"add the {language_label(last)} text as {last}: …; {languages.rule()}"
            )
        choices = _choices(model, loc)
        if choices:
            return field, "missing", f"add {last}: one of {', '.join(choices)}"
        return field, "missing", f"add {last}; it is required" if last else "add the required fields"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        target = _model_at(model, loc)
        if _is_localized(target):
            return field, _show(value), f"one text per language, like {_example(languages)}"
        return field, _show(value), "fields written as `name: value`, one per line"
    if kind == "bool_type" or kind == "bool_parsing":
        return field, _show(value), "true or false (YAML 1.2 reads yes, no, on and off as text)"
    if kind == "list_type":
        return field, _show(value), "a list, like [a, b] (or [] for none)"
    if kind == "value_error":
        expected = message.removeprefix("Value error, ")
        if not loc:
            return "", expected, _fix_for(expected)
        return field, _show(value), expected
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type", "datetime_parsing", "datetime_type"):
        return field, _show(value), f"a real date like 2025-04-16 ({message.lower()})"
    if kind == "string_type" and isinstance(value, bool):
        return field, _show(value), "text; quote it, e.g. \"NO\", so YAML does not read it as true/false"
    if kind == "string_type" and isinstance(value, (int, float)):
        return field, _show(value), "text; quote it, e.g. \"1981\""
    if kind == "int_parsing" or kind == "int_type":
        return field, _show(value), "a whole number, like 1981"
    if kind == "string_pattern_mismatch":
        return field, _show(value), _pattern_hint(loc, message, value)
    if kind == "string_too_long":
        return field, f"text of {len(str(value)):,} characters", message.lower()
    if kind == "literal_error":
        return field, _show(value), message.replace("Input should be", "one of")
    return field, _show(value), message[0].lower() + message[1:]


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, (dict, list)):
        return f"a {'mapping' if isinstance(value, dict) else 'list'}"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 80 else text[:77] + "…'"


def _fix_for(problem: str) -> str:
    if "before" in problem:
        return "put the dates in order"
    if "go together" in problem:
        return "give both or neither"
    return "fix the record"


def _pattern_hint(loc: tuple[Any, ...], message: str, value: Any) -> str:
    last = str(loc[-1]) if loc else ""
    if loc[:1] == ("aliases",):
        return ("an earlier address of the page inside the language folder, in lowercase a-z, digits and hyphens, "
                "ending with /, like news/2025/old-slug/ (no leading /, no language prefix)")
    if last in ("cities", "topics", "sector", "policy") or isinstance(loc[-1] if loc else None, int):
        text = str(value)
        if "/" in text or "\\" in text or ".." in text:
            return "an id, not a path (no /, \\ or ..): the name of a file under data/ or docs/ without .yml or .md"
        better = slugify(text)
        suggestion = f"did you mean {better}? " if better and better != text else ""
        return f"{suggestion}an id: lowercase a-z, digits and single hyphens, like new-partner-cities-2025"
    if last == "currency":
        return "an ISO 4217 currency code in capitals, like CNY"
    if last == "native_language":
        return "a BCP 47 language code, like fr or ne"
    if last == "phone":
        return "a phone number with digits, spaces and an optional leading +"
    return message[0].lower() + message[1:]


def _looks_like_language(name: str, fields: list[str]) -> bool:
    """A language code CLDR knows (de, pt-BR, zh_CN), and no field it could be a typo of."""
    if not _LANGUAGE_CODE.fullmatch(name) or get_close_matches(name, fields, n=1):
        return False
    from babel import Locale

    return name.replace("-", "_").split("_")[0] in Locale.parse(MESSAGES_LANGUAGE).languages


def _example(languages: TextLanguages) -> str:
    """{zh: 中文, en: English}: each required language with its own name, as CLDR writes it."""
    from babel import Locale

    names = [f"{lang}: {Locale.parse(lang).get_language_name(lang) or lang}" for lang in languages.required]
    return "{" + ", ".join(names) + "}"


def _model_at(model: Any, loc: tuple[Any, ...]) -> Any:
    from pydantic import BaseModel

    current = model
    for part in loc:
        if isinstance(part, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            annotation = current.model_fields[part].annotation
            current = _first_model(annotation)
        else:
            return None
    return current


def _first_model(annotation: Any) -> Any:
    from typing import get_args

    from pydantic import BaseModel

    from .models import Localized

    if isinstance(annotation, type) and issubclass(annotation, (BaseModel, Localized)):
        return annotation
    for arg in get_args(annotation):
        found = _first_model(arg)
        if found is not None:
            return found
    return None


def _allowed_fields(model: Any, loc: tuple[Any, ...]) -> list[str]:
    target = _model_at(model, loc)
    return list(getattr(target, "model_fields", None) or [])


def _choices(model: Any, loc: tuple[Any, ...]) -> list[str]:
    """The values a Literal field allows, to list them where the field is missing."""
    from typing import Literal, get_args, get_origin

    parent = _model_at(model, loc[:-1])
    if parent is None or not loc or loc[-1] not in getattr(parent, "model_fields", {}):
        return []
    annotation = parent.model_fields[loc[-1]].annotation
    return [str(arg) for arg in get_args(annotation)] if get_origin(annotation) is Literal else []


def _is_language_map(loc: tuple[Any, ...], model: Any) -> bool:
    return _is_localized(_model_at(model, loc))


def _is_localized(target: Any) -> bool:
    from .models import Localized

    return isinstance(target, type) and issubclass(target, Localized)
