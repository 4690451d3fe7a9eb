"""The words around the content (overrides/hub/ui.yml), in each language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from .errors import ContentError, ContentErrors, display_path
from .yamlsafe import YamlProblem, decode, load_yaml

Text = str | dict[str, str]  # a plain string, or plural forms by CLDR category (one, other…)


@dataclass(frozen=True)
class UiStrings:
    strings: dict[str, dict[str, Text]]

    def t(self, key: str, lang: str, **values: object) -> str:
        """The string `key` in `lang`, with its {placeholders} filled in; a string with
        plural forms is chosen by `count`, with the language's own plural rules."""
        text = self.strings[key][lang]
        if isinstance(text, dict):
            category = Locale.parse(lang).plural_form(values.get("count", 0))
            text = text.get(category, text["other"])
        return text.format(**values) if values else text


def _valid_text(value: object) -> bool:
    if isinstance(value, str):
        return True
    return isinstance(value, dict) and isinstance(value.get("other"), str) and all(
        isinstance(v, str) for v in value.values()
    )


def load_ui(path: Path, root: Path, languages: tuple[str, ...]) -> UiStrings:
    shown = display_path(path, root)
    try:
        loaded = load_yaml(decode(path.read_bytes()))
    except YamlProblem as problem:
        raise ContentErrors([ContentError(shown, problem.line, "", problem.found, problem.expected)]) from None
    errors: list[ContentError] = []
    strings: dict[str, dict[str, str]] = {}
    if not isinstance(loaded.value, dict):
        raise ContentErrors([ContentError(shown, 1, "", "no mapping of strings", "write key: {zh: …, en: …}")])
    for key, entry in loaded.value.items():
        line = loaded.line_of((key,))
        if not isinstance(entry, dict):
            errors.append(ContentError(shown, line, key, "not a mapping", "give note, zh, en, fr and ja"))
            continue
        for lang in languages:
            if not _valid_text(entry.get(lang)):
                errors.append(ContentError(shown, line, f"{key}.{lang}", "missing or not text",
                                           f"add the {lang} text, or plural forms with at least `other`"))
        for extra in set(entry) - {*languages, "note"}:
            errors.append(ContentError(shown, loaded.line_of((key, extra)), f"{key}.{extra}", "an unknown key",
                                       f"use note or one of {', '.join(languages)}"))
        strings[key] = {lang: entry[lang] for lang in languages if _valid_text(entry.get(lang))}
    if errors:
        raise ContentErrors(errors)
    return UiStrings(strings)
