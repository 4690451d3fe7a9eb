"""The editors' commands (`python -m hub …`): check, new, translations and schema, run as
an editor runs them, on copies of the minimal fixture or on the repository itself."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sitebuild import HUB_CLI, ROOT, BuiltSite, build, run, site_languages

TODAY = "2026-11-25"


def hub(project: Path, *args: str, **env: str):
    return run([*HUB_CLI, *args], project, **env)


def heading(site: BuiltSite, url_path: str) -> str:
    """The page's h1 as a reader sees it (without the ¶ permalink)."""
    return site.soup(url_path).select_one("h1").get_text(strip=True).removesuffix("¶")


# -- check ---------------------------------------------------------------------------------------


def test_check_passes_on_the_repository() -> None:
    result = hub(ROOT, "check")
    assert result.returncode == 0, result.output
    assert re.fullmatch(r"All content is valid: \d+ news articles, \d+ policy explainers, \d+ partner cities, "
                        r"\d+ opportunities, \d+ events, \d+ topics, \d+ sectors; \d+ pages in zh, en, fr, ja\.\n",
                        result.stdout), result.stdout


def test_check_lists_every_problem_at_once(minimal_project: Path) -> None:
    grant = minimal_project / "data/opportunities/test-grant.yml"
    grant.write_text(grant.read_text(encoding="utf-8").replace("kind: grant", "kind: gift")
                     .replace("deadline: 2025-05-01", "deadline: 2025-03-01"), encoding="utf-8")
    event = minimal_project / "data/events/test-event.yml"
    event.write_text(event.read_text(encoding="utf-8").replace("Europe/Paris", "Paris"), encoding="utf-8")
    result = hub(minimal_project, "check")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "data/events/test-event.yml:5: timezone: 'Paris'; should be an IANA time zone, like Asia/Shanghai or "
        "Europe/Paris",
        "data/opportunities/test-grant.yml:5: kind: 'gift'; one of 'incentive', 'grant', 'partnership', "
        "'procurement' or 'call-for-participation'",
        "data/opportunities/test-grant.yml:7: deadline: '2025-03-01'; is before published (2025-04-01); a deadline "
        "cannot come before publication",
    ]
    assert lines[3] == "3 problems found in the content."
    assert "::error" not in result.stdout


def test_check_refuses_a_page_written_where_git_would_never_take_it(minimal_project: Path) -> None:
    """The folders of generated pages are in .gitignore: a page written there by hand would
    show in the editor's preview and never reach the published site."""
    shutil.copy2(ROOT / ".gitignore", minimal_project / ".gitignore")
    subprocess.run(["git", "init", "-q", str(minimal_project)], check=True)
    events = minimal_project / "docs/en/events"
    (events / "my-notes.md").write_text("---\ntitle: Notes\n---\n\nWritten by hand.\n", encoding="utf-8")
    (events / "test-event.md").write_text("---\nhub_generated: true\ntitle: Test event\n---\n\nx\n", encoding="utf-8")
    result = hub(minimal_project, "check")
    assert result.returncode == 1, result.output
    assert result.stdout.splitlines()[:2] == [
        "docs/en/events/my-notes.md: a page that git ignores, so it would never be published; move or rename it; "
        ".gitignore leaves out the pages the hub writes itself (cities, opportunities, events, news listings)",
        "1 problem found in the content.",
    ]
    (events / "my-notes.md").rename(minimal_project / "docs/en/about/my-notes.md")
    assert hub(minimal_project, "check").returncode == 0


def published(project: Path) -> None:
    """The project as a git checkout whose last commit is what is published."""
    git = ["git", "-C", str(project), "-c", "user.name=Hub", "-c", "user.email=hub@example.org"]
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "published"], check=True)


