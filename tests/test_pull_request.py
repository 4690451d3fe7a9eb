"""What a pull request gets: the job summary made from two commits of a fixture repository
(`hub report`), and a preview that works wherever it is unzipped and served."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest
from bs4 import BeautifulSoup
from sitebuild import HUB_CLI, MINIMAL, BuiltSite, build, copy_project, run
from siteserver import SiteServer, free_port, serving

pytestmark = pytest.mark.slow

PREVIEW_URL = "http://127.0.0.1:8000/"

SECOND_ZH = """---
title: 第二篇文章
summary: 第二篇摘要。
date: 2025-04-18
topics: [sister-cities]
cities: [montpellier]
---

第二篇正文。
"""
SECOND_EN = """---
title: Second article
summary: The second summary.
---

The second text.
"""


def _git(repo: Path, *args: str, when: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when, GIT_AUTHOR_NAME="Editor",
               GIT_AUTHOR_EMAIL="editor@example.org", GIT_COMMITTER_NAME="Editor",
               GIT_COMMITTER_EMAIL="editor@example.org")
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def _preview(project: Path, site: Path) -> BuiltSite:
    """`make preview`: the strict build for the preview address, then made local."""
    built = build(project, site, HUB_SITE_URL=PREVIEW_URL)
    assert built.result.returncode == 0, built.result.output
    done = run([*HUB_CLI, "preview-site", str(site), "--site-url", PREVIEW_URL], project)
    assert done.returncode == 0, done.output
    return built


@pytest.fixture(scope="module")
def two_commits(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path, Path]:
    """A fixture repository: the target branch (commit 1) and a pull request (commit 2)
    that adds an article, edits the original of a translated one, reschedules the event
    and renames it in English; both built as `make preview` builds them."""
    repo = copy_project(tmp_path_factory.mktemp("repo"), content_from=MINIMAL)
    _git(repo, "init", "-q", "-b", "main", when="2025-04-10T10:00:00+08:00")
    _git(repo, "add", "-A", when="2025-04-10T10:00:00+08:00")
    _git(repo, "commit", "-q", "-m", "Base", when="2025-04-10T10:00:00+08:00")
    base = tmp_path_factory.mktemp("base")
    _git(repo, "worktree", "add", "-q", "--detach", str(base / "checkout"), "main", when="2025-04-10T10:00:00+08:00")
    base_site = base / "site"
    _preview(base / "checkout", base_site)

    (repo / "docs/zh/news/2025/second-article.md").write_text(SECOND_ZH, encoding="utf-8")
    (repo / "docs/en/news/2025/second-article.md").write_text(SECOND_EN, encoding="utf-8")
    first = repo / "docs/zh/news/2025/first-article.md"
    edited = first.read_text(encoding="utf-8").replace("正文第一段。", "正文第一段，已修改。")
    first.write_text(edited, encoding="utf-8")
    event = repo / "data/events/test-event.yml"
    event.write_text(event.read_text(encoding="utf-8")
                     .replace('start: "2025-05-10 09:30"', 'start: "2025-05-10 10:00"\nsequence: 1')
                     .replace("en: Test event}", "en: Test event (rescheduled)}"), encoding="utf-8")
    _git(repo, "add", "-A", when="2025-04-12T10:00:00+08:00")
    _git(repo, "commit", "-q", "-m", "Pull request", when="2025-04-12T10:00:00+08:00")
    site = tmp_path_factory.mktemp("head") / "site"
    _preview(repo, site)
    return repo, site, base / "checkout", base_site


@pytest.fixture(scope="module")
def summary(two_commits: tuple[Path, Path, Path, Path]) -> str:
    repo, site, base_root, base_site = two_commits
    output = repo.parent / "summary.md"
    output.write_text("Earlier step\n", encoding="utf-8")
    done = run([*HUB_CLI, "report", "--site", str(site), "--base-site", str(base_site), "--base-root", str(base_root),
                "--base", "origin/main", "--output", str(output)], repo)
    assert done.returncode == 0, done.output
    text = output.read_text(encoding="utf-8")
    assert text.startswith("Earlier step\n# What this pull request changes\n")  # appended, as GitHub expects
    return text


def test_summary_lists_pages_per_language(summary: str) -> None:
    assert "## ✅ No content problems" in summary
    table = [line for line in summary.splitlines() if line.startswith("| ")]
    rows = {line.split("|")[1].strip(): [cell.strip() for cell in line.split("|")[2:5]] for line in table[2:]}
    assert set(rows) == {"zh", "en", "fr", "ja"}
    assert all(int(rows[lang][0]) >= 1 for lang in rows), summary  # the new article in every language
    assert "`/news/2025/second-article/`" in summary
    assert "`/en/news/2025/second-article/`" in summary
    changed_zh = next(line for line in summary.splitlines() if line.startswith("- Changed (zh):"))
    assert "`/news/2025/first-article/`" in changed_zh
    assert "`/events/test-event/`" in changed_zh
    assert "`/about/`" not in changed_zh  # untouched pages are not listed
    assert "Removed" not in summary


def test_summary_lists_feed_entries_and_calendar_events(summary: str) -> None:
    assert "- New in the zh feeds: “第二篇文章”" in summary
    assert "- New in the en feeds: “Second article”" in summary
    changed_calendar = next(line for line in summary.splitlines() if line.startswith("- Changed in subscribers' "))
    assert "测试活动" in changed_calendar


def test_summary_lists_translations_that_became_missing_or_outdated(summary: str) -> None:
    missing_fr = next(line for line in summary.splitlines() if line.startswith("- Now missing in fr:"))
    assert "`news/2025/second-article.md`" in missing_fr
    outdated_en = next(line for line in summary.splitlines() if line.startswith("- Now outdated in en"))
    assert "`news/2025/first-article.md`" in outdated_en
    assert "first-article" not in missing_fr


def test_summary_says_how_to_open_the_preview(summary: str) -> None:
    assert "download **site-preview**" in summary
    assert "`python3 -m http.server 8000`" in summary


def test_summary_lists_content_problems(two_commits: tuple[Path, Path, Path, Path]) -> None:
    repo, site, _base_root, base_site = two_commits
    article = repo / "docs/en/news/2025/second-article.md"
    original = article.read_text(encoding="utf-8")
    try:
        article.write_text(original + "\nSee [the plan](plan.md).\n", encoding="utf-8")
        done = run([*HUB_CLI, "report", "--site", str(site), "--base-site", str(base_site)], repo)
    finally:
        article.write_text(original, encoding="utf-8")
    assert done.returncode == 0, done.output
    assert "## ❌ 1 content problem\n" in done.stdout
    assert "- `docs/en/news/2025/second-article.md:8` **link**: a link to 'plan.md'" in done.stdout


# -- the preview works wherever it is served ------------------------------------------------------


@pytest.fixture(scope="module")
def preview_served(two_commits: tuple[Path, Path, Path, Path]) -> Iterator[SiteServer]:
    _repo, site, _base_root, _base_site = two_commits
    port = free_port()
    assert port != 8000
    with serving(SiteServer(site, "/", port=port)) as server:
        yield server


def _addresses(page: str, base: str) -> set[str]:
    soup = BeautifulSoup(page, "html.parser")
    found = set()
    for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
        for element in soup.find_all(tag):
            value = element.get(attribute)
            if not value or value.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            rel = " ".join(element.get("rel", []))
            if tag == "link" and rel in ("preconnect", "dns-prefetch"):
                continue
            found.add(urldefrag(urljoin(base, value))[0])
    return found


def _fetch(url: str) -> tuple[int, str, str]:
    try:
        with urlopen(url, timeout=20) as response:
            kind = response.headers.get("Content-Type", "")
            body = response.read().decode("utf-8", "replace") if "html" in kind else ""
            return response.status, kind, body
    except HTTPError as error:
        return error.code, "", ""


def test_the_preview_works_at_any_address(preview_served: SiteServer) -> None:
    """Every link and asset of every page, followed from the home page of each language at
    a random port: each answers, and none leads to the address the preview was built for."""
    origin = preview_served.url
    queue = [origin + prefix for prefix in ("", "en/", "fr/", "ja/")]
    seen: set[str] = set(queue)
    broken: list[str] = []
    elsewhere: set[str] = set()
    pages = 0
    with ThreadPoolExecutor(8) as pool:
        while queue:
            batch, queue = queue, []
            for url, (status, kind, body) in zip(batch, pool.map(_fetch, batch), strict=True):
                if status != 200:
                    broken.append(f"{url}: {status}")
                    continue
                if "html" not in kind:
                    continue
                pages += 1
                for address in _addresses(body, url):
                    parts = urlsplit(address)
                    if parts.hostname in ("127.0.0.1", "localhost") and not address.startswith(origin):
                        elsewhere.add(f"{address} (on {url})")
                    elif address.startswith(origin) and address not in seen:
                        seen.add(address)
                        queue.append(address)
    assert not sorted(elsewhere), sorted(elsewhere)[:20]
    assert not broken, broken[:20]
    assert pages > 50  # every language's pages were reached
