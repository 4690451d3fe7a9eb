"""The content model: one typed model per kind of record, the single definition of its format.

Language-independent facts (dates, amounts, codes, coordinates, links) are plain fields,
written once. Text a reader reads is `Localized`: one text per configured language, the
required ones always (hub.source.languages).
The JSON Schemas under data/schema/ are generated from these classes (`hub schema`).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, available_timezones

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    create_model,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from ..errors import MESSAGES_LANGUAGE
from ..safety.slugs import MAX_SLUG_LENGTH, SLUG_PATTERN
from .languages import TextLanguages, from_context, from_schema_generator

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=MAX_SLUG_LENGTH),
    Field(description="lowercase letters a-z, digits and single hyphens, e.g. `manchester`"),
]
# An earlier address of a page, relative to the language root: news/2025/old-slug/ or
# events/old-id/. See hub.source.aliases.
Alias = Annotated[
    str,
    StringConstraints(pattern=r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+$", max_length=200),
    Field(description="an earlier address of the page inside the language root, ending with /, "
                      "e.g. news/2025/old-slug/"),
]


ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50000)]


def _check_markdown(value: str) -> str:
    """The gate every Markdown text passes (hub.source.markdown_limits), pages and records alike:
    a field shaped to crash or stall the converter is refused here, with its file and line."""
    from .markdown_limits import markdown_problems  # it reads pages, which read the models

    problems = markdown_problems(value)
    if problems:
        first = problems[0]
        where = f" on line {first.line} of the text" if first.line else ""
        raise ValueError(f"{first.found}{where}; {first.expected}")
    from .prose import picture_in

    picture = picture_in(value)
    if picture is not None:
        raise ValueError(f"a picture in the text ({picture[:80]}); a record's text shows no pictures: give the record "
                         "its picture with image: (src, alt), as CONTRIBUTING.md says under Pictures")
    return value


# Text written in Markdown (an opportunity's details, an event's description).
MarkdownText = Annotated[LongText, AfterValidator(_check_markdown)]


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
    territories = Locale.parse(MESSAGES_LANGUAGE).territories
    return frozenset(code for code in territories if len(code) == 2 and code.isalpha() and code not in not_countries)


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


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_LOCAL_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?")


def _real_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"should be a real date ({error}); check the day and the month") from None


def _parse_day(value: Any) -> Any:
    """A calendar day written YYYY-MM-DD. Only text: pydantic on its own would also take a
    number as seconds since 1970, and a typo as a date in 1970 is worse than an error."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _DAY.fullmatch(value.strip()):
        return _real_date(value.strip())
    if isinstance(value, str) and _LOCAL_TIME.fullmatch(value.strip()):
        raise ValueError("should be a day without a time, like 2025-04-16")
    raise ValueError("should be a date written YYYY-MM-DD, like 2025-04-16")


def _parse_when(value: Any) -> Any:
    """A date (all day) or a local date and time; the zone is given in `timezone`."""
    if isinstance(value, (date, datetime)):
        return value
    if not isinstance(value, str):
        raise ValueError("should be a date like 2025-04-16 or a local time like \"2025-04-16 09:30\"")
    value = value.strip()
    if _DAY.fullmatch(value):
        return _real_date(value)
    if _LOCAL_TIME.fullmatch(value):
        _real_date(value[:10])
        try:
            return datetime.fromisoformat(value)
        except ValueError as error:
            raise ValueError(f"should be a real time of day ({error}), like \"2025-04-16 09:30\"") from None
    if re.fullmatch(r"\d{1,2}:\d{2}(?::\d{2})?", value):
        raise ValueError("is a time without its day; write both, quoted, like \"2025-04-16 09:30\"")
    raise ValueError(
        "should be a date like 2025-04-16 or a local time like \"2025-04-16 09:30\" (no offset: set timezone)"
    )


_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})")


