"""Languages as configuration, piece by piece: localized text checked against the configured
languages, UI strings that fall back along a language's chain, what a language without data
of its own gets from its script."""

from __future__ import annotations

import pytest
from hub.pages.translations import missing_texts
from hub.source.catalog import load_catalog
from hub.source.languages import TextLanguages
from hub.source.models import City, LocalizedNote, LocalizedShort
from hub.source.scripts import reads_by_characters, script_of
from hub.source.ui import UiStrings
from pydantic import ValidationError
from sitebuild import MINIMAL

FIVE = TextLanguages(("zh", "en", "fr", "ja", "es"), ("zh", "en"))
CITY = {"name": {"zh": "巴塞罗那", "en": "Barcelona", "es": "Barcelona"}, "country": "ES", "continent": "europe",
        "relationship": "sister-city", "chengdu_side": {"zh": "成都市", "en": "Chengdu"}, "established": 2010}


def test_a_configured_language_is_accepted_and_picked() -> None:
    city = City.model_validate(CITY, context=FIVE.context())
    assert city.name.pick("es", ("en", "zh")) == ("Barcelona", "es")
    assert city.chengdu_side.pick("es", ("en", "zh")) == ("Chengdu", "en")
    assert [code for code, _ in city.name.items()] == ["zh", "en", "es"]


def test_a_language_not_configured_is_refused_where_it_is_written() -> None:
    with pytest.raises(ValidationError) as raised:
        City.model_validate(CITY, context=TextLanguages(("zh", "en", "fr", "ja"), ("zh", "en")).context())
    assert [(error["loc"], error["type"]) for error in raised.value.errors()] == [(("name", "es"), "extra_forbidden")]


def test_localized_text_cannot_be_validated_without_the_languages() -> None:
    with pytest.raises(TypeError, match="configured languages"):
        City.model_validate(CITY)


def test_a_note_in_some_languages_is_not_a_missing_translation() -> None:
    note = LocalizedNote({"zh": "尼泊尔城市名称待确认"})
    assert list(missing_texts(note, "fr")) == []
    assert list(missing_texts(LocalizedShort({"zh": "成都", "en": "Chengdu"}), "fr")) == ["name"]


def test_the_catalog_loads_with_the_languages_it_is_given() -> None:
    catalog = load_catalog(MINIMAL, FIVE)
    assert catalog.languages == FIVE.languages and catalog.default_language == "zh"


def test_ui_strings_fall_back_along_the_chain_with_their_own_plural_rules() -> None:
    ui = UiStrings(
        {"minutes": {"zh": "{count} 分钟", "en": {"one": "{count} minute", "other": "{count} minutes"}},
         "home": {"zh": "首页", "en": "Home", "es": "Inicio"}},
        fallback={"es": ("en", "zh"), "en": ("zh",)},
    )
    assert ui.t("home", "es") == "Inicio"
    assert ui.t("minutes", "es", count=1) == "1 minute"  # English words, English plural rules
    assert ui.written_in("minutes", "es") == "en"
    assert ui.missing("es") == ("minutes",)


def test_what_a_language_without_data_gets_from_its_script() -> None:
    assert [script_of(code) for code in ("zh", "ja", "en", "es", "ko", "ru", "zh-Hant")] == [
        "Hans", "Jpan", "Latn", "Latn", "Kore", "Cyrl", "Hant"]
    assert reads_by_characters("zh") and reads_by_characters("ja") and not reads_by_characters("es")


def test_the_rule_an_editor_is_told() -> None:
    assert FIVE.rule() == "zh and en are required, fr, ja and es optional"
    assert TextLanguages(("zh",), ("zh",)).rule() == "zh is required"
