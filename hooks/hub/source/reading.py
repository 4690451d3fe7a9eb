"""How long an article takes to read, counted the way its language is read: languages written
in Han characters and kana (Chinese, Japanese; hub.source.scripts) by characters, other languages
(English, French…) by words.

Rates (silent reading of informative prose by adults):
- CJK_CHARS_PER_MINUTE = 450: Chinese and Japanese readers take in some 400-500
  characters a minute (hanzi, kanji and kana counted alike);
- WORDS_PER_MINUTE = 220: English and French readers, some 200-230 words a minute.

Counted once per text when content is loaded (catalog), from its Markdown: cheap string
operations only (a regular expression per character or word would cost seconds at
2,000 articles), so a link's address or a table's bars count a little; a minute is the
unit shown, rounded up.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .scripts import reads_by_characters

CJK_CHARS_PER_MINUTE = 450
WORDS_PER_MINUTE = 220

# Han ideographs and kana, in runs: what a reader of Chinese or Japanese reads as characters.
_CJK_RUN = re.compile(r"[\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@dataclass(frozen=True)
class ReadingUnits:
    characters: int  # Chinese and Japanese characters
    words: int  # words of a language written with spaces

    @property
    def minutes(self) -> int:
        """At least one minute; rounded up."""
        exact = self.characters / CJK_CHARS_PER_MINUTE + self.words / WORDS_PER_MINUTE
        return max(1, math.ceil(exact - 1e-9))


def reading_units(markdown: str, lang: str) -> ReadingUnits:
    if reads_by_characters(lang):
        return ReadingUnits(sum(map(len, _CJK_RUN.findall(markdown))), 0)
    return ReadingUnits(0, len(markdown.split()))


NO_TEXT = ReadingUnits(0, 0)
