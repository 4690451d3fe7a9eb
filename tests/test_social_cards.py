"""Social cards: every page of the built site, in every language, announces a 1200×630 PNG
card that exists in the site, weighs at most 30 KB and was drawn with no missing glyph.

Glyphs are checked with fontTools against the faces named here, independently of the
code that chooses what to draw: Noto Serif/Sans CJK SC for Chinese, JP for Japanese, and
the JP face (proportional Latin punctuation) for English and French.
"""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fontTools.ttLib import TTCollection
from hub.graphics import card_draw
from hub.graphics.card_draw import Card, render
from hub.graphics.card_fonts import font_set
from hub.graphics.card_text import wrap
from PIL import Image

LANGS = ("zh", "en", "fr", "ja")
FONT_DIR = Path("/usr/share/fonts/opentype/noto")
REGION = {"zh": "SC", "ja": "JP", "en": "JP", "fr": "JP"}
MAX_BYTES = 30 * 1024
# One page of each kind, by its path in a language folder.
KINDS = {
    "home": "",
    "article": "news/2025/sister-cities-conference-2025/",
    "policy": "policies/foreign-investment-measures-2025/",
    "city": "cities/montpellier/",
    "event": "events/japan-roadshows-2025/",
    "opportunity": "opportunities/international-rd-institution-grant/",
    "section": "news/",
}
HOSTILE = (
    "Emoji 😀🇫🇷 and 👩‍💻, rare 𠀀𠀁𪚥 Han, "  # emoji (a flag, a ZWJ sequence), CJK extension B
    "שלום עולם and مرحبا بالعالم, "  # Hebrew and Arabic: right to left
    "a zero\u200bwidth space, a\u0000control, 〇 and 成都 and «Ça va» — fin"
)


@cache
def cmap(filename: str, region: str) -> frozenset[int]:
    """The characters the face of `region` in a Noto CJK collection has glyphs for."""
    collection = TTCollection(str(FONT_DIR / filename))
    for font in collection.fonts:
        if font["name"].getDebugName(1).endswith(f" CJK {region}"):
            return frozenset(font.getBestCmap())
    raise AssertionError(f"no {region} face in {filename}")


def covered_everywhere(lang: str) -> frozenset[int]:
    """What every face a card in `lang` uses can draw."""
    region = REGION[lang]
    return (cmap("NotoSerifCJK-Bold.ttc", region) & cmap("NotoSansCJK-Bold.ttc", region)
            & cmap("NotoSansCJK-Regular.ttc", region))


