"""Money written the way each language writes it: 最高1000万元/年, up to CN¥10 million a
year, jusqu'à 10 millions CNY par an, 年間最大1000万元.

Chinese and Japanese count large sums in 万 and 亿/億 and put the currency's name after
the number; English puts the symbol before and spells out millions; French writes the
number, then the code. A sum that the short form would round is written in full.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from babel import Locale
from babel.numbers import format_decimal, get_currency_name, get_currency_symbol

from .models import Amount
from .ui import UiStrings

# Where babel's name or symbol is not what a reader of that language expects.
_CURRENCY_WORDS = {("zh", "CNY"): "元", ("ja", "CNY"): "元", ("ja", "JPY"): "円"}
_MYRIAD_LANGUAGES = ("zh", "ja")  # name after the number, no space
_PERIOD_KEYS = {"once": "amount_once", "year": "amount_per_year", "month": "amount_per_month",
                "project": "amount_per_project"}


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


# Large units per language, biggest first: (size, singular, plural).
_UNITS: dict[str, tuple[tuple[int, str, str], ...]] = {
    "zh": ((10**8, "亿", "亿"), (10**4, "万", "万")),
    "ja": ((10**8, "億", "億"), (10**4, "万", "万")),
    "en": ((10**9, " billion", " billion"), (10**6, " million", " million")),
    "fr": ((10**9, "\u00a0milliard", "\u00a0milliards"), (10**6, "\u00a0million", "\u00a0millions")),
}


def format_number(value: float, lang: str) -> str:
    """1000万, 10 million, 10 millions; in full (10,000,250) when a unit would round it."""
    amount = Decimal(str(value))
    locale = _locale(lang)
    for size, singular, plural in _UNITS.get(lang, ()):
        if amount < size:
            continue
        count = amount / size
        if count == count.quantize(Decimal("0.01")):
            # French writes "1,5 million" but "2 millions": the plural starts at two.
            word = plural if count >= 2 else singular
            # 1000万, not 1,000万: the unit already groups the digits.
            grouped = lang not in _MYRIAD_LANGUAGES
            number = format_decimal(
                count.normalize(), locale=locale, decimal_quantization=False, group_separator=grouped
            )
            return number + word
        break
    return format_decimal(amount.normalize(), locale=locale, decimal_quantization=False)


def format_money(value: float, currency: str, lang: str) -> str:
    """The sum and its currency, without qualifiers: 1000万元, CN¥10 million, 10 millions CNY."""
    number = format_number(value, lang)
    if lang in _MYRIAD_LANGUAGES:
        word = _CURRENCY_WORDS.get((lang, currency)) or get_currency_name(currency, locale=_locale(lang))
        return f"{number}{word}"
    symbol = get_currency_symbol(currency, locale=_locale(lang))
    if lang == "en":
        return f"{symbol}{number}"
    return f"{number}\u00a0{symbol}"


def format_amount(amount: Amount, lang: str, ui: UiStrings) -> str:
    """The whole amount: 最高1000万元/年, up to CN¥10 million a year, CN¥2 million, one-off."""
    text = format_money(amount.value, amount.currency, lang)
    if amount.up_to:
        text = ui.t("amount_up_to", lang, amount=text)
    return ui.t(_PERIOD_KEYS[amount.period], lang, amount=text)
