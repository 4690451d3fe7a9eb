"""Reading YAML that editors wrote, without losing or silently changing anything.

PyYAML on its own keeps the last of two duplicate keys, reads `NO` as false and `12:30`
as 750 (YAML 1.1), expands alias bombs and recurses until Python gives up. Here a
document is composed into nodes first, checked, and then turned into plain values with
the YAML 1.2 core rules (only true/false are booleans; dates and times stay text for
the models to parse), remembering the line of every key so that a problem found later
by a model can still be reported at its line.
"""

from __future__ import annotations

import contextlib
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .. import stack
from .yaml_hints import hint

_FAST_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 32
# More digits than any count, year or amount needs. Python refuses to read an integer of
# over 4,300 digits (a ValueError, not a content error), and the feeds and calendars
# cannot carry one of more than 19.
MAX_DIGITS = 18

# Characters XML 1.0 cannot carry, even escaped: a title with one of them (written as
# "\x01" in double quotes) would pass every check and stop the build at its very end,
# when the feeds are written. Tab, line feed and carriage return are allowed.
_SURROGATE = re.compile("[\ud800-\udfff]")
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

Path_ = tuple[str | int, ...]

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


class YamlProblem(Exception):
    """A file that cannot be read as content; `line` is 1-based (0 when unknown)."""

    def __init__(self, line: int, found: str, expected: str) -> None:
        super().__init__(found)
        self.line = line
        self.found = found
        self.expected = expected


@dataclass
class LoadedYaml:
    """Plain values, and the line where each key or item was written."""

    value: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_, default: int = 1) -> int:
        """The line of `path`, or of its nearest parent that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line:
                return line
        return default


def decode(raw: bytes) -> str:
    """Text of a content file: UTF-8, with a BOM allowed and CRLF line ends normalised."""
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblem(
            0,
            f"the file is {len(raw):,} bytes",
            f"content files are limited to {MAX_FILE_BYTES:,} bytes; split it or move large text out",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlProblem(
            line, f"bytes that are not UTF-8 ({raw[error.start:error.start + 4]!r})", "save the file as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_yaml(text: str, *, first_line: int = 1) -> LoadedYaml:
    """Parse one YAML document; `first_line` is the file line the text starts on."""
    offset = first_line - 1
    try:
        # libyaml reads the same events and nodes, with the same marks, ten times faster;
        # a document it refuses is read again below so that the message is PyYAML's.
        _check_events(text, offset, _FAST_LOADER)
        node = yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        node = _compose_slowly(text, offset, first_line)
    loaded = LoadedYaml(None)
    if node is not None:
        loaded.value = _construct(node, (), loaded.lines, offset)
    return loaded


def _compose_slowly(text: str, offset: int, first_line: int) -> yaml.Node | None:
    """Compose with PyYAML's own parser, turning a syntax error into a YamlProblem."""
    try:
        _check_events(text, offset)
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + offset if mark else first_line
        context = error.context
        if context and error.context_mark and error.problem_mark and error.context_mark.line != error.problem_mark.line:
            # "while parsing a flow sequence" is clearer with the line where it began.
            context = f"{context} that starts on line {error.context_mark.line + 1 + offset},"
        problem = " ".join(filter(None, [context, error.problem]))
        lines = text.split("\n")
        where = mark.line if mark else 0
        raise YamlProblem(line, f"invalid YAML ({problem})", hint(problem, lines, where)) from None
    except yaml.YAMLError as error:
        raise YamlProblem(first_line, f"invalid YAML ({error})", "fix the YAML syntax") from None


def _check_events(text: str, offset: int, loader: type = yaml.SafeLoader) -> None:
    """Refuse aliases and runaway nesting before anything is built from them."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        line = event.start_mark.line + 1 + offset
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(
                line,
                f"a YAML alias (*{event.anchor})",
                "write the value out in full; anchors and aliases are not allowed in content files",
            )
        if getattr(event, "tag", None) is not None:
            # `!!binary`, `!!python/…` or a tag of its own: what MkDocs' YAML 1.1 loader
            # would make of it is not what these checks read; plain values only.
            raise YamlProblem(line, f"a YAML tag ({event.tag})",
                              "write the value without a tag; quote it if it is text")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlProblem(
                    line, f"lists or mappings nested more than {MAX_DEPTH} levels deep", "flatten the structure"
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _construct(node: yaml.Node, path: Path_, lines: dict[Path_, int], offset: int) -> Any:
    lines.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1 + offset
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(key_line, "a key that is a list or mapping", "use a plain text key")
            key = key_node.value
            if key == "<<":
                raise YamlProblem(key_line, "a YAML merge key (<<)", "write the keys out in full")
            if key in result:
                raise YamlProblem(
                    key_line,
                    f"the key '{key}' a second time (first on line {lines[(*path, key)]})",
                    "keep one of them; YAML would silently drop the first",
                )
            lines[(*path, key)] = key_line
            result[key] = _construct(value_node, (*path, key), lines, offset)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1 + offset
            items.append(_construct(item, (*path, index), lines, offset))
        return items
    return _scalar(node, node.start_mark.line + 1 + offset)


def _scalar(node: yaml.ScalarNode, line: int) -> Any:
    """YAML 1.2 core schema: quoted scalars and anything not plainly a number stay text."""
    value = node.value
    if _SURROGATE.search(value):  # "\ud83d\ude00" written as escapes: one character, if they pair up
        with contextlib.suppress(UnicodeDecodeError):  # a lone half: refused below
            value = value.encode("utf-16", "surrogatepass").decode("utf-16")
    illegal = XML_ILLEGAL.search(value)
    if illegal:
        # Only an escape in a double-quoted value can write one (YAML's reader refuses them
        # written as they are, in block values too): reported on the line the value starts.
        raise YamlProblem(line, f"the control character {illegal.group()!r} in a value",
                          "remove it; feeds and calendars cannot carry it")
    if node.style:  # quoted, literal or folded: always text
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        digits = len(value.lstrip("+-"))
        if digits > MAX_DIGITS:
            raise YamlProblem(line, f"a number of {digits:,} digits",
                              f"at most {MAX_DIGITS} digits; quote it if it is meant as text")
        return int(value)
    if _FLOAT.match(value) and any(ch.isdigit() for ch in value):
        number = float(value)
        if not math.isfinite(number) or len(value) > 4 * MAX_DIGITS:
            raise YamlProblem(line, f"the number {value[:40]}{'…' if len(value) > 40 else ''}",
                              "a number a reader can read: finite, and written in a few digits")
        return number
    return value


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter YAML or None, body, line where the body starts) of a Markdown file,
    found exactly where MkDocs finds it (mkdocs.utils.meta.get_data, which the build uses):
    `---` with optional spaces, the YAML, then `---` or `...` ending in a line break. A
    page whose metadata MkDocs reads in another form is found by `other_metadata`."""
    match = stack.FRONT_MATTER.match(text)
    if match is None:
        return None, text, 1
    return match.group(1), text[match.end():], text.count("\n", 0, match.end()) + 1


def other_metadata(text: str) -> str | None:
    """The first key of metadata that MkDocs reads without `---` lines around it
    (MultiMarkdown style: `key: value` lines at the very top), or None. The checks read
    front matter only; such keys (`template:`, `description:`…) would reach the theme
    unchecked, so a page that has them is refused."""
    if stack.FRONT_MATTER.match(text):
        return None
    _body, data = stack.page_meta(text)
    return next(iter(data), None)
