"""Pictures for tests and benchmarks, made on the spot: a photo-like JPEG that carries what a
phone writes into one (where it was taken, the camera's serial number), and a PNG with
transparent parts."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageFilter
from sitebuild import MINIMAL, copy_project

SERIAL = "SN-0042-4242"


def make_photo(path: Path, size: tuple[int, int] = (2400, 1600), *, orientation: int = 1) -> None:
    """A photo-like JPEG (gradients, noise, blur) with the EXIF a phone writes: where it was
    taken (GPS) and the camera's make, model and serial number. `orientation` 6: the
    camera was held upright, and the pixels lie on their side."""
    red = Image.linear_gradient("L").resize(size)
    green = Image.linear_gradient("L").rotate(90).resize(size)
    blue = Image.blend(red.transpose(Image.Transpose.FLIP_LEFT_RIGHT), Image.effect_noise(size, 40), 0.5)
    photo = Image.merge("RGB", (red, green, blue)).filter(ImageFilter.GaussianBlur(1))
    exif = Image.Exif()
    exif[0x010F] = "TestCam"  # Make
    exif[0x0110] = "TestCam X100"  # Model
    exif[0x0112] = orientation
    exif.get_ifd(0x8769)[0xA431] = SERIAL  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (30.0, 39.0, 36.0), 3: "E", 4: (104.0, 3.0, 54.0)})  # Chengdu
    path.parent.mkdir(parents=True, exist_ok=True)
    photo.save(path, "JPEG", quality=90, exif=exif)


def make_transparent_png(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    logo = Image.new("RGBA", (1200, 600), (0, 0, 0, 0))
    logo.paste((200, 30, 40, 255), (100, 100, 1100, 500))
    logo.save(path, "PNG")


# The minimal fixture site with pictures: a photo on its article and its event, a PNG with
# transparent parts on its opportunity, and a photo in the article's text.
ARTICLE = "docs/zh/news/2025/first-article.md"
EVENT = "data/events/test-event.yml"
GRANT = "data/opportunities/test-grant.yml"
IMAGES = "docs/assets/images"
# Line 7 of the article is `image:`, line 8 its `src:` (the minimal article's front matter has 6 lines).
ARTICLE_IMAGE = """image:
  src: {src}
  alt: {{zh: 会场全景, en: The conference hall}}
  caption: {{zh: 大会现场, en: At the conference}}
  credit: 成都市外办
"""


def add_to_front_matter(project: Path, block: str) -> None:
    page = project / ARTICLE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("cities: [montpellier]\n", "cities: [montpellier]\n" + block, 1), encoding="utf-8")


def add_to_record(project: Path, rel: str, block: str) -> None:
    record = project / rel
    record.write_text(record.read_text(encoding="utf-8") + block, encoding="utf-8")


# Text from front matter lands in HTML escaped, wherever it lands.
HOSTILE_EVENT_IMAGE = """image:
  src: conference.jpg
  alt: {zh: 会场, en: 'The hall" onerror="alert(1)'}
  caption: {zh: "<b>会场</b>", en: "<script>alert(1)</script> The hall"}
  credit: "<i>Studio</i> & Co"
"""


# Pictures in the text (hub.source.inline_pictures): a photo of its own, relative to the article
# in zh and en (fr and ja show the English text), and the lead photo from the docs root in
# the explainer, where it takes the lead image's credit.
INLINE_PHOTO = "field-visit.jpg"
INLINE_SIZE = (2000, 1500)
INLINE_ZH = '\n![代表团参观大熊猫基地](../../../assets/images/field-visit.jpg "4月17日，代表团参观大熊猫基地")\n'
INLINE_EN = ('\n![Delegates walk past a panda enclosure](../../../assets/images/field-visit.jpg '
             '"Visiting the panda base")\n')
INLINE_POLICY = "\n![会场全景](/assets/images/conference.jpg \"发布会现场\")\n"
ARTICLE_EN = "docs/en/news/2025/first-article.md"
POLICY = "docs/zh/policies/test-policy.md"


def add_to_text(project: Path, rel: str, text: str) -> int:
    """Append `text` to the page at `rel`; the line its first line lands on."""
    page = project / rel
    before = page.read_text(encoding="utf-8")
    page.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1 + (len(text) - len(text.lstrip("\n")))


def image_project(target: Path) -> Path:
    project = copy_project(target, content_from=MINIMAL)
    make_photo(project / IMAGES / "conference.jpg")
    make_photo(project / IMAGES / INLINE_PHOTO, INLINE_SIZE)
    make_transparent_png(project / IMAGES / "logos" / "partner-logo.png")
    add_to_front_matter(project, ARTICLE_IMAGE.format(src="conference.jpg"))
    add_to_record(project, EVENT, HOSTILE_EVENT_IMAGE)
    add_to_record(project, GRANT, "image:\n  src: logos/partner-logo.png\n  alt: {zh: 合作标志, en: Partner logo}\n")
    add_to_text(project, ARTICLE, INLINE_ZH)
    add_to_text(project, ARTICLE_EN, INLINE_EN)
    add_to_text(project, POLICY, INLINE_POLICY)
    return project