def _parse_published(value: Any) -> Any:
    """An article's date: a day, or a day and time with its offset from UTC (the moment it
    was published, shown in the hub's time zone). Without the offset a time would mean a
    different moment to every reader, so it is refused."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("is a time without its offset from UTC; add it, like 2025-04-16T10:30:00+08:00")
        return value
    if isinstance(value, str) and _MOMENT.fullmatch(value.strip()):
        _real_date(value.strip()[:10])
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError as error:
            raise ValueError(f"should be a real time of day ({error}), like 2025-04-16T10:30:00+08:00") from None
    if isinstance(value, str) and _LOCAL_TIME.fullmatch(value.strip()):
        raise ValueError("is a time without its offset from UTC; add it, like 2025-04-16T10:30:00+08:00, "
                         "or give the day alone, like 2025-04-16")
    try:
        return _parse_day(value)
    except ValueError:
        raise ValueError("should be a date written YYYY-MM-DD, like 2025-04-16, or a date and time with its "
                         "offset, like 2025-04-16T10:30:00+08:00") from None


# The JSON Schemas (data/schema/) say what an editor's YAML should look like; they must
# not depend on the machine that generates them (the time zone list does), so some
# types describe themselves instead of letting pydantic derive it.
Url = Annotated[str, AfterValidator(_check_url), WithJsonSchema({"type": "string", "format": "uri",
                                                                  "pattern": "^https?://"})]
Email = Annotated[str, AfterValidator(_check_email), WithJsonSchema({"type": "string", "format": "email"})]
CountryCode = Annotated[
    str,
    AfterValidator(_check_country),
    WithJsonSchema({"type": "string", "pattern": "^[A-Z]{2}$",
                    "description": "ISO 3166-1 alpha-2 code in capitals, quoted, e.g. \"FR\""}),
]
TimeZoneName = Annotated[
    str,
    AfterValidator(_check_timezone),
    WithJsonSchema({"type": "string", "pattern": "^[A-Za-z_]+(?:/[A-Za-z0-9_+-]+)*$",
                    "description": "IANA time zone, e.g. Asia/Shanghai"}),
]
Day = Annotated[
    date,
    BeforeValidator(_parse_day),
    WithJsonSchema({"type": "string", "format": "date", "description": "YYYY-MM-DD, e.g. 2025-04-16"}),
]
When = Annotated[
    date | datetime,
    BeforeValidator(_parse_when),
    WithJsonSchema({
        "type": "string",
        "pattern": "^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?)?$",
        "description": "a date (all day), e.g. 2025-04-16, or a local time, quoted, e.g. \"2025-04-16 09:30\"",
    }),
]
Published = Annotated[
    date | datetime,
    BeforeValidator(_parse_published),
    WithJsonSchema({
        "type": "string",
        "pattern": "^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:\\d{2}))?$",
        "description": "a date, e.g. 2025-04-16, or a date and time with its offset, e.g. 2025-04-16T10:30:00+08:00",
    }),
]
Bcp47 = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")]


class Strict(BaseModel):
    """Unknown fields are typos, not extras: they are reported, never dropped."""

    # Infinity and NaN (`.inf`, "1e999") are no amount or coordinate a reader can read.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Localized:
    """One text per language: the required languages (`extra.hub.required_languages`)
    always, the others when written; the languages come from configuration
    (hub.source.languages), so a localized field is checked when it is validated, not here.

    A reader's language missing, `pick` follows the fallback chain (`extra.hub.fallback`)."""

    # The text of each language (constraints as the other fields'), and whether the
    # required languages must be there: a note may concern only some languages.
    text_type: Any = Text
    all_optional = False

    def __init__(self, texts: dict[str, str]) -> None:
        self._texts = dict(texts)

    @staticmethod
    def describe(languages: TextLanguages) -> str | None:
        """The description in the JSON Schema (data/schema/)."""
        return f"One text in every language; {languages.rule(others='fall back')}."

    def has(self, lang: str) -> bool:
        return lang in self._texts

    def get(self, lang: str) -> str | None:
        return self._texts.get(lang)

    def items(self) -> list[tuple[str, str]]:
        """(language, text) for every text written, in the order of the configured languages."""
        return list(self._texts.items())

    def pick(self, lang: str, fallback: tuple[str, ...] = ()) -> tuple[str, str]:
        """(text, language it is in): the reader's language, else the first fallback that
        exists, else the first text written (in the order of the configured languages)."""
        for candidate in (lang, *fallback):
            text = self._texts.get(candidate)
            if text is not None:
                return text, candidate
        for candidate, text in self._texts.items():
            return text, candidate
        raise AssertionError("a localized text without any language")  # pragma: no cover

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._texts == self._texts  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), tuple(self._texts.items())))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._texts!r})"

    @classmethod
    def model_for(cls, languages: TextLanguages) -> type[BaseModel]:
        """The pydantic model of this kind of text for these languages."""
        return _localized_model(cls, languages)

    @classmethod
    def _validate(cls, value: Any, info: ValidationInfo) -> Localized:
        if isinstance(value, cls) and value.all_optional <= cls.all_optional:
            return value  # already checked (a note, which may lack any language, is not a text)
        # Its errors keep their place (name.en, name.es) under the field being validated.
        checked = cls.model_for(from_context(info.context)).model_validate(value)
        return cls({lang: text for lang, text in checked if text is not None})

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.with_info_plain_validator_function(cls._validate, ref=cls.__name__)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        languages = from_schema_generator(getattr(handler, "generate_json_schema", None))
        return cls.model_for(languages).model_json_schema()


