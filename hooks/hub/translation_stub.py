"""The first version of a translation: what `make new KIND=translation` writes and what the
"Translate this page" link puts into GitHub's new-file form.

It is made from the best source a translator has (fr and ja: the English text when there
is one, else the original; settings.fallback), and it cannot be published by accident:
the title and summary say `TODO: translate …` and the text starts with a `TODO:` line,
which the check reports with file and line until the translator has replaced them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .errors import language_label
from .placeholders import PLACEHOLDER
from .settings import HubSettings
from .yamlsafe import YamlProblem, decode, load_yaml, split_front_matter

# Front matter a translation carries (the facts stay in the original: hub.catalog).
TEXT_FIELDS = ("title", "summary", "description", "official_title_translation")


@dataclass(frozen=True)
class TranslationStub:
    source_lang: str
    source_path: str  # repository path of the text it starts from
    target_path: str  # repository path of the translation
    header: str  # the front matter and the TODO line
    body: str  # the text to translate

    def text(self) -> str:
        return self.header + self.body

    def header_with_link(self, source_url: str) -> str:
        """For a text too long for a link: the header and where to read the text."""
        return f"{self.header}{PLACEHOLDER}: the text to translate is at {source_url}\n"


def source_language(settings: HubSettings, root: Path, src_uri: str, lang: str) -> str | None:
    """The language a translator of `src_uri` into `lang` should work from."""
    order = [code for code in (*settings.fallbacks(lang), settings.checked_languages[0]) if code != lang]
    for code in dict.fromkeys(order):
        if (root / "docs" / code / src_uri).is_file():
            return code
    return None


def translation_stub(settings: HubSettings, root: Path, src_uri: str, lang: str) -> TranslationStub | None:
    """The stub of the `lang` translation of docs/<source>/<src_uri>, or None when no
    language has that page or its front matter cannot be read (the check says why)."""
    source = source_language(settings, root, src_uri, lang)
    if source is None:
        return None
    source_path = f"docs/{source}/{src_uri}"
    try:
        text = decode((root / source_path).read_bytes())
        front, body, _line = split_front_matter(text)
        meta = load_yaml(front).value if front is not None else {}
    except (OSError, YamlProblem):
        return None
    if not isinstance(meta, dict):
        return None
    into, source_name = language_label(lang), language_label(source)
    lines = ["---"]
    for key in TEXT_FIELDS:
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            todo = f"{PLACEHOLDER}: translate into {into}: {value.strip()}"
            lines.append(f"{key}: {json.dumps(todo, ensure_ascii=False)}")
    lines += ["---", "",
              f"{PLACEHOLDER}: translate the text below from {source_name} ({source_path}) into {into}, "
              "then delete this line.", ""]
    return TranslationStub(source, source_path, f"docs/{lang}/{src_uri}", "\n".join(lines) + "\n",
                           body.strip("\n") + "\n" if body.strip() else "")
