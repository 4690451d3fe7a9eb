"""What a reader of fr or ja gets for an article not translated into their language, in
both modes of `extra.hub.fallback_pages`: the whole text (`full`, the site's setting) or the
summary with a link to the full text (`summary`). Both keep the notice, the canonical link to
the original and the silence of hreflang."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import TEST_SITE_URL, BuiltSite, build

ARTICLE = "fr/news/2025/first-article/"
ORIGINAL = TEST_SITE_URL + "en/news/2025/first-article/"


def build_with_mode(project: Path, site_dir: Path, mode: str, **env: str) -> BuiltSite:
    config_path = project / "mkdocs.yml"
    text = config_path.read_text(encoding="utf-8")
    marker = "fallback_pages: "
    start = text.index(marker) + len(marker)
    end = text.index("\n", start)
    config_path.write_text(text[:start] + mode + text[end:], encoding="utf-8")
    built = build(project, site_dir, **env)
    assert built.result.returncode == 0, built.result.output
    return built


@pytest.mark.parametrize("mode", ["full", "summary"])
def test_fallback_page_keeps_notice_canonical_and_no_hreflang(minimal_project: Path, tmp_path: Path, mode: str) -> None:
    site = build_with_mode(minimal_project, tmp_path / "site", mode)
    soup = site.soup(ARTICLE)
    assert soup.html["lang"] == "fr"
    assert "pas encore traduite en français" in soup.select_one(".hub-fallback").get_text()
    assert soup.find("link", rel="canonical")["href"] == ORIGINAL
    assert not soup.find_all("link", hreflang=True)
    assert soup.find("h1").get_text(strip=True).startswith("First article")
    body = soup.select_one(".md-content").get_text(" ", strip=True)
    read_full = soup.select_one('.md-content a[hreflang="en"][href="/hub/en/news/2025/first-article/"]')
    if mode == "full":
        assert "First paragraph." in body and "Second paragraph" in body
        assert read_full is None
    else:
        assert "A test summary." in body
        assert read_full is not None and "Lire l'article complet en anglais" in read_full.get_text()
        assert "First paragraph." not in body


@pytest.mark.parametrize(("newest", "whole"), [("2026-04-16", True), ("2026-04-17", False)])
def test_recent_mode_copies_the_last_years_articles_whole_and_older_ones_as_summaries(
    minimal_project: Path, tmp_path: Path, newest: str, whole: bool
) -> None:
    """`recent` (the site's setting): whole within 365 days of the newest article, the
    summary after, whatever the build day; a summary copy's "Translate this page" gives the
    translator a link to the text, not the text (it would weigh more than the page)."""
    # Older, on the same topic (facts in the original only): the first article's related article.
    for lang, front in (("zh", "title: 第二篇文章\nsummary: 摘要。\ndate: 2025-04-10\ntopics: [sister-cities]"),
                        ("en", "title: Second article\nsummary: S.")):
        minimal_project.joinpath(f"docs/{lang}/news/2025/second-article.md").write_text(
            f"---\n{front}\n---\n\nText.\n", encoding="utf-8")
    # The newest story, a year (and a day) after the first article (2025-04-16).
    story = minimal_project / "docs" / "zh" / "news" / "2026" / "newest-article.md"
    story.parent.mkdir(parents=True)
    story.write_text(f"---\ntitle: 最新文章\nsummary: 新。\ndate: {newest}\n---\n\n正文。\n", encoding="utf-8")
    site = build_with_mode(minimal_project, tmp_path / "site", "recent", HUB_BUILD_DATE="2028-01-01")
    soup = site.soup(ARTICLE)
    body = soup.select_one(".md-content").get_text(" ", strip=True)
    assert ("First paragraph." in body) is whole
    assert ("Lire l'article complet en anglais" in body) is not whole
    assert "pas encore traduite en français" in soup.select_one(".hub-fallback").get_text()
    translate = soup.select_one(".hub-edit a")["href"]
    assert ("First%20paragraph" in translate) is whole
    assert ("the%20text%20to%20translate%20is%20at" in translate) is not whole
    # A summary copy leads to the original, which has the related articles and the QR code
    # to share it (bench/README.md, "Bytes"); the switcher, search and the copy link stay.
    assert (soup.select_one(".hub-related a[href$='/fr/news/2025/second-article/']") is not None) is whole
    assert (soup.select_one("details.hub-share svg") is not None) is whole
    assert soup.select(".md-select__link[hreflang]") and soup.select_one("#hub-search-input") is not None
    assert soup.select_one(".hub-byline .hub-copy-slot")["data-hub-copy"] == TEST_SITE_URL + ARTICLE
    original = site.soup("en/news/2025/first-article/")
    assert original.select_one(".hub-related a[href$='/en/news/2025/second-article/']") is not None
    assert original.select_one("details.hub-share svg") is not None


def test_the_site_shows_untranslated_articles_whole(site: BuiltSite) -> None:
    soup = site.soup("fr/news/2025/chengdu-penang-direct-flight/")
    english = site.soup("en/news/2025/chengdu-penang-direct-flight/").select_one(".md-content h2")
    assert english is not None and english.get_text(strip=True).rstrip("¶") in soup.get_text()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_fr_and_ja_copies_of_an_untranslated_article_are_alike(
    minimal_project: Path, tmp_path: Path, workers: str
) -> None:
    """fr and ja show the English text of an untranslated article; a build converts that
    text once and both copies show it whole, in the reader's frame, contents escaped once."""
    article = minimal_project / "docs" / "en" / "news" / "2025" / "first-article.md"
    article.write_text(
        article.read_text(encoding="utf-8") + "\n## R&D <b>and</b> trade\n\nThird paragraph [back](#a-subheading).\n",
        encoding="utf-8",
    )
    site = build(minimal_project, tmp_path / "site", HUB_BUILD_WORKERS=workers)
    assert site.result.returncode == 0, site.result.output
    original = site.soup("en/news/2025/first-article/")
    text = [p.get_text() for p in original.select(".md-content__inner > div > p:not(.hub-tags)")]
    contents = [a.get_text(" ", strip=True) for a in original.select(".md-sidebar--secondary a")]
    assert "R&D and trade" in contents  # escaped twice, it would read R&amp;D
    for lang, published in (("fr", "Publié"), ("ja", "公開")):
        copy = site.soup(f"{lang}/news/2025/first-article/")
        assert [p.get_text() for p in copy.select(".md-content__inner > div > p:not(.hub-tags)")][1:] == text[1:]
        assert [a.get_text(" ", strip=True) for a in copy.select(".md-sidebar--secondary a")] == contents
        assert published in copy.select_one(".hub-byline").get_text()
        assert copy.find("a", href="#a-subheading") is not None


def test_a_summary_copy_has_nothing_the_sanitiser_removes() -> None:
    """The summary and link the hub writes for a reader of fr pass the sanitiser as they
    are: a class it removes would cost every such page the inventory of its report."""
    from hub.safety.sanitize import clean_html
    from hub_in_memory import catalog, renderer

    loaded = catalog()
    article = next(article for article in loaded.articles() if "en" in article.texts)
    html = renderer(loaded).render("fallback_article.html", "fr", article=article, text=article.texts["en"])
    assert article.texts["en"].summary in html
    assert clean_html(html)[1] == []