def head(site, url_path: str) -> dict[str, str]:
    soup = site.soup(url_path)
    tags = {}
    for meta in soup.head.find_all("meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            tags.setdefault(key, meta.get("content", ""))
    return tags


def page_paths(site) -> list[str]:
    """Every page of the site (not the 404 pages, nor redirects)."""
    paths = []
    for file in site.html_files():
        relative = file.relative_to(site.dir).as_posix()
        if relative.endswith("404.html"):
            continue
        paths.append(relative.removesuffix("index.html"))
    return paths


def card_file(site, url: str) -> Path:
    assert url.startswith(site.site_url), url
    return site.dir / urlsplit(url).path.removeprefix(urlsplit(site.site_url).path)


def png_size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG"
        return image.size


# -- the built site ----------------------------------------------------------------------


def test_every_page_announces_its_card(site):
    paths = page_paths(site)
    expected = {(f"{lang}/" if lang != "zh" else "") + path for lang in LANGS for path in KINDS.values()}
    assert not expected - set(paths), sorted(expected - set(paths))  # every kind in every language
    assert_cards(site, paths)


def test_hostile_content_still_gets_small_cards(vectors):
    """The hostile fixture site (tests/hostile_site.py): markup, scripts and odd characters
    in titles and records still give every page its card, within the limits."""
    assert_cards(vectors, page_paths(vectors))


def assert_cards(site, paths: list[str]) -> None:
    problems = []
    for path in paths:
        tags = head(site, path)
        url = tags.get("og:image", "")
        if not url.startswith(site.site_url):
            problems.append(f"{path}: og:image {url!r} is not an absolute URL of the site")
            continue
        file = card_file(site, url)
        if not file.is_file():
            problems.append(f"{path}: og:image {url} is not in the site")
            continue
        data = file.read_bytes()
        if png_size(data) != (1200, 630) or len(data) > MAX_BYTES:
            problems.append(f"{path}: card {png_size(data)}, {len(data)} bytes")
        expected_tags = {"og:image:width": "1200", "og:image:height": "630", "og:image:type": "image/png",
                         "twitter:card": "summary_large_image"}
        for name, value in expected_tags.items():
            if tags.get(name) != value:
                problems.append(f"{path}: {name} is {tags.get(name)!r}")
        if not tags.get("og:image:alt", "").strip():
            problems.append(f"{path}: no og:image:alt")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_language_has_its_own_card(site, kind):
    """A page of each kind has a card per language of its text, each a different picture."""
    cards = {}
    for lang in ("zh", "en"):
        url = head(site, (f"{lang}/" if lang != "zh" else "") + KINDS[kind])["og:image"]
        assert f"/assets/cards/{lang}/" in url
        cards[lang] = card_file(site, url).read_bytes()
    assert cards["zh"] != cards["en"]


def test_an_articles_structured_data_names_its_card(site):
    soup = site.soup("en/news/2025/sister-cities-conference-2025/")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["image"] == [head(site, "en/news/2025/sister-cities-conference-2025/")["og:image"]]


def test_a_fallback_page_shows_its_originals_card(site):
    """A page not translated into fr or ja announces the very card of the text it shows."""
    checked = 0
    for path in page_paths(site):
        if not path.startswith(("fr/", "ja/")):
            continue
        soup = site.soup(path)
        if soup.select_one(".hub-fallback") is None:
            continue
        canonical = soup.find("link", rel="canonical")["href"]
        original = urlsplit(canonical).path.removeprefix(urlsplit(site.site_url).path)
        assert head(site, path)["og:image"] == head(site, original)["og:image"], path
        assert head(site, path)["og:image:alt"] == head(site, original)["og:image:alt"], path
        checked += 1
    assert checked >= 2


def test_no_missing_glyph_on_any_card_of_the_site(site):
    """Every character of every card's texts (its alt text says them all) has a glyph in
    each face a card of its language is drawn with: no text of the site loses a character."""
    problems = []
    seen = set()
    for path in page_paths(site):
        tags = head(site, path)
        url = tags["og:image"]
        if url in seen:
            continue
        seen.add(url)
        lang = url.split("/assets/cards/")[1].split("/")[0]
        faces = covered_everywhere(lang)
        # Any space is drawn as a space (babel writes "April 21 – 25" with thin spaces).
        missing = {char for char in tags["og:image:alt"] if ord(char) not in faces and not char.isspace()}
        if missing:
            problems.append(f"{url}: {sorted(missing)}")
    assert {url.split("/assets/cards/")[1][:2] for url in seen} == set(LANGS)
    assert not problems, "\n".join(problems)


# -- drawing -----------------------------------------------------------------------------


def drawn_without_tofu(drawn: card_draw.Drawn) -> None:
    for text, face in drawn.texts:
        region = face.region
        faces = cmap(face.path.name, region)
        missing = [f"U+{ord(c):04X}" for c in text if ord(c) not in faces]
        assert not missing, f"{text!r} drawn with {face.path.name} {region} lacks {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_a_hostile_title_is_drawn_without_a_missing_glyph(lang):
    drawn = render(Card(lang, HOSTILE, "Kicker 🔥", "Site ✨", "2025 📅", subtitle="שלום 😀 ok"), font_set(lang))
    drawn_without_tofu(drawn)
    title = " ".join(text for text, face in drawn.texts if face.path.name == "NotoSerifCJK-Bold.ttc")
    for gone in ("😀", "𠀀", "ש", "م", "\u200b", "\u0000", "👩"):
        assert gone not in title and gone in drawn.dropped
    for kept in ("Emoji", "成都", "〇", "Ça"):
        assert kept in title
    assert png_size(drawn.png) == (1200, 630) and len(drawn.png) <= MAX_BYTES


def test_a_title_of_nothing_drawable_falls_back_to_the_site_name():
    drawn = render(Card("en", "😀 🇫🇷", "News", "Chengdu Global Hub"), font_set("en"))
    assert [text for text, _ in drawn.texts][1] == "Chengdu Global Hub"


def test_two_renders_give_the_same_bytes():
    card = Card("zh", "成都—槟城直飞航线4月30日开通", "新闻", "成都国际友城合作枢纽", "2025年4月30日")
    first = render(card, font_set("zh")).png
    card_draw._font.cache_clear()
    assert render(card, font_set("zh")).png == first
    # Palette PNG, nothing but the image: no time, text or physical-size chunks.
    chunks = []
    data = first[8:]
    while data:
        length = int.from_bytes(data[:4], "big")
        chunks.append(data[4:8].decode())
        data = data[12 + length:]
    assert chunks[0] == "IHDR" and set(chunks) == {"IHDR", "PLTE", "IDAT", "IEND"}, chunks
    assert first[25] == 3  # colour type: palette


def test_a_long_title_is_wrapped_and_cut_with_an_ellipsis():
    title = "成都国际友城合作与发展大会" * 12
    drawn = render(Card("zh", title, "新闻", "成都国际友城合作枢纽"), font_set("zh"))
    lines = [text for text, face in drawn.texts if face.path.name == "NotoSerifCJK-Bold.ttc"]
    assert 3 <= len(lines) <= 4 and lines[-1].endswith("…")
    assert len(drawn.png) <= MAX_BYTES


def test_lines_break_where_each_script_allows():
    def measure(text: str) -> float:
        return len(text)

    # Latin: at spaces only, every word whole.
    sentence = "Chengdu and Penang open a direct flight on 30 April"
    lines, cut = wrap(sentence, 16, measure, 5)
    assert not cut and all(measure(line) <= 16 for line in lines) and len(lines) > 2
    assert " ".join(lines) == sentence
    # CJK: anywhere, but never a line starting with closing punctuation or ending with opening.
    text = "成都“友城”大会召开，签署协议。（新）「合作」扩大，再出发！"
    for width in range(3, 12):
        lines, _ = wrap(text, width, measure, 20)
        assert "".join(lines) == text
        assert not any(line[0] in "，。」）”！" for line in lines[1:]), lines
        assert not any(line[-1] in "“（「" for line in lines), lines
    # A number stays with its unit: 4月30日, not 4月30 / 日.
    for width in range(3, 12):
        lines, _ = wrap("直行便が4月30日に就航、12项协议", width, measure, 20)
        assert not any(line[-1].isdigit() for line in lines[:-1]), lines
    # French: no break before a colon, nor inside « ».
    for width in range(8, 30):
        lines, _ = wrap("Chengdu et Penang : « un vol direct » dès avril", width, measure, 20)
        assert not any(line.lstrip().startswith((":", "»")) for line in lines[1:]), lines
        assert not any(line.rstrip().endswith("«") for line in lines), lines


def test_a_lead_image_makes_the_card(tmp_path):
    """A card made from a photo: the photo on the right third, still small and reproducible."""
    import random

    rng = random.Random(7)
    photo = Image.new("RGB", (1600, 1067))
    photo.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(1600 * 1067)])
    path = tmp_path / "noise.jpg"
    photo.save(path, quality=90)  # noise: the worst case for compression
    card = Card("en", "Chengdu–Penang direct flight opens on 30 April", "News", "Chengdu Global Hub", "April 30, 2025")
    plain = render(card, font_set("en")).png
    with_photo = render(card, font_set("en"), path)
    assert with_photo.png != plain and with_photo.png == render(card, font_set("en"), path).png
    assert png_size(with_photo.png) == (1200, 630) and len(with_photo.png) <= MAX_BYTES
    with Image.open(io.BytesIO(with_photo.png)) as image:
        right = image.convert("L").crop((1200 - card_draw.IMAGE_WIDTH, 0, 1200, 630))
        assert len(right.getcolors()) > 2  # the photo's tones, not the white page
    drawn_without_tofu(with_photo)


