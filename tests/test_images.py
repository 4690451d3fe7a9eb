"""Lead images as readers, subscribers and editors meet them: a real photo carrying its GPS
position and camera serial number goes in; what the site publishes is a set of widths in
WebP and JPEG with no metadata at all, shown large with its caption and credit on its page,
small in lists, enclosed in feeds; every bad picture is refused with file:line.

The fixture site is the minimal one with a photo on its article and event and a PNG with
transparency on its opportunity (tests/photos.py); it is built once per run (tests/conftest.py).
"""

from __future__ import annotations

import shutil
import struct
import zlib
from io import BytesIO
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from hub.safety.images import MAX_BYTES, cache_dir
from hub.safety.sanitize import clean_html
from hub.source.image_variants import WIDTHS, image_set_for, picture_source, widths_for
from hub.source.models import LeadImage
from photos import (
    ARTICLE,
    ARTICLE_IMAGE,
    IMAGES,
    SERIAL,
    add_to_front_matter,
    image_project,
    make_photo,
    make_transparent_png,
)
from PIL import Image
from sitebuild import HUB_CLI, TEST_SITE_URL, BuiltSite, build, run, site_languages

NO_WRAP = {"COLUMNS": "0"}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return image_project(tmp_path_factory.mktemp("images") / "project")


@pytest.fixture
def built(image_site: BuiltSite) -> BuiltSite:
    """The images fixture site, built once per run (tests/conftest.py)."""
    return image_site


def published_images(site: BuiltSite) -> list[Path]:
    return sorted((site.dir / "assets" / "images").iterdir())


def test_the_fixture_photo_carries_gps_and_a_serial_number(project: Path) -> None:
    with Image.open(project / IMAGES / "conference.jpg") as photo:
        exif = photo.getexif()
        assert photo.size == (2400, 1600)
        assert exif.get_ifd(0x8825)[2] == (30.0, 39.0, 36.0)
        assert exif.get_ifd(0x8769)[0xA431] == SERIAL
    assert b"Exif" in (project / IMAGES / "conference.jpg").read_bytes()


@pytest.mark.slow  # builds a site
def test_variants_in_three_widths_webp_and_jpeg(built: BuiltSite) -> None:
    names = [path.name for path in published_images(built)]
    photo = sorted(name for name in names if name.startswith("conference-"))
    assert len(photo) == 2 * len(WIDTHS)
    for path in published_images(built):
        stem, ext = path.name.rsplit(".", 1)
        width = int(stem.rsplit("-", 1)[1])
        with Image.open(path) as image:
            assert image.width == width
            assert image.format == {"webp": "WEBP", "jpg": "JPEG", "png": "PNG"}[ext]
            if path.name.startswith("conference-"):
                assert width in WIDTHS and image.height == round(1600 * width / 2400)
    assert widths_for(2400) == [480, 960, 1600]
    assert widths_for(1200) == [480, 960, 1200]  # never enlarged
    assert widths_for(300) == [300]


