"""The preview's error pages speak the language of the page being previewed (hub.engine.preview_errors,
hub.engine.preview_pages), in the words of overrides/hub/ui.yml; in English when those cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hub.engine.preview_errors import Words, error_page, write_everywhere
from hub.engine.preview_pages import problems_markdown
from hub.errors import ContentError
from hub.source.ui import UiStrings, load_ui
from sitebuild import ROOT, site_languages

ERROR_HEADINGS = {"zh": "内容中有 2 个问题", "en": "2 problems in the content", "fr": "2 problèmes dans le contenu",
                  "ja": "コンテンツに2件の問題があります"}


def _ui() -> UiStrings:
    return load_ui(ROOT / "overrides" / "hub" / "ui.yml", ROOT, site_languages())


def test_the_error_page_is_written_in_the_language_of_each_address(tmp_path: Path) -> None:
    problems = [ContentError("data/events/x.yml", 3, "start", "'2025-13-01'", "a real date"),
                ContentError("docs/en/news/2025/x.md", 9, "link", "a link to 'y.md'", "link to a page")]
    ui = _ui()
    pages = {lang: error_page(problems, words=Words(lang, ui)) for lang in ERROR_HEADINGS}
    for lang in ("en", "fr"):
        (tmp_path / lang / "news").mkdir(parents=True)
        (tmp_path / lang / "news" / "index.html").write_text("old", encoding="utf-8")
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text("old", encoding="utf-8")
    write_everywhere(tmp_path, pages, built=("zh", "en", "fr", "ja"), docs_dir=ROOT / "tests/fixtures/minimal/docs")
    for path, lang in (("index.html", "zh"), ("404.html", "zh"), ("about/index.html", "zh"),
                       ("en/news/index.html", "en"), ("fr/news/index.html", "fr"),
                       # Not in the last good preview: written for every page of docs/.
                       ("ja/events/index.html", "ja"), ("fr/news/2025/first-article/index.html", "fr")):
        soup = BeautifulSoup((tmp_path / path).read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == lang, path
        assert soup.h1.get_text() == ERROR_HEADINGS[lang], path
        assert "data/events/x.yml:3" in soup.get_text() and soup.select_one("p code").get_text() == "make check"
    japanese = BeautifulSoup(pages["ja"], "html.parser")
    assert japanese.title.get_text() == f"{ERROR_HEADINGS['ja']} · プレビュー"
    assert "エディターで修正して保存してください" in japanese.p.get_text()
    # One problem, in French: the singular, and "le" for it.
    french = BeautifulSoup(error_page(problems[:1], words=Words("fr", ui)), "html.parser")
    assert french.h1.get_text() == "1 problème dans le contenu" and french.p.get_text().startswith("Corrigez-le")


def test_without_readable_strings_the_error_page_is_in_english(tmp_path: Path) -> None:
    """ui.yml may be the very file with the problem."""
    page = BeautifulSoup(error_page([], "OSError: boom"), "html.parser")
    assert page.html["lang"] == "en" and page.h1.get_text() == "The preview could not be built"
    assert page.pre.get_text() == "OSError: boom"


@pytest.mark.parametrize(("lang", "title"), [
    ("zh", "本页暂不显示在预览中：1 个问题"), ("en", "This page is left out of the preview: 1 problem"),
    ("fr", "Cette page est retirée de l'aperçu : 1 problème"),
    ("ja", "このページはプレビューから外されています：問題1件"),
])
def test_a_page_left_out_says_so_in_its_language(lang: str, title: str) -> None:
    ui = _ui()
    problem = ContentError("docs/zh/news/2025/x.md", 4, "date", "'2025-04-31'", "a real date")
    html = problems_markdown("docs/zh/news/2025/x.md", [problem], lambda key, **values: ui.t(key, lang, **values))
    box = BeautifulSoup(html.split("\n", 2)[2], "html.parser")
    assert box.select_one(".admonition-title").get_text() == title
    assert box.select("p")[-1].code.get_text() == "make check"
