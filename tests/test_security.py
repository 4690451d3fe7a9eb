"""What a hostile pull request that changes only content can no longer do (SECURITY.md),
one class of attack at a time: publish a file that runs, hide page settings from the
checks, crash or stall the build through a record, end the check in a traceback, put
markup in a feed's channel, lower an event's sequence, forge an annotation on the pull
request, or have a link read a file from outside the repository.

The checks run in-process (`hub.editors.cli.main`, as `make check` runs it) on copies of the
minimal fixture; the city feed is read from the hostile fixture site built once per run.
"""

from __future__ import annotations

import html
import io
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hostile_site import CITY_NAME, executable_content
from hub.editors import cli
from hub.editors.cli import main
from hub.errors import ContentError
from hub.safety.yamlsafe import load_yaml, split_front_matter
from hub.source.prose import safe_markdown
from lxml import etree
from mkdocs.utils.meta import get_data
from sitebuild import BuiltSite, build


@dataclass
class Checked:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()


def check(project: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> Checked:
    """`make check` on `project`, in this process (stderr comes through capsys)."""
    capsys.readouterr()
    out = io.StringIO()
    cli._config.cache_clear()  # mkdocs.yml is read once per command; some tests change it between two
    code = main(["check", "-f", str(project / "mkdocs.yml"), *args], out=out)
    err = capsys.readouterr().err
    assert "Traceback" not in out.getvalue() + err
    assert "internal error" not in err, err
    return Checked(code, out.getvalue(), err)


def write(project: Path, rel: str, content: str | bytes) -> Path:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- 1. what docs/ may publish ------------------------------------------------------------------

IN_LANGUAGE = ("only Markdown pages (.md) are published from docs/<language>/; put a photo in docs/assets/images/ "
               "(jpg, jpeg, png, webp); scripts, styles and other files belong to the theme (overrides/), which a "
               "maintainer changes")
ELSEWHERE = ("docs/ publishes Markdown pages in docs/<language>/ and photos in docs/assets/images/; other files "
             "belong to the theme (overrides/) or to a folder mkdocs.yml declares in extra.hub.asset_folders")

REFUSED_FILES = [
    ("docs/zh/assets/javascripts/bundle.js", f"a file of type '.js' in a language folder; {IN_LANGUAGE}"),
    ("docs/en/sw.js", f"a file of type '.js' in a language folder; {IN_LANGUAGE}"),
    ("docs/fr/about/page.html", f"a file of type '.html' in a language folder; {IN_LANGUAGE}"),
    ("docs/ja/manifest.webmanifest", f"a file of type '.webmanifest' in a language folder; {IN_LANGUAGE}"),
    ("docs/zh/news/2025/photo.png", f"a file of type '.png' in a language folder; {IN_LANGUAGE}"),
    ("docs/assets/images/logo.svg", "an SVG file (logo.svg); SVG is not accepted (it can carry scripts): export the "
                                    "picture as PNG or JPEG and use that file"),
    ("docs/assets/images/page.html", "the file 'page.html' in docs/assets/images/; this folder holds a JPEG (.jpg), "
                                     "PNG (.png) or WebP (.webp) image files only"),
    ("docs/assets/images/notes.md", "the file 'notes.md' in docs/assets/images/; this folder holds a JPEG (.jpg), "
                                    "PNG (.png) or WebP (.webp) image files only"),
    ("docs/assets/stylesheets/extra.css", f"a file of type '.css' that the site would publish as it is; {ELSEWHERE}"),
    ("docs/sw.js", f"a file of type '.js' that the site would publish as it is; {ELSEWHERE}"),
    ("docs/fonts/x.woff2", f"a file of type '.woff2' that the site would publish as it is; {ELSEWHERE}"),
    ("docs/CNAME", f"a file of type without an ending that the site would publish as it is; {ELSEWHERE}"),
]


@pytest.mark.parametrize(("rel", "message"), REFUSED_FILES, ids=[rel for rel, _ in REFUSED_FILES])
def test_docs_publishes_nothing_but_pages_and_photos(rel: str, message: str, minimal_project: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    write(minimal_project, rel, b"<script>alert(1)</script>\n")
    checked = check(minimal_project, capsys=capsys)
    assert checked.code == 1, checked.stdout
    assert f"{rel}: {message}" in checked.lines, checked.stdout


def test_photos_and_declared_asset_folders_are_published(minimal_project: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("team.jpg", "venue.JPEG", "map.png", "hall.webp"):
        write(minimal_project, f"docs/assets/images/{name}", b"\x89PNG\r\n")
    write(minimal_project, "docs/assets/brand/brand.css", "body{}\n")
    refused = check(minimal_project, capsys=capsys)
    assert refused.lines[0].startswith("docs/assets/brand/brand.css: a file of type '.css'"), refused.stdout
    assert refused.lines[1] == "1 problem found in the content."
    edit(minimal_project, "mkdocs.yml", "asset_folders: []", "asset_folders: [assets/brand]")
    assert check(minimal_project, capsys=capsys).code == 0


def test_nothing_in_docs_takes_the_place_of_a_theme_file(minimal_project: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Not even in a folder declared for maintainers' assets: overrides/assets/hub.css and
    Material's own files stay the theme's."""
    edit(minimal_project, "mkdocs.yml", "asset_folders: []", "asset_folders: [assets]")
    write(minimal_project, "docs/assets/hub.css", "body{}\n")
    write(minimal_project, "docs/assets/images/favicon.png", b"\x89PNG\r\n")  # an original: never published
    write(minimal_project, "docs/assets/brand.css", "body{}\n")
    checked = check(minimal_project, capsys=capsys)
    assert checked.code == 1
    assert checked.lines[:2] == [
        "docs/assets/hub.css: a file published as assets/hub.css, which takes the place of the theme's own; rename it "
        "or move it to another folder; the theme's files (and overrides/) cannot be replaced from docs/",
        "1 problem found in the content.",
    ], checked.stdout


def test_an_asset_folder_is_never_a_language_folder(minimal_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(minimal_project, "mkdocs.yml", "asset_folders: []", "asset_folders: [zh/assets, ../x]")
    write(minimal_project, "docs/zh/assets/a.js", "alert(1)\n")
    checked = check(minimal_project, capsys=capsys)
    assert checked.code == 1
    assert ("mkdocs.yml: extra.hub.asset_folders: 'zh/assets'; a folder outside the language folders: what sits "
            "under docs/<language>/ is content, checked as such") in checked.lines
    assert ("mkdocs.yml: extra.hub.asset_folders: '../x'; a plain path under docs/, without . or .. (like "
            "assets/brand)") in checked.lines
    assert any(line.startswith("docs/zh/assets/a.js: a file of type '.js' in a language folder")
               for line in checked.lines)


@pytest.mark.slow
def test_the_build_refuses_a_script_in_docs(minimal_project: Path, tmp_path: Path) -> None:
    """One real build: the strict build stops with the file's name, and nothing is published."""
    write(minimal_project, "docs/zh/assets/javascripts/hub-takeover.js", "navigator.serviceWorker.register('/sw.js')\n")
    built = build(minimal_project, tmp_path / "site")
    assert built.result.returncode != 0
    assert ("docs/zh/assets/javascripts/hub-takeover.js: a file of type '.js' in a language folder"
            in built.result.output)
    assert "Traceback" not in built.result.output
    assert not (tmp_path / "site" / "assets" / "javascripts" / "hub-takeover.js").exists()


# -- 2. front matter, read as MkDocs reads it ---------------------------------------------------

FRONT_MATTER = [
    ("metadata-lines-without-dashes", "template: evil.html\ndescription: x\n\nText.\n",
     "docs/zh/about/index.md:1: template: page settings written as `template: …` without --- around them; MkDocs "
     "reads such lines at the top of a page as settings: write them as front matter between two lines of ---, or "
     "begin the text with something else"),
    ("spaces-after-the-dashes", "--- \ntitle: 关于\ntemplate: evil.html\n---\n\nText.\n",
     "docs/zh/about/index.md:3: template: unknown field 'template'; remove it or fix the spelling; fields are: "
     "title, description, hide"),
    ("closed-with-dots", "---\ntitle: 关于\nextra_javascript: [x.js]\n...\n\nText.\n",
     "docs/zh/about/index.md:3: extra_javascript: unknown field 'extra_javascript'; remove it or fix the spelling; "
     "fields are: title, description, hide"),
    ("yaml-tag", "---\ntitle: !!binary PHNjcmlwdD4=\n---\n\nText.\n",
     "docs/zh/about/index.md:2: a YAML tag (tag:yaml.org,2002:binary); write the value without a tag; quote it if "
     "it is text"),
]


@pytest.mark.parametrize(("page", "message"), [c[1:] for c in FRONT_MATTER], ids=[c[0] for c in FRONT_MATTER])
def test_front_matter_in_every_form_mkdocs_reads_is_checked(page: str, message: str, minimal_project: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    write(minimal_project, "docs/zh/about/index.md", page)
    checked = check(minimal_project, capsys=capsys)
    assert checked.code == 1, checked.stdout
    assert message in checked.lines, checked.stdout


def test_front_matter_is_split_where_mkdocs_splits_it() -> None:
    from hub.safety.yamlsafe import other_metadata

    for text in ("---\t \ntitle: a\n--- \nbody\n", "---\ntitle: a\n...\n\nbody\n", "---\ntitle: a\n---",
                 "---\n---\nbody\n", "title: a\n\nbody\n", "---\ntitle: [a\n---\nbody\n"):
        body, meta = get_data(text)
        yaml_text, our_body, _line = split_front_matter(text)
        if yaml_text is None:  # no front matter for either, or MultiMarkdown metadata, refused by the check
            assert our_body == text, text
            assert other_metadata(text) == next(iter(meta), None), text
            assert meta or body == text, text
        elif meta:
            assert load_yaml(yaml_text).value == meta, text
            assert our_body.lstrip("\n") == body, text
        else:
            assert body == text  # MkDocs gave up on the YAML: the hub reports it (invalid YAML)


# -- 3. Markdown in records: the pages' limits --------------------------------------------------

@pytest.mark.parametrize(
    ("field", "value", "found"),
    [
        ("description", "- " * 900 + "x", "lists, quotes or indentation nested 900 levels deep on line 1 of the text"),
        ("description", "[" * 60 + "x", "square brackets left open 60 times or nested 60 deep in one paragraph"),
        ("description", "x" * 30_000, "a paragraph of 30,000 characters on line 1 of the text"),
    ],
    ids=["deep-list", "open-brackets", "long-paragraph"],
)
def test_a_markdown_field_has_the_limits_of_a_page(field: str, value: str, found: str, minimal_project: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    edit(minimal_project, "data/events/test-event.yml", "cities:", f'{field}: {{zh: 说明, en: "{value}"}}\ncities:')
    checked = check(minimal_project, capsys=capsys)
    assert checked.code == 1, checked.stdout
    line = next(line for line in checked.lines if line.startswith("data/events/test-event.yml:7: description.en: "))
    assert found in line, line


def test_the_converter_never_sees_text_over_the_limits() -> None:
    from hub.source.prose import MarkdownRefused

    with pytest.raises(MarkdownRefused):
        safe_markdown("- " * 900 + "x")
    assert safe_markdown("**ok**") == "<p><strong>ok</strong></p>"


# -- 4. no traceback: numbers and characters the output cannot carry ----------------------------

@pytest.mark.parametrize(
    ("rel", "old", "new", "message"),
    [
        ("data/events/test-event.yml", "cities:", "sequence: " + "9" * 5000 + "\ncities:",
         "data/events/test-event.yml:7: a number of 5,000 digits; at most 18 digits; quote it if it is meant as text"),
        ("data/events/test-event.yml", "cities:", "sequence: 99999999999\ncities:",
         "data/events/test-event.yml:7: sequence: 99999999999; input should be less than or equal to 2147483647"),
        ("data/opportunities/test-grant.yml", "value: 2000000", "value: 1e999",
         "data/opportunities/test-grant.yml:8: the number 1e999; a number a reader can read: finite, and written in "
         "a few digits"),
        ("data/opportunities/test-grant.yml", "value: 2000000", "value: inf",
         "data/opportunities/test-grant.yml:8: amount.value: 'inf'; input should be a finite number"),
        ("data/events/test-event.yml", "en: Test event", 'en: "Test\\x01event"',
         "data/events/test-event.yml:1: the control character '\\x01' in a value; remove it; feeds and calendars "
         "cannot carry it"),
        ("docs/zh/news/2025/first-article.md", "\n\n", "\n\nA \x0b in the text.\n\n",
         "docs/zh/news/2025/first-article.md:9: the control character '\\x0b'; remove it; feeds and calendars "
         "cannot carry it"),
    ],
    ids=["5000-digits", "sequence-over-ical", "overflow-to-infinity", "yaml-infinity", "control-in-yaml",
         "control-in-page"],
)
def test_values_the_output_cannot_carry_are_located_errors(rel: str, old: str, new: str, message: str,
                                                           minimal_project: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    edit(minimal_project, rel, old, new)
    checked = check(minimal_project, capsys=capsys)
    assert checked.code == 1, checked.stdout + checked.stderr
    assert message in checked.lines, checked.stdout


# -- 5. a city feed's channel -------------------------------------------------------------------

def test_city_feed_channel_text_is_the_text_as_written(vectors: BuiltSite) -> None:
    """An RSS channel's description is read as HTML, like an item's: a city's name in it
    is text. Atom's title and subtitle are text."""
    rss = etree.parse(str(vectors.path("en/feeds/cities/montpellier.rss.xml"))).find("channel")
    description = rss.findtext("description")
    assert executable_content(description) == []
    assert CITY_NAME in BeautifulSoup(description, "html.parser").get_text()
    assert CITY_NAME in rss.findtext("title")
    atom = etree.parse(str(vectors.path("en/feeds/cities/montpellier.atom.xml")))
    names = {"title", "subtitle"}
    texts = [e.text for e in atom.getroot() if etree.QName(e).localname in names]
    assert len(texts) == 2 and all(CITY_NAME in text for text in texts)
    assert html.unescape(description) != description or "<" not in CITY_NAME


# -- 6. an event's sequence only rises ----------------------------------------------------------

def commit(project: Path, message: str) -> None:
    git = ["git", "-C", str(project), "-c", "user.name=Hub", "-c", "user.email=hub@example.org"]
    if not (project / ".git").exists():
        subprocess.run(["git", "init", "-q", str(project)], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", message], check=True)


EVENT = "data/events/test-event.yml"


def set_sequence(project: Path, value: int) -> None:
    path = project / EVENT
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("sequence:")]
    path.write_text("\n".join([*lines, f"sequence: {value}"]) + "\n", encoding="utf-8")


def test_sequence_may_not_go_down_against_the_base(minimal_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_sequence(minimal_project, 3)
    commit(minimal_project, "published")
    set_sequence(minimal_project, 1)  # the schedule is the same: only the number went down
    checked = check(minimal_project, "--base", "HEAD", capsys=capsys)
    assert checked.code == 1
    assert checked.lines[0] == (
        "data/events/test-event.yml:9: sequence: 1, lower than the 3 in HEAD; set it to 3 or more: a subscribed "
        "calendar ignores a version whose sequence is not higher than one it already has"
    )
    set_sequence(minimal_project, 3)
    assert check(minimal_project, "--base", "HEAD", capsys=capsys).code == 0


def test_sequence_may_not_go_below_the_highest_it_ever_had(minimal_project: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    set_sequence(minimal_project, 5)
    commit(minimal_project, "published at 5")
    set_sequence(minimal_project, 2)
    commit(minimal_project, "lowered once, and merged")
    set_sequence(minimal_project, 3)
    edit(minimal_project, EVENT, '"2025-05-10 09:30"', '"2025-05-10 10:00"')
    checked = check(minimal_project, "--base", "HEAD", capsys=capsys)
    assert checked.code == 1
    assert checked.lines[0] == (
        "data/events/test-event.yml:9: sequence: 3, lower than the 5 in the history of HEAD; set it to 6 or more: a "
        "subscribed calendar ignores a version whose sequence is not higher than one it already has"
    )
    set_sequence(minimal_project, 6)
    assert check(minimal_project, "--base", "HEAD", capsys=capsys).code == 0


# -- 7. annotations and links -------------------------------------------------------------------

def test_an_annotation_is_one_command_with_every_property_escaped() -> None:
    error = ContentError("docs/zh/a,line=1,title=x::\n::error file=forged.md::gotcha%.md", 3, "title",
                         "found\r\n::warning::forged", "expected")
    assert error.annotation() == (
        "::error file=docs/zh/a%2Cline=1%2Ctitle=x%3A%3A%0A%3A%3Aerror file=forged.md%3A%3Agotcha%25.md,line=3::"
        "title: found%0D%0A::warning::forged; expected"
    )
    assert "\n" not in error.format() and "\r" not in error.format()


def test_a_file_name_cannot_forge_an_annotation(minimal_project: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    write(minimal_project, "docs/zh/about/x,line=1::\n::error file=mkdocs.yml::forged.md", "---\ntitle: x\n---\n")
    checked = check(minimal_project, capsys=capsys)
    assert checked.code == 1
    commands = [line for line in checked.lines if line.startswith("::")]
    assert commands, checked.stdout
    assert all(line.startswith("::error file=docs/zh/about/x%2Cline=1%3A%3A%0A%3A%3Aerror file=mkdocs.yml%3A%3A")
               for line in commands), commands
    assert not any("forged" in line for line in checked.lines if not line.startswith(("::", "docs/")))


SECRET = "HUB-SECRET-7f3a"


@pytest.mark.parametrize("linked", ["file", "folder"])
def test_a_linked_data_file_is_never_read(linked: str, minimal_project: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "leak.yml").write_text(f"{SECRET}: x\n", encoding="utf-8")  # read, it would be an unknown field
    if linked == "file":
        os.symlink(outside / "leak.yml", minimal_project / "data/events/leak.yml")
        name = "data/events/leak.yml"
    else:
        target = minimal_project / "data/opportunities"
        for path in target.iterdir():
            path.rename(outside / path.name)
        target.rmdir()
        os.symlink(outside, target)
        name = "data/opportunities"
    checked = check(minimal_project, capsys=capsys)
    assert checked.code == 1
    assert any(line.startswith(f"{name}: a symbolic link to ") for line in checked.lines), checked.stdout
    assert SECRET not in checked.stdout + checked.stderr