@cache
def _localized_model(kind: type[Localized], languages: TextLanguages) -> type[BaseModel]:
    def field(lang: str) -> Any:
        if lang in languages.required and not kind.all_optional:
            return (kind.text_type, ...)
        return (kind.text_type | None, None)

    return create_model(kind.__name__, __base__=Strict, __doc__=kind.describe(languages),
                        **{lang: field(lang) for lang in languages.languages})


class LocalizedShort(Localized):
    text_type = ShortText

    @staticmethod
    def describe(languages: TextLanguages) -> str | None:
        return None


class LocalizedLong(Localized):  # Markdown, in every language
    text_type = MarkdownText

    @staticmethod
    def describe(languages: TextLanguages) -> str | None:
        return None


class LocalizedNote(Localized):
    all_optional = True

    @staticmethod
    def describe(languages: TextLanguages) -> str | None:
        return f"A note that may concern only some languages (e.g. a name not certain in {languages.languages[-1]})."


# A file under docs/assets/images/: a relative path of plain names, no `..` (hub.safety.images).
ImageSource = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*(?:/[A-Za-z0-9][A-Za-z0-9_-]*"
                              r"(?:\.[A-Za-z0-9_-]+)*)*\.[A-Za-z]{3,4}$", max_length=200),
    Field(description="a file under docs/assets/images/, e.g. conference-2025.jpg (JPEG, PNG or WebP)"),
]


class LeadImage(Strict):
    """A picture shown large on its page and small in lists (hub.safety.images makes the files).
    Written once for every language; the texts a reader reads are per language."""

    src: ImageSource
    alt: Annotated[LocalizedShort, Field(description="what the picture shows, for readers who cannot see it")]
    caption: Localized | None = None
    credit: ShortText | None = Field(None, description="who took or owns the picture, shown with the caption")


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
    signed_on: Day | None = None
    coordinates: Coordinates | None = None
    summary: Localized | None = None
    image: LeadImage | None = None
    # Earlier addresses (<folder>/old-id/): redirects, and the first keeps feed id and calendar UID
    # (hub.source.aliases).
    aliases: list[Alias] = []

    @field_validator("signed_on")
    @classmethod
    def _signed_in_established_year(cls, value: date | None, info: ValidationInfo) -> date | None:
        established = info.data.get("established")
        if value is not None and established is not None and value.year != established:
            raise ValueError(f"should be in {established}, the year given by established; fix one of the two")
        return value

    @model_validator(mode="after")
    def _native_name_and_language(self) -> City:
        if (self.native_name is None) != (self.native_language is None):
            raise ValueError("native_name and native_language go together: give both or neither")
        return self


