"""From the page to the change in one click: every built page links to GitHub's editor on the
file it is made from, or, when it is shown in a fallback language, to GitHub's new-file
form filled with the translation to write (hub/pages/edit_links.py)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from sitebuild import MINIMAL, BuiltSite, build, copy_project

REPO = "https://github.com/example-org/hub-fork"


def built(tmp: Path, change=None, **env: str) -> BuiltSite:
    project = copy_project(tmp / "project", content_from=MINIMAL)
    if change:
        change(project)
    site = build(project, tmp / "site", **{"HUB_REPOSITORY": "example-org/hub-fork", "HUB_BRANCH": "main", **env})
    assert site.result.returncode == 0, site.result.output
    return site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built(tmp_path_factory.mktemp("edit"))


def edit_link(site: BuiltSite, url_path: str):
    links = site.soup(url_path).select("p.hub-edit a")
    assert len(links) == 1, url_path
    return links[0]


@pytest.mark.parametrize(("url_path", "text", "href"), [
    # Hand-written pages: their own Markdown file.
    ("en/news/2025/first-article/", "Edit this page", "/edit/main/docs/en/news/2025/first-article.md"),
    ("news/2025/first-article/", "编辑本页", "/edit/main/docs/zh/news/2025/first-article.md"),
    ("fr/about/", "Modifier cette page", "/edit/main/docs/fr/about/index.md"),
    ("ja/", "このページを編集", "/edit/main/docs/ja/index.md"),
    # Record pages: the record, where every language's text is.
    ("en/cities/montpellier/", "Edit this page", "/edit/main/data/cities/montpellier.yml"),
    ("en/opportunities/test-grant/", "Edit this page", "/edit/main/data/opportunities/test-grant.yml"),
    ("en/events/test-event/", "Edit this page", "/edit/main/data/events/test-event.yml"),
    # ... which says "Translate" where this language's text is missing (fr is optional in records).
    ("fr/events/test-event/", "Traduire cette page", "/edit/main/data/events/test-event.yml"),
    # Generated listings: the section's page, or the topics' names.
    ("en/news/archive/2025/", "Edit this page", "/edit/main/docs/en/news/index.md"),
    ("en/news/topics/sister-cities/", "Edit this page", "/edit/main/data/topics.yml"),
    ("en/events/past/", "Edit this page", "/edit/main/docs/en/events/index.md"),
    ("ja/about/translations/", "このページを編集", "/edit/main/docs/ja/about/index.md"),
])
def test_each_kind_of_page_leads_to_the_file_it_is_made_from(site: BuiltSite, url_path, text, href) -> None:
    link = edit_link(site, url_path)
    assert link.get_text() == text
    assert link["href"] == REPO + href
    assert link["title"] == href.split("/main/", 1)[1]


def test_every_page_of_the_site_has_one_link(site: BuiltSite) -> None:
    for path in site.html_files():
        url_path = path.relative_to(site.dir).as_posix()
        if url_path.endswith("404.html"):
            continue
        assert len(site.soup(url_path).select("p.hub-edit a")) == 1, url_path


def test_a_page_shown_in_a_fallback_language_opens_the_translation_prefilled_from_english(site: BuiltSite) -> None:
    link = edit_link(site, "fr/news/2025/first-article/")
    assert link.get_text() == "Traduire cette page"
    url = urlsplit(link["href"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == REPO + "/new/main"
    query = parse_qs(url.query, strict_parsing=True)
    assert query["filename"] == ["docs/fr/news/2025/first-article.md"]
    value = query["value"][0]
    # The English text (the best source for French), its texts marked for the check.
    assert value.startswith('---\ntitle: "TODO: translate into French: First article"\n'
                            'summary: "TODO: translate into French: A test summary."\n---\n\n'
                            "TODO: translate the text below from English (docs/en/news/2025/first-article.md) "
                            "into French, then delete this line.\n\nFirst paragraph.\n")
    assert "Second paragraph, see [the policy](../../policies/test-policy.md)." in value
    # A hand-written page without its Japanese version: the same, from English.
    ja = parse_qs(urlsplit(edit_link(site, "ja/policies/test-policy/")["href"]).query)
    assert ja["filename"] == ["docs/ja/policies/test-policy.md"]
    assert "official_title_translation: \"TODO: translate into Japanese: Test Measures" in ja["value"][0]


def test_a_long_text_gives_its_header_and_a_link_to_the_source_and_titles_are_encoded(tmp_path: Path) -> None:
    def change(project: Path) -> None:
        english = project / "docs/en/news/2025/first-article.md"
        text = english.read_text(encoding="utf-8").replace("title: First article",
                                                            "title: 'First \"article\" & <b>co</b> #1 ?x=1'")
        english.write_text(text + "\n" + "A long paragraph of the English text. " * 400 + "\n", encoding="utf-8")

    site = built(tmp_path, change)
    link = edit_link(site, "fr/news/2025/first-article/")
    assert len(link["href"]) <= 8000
    value = parse_qs(urlsplit(link["href"]).query)["value"][0]
    assert value == ('---\ntitle: "TODO: translate into French: First \\"article\\" & <b>co</b> #1 ?x=1"\n'
                     'summary: "TODO: translate into French: A test summary."\n---\n\n'
                     "TODO: translate the text below from English (docs/en/news/2025/first-article.md) "
                     "into French, then delete this line.\n\n"
                     f"TODO: the text to translate is at {REPO}/blob/main/docs/en/news/2025/first-article.md\n")
    # The attribute is escaped: the page's HTML has no raw quote or tag from the title in it.
    assert "<b>co</b>" not in site.text("fr/news/2025/first-article/").split('class="hub-edit"', 1)[1][:9000]


def test_no_repository_no_links(tmp_path: Path) -> None:
    def change(project: Path) -> None:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("repository: chengdu-global-hub/hub",
                                                                     'repository: ""'), encoding="utf-8")

    site = built(tmp_path, change, HUB_REPOSITORY="", GITHUB_REPOSITORY="")
    for url_path in ("en/news/2025/first-article/", "fr/news/2025/first-article/", "en/cities/montpellier/"):
        assert site.soup(url_path).select("p.hub-edit") == [], url_path
