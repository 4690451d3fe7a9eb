"""Drafts and scheduled articles (hub/source/publishing.py): `draft: true` or a date after the build
day keeps an article out of everything a published build writes, in every language, until
its day; the preview (`mkdocs serve`) shows it with a banner; the check checks it all along."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from sitebuild import HUB_CLI, MINIMAL, MKDOCS, BuiltSite, build, copy_project, hub_env, run
from siteserver import free_port, live_preview, wait_for

# Words found only in the withheld articles: none may reach any file of the built site.
DRAFT_WORDS = ("draft-story", "DRAFTWORD", "草稿正文", "draft-policy", "POLICYDRAFTWORD")
SCHEDULED_WORDS = ("may-story", "MAYWORD", "五月正文")


def withheld_content(project: Path) -> Path:
    news = project / "docs/zh/news/2025"
    (news / "draft-story.md").write_text(
        "---\ntitle: 草稿 DRAFTWORD\nsummary: 草稿摘要 DRAFTWORD。\ndate: 2025-04-10\ndraft: true\n"
        "topics: [sister-cities]\ncities: [montpellier]\n---\n\n草稿正文。\n", encoding="utf-8")
    (project / "docs/en/news/2025/draft-story.md").write_text(
        "---\ntitle: Draft DRAFTWORD\nsummary: A draft DRAFTWORD.\n---\n\nDraft text DRAFTWORD.\n", encoding="utf-8")
    (news / "may-story.md").write_text(
        "---\ntitle: 五月 MAYWORD\nsummary: 五月摘要 MAYWORD。\ndate: 2025-05-01\ntopics: [sister-cities]\n"
        "cities: [montpellier]\n---\n\n五月正文。\n", encoding="utf-8")
    (project / "docs/zh/policies/draft-policy.md").write_text(
        "---\ntitle: 政策草稿 POLICYDRAFTWORD\nsummary: 摘要。\ndate: 2025-04-01\nofficial_title: 《草稿》\n"
        "issued: 2025-04-01\ndraft: true\n---\n\n正文。\n", encoding="utf-8")
    return project


def readable(path: Path) -> str:
    """A built file as text: gzip files (sitemap.xml.gz, Pagefind's index and fragments) unpacked."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8", "replace")


def found(site: BuiltSite, words: tuple[str, ...]) -> list[str]:
    return [f"{name}: {word}" for name in site.files() for word in words
            if word in name or word in readable(site.dir / name)]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return withheld_content(copy_project(tmp_path_factory.mktemp("publishing") / "project", content_from=MINIMAL))


@pytest.fixture(scope="module")
def published(project: Path, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    site = build(project, tmp_path_factory.mktemp("site") / "site")  # on 2025-04-20
    assert site.result.returncode == 0, site.result.output
    return site


def test_drafts_and_scheduled_articles_are_in_no_file_of_the_published_site(published: BuiltSite) -> None:
    assert found(published, DRAFT_WORDS + SCHEDULED_WORDS) == []
    # The rest is there: the words are searched in what would carry them.
    assert found(published, ("first-article",))
    assert not published.path("news/2025/draft-story/").exists()
    assert not published.path("fr/news/2025/may-story/").exists()


def test_a_scheduled_article_is_published_from_its_day(project: Path, tmp_path: Path) -> None:
    site = build(project, tmp_path / "site", HUB_BUILD_DATE="2025-05-01")
    assert site.result.returncode == 0, site.result.output
    assert "五月 MAYWORD" in site.text("news/2025/may-story/")
    assert "may-story" in site.text("feeds/news.atom.xml")
    assert "may-story" in site.text("news/")
    assert "may-story" in site.text("sitemap.xml")
    assert site.path("fr/news/2025/may-story/").is_file()  # in every language
    assert found(site, DRAFT_WORDS) == []  # a draft stays a draft whatever the day


def test_the_check_checks_drafts_too(project: Path, tmp_path: Path) -> None:
    ok = run([*HUB_CLI, "check"], project)
    assert ok.returncode == 0, ok.output
    broken = copy_project(tmp_path / "broken", content_from=project)
    draft = broken / "docs/zh/news/2025/draft-story.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace("cities: [montpellier]", "cities: [atlantis]"),
                     encoding="utf-8")
    result = run([*HUB_CLI, "check"], broken)
    assert result.returncode == 1
    assert "docs/zh/news/2025/draft-story.md:7: cities" in result.stdout


def test_a_draft_key_in_a_translation_belongs_in_the_original(project: Path, tmp_path: Path) -> None:
    broken = copy_project(tmp_path / "broken", content_from=project)
    english = broken / "docs/en/news/2025/first-article.md"
    english.write_text(english.read_text(encoding="utf-8").replace("---\ntitle", "---\ndraft: true\ntitle", 1),
                       encoding="utf-8")
    result = run([*HUB_CLI, "check"], broken)
    assert "docs/en/news/2025/first-article.md:2: draft: a fact in a translation" in result.stdout


@pytest.mark.slow
def test_the_preview_shows_drafts_and_scheduled_articles_with_a_banner(project: Path, tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = hub_env(HUB_SITE_URL=base, HUB_BUILD_WORKERS="1")
    with live_preview([*MKDOCS, "serve", "--no-strict", "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                      log=tmp_path / "serve.log"):
        draft = wait_for(base + "en/news/2025/draft-story/", "Draft text DRAFTWORD", timeout=180)
        assert "Draft: this article is shown only in the preview and will not be published." in draft
        scheduled = wait_for(base + "news/2025/may-story/", "五月正文", timeout=60)
        assert "定时发布：本文将于2025年5月1日发布" in scheduled
        zh_draft = wait_for(base + "news/2025/draft-story/", "草稿正文", timeout=60)
        assert "草稿：本文仅在本地预览中显示，不会发布。" in zh_draft
