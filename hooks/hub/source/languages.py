"""The languages of the content, as configuration gives them: the i18n plugin's languages in
mkdocs.yml (the source language first) and `extra.hub.required_languages`, the languages
every text must be written in. No language code is written in the package: adding a
language is its entry in mkdocs.yml and its fallback chain (`extra.hub.fallback`).

The content models check a localized field against these languages: they travel into
pydantic's validation as its context (`TextLanguages.context()`), and into JSON Schema
generation as an attribute of the generator (`schema_generator`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

_CONTEXT_KEY = "hub_text_languages"


@dataclass(frozen=True)
class TextLanguages:
    languages: tuple[str, ...]  # every language of the content, the source language first
    required: tuple[str, ...]  # every text of a record must be written in these

    @property
    def source(self) -> str:
        return self.languages[0]

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(lang for lang in self.languages if lang not in self.required)

    def context(self) -> dict[str, Any]:
        """pydantic's validation context: `Model.model_validate(value, context=…)`."""
        return {_CONTEXT_KEY: self}

    def rule(self, *, others: str = "optional") -> str:
        """What an editor is told: "zh and en are required, fr and ja optional"."""
        required = f"{spoken_list(self.required)} {'is' if len(self.required) == 1 else 'are'} required"
        return f"{required}, {spoken_list(self.optional)} {others}" if self.optional else required


def spoken_list(items: tuple[str, ...] | list[str]) -> str:
    """(a,) -> a; (a, b) -> a and b; (a, b, c) -> a, b and c."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def from_context(context: Any) -> TextLanguages:
    languages = context.get(_CONTEXT_KEY) if isinstance(context, dict) else None
    if not isinstance(languages, TextLanguages):
        raise TypeError("localized text is validated against the configured languages: "
                        "pass context=settings.text_languages.context() to model_validate")
    return languages


@cache
def schema_generator(languages: TextLanguages) -> type[GenerateJsonSchema]:
    """A JSON Schema generator that knows the languages (`Model.model_json_schema(schema_generator=…)`)."""
    return type("HubJsonSchema", (GenerateJsonSchema,), {"text_languages": languages})


def from_schema_generator(generator: Any) -> TextLanguages:
    languages = getattr(generator, "text_languages", None)
    if not isinstance(languages, TextLanguages):
        raise TypeError("the JSON Schema of localized text depends on the configured languages: "
                        "pass schema_generator=schema_generator(settings.text_languages)")
    return languages

