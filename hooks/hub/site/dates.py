"""Dates written the way each language writes them."""

from __future__ import annotations

from datetime import date
from functools import cache

from babel import Locale
from babel.dates import format_date


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


# Listings show the same few dates again and again (every card of every page): cached.
@cache
def long_date(day: date, lang: str) -> str:
    """16 avril 2025 / April 16, 2025 / 2025年4月16日."""
    return format_date(day, format="long", locale=_locale(lang))


def medium_date(day: date, lang: str) -> str:
    return format_date(day, format="medium", locale=_locale(lang))


def language_name(code: str, in_lang: str) -> str:
    """The name of language `code` written in `in_lang` (anglais, 英語, …)."""
    return _locale(in_lang).languages.get(code, code)


def country_name(code: str, in_lang: str) -> str:
    return _locale(in_lang).territories.get(code, code)
