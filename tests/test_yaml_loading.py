"""hub.safety.yamlsafe in this process, one function at a time: what an editor's YAML becomes, and
the problem (line, what was found, what to do) `make check` prints for what it refuses.
tests/test_validation.py checks the same problems as `make check` prints them."""

from __future__ import annotations

import pytest
from hub.errors import ContentError
from hub.safety.yamlsafe import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    LoadedYaml,
    YamlProblem,
    decode,
    load_yaml,
    other_metadata,
    split_front_matter,
)


def problem(text: str, first_line: int = 1) -> tuple[int, str, str]:
    with pytest.raises(YamlProblem) as caught:
        load_yaml(text, first_line=first_line)
    return caught.value.line, caught.value.found, caught.value.expected


def decode_problem(raw: bytes) -> tuple[int, str, str]:
    with pytest.raises(YamlProblem) as caught:
        decode(raw)
    return caught.value.line, caught.value.found, caught.value.expected


# -- decode ------------------------------------------------------------------------------


def test_a_file_of_the_limit_is_read_and_one_byte_more_is_refused() -> None:
    assert decode(b"a" * MAX_FILE_BYTES) == "a" * MAX_FILE_BYTES
    assert decode_problem(b"a" * (MAX_FILE_BYTES + 1)) == (
        0, "the file is 1,000,001 bytes",
        "content files are limited to 1,000,000 bytes; split it or move large text out",
    )


def test_bytes_that_are_not_utf8_are_reported_on_their_line() -> None:
    line, found, expected = decode_problem("title: 成都\nsummary: ok\nplace: caf".encode() + b"\xe9 de Paris\n")
    assert (line, found, expected) == (3, "bytes that are not UTF-8 (b'\\xe9 de')", "save the file as UTF-8")
    # As `make check` prints it: the file, the line, the fix.
    assert ContentError("data/events/x.yml", line, "", found, expected).format() == (
        "data/events/x.yml:3: bytes that are not UTF-8 (b'\\xe9 de'); save the file as UTF-8"
    )


def test_a_byte_order_mark_and_windows_or_old_mac_line_ends_read_as_plain_lines() -> None:
    assert decode("\ufefftitle: 成都\r\nplace: x\rend: y\n".encode()) == "title: 成都\nplace: x\nend: y\n"


# -- plain values: YAML 1.2 core -----------------------------------------------------------


def test_only_true_and_false_are_booleans_and_times_stay_text() -> None:
    text = "a: [NO, yes, On, 12:30, true, True, TRUE, false, False, FALSE, ~, null, Null, NULL, '', 2026-01-02]\nb:\n"
    assert load_yaml(text).value == {
        "a": ["NO", "yes", "On", "12:30", True, True, True, False, False, False, None, None, None, None, "",
              "2026-01-02"],
        "b": None,
    }


def test_numbers_are_decimal_only_and_quoted_or_block_values_are_always_text() -> None:
    text = 'a: [0x1F, 0o17, 1_000, .5, 1e3, +1, -2.0, 1., ., +, "12", "true", "~", 3]\nb: |\n  12\nc: >\n  true\n'
    value = load_yaml(text).value
    assert value == {"a": ["0x1F", "0o17", "1_000", 0.5, 1000.0, 1, -2.0, 1.0, ".", "+", "12", "true", "~", 3],
                     "b": "12\n", "c": "true\n"}
    assert [type(item) for item in value["a"][3:8]] == [float, float, int, float, float]


def test_an_empty_document_is_none() -> None:
    assert load_yaml("").value is None
    assert load_yaml("# only a comment\n").value is None


def test_numbers_of_up_to_18_digits_are_read_and_longer_ones_refused() -> None:
    assert load_yaml("a: -" + "9" * 18).value == {"a": -999_999_999_999_999_999}
    assert load_yaml("a: +" + "1" * 18).value == {"a": 111_111_111_111_111_111}
    assert problem("x: 1\na: +" + "1" * 19 + "\n") == (2, "a number of 19 digits",
                                                         "at most 18 digits; quote it if it is meant as text")
    assert load_yaml('a: "' + "1" * 40 + '"').value == {"a": "1" * 40}


def test_a_number_a_reader_cannot_read_is_refused() -> None:
    expected = "a number a reader can read: finite, and written in a few digits"
    assert problem("x: 1\ny: 2\na: 1e999\n") == (3, "the number 1e999", expected)
    long = "1" * 73 + ".5"
    assert problem(f"a: {long}\n") == (1, "the number " + "1" * 40 + "…", expected)
    assert load_yaml("a: " + "1" * 17 + "." + "1" * 54).value["a"] == 11111111111111111.1  # 72 characters
    assert problem("a: " + "1" * 17 + "." + "1" * 55 + "\n")[1] == "the number " + "1" * 17 + "." + "1" * 22 + "…"


