"""The editor's fast preview, `make serve LANG_ONLY=en` (one language, --dirty): an edit to
an article's text shows on its page, and an edit to its front matter reaches the pages
made from the content (the preview keeps the loaded content only while texts change)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from sitebuild import MKDOCS, hub_env

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return ""


def _wait_for(url: str, text: str, timeout: float = 180) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page = _page(url)
        if text in page:
            return page
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed {text!r}")


def test_preview_shows_edited_text_and_front_matter(minimal_project: Path, tmp_path: Path) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = hub_env(HUB_ONLY_LANGUAGE="en", HUB_SITE_URL=base)
    args = [*MKDOCS, "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"]
    with open(tmp_path / "serve.log", "wb") as log:
        server = subprocess.Popen(args, cwd=minimal_project, env=env, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    article = minimal_project / "docs" / "en" / "news" / "2025" / "first-article.md"
    try:
        _wait_for(base + "news/2025/first-article/", "First paragraph.")
        archive = _wait_for(base + "news/archive/2025/", "First article")

        time.sleep(1.5)  # a change in the same second as the first build may go unseen
        article.write_text(article.read_text(encoding="utf-8").replace(
            "Second paragraph", "A paragraph written during the preview"), encoding="utf-8")
        _wait_for(base + "news/2025/first-article/", "A paragraph written during the preview")

        time.sleep(1.5)
        article.write_text(article.read_text(encoding="utf-8").replace(
            "title: First article", "title: A retitled article"), encoding="utf-8")
        archive = _wait_for(base + "news/archive/2025/", "A retitled article")
        assert "First article" not in archive
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
