"""The editor's fast preview, `make serve LANG_ONLY=en` (one language, --dirty): an edit to
an article's text shows on its page, and an edit to its front matter reaches the pages
made from the content (the preview keeps the loaded content only while texts change)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sitebuild import MKDOCS, hub_env
from siteserver import free_port, live_preview, wait_for

pytestmark = pytest.mark.slow


def test_preview_shows_edited_text_and_front_matter(minimal_project: Path, tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = hub_env(HUB_ONLY_LANGUAGE="en", HUB_SITE_URL=base)
    args = [*MKDOCS, "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"]
    article = minimal_project / "docs" / "en" / "news" / "2025" / "first-article.md"
    with live_preview(args, cwd=minimal_project, env=env, log=tmp_path / "serve.log"):
        wait_for(base + "news/2025/first-article/", "First paragraph.", timeout=180)
        archive = wait_for(base + "news/archive/2025/", "First article", timeout=180)

        time.sleep(1.5)  # a change in the same second as the first build may go unseen
        article.write_text(article.read_text(encoding="utf-8").replace(
            "Second paragraph", "A paragraph written during the preview"), encoding="utf-8")
        wait_for(base + "news/2025/first-article/", "A paragraph written during the preview", timeout=180)

        time.sleep(1.5)
        article.write_text(article.read_text(encoding="utf-8").replace(
            "title: First article", "title: A retitled article"), encoding="utf-8")
        archive = wait_for(base + "news/archive/2025/", "A retitled article", timeout=180)
        assert "First article" not in archive


def test_fast_preview_shows_a_problem_and_every_page_comes_back(minimal_project: Path, tmp_path: Path) -> None:
    """In the one-language preview (--dirty: only pages older than their source are
    rebuilt), a broken record shows as the error page at every address, and once it is
    fixed every page comes back, not only the ones whose source changed."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = hub_env(HUB_ONLY_LANGUAGE="en", HUB_SITE_URL=base)
    args = [*MKDOCS, "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"]
    grant = minimal_project / "data" / "opportunities" / "test-grant.yml"
    with live_preview(args, cwd=minimal_project, env=env, log=tmp_path / "serve.log"):
        wait_for(base + "about/", "about/index en", timeout=180)

        time.sleep(1.5)
        grant.write_text(grant.read_text(encoding="utf-8").replace("kind: grant", "kind: grnt"), encoding="utf-8")
        page = wait_for(base + "about/", "hub-preview-problems", timeout=180)
        assert "data/opportunities/test-grant.yml:5" in page and "&#x27;grnt&#x27;" in page

        time.sleep(1.5)
        grant.write_text(grant.read_text(encoding="utf-8").replace("kind: grnt", "kind: grant"), encoding="utf-8")
        wait_for(base + "about/", "about/index en", timeout=180)
        pages = (("news/2025/first-article/", "First paragraph."), ("opportunities/test-grant/", "Test grant"))
        for path, text in pages:
            assert "hub-preview-problems" not in wait_for(base + path, text, timeout=60)
