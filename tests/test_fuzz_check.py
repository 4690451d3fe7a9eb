"""Property-based tests of the content check: whatever a pull request puts in a record, a
page's front matter, a Markdown field or the file tree of docs/, `hub check` either
passes, and then what it let through is harmless, or fails with every problem located
(`file[:line]: …; …`), and never with a traceback.

The fuzz budget (SECURITY.md): each of the four properties runs FUZZ_EXAMPLES examples
(25) with a deadline of 5 s each, derandomized, so that a CI run is repeatable and
bounded: about 35 s for the four (one in-process check takes about 0.3 s on the minimal
fixture), and 35 s for the one real build of every attack that passes the check (marked
slow). `HUB_FUZZ_EXAMPLES=500` runs a longer, randomised search locally; a failure it
finds is printed by Hypothesis as the smallest example.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr
from datetime import timedelta
from pathlib import Path

import pytest
from hostile_site import executable_content
from hub.editors.cli import main
from hub.source.models import PageMeta
from hub.source.prose import safe_markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from mkdocs.utils.meta import get_data
from sitebuild import MINIMAL, build, copy_project

FUZZ_EXAMPLES = int(os.environ.get("HUB_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=timedelta(seconds=5),
    derandomize="HUB_FUZZ_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

LANGUAGES = ("zh", "en", "fr", "ja")
SECRET = "HUB-FUZZ-SECRET-91c2"
# A problem as the check prints it: a path in the project, maybe a line, then what was
# found and what is expected.
LOCATED = re.compile(r"^(?:docs/|data/|overrides/|mkdocs\.yml)[^\n]*?(?::\d+)?: .+; .+$")

# -- what a hostile contributor writes --------------------------------------------------------

ATTACKS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "]]><x>", "&#x3C;script&#x3E;",
    "{{ config }}", "{% raw %}", "\u2028\u2029", "\x00", "\x1b[31m", "\ufffe", "%0A::error file=x::forged",
    "\n::error file=mkdocs.yml::forged", "::warning::x", "a, b: c", "NO", "yes", "~", "null", "1e999", ".inf", ".nan",
    "-0", "0x1F", "2025-02-30", "2025-04-16 25:00", "<svg onload=alert(1)>", "\"'><", "*a", "&a x", "!!binary aGk=",
    "!!python/object:os.system", "<<: {a: 1}", "? [x]", "{", "[", "|", ">-", "#", "---", "...", "%YAML 1.1",
    "[x](javascript:alert(1))", "<a href='java&#x09;script:alert(1)'>x</a>", "\t", "\r", "\\", "''", "\"",
]
TEXT = st.one_of(
    st.sampled_from(ATTACKS),
    st.text(max_size=30),
    st.text(alphabet=st.characters(max_codepoint=0x2FF), max_size=30),
    st.text(alphabet="0123456789", min_size=15, max_size=6000),
    st.builds(lambda a, b: a + b, st.sampled_from(ATTACKS), st.text(max_size=10)),
)


def yaml_forms(value: str) -> st.SearchStrategy[str]:
    """`value` written as YAML would let an editor write it: plain, quoted (with escapes)
    or as a block."""
    block = "|\n" + "\n".join("      " + line for line in value.split("\n"))
    return st.sampled_from([
        value, json.dumps(value), json.dumps(value, ensure_ascii=False), "'" + value.replace("'", "''") + "'", block,
    ])


YAML_VALUE = TEXT.flatmap(yaml_forms)
MARKDOWN_PIECES = ["- ", "> ", "1. ", "[", "]", "(", ")", "<div markdown>", "</div>", "*", "_", "`", "\\", "# ", "\n",
                   "\n\n", "    ", "x", "<script>", "javascript:", "&#", "|", "<a ", "![x](javascript:1)", "<", "~~~"]
# What crashed or stalled Python-Markdown before the limits (hub.source.markdown_limits).
PATHOLOGICAL = ["- " * 900 + "x", "> " * 900 + "x", "<div markdown>\n" * 1000, "*" * 5000 + "x" + "*" * 5000,
                "[" * 8000 + "x", "<a " * 8000, "## h\n" * 4000, "\\" * 100_000]
MARKDOWN = st.one_of(
    st.sampled_from(PATHOLOGICAL),
    st.lists(
        st.tuples(st.sampled_from(MARKDOWN_PIECES), st.integers(min_value=1, max_value=1200)), min_size=1, max_size=6,
    ).map(lambda parts: "".join(piece * count for piece, count in parts)),
)

# -- running the check -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("fuzz") / "project", content_from=MINIMAL)


@contextmanager
def changed(project: Path, files: dict[str, str | bytes]) -> Iterator[None]:
    """The project with `files` written (relative paths), as it was afterwards."""
    saved = {rel: (project / rel).read_bytes() for rel in files if (project / rel).is_file()}
    created = []
    try:
        for rel, content in files.items():
            path = project / rel
            for parent in reversed(path.relative_to(project).parents):
                if not (project / parent).exists():
                    created.append(project / parent)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
            if rel not in saved:
                created.append(path)
        yield
    finally:
        for path in reversed(created):
            if path.is_symlink() or path.is_file():
                path.unlink()
            elif path.is_dir():
                shutil.rmtree(path)
        for rel, content in saved.items():
            if (project / rel).is_symlink():
                (project / rel).unlink()  # never write through it
            (project / rel).write_bytes(content)


def hub_check(project: Path) -> tuple[int, list[str]]:
    """`make check` in this process: (exit status, the problems printed)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stderr(err):
        code = main(["check", "-f", str(project / "mkdocs.yml")], out=out)
    assert "Traceback" not in out.getvalue() + err.getvalue()
    assert code in (0, 1), err.getvalue()
    assert err.getvalue() == "", err.getvalue()
    lines = out.getvalue().splitlines()
    if code == 0:
        return code, []
    problems = lines[: lines.index(next(line for line in lines if re.fullmatch(r"\d+ problems? found in the content\.",
                                                                                  line)))]
    assert problems, lines
    unlocated = [line for line in problems if not LOCATED.match(line)]
    assert unlocated == []
    return code, problems


