"""Money written the way each language writes it: 最高1000万元/年, up to CN¥10 million a
year, jusqu'à 10 millions CNY par an, 年間最大1000万元.

Chinese and Japanese count large sums in 万 and 亿/億 and put the currency's name after
the number; English puts the symbol before and spells out millions; French writes the
number, then the code. A sum that the short form would round is written in full. How
each language does it is data (overrides/hub/amounts.yml), not code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel import Locale
from babel.numbers import format_decimal, get_currency_name, get_currency_symbol

from ..errors import ContentError, ContentErrors, display_path
from ..safety.yamlsafe import YamlProblem, decode, load_yaml
from .models import Amount

if TYPE_CHECKING:
    from .ui import UiStrings

AMOUNTS_FILE = "overrides/hub/amounts.yml"  # in the project
_PERIOD_KEYS = {"once": "amount_once", "year": "amount_per_year", "month": "amount_per_month",
                "project": "amount_per_project"}

Word = str | dict[str, str]  # text, or plural forms by CLDR category


@dataclass(frozen=True)
class MoneyStyle:
    """How one language writes sums (overrides/hub/amounts.yml); the defaults are what a
    language not listed there gets."""

    units: tuple[tuple[int, Word], ...] = ()  # (size, word), biggest first
    group_digits: bool = True
    money: str = "{number}\u00a0{symbol}"
    currency_names: dict[str, str] = field(default_factory=dict)


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def format_number(value: float, lang: str, style: MoneyStyle) -> str:
    """1000万, 10 million, 10 millions; in full (10,000,250) when a unit would round it."""
    amount = Decimal(str(value))
    locale = _locale(lang)
    for size, word in style.units:
        if amount < size:
            continue
        count = amount / size
        if count == count.quantize(Decimal("0.01")):
            # French writes "1,5 million" but "2 millions": the language's plural rules.
            if isinstance(word, dict):
                word = word.get(locale.plural_form(count), word["other"])
            number = format_decimal(
                count.normalize(), locale=locale, decimal_quantization=False, group_separator=style.group_digits
            )
            return number + word
        break
    return format_decimal(amount.normalize(), locale=locale, decimal_quantization=False)


def format_money(value: float, currency: str, lang: str, style: MoneyStyle) -> str:
    """The sum and its currency, without qualifiers: 1000万元, CN¥10 million, 10 millions CNY."""
    number = format_number(value, lang, style)
    values = {"number": number}
    if "{name}" in style.money:
        values["name"] = style.currency_names.get(currency) or get_currency_name(currency, locale=_locale(lang))
    if "{symbol}" in style.money:
        values["symbol"] = get_currency_symbol(currency, locale=_locale(lang))
    return style.money.format(**values)


def format_amount(amount: Amount, lang: str, ui: UiStrings) -> str:
    """The whole amount: 最高1000万元/年, up to CN¥10 million a year, CN¥2 million, one-off."""
    text = format_money(amount.value, amount.currency, lang, ui.money_styles.get(lang, MoneyStyle()))
    if amount.up_to:
        text = ui.t("amount_up_to", lang, amount=text)
    return ui.t(_PERIOD_KEYS[amount.period], lang, amount=text)


def load_money_styles(path: Path, root: Path) -> dict[str, MoneyStyle]:
    """overrides/hub/amounts.yml; every problem in it at once, with its line."""
    shown = display_path(path, root)
    if not path.is_file():
        return {}
    try:
        loaded = load_yaml(decode(path.read_bytes()))
    except YamlProblem as problem:
        raise ContentErrors([ContentError(shown, problem.line, "", problem.found, problem.expected)]) from None
    if not isinstance(loaded.value, dict):
        raise ContentErrors([ContentError(shown, 1, "", "no mapping of languages", "write lang: {units: …, money: …}")])
    errors: list[ContentError] = []
    styles = {}
    for lang, entry in loaded.value.items():
        def problem(where: tuple[Any, ...], found: str, expected: str, lang: str = lang) -> None:
            errors.append(ContentError(shown, loaded.line_of((lang, *where)), ".".join(map(str, (lang, *where))),
                                       found, expected))

        if not isinstance(entry, dict):
            problem((), "not a mapping", "give units, group_digits, money and currency_names")
            continue
        for extra in sorted(set(entry) - {"units", "group_digits", "money", "currency_names"}):
            problem((extra,), "an unknown key", "use units, group_digits, money or currency_names")
        units = []
        for index, unit in enumerate(entry.get("units") or []):
            size, word = (unit.get("size"), unit.get("word")) if isinstance(unit, dict) else (None, None)
            if not isinstance(size, int) or size < 10 or not _is_word(word):
                problem(("units", index), "not a unit", "{size: 1000000, word: \" million\"} (or word: {one: …, "
                                                        "other: …})")
                continue
            units.append((size, word))
        money = entry.get("money", MoneyStyle.money)
        if not isinstance(money, str) or "{number}" not in money:
            problem(("money",), repr(money),
                    "a pattern with {number} and {symbol} or {name}, like \"{symbol}{number}\"")
        names = entry.get("currency_names") or {}
        if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
            problem(("currency_names",), repr(names), "currency codes and their names, like {CNY: 元}")
        group = entry.get("group_digits", True)
        if not isinstance(group, bool):
            problem(("group_digits",), repr(group), "true or false")
        styles[str(lang)] = MoneyStyle(tuple(sorted(units, reverse=True)), group is not False, str(money),
                                       dict(names) if isinstance(names, dict) else {})
    if errors:
        raise ContentErrors(errors)
    return styles


def _is_word(word: Any) -> bool:
    return isinstance(word, str) or (
        isinstance(word, dict) and isinstance(word.get("other"), str) and all(isinstance(v, str) for v in word.values())
    )
