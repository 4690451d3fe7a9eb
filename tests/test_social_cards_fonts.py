"""Without the fonts of the social cards: the preview still serves the site and says why it
has no cards; a build meant for publishing refuses, naming the package to install."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import MKDOCS, build, hub_env
from siteserver import free_port, live_preview, wait_for

pytestmark = pytest.mark.slow


def test_a_build_without_the_fonts_publishes_nothing(minimal_project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    built = build(minimal_project, site, HUB_FONT_DIRS=str(tmp_path / "no-fonts"))
    assert built.result.returncode != 0
    assert "fonts-noto-cjk" in built.result.output and "apt-get install" in built.result.output
    assert not site.exists()


def test_the_preview_without_the_fonts_serves_pages_and_says_why(minimal_project: Path, tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = hub_env(HUB_SITE_URL=base, HUB_FONT_DIRS=str(tmp_path / "no-fonts"))
    log = tmp_path / "serve.log"
    with live_preview([*MKDOCS, "serve", "-a", f"127.0.0.1:{port}"], cwd=minimal_project, env=env, log=log):
        page = wait_for(base + "en/news/2025/first-article/", "First paragraph.", timeout=240)
    soup = BeautifulSoup(page, "html.parser")
    assert soup.select_one('meta[property="og:image"]') is None
    assert soup.select_one('meta[name="twitter:card"]')["content"] == "summary"
    output = log.read_text(encoding="utf-8", errors="replace")
    assert "no social cards" in output and "fonts-noto-cjk" in output