# -- properties --------------------------------------------------------------------------------

EVENT = "data/events/test-event.yml"
LOCALIZED = ("title", "summary", "place", "description", "organiser")
SCALARS = ("start", "end", "timezone", "url", "published", "sequence", "status", "cities", "unknown_key")


@FUZZ
@given(field=st.sampled_from(LOCALIZED + SCALARS), value=YAML_VALUE)
def test_any_value_in_a_record_passes_or_is_located(project: Path, field: str, value: str) -> None:
    lines = [line for line in (project / EVENT).read_text(encoding="utf-8").splitlines()
             if not line.startswith(f"{field}:")]
    if field in LOCALIZED:
        lines.append(f"{field}:\n  zh: 中文\n  en: {value}")
    else:
        lines.append(f"{field}: {value}")
    with changed(project, {EVENT: "\n".join(lines) + "\n"}):
        code, problems = hub_check(project)
        if code == 1:
            assert any(line.startswith(EVENT) for line in problems), problems


FRONT_OPEN = ["---\n", "--- \n", "---\t\n", "", "----\n", "---\r\n"]
FRONT_CLOSE = ["---\n", "...\n", "--- \n", "---", "\n"]
KEYS = ["title", "description", "hide", "template", "extra_javascript", "summary", "date", "on", "hub_generated",
        "Title", "meta", "<<", "? x", "x-y"]


@FUZZ
@given(
    opening=st.sampled_from(FRONT_OPEN), closing=st.sampled_from(FRONT_CLOSE),
    pairs=st.lists(st.tuples(st.sampled_from(KEYS), YAML_VALUE), max_size=4),
    body=st.one_of(st.sampled_from(ATTACKS), MARKDOWN),
)
def test_any_front_matter_passes_or_is_located(project: Path, opening: str, closing: str,
                                               pairs: list[tuple[str, str]], body: str) -> None:
    front = "".join(f"{key}: {value}\n" for key, value in pairs)
    text = f"{opening}{front}{closing}\n{body}\n"
    page = "docs/zh/about/index.md"
    with changed(project, {page: text}):
        code, _problems = hub_check(project)
        if code == 0:
            # Whatever MkDocs itself reads as the page's settings, the check has validated.
            _body, meta = get_data(text.replace("\r\n", "\n"))
            assert set(meta) <= set(PageMeta.model_fields), meta


NAMES = ["index", "sw", "bundle", "favicon", "logo", "page", "manifest", ".hidden"]
SUFFIXES = [".md", ".js", ".mjs", ".svg", ".png", ".jpg", ".JPG", ".jpeg", ".webp", ".html", ".css", ".webmanifest",
            ".woff2", ".MD", ".markdown", ".txt", ""]
FOLDERS = [*LANGUAGES, "assets", "images", "javascripts", "stylesheets", "about", "news", ".well-known"]
RELPATH = st.tuples(
    st.lists(st.sampled_from(FOLDERS), max_size=3), st.sampled_from(NAMES), st.sampled_from(SUFFIXES),
).map(lambda t: "/".join([*t[0], t[1] + t[2]]))
IMAGE_TYPES = (".jpg", ".jpeg", ".png", ".webp")


def may_publish(rel: str) -> bool:
    """The rule of SECURITY.md, written again independently of hub.safety.publishable."""
    parts = rel.split("/")
    if any(part.startswith(".") for part in parts):
        return True  # hidden: MkDocs does not publish it
    if parts[0] in LANGUAGES:
        return parts[-1].endswith(".md")
    if parts[:2] == ["assets", "images"] and len(parts) > 2:
        return parts[-1].lower().endswith(IMAGE_TYPES)
    return False


