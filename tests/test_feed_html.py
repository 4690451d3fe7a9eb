"""An article's text as a feed carries it (hub.channels.feed_html), made in this process from a page
of a small docs/ folder or from a built page's HTML, and read with an HTML parser as a
reader app shows it: every link and picture absolute and leading where the page's own
leads, nothing of the page's frame. Fast enough for mutation testing (scripts/mutants.py);
tests/test_feeds.py checks the feeds of built sites."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hub.channels.feed_html import ArticleHtml, MarkdownOptions, absolutize, md_url_path
from hub.engine.build_services import inline_pictures_extension
from hub_in_memory import catalog, mkdocs_config, photo_variants, renderer, scratch_dir
from sitebuild import TEST_SITE_URL

PAGE = TEST_SITE_URL + "en/news/2025/story/"
STORY = """\
---
title: Story
summary: A story.
---

## Part

See [the policy](../../policies/test-policy.md), [its measures](../../policies/test-policy.md#measures),
[the news](../), [this part](#part), [page two](?page=2), [events](/hub/en/events/),
[elsewhere](https://example.com/x), [write](mailto:office@example.org), [cdn](//cdn.example.com/x),
[report](files/report.pdf), [Chinese report](files/zh-only.pdf), [spaced](<files/my report.pdf>),
[map](../../../assets/maps/map.png), [gone](../../../assets/gone.png), [above](../../../../outside.png),
[about](../../about/index.md), [home](../../index.md), [language root](../../../),
[page 2 of the report](files/report.pdf#page=2), [city map](<../../../assets/maps/city map.png>),
[odd page](<../../about/my page.md>) and [folder](<files/my folder/>).

<script>alert("x")</script>

![Harbour](../../../assets/images/harbour.jpg "The harbour")
"""
# A language's home page links its own folder as "." (it has no folder above it).
HOME = "---\ntitle: Home\nsummary: Home.\n---\n\n[Home](.) and [about](about/).\n"
# Saved on Windows: its front matter is still recognised, not published as text.
WINDOWS = "---\r\ntitle: Windows\r\nsummary: Saved with CRLF.\r\n---\r\n\r\nBody.\r\n"
# Rendered after STORY by the same converter: its heading keeps its own id.
SECOND = "---\ntitle: Second\nsummary: Second.\n---\n\n## Part\n\n[Up](#part)\n"


@pytest.fixture
def docs() -> Iterator[Path]:
    """A docs/ folder with the files the story links and the photo it shows."""
    with scratch_dir() as project:
        docs = project / "docs"
        for path, text in (("en/news/2025/story.md", STORY), ("en/news/2025/second.md", SECOND),
                           ("en/index.md", HOME), ("en/news/2025/files/report.pdf", "%PDF"),
                           ("en/news/2025/files/my report.pdf", "%PDF"), ("zh/news/2025/files/zh-only.pdf", "%PDF"),
                           ("assets/maps/map.png", "png"), ("assets/maps/city map.png", "png"),
                           ("assets/images/harbour.jpg", "jpg"), ("../outside.png", "png"),
                           ("en/news/2025/windows.md", WINDOWS)):
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            (docs / path).write_text(text, encoding="utf-8")
        yield docs


HARBOUR_GRANT = """\
title: {zh: 港口, en: Harbour grant}
summary: {zh: 摘要。, en: Summary.}
issuer: {zh: 成都市, en: Chengdu}
sector: research-development
kind: grant
published: 2025-04-01
source: {zh: 来源, en: Source}
image: {src: harbour.jpg, alt: {zh: 港口, en: The harbour}, credit: Studio Lumière}
"""


def articles(docs: Path) -> ArticleHtml:
    """As the build makes it: the site's Markdown extensions, with its pictures in the text."""
    # The photo is also an opportunity's lead image, which names who took it.
    hub = renderer(catalog(opportunities={"harbour-grant": HARBOUR_GRANT}))
    hub.images.update(photo_variants("harbour.jpg"))
    config = mkdocs_config()
    site_extensions = list(config.markdown_extensions)
    try:
        pictures = inline_pictures_extension(hub, config)
        pictures.root = docs.parent
        options = MarkdownOptions.from_config(config)
    finally:
        config.markdown_extensions[:] = site_extensions
    return ArticleHtml(hub.settings, docs, options)


def links(html: str) -> dict[str, str]:
    return {a.get_text(): a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a", href=True)}


def test_links_of_a_rendered_article_lead_where_the_page_leads(docs):
    found = links(articles(docs).render(lang="en", src_uri="news/2025/story.md"))
    assert found == {
        "the policy": TEST_SITE_URL + "en/policies/test-policy/",
        "its measures": TEST_SITE_URL + "en/policies/test-policy/#measures",
        "the news": TEST_SITE_URL + "en/news/",
        "this part": PAGE + "#part",
        "page two": PAGE + "?page=2",
        "events": TEST_SITE_URL + "en/events/",
        "elsewhere": "https://example.com/x",
        "write": "mailto:office@example.org",
        "cdn": "//cdn.example.com/x",
        # A file of the page's language is served from it; one only the default language
        # has, from the default language's root (the i18n plugin serves it there).
        "report": PAGE.removesuffix("story/") + "files/report.pdf",
        "Chinese report": TEST_SITE_URL + "news/2025/files/zh-only.pdf",
        "spaced": PAGE.removesuffix("story/") + "files/my%20report.pdf",
        # A file under docs/ itself is served once, from the site's root; links that lead
        # nowhere are resolved as a browser on the page would.
        "map": TEST_SITE_URL + "assets/maps/map.png",
        "gone": TEST_SITE_URL + "en/assets/gone.png",
        "above": TEST_SITE_URL + "outside.png",
        "about": TEST_SITE_URL + "en/about/",
        "home": TEST_SITE_URL + "en/",
        "language root": TEST_SITE_URL + "en/",
        "page 2 of the report": PAGE.removesuffix("story/") + "files/report.pdf#page=2",
        "city map": TEST_SITE_URL + "assets/maps/city%20map.png",
        "odd page": TEST_SITE_URL + "en/about/my%20page/",
        "folder": PAGE.removesuffix("story/") + "files/my%20folder/",
    }


def test_a_rendered_article_is_cleaned_and_has_no_front_matter(docs):
    rendered = articles(docs)
    story = rendered.render(lang="en", src_uri="news/2025/story.md")
    assert "<script" not in story and "alert" not in story
    assert "title:" not in story and "A story." not in story
    windows = BeautifulSoup(rendered.render(lang="en", src_uri="news/2025/windows.md"), "html.parser")
    assert windows.get_text(strip=True) == "Body."


def test_a_home_page_linking_its_own_folder(docs):
    assert links(articles(docs).render(lang="en", src_uri="index.md")) == {
        "Home": TEST_SITE_URL + "en/", "about": TEST_SITE_URL + "en/about/"}


def test_a_picture_in_the_text_is_shown_from_its_variants_with_absolute_addresses(docs):
    html = BeautifulSoup(articles(docs).render(lang="en", src_uri="news/2025/story.md"), "html.parser")
    [image] = html.find_all("img")
    assert image["src"] == TEST_SITE_URL + "assets/images/harbour-960.jpg"
    assert [candidate.split()[0] for candidate in image["srcset"].split(", ")] == [
        TEST_SITE_URL + f"assets/images/harbour-{width}.jpg" for width in (480, 960, 1600)]
    [source] = html.find_all("source")
    assert all(candidate.split()[0].startswith(TEST_SITE_URL + "assets/images/harbour-")
               for candidate in source["srcset"].split(", "))
    assert html.find("figcaption").get_text(strip=True) == "The harbour·Image: Studio Lumière"


def test_headings_have_no_permalink_and_keep_their_ids_from_article_to_article(docs):
    """The "¶" of a heading is noise in a reader; each article is converted afresh (one
    converter serves them all), so the same heading has the same id in each."""
    rendered = articles(docs)
    for src_uri in ("news/2025/story.md", "news/2025/second.md"):
        html = BeautifulSoup(rendered.render(lang="en", src_uri=src_uri), "html.parser")
        assert "¶" not in html.get_text() and html.select("a.headerlink") == [], src_uri
        assert html.find("h2")["id"] == "part", src_uri
    assert links(rendered.render(lang="en", src_uri="news/2025/second.md")) == {
        "Up": TEST_SITE_URL + "en/news/2025/second/#part"}
    # The site's pages keep their permalinks: the feeds' settings are a copy.
    assert mkdocs_config().mdx_configs["toc"]["permalink"] is True


BUILT = """<h1 id="story">Story<a class="headerlink" href="#story">¶</a></h1>
<p class="hub-byline extra">16 April 2025 · <a href="../../../topics/x/">Topic</a></p>
<!-- a comment -->
<h2 id="part">Part<a class="headerlink" href="#part">¶</a></h2>
<p>See <a href="../../../policies/test-policy/">the policy</a> and <a href=" ../ ">the news</a>.
<img alt="" src=""> <a href="#part" class="headerlinks">a link, not a permalink</a></p>
<blockquote cite="../quoted/"><p>Quoted.</p></blockquote>
<picture><source srcset="../../../../assets/images/h-480.webp 480w, ../../../../assets/images/h-960.webp 960w,">
<img alt="Harbour" src="../../../../assets/images/h-960.jpg"
  srcset="../../../../assets/images/h-960.jpg 960w"></picture>
<p>Before <span class="hub-share">QR code</span> after.</p>
<aside class="hub-related"><a href="../other/">Other</a></aside>
<p class="hub-bylines">Not the byline.</p>
<p><a id="top"></a>Plain text after an anchor.</p>"""


def test_a_built_page_loses_its_frame_and_its_links_become_absolute():
    html = ArticleHtml(renderer().settings, Path("docs"), MarkdownOptions(())).from_page(
        BUILT, lang="en", src_uri="news/2025/story.md")
    page = BeautifulSoup(html, "html.parser")
    assert page.find("h1") is None and page.select(".hub-byline, .hub-related, .hub-share, a.headerlink") == []
    assert [h2.get_text() for h2 in page.find_all("h2")] == ["Part"]
    assert "Before  after." in page.get_text()  # what followed the QR code stays
    assert "Not the byline." in page.get_text()
    assert links(html) == {
        "the policy": TEST_SITE_URL + "en/policies/test-policy/",
        "the news": TEST_SITE_URL + "en/news/2025/",
        "a link, not a permalink": PAGE + "#part",
    }
    assert page.find("blockquote")["cite"] == TEST_SITE_URL + "en/news/2025/quoted/"
    assert page.find("img", alt="")["src"] == ""  # nothing to resolve: not the page's own address
    assert page.find("source")["srcset"] == ", ".join(
        f"{TEST_SITE_URL}assets/images/h-{width}.webp {width}w" for width in (480, 960))
    harbour_image = page.find("img", alt="Harbour")
    assert harbour_image["src"] == TEST_SITE_URL + "assets/images/h-960.jpg"
    assert harbour_image["srcset"] == TEST_SITE_URL + "assets/images/h-960.jpg 960w"
    assert "a comment" in html
    # Written as HTML: a reader's HTML parser takes an XML-style <a id="top"/> for an open link
    # and would make the text after it a link.
    assert '<a id="top"></a>Plain text after an anchor.' in html


def test_a_page_with_no_text_gives_an_empty_item():
    settings = renderer().settings
    assert ArticleHtml(settings, Path("docs"), MarkdownOptions(())).from_page(" \n", lang="en",
                                                                             src_uri="news/2025/x.md") == " \n"
    assert absolutize("", lambda href: "https://example.org/" + href) == ""


@pytest.mark.parametrize(("src_uri", "url_path"), [
    ("news/2025/x.md", "news/2025/x/"), ("about/index.md", "about/"), ("index.md", ""),
    ("news/2025/reindex.md", "news/2025/reindex/"),
])
def test_a_page_file_is_served_at_its_directory_address(src_uri, url_path):
    assert md_url_path(src_uri) == url_path
