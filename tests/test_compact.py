"""Published pages carry no template indentation (hub.site.compact): what a browser shows is the
same, and what it shows as written (code, preformatted text, scripts) keeps every space."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from hub.site.compact import compact_html
from sitebuild import BuiltSite

_AS_WRITTEN = re.compile(r"<(pre|textarea|script|style|code|kbd)\b.*?</\1\s*>", re.S | re.I)


def shown_text(html: str) -> str:
    """The text of a page as a browser lays it out outside preformatted elements."""
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def test_white_space_a_browser_does_not_show_goes_and_the_rest_stays():
    page = ('<div>\n    <p>\n      Two   words\n    </p>\n\n\n    <pre><code>x = 1\n    y = 2\n\n</code></pre>\n'
            '  <p>Inline <code>a\n    b</code> and <kbd>Ctrl\n  C</kbd></p>\n'
            '  <textarea>\n  kept\n</textarea>\n  <script>\n  var s = "\\n  ";\n</script>\n'
            '  <span title="a\n   b">t</span>\n</div>\n')
    compact = compact_html(page)
    assert compact.startswith("<div>\n<p>\nTwo   words\n</p>\n<pre>")
    for kept in ("<pre><code>x = 1\n    y = 2\n\n</code></pre>", "<code>a\n    b</code>", "<kbd>Ctrl\n  C</kbd>",
                 "<textarea>\n  kept\n</textarea>", '<script>\n  var s = "\\n  ";\n</script>'):
        assert kept in compact
    assert shown_text(compact) == shown_text(page)


def test_built_pages_have_no_indented_lines_and_show_the_same_text(site: BuiltSite):
    pages = sorted(site.dir.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        outside = _AS_WRITTEN.sub("", html)
        assert not re.search(r"\n[ \t]", outside), path
        assert compact_html(html) == html, path
