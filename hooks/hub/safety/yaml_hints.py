"""What to do about a YAML syntax error, in an editor's words.

PyYAML says what its parser met ("mapping values are not allowed here"); an editor needs
the usual cause and its fix. The causes below are the ones editors meet: a `: ` inside a
text, a text starting with a character YAML reserves, an unclosed quote or bracket, a
line indented differently from its neighbours, tabs.
"""

from __future__ import annotations

import re

_RESERVED_START = re.compile(r"found character '(.)' that cannot start any token|but found '([*&!|>%@`])'")
GENERIC = "fix the YAML syntax"


def hint(problem: str, lines: list[str], index: int) -> str:
    """The fix for `problem` (PyYAML's words), found at line `index` (0-based) of `lines`."""
    line = lines[index] if 0 <= index < len(lines) else ""
    if "'\\t'" in problem:
        return "indent with spaces; YAML does not allow tabs"
    if "mapping values are not allowed" in problem:
        return _colon_hint(lines, index)
    if "quoted scalar" in problem and "end of stream" in problem:
        return "close the quote: a text that starts with \" (or ') must end with the same mark on its field"
    reserved = _RESERVED_START.search(problem)
    if reserved:
        char = reserved.group(1) or reserved.group(2)
        return (f"put the text in quotes: YAML does not let a text start with {char} "
                f"(write title: \"{char}…\")")
    if "flow sequence" in problem or "expected ',' or ']'" in problem:
        return ("close the list with ] on the same field, and put an item that contains a comma "
                "or ': ' in quotes, like [a, \"b: c\"]")
    if "flow mapping" in problem or "expected ',' or '}'" in problem:
        return ("close the braces with } on the same field, and put a text that contains ': ' or "
                "a comma in quotes, like {zh: \"成都: 大会\", en: \"Chengdu: a conference\"}")
    if "but found '<scalar>'" in problem:
        # An odd number of single quotes on the line of the problem: a ' inside a '…' text
        # ended it early. (Not the line where PyYAML's construct began: for a field of a
        # file that is the file's first line, whose quotes say nothing about this one.)
        if line.count("'") % 2 == 1:
            return "inside '…' write a single quote twice ('it''s'), or put the text in double quotes"
        return ("text after a closing quote: put the whole text in quotes, with \\\" for a quote inside, "
                "like title: \"\\\"Chengdu\\\" today\"")
    if "<block mapping start>" in problem or "<block sequence start>" in problem or "expected key" in problem:
        return "indent this line like the other fields of its block (the same number of spaces)"
    if "expected '-' indicator" in problem:
        return "start every item of the list with - at the same indentation"
    if "could not find expected ':'" in problem:
        return ("add ': ' after the field name; if the line continues the text above, put that text in "
                "quotes or indent the line under it")
    return GENERIC


def _colon_hint(lines: list[str], index: int) -> str:
    """"mapping values are not allowed here": a `: ` where YAML cannot start a field."""
    line = lines[index] if 0 <= index < len(lines) else ""
    value = line.split(": ", 1)[1] if ": " in line else ""
    if ": " in value or value.rstrip().endswith(":"):
        return ("put the text in quotes: a ': ' inside a text starts a new field in YAML, "
                "so write title: \"成都: 友城大会\"")
    previous = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()), "")
    bare = previous.strip()
    if bare and ": " not in bare and not bare.endswith(":") and not bare.startswith(("-", "#")):
        return ("the line above has no ': ' after a field name: add it, or, if that line continues a "
                "text, put the whole text in quotes")
    if previous and _indent(line) > _indent(previous):
        return "indent this line like the line above it (the same number of spaces), or put the text above in quotes"
    return "put the text in quotes: a ': ' inside a text starts a new field in YAML, so write title: \"成都: 友城大会\""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
