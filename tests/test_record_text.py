"""The Markdown fields of records (an opportunity's details, an event's description) as
their pages and feed items show them (hub.source.prose): prose only, headings below the page's
own, raw HTML shown as text, links with safe schemes only; and a picture in that text, which
a record cannot show, refused with its address (hub.source.prose.picture_in, through the models)."""

from __future__ import annotations

from unittest import mock

import pytest
from hub.source.models import MarkdownText
from hub.source.prose import MarkdownRefused, picture_in, safe_markdown
from pydantic import TypeAdapter, ValidationError

RECORD_TEXT = TypeAdapter(MarkdownText)


def test_headings_start_below_the_pages_own_sections() -> None:
    html = safe_markdown("# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n\ntext")
    assert html == ("<h3>One</h3>\n<h4>Two</h4>\n<h5>Three</h5>\n<h6>Four</h6>\n<h6>Five</h6>\n<h6>Six</h6>\n"
                    "<p>text</p>")


def test_raw_html_is_shown_as_text() -> None:
    html = safe_markdown('Hello <b onclick="x()">bold</b>\n\n<div>block</div>\n\n<h1>big</h1>')
    assert "<b" not in html and "<div" not in html and "<h1" not in html
    assert "&lt;b onclick=" in html and "&lt;div&gt;block&lt;/div&gt;" in html


def test_links_keep_only_safe_schemes_and_open_nothing_of_the_site() -> None:
    html = safe_markdown("[web](https://example.org/) [mail](mailto:a@example.org) [bad](javascript:alert(1))")
    assert '<a href="https://example.org/" rel="noopener noreferrer">web</a>' in html
    assert '<a href="mailto:a@example.org" rel="noopener noreferrer">mail</a>' in html
    assert "javascript" not in html


def test_tables_stay_tables() -> None:
    html = safe_markdown("| a | b |\n|:--|--:|\n| 1 | 2 |")
    assert html == ("<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n"
                    "<td>2</td>\n</tr>\n</tbody>\n</table>")


def test_text_over_the_limits_never_reaches_the_converter() -> None:
    deep = ">" * 200 + " deep ![a picture](/assets/images/hall.jpg)"
    with mock.patch("hub.source.prose._converter", side_effect=AssertionError("converted")):
        with pytest.raises(MarkdownRefused):
            safe_markdown(deep)
        assert picture_in(deep) is None


# -- a picture in a record's text -----------------------------------------------------------------


def refusal(text: str) -> str | None:
    """What `hub check` says of a record's Markdown field after `file:line: field: `, or
    None when the text is accepted."""
    try:
        RECORD_TEXT.validate_python(text)
    except ValidationError as error:
        return error.errors()[0]["msg"].removeprefix("Value error, ")
    return None


@pytest.mark.parametrize(("text", "address"), [
    ("The programme.\n\n![The hall](/assets/images/hall.jpg)", "/assets/images/hall.jpg"),
    # The first of two, in a sentence, with a caption.
    ('See ![the hall](hall.jpg "The hall") and ![the stage](stage.jpg).', "hall.jpg"),
    # The address as the editor wrote it, not as HTML escapes it.
    ("![A map](https://example.org/map.png?x=1&y=2)", "https://example.org/map.png?x=1&y=2"),
    ("![The hall][hall]\n\n[hall]: /assets/images/hall.jpg", "/assets/images/hall.jpg"),
], ids=["own-paragraph", "first-of-two", "ampersand", "reference"])
def test_a_picture_in_a_records_text_is_refused_with_its_address(text: str, address: str) -> None:
    assert refusal(text) == (f"a picture in the text ({address}); a record's text shows no pictures: give the "
                             "record its picture with image: (src, alt), as CONTRIBUTING.md says under Pictures")


@pytest.mark.parametrize("text", [
    "The badge `![logo](logo.png)` is code.",
    "```\n![logo](logo.png)\n```",
    "\\![not a picture](logo.png)",
    "[The programme](https://example.org/programme.jpg)",
    "Press ![ and ] together.",
], ids=["code", "fenced-code", "escaped", "link-to-a-picture", "brackets"])
def test_text_that_only_looks_like_a_picture_is_accepted(text: str) -> None:
    assert refusal(text) is None


def test_a_picture_in_one_records_text_is_not_found_in_the_next() -> None:
    """The converter is shared: a reference defined in one text means nothing in another."""
    assert refusal("![The hall][hall]\n\n[hall]: /assets/images/hall.jpg") is not None
    assert refusal("As ![before][hall], with no picture of its own.") is None
