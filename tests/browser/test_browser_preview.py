"""The editor's preview in a real browser (`mkdocs serve` on a fixture site): a content
problem shows as an error page with file:line, in the language of the page being previewed,
which reloads itself onto the page once the file is fixed; a broken page is left out while
the others keep previewing."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from sitebuild import MKDOCS, hub_env
from siteserver import free_port, live_preview, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTICLE_ZH = "docs/zh/news/2025/first-article.md"
ARTICLE_EN = "docs/en/news/2025/first-article.md"


@pytest.fixture
def preview(minimal_project: Path, tmp_path: Path) -> Iterator[str]:
    """`mkdocs serve` (strict, every language, as `make serve` runs it) on a free port."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = hub_env(HUB_SITE_URL=base)
    args = [*MKDOCS, "serve", "-a", f"127.0.0.1:{port}"]
    with live_preview(args, cwd=minimal_project, env=env, log=tmp_path / "serve.log"):
        wait_for(base + "en/", None, timeout=180)
        yield base


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


def _edit(project: Path, rel: str, old: str, new: str) -> None:
    time.sleep(1.5)  # a change in the same second as the last build may go unseen
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_broken_link_shows_in_the_browser_and_goes_away(
    preview: str, page: Page, minimal_project: Path
) -> None:
    page.goto(preview + "en/news/2025/first-article/")
    expect(page.locator("h1")).to_contain_text("First article")

    _edit(minimal_project, ARTICLE_EN, "Second paragraph", "See [the plan](plan-2026.md). Second paragraph")
    # The open tab reloads by itself onto the error page: file, line, what to do.
    problems = page.locator("#hub-preview-problems")
    expect(problems).to_be_visible(timeout=120_000)
    expect(problems).to_contain_text(f"{ARTICLE_EN}:10")
    expect(problems).to_contain_text("a link to 'plan-2026.md', but docs/en/news/2025/plan-2026.md does not exist")
    # Every address of the preview shows it, not the stale page.
    other = page.context.new_page()
    other.goto(preview + "fr/events/")
    expect(other.locator("#hub-preview-problems")).to_contain_text(f"{ARTICLE_EN}:10")
    # Each in the language of the page being previewed.
    expect(page.locator("#hub-preview-problems h1")).to_have_text("1 problem in the content")
    expect(other.locator("#hub-preview-problems h1")).to_have_text("1 problème dans le contenu")
    expect(other.locator("html")).to_have_attribute("lang", "fr")

    _edit(minimal_project, ARTICLE_EN, "See [the plan](plan-2026.md). ", "")
    # Fixed: the same tab comes back to the page, without anyone reloading it.
    expect(page.locator("h1")).to_contain_text("First article", timeout=120_000)
    expect(page.locator("#hub-preview-problems")).to_have_count(0)
    expect(other.locator("h1")).to_be_visible(timeout=60_000)


def test_a_broken_page_is_left_out_and_the_others_preview(
    preview: str, page: Page, minimal_project: Path
) -> None:
    _edit(minimal_project, ARTICLE_ZH, "date: 2025-04-16", "date: 2025-04-31")
    page.goto(preview + "news/2025/first-article/")
    problems = page.locator("#hub-page-problems")
    expect(problems).to_be_visible(timeout=120_000)
    expect(problems).to_contain_text(f"{ARTICLE_ZH}:4 date: '2025-04-31'")
    expect(problems.locator(".admonition-title")).to_have_text("本页暂不显示在预览中：1 个问题")
    # Its translation goes with it; the rest of the site previews as usual.
    page.goto(preview + "en/news/2025/first-article/")
    expect(page.locator("#hub-page-problems")).to_contain_text(f"{ARTICLE_ZH}:4")
    expect(page.locator("#hub-page-problems .admonition-title")).to_have_text(
        "This page is left out of the preview: 1 problem")
    page.goto(preview + "en/policies/test-policy/")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("#hub-page-problems")).to_have_count(0)
    expect(page.locator("#hub-preview-problems")).to_have_count(0)

    page.goto(preview + "news/2025/first-article/")
    _edit(minimal_project, ARTICLE_ZH, "date: 2025-04-31", "date: 2025-04-16")
    expect(page.locator("h1")).to_contain_text("第一篇文章", timeout=120_000)
    expect(page.locator("#hub-page-problems")).to_have_count(0)
