"""How long an article takes to read, counted per script: Chinese and Japanese are read
character by character, English and French word by word, and a text may mix them.

Rates (silent reading of informative prose by adults):
- CJK_CHARS_PER_MINUTE = 450: Chinese and Japanese readers take in some 400-500
  characters a minute (kana and kanji counted alike);
- WORDS_PER_MINUTE = 220: English and French readers, some 200-230 words a minute.
The minutes of each part are added: an English article quoting a Chinese name reads at
the English rate, plus a moment for the name.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

CJK_CHARS_PER_MINUTE = 450
WORDS_PER_MINUTE = 220

# Han ideographs, kana, and the CJK punctuation block aside: what a reader reads as characters.
_CJK = re.compile(r"[\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A word of a script written with spaces: letters and digits, with inner apostrophes or hyphens.
_WORD = re.compile(r"[^\W\d_\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+(?:['’-][^\W_]+)*|\d+(?:[.,]\d+)*")
# What Markdown shows nobody: link targets, HTML tags, reference definitions, code fences.
_HIDDEN = re.compile(r"\]\([^)]*\)|<[^>]+>|^\s*\[[^\]]+\]:.*$|^```.*$", re.MULTILINE)


@dataclass(frozen=True)
class ReadingUnits:
    characters: int  # Chinese and Japanese characters
    words: int  # words of other scripts

    @property
    def minutes(self) -> int:
        """At least one minute; rounded up."""
        exact = self.characters / CJK_CHARS_PER_MINUTE + self.words / WORDS_PER_MINUTE
        return max(1, math.ceil(exact - 1e-9))


def reading_units(markdown: str) -> ReadingUnits:
    text = _HIDDEN.sub(" ", markdown)
    characters = len(_CJK.findall(text))
    words = len(_WORD.findall(text))
    return ReadingUnits(characters, words)


NO_TEXT = ReadingUnits(0, 0)
