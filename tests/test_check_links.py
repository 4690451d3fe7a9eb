"""A green check means a green build: every link, image and anchor the strict build refuses,
`make check` refuses too, at the file and line where it is written; and every problem of a
file shows in one run (a wrong date no longer hides an unknown city)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from sitebuild import HUB_CLI, build, run

ARTICLE_EN = "docs/en/news/2025/first-article.md"


@dataclass(frozen=True)
class Broken:
    id: str
    file: str  # where the link is written
    text: str  # appended to the file, as its own paragraph
    url: str  # the address the build names in its warning
    check: str  # what `hub check` says, after `file:line: `


# Each one alone is refused by `mkdocs build --strict`; the line is where `text` lands.
BROKEN = [
    Broken("missing-page", ARTICLE_EN, "See [the plan](plan-2026.md).", "plan-2026.md",
           "link: a link to 'plan-2026.md', but docs/en/news/2025/plan-2026.md does not exist"),
    Broken("missing-image", ARTICLE_EN, "![The map](../../images/map.png)", "../../images/map.png",
           "image: a picture at docs/en/images/map.png, outside docs/assets/images/"),
    Broken("absolute-link", ARTICLE_EN, "Read [the news](/en/news/).", "/en/news/",
           "link: an absolute link '/en/news/'"),
    Broken("folder-link", ARTICLE_EN, "Read [the news](../../news/).", "../../news/",
           "link: a link to '../../news/', which names no file; did you mean ../index.md?"),
    Broken("anchor-here", ARTICLE_EN, "Back to [the start](#the-start).", "#the-start",
           "link: a link to '#the-start', but this page has no heading or anchor 'the-start'; "
           "its anchors are #a-subheading"),
    Broken("anchor-there", ARTICLE_EN, "See [who](../../policies/test-policy.md#who-can-apply).",
           "../../policies/test-policy.md#who-can-apply",
           "link: a link to '../../policies/test-policy.md#who-can-apply', but policies/test-policy.md has no "
           "heading or anchor 'who-can-apply'"),
    Broken("anchor-generated", ARTICLE_EN, "See [its news](../../cities/montpellier.md#newz).",
           "../../cities/montpellier.md#newz",
           "link: a link to '../../cities/montpellier.md#newz', but cities/montpellier.md has no heading or "
           "anchor 'newz'; did you mean #news?"),
    Broken("reference-link", "docs/zh/about/index.md", "见[计划][plan]。\n\n[plan]: ../news/2025/plan.md",
           "../news/2025/plan.md", "link: a link to '../news/2025/plan.md', but docs/zh/news/2025/plan.md does not "
           "exist"),
]


def _break(project: Path, case: Broken) -> int:
    """Append the case's text to its file; the line its first line lands on."""
    path = project / case.file
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    line = text.count("\n") + 1
    path.write_text(text + case.text + "\n", encoding="utf-8")
    return line


def _check(project: Path):
    return run([*HUB_CLI, "check"], project)


@pytest.mark.parametrize("case", BROKEN, ids=[case.id for case in BROKEN])
def test_check_refuses_with_file_and_line(case: Broken, minimal_project: Path) -> None:
    line = _break(minimal_project, case)
    checked = _check(minimal_project)
    assert checked.returncode == 1, checked.output
    problems = [text for text in checked.stdout.splitlines() if text.startswith("docs/")]
    assert len(problems) == 1, checked.output  # once, however many languages show the page
    # A reference link is reported where its address is written.
    line += 2 if case.id == "reference-link" else 0
    assert problems[0].startswith(f"{case.file}:{line}: {case.check}"), checked.output
    assert "Traceback" not in checked.output


@pytest.mark.slow
def test_the_strict_build_refuses_each_of_them(minimal_project: Path, tmp_path: Path) -> None:
    """Every case above is refused by the build (so the check is not stricter than it),
    each named in a warning of its own, and the check lists all of them in one run."""
    lines = {case.id: _break(minimal_project, case) for case in BROKEN}  # one after another
    lines["reference-link"] += 2
    checked = _check(minimal_project)
    for case in BROKEN:
        assert f"{case.file}:{lines[case.id]}: {case.check}" in checked.stdout, (case.id, checked.output)
    built = build(minimal_project, tmp_path / "site")
    assert built.result.returncode == 1, built.result.output
    warnings = [text for text in built.result.output.splitlines() if text.startswith("WARNING")]
    for case in BROKEN:
        assert any(f"'{case.url}'" in text for text in warnings), (case.id, built.result.output)


