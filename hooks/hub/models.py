"""The content model: one typed model per kind of record, the single definition of its format.

Language-independent facts (dates, amounts, codes, coordinates, links) are plain fields,
written once. Text a reader reads is `Localized`: zh and en required, fr and ja optional.
The JSON Schemas under data/schema/ are generated from these classes (`hub schema`).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, available_timezones

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

LANGUAGES: tuple[str, ...] = ("zh", "en", "fr", "ja")

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80),
    Field(description="lowercase letters a-z, digits and single hyphens, e.g. `manchester`"),
]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50000)]


def _check_url(value: str) -> str:
    if not re.fullmatch(r"https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:[/?#][^\s<>\"]*)?", value):
        raise ValueError("should be an absolute http:// or https:// address, like https://example.org/page")
    return value


def _check_email(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", value):
        raise ValueError("should be an e-mail address, like office@example.org")
    return value


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes, from the CLDR data that Babel ships."""
    from babel import Locale

    not_countries = {"EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ"}
    return frozenset(
        code for code in Locale("en").territories if len(code) == 2 and code.isalpha() and code not in not_countries
    )


def _check_country(value: str) -> str:
    if value not in country_codes():
        raise ValueError("should be an ISO 3166-1 alpha-2 country code in capitals, quoted, like \"FR\" or \"NO\"")
    return value


@lru_cache(maxsize=1)
def _time_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def _check_timezone(value: str) -> str:
    if value not in _time_zones():
        raise ValueError("should be an IANA time zone, like Asia/Shanghai or Europe/Paris")
    return value


def _parse_when(value: Any) -> Any:
    """A date (all day) or a local date and time; the zone is given in `timezone`."""
    if isinstance(value, (date, datetime)):
        return value
    if not isinstance(value, str):
        raise ValueError("should be a date like 2025-04-16 or a local time like \"2025-04-16 09:30\"")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?", value):
        return datetime.fromisoformat(value)
    raise ValueError(
        "should be a date like 2025-04-16 or a local time like \"2025-04-16 09:30\" (no offset: set timezone)"
    )


Url = Annotated[str, AfterValidator(_check_url)]
Email = Annotated[str, AfterValidator(_check_email)]
CountryCode = Annotated[str, AfterValidator(_check_country)]
TimeZoneName = Annotated[str, AfterValidator(_check_timezone)]
When = Annotated[date | datetime, BeforeValidator(_parse_when)]
Bcp47 = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")]


class Strict(BaseModel):
    """Unknown fields are typos, not extras: they are reported, never dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Localized(Strict):
    """One text in every language; zh and en are required, fr and ja fall back."""

    zh: Text
    en: Text
    fr: Text | None = None
    ja: Text | None = None

    def has(self, lang: str) -> bool:
        return getattr(self, lang, None) is not None

    def pick(self, lang: str, fallback: tuple[str, ...] = ()) -> tuple[str, str]:
        """(text, language it is in): the reader's language, else the first fallback that exists."""
        for candidate in (lang, *fallback, "en", "zh"):
            text = getattr(self, candidate, None)
            if text is not None:
                return text, candidate
        raise AssertionError("zh is required")  # pragma: no cover


class LocalizedShort(Localized):
    zh: ShortText
    en: ShortText
    fr: ShortText | None = None
    ja: ShortText | None = None


class LocalizedLong(Localized):
    zh: LongText
    en: LongText
    fr: LongText | None = None
    ja: LongText | None = None


class LocalizedNote(Strict):
    """A note that may concern only some languages (e.g. a name not certain in ja)."""

    zh: Text | None = None
    en: Text | None = None
    fr: Text | None = None
    ja: Text | None = None

    def get(self, lang: str) -> str | None:
        return getattr(self, lang, None)


class Coordinates(Strict):
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]


Continent = Literal["africa", "asia", "europe", "north-america", "south-america", "oceania"]