def test_check_against_what_is_published_wants_a_higher_sequence_for_a_new_schedule(minimal_project: Path) -> None:
    published(minimal_project)
    event = minimal_project / "data/events/test-event.yml"
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace("Test event", "Renamed test event"), encoding="utf-8")
    assert hub(minimal_project, "check", "--base", "HEAD").returncode == 0  # a new title: no new version needed
    event.write_text(text.replace('start: "2025-05-10 09:30"', 'start: "2025-05-10 10:00"')
                     .replace("Europe/Paris", "Europe/London"), encoding="utf-8")
    result = hub(minimal_project, "check", "--base", "HEAD")
    assert result.returncode == 1, result.output
    assert result.stdout.splitlines()[0] == (
        "data/events/test-event.yml: sequence: 0, as in HEAD, although start, timezone changed; raise it to 1, so "
        "that subscribed calendars take the new version"
    )
    assert hub(minimal_project, "check").returncode == 0  # without --base, nothing to compare with
    with open(event, "a", encoding="utf-8") as record:
        record.write("sequence: 1\n")
    assert hub(minimal_project, "check", "--base", "HEAD").returncode == 0


def test_check_against_what_is_published_refuses_a_deleted_event(minimal_project: Path) -> None:
    published(minimal_project)
    (minimal_project / "data/events/test-event.yml").unlink()
    result = hub(minimal_project, "check", "--base", "HEAD")
    assert result.returncode == 1, result.output
    assert (
        "data/events/test-event.yml: a published event deleted (it is in HEAD); restore the file and set "
        "`status: cancelled`, with `sequence` raised by one: a subscribed calendar keeps a deleted event for good; "
        "if it was renamed, add `aliases: [events/test-event/]` to the renamed record"
    ) in result.stdout.splitlines()


def test_check_against_a_ref_that_is_not_there_says_what_to_do(minimal_project: Path) -> None:
    published(minimal_project)
    result = hub(minimal_project, "check", "--base", "origin/main")
    assert result.returncode == 1
    assert result.stderr == ("error: --base: 'origin/main' is not a commit of this checkout; fetch it first "
                             "(git fetch origin main)\n")


def test_check_annotates_the_pull_request_inside_github_actions(minimal_project: Path) -> None:
    event = minimal_project / "data/events/test-event.yml"
    event.write_text(event.read_text(encoding="utf-8").replace("Europe/Paris", "Paris"), encoding="utf-8")
    result = hub(minimal_project, "check", GITHUB_ACTIONS="true")
    assert result.returncode == 1
    assert ("::error file=data/events/test-event.yml,line=5::timezone: 'Paris'; should be an IANA time zone, "
            "like Asia/Shanghai or Europe/Paris") in result.stdout.splitlines()