def test_links_that_work_pass(minimal_project: Path) -> None:
    """Generated pages, fallback pages, headings' ids as the toc extension makes them (a
    Chinese heading's is _1, _2…), attr_list ids, raw HTML ids. (Pictures in a page's text:
    tests/test_inline_pictures.py.)"""
    zh = minimal_project / "docs/zh/news/2025/first-article.md"
    zh.write_text(zh.read_text(encoding="utf-8") + (
        "\n## 合作领域：经贸 & 文化\n\n## Partners & trade: 2025\n\n### Who can apply? {#apply}\n\n"
        "<span id=\"raw\"></span>\n\n"
        "[城市](../../cities/montpellier.md#news) [归档](../../news/archive/2025.md)\n\n"
        "[本节](#_1) [Partners](#partners-trade-2025) [申请](#apply) [锚](#raw)\n\n"
        "[政策](../../policies/test-policy.md)\n\n"
        "[外站](https://example.org/x) [邮件](mailto:office@example.org) [翻译](../../about/translations.md)\n"
    ), encoding="utf-8")
    fr = minimal_project / "docs/fr/index.md"
    fr.write_text(fr.read_text(encoding="utf-8") + (
        "\n[Article](news/2025/first-article.md#a-subheading)\n"
        "[Explication](policies/test-policy.md#test-policy-explainer) [Passé](events/past.md)\n"
    ), encoding="utf-8")
    checked = _check(minimal_project)
    assert checked.returncode == 0, checked.output


@pytest.mark.slow
def test_links_that_pass_the_check_pass_the_build(minimal_project: Path, tmp_path: Path) -> None:
    test_links_that_work_pass(minimal_project)
    built = build(minimal_project, tmp_path / "site")
    assert built.result.returncode == 0, built.result.output


def test_generated_pages_are_known_exactly(minimal_project: Path) -> None:
    """The check's list of generated pages is the generators' own (hub.pages.generate, hub.pages.sections)."""
    from hub.editors.cli import load_settings
    from hub.editors.content import load_content
    from hub.editors.links_check import generated_uris
    from hub.pages.generate import generate_all
    from hub.pages.sections import GENERATORS
    from hub.site.render import Renderer

    settings = load_settings(minimal_project / "mkdocs.yml")
    ui, catalog = load_content(settings)
    made = {page.src_uri for page in generate_all(Renderer(settings, catalog, ui), GENERATORS)}
    assert generated_uris(settings, catalog) == made
    assert generated_uris(settings, None) >= made - {"news/topics/sister-cities.md"}


def test_pages_of_a_paged_archive_are_known_exactly(minimal_project: Path) -> None:
    """Years and topics with more articles than `archive_page_size` have pages 2…N; a city
    with more than `city_news` has a list of its own."""
    config = minimal_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    archive_page_size: 50\n" in text and "    city_news: 10\n" in text
    config.write_text(text.replace("    archive_page_size: 50\n", "    archive_page_size: 2\n")
                      .replace("    city_news: 10\n", "    city_news: 4\n"), encoding="utf-8")
    folder = minimal_project / "docs" / "zh" / "news" / "2024"
    folder.mkdir(parents=True)
    for day in range(1, 5):
        (folder / f"day-{day}.md").write_text(
            f"---\ntitle: 文章 {day}\nsummary: 摘要\ndate: 2024-03-0{day}\ntopics: [sister-cities]\n"
            "cities: [montpellier]\n---\n\n正文。\n", encoding="utf-8")
    from hub.editors.cli import load_settings
    from hub.editors.content import load_content
    from hub.editors.links_check import generated_uris
    from hub.pages.generate import generate_all
    from hub.pages.sections import GENERATORS
    from hub.site.render import Renderer

    settings = load_settings(config)
    ui, catalog = load_content(settings)
    known = generated_uris(settings, catalog)
    assert known == {page.src_uri for page in generate_all(Renderer(settings, catalog, ui), GENERATORS)}
    # 2024: four articles, two a page; the topic: those and the fixture's own, three pages.
    assert {"news/archive/2024/2.md", "news/topics/sister-cities/2.md", "news/topics/sister-cities/3.md"} <= known
    assert "news/archive/2024/3.md" not in known and "news/topics/sister-cities/4.md" not in known
    # Montpellier: those four and the fixture's own, more than its page shows.
    assert {"news/cities/montpellier.md", "news/cities/montpellier/2.md", "news/cities/montpellier/3.md"} <= known
    assert "news/cities/montpellier/4.md" not in known


