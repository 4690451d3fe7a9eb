"""The Markdown fields of records (an opportunity's details, an event's description) as
their pages and feed items show them (hub.prose): prose only, headings below the page's
own, raw HTML shown as text, links with safe schemes only."""

from __future__ import annotations

import pytest
from hub.prose import MarkdownRefused, safe_markdown


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
    with pytest.raises(MarkdownRefused):
        safe_markdown(">" * 200 + " deep")
