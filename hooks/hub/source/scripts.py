"""The script a language is written in, from CLDR's likely subtags (through Babel): zh is
written in Hans, ja in Jpan, ko in Kore, en and fr in Latn. What the build does per
language without data of its own (reading time, the faces of social cards) it decides by
script, so that a new language needs no code.
"""

from __future__ import annotations

from functools import cache

# Written without spaces between words and read character by character: Han ideographs
# and kana (reading time counts characters, cards break lines anywhere).
CHARACTER_SCRIPTS = frozenset({"Hans", "Hant", "Jpan"})


@cache
def script_of(lang: str) -> str:
    """ISO 15924 code of the script `lang` is written in (Latn when CLDR does not know it)."""
    from babel.core import get_global

    tag = lang.replace("-", "_")
    parts = [*tag.split("_"), *get_global("likely_subtags").get(tag, tag).split("_")]
    return next((part for part in parts[1:] if len(part) == 4 and part.istitle()), "Latn")


def reads_by_characters(lang: str) -> bool:
    return script_of(lang) in CHARACTER_SCRIPTS
