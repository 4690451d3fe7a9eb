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