def test_check_reports_an_internal_error_without_a_traceback(
    minimal_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from hub.editors import cli, content, problems

    def broken(settings: object) -> None:
        raise RuntimeError("something the code did not expect")

    # Where the check looks it up (hub.editors.problems), and put back afterwards: a module first
    # imported under the patch would keep the broken function for every later test.
    monkeypatch.setattr(content, "load_content", broken)
    monkeypatch.setattr(problems, "load_content", broken)
    status = cli.main(["check", "-f", str(minimal_project / "mkdocs.yml")], out=io.StringIO())
    captured = capsys.readouterr()
    assert status == 2
    assert "internal error: RuntimeError: something the code did not expect" in captured.err
    assert "--debug" in captured.err
    assert "Traceback" not in captured.err + captured.out


def test_check_outside_the_repository_says_where_to_run_it(tmp_path: Path) -> None:
    result = hub(tmp_path, "check")
    assert result.returncode == 1
    assert "mkdocs.yml not found; run the command from the repository root" in result.stderr
    assert "Traceback" not in result.output


# -- new -----------------------------------------------------------------------------------------------


def fill_placeholders(text: str) -> str:
    """What an editor does with a stub: every TODO replaced by real text or a real value."""
    text = re.sub(r'"TODO: [^"]*"', '"Filled in"', text)
    text = re.sub(r"^TODO: .*$", "Filled in.", text, flags=re.MULTILINE)
    text = re.sub(r"^(\w+): TODO  # one of: ([a-z0-9-]+).*$", r"\1: \2", text, flags=re.MULTILINE)
    text = re.sub(r"^country: TODO .*$", 'country: "FR"', text, flags=re.MULTILINE)
    return re.sub(r"^established: TODO .*$", "established: 1990", text, flags=re.MULTILINE)


@pytest.mark.slow
def test_new_content_of_every_kind_is_checked_filled_and_built(minimal_project: Path, tmp_path: Path) -> None:
    written = {}
    for kind in ("article", "policy", "opportunity", "event", "city"):
        result = hub(minimal_project, "new", kind, "成都国际友城大会", HUB_BUILD_DATE=TODAY)
        assert result.returncode == 0, result.output
        written[kind] = [line.strip() for line in result.stdout.splitlines() if line.startswith("  ")
                         and not line.strip()[0].isdigit()]
        assert "make check" in result.stdout
    slug = "chengdu-guo-ji-you-cheng-da-hui"
    assert written == {
        "article": [f"docs/zh/news/2026/{slug}.md", f"docs/en/news/2026/{slug}.md"],
        "policy": [f"docs/zh/policies/{slug}.md", f"docs/en/policies/{slug}.md"],
        "opportunity": [f"data/opportunities/{slug}.yml"],
        "event": [f"data/events/{slug}.yml"],
        "city": [f"data/cities/{slug}.yml"],
    }
    article = (minimal_project / written["article"][0]).read_text(encoding="utf-8")
    assert article.startswith('---\ntitle: "成都国际友城大会"\n')
    assert f"\ndate: {TODAY}\n" in article
    assert (minimal_project / written["event"][0]).read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schema/event.schema.json\n")

    # The stubs are valid in form: the check names only what is left to write.
    checked = hub(minimal_project, "check")
    assert checked.returncode == 1
    problems = checked.stdout.splitlines()[:-2]
    assert problems and all("the placeholder 'TODO" in line for line in problems), checked.stdout
    assert {line.split(":")[0] for line in problems} == {path for paths in written.values() for path in paths}

    for paths in written.values():
        for path in paths:
            target = minimal_project / path
            target.write_text(fill_placeholders(target.read_text(encoding="utf-8")), encoding="utf-8")
    checked = hub(minimal_project, "check")
    assert checked.returncode == 0, checked.output

    built = build(minimal_project, tmp_path / "site", HUB_BUILD_DATE=TODAY)
    assert built.result.returncode == 0, built.result.output
    assert heading(built, f"news/2026/{slug}/") == "成都国际友城大会"
    for url_path in (f"en/news/2026/{slug}/", f"policies/{slug}/", f"opportunities/{slug}/", f"events/{slug}/",
                     f"cities/{slug}/"):
        assert built.path(url_path).is_file(), url_path


def test_new_refuses_to_overwrite(minimal_project: Path) -> None:
    first = hub(minimal_project, "new", "event", "Montpellier week", "--lang", "en", HUB_BUILD_DATE=TODAY)
    assert first.returncode == 0, first.output
    path = minimal_project / "data/events/montpellier-week.yml"
    before = path.read_text(encoding="utf-8")
    again = hub(minimal_project, "new", "event", "Montpellier week", "--lang", "en", HUB_BUILD_DATE=TODAY)
    assert again.returncode == 1
    assert "data/events/montpellier-week.yml already exists; nothing was written" in again.stderr
    assert path.read_text(encoding="utf-8") == before


def test_new_article_refuses_a_slug_used_in_another_year(minimal_project: Path) -> None:
    result = hub(minimal_project, "new", "article", "Another first article", "--slug", "first-article",
                 "--date", "2026-01-05")
    assert result.returncode == 1
    assert "docs/en/news/2025/first-article.md already exists" in result.stderr
    assert not (minimal_project / "docs/zh/news/2026").exists()


@pytest.mark.parametrize("slug", ["../escape", "Upper-Case", "with space", "a\\b", "/etc/passwd", "c:-x", "a--b"])
def test_new_refuses_a_slug_that_is_not_url_safe(minimal_project: Path, slug: str) -> None:
    before = sorted(p.relative_to(minimal_project) for p in minimal_project.rglob("*"))
    result = hub(minimal_project, "new", "opportunity", "Grant", "--slug", slug)
    assert result.returncode == 1
    assert f"--slug '{slug}' cannot be used: lowercase a-z, digits and single hyphens" in result.stderr
    assert sorted(p.relative_to(minimal_project) for p in minimal_project.rglob("*")) == before


def test_new_with_the_title_in_english_and_a_date(minimal_project: Path) -> None:
    result = hub(minimal_project, "new", "article", "Manchester: a new partner city", "--lang", "en",
                 "--date", "2025-04-17")
    assert result.returncode == 0, result.output
    zh = (minimal_project / "docs/zh/news/2025/manchester-a-new-partner-city.md").read_text(encoding="utf-8")
    en = (minimal_project / "docs/en/news/2025/manchester-a-new-partner-city.md").read_text(encoding="utf-8")
    assert 'title: "TODO: title, in Chinese"' in zh
    assert "\ndate: 2025-04-17\n" in zh
    assert en.startswith('---\ntitle: "Manchester: a new partner city"\n')
    assert "date:" not in en  # facts stay in the original


def test_new_in_french_stubs_the_french_translation_too(minimal_project: Path) -> None:
    result = hub(minimal_project, "new", "policy", "Mesures pour l'investissement étranger", "--lang", "fr")
    assert result.returncode == 0, result.output
    slug = "mesures-pour-l-investissement-etranger"
    assert [p.parent.parent.name for p in sorted(minimal_project.glob(f"docs/*/policies/{slug}.md"))] == [
        "en", "fr", "zh"]


def test_new_asks_for_a_slug_when_the_title_gives_none(minimal_project: Path) -> None:
    result = hub(minimal_project, "new", "event", "ロードショー", "--lang", "ja")
    assert result.returncode == 1
    assert "give one with --slug" in result.stderr


@pytest.mark.parametrize(("title", "slug"), [
    ("成都国际友城大会", "chengdu-guo-ji-you-cheng-da-hui"),
    ("2025成都—槟城直飞航线开通", "2025-chengdu-bin-cheng-zhi-fei-hang-xian-kai-tong"),
    ("重庆", "chong-qing"),
    ("Coopération Montpellier–Chengdu", "cooperation-montpellier-chengdu"),
    ("  Many   spaces & symbols!? ", "many-spaces-symbols"),
])
def test_titles_become_url_safe_slugs(title: str, slug: str) -> None:
    from hub.safety.slugs import is_slug, slugify

    assert slugify(title) == slug
    assert is_slug(slug)


def test_city_names_in_a_title_use_their_id() -> None:
    from hub.safety.slugs import slugify

    assert slugify("曼彻斯特成为成都友城", known={"曼彻斯特": "manchester"}) == "manchester-cheng-wei-chengdu-you-cheng"


# -- translations ---------------------------------------------------------------------------------------


def git(project: Path, *args: str, when: str = "2025-04-16T10:00:00+08:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "Editor",
           "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor",
           "GIT_COMMITTER_EMAIL": "editor@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args], cwd=project,
                   env=env, check=True, capture_output=True)


@pytest.fixture
def project_with_history(minimal_project: Path) -> Path:
    """The minimal project in git: everything committed on 16 April 2025, then the Chinese
    original of the article changed on 20 April, after its English translation."""
    git(minimal_project, "init", "-q")
    git(minimal_project, "add", ".")
    git(minimal_project, "commit", "-q", "-m", "content")
    original = minimal_project / "docs/zh/news/2025/first-article.md"
    original.write_text(original.read_text(encoding="utf-8").replace("正文第一段。", "正文第一段，已修改。"),
                        encoding="utf-8")
    git(minimal_project, "commit", "-q", "-am", "change the original", when="2025-04-20T09:00:00+08:00")
    return minimal_project


def test_translations_report_missing_and_outdated_from_git_history(project_with_history: Path) -> None:
    result = hub(project_with_history, "translations")
    assert result.returncode == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == ("Translations of the Chinese originals (outdated = the original has a later commit than "
                        "the translation)")
    assert ("  outdated  docs/en/news/2025/first-article.md  original changed 2025-04-20, translation 2025-04-16"
            in lines)
    # fr translators are pointed to the English text, which exists.
    assert ("  missing   docs/fr/news/2025/first-article.md  (original docs/zh/news/2025/first-article.md; "
            "translate from the English, docs/en/news/2025/first-article.md)" in lines)
    assert ("  missing   docs/fr/policies/test-policy.md  (original docs/zh/policies/test-policy.md; "
            "translate from the English, docs/en/policies/test-policy.md)" in lines)
    # fr is optional in records: the grant and the event have no French text.
    assert "  record    data/events/test-event.yml  test-event: title, summary, place" in lines
    assert not any(line.startswith("  missing   docs/en/") for line in lines)
    only = hub(project_with_history, "translations", "--lang", "ja")
    assert [line for line in only.stdout.splitlines() if re.match(r"^[a-z]{2} \(", line)] == [
        line for line in lines if line.startswith("ja (")]


def test_translations_uses_the_working_tree_for_uncommitted_changes(project_with_history: Path) -> None:
    translation = project_with_history / "docs/en/news/2025/first-article.md"
    translation.write_text(translation.read_text(encoding="utf-8") + "\nUpdated.\n", encoding="utf-8")
    result = hub(project_with_history, "translations")
    assert "outdated  docs/en/news/2025/first-article.md" not in result.stdout


def test_translations_in_a_shallow_clone_say_outdated_is_unknown(project_with_history: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{project_with_history}", str(clone)],
                   check=True, capture_output=True)
    result = hub(clone, "translations")
    assert result.returncode == 0, result.output
    assert "a shallow clone has no history: outdated translations cannot be told" in result.stdout
    assert "outdated  " not in result.stdout


def test_translations_outside_git_use_file_times(minimal_project: Path) -> None:
    original = minimal_project / "docs/zh/news/2025/first-article.md"
    translation = minimal_project / "docs/en/news/2025/first-article.md"
    os.utime(translation, (1744768800, 1744768800))  # 2025-04-16 10:00 in Shanghai
    os.utime(original, (1745110800, 1745110800))  # 2025-04-20 09:00
    result = hub(minimal_project, "translations")
    assert "not a git checkout: outdated is judged from file modification times" in result.stdout
    assert ("  outdated  docs/en/news/2025/first-article.md  original changed 2025-04-20, translation 2025-04-16"
            in result.stdout.splitlines())


@pytest.mark.slow
def test_translation_page_lists_the_same_and_does_not_depend_on_the_clock(
    project_with_history: Path, tmp_path: Path
) -> None:
    first = build(project_with_history, tmp_path / "one", HUB_BUILD_DATE="2025-04-20")
    second = build(project_with_history, tmp_path / "two", HUB_BUILD_DATE="2026-01-31")
    assert first.result.returncode == 0, first.result.output
    assert second.result.returncode == 0, second.result.output
    for prefix in ("", "en/", "fr/", "ja/"):
        assert first.path(prefix + "about/translations/").read_bytes() == \
            second.path(prefix + "about/translations/").read_bytes()
    page = first.soup("en/about/translations/")
    outdated = page.select_one("#translations-en-outdated + ul")
    link = outdated.select_one("a")
    assert link["href"] == "/hub/en/news/2025/first-article/"
    assert link.get_text() == "First article"
    assert "original changed Apr 20, 2025, translation Apr 16, 2025" in outdated.get_text()
    missing = [a["href"] for a in page.select("#translations-fr-missing + ul a")]
    assert missing == ["/hub/news/2025/first-article/", "/hub/policies/test-policy/"]
    rows = {tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.select("td")]
            for tr in page.select("table.hub-translations tbody tr")}
    assert list(rows) == ["English", "French", "Japanese"]
    done, total = (int(number) for number in rows["French"][0].split(" / "))
    assert (total - done, rows["French"][1], rows["English"][1]) == (2, "0", "1")
    assert heading(first, "fr/about/translations/") == "Traductions"