class Amount(Strict):
    value: Annotated[float, Field(gt=0)]
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
    period: Literal["once", "year", "month", "project"]
    # Strict: YAML 1.2 reads yes/no/on/off as text, and so does an editor's schema check.
    up_to: Annotated[bool, Field(strict=True)] = False


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
    published: Day
    deadline: Day | None = None
    # Without a deadline nothing says when an offer ends: an editor confirms it is still on
    # offer from time to time, and after extra.hub.confirm_after_days it shows as unconfirmed.
    confirmed: Annotated[Day | None, Field(description="without a deadline: the day an editor last checked it is "
                                                       "still on offer (default: published)")] = None
    amount: Amount | None = None
    contact: Contact | None = None
    source: Localized
    source_url: Url | None = None
    policy: Slug | None = None
    topics: list[Slug] = []
    cities: list[Slug] = []
    image: LeadImage | None = None
    # Earlier addresses (<folder>/old-id/): redirects, and the first keeps feed id and calendar UID
    # (hub.source.aliases).
    aliases: list[Alias] = []

    @field_validator("deadline")
    @classmethod
    def _deadline_after_publication(cls, value: date | None, info: ValidationInfo) -> date | None:
        published = info.data.get("published")
        if value is not None and published is not None and value < published:
            raise ValueError(f"is before published ({published}); a deadline cannot come before publication")
        return value

    @field_validator("confirmed")
    @classmethod
    def _confirmed_after_publication(cls, value: date | None, info: ValidationInfo) -> date | None:
        published = info.data.get("published")
        if value is not None and published is not None and value < published:
            raise ValueError(f"is before published ({published}); an offer is confirmed on or after publication")
        if value is not None and info.data.get("deadline") is not None:
            raise ValueError("is given with a deadline; the deadline says how long it is open: "
                             "remove confirmed, or the deadline if there is none")
        return value

    @property
    def confirmed_on(self) -> date:
        """The day it was last confirmed to be on offer: `confirmed`, else `published`."""
        return self.confirmed or self.published


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
    # Without it the feeds date the event by its start, which may be months ahead.
    published: Annotated[Day | None, Field(description="the day it is announced on the site; the feeds list it "
                                                        "from then")] = None
    # At most the largest INTEGER of iCalendar (RFC 5545, 3.3.8).
    sequence: Annotated[int, Field(ge=0, le=2**31 - 1,
                                   description="raise by one each time a published event changes")] = 0
    image: LeadImage | None = None
    # Earlier addresses (<folder>/old-id/): redirects, and the first keeps feed id and calendar UID
    # (hub.source.aliases).
    aliases: list[Alias] = []

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, value: date | datetime, info: ValidationInfo) -> date | datetime:
        start = info.data.get("start")
        if start is None:
            return value
        if type(start) is not type(value):
            raise ValueError(
                "should be written like start: both dates (an all-day event, 2025-04-16) "
                "or both local times (\"2025-04-16 09:30\")"
            )
        if value < start:
            shown = start.isoformat(sep=" ", timespec="minutes") if isinstance(start, datetime) else start
            raise ValueError(f"is before start ({shown}); an event cannot end before it starts")
        return value

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class ReportedFigure(Strict):
    value: Annotated[int, Field(ge=0)]
    as_of: Day
    source: Localized


# data/topics.yml and data/sectors.yml: id -> its name in each language.
Taxonomy = dict[Slug, LocalizedShort]


class Publisher(Strict):
    """Who publishes the hub and answers for it: named on About, reachable by readers."""

    name: LocalizedShort
    email: Email = Field(description="the address readers write to about the hub's content")


class HubFacts(Strict):
    """What the hub says about itself (data/hub.yml): who publishes it, and figures it
    reports but cannot count itself."""

    publisher: Publisher
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
    date: Published
    updated: Day | None = None
    topics: list[Slug] = []
    cities: list[Slug] = []
    image: LeadImage | None = None
    # Not published by `mkdocs build` (shown by `mkdocs serve`, with a banner): hub.source.publishing.
    draft: bool = False
    # Earlier addresses: each gets a redirect page (hub.source.aliases); the first keeps the feed id.
    aliases: list[Alias] = []
    # The feed entry id's last part, when it must stay what an earlier file name made it.
    id: Slug | None = None
    events: Annotated[list[Slug], Field(description="ids of the events (data/events/) the article reports on; "
                                                    "each event's page links back")] = []

    @field_validator("updated")
    @classmethod
    def _updated_after_date(cls, value: date | None, info: ValidationInfo) -> date | None:
        published = info.data.get("date")
        if isinstance(published, datetime):
            published = published.date()
        if value is not None and published is not None and value < published:
            raise ValueError(f"is before date ({published}); an article cannot be updated before it is published")
        return value

    @property
    def day(self) -> date:
        """The day it was published, as written (the day part of a date and time)."""
        return self.date.date() if isinstance(self.date, datetime) else self.date


class ArticleTranslation(Strict):
    """Front matter of a translation: only its own text; the facts stay in the original."""

    title: ShortText
    summary: Text


class PolicyOriginal(ArticleOriginal):
    """Front matter of a policy explainer in its original language (docs/zh/policies/<slug>.md)."""

    official_title: ShortText
    issued: Day
    effective: Day | None = None


class PolicyTranslation(ArticleTranslation):
    official_title_translation: ShortText | None = None