@pytest.mark.slow  # builds a site
def test_no_metadata_in_any_published_picture(built: BuiltSite) -> None:
    assert len(published_images(built)) > 1  # the fixture photo, in its sizes and formats
    for path in published_images(built):
        data = path.read_bytes()
        for marker in (b"Exif", b"GPS", SERIAL.encode(), b"TestCam", b"xpacket", b"ICC_PROFILE", b"iCCP"):
            assert marker not in data, f"{marker!r} in {path.name}"
        with Image.open(path) as image:
            assert not image.getexif(), path.name
            assert not {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment"} & set(image.info), path.name


@pytest.mark.slow  # builds a site
def test_the_originals_are_never_published(built: BuiltSite) -> None:
    originals = {path.read_bytes() for path in (built.project / IMAGES).rglob("*") if path.is_file()}
    files = built.files()
    assert not [name for name in files if name.endswith(("conference.jpg", "partner-logo.png"))]
    assert not [name for name in files if (built.dir / name).read_bytes() in originals]


@pytest.mark.parametrize(("lang", "alt", "alt_lang", "caption"), [
    ("zh", "会场全景", None, "大会现场"),
    ("en", "The conference hall", None, "At the conference"),
    ("fr", "The conference hall", "en", "At the conference"),  # fr falls back to en, marked as English
    ("ja", "The conference hall", "en", "At the conference"),
])
@pytest.mark.slow  # builds a site
def test_the_article_shows_its_picture_large_with_caption_and_credit(
    built: BuiltSite, lang: str, alt: str, alt_lang: str | None, caption: str
) -> None:
    prefix = "" if lang == "zh" else f"{lang}/"
    page = built.soup(f"{prefix}news/2025/first-article/")
    figures = page.select("article figure.hub-lead-image, .md-content figure.hub-lead-image")
    assert len(figures) == 1
    figure = figures[0]
    source, img = figure.select_one("picture source"), figure.select_one("picture img")
    assert source["type"] == "image/webp"
    assert [c.split()[1] for c in source["srcset"].split(", ")] == ["480w", "960w", "1600w"]
    assert all(c.split()[0].startswith("/hub/assets/images/conference-") for c in img["srcset"].split(", "))
    assert (img["width"], img["height"]) == ("1600", "1067")
    assert img["alt"] == alt and img.get("lang") == alt_lang
    assert img["fetchpriority"] == "high" and not img.has_attr("loading")
    for candidate in [*source["srcset"].split(", "), *img["srcset"].split(", "), img["src"]]:
        assert built.path(candidate.split()[0].removeprefix("/hub/")).is_file()
    text = figure.figcaption.get_text(" ", strip=True)
    assert caption in text and "成都市外办" in text


@pytest.mark.slow  # builds a site
def test_lists_and_the_home_page_show_it_small_and_lazily(built: BuiltSite) -> None:
    for url_path in ("", "en/", "en/news/", "en/events/", "en/opportunities/", "fr/news/"):
        images = built.soup(url_path).select(".hub-card picture.hub-card__image img")
        assert images, url_path
        for img in images:
            assert img["loading"] == "lazy" and img["decoding"] == "async", url_path
            assert img["width"] and img["height"] and img["alt"], url_path
            assert not img.has_attr("fetchpriority")


@pytest.mark.slow  # builds a site
def test_record_pages_show_their_picture(built: BuiltSite) -> None:
    figure = built.soup("en/events/test-event/").select_one("figure.hub-lead-image")
    img = figure.select_one("img")
    assert img["alt"] == 'The hall" onerror="alert(1)' and not img.has_attr("onerror")
    caption = figure.figcaption.get_text(" ", strip=True)
    assert caption == "<script>alert(1)</script> The hall · Image: <i>Studio</i> & Co"
    assert not figure.select("script, i, b")
    grant = built.soup("en/opportunities/test-grant/").select_one("figure.hub-lead-image")
    assert grant.select_one("source")["type"] == "image/webp"
    img = grant.select_one("img")
    assert img["src"].endswith(".png") and img["alt"] == "Partner logo"
    with Image.open(built.path(img["src"].removeprefix("/hub/"))) as png:
        assert png.mode == "RGBA" and png.getchannel("A").getextrema() == (0, 255)


@pytest.mark.slow  # builds a site
@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_the_feed_item_encloses_the_picture(built: BuiltSite, fmt: str) -> None:
    feed = feedparser.parse(built.path(f"en/feeds/news.{fmt}.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link.endswith("/news/2025/first-article/"))
    enclosures = entry.enclosures
    assert len(enclosures) == 1
    enclosure = enclosures[0]
    assert enclosure.href.startswith(f"{TEST_SITE_URL}assets/images/conference-")
    assert enclosure.type == "image/jpeg"
    published = built.path(enclosure.href.removeprefix(TEST_SITE_URL))
    assert int(enclosure.length) == published.stat().st_size
    if fmt == "rss":
        media = entry.media_content[0]
        assert media["url"] == enclosure.href and media["medium"] == "image"
        with Image.open(published) as image:
            assert (int(media["width"]), int(media["height"])) == image.size
    # The page's own alternate link stays the entry's link.
    assert entry.link == f"{TEST_SITE_URL}en/news/2025/first-article/"
    # The item's HTML carries the figure too, with absolute addresses.
    content = BeautifulSoup(entry.content[0].value, "html.parser")
    assert content.select_one("img")["src"].startswith(f"{TEST_SITE_URL}assets/images/")


@pytest.mark.slow  # builds a site
def test_a_rebuild_takes_the_variants_from_the_cache(built: BuiltSite, tmp_path: Path) -> None:
    assert "hub: 3 pictures (3 made, 0 from .cache/images/)" in built.result.output
    again = build(built.project, tmp_path / "site")
    assert again.result.returncode == 0, again.result.output
    assert "hub: 3 pictures (0 made, 3 from .cache/images/)" in again.result.output
    for path in published_images(built):
        assert (again.dir / "assets" / "images" / path.name).read_bytes() == path.read_bytes()


def test_variants_are_the_same_bytes_when_made_again(project: Path, tmp_path: Path) -> None:
    """Made twice from nothing (no cache): byte for byte the same files."""
    made = []
    for run_dir in ("first", "second"):
        root = tmp_path / run_dir
        shutil.copytree(project / IMAGES, root / IMAGES)
        image_set, fresh = image_set_for(root, "conference.jpg")
        assert fresh
        made.append([(cache_dir(root) / f"{image_set.key}-{v.width}.{ext}").read_bytes()
                     for v in image_set.variants for ext in ("webp", "jpg")])
    assert made[0] == made[1]


def test_a_photo_taken_upright_is_published_upright(tmp_path: Path) -> None:
    make_photo(tmp_path / IMAGES / "upright.jpg", (900, 600), orientation=6)
    image_set, _ = image_set_for(tmp_path, "upright.jpg")
    assert (image_set.width, image_set.height) == (600, 900)
    assert [(v.width, v.height) for v in image_set.variants] == [(480, 720), (600, 900)]


def test_social_cards_can_draw_from_a_clean_copy(project: Path) -> None:
    image = LeadImage.model_validate({"src": "conference.jpg", "alt": {"zh": "会场", "en": "Hall"}},
                                     context=site_languages().context())
    path = picture_source(project, image, width=1200)
    with Image.open(path) as copy:
        assert copy.format == "JPEG" and copy.width >= 1200 and not copy.getexif()
    assert b"GPS" not in path.read_bytes()


# -- bad pictures -------------------------------------------------------------------------


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims `width` × `height` pixels in a few bytes (a decompression bomb)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(
        b"IEND", b"")


def _write_missing(images: Path) -> str:
    return "nowhere.jpg"


def _write_text(images: Path) -> str:
    (images / "notes.jpg").write_text("minutes of the meeting", encoding="utf-8")
    return "notes.jpg"


def _write_bomb(images: Path) -> str:
    (images / "bomb.png").write_bytes(_png_header(8000, 7000))  # 56 million pixels
    return "bomb.png"


def _write_huge_bomb(images: Path) -> str:
    (images / "bomb.png").write_bytes(_png_header(30000, 30000))  # past Pillow's own refusal
    return "bomb.png"


def _write_svg(images: Path) -> str:
    (images / "chart.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                                      encoding="utf-8")
    return "chart.svg"


def _write_svg_as_png(images: Path) -> str:
    (images / "chart.png").write_text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
                                      encoding="utf-8")
    return "chart.png"


def _write_too_large(images: Path) -> str:
    make_photo(images / "big.jpg", (600, 400))
    with open(images / "big.jpg", "ab") as handle:
        handle.write(b"\0" * (10 * 1024 * 1024))
    return "big.jpg"


def _write_png_named_jpg(images: Path) -> str:
    make_transparent_png(images / "logo.jpg")
    return "logo.jpg"


def _write_cut_short(images: Path) -> str:
    make_photo(images / "cut.jpg", (600, 400))
    data = (images / "cut.jpg").read_bytes()
    (images / "cut.jpg").write_bytes(data[: len(data) // 2])
    return "cut.jpg"


BAD_PICTURES = {
    "missing": (_write_missing, "no file docs/assets/images/nowhere.jpg; put the picture in docs/assets/images/"),
    "not-an-image": (_write_text, "a file that is not a picture (notes.jpg)"),
    "bomb": (_write_bomb, "a picture of more than 50 million pixels; at most 50 million pixels"),
    "huge-bomb": (_write_huge_bomb, "a picture of more than 50 million pixels; at most 50 million pixels"),
    "svg": (_write_svg, "an SVG file (chart.svg); SVG is not accepted (it can carry scripts): export the picture "
                        "as PNG or JPEG"),
    "svg-named-png": (_write_svg_as_png, "an SVG picture named chart.png; SVG is not accepted"),
    "too-large": (_write_too_large, "a file of 10.0 MB; at most 10 MB"),
    "wrong-ending": (_write_png_named_jpg, "a PNG picture named logo.jpg; name it logo.png"),
    "cut-short": (_write_cut_short, "a damaged picture (image file is truncated"),
}


def _with_bad_picture(project: Path, case: str) -> None:
    write, _ = BAD_PICTURES[case]
    images = project / IMAGES
    images.mkdir(parents=True, exist_ok=True)
    add_to_front_matter(project, ARTICLE_IMAGE.format(src=write(images)))


@pytest.mark.parametrize("case", sorted(BAD_PICTURES))
def test_check_refuses_a_bad_picture_with_file_and_line(case: str, minimal_project: Path) -> None:
    _with_bad_picture(minimal_project, case)
    result = run([*HUB_CLI, "check"], minimal_project, **NO_WRAP)
    assert result.returncode == 1, result.output
    assert f"{ARTICLE}:8: image.src: {BAD_PICTURES[case][1]}" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow  # builds a site
@pytest.mark.parametrize("case", ["bomb", "svg", "wrong-ending", "cut-short"])
def test_the_build_stops_with_the_same_message(case: str, minimal_project: Path, tmp_path: Path) -> None:
    _with_bad_picture(minimal_project, case)
    result = build(minimal_project, tmp_path / "site", **NO_WRAP).result
    assert result.returncode == 1, result.output
    assert f"{ARTICLE}:8: image.src: {BAD_PICTURES[case][1]}" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize(("alt", "field"), [("{en: Only English}", "image.alt.zh"), ("{zh: 只有中文}", "image.alt.en")])
def test_alt_text_is_required_in_zh_and_en(alt: str, field: str, minimal_project: Path) -> None:
    make_photo(minimal_project / IMAGES / "conference.jpg", (600, 400))
    add_to_front_matter(minimal_project, f"image:\n  src: conference.jpg\n  alt: {alt}\n")
    result = run([*HUB_CLI, "check"], minimal_project, **NO_WRAP)
    assert result.returncode == 1
    assert f"{ARTICLE}:9: {field}: no {field[-2:]} text" in result.output


def test_other_files_in_the_images_folder_are_refused(minimal_project: Path) -> None:
    images = minimal_project / IMAGES
    images.mkdir(parents=True)
    (images / "diagram.svg").write_text("<svg/>", encoding="utf-8")
    (images / "notes.txt").write_text("x", encoding="utf-8")
    make_photo(images / "unused.jpg", (600, 400))  # a picture nothing shows yet is fine
    result = run([*HUB_CLI, "check"], minimal_project, **NO_WRAP)
    assert result.returncode == 1
    assert "docs/assets/images/diagram.svg: an SVG file (diagram.svg); SVG is not accepted" in result.output
    assert "docs/assets/images/notes.txt: the file 'notes.txt' in docs/assets/images/" in result.output
    assert "unused.jpg" not in result.output
    assert "2 problems found" in result.output


def test_a_translation_does_not_carry_the_image(minimal_project: Path) -> None:
    page = minimal_project / "docs/en/news/2025/first-article.md"
    text = page.read_text(encoding="utf-8")
    image = "image: {src: x.jpg, alt: {zh: 图, en: Picture}}\n"
    page.write_text(text.replace("---\n", "---\n" + image, 1), encoding="utf-8")
    result = run([*HUB_CLI, "check"], minimal_project, **NO_WRAP)
    assert "docs/en/news/2025/first-article.md:2: image: a fact in a translation" in result.output


@pytest.mark.parametrize("markup", [
    '<img src="a.png" srcset="https://tracker.example/a.png 1x, b.png 2x" alt="">',
    '<picture><source srcset="//tracker.example/a.webp" type="image/webp"><img src="a.png" alt=""></picture>',
    '<img src="a.png" srcset="data:image/png;base64,AAAA 1x" alt="">',
])
def test_content_cannot_load_pictures_from_another_host_through_srcset(markup: str) -> None:
    cleaned, removals = clean_html(markup)
    assert "tracker.example" not in cleaned and "data:" not in cleaned
    assert [r.found for r in removals if "srcset" not in r.found] == []
    assert len(removals) == 1 and "removed from <" in removals[0].found


def test_content_keeps_its_own_pictures() -> None:
    markup = ('<picture><source srcset="a.webp 480w, b.webp 960w" sizes="50vw" type="image/webp">'
              '<img src="a.jpg" srcset="a.jpg 480w" sizes="50vw" alt="x" width="480" height="320" '
              'loading="lazy" decoding="async"></picture>')
    cleaned, removals = clean_html(markup)
    assert removals == [] and cleaned == markup


def test_the_contributing_example_is_a_valid_image(repo_root: Path) -> None:
    from hub.safety.yamlsafe import load_yaml

    text = (repo_root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = text[text.index("```yaml\nimage:\n") + len("```yaml\n"):]
    example = load_yaml(block[: block.index("```")]).value
    image = LeadImage.model_validate(example["image"], context=site_languages().context())
    assert image.alt.get("en") and image.caption and image.credit
    assert f"at most **{MAX_BYTES // 2**20} MB**" in text and "docs/assets/images/" in text


def test_icc_profile_xmp_and_comment_are_not_carried_over(tmp_path: Path) -> None:
    """A photo whose colours are described by an ICC profile, with XMP (where photo tools
    keep the location too) and a comment: the variants are in sRGB and carry none of them."""
    from PIL import ImageCms

    source = tmp_path / "source.jpg"
    make_photo(source, (800, 600))
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>30,39.6N</exif:GPSLatitude></x:xmpmeta>'
    (tmp_path / IMAGES).mkdir(parents=True)
    with Image.open(source) as photo:
        photo.save(tmp_path / IMAGES / "tagged.jpg", "JPEG", icc_profile=icc, xmp=xmp, comment=b"taken at home",
                   exif=photo.getexif())
    with Image.open(tmp_path / IMAGES / "tagged.jpg") as tagged:
        assert tagged.info.get("icc_profile") and tagged.info.get("xmp") and tagged.info.get("comment")
    image_set, _ = image_set_for(tmp_path, "tagged.jpg")
    for variant in image_set.variants:
        for name in (variant.webp, variant.fallback):
            data = (cache_dir(tmp_path) / f"{image_set.key}-{variant.width}.{name.rsplit('.', 1)[1]}").read_bytes()
            assert b"GPSLatitude" not in data and b"taken at home" not in data and b"Exif" not in data
            with Image.open(BytesIO(data)) as out:
                assert not {"icc_profile", "xmp", "comment", "exif"} & set(out.info), (name, set(out.info))


def _card_of(site: BuiltSite, url_path: str) -> Image.Image:
    card_url = site.soup(url_path).select_one('meta[property="og:image"]')["content"]
    with Image.open(site.path(card_url.removeprefix(site.site_url))) as card:
        return card.convert("RGB")


@pytest.mark.slow  # builds a site
def test_a_page_with_a_lead_image_shares_a_card_made_from_it(built: BuiltSite) -> None:
    """The card of the article with a photo shows the photo on its right third; a page
    without a picture keeps the plain card there."""
    def pictured_share_of_right_third(card: Image.Image) -> float:
        """The share of the right third (below the top bar) that is not the card's white."""
        region = card.crop((800, 40, 1200, 630)).convert("L")
        return sum(count for count, level in region.getcolors() if level < 235) / (400 * 590)

    for lang in ("", "en/"):
        assert pictured_share_of_right_third(_card_of(built, lang + "news/2025/first-article/")) > 0.9, lang
        assert pictured_share_of_right_third(_card_of(built, lang + "policies/test-policy/")) < 0.1, lang
