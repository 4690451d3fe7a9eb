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

from ..errors import language_label
from ..safety.yamlsafe import YamlProblem, decode, load_yaml, split_front_matter
from ..source.placeholders import PLACEHOLDER
from ..source.settings import HubSettings

# Front matter a translation carries (the facts stay in the original: hub.source.catalog).
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


class TranslationRefused(Exception):
    """Nothing was written; the message says why and what to do instead."""


def page_uri(page: str, languages: tuple[str, ...]) -> str:
    """news/2025/x, news/2025/x/, news/2025/x.md or docs/zh/news/2025/x.md -> news/2025/x.md."""
    parts = [part for part in page.strip().replace("\\", "/").split("/") if part]
    if parts[:1] == ["docs"]:
        parts = parts[1:]
    if parts[:1] and parts[0] in languages:
        parts = parts[1:]
    if not parts or any(part in (".", "..") for part in parts):
        return ""
    name = parts[-1]
    if not name.endswith(".md"):
        parts[-1] = name + ".md"
    return "/".join(parts)


def write_translation(settings: HubSettings, page: str, lang: str) -> TranslationStub:
    """Write docs/<lang>/<page>.md from its best source; refuse to overwrite anything."""
    languages = settings.checked_languages
    if lang not in languages[1:]:
        raise TranslationRefused(f"LANG={lang}: translations are into {', '.join(languages[1:])}")
    src_uri = page_uri(page, languages)
    if not src_uri or not (settings.root / "docs" / languages[0] / src_uri).is_file():
        raise TranslationRefused(
            f"PAGE={page}: no page docs/{languages[0]}/{src_uri or page} to translate; give its path inside the "
            "language folder, as `make translations` lists it, e.g. PAGE=news/2025/sister-cities-conference-2025"
        )
    target = settings.root / "docs" / lang / src_uri
    if target.exists():
        raise TranslationRefused(f"docs/{lang}/{src_uri} already exists; nothing was written. Edit that file "
                                 "(`make translations` shows what changed in the original since)")
    stub = translation_stub(settings, settings.root, src_uri, lang)
    if stub is None:
        raise TranslationRefused(f"docs/{languages[0]}/{src_uri} cannot be read; run `make check` for why")
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
        handle.write(stub.text())
    return stub
