"""Safe renames (hub/source/aliases.py, hub/editors/published_addresses.py): an article renamed with
`aliases:` leaves a redirect page at its earlier address in every language and keeps its
feed entry ids; aliases that would hide a page are refused; and `check --base` refuses a
pull request that removes a published address without one."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import feedparser
import icalendar
import pytest
from sitebuild import HUB_CLI, MINIMAL, ROOT, BuiltSite, build, copy_project, run

OLD, NEW = "news/2025/first-article/", "news/2025/conference-opens/"
LANGUAGES = ("", "en/", "fr/", "ja/")


def rename(project: Path, *, alias: bool = True) -> None:
    """first-article.md becomes conference-opens.md in every language (as `git mv` would),
    and the event test-event.yml becomes montpellier-forum.yml."""
    for lang in ("zh", "en"):
        folder = project / "docs" / lang / "news" / "2025"
        (folder / "first-article.md").rename(folder / "conference-opens.md")
    events = project / "data/events"
    (events / "test-event.yml").rename(events / "montpellier-forum.yml")
    if alias:
        original = project / "docs/zh/news/2025/conference-opens.md"
        text = original.read_text(encoding="utf-8")
        original.write_text(text.replace("date: 2025-04-16\n", f"date: 2025-04-16\naliases: [{OLD}]\n"),
                            encoding="utf-8")
        event = events / "montpellier-forum.yml"
        event.write_text(event.read_text(encoding="utf-8") + "aliases: [events/test-event/]\n", encoding="utf-8")


def entry_ids(site: BuiltSite) -> dict[str, set[str]]:
    ids = {}
    for lang in LANGUAGES:
        for feed in ("all.atom.xml", "news.rss.xml", "events.atom.xml"):
            parsed = feedparser.parse(site.text(f"{lang}feeds/{feed}"))
            assert not parsed.bozo, parsed.bozo_exception
            ids[lang + feed] = {entry.id for entry in parsed.entries}
    return ids


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, BuiltSite]:
    before = copy_project(tmp_path_factory.mktemp("before") / "project", content_from=MINIMAL)
    after = copy_project(tmp_path_factory.mktemp("after") / "project", content_from=MINIMAL)
    rename(after)
    built = []
    for project in (before, after):
        site = build(project, project.parent / "site")
        assert site.result.returncode == 0, site.result.output
        built.append(site)
    return built[0], built[1]


def test_the_earlier_address_redirects_in_every_language(sites) -> None:
    _, site = sites
    for lang in LANGUAGES:
        assert "正文第一段" in site.text(lang + NEW) or "First paragraph" in site.text(lang + NEW)
        page = site.soup(lang + OLD)
        assert page.html["lang"] == (lang.rstrip("/") or "zh")
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../conference-opens/"
        assert page.find("a")["href"] == "../conference-opens/"
        # The canonical address is the page's own, in the language its text is in: fr and ja
        # show the English text.
        canonical = {"": "", "en/": "en/", "fr/": "en/", "ja/": "en/"}[lang]
        assert page.find("link", rel="canonical")["href"] == f"https://example.org/hub/{canonical}{NEW}"
    # Not a page: no sitemap entry, no search result.
    assert OLD not in site.text("sitemap.xml")


def calendar_uids(site: BuiltSite, path: str) -> set[str]:
    calendar = icalendar.Calendar.from_ical(site.path(path).read_bytes())
    return {str(component["uid"]) for component in calendar.walk("VEVENT")}


def test_feed_entries_and_calendar_events_keep_their_ids_after_a_rename(sites) -> None:
    before, after = sites
    ids_before, ids_after = entry_ids(before), entry_ids(after)
    assert ids_before == ids_after
    assert "tag:chengdu-global-hub.github.io,2025:en/news/first-article" in ids_after["en/all.atom.xml"]
    assert "tag:chengdu-global-hub.github.io,2025:fr/event/test-event" in ids_after["fr/events.atom.xml"]
    uid = "event-test-event@chengdu-global-hub.github.io"
    assert calendar_uids(before, "en/calendars/events.ics") == calendar_uids(after, "en/calendars/events.ics") == {uid}
    # The event's own calendar file follows its page; its event is the same one.
    assert calendar_uids(after, "calendars/events/montpellier-forum.ics") == {uid}
    assert after.soup("en/events/test-event/").find("meta", attrs={"http-equiv": "refresh"})["content"] == \
        "0; url=../montpellier-forum/"
    links = {entry.link for entry in feedparser.parse(after.text("en/feeds/news.rss.xml")).entries}
    assert f"https://example.org/hub/en/{NEW}" in links


@pytest.mark.slow
def test_redirect_pages_are_valid_html(sites) -> None:
    _, site = sites
    jar = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
    if not jar.is_file() or not shutil.which("java"):
        pytest.skip("the Nu HTML Checker needs `make setup-test`")
    pages = [str(site.path(lang + OLD)) for lang in LANGUAGES]
    done = subprocess.run(["java", "-jar", str(jar), "--errors-only", *pages], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def check(project: Path, *args: str):
    return run([*HUB_CLI, "check", *args], project)


def with_alias(project: Path, alias: str, article: str = "docs/zh/news/2025/first-article.md") -> None:
    path = project / article
    path.write_text(path.read_text(encoding="utf-8").replace("date: ", f"aliases: [{alias}]\ndate: ", 1),
                    encoding="utf-8")


@pytest.mark.parametrize(("alias", "found"), [
    ("policies/test-policy/", "'policies/test-policy/', the address of another page"),
    ("cities/montpellier/", "'cities/montpellier/', the address of another page"),
    ("about/", "'about/', the address of another page"),
    ("news/2025/first-article/", "'news/2025/first-article/', the page's own address"),
    ("news/archive/2025/", "'news/archive/2025/', an address the site makes itself"),
])
def test_an_alias_that_would_hide_a_page_is_refused_with_its_line(minimal_project: Path, alias, found) -> None:
    with_alias(minimal_project, alias)
    result = check(minimal_project)
    assert result.returncode == 1
    assert f"docs/zh/news/2025/first-article.md:4: aliases: {found}" in result.stdout


def test_the_same_alias_on_two_pages_is_refused(minimal_project: Path) -> None:
    with_alias(minimal_project, "news/2024/old/")
    with_alias(minimal_project, "news/2024/old/", "docs/zh/policies/test-policy.md")
    result = check(minimal_project)
    assert result.returncode == 1
    assert "aliases: 'news/2024/old/', also an alias of " in result.stdout


def test_an_alias_that_is_not_an_address_is_refused(minimal_project: Path) -> None:
    with_alias(minimal_project, "/news/../x")
    result = check(minimal_project)
    assert ("docs/zh/news/2025/first-article.md:4: aliases.0: '/news/../x'; an earlier address of the page inside "
            "the language folder, in lowercase a-z, digits and hyphens, ending with /, like news/2025/old-slug/"
            in result.stdout)


def commit_all(project: Path, message: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Hub", "GIT_AUTHOR_EMAIL": "hub@example.org", "GIT_COMMITTER_NAME": "Hub",
           "GIT_COMMITTER_EMAIL": "hub@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if not (project / ".git").exists():
        subprocess.run(["git", "-c", "init.defaultBranch=main", "init", "-q"], cwd=project, check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=project, check=True, env=env)
    subprocess.run(["git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message], cwd=project, check=True,
                   env=env)


def test_a_pull_request_that_removes_a_published_address_is_refused(minimal_project: Path) -> None:
    commit_all(minimal_project, "published")
    rename(minimal_project, alias=False)
    result = check(minimal_project, "--base", "main")
    assert result.returncode == 1
    assert ("docs/zh/news/2025/first-article.md: the published address news/2025/first-article/ removed "
            "(it is in main); restore the file, or add `aliases: [news/2025/first-article/]` to the front matter "
            "of the page that replaces it") in result.stdout
    # Committed or not, the same.
    commit_all(minimal_project, "rename")
    assert check(minimal_project, "--base", "main~1").returncode == 1


def test_a_renamed_event_without_its_alias_is_a_deleted_event(minimal_project: Path) -> None:
    commit_all(minimal_project, "published")
    rename(minimal_project, alias=False)
    result = check(minimal_project, "--base", "main")
    assert "data/events/test-event.yml: a published event deleted (it is in main)" in result.stdout
    assert "add `aliases: [events/test-event/]` to the renamed record" in result.stdout


def test_a_rename_with_its_alias_passes(minimal_project: Path) -> None:
    commit_all(minimal_project, "published")
    rename(minimal_project)
    result = check(minimal_project, "--base", "main")
    assert result.returncode == 0, result.output


def test_a_deleted_record_page_and_a_deleted_section_page_are_refused(minimal_project: Path) -> None:
    commit_all(minimal_project, "published")
    (minimal_project / "data/opportunities/test-grant.yml").unlink()
    (minimal_project / "docs/fr/about/contribute.md").unlink()  # the address stays: other languages have it
    result = check(minimal_project, "--base", "main")
    assert result.returncode == 1
    assert "data/opportunities/test-grant.yml: the published address opportunities/test-grant/ removed" in result.stdout
    assert "contribute" not in result.stdout


def test_an_unpublished_draft_can_be_deleted(minimal_project: Path) -> None:
    draft = minimal_project / "docs/zh/news/2025/notes.md"
    draft.write_text("---\ntitle: 笔记\nsummary: 摘要。\ndate: 2025-04-10\ndraft: true\n---\n\n正文。\n",
                     encoding="utf-8")
    commit_all(minimal_project, "draft")
    draft.unlink()
    result = check(minimal_project, "--base", "main")
    assert result.returncode == 0, result.output