def test_a_card_is_drawn_once_then_taken_from_the_cache(tmp_path):
    """A rebuild does not draw again; a changed title is a new card."""
    from types import SimpleNamespace

    from hub.graphics.card_fonts import FONT_DIRS
    from hub.graphics.cards import Cards

    def publish(card: Card, site: str) -> tuple[Cards, bytes]:
        maker = Cards(SimpleNamespace(), tmp_path / site, tmp_path / "cache", FONT_DIRS)
        maker._publish(card, "assets/cards/en/x.png")
        return maker, (tmp_path / site / "assets/cards/en/x.png").read_bytes()

    card = Card("en", "Chengdu and Penang", "News", "Chengdu Global Hub", "April 30, 2025")
    first, drawn = publish(card, "one")
    second, cached = publish(card, "two")
    assert (first.drawn, first.from_cache, second.drawn, second.from_cache) == (1, 0, 0, 1)
    assert cached == drawn == render(card, font_set("en")).png
    third, changed = publish(Card("en", "Chengdu and Osaka", "News", "Chengdu Global Hub"), "three")
    assert third.drawn == 1 and changed != drawn


@pytest.mark.parametrize("lang", LANGS)
def test_a_text_is_as_wide_as_its_characters(lang):
    """Cards measure a line from its characters' widths (card_draw._measure): that holds
    only while FreeType's basic layout kerns nothing, which a font with a `kern` table
    would change."""
    fonts = font_set(lang)
    samples = (HOSTILE, "成都—槟城直飞航线4月30日开通", "Chengdu et Penang : « un vol direct » dès avril",
               "AVANT-PREMIÈRE · Wa To Av Ty", "直行便が4月30日に就航、12项协议…", "l’Europe, “quoted”")
    for face in (fonts.title, fonts.label, fonts.text):
        for size in (66, 58, 50, 44, 32, 28):
            for text in samples:
                assert card_draw._measure(face, size)(text) == card_draw._font(face, size).getlength(text), text


