"""hub.safety.sanitize in this process, one rule at a time: the HTML a reader's browser gets
(parsed with html5lib, the WHATWG parsing algorithm browsers follow) and what the editor is
told (what was removed, why, and on which line of the source). tests/test_sanitizer.py runs
the hostile vectors of tests/hostile_site.py through the same code; tests/test_hostile_html.py
checks the built hostile site."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import html5lib
import markdown
import pytest
from hostile_site import URL_ATTRIBUTES
from hub.safety import sanitize
from hub.safety.sanitize import (
    ATTRIBUTES,
    CONTENT_CLASSES,
    REL_VALUES,
    STATUS_VALUES,
    TAGS,
    PageSanitizer,
    Removal,
    clean_html,
    html_text,
    removal_lines,
    safe_title,
    safe_toc,
)
from hypothesis import given, settings
from hypothesis import strategies as st

# nh3 calls the attribute filter from Rust and drops an attribute whose filter raised, with
# "Exception ignored" and a traceback on the build's output: a failure here.
pytestmark = pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")

OWN_IMAGES = ("images are served from the site itself: put the picture in docs/assets/images/ and show it in the "
              "text by its path from the page (![what it shows](../../../assets/images/name.jpg) in an article) or "
              "name it in the front matter (image:)")
WHY_URL = "only http:, https:, mailto:, tel: and relative links are allowed"
CLASSES = "content may use the hub-* classes, admonition types and md-button only"


def elements(markup: str) -> list[Any]:
    """The elements a browser builds from `markup` (in the body of a page)."""
    fragment = html5lib.parseFragment(markup, treebuilder="etree", namespaceHTMLElements=False)
    return [element for element in fragment.iter() if isinstance(element.tag, str)]


def seen(markup: str) -> list[tuple[str, dict[str, str]]]:
    """(tag, attributes) of every element a browser builds, in document order."""
    return [(element.tag, dict(element.attrib)) for element in elements(markup)][1:]  # without the fragment


def cleaned(markup: str) -> tuple[list[tuple[str, dict[str, str]]], list[tuple[str, str]]]:
    html, removals = clean_html(markup)
    return seen(html), [(removal.found, removal.expected) for removal in removals]


# -- what no output can carry, whatever the input ------------------------------------------

SCHEME_BLANKS = ["", "\t", "\n", " ", "&#x09;", "&#10;", "&Tab;", "\x00", "&#0;"]
HOSTILE_TAGS = ["script", "iframe", "object", "embed", "svg", "math", "style", "base", "meta", "link", "form",
                "input", "button", "textarea", "template", "noscript", "img", "a", "p", "div", "source", "q",
                "blockquote", "td", "table", "details", "span", "picture", "del", "ins", "frame", "applet"]
HOSTILE_ATTRIBUTES = ["onclick", "onerror", "OnLoad", "onmouseover", "style", "href", "src", "srcset", "cite",
                      "action", "formaction", "class", "id", "rel", "data-status", "data-pagefind-body", "target",
                      "data-hub-x", "xlink:href", "poster", "background", "data", "title"]


@st.composite
def url(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["javascript", "JaVaScRiPt", "vbscript", "data", "https", "http", "mailto", "ftp"]))
    blank = draw(st.sampled_from(SCHEME_BLANKS))
    cut = draw(st.integers(0, len(scheme)))
    colon = draw(st.sampled_from([":", "&colon;", "&#58;", "&#x3A;"]))
    lead = draw(st.sampled_from(["", " ", "\x01", "//", "\\\\"]))
    return lead + scheme[:cut] + blank + scheme[cut:] + colon + "alert(1)//evil.example/x.png"


@st.composite
def attribute(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(HOSTILE_ATTRIBUTES))
    value = draw(st.one_of(url(), st.sampled_from(["__drawer", "md-typeset hub-x note", "evil nofollow", "open",
                                                   "color: red", "text-align: center", "x\" onclick=\"alert(1)"])))
    quote = draw(st.sampled_from(['"', "'", ""]))
    if not quote:
        value = re.sub(r"[\s\"'>]", "", value) or "x"
    return f" {name}={quote}{value.replace(quote, '') if quote else value}{quote}"


@st.composite
def markup(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(st.sampled_from(HOSTILE_TAGS))
        attributes = "".join(draw(st.lists(attribute(), max_size=4)))
        close = draw(st.sampled_from([f"</{tag}>", "", f"</{tag}"]))
        parts.append(f"<{tag}{attributes}>x{close}")
    return draw(st.sampled_from(["", "<table><tr><td>", "<p>", "<!-- "])) + "".join(parts)


def scheme_of(value: str) -> str | None:
    """The scheme of a URL as a browser reads it: leading blanks and controls go, and tabs
    and line breaks inside are skipped (the WHATWG URL parser)."""
    compact = re.sub(r"[\t\n\r]", "", value.lstrip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f"
                                                   "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d"
                                                   "\x1e\x1f "))
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", compact)
    return match.group(1).lower() if match else None


@settings(max_examples=300, deadline=None)
@given(markup())
def test_no_output_runs_code_or_loads_from_another_host(source: str) -> None:
    html, _removals = clean_html(source)
    for tag, attributes in seen(html):
        assert tag in TAGS, (source, html)
        for name, value in attributes.items():
            assert not name.lower().startswith("on"), (source, html)
            assert name in ATTRIBUTES.get(tag, ()) or name in ATTRIBUTES["*"] or name.startswith(
                ("aria-", "data-hub-")), (source, html)
            if name in URL_ATTRIBUTES:
                assert scheme_of(value) in (None, "http", "https", "mailto", "tel"), (source, html)
            if tag in ("img", "source") and name in ("src", "srcset"):
                assert scheme_of(value) is None and not re.match(r"^\s*[/\\]{2}", value), (source, html)
            if name == "class":
                assert all(token in CONTENT_CLASSES or token.startswith(("hub-", "language-")) for token in
                           value.split()), (source, html)
            assert name != "id" or not value.startswith("__"), (source, html)
            assert name != "style" or re.fullmatch(r"\s*text-align\s*:\s*\w+\s*;?\s*", value), (source, html)
            assert name != "data-status" or value in STATUS_VALUES, (source, html)
            assert name != "rel" or set(value.split()) <= REL_VALUES, (source, html)


# The report counts the output's tags the quick way (hub.safety.sanitize._cleaned_names):
# it must count what the full reading of the same markup counts, whatever went in.
@settings(max_examples=300, deadline=None)
@given(st.one_of(markup(), st.text(alphabet="<>!-/=\"' abcdilmnoprstvxy&;\n", max_size=80)))
def test_the_outputs_tags_are_counted_as_a_full_reading_counts_them(source: str) -> None:
    html, _removals = clean_html(source)
    assert sanitize._cleaned_names(html) == sanitize._names(html), (source, html)


def test_no_element_read_as_raw_text_can_reach_the_output() -> None:
    assert not set(sanitize.RAW_TEXT_TAGS) & TAGS


# -- attributes kept, filtered by value, or removed ---------------------------------------


def test_what_content_may_carry_reaches_the_reader_unchanged() -> None:
    source = ('<table><thead><tr><th scope="col" style="text-align: right" abbr="n">N</th></tr></thead><tbody><tr>'
              '<td colspan="2" style="text-align:center;">1</td></tr></tbody></table>'
              '<p class="hub-note admonition md-button md-button--primary language-py task-list" id="_x" lang="fr" '
              'data-status="closing-soon" data-hub-kind="event" aria-label="a" title="t">'
              '<a href="https://example.org/x" rel="nofollow noopener" hreflang="fr">a</a> '
              '<a href="mailto:a@example.org">m</a> <a href="tel:+8628">t</a> <a href="../x/">r</a>'
              '<time datetime="2026-01-02">2 Jan</time><img src="../img/a.webp" srcset="../img/a-2x.webp 2x" alt="a" '
              'width="10" height="5" loading="lazy"></p><blockquote cite="https://example.org">q</blockquote>'
              '<details open><summary>s</summary>d</details><ol start="3" reversed><li value="4">x</li></ol>')
    html, removals = clean_html(source)
    assert removals == []
    assert seen(html) == seen(source)


def test_classes_outside_the_content_classes_are_removed_and_named() -> None:
    assert cleaned('<p class="hub-x md-typeset admonition hub-search-box hub-fallback language-py">x</p>') == (
        [("p", {"class": "hub-x admonition language-py"})],
        [("class 'md-typeset' removed from <p>", CLASSES), ("class 'hub-search-box' removed from <p>", CLASSES),
         ("class 'hub-fallback' removed from <p>", CLASSES)])
    assert cleaned('<div class="mermaid">x</div>') == ([("div", {})], [("class 'mermaid' removed from <div>", CLASSES)])


def test_a_record_status_is_kept_and_anything_else_removed() -> None:
    statuses = "".join(f'<p data-status="{status}">x</p>' for status in sorted(STATUS_VALUES))
    assert cleaned(statuses) == ([("p", {"data-status": status}) for status in sorted(STATUS_VALUES)], [])
    assert cleaned('<p data-status="' + "y" * 80 + '">a</p>') == ([("p", {})], [(
        "data-status '" + "y" * 59 + "…' removed from <p>",
        "use one of closed, closing-soon, ended, ongoing, open, unconfirmed, upcoming")])
    assert cleaned('<span data-status="">a</span>')[0] == [("span", {})]
    exactly_60 = "z" * 60
    assert cleaned(f'<p data-status="{exactly_60}">a</p>')[1][0][0] == f"data-status '{exactly_60}' removed from <p>"
    source = 'intro\n\n<p data-status="bogus">a</p>\n'
    assert removal_lines(source, clean_html(source)[1]) == [3]


def test_the_themes_ids_are_removed() -> None:
    assert cleaned('<p id="__drawer">a</p><p id="_ok">b</p><p id="a__b">c</p>') == (
        [("p", {}), ("p", {"id": "_ok"}), ("p", {"id": "a__b"})],
        [("id '__drawer' removed from <p>", "ids starting with __ belong to the theme")])


def test_link_relations_outside_the_list_are_removed_one_by_one() -> None:
    why = "use one of " + ", ".join(sorted(REL_VALUES))
    assert cleaned('<a href="/x" rel="NoFollow Evil noopener opener">a</a><a rel="evil">b</a>') == (
        [("a", {"href": "/x", "rel": "nofollow noopener"}), ("a", {})],
        [("rel 'evil' removed from <a>", why), ("rel 'opener' removed from <a>", why),
         ("rel 'evil' removed from <a>", why)])


def test_only_text_alignment_is_kept_as_a_style() -> None:
    why = "styles are not allowed in content (only text-align in table cells)"
    source = ('<table><tr><td style="text-align: justify">a</td><td style="color:red; text-align: left">b</td>'
              '<th style="TEXT-ALIGN:END">c</th></tr></table>')
    assert cleaned(source) == (
        [("table", {}), ("tbody", {}), ("tr", {}), ("td", {"style": "text-align: justify"}), ("td", {}),
         ("th", {"style": "TEXT-ALIGN:END"})],
        [("the style attribute 'color:red; text-align: left' removed from <td>", why)])
    assert cleaned('<p style="text-align: center">x</p>') == (
        [("p", {})], [("the attribute style removed from <p>", why)])


def test_a_removed_style_is_found_on_its_line_not_on_the_word_in_the_text() -> None:
    source = 'A style guide: no colours.\n\n<table><tr>\n<td style="color: red">a</td>\n</tr></table>\n'
    assert removal_lines(source, clean_html(source)[1]) == [4]
    # One removed by nh3 (not allowed on <p>), one by the value rule: the first and the second match.
    source = 'x\n<p style="color:red">a</p>\n<table><tr><td style="color:blue">b</td></tr></table>\n'
    assert removal_lines(source, clean_html(source)[1]) == [2, 3]


@pytest.mark.parametrize("address", ["https://evil.example/x.png", "//evil.example/x.png", "\\\\evil/x.png",
                                     " HTTP://evil/x", "data:image/png;base64,AAAA"])
def test_pictures_come_from_the_site_itself(address: str) -> None:
    readers, removals = cleaned(f'<p><img src="{address}" alt="a"><img src="../a.png" alt="b"></p>')
    assert readers == [("p", {}), ("img", {"alt": "a"}), ("img", {"src": "../a.png", "alt": "b"})]
    if address.startswith("data:"):  # a scheme the allowlist refuses anywhere
        assert removals == [(f"the address '{address}' removed from <img src>", WHY_URL)]
    else:
        assert removals == [(f"the image address '{address.strip()}' removed from <img>", OWN_IMAGES)]


@pytest.mark.parametrize(("written", "named"), [("ht&#x09;tps://evil.example/x.png", "ht tps://evil.example/x.png"),
                                               ("ht\ntps://evil.example/x.png", "ht tps://evil.example/x.png"),
                                               ("/&#10;/evil.example/x.png", "/ /evil.example/x.png")])
def test_a_blank_inside_a_pictures_address_does_not_hide_its_host(written: str, named: str) -> None:
    """Browsers leave tabs and line breaks out of an address (Chromium loads the first and
    the last from evil.example); in a srcset they would split it, but it is removed alike."""
    assert cleaned(f'<p><img src="{written}" alt="a"></p>') == (
        [("p", {}), ("img", {"alt": "a"})], [(f"the image address '{named}' removed from <img>", OWN_IMAGES)])
    assert cleaned(f'<img srcset="/a.png 1x, {written} 2x">') == (
        [("img", {})], [(f"the srcset '/a.png 1x, {named} 2x' removed from <img>", OWN_IMAGES)])


def test_a_srcset_with_a_picture_from_another_host_is_removed_whole() -> None:
    source = ('<picture><source srcset="/a.webp 1x, https://evil/x.webp 2x" type="image/webp">'
              '<img src="/a.png" srcset="/a.png 1x,//evil/x.png 2x"><img srcset="/b.png 1x, /b2.png 2x"></picture>')
    assert cleaned(source) == (
        [("picture", {}), ("source", {"type": "image/webp"}), ("img", {"src": "/a.png"}),
         ("img", {"srcset": "/b.png 1x, /b2.png 2x"})],
        [("the srcset '/a.webp 1x, https://evil/x.webp 2x' removed from <source>", OWN_IMAGES),
         ("the srcset '/a.png 1x,//evil/x.png 2x' removed from <img>", OWN_IMAGES)])
    source = 'srcset, the pictures of a picture\n\n<img srcset="/a.png 1x, https://evil/x.png 2x">\n'
    assert removal_lines(source, clean_html(source)[1]) == [3]


def test_a_link_may_go_to_another_host() -> None:
    assert cleaned('<a href="https://evil.example/x.png">a</a>') == (
        [("a", {"href": "https://evil.example/x.png"})], [])


def test_addresses_that_run_code_are_removed_and_named() -> None:
    source = ('<a href="javascript:alert(1)" title="t">a</a><a href="jav&#x09;ascript:alert(1)">b</a>'
              '<a href="VBScript:x">c</a><a href="data:text/html,x">d</a><a href="ftp://x">e</a>')
    assert cleaned(source) == (
        [("a", {"title": "t"}), ("a", {}), ("a", {}), ("a", {}), ("a", {})],
        [("the address 'javascript:alert(1)' removed from <a href>", WHY_URL),
         ("the address 'jav ascript:alert(1)' removed from <a href>", WHY_URL),
         ("the address 'VBScript:x' removed from <a href>", WHY_URL),
         ("the address 'data:text/html,x' removed from <a href>", WHY_URL),
         ("the address 'ftp://x' removed from <a href>", WHY_URL)])


def test_an_address_a_browser_cannot_follow_is_removed_and_named_as_such() -> None:
    why = ("it is not an address a browser can follow (a space, or a character an address cannot hold); write it "
           "as the browser's address bar shows it")
    source = ('<a href="http://ok.example/?a=1&amp;b=2">k</a>\n<a href="http://exa mple.org/">x</a>\n'
              '<a href="javascript:x">j</a>\n<a href="https://">e</a>\n<a href=" https://exa mple.net/">m</a>')
    html, removals = clean_html(source)
    assert seen(html) == [("a", {"href": "http://ok.example/?a=1&b=2"}), ("a", {}), ("a", {}), ("a", {}), ("a", {})]
    assert [(removal.found, removal.expected) for removal in removals] == [
        ("the address 'javascript:x' removed from <a href>", WHY_URL),
        ("the address 'http://exa mple.org/' removed from <a href>", why),
        ("the address 'https://' removed from <a href>", why),
        ("the address 'https://exa mple.net/' removed from <a href>", why)]
    assert removal_lines(source, removals) == [3, 2, 4, 5]


@pytest.mark.parametrize("tag", ["q", "blockquote", "del", "ins"])
def test_a_quotation_source_that_runs_code_is_removed(tag: str) -> None:
    """nh3 checks the scheme of href and src only; a cite keeps its own check."""
    assert cleaned(f'<{tag} cite="javascript:alert(1)">x</{tag}><{tag} cite="https://example.org/a">y</{tag}>') == (
        [(tag, {}), (tag, {"cite": "https://example.org/a"})],
        [(f"the address 'javascript:alert(1)' removed from <{tag} cite>", WHY_URL)])


def test_attributes_outside_the_allowlist_are_removed_with_their_reason() -> None:
    source = '<p onclick="x()" style="color:red" data-pagefind-body data-hub-x="1" target="_blank" foo="1">x</p>'
    assert cleaned(source) == ([("p", {"data-hub-x": "1"})], [
        ("the attribute data-pagefind-body removed from <p>",
         "only data-hub-* attributes are allowed (others steer the theme or the search index)"),
        ("the attribute foo removed from <p>", "the attribute foo is not allowed on <p>"),
        ("the attribute onclick removed from <p>", "event handler attributes run scripts and are not allowed"),
        ("the attribute style removed from <p>", "styles are not allowed in content (only text-align in table cells)"),
        ("the attribute target removed from <p>", "the attribute target is not allowed on <p>")])


def test_a_handler_renamed_by_attr_list_is_named_as_a_handler() -> None:
    assert cleaned('<span _x_onclick="y" data_onmouseover="z">a</span>') == ([("span", {})], [
        ("the attribute _x_onclick removed from <span>", "event handler attributes run scripts and are not allowed"),
        ("the attribute data_onmouseover removed from <span>",
         "event handler attributes run scripts and are not allowed")])
    # Found on its line of the Markdown by the name it was written with.
    source = 'intro\n\npara\n{: x"y"onclick="z" }\n'
    html = markdown.markdown(source, extensions=["attr_list"])
    assert 'x_y_onclick="z"' in html
    assert removal_lines(source, clean_html(html)[1]) == [4]


def test_an_attribute_removed_twice_is_reported_twice() -> None:
    assert cleaned('<p onclick="a">x</p><p onclick="b">y</p>')[1] == [
        ("the attribute onclick removed from <p>", "event handler attributes run scripts and are not allowed")] * 2
    # A class attribute left empty by the class rule, twice: two classes reported, nothing else.
    assert cleaned('<p class="md-x">x</p><p class="md-y">y</p>')[1] == [
        ("class 'md-x' removed from <p>", CLASSES), ("class 'md-y' removed from <p>", CLASSES)]


def test_an_attribute_written_in_capitals_is_found_on_its_line() -> None:
    source = 'intro\n\n<p ONCLICK="a">x</p>\n'
    assert removal_lines(source, clean_html(source)[1]) == [3]
    source = 'a script\n\n<SCRIPT>x</SCRIPT>\n'
    assert removal_lines(source, clean_html(source)[1]) == [3]


def test_an_address_is_named_whole() -> None:
    assert cleaned('<a href="javascript:X">j</a>')[1] == [("the address 'javascript:X' removed from <a href>", WHY_URL)]


# -- tags ----------------------------------------------------------------------------------


def test_tags_that_are_not_content_are_removed_with_their_reason() -> None:
    source = ('<script>alert(1)</script><iframe src="x"></iframe><form><input><button>b</button></form>'
              '<svg><circle/></svg><math></math><blink>b</blink><base href=x><style>p{}</style><noscript>n</noscript>'
              '<object></object><meta charset=x><template>t</template><textarea>t</textarea>')
    html, removals = clean_html(source)
    assert seen(html) == []
    assert [(removal.found, removal.expected) for removal in removals] == [
        ("<base> removed", "page-level tags are not allowed in content"),
        ("<blink> removed",
         "this tag is not allowed in content; use Markdown or plain HTML such as <p>, <table>, <details>"),
        ("<button> removed", "forms are not allowed in content; link to the form instead"),
        ("<form> removed", "forms are not allowed in content; link to the form instead"),
        ("<iframe> removed", "embedded pages and plugins are not allowed; link to the page or video instead"),
        ("<input> removed", "forms are not allowed in content; link to the form instead"),
        ("<math> removed", "inline SVG and MathML are not allowed; use an image file"),
        ("<meta> removed", "page-level tags are not allowed in content"),
        ("<noscript> removed", "scripts are not allowed in content"),
        ("<object> removed", "embedded pages and plugins are not allowed; link to the page or video instead"),
        ("<script> removed", "scripts are not allowed in content"),
        ("<style> removed", "style sheets are not allowed in content; the site's own styles apply"),
        ("<svg> removed", "inline SVG and MathML are not allowed; use an image file"),
        ("<template> removed", "scripts are not allowed in content"),
        ("<textarea> removed", "forms are not allowed in content; link to the form instead"),
    ]
    assert html == "bb"  # the text of <blink> and <button>; no script, no style


def test_a_tag_that_cannot_stand_where_it_is_is_reported_as_broken_html() -> None:
    assert cleaned("<td>a</td><td>b</td>") == ([], [
        ("<td> removed",
         "the HTML around it is not well formed (a <td> where it cannot stand); check the raw HTML")] * 2)
    # Its attributes went with it: the tag is reported, not each of them.
    assert [found for found, _why in cleaned('<td onclick="x" title="t">a</td>')[1]] == ["<td> removed"]


def test_the_attributes_of_a_removed_tag_are_not_reported_again() -> None:
    assert cleaned('<blink onclick="a">b</blink>\n<p onclick="c">x</p>')[1] == [
        ("<blink> removed",
         "this tag is not allowed in content; use Markdown or plain HTML such as <p>, <table>, <details>"),
        ("the attribute onclick removed from <p>", "event handler attributes run scripts and are not allowed")]
    assert cleaned('<blink onclick="x" class="md-x">b</blink>')[1] == [
        ("<blink> removed", "this tag is not allowed in content; use Markdown or plain HTML such as <p>, <table>, "
                            "<details>")]


def test_comments_and_what_they_hide_never_reach_the_reader_nor_the_report() -> None:
    html, removals = clean_html('<!-- <script>x</script> <p onclick="x"> --><p>a</p><!-- unclosed <iframe>')
    assert (html, removals) == ("<p>a</p>", [])


def test_a_comment_opener_inside_a_tag_hides_nothing_from_the_report() -> None:
    """Inside a tag `<!--` is part of a value, as a browser reads it, not the start of a
    comment that would run to the next `-->` and take the tags between out of the report."""
    source = '<p title="a <!-- b">x</p>\n<p onclick="y">z</p>\n<!-- c -->'
    html, removals = clean_html(source)
    assert html == '<p title="a &lt;!-- b">x</p>\n<p>z</p>\n'
    assert [removal.found for removal in removals] == ["the attribute onclick removed from <p>"]
    assert removal_lines(source, removals) == [2]


def test_the_text_inside_a_script_is_not_read_as_tags() -> None:
    assert cleaned('<script>"<p onclick=x>"</script><p>a</p>')[1] == [
        ("<script> removed", "scripts are not allowed in content")]


# -- where a removal is in the source ------------------------------------------------------


def test_each_removal_is_found_on_its_own_line_the_nth_on_the_nth_match() -> None:
    source = ("---\ntitle: onclick and <script>\n---\n\nintro\n\n"
              '<p onclick="a">x</p>\n\n<p onclick="b">y</p>\n\n<script>z</script>\n'
              '<a href="&#106;ava&#x09;script&colon;alert(1)">j</a>\n<q cite="java\nscript:x">q</q>\n')
    _html, removals = clean_html(source.split("---\n", 2)[2])
    assert [removal.found for removal in removals] == [
        "<script> removed", "the address 'java script:alert(1)' removed from <a href>",
        "the attribute onclick removed from <p>", "the attribute onclick removed from <p>",
        "the address 'java script:x' removed from <q cite>"]
    assert removal_lines(source, removals) == [11, 12, 7, 9, 13]


@pytest.mark.parametrize("written", [
    '<a href="J&#x61;va&#X09;script:x">k</a>',  # capitals, and a capital X in a character reference
    '<a href="&#x6A;avascript:y">l</a>',  # a letter as a hexadecimal reference
    '<a href="javascript&#x3A;z">m</a>',
    '<img src="https://evil.example/' + "p" * 39 + '&#47;x.png">',  # a reference just past the 60 characters quoted
])
def test_an_address_is_found_however_its_characters_are_written(written: str) -> None:
    source = "intro\n\n" + written + "\n\nhttps and javascript\n"
    _html, removals = clean_html(source)
    assert len(removals) == 1
    assert removal_lines(source, removals) == [3]


def test_a_refused_address_is_found_where_it_is_written_not_where_its_scheme_is_mentioned() -> None:
    source = "Never follow a javascript: link.\n\nThe bad one:\n\n<a href=\"javascript:alert(1)\">j</a>\n"
    assert removal_lines(source, clean_html(source)[1]) == [5]


def test_an_address_attribute_on_a_tag_that_cannot_have_it_is_named_as_an_attribute() -> None:
    assert cleaned('<p href="https://example.org/" src="https://example.org/a.png">x</p>') == ([("p", {})], [
        ("the attribute href removed from <p>", "the attribute href is not allowed on <p>"),
        ("the attribute src removed from <p>", "the attribute src is not allowed on <p>")])


def test_a_removal_not_in_the_body_is_looked_for_in_the_whole_file_and_else_has_no_line() -> None:
    needle = Removal("x", "y", (re.compile("onclick"),))
    assert removal_lines("---\ntitle: onclick\n---\n\nbody\n", [needle]) == [2]
    assert removal_lines("body\n", [Removal("x", "y", (re.compile("nowhere"),)), Removal("x", "y")]) == [0, 0]
    second = Removal("x", "y", (re.compile("nowhere"), re.compile("b")))
    assert removal_lines("a\nb\n", [second]) == [2]


def test_more_removals_than_matches_share_the_last_match() -> None:
    needle = Removal("x", "y", (re.compile("on"),))
    assert removal_lines("on\n\non\n", [needle, needle, needle]) == [1, 3, 3]
    assert removal_lines("on\non\non\n", [needle, needle, needle]) == [1, 2, 3]


def test_a_body_is_found_after_its_front_matter_whatever_the_first_line() -> None:
    blink = Removal("<blink> removed", "y", (re.compile(r"<\s*blink"),))
    assert removal_lines("---\ntitle: <blink> in a title\n---\n<blink>x</blink>\n", [blink]) == [4]
    assert removal_lines("\n<blink>x</blink>\n", [blink]) == [2]
    dots = Removal("class '...' removed", "y", (re.compile(r"(?<![\w-])\.\.\.(?![\w-])"),))
    assert removal_lines('---\ntitle: x\n...\n\n<p class="...">x</p>\n', [dots]) == [5]


# -- titles and the table of contents ------------------------------------------------------


def test_html_text_keeps_the_text_and_no_tag() -> None:
    assert html_text('<b>a &amp; &lt;script&gt;</b> "q" \'s\'') == "a &amp; &lt;script&gt; &quot;q&quot; &#x27;s&#x27;"
    assert seen(html_text("<img src=x onerror=alert(1)>&lt;img src=x onerror=alert(1)&gt;")) == []


class Page(SimpleNamespace):
    pass


def test_a_title_from_front_matter_is_text_and_one_from_a_heading_is_html() -> None:
    titled = type("Titled", (), {"title": "<b>A & \"B\" 'C'</b>"})()
    titled.meta = {"title": "<b>A & \"B\" 'C'</b>"}
    safe_title(titled)
    assert titled.title == "&lt;b&gt;A &amp; &quot;B&quot; &#x27;C&#x27;&lt;/b&gt;"
    heading = type("Heading", (), {"title": "<em>A</em> &amp; B"})()
    heading.meta = {}
    safe_title(heading)
    assert heading.title == "A &amp; B"
    untitled = type("Untitled", (), {"title": None})()
    untitled.meta = None
    safe_title(untitled)
    assert untitled.title is None


def test_a_title_given_by_the_nav_is_left_as_configured() -> None:
    page = Page(title="<b>Nav</b>", meta={})
    safe_title(page)
    assert page.title == "<b>Nav</b>"


def test_table_of_contents_entries_are_text_with_safe_ids_at_every_level() -> None:
    child = SimpleNamespace(title="<script>x</script>c", id='a"b&amp;', children=[])
    top = SimpleNamespace(title="A &amp; <b>B</b>", id="x", children=[child])
    safe_toc([top])
    assert (top.title, top.id) == ("A &amp; B", "x")
    assert (child.title, child.id) == ("xc", "a&quot;b&amp;")


# -- one page in a build -------------------------------------------------------------------


def built_page(root: Path, rel: str | None, url: str, text: str = "") -> Any:
    if rel is not None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    page = type("BuiltPage", (), {"title": "T"})()
    page.meta, page.toc, page.url = {}, [], url
    page.file = SimpleNamespace(abs_src_path=str(root / rel) if rel else None, src_uri=f"{url}index.md")
    return page


def test_a_page_is_cleaned_and_each_removal_logged_once_at_its_file_and_line(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    text = "---\ntitle: T\n---\n\n<p onclick=\"x\">a</p>\n"
    page = built_page(tmp_path, "docs/en/news/a.md", "en/news/a/", text)
    sanitizer = PageSanitizer(root=tmp_path, languages=("zh", "en"))
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.hub"):
        html = sanitizer.page_content(
            '<p onclick="x">a</p><p>{{ made by a template }}<b onmouseover="y">b</b></p>', page)
        sanitizer.page_content('<p onclick="x">a</p>', page)  # the same problem again: said once
    assert seen(html) == [("p", {}), ("p", {}), ("b", {})]
    assert [record.getMessage() for record in caplog.records] == [
        "docs/en/news/a.md: html: the attribute onmouseover removed from <b>; event handler attributes run scripts "
        "and are not allowed (not found as written in the source: it may come from a template)",
        "docs/en/news/a.md:5: html: the attribute onclick removed from <p>; event handler attributes run scripts "
        "and are not allowed",
    ]
    assert page.title == "T"


def test_a_page_without_a_source_file_is_reported_by_its_address(tmp_path: Path,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    page = built_page(tmp_path, None, "en/generated/")
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.hub"):
        PageSanitizer(root=tmp_path, languages=("zh", "en")).page_content("<blink>x</blink>", page)
    assert [record.getMessage() for record in caplog.records] == [
        "en/generated/index.md: html: <blink> removed; this tag is not allowed in content; use Markdown or plain "
        "HTML such as <p>, <table>, <details> (not found as written in the source: it may come from a template)"]


def test_without_a_source_nothing_is_placed_on_a_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    page = built_page(tmp_path, None, "en/generated/")
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.hub"):
        PageSanitizer(root=tmp_path, languages=("en",)).page_content(
            '<p class="XXXX md-x" id="__x">a</p>', page)
    assert [record.getMessage().split(":")[:2] for record in caplog.records] == [
        ["en/generated/index.md", " html"]] * 3


def test_an_unreadable_source_has_no_lines(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    page = built_page(tmp_path, "docs/en/a.md", "en/a/")
    Path(page.file.abs_src_path).write_bytes(b'<blink class="XXXX">\xff</blink>')
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.hub"):
        PageSanitizer(root=tmp_path, languages=("en",)).page_content('<blink>x</blink><p class="XXXX">y</p>', page)
    assert [record.getMessage().split(":")[:2] for record in caplog.records] == [["docs/en/a.md", " html"]] * 2


@pytest.mark.parametrize(("rel", "url", "languages", "reports"), [
    ("docs/en/a.md", "en/a/", ("zh", "en"), True),  # its own language's build
    ("docs/en/a.md", "ja/a/", ("zh", "en", "ja"), False),  # a fallback copy in another build
    ("docs/zh/a.md", "a/", ("zh", "en"), True),  # the default language has no prefix
    ("docs/zh/a.md", "en/a/", ("zh", "en"), False),
    ("docs/fr/a.md", "a/", ("zh",), True),  # a language not built: nobody else reports it
    ("docs/zh/a.md", "a/", (), True),  # languages not known: always
    ("elsewhere/a.md", "a/", ("zh", "en"), True),  # not under docs/
    (None, "en/a/", ("zh", "en"), True),  # no source file
])
def test_a_file_is_reported_by_the_build_of_its_own_language(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                             rel: str | None, url: str, languages: tuple[str, ...],
                                                             reports: bool) -> None:
    page = built_page(tmp_path, rel, url, "<blink>x</blink>\n")
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.hub"):
        html = PageSanitizer(root=tmp_path, languages=languages).page_content("<blink>x</blink>", page)
    assert html == "x"
    assert len(caplog.records) == (1 if reports else 0)
