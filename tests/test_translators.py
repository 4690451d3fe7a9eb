"""What translators and editors get from the command line: the changes to an original since
its translation (hub/editors/translation_diff.py), a translation started from the best source
(hub/pages/translation_stub.py), and short slugs for new content (hub/editors/scaffold.py)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from sitebuild import HUB_CLI, ROOT, run


def git(project: Path, *args: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "Editor",
           "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor",
           "GIT_COMMITTER_EMAIL": "editor@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args], cwd=project,
                   env=env, check=True, capture_output=True)


def hub(project: Path, *args: str):
    return run([*HUB_CLI, *args], project)


@pytest.fixture
def history(minimal_project: Path) -> Path:
    """Translated on 16 April; the original's second paragraph rewritten on 20 April."""
    git(minimal_project, "init", "-q", when="2025-04-16T10:00:00+08:00")
    git(minimal_project, "add", ".", when="2025-04-16T10:00:00+08:00")
    git(minimal_project, "commit", "-q", "-m", "content", when="2025-04-16T10:00:00+08:00")
    original = minimal_project / "docs/zh/news/2025/first-article.md"
    original.write_text(original.read_text(encoding="utf-8").replace("正文第二段", "改写后的第二段"), encoding="utf-8")
    git(minimal_project, "commit", "-q", "-am", "rewrite", when="2025-04-20T09:00:00+08:00")
    return minimal_project


def test_translations_show_what_changed_in_the_original_since_the_translation(history: Path) -> None:
    result = hub(history, "translations", "--lang", "en")
    assert result.returncode == 0, result.output
    lines = result.stdout.splitlines()
    at = lines.index("  outdated  docs/en/news/2025/first-article.md  original changed 2025-04-20, "
                     "translation 2025-04-16")
    assert lines[at + 1].startswith("            what changed in docs/zh/news/2025/first-article.md since ")
    changed = lines[at + 2 : at + 8]
    assert "            | -正文第二段，见[政策](../../policies/test-policy.md)。" in changed
    assert "            | +改写后的第二段，见[政策](../../policies/test-policy.md)。" in changed


def test_translations_show_uncommitted_changes_to_the_original_too(history: Path) -> None:
    original = history / "docs/zh/news/2025/first-article.md"
    original.write_text(original.read_text(encoding="utf-8") + "\n新的一段。\n", encoding="utf-8")
    result = hub(history, "translations", "--lang", "en")
    assert "            | +新的一段。" in result.stdout.splitlines()


def test_a_french_translator_of_an_outdated_page_is_pointed_to_the_english_text(history: Path) -> None:
    french = history / "docs/fr/news/2025/first-article.md"
    french.parent.mkdir(parents=True, exist_ok=True)
    french.write_text("---\ntitle: Premier article\nsummary: Un résumé.\n---\n\nTexte.\n", encoding="utf-8")
    git(history, "add", ".", when="2025-04-18T09:00:00+08:00")
    git(history, "commit", "-q", "-m", "fr", when="2025-04-18T09:00:00+08:00")
    original = history / "docs/zh/news/2025/first-article.md"
    original.write_text(original.read_text(encoding="utf-8") + "\n新的一段。\n", encoding="utf-8")
    git(history, "commit", "-q", "-am", "zh", when="2025-04-22T09:00:00+08:00")
    lines = hub(history, "translations", "--lang", "fr").stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  outdated  docs/fr/news/2025/first-article.md"))
    assert lines[at + 1] == "            the English text: docs/en/news/2025/first-article.md"


