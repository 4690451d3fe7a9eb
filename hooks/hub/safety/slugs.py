"""URL-safe slugs: what an id or a file name may be, and how a title becomes one."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_SLUG_LENGTH = 80
# What `hub new` proposes: addresses are permanent (renaming needs an alias), so short ones.
SHORT_SLUG_LENGTH = 50
SLUG_RULE = "lowercase a-z, digits and single hyphens, like new-partner-cities-2025"

# Names whose pinyin reads better as one word than syllable by syllable.
KNOWN_WORDS: dict[str, str] = {"成都": "chengdu", "四川": "sichuan", "天府": "tianfu"}

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def is_slug(value: str) -> bool:
    return len(value) <= MAX_SLUG_LENGTH and re.fullmatch(SLUG_PATTERN, value) is not None


def slugify(title: str, *, known: Mapping[str, str] | None = None, limit: int = MAX_SLUG_LENGTH) -> str:
    """A slug for `title`: Chinese transliterated to pinyin, one syllable per part
    (成都国际友城大会 -> chengdu-guo-ji-you-cheng-da-hui), accents dropped, everything
    else that is not a-z or 0-9 turned into single hyphens. Empty when nothing is left
    (a title only in kana, say): the caller then asks for a slug."""
    words = {**KNOWN_WORDS, **(known or {})}
    parts: list[str] = []
    position = 0
    for match in _HAN.finditer(title):
        parts.append(_fold(title[position : match.start()]))
        parts.extend(_pinyin(match.group(), words))
        position = match.end()
    parts.append(_fold(title[position:]))
    slug = "-".join(part for part in parts if part)
    slug = re.sub(r"-{2,}", "-", slug).strip("-")
    return _shorten(slug, limit)


def _pinyin(han: str, words: Mapping[str, str]) -> list[str]:
    from pypinyin import lazy_pinyin

    # Known words first, longest first; pypinyin reads the rest in context (重庆: chong).
    pattern = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True) if word)
    parts: list[str] = []
    position = 0
    for match in re.finditer(pattern, han) if pattern else ():
        parts.extend(lazy_pinyin(han[position : match.start()]))
        parts.append(_fold(words[match.group()]))
        position = match.end()
    parts.extend(lazy_pinyin(han[position:]))
    return [_fold(part) for part in parts]


def _fold(text: str) -> str:
    """Latin text without accents, lowercase, with hyphens between words: accents are
    dropped, and any other character (a dash, a space, a kana) separates words."""
    kept = []
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char):
            continue
        kept.append(char.lower() if char.isascii() and char.isalnum() else "-")
    return re.sub(r"-{2,}", "-", "".join(kept)).strip("-")


def _shorten(slug: str, limit: int) -> str:
    """At most `limit` characters, cut between words."""
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1]
    return cut[: cut.rfind("-")] if "-" in cut else cut[:limit]
