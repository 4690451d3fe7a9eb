"""No script from content reaches a reader: XSS vectors in Markdown, raw HTML, link and
image URLs, attribute lists and front matter, each neutralised in the built page and
each removal reported with its file and line (hub/safety/sanitize.py).

One fixture site carries every vector (tests/hostile_site.py); each assertion is per
vector. Links that leave docs/ are reported by MkDocs (mkdocs.yml `validation`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_site import (
    LINKS_OUT,
    MARKER,
    PAGE_TITLE,
    SUMMARY,
    TITLE,
    VECTOR_LINE,
    VECTORS,
    LinkOut,
    Vector,
    body,
    executable_content,
)
from sitebuild import HUB_CLI, BuiltSite, run


def _warnings(site: BuiltSite, path: str) -> list[str]:
    prefix = f"WARNING -  {path}:"
    lines = site.result.output.splitlines()
    return sorted(line.removeprefix("WARNING -  ") for line in lines if line.startswith(prefix))


@pytest.mark.parametrize("vector", VECTORS, ids=[v.id for v in VECTORS])
def test_vector_is_neutralised_in_every_language(vector: Vector, vectors: BuiltSite) -> None:
    content = body(vectors, vector.url)
    for selector in vector.gone:
        assert content.select(selector) == [], selector
    # en, fr and ja show the zh article as a fallback, made from the same cleaned text.
    for prefix in ("", "en/", "fr/", "ja/"):
        url = prefix + vector.url
        assert executable_content(vectors.text(url), url) == []


# The vectors whose raw HTML makes a real <img> of the site's own (the others' are text or another site's).
RAW_IMG_VECTORS = {"img-onerror", "noscript-mxss", "template", "heading-raw-html"}


@pytest.mark.parametrize("vector", VECTORS, ids=[v.id for v in VECTORS])
def test_vector_removal_is_reported_with_file_and_line(vector: Vector, vectors: BuiltSite) -> None:
    expected = sorted(f"{vector.path}:{VECTOR_LINE}: html: {removed}" for removed in vector.removed)
    warnings = _warnings(vectors, vector.path)
    assert [warning for warning in warnings if ": html: " in warning] == expected
    # A raw <img> is also a picture the site would show broken (hub.source.inline_pictures): one more problem.
    pictures = [warning for warning in warnings if ": html: " not in warning]
    assert all(warning.startswith(f"{vector.path}:{VECTOR_LINE}: image: a picture written in HTML (<img ")
               for warning in pictures), pictures
    assert len(pictures) == (vector.id in RAW_IMG_VECTORS), pictures


@pytest.mark.parametrize("vector", [v for v in VECTORS if v.text], ids=[v.id for v in VECTORS if v.text])
def test_harmless_markup_reads_as_written(vector: Vector, vectors: BuiltSite) -> None:
    content = body(vectors, vector.url)
    texts = [element.get_text() for element in content.find_all(["p", "div"], recursive=True)]
    assert vector.text in texts


@pytest.mark.parametrize("link", LINKS_OUT, ids=[link.id for link in LINKS_OUT])
def test_link_out_of_docs_is_reported(link: LinkOut, vectors: BuiltSite) -> None:
    doc = link.path.removeprefix("docs/")
    expected = f"WARNING -  Doc file '{doc}' contains {link.warning}"
    assert expected in vectors.result.output.splitlines()


def test_nothing_in_the_whole_site_can_run(vectors: BuiltSite) -> None:
    problems = [
        problem
        for path in vectors.html_files()
        for problem in executable_content(path.read_text(encoding="utf-8"), path.relative_to(vectors.dir).as_posix())
    ]
    assert problems == []


def test_heading_id_cannot_leave_its_attribute_in_the_table_of_contents(vectors: BuiltSite) -> None:
    soup = vectors.soup("news/2025/v-toc-id/")
    links = soup.select("nav.md-nav--secondary a.md-nav__link")
    assert [link["href"] for link in links] == [f'#{MARKER}" onmouseover="alert(1)']
    assert [sorted(link.attrs) for link in links] == [["class", "href"]]
    heading = soup.select_one("article h2")
    assert heading is not None and heading["id"] == f'{MARKER}" onmouseover="alert(1)'


def test_front_matter_title_and_summary_are_text_wherever_they_land(vectors: BuiltSite) -> None:
    soup = vectors.soup("news/2025/first-article/")
    assert soup.select_one("article h1").get_text().removesuffix("¶") == TITLE
    assert soup.title.get_text() == f"{TITLE} - 成都国际友城合作枢纽"
    assert soup.select_one("[data-md-component=header-topic]").get_text(strip=True) == TITLE
    assert soup.select_one('meta[property="og:title"]')["content"] == TITLE
    assert soup.select_one('meta[name="description"]')["content"] == SUMMARY
    archive = vectors.soup("news/archive/2025/")
    cards = {card.select_one(".hub-card__title").get_text(): card for card in archive.select(".hub-card")}
    assert cards[TITLE].select_one(".hub-card__summary").get_text() == SUMMARY


def test_page_title_from_front_matter_is_text_in_the_navigation(vectors: BuiltSite) -> None:
    for url in ("", "news/", "about/"):
        soup = vectors.soup(url)
        labels = [link.get_text(" ", strip=True) for link in soup.select("nav.md-nav--primary a.md-nav__link")]
        assert PAGE_TITLE in labels, url
    assert vectors.soup("about/").select_one("article h1").get_text() == PAGE_TITLE


def test_hub_check_reports_what_the_build_removes(vectors: BuiltSite) -> None:
    project = Path(vectors.dir).parent / "project"
    checked = run([*HUB_CLI, "check"], project)
    assert checked.returncode == 1, checked.output
    lines = checked.stdout.splitlines()
    for vector in VECTORS:
        for removed in vector.removed:
            assert f"{vector.path}:{VECTOR_LINE}: html: {removed}" in lines
    assert "Traceback" not in checked.output


def test_the_real_site_has_nothing_that_can_run(site: BuiltSite) -> None:
    """The repository's own content and every template, in all four languages."""
    problems = [
        problem
        for path in site.html_files()
        for problem in executable_content(path.read_text(encoding="utf-8"), path.relative_to(site.dir).as_posix())
    ]
    assert problems == []