def test_an_older_news_article_shows_the_news_sections_card(tmp_path):
    """extra.hub.card_days: a news article published that many days or more before the
    newest announces the news section's card and draws none; a newer one has its own, and
    policy explainers keep theirs whatever their age."""
    from dataclasses import replace

    from hub.editors.cli import load_settings
    from hub.editors.content import load_content
    from hub.graphics.card_fonts import FONT_DIRS
    from hub.graphics.cards import Cards
    from hub.site.render import Renderer
    from sitebuild import ROOT

    settings = load_settings(ROOT / "mkdocs.yml")
    ui, catalog = load_content(settings)
    newest = catalog.news[0]
    older = next(article for article in catalog.news if article.date < newest.date)
    settings = replace(settings, card_days=(newest.date - older.date).days)
    cards = Cards(Renderer(settings, catalog, ui), tmp_path / "site", tmp_path / "cache", FONT_DIRS)

    def card(src_uri: str, url_path: str, title: str = "x"):
        return cards.for_page(src_uri=src_uri, url_path=url_path, lang="en", content_lang="en", title=title,
                              description="News from Chengdu")

    section = card("news/index.md", "news/", ui.t("card_section_news", "en"))
    assert card(older.src_uri, older.url_path) == section
    assert section.url == settings.site_url + "assets/cards/en/news.png"
    own = card(newest.src_uri, newest.url_path)
    assert own.url == settings.site_url + f"assets/cards/en/{newest.url_path.strip('/')}.png"
    assert (tmp_path / "site" / f"assets/cards/en/{newest.url_path.strip('/')}.png").is_file()
    assert not (tmp_path / "site" / f"assets/cards/en/{older.url_path.strip('/')}.png").exists()
    assert cards.drawn == 2  # the section's and the newest article's
    policy = min(catalog.policies, key=lambda article: article.date)
    settings = replace(settings, card_days=1)
    cards.renderer.settings = settings
    assert card(policy.src_uri, policy.url_path).url.endswith(f"/{policy.url_path.strip('/')}.png")