class City(Strict):
    """A partner city of Chengdu (data/cities/<id>.yml)."""

    name: LocalizedShort
    native_name: ShortText | None = None
    native_language: Bcp47 | None = None
    name_note: LocalizedNote | None = Field(
        None, description="per language, shown on the page when the name in that language is not certain"
    )
    country: CountryCode
    continent: Continent
    region: LocalizedShort | None = None
    relationship: Literal["sister-city", "friendship-cooperation"]
    chengdu_side: LocalizedShort
    established: Annotated[int, Field(ge=1949, le=2100, description="year the relationship was signed")]
    signed_on: date | None = None
    coordinates: Coordinates | None = None
    summary: Localized | None = None

    @model_validator(mode="after")
    def _signed_in_established_year(self) -> City:
        if self.signed_on is not None and self.signed_on.year != self.established:
            raise ValueError(f"signed_on {self.signed_on} is not in the year given by established ({self.established})")
        if (self.native_name is None) != (self.native_language is None):
            raise ValueError("native_name and native_language go together: give both or neither")
        return self


class Amount(Strict):
    value: Annotated[float, Field(gt=0)]
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
    period: Literal["once", "year", "month", "project"]
    up_to: bool = False


class Contact(Strict):
    organisation: LocalizedShort | None = None
    email: Email | None = None
    phone: Annotated[str, StringConstraints(pattern=r"^\+?[0-9 ()-]{5,30}$")] | None = None
    url: Url | None = None


OpportunityKind = Literal["incentive", "grant", "partnership", "procurement", "call-for-participation"]


class Opportunity(Strict):
    """Something a partner can apply for (data/opportunities/<id>.yml)."""

    title: LocalizedShort
    summary: Localized
    details: LocalizedLong | None = None
    eligibility: Localized | None = None
    issuer: LocalizedShort
    sector: Slug
    kind: OpportunityKind
    published: date
    deadline: date | None = None
    amount: Amount | None = None
    contact: Contact | None = None
    source: Localized
    source_url: Url | None = None
    policy: Slug | None = None
    topics: list[Slug] = []
    cities: list[Slug] = []

    @model_validator(mode="after")
    def _deadline_after_publication(self) -> Opportunity:
        if self.deadline is not None and self.deadline < self.published:
            raise ValueError(f"deadline {self.deadline} is before published {self.published}")
        return self


class Event(Strict):
    """A dated event (data/events/<id>.yml). All-day events give dates; others local times."""

    title: LocalizedShort
    summary: Localized
    description: LocalizedLong | None = None
    start: When
    end: When
    timezone: TimeZoneName
    place: LocalizedShort
    organiser: LocalizedShort | None = None
    url: Url | None = None
    cities: list[Slug] = []
    topics: list[Slug] = []
    status: Literal["scheduled", "cancelled", "moved"] = "scheduled"
    sequence: Annotated[int, Field(ge=0, description="raise by one each time a published event changes")] = 0

    @model_validator(mode="after")
    def _end_after_start(self) -> Event:
        if type(self.start) is not type(self.end):
            raise ValueError("start and end should both be dates (all-day) or both be local times")
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class ReportedFigure(Strict):
    value: Annotated[int, Field(ge=0)]
    as_of: date
    source: Localized


class HubFacts(Strict):
    """Figures the hub reports but cannot count itself (data/hub.yml)."""

    partner_cities_reported: ReportedFigure


class PageMeta(Strict):
    """Front matter of a hand-written page (home, section, about)."""

    title: ShortText | None = None
    description: ShortText | None = None
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = []


class ArticleOriginal(Strict):
    """Front matter of a news article in its original language (docs/zh/news/<year>/<slug>.md)."""

    title: ShortText
    summary: Text
    date: date
    updated: date | None = None
    topics: list[Slug] = []
    cities: list[Slug] = []

    @model_validator(mode="after")
    def _updated_after_date(self) -> ArticleOriginal:
        if self.updated is not None and self.updated < self.date:
            raise ValueError(f"updated {self.updated} is before date {self.date}")
        return self


class ArticleTranslation(Strict):
    """Front matter of a translation: only its own text; the facts stay in the original."""

    title: ShortText
    summary: Text


class PolicyOriginal(ArticleOriginal):
    """Front matter of a policy explainer in its original language (docs/zh/policies/<slug>.md)."""

    official_title: ShortText
    issued: date
    effective: date | None = None


class PolicyTranslation(ArticleTranslation):
    official_title_translation: ShortText | None = None