def test_a_value_is_refused_on_its_line_counted_from_the_first_line_of_the_text() -> None:
    assert problem("a: 1\nb:\n  - 1e999\n", first_line=5)[:2] == (7, "the number 1e999")
    assert problem('a: 1\nb: "\\x01"\n', first_line=5)[:2] == (6, "the control character '\\x01' in a value")


def test_a_number_of_exactly_forty_characters_is_quoted_whole() -> None:
    assert problem("a: 1" + "0" * 35 + "e999\n")[1] == "the number 1" + "0" * 35 + "e999"
    assert problem("a: 1" + "0" * 36 + "e999\n")[1] == "the number 1" + "0" * 36 + "e99…"


def test_lines_count_from_one_unless_told() -> None:
    assert load_yaml("a: 1\nb:\n  - x\n").lines == {(): 1, ("a",): 1, ("b",): 2, ("b", 0): 3}


def test_a_tab_after_a_colon_is_read_as_mkdocs_reads_it() -> None:
    """MkDocs reads front matter with libyaml, which takes a tab there as a space; PyYAML's
    own parser refuses it. The checks read what the build reads."""
    assert load_yaml("title:\tA\nsummary: s\n").value == {"title": "A", "summary": "s"}


# -- lines ---------------------------------------------------------------------------------


def test_every_key_and_item_has_its_line_counted_from_the_first_line_of_the_text() -> None:
    loaded = load_yaml("a:\n  - x\n  - y: 1\n\n    z: 2\nb: 3\n", first_line=4)
    assert loaded.value == {"a": ["x", {"y": 1, "z": 2}], "b": 3}
    assert loaded.lines == {(): 4, ("a",): 4, ("a", 0): 5, ("a", 1): 6, ("a", 1, "y"): 6, ("a", 1, "z"): 8,
                            ("b",): 9}


def test_a_problem_found_later_is_placed_on_its_line_or_its_nearest_parent() -> None:
    loaded = LoadedYaml({}, {(): 2, ("a",): 3, ("a", 0): 5})
    assert loaded.line_of(("a", 0, "title", "en")) == 5
    assert loaded.line_of(("a", 1)) == 3
    assert loaded.line_of(("b",)) == 2
    assert LoadedYaml({}, {("a",): 0}).line_of(("a",)) == 1
    assert LoadedYaml({}).line_of(("a",), default=7) == 7


# -- what is refused -----------------------------------------------------------------------


def test_an_alias_is_refused_where_it_is_used() -> None:
    assert problem("a: &x 1\nb: *x\n", first_line=10) == (
        11, "a YAML alias (*x)", "write the value out in full; anchors and aliases are not allowed in content files")


@pytest.mark.parametrize(("value", "tag"), [
    ("!!binary aGk=", "tag:yaml.org,2002:binary"), ("!x 1", "!x"),
    ("!!python/object:os.system x", "tag:yaml.org,2002:python/object:os.system"),
])
def test_a_tag_is_refused(value: str, tag: str) -> None:
    assert problem(f"title: x\na: {value}\n") == (2, f"a YAML tag ({tag})",
                                                  "write the value without a tag; quote it if it is text")


def test_nesting_up_to_the_limit_is_read_and_one_level_more_refused() -> None:
    deepest = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert load_yaml(deepest).value is not None
    # Closing a list counts down: many lists one after another are not deep.
    assert load_yaml("a: [" + ", ".join(["[[1]]"] * (MAX_DEPTH + 5)) + "]\n").value["a"][-1] == [[1]]
    # ... by one level: an empty list inside, then lists down to the 33rd level.
    deep = "a: " + "[" * 20 + "[], " + "[" * 12 + "1" + "]" * 32 + "\n"
    assert problem(deep)[1] == "lists or mappings nested more than 32 levels deep"
    assert problem("a: 1\nb: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n") == (
        2, "lists or mappings nested more than 32 levels deep", "flatten the structure")
    mappings = "".join(f"{'  ' * level}k{level}:\n" for level in range(MAX_DEPTH)) + "  " * MAX_DEPTH + "v: 1\n"
    # The mapping of the 33rd level starts on line 33, with `v: 1`.
    assert problem(mappings)[:2] == (MAX_DEPTH + 1, "lists or mappings nested more than 32 levels deep")


def test_a_key_that_is_not_text_is_refused() -> None:
    assert problem("a:\n  b: 1\n  [1]: 2\n") == (3, "a key that is a list or mapping", "use a plain text key")
    assert problem("a: 1\n? {b: 1}\n: 2\n")[:2] == (2, "a key that is a list or mapping")


def test_a_merge_key_is_refused() -> None:
    assert problem("a:\n  b: 1\n  <<: {c: 1}\n") == (3, "a YAML merge key (<<)", "write the keys out in full")


