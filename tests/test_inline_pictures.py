"""Pictures in an article's text, as editors write them in Markdown and readers get them:
the photo under docs/assets/images/ becomes a <figure> of the lead images' variants (srcset,
width and height, lazy loading, a caption from its title); the feeds carry it with
absolute addresses; a French or Japanese copy of an English article shows it too; and
`hub check` and the build refuse, at the file and line, a picture they cannot publish.

The built site is the images fixture (tests/photos.py), built once per run.
"""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from checking import check
from photos import (
    ARTICLE,
    ARTICLE_EN,
    IMAGES,
    INLINE_PHOTO,
    add_to_text,
    make_photo,
)
from sitebuild import HUB_CLI, ROOT, TEST_SITE_URL, BuiltSite, build, run

# Each case: Markdown put into the zh article, and what `hub check` says after `file:line: `.
BROKEN = {
    "no-alt": ("![](../../../assets/images/field-visit.jpg)",
               "image: a picture without alt text (nothing between ![ and ]); say in one sentence what it shows"),
    "missing-file": ("![熊猫](../../../assets/images/field-vistt.jpg)",
                     "image: the picture '../../../assets/images/field-vistt.jpg', but "
                     "docs/assets/images/field-vistt.jpg does not exist; did you mean "
                     "../../../assets/images/field-visit.jpg?"),
    "beside-the-page": ("![熊猫](panda.jpg)",
                        "image: a picture at docs/zh/news/2025/panda.jpg, outside docs/assets/images/; "
                        "photos go in docs/assets/images/"),
    "wrong-depth": ("![熊猫](../../assets/images/field-visit.jpg)",
                    "image: a picture at docs/zh/assets/images/field-visit.jpg, outside docs/assets/images/; "
                    "did you mean ../../../assets/images/field-visit.jpg?"),
    "svg": ("![标志](../../../assets/images/logo.svg)",
            "image: an SVG file (logo.svg); SVG is not accepted (it can carry scripts)"),
    "another-site": ("![熊猫](https://example.com/panda.jpg)",
                     "html: the image address 'https://example.com/panda.jpg' removed from <img>; images are "
                     "served from the site itself: put the picture in docs/assets/images/"),
}


@pytest.fixture
def broken_project(minimal_project: Path) -> tuple[Path, dict[str, int]]:
    """The minimal site with a good photo and every broken case, each in its own paragraph."""
    make_photo(minimal_project / IMAGES / INLINE_PHOTO, (1200, 800))
    (minimal_project / IMAGES / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    lines = {case: add_to_text(minimal_project, ARTICLE, f"\n{text}\n") for case, (text, _) in BROKEN.items()}
    return minimal_project, lines


def test_the_check_refuses_each_with_file_and_line(broken_project: tuple[Path, dict[str, int]]) -> None:
    project, lines = broken_project
    checked = run([*HUB_CLI, "check"], project)
    assert checked.returncode == 1, checked.output
    for case, (_text, message) in BROKEN.items():
        expected = f"{ARTICLE}:{lines[case]}: {message}"
        assert [line for line in checked.stdout.splitlines() if line.startswith(expected)], (case, checked.output)
    assert "Traceback" not in checked.output


def _contributing_example() -> str:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("### Pictures in the text"):]
    return section[section.index("```\n") + 4 : section.index("\n```", section.index("```\n") + 4)]


def test_a_good_picture_passes_the_check(minimal_project: Path) -> None:
    """The example of CONTRIBUTING.md, a picture in a sentence, and one from the docs root."""
    example = _contributing_example()
    assert example.startswith("![") and "../../../assets/images/" in example
    make_photo(minimal_project / IMAGES / "panda-base-visit.jpg", (1200, 800))
    add_to_text(minimal_project, ARTICLE_EN, f"\n{example}\n")
    make_photo(minimal_project / IMAGES / INLINE_PHOTO, (1200, 800))
    add_to_text(minimal_project, ARTICLE, "\n![熊猫](../../../assets/images/field-visit.jpg \"基地\")\n")
    add_to_text(minimal_project, ARTICLE_EN, "\nIn a sentence ![a panda](/assets/images/field-visit.jpg) too.\n")
    checked = run([*HUB_CLI, "check"], minimal_project)
    assert checked.returncode == 0, checked.output


