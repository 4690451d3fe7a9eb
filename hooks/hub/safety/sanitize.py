"""Page HTML made from Markdown, sanitised with an allowlist before it reaches a reader.

Content arrives by pull request from outside the team, so the HTML that Python-Markdown
makes of it (raw HTML blocks pass straight through) is cleaned with nh3 (ammonia, an
HTML5 parser): one call per page, after every other `page_content` handler. What the
allowlist keeps is what Material, the Markdown extensions in mkdocs.yml and the hub's own
templates produce: headings with ids and permalinks, tables, admonitions, details,
code, `time[datetime]`, `lang`/`class`/`id`/`title`, `aria-*`, `data-hub-*` and
`data-status` with a record status (open, closed, ended…).

Everything else goes, and every removal is reported as a WARNING naming the source file
and, where the construct can be found in it, the line; `mkdocs build --strict` (the only
way this site is built) therefore fails instead of publishing a page that silently
differs from what its editor wrote. Deliberately not allowed, with the reason:

- `<script>`, `on*` attributes, `javascript:`/`vbscript:`/`data:` URLs: they run code.
- `<iframe>`, `<object>`, `<embed>`: no host is allowlisted. An embedded player sends
  every reader's browser to a third party (and many are unreachable from mainland China);
  link to the video or document instead.
- Images from other hosts (`img src="https://…"`): same reason; every asset is served
  from the site itself. Put the photo in docs/assets/images/ (hub.source.inline_pictures).
- `<base>`, `<meta>`, `<link>`, `<style>`, `style` attributes (except `text-align` in
  table cells, which Markdown tables write): they change the whole page, not a part of it.
- `<form>`, `<input>`, `<button>` and other controls: content asks for nothing.
- `<svg>`, `<math>`: script vectors of their own; use an image file.
- ids that start with `__` (Material's own: `__config`, `__drawer`, `__search`…) and
  classes outside CONTENT_CLASSES (`md-*` drive Material's scripts; `mermaid` makes
  Material load a script from unpkg.com): they would let content steer the theme.
- `data-*` other than `data-hub-*` (`data-pagefind-*` would steer the search index) and
  `target` (links open where the reader chooses; no `window.opener` for other sites).
"""

from __future__ import annotations

import html
import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import nh3

from .. import stack
from ..errors import ContentError, display_path
from .yamlsafe import YamlProblem, decode, split_front_matter

log = logging.getLogger("mkdocs.hooks.hub")

TAGS = frozenset({
    "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite",
    "code", "col", "colgroup", "data", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li",
    "mark", "nav", "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small",
    "source", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u",
    "ul", "var", "wbr",
})

# Removed together with their content: what is inside is code, not text for a reader.
CONTENT_REMOVED = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "embed", "applet", "frame",
    "frameset", "noembed", "noframes", "svg", "math", "textarea", "select", "title", "xmp",
})

