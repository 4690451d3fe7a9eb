"""Who stands behind the hub: About names the publisher, a contact address, the public
repository and how errors are corrected, in every language; every page ends with a
"Report an error" link to the repository's issue form, with the page's address and title
filled in."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from sitebuild import ROOT, TEST_SITE_URL, BuiltSite
from test_generated_pages import LANGS, PREFIX, content, text_of

HUB = yaml.safe_load((ROOT / "data" / "hub.yml").read_text(encoding="utf-8"))
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "report-an-error.yml"
REPOSITORY = "chengdu-global-hub/hub"  # extra.hub.repository in mkdocs.yml (tests build without GITHUB_*)
CORRECTIONS = {"zh": "更正", "en": "Corrections", "fr": "Corrections", "ja": "訂正"}


@pytest.mark.parametrize("lang", LANGS)
def test_about_names_publisher_contact_repository_and_corrections(site: BuiltSite, lang: str) -> None:
    page = content(site, PREFIX[lang] + "about/")
    publisher = page.select_one("dl.hub-publisher")
    assert publisher is not None
    shown = [text_of(dd) for dd in publisher.select("dd")]
    assert shown[0] == HUB["publisher"]["name"][lang]
    assert publisher.select_one(f"a[href='mailto:{HUB['publisher']['email']}']") is not None
    assert publisher.select_one(f"a[href='https://github.com/{REPOSITORY}']") is not None
    headings = [text_of(h2).removesuffix(" ¶") for h2 in page.select("h2")]
    assert CORRECTIONS[lang] in headings
    # The page's contents list the publisher's section too.
    assert site.soup(PREFIX[lang] + "about/").select_one(".md-sidebar--secondary a[href='#publisher']") is not None


def report_link(site: BuiltSite, url_path: str) -> dict[str, list[str]]:
    links = site.soup(url_path).select(".hub-report a")
    assert len(links) == 1, url_path
    parts = urlsplit(links[0]["href"])
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", f"/{REPOSITORY}/issues/new")
    return parse_qs(parts.query, strict_parsing=True)


def test_every_page_has_a_report_link_to_the_prefilled_form(site: BuiltSite) -> None:
    pages = [path for path in site.html_files() if path.name == "index.html"]
    assert len(pages) > 100
    for path in pages:
        url_path = path.relative_to(site.dir).parent.as_posix() + "/"
        url_path = "" if url_path == "./" else url_path
        query = report_link(site, url_path)
        assert query["template"] == ["report-an-error.yml"]
        assert query["page_url"] == [TEST_SITE_URL + url_path], url_path
        title = query["page_title"][0]
        assert query["title"] == [f"Error: {title}"]
        h1 = site.soup(url_path).select_one("article h1")
        assert h1 is not None
        assert " ".join(h1.get_text(" ", strip=True).removesuffix("¶").split()) == title, url_path


def test_titles_with_reserved_characters_survive_the_link(site: BuiltSite) -> None:
    """&, an apostrophe and spaces arrive as the reader sees them, not as HTML escapes."""
    query = report_link(site, "en/news/2025/foreign-investment-measures-2025/")
    assert query["page_title"] == [
        "Chengdu sets out new foreign-investment policies, with rewards of up to 10 million "
        "yuan a year for foreign R&D centres"
    ]
    query = report_link(site, "en/news/2025/new-partner-cities-2025/")
    assert query["page_title"][0].startswith("Chengdu's partner-city network")


def test_the_issue_form_has_the_fields_the_link_fills() -> None:
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    ids = {item.get("id") for item in form["body"]}
    assert {"page_url", "page_title"} <= ids
    page = next(item for item in form["body"] if item.get("id") == "page_url")
    assert page["validations"]["required"] is True


@pytest.mark.parametrize("lang", LANGS)
def test_report_link_is_in_the_reader_language(site: BuiltSite, lang: str) -> None:
    words = {"zh": "报告错误", "en": "Report an error", "fr": "Signaler une erreur", "ja": "誤りを報告する"}
    link = site.soup(PREFIX[lang] + "cities/").select_one(".hub-report a")
    assert text_of(link) == words[lang]


NOT_FOUND_LINK = {"zh": "报告失效的地址", "en": "Report the broken address", "fr": "Signaler l'adresse introuvable",
                  "ja": "リンク切れを報告する"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_404_page_reports_the_broken_address(site: BuiltSite, lang: str) -> None:
    """The 404 page has no page of its own to name: its link carries the title and the words
    of the report in the reader's language, and its script adds the address (the browser
    test follows it: tests/browser/test_browser_pages.py)."""
    soup = site.soup(PREFIX[lang] + "404.html")
    links = soup.select(".hub-report a#hub-report-missing")
    assert len(links) == 1 and text_of(links[0]) == NOT_FOUND_LINK[lang]
    parts = urlsplit(links[0]["href"])
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", f"/{REPOSITORY}/issues/new")
    query = parse_qs(parts.query, strict_parsing=True)
    heading = soup.find("h1").get_text()
    assert query["template"] == ["report-an-error.yml"] and query["title"] == [f"Error: {heading}"]
    assert "page_url" not in query  # only the browser knows it
    assert query["error"] == [links[0]["data-hub-text"]]
    assert "{page}" in links[0]["data-hub-from"]
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    assert "error" in {item.get("id") for item in form["body"]}