def test_new_translation_starts_from_the_english_text(minimal_project: Path) -> None:
    result = hub(minimal_project, "new", "translation", "--page", "news/2025/first-article", "--lang", "fr")
    assert result.returncode == 0, result.output
    assert "docs/fr/news/2025/first-article.md  (from the English text, docs/en/news/2025/first-article.md)" \
        in result.stdout
    text = (minimal_project / "docs/fr/news/2025/first-article.md").read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "TODO: translate into French: First article"\n')
    assert "\nFirst paragraph.\n" in text
    # Until it is translated, the check names every TODO with its line.
    check = hub(minimal_project, "check")
    assert check.returncode == 1
    for line in (2, 3, 6):
        assert f"docs/fr/news/2025/first-article.md:{line}: " in check.stdout
    # Translated, it passes.
    (minimal_project / "docs/fr/news/2025/first-article.md").write_text(
        "---\ntitle: Premier article\nsummary: Un résumé.\n---\n\nPremier paragraphe.\n", encoding="utf-8")
    assert hub(minimal_project, "check").returncode == 0


@pytest.mark.parametrize(("page", "message"), [
    ("news/2025/first-article.md", "docs/fr/news/2025/first-article.md already exists"),
    ("news/2025/nothing-here", "PAGE=news/2025/nothing-here: no page docs/zh/news/2025/nothing-here.md to translate"),
])
def test_new_translation_refuses_what_it_cannot_do(minimal_project: Path, page: str, message: str) -> None:
    (minimal_project / "docs/fr/news/2025").mkdir(parents=True, exist_ok=True)
    (minimal_project / "docs/fr/news/2025/first-article.md").write_text("---\ntitle: x\nsummary: y\n---\n")
    result = hub(minimal_project, "new", "translation", "--page", page, "--lang", "fr")
    assert result.returncode == 1
    assert message in result.stderr


def test_make_new_translation_from_the_makefile(minimal_project: Path) -> None:
    import shutil

    shutil.copy2(ROOT / "Makefile", minimal_project / "Makefile")
    (minimal_project / ".venv").symlink_to(ROOT / ".venv")
    (minimal_project / "scripts").mkdir()
    (minimal_project / "scripts/setup.sh").write_text("exit 0\n")
    done = subprocess.run(["make", "-s", "new", "KIND=translation", "PAGE=policies/test-policy", "LANG=ja"],
                          cwd=minimal_project, capture_output=True, text=True, env={**os.environ, "LANG": "C.UTF-8"})
    assert done.returncode == 0, done.stdout + done.stderr
    text = (minimal_project / "docs/ja/policies/test-policy.md").read_text(encoding="utf-8")
    assert 'official_title_translation: "TODO: translate into Japanese: Test Measures' in text


def test_new_proposes_a_short_slug_from_the_english_title(minimal_project: Path) -> None:
    result = hub(minimal_project, "new", "article", "成都国际友城合作与发展大会开幕式暨青年创新论坛在天府新区隆重举行",
                 "--title-en", "Sister cities conference opens", "--date", "2025-04-16")
    assert result.returncode == 0, result.output
    assert "warning" not in result.stdout
    english = minimal_project / "docs/en/news/2025/sister-cities-conference-opens.md"
    assert "title: \"Sister cities conference opens\"" in english.read_text(encoding="utf-8")


def test_new_cuts_a_long_slug_between_words_and_says_so(minimal_project: Path) -> None:
    title = "成都国际友城合作与发展大会开幕式暨青年创新论坛在天府新区隆重举行"
    result = hub(minimal_project, "new", "article", title, "--date", "2025-04-16")
    assert result.returncode == 0, result.output
    written = next((minimal_project / "docs/zh/news/2025").glob("chengdu-*.md")).stem
    assert len(written) <= 50 and not written.endswith("-")
    assert f"warning: the slug was cut to {len(written)} characters: '{written}'; for a better one, give an " \
        "English title (TITLE_EN=\"…\") or the slug itself (SLUG=…)" in result.stdout


def test_new_warns_about_a_long_slug_given_by_hand(minimal_project: Path) -> None:
    slug = "a-very-long-slug-that-nobody-will-ever-type-into-a-browser-bar"
    result = hub(minimal_project, "new", "article", "标题", "--slug", slug, "--date", "2025-04-16")
    assert result.returncode == 0, result.output
    assert f"warning: the slug '{slug}' has {len(slug)} characters" in result.stdout
