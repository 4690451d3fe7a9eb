"""Published pages without the blank lines and indentation of the templates they come from.

Material's templates and the hub's indent their markup for the people who edit them; a
page carries that indentation and the blank lines of every `{% if %}`: about 4 KB of a
30 KB article page, on every page of the site (bench/README.md, "Bytes"). A browser shows
a run of white space in text as one space, and between two attributes of a tag any run is
a separator, so a run that holds a line break is written as that line break alone. Left as
written: the elements that show or run their text as it is (`pre`, `textarea`, `script`,
`style`, and `code` and `kbd`, which Material sets in `white-space: pre-wrap`) and
comments. An attribute value that held a line break followed by spaces would lose the
spaces; the values the hub and Material write hold no line breaks (escaped text, URLs).
"""

from __future__ import annotations

import re

# Kept whole: shown or run as written.
_AS_WRITTEN = re.compile(r"(<(?:pre|textarea|script|style|code|kbd)\b.*?</(?:pre|textarea|script|style|code|kbd)\s*>"
                         r"|<!--.*?-->)", re.S | re.I)
# White space after a line break.
_BREAK = re.compile(r"\n\s+")


def compact_html(html: str) -> str:
    """`html` as a browser shows it, without the white space it does not show."""
    parts = _AS_WRITTEN.split(html)
    # split() puts the kept blocks at the odd places.
    for index in range(0, len(parts), 2):
        parts[index] = _BREAK.sub("\n", parts[index])
    return "".join(parts)
