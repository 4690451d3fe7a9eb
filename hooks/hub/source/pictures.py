"""A picture as a template shows it (overrides/hub/_pictures.html): the addresses of its
variants, its size, and its texts in the reader's language. Lead images and pictures in
an article's text (hub.source.inline_pictures) are shown from the same variants."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..safety.images import SITE_PREFIX
from .image_variants import ImageSet
from .models import LeadImage


@dataclass(frozen=True)
class Picture:
    alt: str
    alt_lang: str  # the language the alt text is really in (a fallback's may differ)
    caption: tuple[str, str] | None  # (text, language)
    credit: str | None
    src: str  # the fallback for browsers without srcset
    webp_srcset: str
    fallback_srcset: str
    fallback_type: str
    # Of the widest variant, and of the narrowest (what a thumbnail shows): the ratio that
    # keeps the page from moving while the picture loads.
    width: int
    height: int
    small_width: int
    small_height: int


def picture(
    image: LeadImage | None, sets: Mapping[str, ImageSet], *, lang: str, fallbacks: tuple[str, ...], base: str
) -> Picture | None:
    """`base`: where the site's root is served (settings.base_path, or site_url in a feed)."""
    if image is None or image.src not in sets:
        return None
    alt, alt_lang = image.alt.pick(lang, fallbacks)
    caption = image.caption.pick(lang, fallbacks) if image.caption else None
    return picture_of(sets[image.src], alt=(alt, alt_lang), caption=caption, credit=image.credit, base=base)


def picture_of(
    image_set: ImageSet, *, alt: tuple[str, str], caption: tuple[str, str] | None, credit: str | None, base: str
) -> Picture:
    """The Picture of one image set; `alt` and `caption` as (text, language)."""
    folder = base + SITE_PREFIX
    smallest, largest = image_set.variants[0], image_set.largest
    return Picture(
        alt=alt[0],
        alt_lang=alt[1],
        caption=caption,
        credit=credit,
        # The mid-size variant: what a browser without srcset and a feed reader load.
        src=folder + image_set.at_least(960).fallback,
        webp_srcset=", ".join(f"{folder}{v.webp} {v.width}w" for v in image_set.variants),
        fallback_srcset=", ".join(f"{folder}{v.fallback} {v.width}w" for v in image_set.variants),
        fallback_type=image_set.fallback_type,
        width=largest.width,
        height=largest.height,
        small_width=smallest.width,
        small_height=smallest.height,
    )