@pytest.mark.parametrize(("text", "key", "first"), [
    ("title:\n  en: A\n  zh: 甲\n  en: B\n", "en", 3),
    ("title: A\nsummary: x\nplace: y\ntitle: B\n", "title", 2),
    ("items:\n  - name: a\n    url: x\n    name: b\n", "name", 3),
])
def test_a_key_written_twice_is_refused_at_any_depth(text: str, key: str, first: int) -> None:
    assert problem(text, first_line=2) == (5, f"the key '{key}' a second time (first on line {first})",
                                           "keep one of them; YAML would silently drop the first")


def test_the_same_key_in_two_mappings_is_not_a_duplicate() -> None:
    assert load_yaml("a:\n  en: A\nb:\n  en: B\n").value == {"a": {"en": "A"}, "b": {"en": "B"}}


def test_a_control_character_is_refused_on_its_line() -> None:
    expected = "remove it; feeds and calendars cannot carry it"
    assert problem('x: 1\na: "x\\x01"\n') == (2, "the control character '\\x01' in a value", expected)
    assert problem('- ok\n- "\\ud800 alone"\n') == (2, "the control character '\\ud800' in a value", expected)
    assert problem('a: "one\\n\\ntwo\\uffff"\n') == (1, "the control character '\\uffff' in a value", expected)
    # Tab, line feed and carriage return are text.
    assert load_yaml('a: "\\t\\n\\r"').value == {"a": "\t\n\r"}


def test_an_emoji_written_as_two_escapes_is_one_character() -> None:
    assert load_yaml('a: "\\ud83d\\ude00 ok"\n').value == {"a": "😀 ok"}


def test_a_syntax_error_names_its_line_and_where_the_list_began() -> None:
    line, found, expected = problem("title: x\na: [1,\n  2\nb: 3\n", first_line=3)
    assert line == 6
    assert found == ("invalid YAML (while parsing a flow sequence that starts on line 4, expected ',' or ']', "
                     "but got ':')")
    assert expected.startswith("close the list with ]")


def test_a_syntax_error_on_one_line_names_no_other_line() -> None:
    assert problem("a: 1\n b: 2\n", first_line=5) == (
        6, "invalid YAML (mapping values are not allowed here)",
        "indent this line like the line above it (the same number of spaces), or put the text above in quotes")
    assert problem("a: [b, c: d: e]\n", first_line=3)[:2] == (
        3, "invalid YAML (while parsing a flow sequence expected ',' or ']', but got ':')")


def test_a_character_yaml_cannot_read_is_a_syntax_error() -> None:
    line, found, expected = problem("a: ok\nb: |\n  one\x01\n", first_line=2)
    assert (line, expected) == (2, "fix the YAML syntax")
    assert found.startswith("invalid YAML (unacceptable character #x0001")


# -- front matter ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "split"), [
    ("---\ntitle: a\n---\nbody\n", ("title: a\n", "body\n", 4)),
    ("---\ntitle: a\nx: 1\n...\n\nbody\n", ("title: a\nx: 1\n", "\nbody\n", 5)),
    ("---\ntitle: a\n---\n", ("title: a\n", "", 4)),
    ("no front matter\n---\nx: 1\n---\n", (None, "no front matter\n---\nx: 1\n---\n", 1)),
    ("", (None, "", 1)),
])
def test_front_matter_and_the_line_where_the_body_starts(text: str, split: tuple[str | None, str, int]) -> None:
    assert split_front_matter(text) == split
    assert other_metadata(text) is None


def test_metadata_without_dashes_is_found_by_its_first_key() -> None:
    assert other_metadata("template: x.html\nsummary: b\n\nbody\n") == "template"
    assert split_front_matter("template: x.html\n\nbody\n") == (None, "template: x.html\n\nbody\n", 1)


QUOTE_TWICE = "inside '…' write a single quote twice ('it''s'), or put the text in double quotes"
AFTER_QUOTE = ('text after a closing quote: put the whole text in quotes, with \\" for a quote inside, '
               'like title: "\\"Chengdu\\" today"')


@pytest.mark.parametrize(("text", "line", "expected"), [
    ("title: 'Chengdu's partners'\n", 1, QUOTE_TWICE),
    # A field after the first line of a file: the same fix, though PyYAML names the
    # mapping that began on line 1.
    ("place: Chengdu\ntitle: 'Chengdu's partners'\n", 2, QUOTE_TWICE),
    ("items:\n  - x\n  - 'it's'\n", 3, QUOTE_TWICE),
    ("title: 'Chengdu' today\n", 1, AFTER_QUOTE),
    # An apostrophe on the line where the mapping began says nothing about this line.
    ("summary: \"it's\"\ntitle: 'Chengdu' today\n", 2, AFTER_QUOTE),
])
def test_text_after_a_quote_is_told_apart_from_a_quote_inside_one(text: str, line: int, expected: str) -> None:
    assert problem(text)[0::2] == (line, expected)


def test_the_problem_reads_as_what_was_found() -> None:
    with pytest.raises(YamlProblem, match=r"^a YAML alias \(\*x\)$"):
        load_yaml("a: &x 1\nb: *x\n")