def test_translation_page_is_in_every_language_and_under_about(site: BuiltSite) -> None:
    for prefix, about, title in (("", "关于", "翻译进度"), ("en/", "About", "Translations"),
                                 ("fr/", "À propos", "Traductions"), ("ja/", "概要", "翻訳状況")):
        page = site.soup(prefix + "about/translations/")
        assert heading(site, prefix + "about/translations/") == title
        label = next(label for label in page.select("nav.md-nav--primary label.md-nav__link")
                     if label.get_text(strip=True) == about)
        entries = [a.get_text(strip=True) for a in label.find_parent("li").select("a.md-nav__link")]
        assert title in entries, (prefix, entries)
        assert page.select_one("table.hub-translations") is not None


# -- schema --------------------------------------------------------------------------------------------


def test_committed_schemas_match_the_models() -> None:
    from hub.editors.schema import schema_files

    for path, text in schema_files(ROOT, site_languages()).items():
        assert path.is_file(), f"{path.relative_to(ROOT)} is missing: run `make schema`"
        assert path.read_text(encoding="utf-8") == text, f"{path.relative_to(ROOT)} is out of date: run `make schema`"
    result = hub(ROOT, "schema", "--check")
    assert result.returncode == 0, result.output


def test_schema_check_fails_when_a_schema_drifts(minimal_project: Path) -> None:
    from hub.editors.schema import schema_files

    for path, text in schema_files(minimal_project, site_languages()).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.replace('"additionalProperties": false', '"additionalProperties": true', 1),
                        encoding="utf-8")
    result = hub(minimal_project, "schema", "--check")
    assert result.returncode == 1
    assert result.stdout.startswith("Out of date (run `python -m hub schema`): data/schema/city.schema.json")
    written = hub(minimal_project, "schema")
    assert written.returncode == 0
    assert hub(minimal_project, "schema", "--check").returncode == 0


