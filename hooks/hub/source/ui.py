"""The words around the content (overrides/hub/ui.yml), in each language. A language whose
translators have not written them all yet shows the others in its fallback language."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale
from babel.numbers import format_decimal

from ..errors import ContentError, ContentErrors, display_path
from ..safety.yamlsafe import YamlProblem, decode, load_yaml
from .amounts import MoneyStyle, load_money_styles
from .languages import TextLanguages, spoken_list

UI_FILE = "overrides/hub/ui.yml"  # in the project
Text = str | dict[str, str]  # a plain string, or plural forms by CLDR category (one, other…)


@dataclass(frozen=True)
class UiStrings:
    strings: dict[str, dict[str, Text]]
    # Where a language has no text for a key yet: the languages shown instead, in order
    # (its chain in extra.hub.fallback, then the required languages, which have them all).
    fallback: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # How each language writes sums of money (amounts.yml beside ui.yml; hub.source.amounts).
    money_styles: dict[str, MoneyStyle] = field(default_factory=dict)

    def t(self, key: str, lang: str, **values: object) -> str:
        """The string `key` in `lang` (or, not yet translated, in its first fallback that
        has it), with its {placeholders} filled in; a string with plural forms is chosen by
        `count`, with the plural rules of the language it is written in."""
        shown = self.written_in(key, lang)
        text = self.strings[key][shown]
        if isinstance(text, dict):
            category = Locale.parse(shown).plural_form(values.get("count", 0))
            text = text.get(category, text["other"])
        if not values:
            return text
        return text.format(**{name: _quantity(value, shown) if name in QUANTITIES else value
                              for name, value in values.items()})

    def written_in(self, key: str, lang: str) -> str:
        """The language `key` is shown in to a reader of `lang`."""
        entry = self.strings[key]
        return lang if lang in entry else next(code for code in self.fallback.get(lang, ()) if code in entry)

    def missing(self, lang: str) -> tuple[str, ...]:
        """The keys not yet translated into `lang`, in the order of ui.yml."""
        return tuple(key for key, entry in self.strings.items() if lang not in entry)


# Placeholders that hold how many of something, written as the language groups digits
# ("1,540 articles", "1 540 articles"); a year or an address is written as it is.
QUANTITIES = frozenset({"count", "page", "pages", "days", "limit", "city_limit", "listed", "reported"})


def _quantity(value: object, lang: str) -> object:
    if type(value) is not int or -1000 < value < 1000:  # no language groups fewer than four digits
        return value
    return format_decimal(value, locale=lang)


def _valid_text(value: object) -> bool:
    if isinstance(value, str):
        return True
    return isinstance(value, dict) and isinstance(value.get("other"), str) and all(
        isinstance(v, str) for v in value.values()
    )


def load_ui(path: Path, root: Path, languages: TextLanguages,
            fallback: dict[str, tuple[str, ...]] | None = None) -> UiStrings:
    """The strings of every language; a required language must have them all, another falls
    back along `fallback` (extra.hub.fallback) until its translators write them."""
    shown = display_path(path, root)
    try:
        loaded = load_yaml(decode(path.read_bytes()))
    except YamlProblem as problem:
        raise ContentErrors([ContentError(shown, problem.line, "", problem.found, problem.expected)]) from None
    errors: list[ContentError] = []
    strings: dict[str, dict[str, str]] = {}
    if not isinstance(loaded.value, dict):
        example = ", ".join(f"{lang}: …" for lang in languages.required)
        raise ContentErrors([ContentError(shown, 1, "", "no mapping of strings", f"write key: {{{example}}}")])
    for key, entry in loaded.value.items():
        line = loaded.line_of((key,))
        if not isinstance(entry, dict):
            errors.append(ContentError(shown, line, key, "not a mapping",
                                       f"give note and {spoken_list(languages.languages)}"))
            continue
        for lang in languages.languages:
            if lang not in entry and lang not in languages.required:
                continue  # not translated yet: shown in a fallback language, listed by `make translations`
            if not _valid_text(entry.get(lang)):
                errors.append(ContentError(shown, line, f"{key}.{lang}", "missing or not text",
                                           f"add the {lang} text, or plural forms with at least `other`"))
        for extra in set(entry) - {*languages.languages, "note"}:
            errors.append(ContentError(shown, loaded.line_of((key, extra)), f"{key}.{extra}", "an unknown key",
                                       f"use note or one of {', '.join(languages.languages)}"))
        strings[key] = {lang: entry[lang] for lang in languages.languages if _valid_text(entry.get(lang))}
    money_styles = {}
    try:
        money_styles = load_money_styles(path.with_name("amounts.yml"), root)
    except ContentErrors as problems:
        errors.extend(problems.errors)
    if errors:
        raise ContentErrors(errors)
    chains = {lang: tuple(dict.fromkeys((*(fallback or {}).get(lang, ()), *languages.required)))
              for lang in languages.languages}
    return UiStrings(strings, chains, money_styles)