# -- every problem of a file in one run ------------------------------------------------------------


def test_a_wrong_date_hides_nothing(minimal_project: Path) -> None:
    grant = minimal_project / "data/opportunities/test-grant.yml"
    grant.write_text(grant.read_text(encoding="utf-8")
                     .replace("published: 2025-04-01", "published: 2025-04-31")
                     .replace("topics: [sister-cities]", "topics: [sister-citys]")
                     .replace("cities: [montpellier]", "cities: [montpelier]")
                     .replace("sector: research-development", "sector: research"), encoding="utf-8")
    article = minimal_project / "docs/zh/news/2025/first-article.md"
    article.write_text(article.read_text(encoding="utf-8")
                       .replace("date: 2025-04-16", "date: 2025-02-30")
                       .replace("cities: [montpellier]", "cities: [paris]"), encoding="utf-8")
    checked = _check(minimal_project)
    found = {re.match(r"^(\S+:\d+: \w+):", line).group(1) for line in checked.stdout.splitlines()
             if re.match(r"^\S+:\d+: \w+:", line)}
    assert found == {
        "data/opportunities/test-grant.yml:4: sector",
        "data/opportunities/test-grant.yml:6: published",
        "data/opportunities/test-grant.yml:12: topics",
        "data/opportunities/test-grant.yml:13: cities",
        "docs/zh/news/2025/first-article.md:4: date",
        "docs/zh/news/2025/first-article.md:6: cities",
    }, checked.output


# -- YAML syntax errors say the usual fix ----------------------------------------------------------


@pytest.mark.parametrize(("front", "line", "fix"), [
    ("title: 成都: 友城大会", 2, "put the text in quotes: a ': ' inside a text starts a new field"),
    ("title: *Important* news", 2, "put the text in quotes: YAML does not let a text start with *"),
    ("title: @chengdu news", 2, "put the text in quotes: YAML does not let a text start with @"),
    ('title: "The conference', 4, "close the quote"),
    ("title: 'Chengdu's partners'", 2, "inside '…' write a single quote twice"),
    ('title: "Chengdu" today', 2, "text after a closing quote: put the whole text in quotes"),
    ("title: x\n  summary: y", 3, "indent this line like the line above it"),
    ("title x", 3, "the line above has no ': ' after a field name"),
    ("title: x\n\tsummary: y", 3, "indent with spaces; YAML does not allow tabs"),
    ("topics: [a, b", 3, "close the list with ]"),
])
def test_yaml_syntax_errors_say_the_fix(front: str, line: int, fix: str, minimal_project: Path) -> None:
    page = minimal_project / "docs/en/about/index.md"
    page.write_text(f"---\n{front}\nsummary: x\n---\n\nText.\n", encoding="utf-8")
    checked = _check(minimal_project)
    assert checked.returncode == 1
    problems = [text for text in checked.stdout.splitlines() if text.startswith("docs/en/about/index.md:")]
    assert len(problems) == 1, checked.output
    assert problems[0].startswith(f"docs/en/about/index.md:{line}: invalid YAML"), checked.output
    assert f"; {fix}" in problems[0], checked.output


def test_a_nav_entry_to_no_page_is_refused_at_its_line(minimal_project: Path) -> None:
    """mkdocs.yml's nav names pages by path: one that is in no language folder fails the
    strict build ("not found in the documentation files"), and the check."""
    config = minimal_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    line = text.split("\n").index("      - 参与贡献: about/contribute.md") + 1
    text = text.replace("参与贡献: about/contribute.md", "参与贡献: about/contributing.md")
    config.write_text(text, encoding="utf-8")
    checked = _check(minimal_project)
    assert checked.returncode == 1, checked.output
    assert checked.stdout.startswith(
        f"mkdocs.yml:{line}: nav: 'about/contributing.md', a page that is in no language folder; "
        "add docs/zh/about/contributing.md"), checked.output