def test_every_data_file_names_its_schema_on_the_first_line() -> None:
    from hub.editors.schema import schema_reference

    data_files = sorted(p for p in (ROOT / "data").rglob("*.yml"))
    assert data_files
    for path in data_files:
        rel = path.relative_to(ROOT).as_posix()
        reference = schema_reference(rel)
        assert reference is not None, rel
        first_line = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first_line == f"# yaml-language-server: $schema={reference}", rel
        assert (path.parent / reference).resolve().is_file(), rel


def test_schemas_accept_the_real_data_and_reject_typos() -> None:
    from hub.editors.schema import schema_reference
    from hub.safety.yamlsafe import decode, load_yaml
    from jsonschema import Draft202012Validator

    for path in sorted((ROOT / "data").rglob("*.yml")):
        schema_file = (path.parent / schema_reference(path.relative_to(ROOT).as_posix())).resolve()
        validator = Draft202012Validator(json.loads(schema_file.read_text(encoding="utf-8")))
        record = load_yaml(decode(path.read_bytes())).value
        assert list(validator.iter_errors(record)) == [], path
        if path.parent.name == "cities":
            typo = {**record, "contry": record["country"]}
            assert any("contry" in error.message for error in validator.iter_errors(typo))
            no_english = {**record, "name": {"zh": record["name"]["zh"]}}
            assert any("'en' is a required property" in error.message for error in validator.iter_errors(no_english))