def test_a_records_text_shows_no_picture(minimal_project: Path) -> None:
    """Once dropped without a word; now refused where it is written."""
    record = minimal_project / "data/events/test-event.yml"
    before = record.read_text(encoding="utf-8")
    record.write_text(before + "description:\n  zh: 说明。\n  en: |\n    The programme.\n\n"
                      "    ![The hall](/assets/images/hall.jpg)\n", encoding="utf-8")
    checked = check(minimal_project)  # in this process, where mutation testing sees hub.source.prose
    assert checked.returncode == 1, checked.output
    line = before.count("\n") + 3
    assert (f"data/events/test-event.yml:{line}: description.en: " in checked.stdout
            and "a picture in the text (/assets/images/hall.jpg); a record's text shows no pictures: give the "
                "record its picture with image:" in checked.stdout), checked.output


@pytest.mark.slow  # builds a site
def test_the_strict_build_refuses_them_too(broken_project: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    project, lines = broken_project
    # The SVG file itself stops the build before any page is made (hub.safety.publishable): without
    # it, the picture that names it is refused as missing.
    (project / IMAGES / "logo.svg").unlink()
    built = build(project, tmp_path / "site")
    assert built.result.returncode == 1, built.result.output
    warnings = [line for line in built.result.output.splitlines() if line.startswith("WARNING")]
    for case in ("no-alt", "missing-file", "svg"):
        assert any(f"{ARTICLE}:{lines[case]}: image: " in text for text in warnings), (case, built.result.output)
    for url in ("panda.jpg", "../../assets/images/field-visit.jpg", "https://example.com/panda.jpg"):
        assert any(f"'{url}'" in text for text in warnings), (url, built.result.output)


# Pictures written in raw HTML: the pipeline publishes Markdown pictures only, so each was
# a broken picture on the site that neither the check nor the strict build mentioned.
RAW = {
    "block": '<img src="../../../assets/images/field-visit.jpg" alt="熊猫">',
    "in-a-sentence": '基地里 <img alt="熊猫" src="../../../assets/images/field-visit.jpg" width="300"> 很多。',
    "source": '<picture>\n<source srcset="../../../assets/images/field-visit.jpg 1200w" type="image/jpeg">',
}
RAW_FIX = 'write it as a Markdown picture: ![alt](path "caption"), here ![熊猫](../../../assets/images/field-visit.jpg)'
# Shown as code, the same tags are text, not pictures.
AS_CODE = ('\n`<img src="../../../assets/images/field-visit.jpg" alt="code">` 是一段代码。\n\n'
           '```html\n<img src="../../../assets/images/field-visit.jpg" alt="fenced">\n```\n')


@pytest.fixture
def raw_project(minimal_project: Path) -> tuple[Path, dict[str, int]]:
    make_photo(minimal_project / IMAGES / INLINE_PHOTO, (1200, 800))
    add_to_text(minimal_project, ARTICLE, AS_CODE)
    lines = {case: add_to_text(minimal_project, ARTICLE, f"\n{text}\n") for case, text in RAW.items()}
    lines["source"] += 1
    add_to_text(minimal_project, ARTICLE, '<img src="../../../assets/images/field-visit.jpg" alt="熊猫">\n</picture>\n')
    return minimal_project, lines


def test_the_check_refuses_a_picture_written_in_html_at_its_line(raw_project: tuple[Path, dict[str, int]]) -> None:
    project, lines = raw_project
    checked = run([*HUB_CLI, "check"], project)
    assert checked.returncode == 1, checked.output
    refused = [line for line in checked.stdout.splitlines() if ": image: a picture written in HTML (" in line]
    for case in ("block", "in-a-sentence"):
        expected = f"{ARTICLE}:{lines[case]}: image: a picture written in HTML ("
        assert [line for line in refused if line.startswith(expected) and RAW_FIX in line], (case, checked.output)
    assert [line for line in refused if line.startswith(f"{ARTICLE}:{lines['source']}: image: a picture written "
                                                         "in HTML (<source srcset=")], checked.output
    # The <picture> itself is not one more problem: its <source> and <img> are.
    assert len(refused) == 4, checked.output
    assert "code" not in checked.stdout and "fenced" not in checked.stdout, checked.output
    assert "Traceback" not in checked.output


@pytest.mark.slow  # builds a site
def test_the_strict_build_refuses_a_picture_written_in_html_too(raw_project: tuple[Path, dict[str, int]],
                                                                 tmp_path: Path) -> None:
    project, lines = raw_project
    built = build(project, tmp_path / "site")
    assert built.result.returncode == 1, built.result.output
    warnings = [line for line in built.result.output.splitlines() if line.startswith("WARNING")]
    for case in ("block", "in-a-sentence", "source"):
        expected = f"{ARTICLE}:{lines[case]}: image: a picture written in HTML ("
        assert sum(expected in text for text in warnings) == 1, (case, built.result.output)  # once, not per language


# -- what readers get ---------------------------------------------------------------------------


@pytest.fixture
def built(image_site: BuiltSite) -> BuiltSite:
    """The images fixture site, built once per run (tests/conftest.py)."""
    return image_site


def _figure(site: BuiltSite, url_path: str, src_start: str = "field-visit-") -> BeautifulSoup:
    figures = [figure for figure in site.soup(url_path).select(".md-content figure.hub-figure")
               if src_start in figure.img["src"]]
    assert len(figures) == 1, url_path
    return figures[0]


@pytest.mark.slow  # builds a site
@pytest.mark.parametrize(("url_path", "alt", "caption"), [
    ("news/2025/first-article/", "代表团参观大熊猫基地", "4月17日，代表团参观大熊猫基地"),
    ("en/news/2025/first-article/", "Delegates walk past a panda enclosure", "Visiting the panda base"),
    # Fallback copies of the English text, one folder as deep as theirs.
    ("fr/news/2025/first-article/", "Delegates walk past a panda enclosure", "Visiting the panda base"),
    ("ja/news/2025/first-article/", "Delegates walk past a panda enclosure", "Visiting the panda base"),
])
def test_the_picture_is_a_figure_of_the_variants(built: BuiltSite, url_path: str, alt: str, caption: str) -> None:
    figure = _figure(built, url_path)
    source, img = figure.select_one("picture source"), figure.select_one("picture img")
    assert source["type"] == "image/webp"
    assert [c.split()[1] for c in source["srcset"].split(", ")] == ["480w", "960w", "1600w"]
    assert [c.split()[1] for c in img["srcset"].split(", ")] == ["480w", "960w", "1600w"]
    assert img["src"].endswith("-960.jpg")  # browsers without srcset get the middle size
    assert (img["width"], img["height"]) == ("1600", "1200")
    assert img["loading"] == "lazy" and img["decoding"] == "async" and not img.has_attr("fetchpriority")
    assert img["alt"] == alt
    assert figure.figcaption.get_text(" ", strip=True) == caption
    for candidate in [*source["srcset"].split(", "), *img["srcset"].split(", "), img["src"]]:
        address = candidate.split()[0]
        assert address.startswith("/hub/assets/images/field-visit-")
        assert built.path(address.removeprefix("/hub/")).is_file()
    assert not figure.find_parent("p")  # the figure took the paragraph's place


@pytest.mark.slow  # builds a site
def test_a_path_from_the_docs_root_works_and_takes_the_lead_images_credit(built: BuiltSite) -> None:
    figure = _figure(built, "policies/test-policy/", "conference-")
    assert figure.img["alt"] == "会场全景"
    assert figure.figcaption.get_text(" ", strip=True) == "发布会现场 · 图片：成都市外办"


@pytest.mark.slow  # builds a site
def test_the_original_is_not_published(built: BuiltSite) -> None:
    assert not [name for name in built.files() if name.endswith(f"/{INLINE_PHOTO}")]
    assert INLINE_PHOTO not in built.text("en/news/2025/first-article/")


@pytest.mark.slow  # builds a site
@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_the_feed_entry_carries_the_picture_at_a_mid_size_absolute_address(built: BuiltSite, fmt: str) -> None:
    feed = feedparser.parse(built.path(f"en/feeds/news.{fmt}.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link.endswith("/news/2025/first-article/"))
    content = BeautifulSoup(entry.content[0].value, "html.parser")
    images = [img for img in content.select("img") if "field-visit-" in img["src"]]
    assert len(images) == 1
    src = images[0]["src"]
    assert src.startswith(f"{TEST_SITE_URL}assets/images/field-visit-") and src.endswith("-960.jpg")
    assert built.path(src.removeprefix(TEST_SITE_URL)).is_file()
    assert images[0]["alt"] == "Delegates walk past a panda enclosure"
