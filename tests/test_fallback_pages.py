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


def build_with_mode(project: Path, site_dir: Path, mode: str) -> BuiltSite:
    config_path = project / "mkdocs.yml"
    text = config_path.read_text(encoding="utf-8")
    marker = "fallback_pages: "
    start = text.index(marker) + len(marker)
    end = text.index("\n", start)
    config_path.write_text(text[:start] + mode + text[end:], encoding="utf-8")
    built = build(project, site_dir)
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


def test_the_site_shows_untranslated_articles_whole(site: BuiltSite) -> None:
    soup = site.soup("fr/news/2025/chengdu-penang-direct-flight/")
    english = site.soup("en/news/2025/chengdu-penang-direct-flight/").select_one(".md-content h2")
    assert english is not None and english.get_text(strip=True).rstrip("¶") in soup.get_text()