@FUZZ
@given(files=st.lists(RELPATH, min_size=1, max_size=4, unique=True), link=st.sampled_from([None, *range(4)]))
def test_any_file_tree_passes_only_when_everything_may_be_published(project: Path, files: list[str],
                                                                    link: int | None) -> None:
    paths = [f"docs/{rel}" for rel in files]
    if any(a != b and b.startswith(a + "/") for a in paths for b in paths):
        return  # a file and a folder of the same name: not a tree
    content = {path: "---\ntitle: x\n---\n\nText.\n" if path.endswith(".md") else "<script>alert(1)</script>\n"
               for path in paths}
    secret = project.parent / "secret.md"
    secret.write_text(f"---\n{SECRET}: x\n---\n", encoding="utf-8")
    with changed(project, content):
        linked = paths[link] if link is not None and link < len(paths) else None
        if linked:
            (project / linked).unlink()
            os.symlink(secret, project / linked)
        code, problems = hub_check(project)
        assert not any(SECRET in line for line in problems)
        if linked and not any(part.startswith(".") for part in linked.split("/")):
            assert code == 1 and any(line.startswith(f"{linked}: a symbolic link") for line in problems)
        for rel in files:
            if not may_publish(rel):
                assert code == 1 and any(line.startswith(f"docs/{rel}") for line in problems), (rel, problems)


@FUZZ
@given(text=MARKDOWN)
def test_any_markdown_field_passes_or_is_located_and_converts_to_nothing_executable(project: Path, text: str) -> None:
    lines = [line for line in (project / EVENT).read_text(encoding="utf-8").splitlines()
             if not line.startswith("description:")]
    lines.append(f"description: {{zh: 说明, en: {json.dumps(text)}}}")
    with changed(project, {EVENT: "\n".join(lines) + "\n"}):
        code, problems = hub_check(project)
    if code == 0:
        # With the recursion limit a build has: Hypothesis raises it while a test runs.
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(1000)
        try:
            converted = str(safe_markdown(text.strip()))
        finally:
            sys.setrecursionlimit(limit)
        assert executable_content(converted) == []
    else:
        assert any(line.startswith(f"{EVENT}:") for line in problems), problems


# -- one real build of what passed ------------------------------------------------------------

@pytest.mark.slow
def test_hostile_values_that_pass_the_check_build_to_nothing_executable(tmp_path: Path) -> None:
    """Every attack above in its own event (title, summary, place, description), in the
    front matter of a page (title, description) and as the body of another: those the
    check refuses are dropped, the rest is built for real, and no page or feed of the
    result holds anything that runs."""
    project = copy_project(tmp_path / "project", content_from=MINIMAL)
    event = (project / EVENT).read_text(encoding="utf-8")
    for index, value in enumerate(ATTACKS):
        quoted = json.dumps(value)
        text = (event.replace("en: Test event", f"en: {quoted}").replace("en: A test event.", f"en: {quoted}")
                .replace("en: Montpellier", f"en: {quoted}") + f"description: {{zh: 说明, en: {quoted}}}\n")
        (project / f"data/events/fuzz-{index}.yml").write_text(text, encoding="utf-8")
        page = f"---\ntitle: {quoted}\ndescription: {quoted}\n---\n\nText.\n"
        (project / f"docs/en/about/fuzz-{index}.md").write_text(page, encoding="utf-8")
        (project / f"docs/fr/about/fuzz-{index}.md").write_text(f"---\ntitle: x\n---\n\n{value}\n", encoding="utf-8")
    for _ in range(3):
        code, problems = hub_check(project)
        if code == 0:
            break
        for line in problems:
            found = re.match(r"(data/events/fuzz-\d+\.yml|docs/\w\w/about/fuzz-\d+\.md)", line)
            if found and (project / found.group(1)).exists():
                (project / found.group(1)).unlink()
    assert code == 0, problems
    kept = [*project.glob("data/events/fuzz-*"), *project.glob("docs/*/about/fuzz-*")]
    assert len(kept) >= len(ATTACKS), "most attacks are inert text and must pass"
    built = build(project, tmp_path / "site")
    assert built.result.returncode == 0, built.result.output[-3000:]
    found = []
    for path in built.html_files():
        found += executable_content(path.read_text(encoding="utf-8"), str(path.relative_to(built.dir)))
    for path in built.dir.rglob("*.xml"):
        for element in etree.parse(str(path)).iter():
            if isinstance(element.tag, str) and element.text and (
                element.get("type") == "html" or etree.QName(element).localname in ("encoded", "description")
            ):
                found += executable_content(element.text, str(path.relative_to(built.dir)))
    assert found == []