# data-status: where a record stands on the build date, on its cards and pages (status.py);
# only its known values are kept (_filter_attribute).
GENERIC_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role", "translate", "data-status"})
STATUS_VALUES = frozenset({"open", "closing-soon", "closed", "unconfirmed", "upcoming", "ongoing", "ended"})
ATTRIBUTES: dict[str, set[str]] = {
    "*": set(GENERIC_ATTRIBUTES),
    "a": {"href", "hreflang", "rel", "type"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding", "fetchpriority"},
    "source": {"srcset", "sizes", "type", "media", "width", "height"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "headers", "style"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr", "style"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "del": {"datetime", "cite"},
    "ins": {"datetime", "cite"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "details": {"open"},
    "data": {"value"},
}
ATTRIBUTE_PREFIXES = frozenset({"aria-", "data-hub-"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "poster", "background", "xlink:href"})

# Classes content may carry: the hub's own (hub-*, except those of the page chrome),
# what Python-Markdown and its extensions write, and Material's documented content classes.
ADMONITION_TYPES = frozenset({
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check",
    "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing",
    "danger", "error", "bug", "example", "quote", "cite",
})
CONTENT_CLASSES = frozenset({
    "admonition", "admonition-title", "inline", "end", "headerlink", "toclink", "footnote", "footnote-ref",
    "footnote-backref", "highlight", "codehilite", "md-button", "md-button--primary", "grid", "cards",
    "annotate", "task-list", "task-list-item", "task-list-control", "task-list-indicator",
    *ADMONITION_TYPES,
})
CONTENT_CLASS_PREFIXES = ("hub-", "language-")
CHROME_CLASS_PREFIXES = ("hub-search", "hub-fallback")
REL_VALUES = frozenset({
    "alternate", "author", "bookmark", "external", "help", "license", "me", "next", "nofollow", "noopener",
    "noreferrer", "prev", "search", "sponsored", "tag", "ugc",
})
TEXT_ALIGN = re.compile(r"^\s*text-align\s*:\s*(?:left|right|center|justify|start|end)\s*;?\s*$", re.IGNORECASE)

# Why each kind of thing was removed, as the second half of a message.
_WHY_TAG = {
    **dict.fromkeys(("script", "noscript", "template"), "scripts are not allowed in content"),
    **dict.fromkeys(
        ("iframe", "object", "embed", "applet", "frame", "frameset", "noembed", "noframes"),
        "embedded pages and plugins are not allowed; link to the page or video instead",
    ),
    **dict.fromkeys(
        ("base", "meta", "link", "title", "head", "html", "body"), "page-level tags are not allowed in content"
    ),
    "style": "style sheets are not allowed in content; the site's own styles apply",
    **dict.fromkeys(
        ("form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "output"),
        "forms are not allowed in content; link to the form instead",
    ),
    **dict.fromkeys(("svg", "math"), "inline SVG and MathML are not allowed; use an image file"),
}
_WHY_URL = "only http:, https:, mailto:, tel: and relative links are allowed"
_WHY_INVALID_URL = ("it is not an address a browser can follow (a space, or a character an address cannot "
                    "hold); write it as the browser's address bar shows it")


@dataclass(frozen=True)
class Removal:
    """One thing the sanitiser took out of a page: what, why, and how to find it in the source."""

    found: str
    expected: str
    needles: tuple[re.Pattern[str], ...] = ()  # where to look for it in the source, best first


@dataclass
class PageReport:
    """What the attribute filter removed while one page was cleaned."""

    removals: list[Removal] = field(default_factory=list)
    # (tag, attribute) pairs the filter dropped whole, so that the inventory does not
    # report them a second time.
    dropped: Counter[tuple[str, str]] = field(default_factory=Counter)


def clean_html(content: str) -> tuple[str, list[Removal]]:
    """The sanitised HTML of one page and everything that was removed from it."""
    report = PageReport()
    _current_report.append(report)
    try:
        cleaned = _cleaner().clean(content)
    finally:
        _current_report.pop()
    tags_in, attributes_in = _names(content)
    tags_out, attributes_out = _cleaned_names(cleaned)
    if tags_in - tags_out or attributes_in - attributes_out:
        return cleaned, [*_inventory_removals(content, cleaned, report.dropped), *report.removals]
    return cleaned, report.removals


# The report of the page being cleaned, for the attribute filter (a stack, so that a
# clean_html inside another can never write into the outer page's report).
_current_report: list[PageReport] = []


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    """One cleaner for the whole build: nh3 would otherwise convert the allowlists on
    every call, which took half of the sanitiser's time."""
    return nh3.Cleaner(
        tags=set(TAGS),
        clean_content_tags=set(CONTENT_REMOVED),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=lambda tag, name, value: _filter_attribute(_current_report[-1], tag, name, value),
        strip_comments=True,
        link_rel=None,
        generic_attribute_prefixes=set(ATTRIBUTE_PREFIXES),
        url_schemes=set(URL_SCHEMES),
    )


def _filter_attribute(report: PageReport, tag: str, name: str, value: str) -> str | None:
    """Value-level rules that an allowlist of names cannot express."""
    if tag not in TAGS:
        return value  # the whole element goes; it is reported as such
    if name == "class":
        kept, removed = _classes(value)
        for token in removed:
            report.removals.append(Removal(
                f"class '{token}' removed from <{tag}>",
                "content may use the hub-* classes, admonition types and md-button only",
                (_word(token),),
            ))
        return _kept(report, tag, name, kept)
    if name == "data-status" and value not in STATUS_VALUES:
        report.removals.append(Removal(
            f"data-status '{_short(value)}' removed from <{tag}>",
            f"use one of {', '.join(sorted(STATUS_VALUES))}", (_attribute_needle("data-status"),),
        ))
        return _kept(report, tag, name, "")
    if name == "id" and value.startswith("__"):
        report.removals.append(Removal(
            f"id '{value}' removed from <{tag}>", "ids starting with __ belong to the theme", (_word(value),)
        ))
        return _kept(report, tag, name, "")
    if name == "rel":
        tokens = value.lower().split()
        kept = [token for token in tokens if token in REL_VALUES]
        for token in tokens:
            if token not in kept:
                report.removals.append(Removal(
                    f"rel '{token}' removed from <{tag}>",
                    f"use one of {', '.join(sorted(REL_VALUES))}",
                    (_word(token),),
                ))
        return _kept(report, tag, name, " ".join(kept))
    if name == "style":
        if TEXT_ALIGN.match(value):
            return value
        report.removals.append(Removal(
            f"the style attribute '{_short(value)}' removed from <{tag}>",
            "styles are not allowed in content (only text-align in table cells)",
            (_attribute_needle("style"),),
        ))
        return _kept(report, tag, name, "")
    if name == "srcset" and any(_from_another_host(candidate) for candidate in value.split(",")):
        report.removals.append(Removal(
            f"the srcset '{_short(value)}' removed from <{tag}>",
            _OWN_IMAGES,
            (_literal(value),),
        ))
        return _kept(report, tag, name, "")
    if name == "cite" and not _safe_url(value):
        # nh3 checks the scheme of href and src only: a `javascript:` quotation source
        # would reach the page.
        report.removals.append(Removal(
            f"the address '{_short(value)}' removed from <{tag} {name}>", _WHY_URL, _url_needles(value)
        ))
        return _kept(report, tag, name, "")
    if tag == "img" and name == "src" and _from_another_host(value):
        report.removals.append(Removal(
            f"the image address '{_short(value)}' removed from <img>",
            _OWN_IMAGES,
            (_literal(value),),
        ))
        return _kept(report, tag, name, "")
    return value


# An address with a scheme (https:, data:) or another host (//host/…): not the site's own.
_OTHER_HOST = re.compile(r"^\s*(?:[A-Za-z][A-Za-z0-9+.-]*:|[/\\]{2})")


def _from_another_host(address: str) -> bool:
    """Whether a picture's address is not the site's own. Browsers leave tabs and line
    breaks out of an address wherever they are (`ht&#9;tps://host/x.png` loads
    https://host/x.png): blanks are left out before the scheme is read, as _safe_url does."""
    return _OTHER_HOST.match(re.sub(r"[\x00-\x20]", "", address)) is not None


_OWN_IMAGES = ("images are served from the site itself: put the picture in docs/assets/images/ and show it in the "
               "text by its path from the page (![what it shows](../../../assets/images/name.jpg) in an article) or "
               "name it in the front matter (image:)")


def _kept(report: PageReport, tag: str, name: str, value: str) -> str | None:
    if value:
        return value
    report.dropped[(tag, name)] += 1
    return None


@lru_cache(maxsize=4096)
def _classes(value: str) -> tuple[str, tuple[str, ...]]:
    """(the classes kept, the classes removed) of one class attribute; the same few
    values come back on every page."""
    tokens = value.split()
    return " ".join(t for t in tokens if _content_class(t)), tuple(t for t in tokens if not _content_class(t))


def _content_class(token: str) -> bool:
    if token.startswith(CHROME_CLASS_PREFIXES):
        return False
    return token in CONTENT_CLASSES or token.startswith(CONTENT_CLASS_PREFIXES)


# -- what went missing -------------------------------------------------------------------
#
# nh3 does not say what it removed. Start tags and attribute names are counted before and
# after; what the output has fewer of was removed. A first count without the tag of each
# attribute is cheap (a few ms for a long page, less than nh3 itself); only a page where
# it finds a difference is counted again in detail for the report. The sanitiser's own
# HTML5 parse decides what is safe; these counts only word the report. Every pattern
# either matches or gives up at once, so hostile input cannot make them slow.

_START_TAG = re.compile(r"""<(?P<tag>[A-Za-z][^\s/>]*)(?P<rest>(?:"[^"]*+(?:"|$)|'[^']*+(?:'|$)|[^'">]++)*+)(?:>|$)""")
# Elements whose content a browser reads as text, not markup. None is allowed (TAGS), so
# the sanitiser's output holds none of them, and no comment (strip_comments).
RAW_TEXT_TAGS = ("script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes",
                 "template", "svg", "math", "object", "applet", "select")
# Read once from the left, as a browser reads: where text is, a comment (what it holds is not
# markup), an element whose content is raw text (only its start tag counts), or a start tag;
# a `<!--` inside a tag or one of its values is part of the tag, not a comment.
_MARKUP = re.compile(
    r"(?P<comment><!--.*?(?:-->|$))"
    r"|(?P<raw><(?P<raw_name>" + "|".join(RAW_TEXT_TAGS) + r")\b[^>]*+(?:>|$)).*?(?:</(?P=raw_name)\s*>|$)"
    r"|" + _START_TAG.pattern,
    re.DOTALL | re.IGNORECASE,
)
_ATTRIBUTE = re.compile(r"""([^\s"'/>=]++)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")


def _start_tags(markup: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for token in _MARKUP.finditer(markup):
        if token["raw"] is not None:
            found += _START_TAG.findall(token["raw"])
        elif token["tag"] is not None:
            found.append((token["tag"], token["rest"]))
    return found


def _names(markup: str) -> tuple[Counter[str], Counter[str]]:
    """Tag names and attribute names, each counted over the whole page."""
    return _counted(_start_tags(markup))


def _cleaned_names(cleaned: str) -> tuple[Counter[str], Counter[str]]:
    """`_names` of the sanitiser's output: with no comment and no raw-text element in it,
    every `<` of a start tag starts a match of _START_TAG alone (a third of the time)."""
    return _counted(_START_TAG.findall(cleaned))


def _counted(found: list[tuple[str, str]]) -> tuple[Counter[str], Counter[str]]:
    attributes = _ATTRIBUTE.findall(" ".join(rest for _, rest in found))
    return Counter(tag.lower() for tag, _ in found), Counter(name.lower() for name, _ in attributes)


def _inventory(markup: str) -> tuple[Counter[str], Counter[tuple[str, str]], dict[tuple[str, str], list[str]]]:
    """Tag names, (tag, attribute) names, and the values of URL attributes."""
    tags: Counter[str] = Counter()
    attributes: Counter[tuple[str, str]] = Counter()
    values: dict[tuple[str, str], list[str]] = {}
    for tag_name, rest in _start_tags(markup):
        tag = tag_name.lower()
        tags[tag] += 1
        for name_found, value in _ATTRIBUTE.findall(rest):
            name = name_found.lower()
            attributes[(tag, name)] += 1
            if name in URL_ATTRIBUTES:
                values.setdefault((tag, name), []).append(html.unescape(value.strip("\"'")))
    return tags, attributes, values


def _inventory_removals(before: str, after: str, dropped: Counter[tuple[str, str]]) -> Iterable[Removal]:
    tags_in, attributes_in, values = _inventory(before)
    tags_out, attributes_out, values_kept = _inventory(after)
    for tag, count in sorted((tags_in - tags_out).items()):
        why = _WHY_TAG.get(tag)
        if why is None and tag in TAGS:
            why = f"the HTML around it is not well formed (a <{tag}> where it cannot stand); check the raw HTML"
        elif why is None:
            why = "this tag is not allowed in content; use Markdown or plain HTML such as <p>, <table>, <details>"
        for _ in range(count):
            yield Removal(f"<{tag}> removed", why, (re.compile(rf"<\s*{re.escape(tag)}(?![\w-])", re.IGNORECASE),))
    for (tag, name), count in sorted((attributes_in - attributes_out - dropped).items()):
        if tag not in TAGS or tags_in[tag] > tags_out[tag]:
            continue  # the element itself went, and is reported
        if name in URL_ATTRIBUTES and name in ATTRIBUTES.get(tag, ()):
            for value, why in _removed_urls(values.get((tag, name), []), values_kept.get((tag, name), []), count):
                found = f"the address '{_short(value)}' removed from <{tag} {name}>"
                # Looked for as written first (a mention of its scheme in the text before it
                # is not where it is), then by its scheme, however that is written.
                yield Removal(found, why, (_literal(value), *_url_needles(value)))
            continue
        if name.rsplit("_", 1)[-1].startswith("on"):
            why = "event handler attributes run scripts and are not allowed"
        elif name == "style":
            why = "styles are not allowed in content (only text-align in table cells)"
        elif name.startswith("data-"):
            why = "only data-hub-* attributes are allowed (others steer the theme or the search index)"
        else:
            why = f"the attribute {name} is not allowed on <{tag}>"
        # attr_list turns a name it cannot use (`x"onclick`) into `_x_onclick`: look for both.
        needles = tuple(_attribute_needle(part) for part in dict.fromkeys((name, name.rsplit("_", 1)[-1])) if part)
        for _ in range(count):
            yield Removal(f"the attribute {name} removed from <{tag}>", why, needles)


def _removed_urls(values: list[str], kept: list[str], count: int) -> list[tuple[str, str]]:
    """(address, why) for each of the `count` addresses of one attribute that were removed:
    first those whose scheme is not allowed, then those with an allowed scheme that the
    sanitiser could not read as an address (`https://exa mple.com`)."""
    unsafe = [(value, _WHY_URL) for value in values if not _safe_url(value)]
    unreadable = Counter(value for value in values if _safe_url(value)) - Counter(kept)
    invalid = [(value, _WHY_INVALID_URL) for value in unreadable.elements()]
    return (unsafe + invalid + [("(unreadable)", _WHY_URL)] * count)[:count]


def _safe_url(value: str) -> bool:
    compact = re.sub(r"[\x00-\x20]", "", value)
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", compact)
    return scheme is None or scheme.group(1).lower() in URL_SCHEMES


def _url_needles(value: str) -> tuple[re.Pattern[str], ...]:
    """The scheme as it may be written in the source: `javascript:`, but also with
    entities (`&#106;avascript:`) or blanks (`java&#x09;script:`) between its letters."""
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", re.sub(r"[\x00-\x20]", "", value))
    if not scheme:
        return (_literal(value),)
    blank = r"(?:\s|&#0*(?:9|10|13);?|&#x0*(?:9|a|d);?|&tab;|&newline;)*"
    letters = blank.join(_entity_or(char) for char in scheme.group(1))
    return (re.compile(letters + blank + _entity_or(":"), re.IGNORECASE), _literal(value))


def _entity_or(char: str) -> str:
    named = {":": "|&colon;"}.get(char, "")
    return rf"(?:{re.escape(char)}|&#0*{ord(char)};?|&#x0*{ord(char):x};?{named})"


def _attribute_needle(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(name)}\s*=", re.IGNORECASE)


def _word(token: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(token)}(?![\w-])")


def _literal(value: str) -> re.Pattern[str]:
    return re.compile(re.escape(value[:60]))


def _short(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


# -- titles and the table of contents -----------------------------------------------------
#
# MkDocs treats a page title and a table-of-contents entry as HTML (a title taken from
# the first heading keeps its entities), but a title from front matter is plain text, and
# Material prints both without escaping in the navigation, breadcrumbs, tabs, footer and
# the page's own <h1>. Both are turned into escaped text once, here.

_TAG_TEXT = re.compile(r"<[^>]*>")


def html_text(markup: str) -> str:
    """Text of an HTML snippet, escaped again: no tag can survive it."""
    return html.escape(html.unescape(_TAG_TEXT.sub("", markup)), quote=True)


def safe_title(page: Any) -> None:
    """Make `page.title` escaped HTML, whatever it was made from."""
    if stack.title_from_nav(page):
        return  # given by the nav in mkdocs.yml: configuration, not content
    title = page.title
    if title is None:
        return
    meta = page.meta or {}
    if "title" in meta and title == meta["title"]:
        page.title = html.escape(str(title), quote=True)
    else:
        page.title = html_text(str(title))


def safe_toc(items: Iterable[Any]) -> None:
    """Table-of-contents entries: text escaped, ids safe inside an attribute."""
    for item in items:
        item.title = html_text(item.title)
        item.id = html.escape(html.unescape(item.id), quote=True)
        safe_toc(item.children)


# -- one page, and the whole build ----------------------------------------------------------


@dataclass
class PageSanitizer:
    """Cleans every page of a build and reports each removal once.

    A file is reported by the build of its own language; the other language builds show
    it as a fallback and may run in another process (hub.engine.parallel), so they stay quiet,
    unless its language is not built at all (a one-language preview)."""

    root: Path
    languages: tuple[str, ...] = ()  # the languages built, default first
    reported: set[ContentError] = field(default_factory=set)

    def page_content(self, content: str, page: Any) -> str:
        cleaned, removals = clean_html(content)
        if removals and self._reports(page):
            self.report(page, removals)
        safe_title(page)
        safe_toc(page.toc)
        return cleaned

    def _reports(self, page: Any) -> bool:
        if not self.languages or not page.file.abs_src_path:
            return True
        try:
            file_lang = Path(page.file.abs_src_path).resolve().relative_to(self.root / "docs").parts[0]
        except ValueError:
            return True
        first = (page.url or "").split("/", 1)[0]
        page_lang = first if first in self.languages else self.languages[0]
        return file_lang == page_lang or file_lang not in self.languages

    def report(self, page: Any, removals: list[Removal]) -> None:
        path = Path(page.file.abs_src_path) if page.file.abs_src_path else None
        source = _read(path)
        where = display_path(path, self.root) if path else page.file.src_uri
        for removal, line in zip(removals, removal_lines(source, removals), strict=True):
            expected = removal.expected
            if not line:
                expected += " (not found as written in the source: it may come from a template)"
            error = ContentError(where, line, "html", removal.found, expected)
            if error not in self.reported:
                self.reported.add(error)
                log.warning(error.format())


def _read(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return decode(path.read_bytes())
    except (OSError, YamlProblem):
        return ""


def removal_lines(source: str, removals: list[Removal]) -> list[int]:
    """The line of each removal in the source, looked for in the body before the front
    matter (a title is escaped, never removed); the n-th removal of a kind is the n-th match."""
    _front, _body, body_line = split_front_matter(source)
    body_start = 0
    for _ in range(body_line - 1):
        body_start = source.index("\n", body_start) + 1
    used: Counter[str] = Counter()
    lines = []
    for removal in removals:
        line = 0
        for needle in removal.needles:
            matches = [m for m in needle.finditer(source, body_start)] or list(needle.finditer(source))
            if matches:
                match = matches[min(used[needle.pattern], len(matches) - 1)]
                used[needle.pattern] += 1
                line = source.count("\n", 0, match.start()) + 1
                break
        lines.append(line)
    return lines
