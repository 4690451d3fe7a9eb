"""The words around the content (data/ui.yml), in each language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, ContentErrors, display_path
from .yamlsafe import YamlProblem, decode, load_yaml


@dataclass(frozen=True)
class UiStrings:
    strings: dict[str, dict[str, str]]

    def t(self, key: str, lang: str, **values: object) -> str:
        """The string `key` in `lang`, with its {placeholders} filled in."""
        text = self.strings[key][lang]
        return text.format(**values) if values else text


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
            if not isinstance(entry.get(lang), str):
                errors.append(ContentError(shown, line, f"{key}.{lang}", "missing", f"add the {lang} text"))
        for extra in set(entry) - {*languages, "note"}:
            errors.append(ContentError(shown, loaded.line_of((key, extra)), f"{key}.{extra}", "an unknown key",
                                       f"use note or one of {', '.join(languages)}"))
        strings[key] = {lang: entry[lang] for lang in languages if isinstance(entry.get(lang), str)}
    if errors:
        raise ContentErrors(errors)
    return UiStrings(strings)
