"""The hub's settings: read once from mkdocs.yml (`extra.hub`, the i18n plugin) and the
environment, into one frozen object. Nothing else in the package reads the environment.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..kinds import RecordKind, record_kinds
from .languages import TextLanguages


@dataclass(frozen=True)
class HubSettings:
    root: Path
    site_url: str  # always ends with "/"
    languages: tuple[str, ...]  # the languages built, default first
    language_names: dict[str, str]
    site_names: dict[str, str]
    fallback: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The languages every text of a record must be written in (`extra.hub.required_languages`;
    # default: the source language alone); the others fall back (hub.source.languages).
    required_languages: tuple[str, ...] = ()
    news_page_size: int = 10
    # The news listing's pages (news/, news/page/2/ …) stop after this many; the last one
    # leads on into the archive by year (hub.kinds.article).
    news_pages: int = 20
    # Articles on one page of a year or a topic of the news archive (hub.kinds.article).
    archive_page_size: int = 50
    # The newest news a partner city's page shows; with more, it links to the city's list
    # in the archive, news/cities/<id>/ (hub.kinds.article).
    city_news: int = 10
    # A part of a language's search index holds whole years of news until it holds this
    # many articles; a search covers the newest part, older ones on the reader's demand
    # (hub.engine.search_parts).
    search_part_articles: int = 1000
    closing_soon_days: int = 14
    # An opportunity without a deadline not confirmed for this many days is "unconfirmed".
    confirm_after_days: int = 180
    # A news article gets a social card of its own when published within this many days
    # of the newest one; older ones show the news section's card (hub.graphics.cards).
    card_days: int = 365
    # At most this many addresses in one sitemap file (the protocol's limit, 50,000); a site
    # with more gets a sitemap index and several files (hub.site.alternates).
    sitemap_max_urls: int = 50_000
    timezone: str = "Asia/Shanghai"
    build_date: date = date(2025, 1, 1)  # the day statuses describe (see build_day)
    build_time: datetime = datetime(2025, 1, 1)  # stamped into feeds and calendars (see build_moment)
    # Feed entry ids (tag: URIs) and calendar UIDs are minted under this name, not under
    # site_url: moving the site to another address must not make every item new again.
    id_domain: str = "localhost"
    id_year: int = 2025
    # Processes that build languages side by side under `mkdocs build` (hub.engine.parallel);
    # at most the number of cores. 1 builds them one after another.
    build_workers: int = 1
    # What an article not yet translated shows in fr or ja: "summary" (its summary in the
    # fallback language and a link to the full text there), "full" (the whole text) or
    # "recent" (the whole text of the last year's articles, the summary of older ones;
    # hub.pages.fallback_copies).
    fallback_pages: str = "summary"
    # The languages of the content, its source language first: all of them even when only
    # one is built (HUB_ONLY_LANGUAGE), so that a preview checks what a full build checks.
    content_languages: tuple[str, ...] = ()
    # Where the site's sources live on GitHub ("owner/name") and the branch editors change:
    # "Edit this page", "Translate this page" and "Report an error" open GitHub's forms there.
    # Empty: no such links (a build outside any repository).
    repository: str = ""
    branch: str = "main"
    # Where the fonts of social cards are looked for (HUB_FONT_DIRS, separated like PATH);
    # empty: where Debian's fonts-noto-cjk installs them (hub.graphics.card_fonts).
    font_dirs: tuple[Path, ...] = ()
    # Where drawn social cards are kept between builds (HUB_CARD_CACHE; default .cache/cards
    # in the project). Keys are hashes of what a card is drawn from: projects may share one.
    card_cache: Path | None = None
    # A preview (`mkdocs serve`, told by MkDocs' on_startup command) shows drafts and
    # articles scheduled for a later day, each with a banner; a published build
    # (`mkdocs build`, and the commands check and translations) leaves them out.
    preview: bool = False
    # Folders under docs/ that maintainers declare for their own assets (hub.safety.publishable),
    # and the theme's folders, overrides/ first: nothing in docs/ may take a file's place there.
    asset_folders: tuple[str, ...] = ()
    theme_dirs: tuple[Path, ...] = ()
    # The site's own kinds of record (`extra.hub.kinds`: modules importable from hooks/),
    # after the package's (hub.kinds).
    extra_kinds: tuple[str, ...] = ()

    @property
    def record_kinds(self) -> tuple[RecordKind, ...]:
        return record_kinds(self.extra_kinds, self.root / "hooks" if self.extra_kinds else None)

    @property
    def checked_languages(self) -> tuple[str, ...]:
        return self.content_languages or self.languages

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def text_languages(self) -> TextLanguages:
        """What the content models check localized text against."""
        checked = self.checked_languages
        return TextLanguages(checked, self.required_languages or checked[:1])

    @property
    def base_path(self) -> str:
        """The site's path on its host: "/" at a domain root, "/repo/" under a project."""
        return urlsplit(self.site_url).path or "/"

    @property
    def repository_url(self) -> str:
        """https://github.com/owner/name, or "" when the repository is not known."""
        return f"https://github.com/{self.repository}" if self.repository else ""

    def fallbacks(self, lang: str) -> tuple[str, ...]:
        return self.fallback.get(lang, (self.default_language,))

    def lang_prefix(self, lang: str) -> str:
        return "" if lang == self.default_language else f"{lang}/"

    def url(self, lang: str, path: str) -> str:
        """Absolute URL of `path` (relative to a language root, e.g. news/2025/x/) in `lang`."""
        return self.site_url + self.lang_prefix(lang) + path.lstrip("/")


# The build has two clocks. The *day* decides statuses (open, closing soon, closed; upcoming
# or past) and must follow the calendar: the daily deploy rebuilds an unchanged commit so that
# they stay true. The *moment* is stamped into output (feed and calendar timestamps) and must
# follow the content, so that two builds of one commit on one day give the same bytes.
# The deploy sets HUB_BUILD_DATE=today and SOURCE_DATE_EPOCH=<commit time> to get both.


def build_day(zone: str, environ: dict[str, str] | None = None) -> date:
    """The day statuses describe, in the hub's time zone.

    `HUB_BUILD_DATE` pins it: `YYYY-MM-DD` for tests and previews, or `today` (the current
    day in the hub's time zone). Otherwise `SOURCE_DATE_EPOCH` pins it for reproducible
    builds; otherwise it is today.
    """
    env = os.environ if environ is None else environ
    tz = ZoneInfo(zone)
    pinned = env.get("HUB_BUILD_DATE")
    if pinned == "today":
        return datetime.now(tz=tz).date()
    if pinned:
        try:
            return date.fromisoformat(pinned)
        except ValueError:
            raise ValueError(f"HUB_BUILD_DATE: found {pinned!r}; expected a date like 2025-04-20, or today") from None
    if env.get("SOURCE_DATE_EPOCH"):
        return datetime.fromtimestamp(int(env["SOURCE_DATE_EPOCH"]), tz=tz).date()
    return datetime.now(tz=tz).date()


def build_moment(zone: str, environ: dict[str, str] | None = None) -> datetime:
    """The moment stamped into the output, in the hub's time zone.

    `SOURCE_DATE_EPOCH` pins it for reproducible builds; otherwise noon of a pinned
    `HUB_BUILD_DATE` day; otherwise it is now.
    """
    env = os.environ if environ is None else environ
    tz = ZoneInfo(zone)
    if env.get("SOURCE_DATE_EPOCH"):
        return datetime.fromtimestamp(int(env["SOURCE_DATE_EPOCH"]), tz=tz)
    if env.get("HUB_BUILD_DATE"):
        day = build_day(zone, env)
        return datetime(day.year, day.month, day.day, 12, tzinfo=tz)
    return datetime.now(tz=tz)


def in_github_actions(environ: dict[str, str] | None = None) -> bool:
    """True inside a GitHub Actions job: the check then also prints annotations."""
    env = os.environ if environ is None else environ
    return env.get("GITHUB_ACTIONS") == "true"


def repository(configured: Any, environ: dict[str, str] | None = None) -> str:
    """The GitHub repository ("owner/name") the site is edited in.

    `HUB_REPOSITORY` overrides `extra.hub.repository`; under GitHub Actions the repository
    the workflow runs in (`GITHUB_REPOSITORY`) does, so that a fork links to itself unchanged.
    """
    env = os.environ if environ is None else environ
    value = str(env.get("HUB_REPOSITORY") or env.get("GITHUB_REPOSITORY") or configured or "").strip()
    if value and not _REPOSITORY.fullmatch(value):
        raise ValueError(f"repository: found {value!r}; expected owner/name, like chengdu-global-hub/hub")
    return value


# GitHub's own limits on owner and repository names: nothing else may reach a URL.
_REPOSITORY = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}")


def settings_from_config(config: Any, *, preview: bool = False) -> HubSettings:
    """Read the settings from a loaded MkDocs config; `preview` under `mkdocs serve`."""
    i18n = config.plugins["i18n"].config
    ordered = sorted(i18n.languages, key=lambda lang: not lang.default)
    languages = tuple(lang.locale for lang in ordered if lang.build)
    hub: dict[str, Any] = dict(config.extra.get("hub") or {})
    all_languages = tuple(lang.locale for lang in ordered)
    # mkdocs-static-i18n makes the one language it builds the default: the source
    # language is then the first listed in mkdocs.yml.
    content_languages = tuple(lang.locale for lang in (ordered if not i18n.build_only_locale else i18n.languages))
    zone = hub.get("timezone", "Asia/Shanghai")
    moment = build_moment(zone)
    site_url = config.site_url or "http://127.0.0.1:8000/"
    if not site_url.endswith("/"):
        site_url += "/"
    return HubSettings(
        root=Path(config.config_file_path).resolve().parent,
        site_url=site_url,
        languages=languages,
        content_languages=content_languages,
        language_names={lang.locale: lang.name for lang in ordered},
        site_names={lang.locale: lang.site_name or config.site_name for lang in ordered},
        fallback=fallback_chains(hub.get("fallback"), all_languages),
        required_languages=required_languages(hub.get("required_languages"), content_languages),
        news_page_size=page_size(hub.get("news_page_size", 10), "news_page_size"),
        news_pages=page_count(hub.get("news_pages", 20), "news_pages"),
        archive_page_size=page_size(hub.get("archive_page_size", 50), "archive_page_size"),
        city_news=page_size(hub.get("city_news", 10), "city_news"),
        search_part_articles=article_count(hub.get("search_part_articles", 1000), "search_part_articles"),
        closing_soon_days=int(hub.get("closing_soon_days", 14)),
        confirm_after_days=_days(hub.get("confirm_after_days", 180), "confirm_after_days"),
        card_days=_days(hub.get("card_days", 365), "card_days"),
        sitemap_max_urls=sitemap_max_urls(hub.get("sitemap_max_urls", 50_000)),
        timezone=zone,
        build_date=build_day(zone),
        build_time=moment,
        id_domain=str(hub.get("id_domain") or urlsplit(site_url).hostname or "localhost"),
        id_year=int(hub.get("id_year", 2025)),
        build_workers=build_workers(hub.get("build_workers", 2)),
        repository=repository(hub.get("repository")),
        branch=branch(hub.get("branch")),
        preview=preview,
        fallback_pages=_choice(hub.get("fallback_pages", "summary"), "fallback_pages", ("summary", "full", "recent")),
        font_dirs=tuple(Path(part) for part in os.environ.get("HUB_FONT_DIRS", "").split(os.pathsep) if part),
        card_cache=Path(os.environ["HUB_CARD_CACHE"]) if os.environ.get("HUB_CARD_CACHE") else None,
        asset_folders=tuple(hub.get("asset_folders") or ()),
        theme_dirs=tuple(Path(folder) for folder in getattr(config.theme, "dirs", ())),
        extra_kinds=extra_kinds(hub.get("kinds"), Path(config.config_file_path).resolve().parent / "hooks"),
    )


def extra_kinds(configured: Any, hooks: Path) -> tuple[str, ...]:
    """`extra.hub.kinds`: module names, each defining a kind of record (hub.kinds); imported
    here, so that a kind that cannot be used stops the build before anything is read."""
    if configured is None:
        return ()
    if not isinstance(configured, list) or not all(isinstance(name, str) and name for name in configured):
        raise ValueError(f"extra.hub.kinds in mkdocs.yml is {configured!r}; expected a list of module names "
                         "in the hooks folder, like [tenders]")
    names = tuple(configured)
    record_kinds(names, hooks)  # KindError, a ValueError, says what is wrong
    return names


def fallback_chains(configured: Any, languages: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """`extra.hub.fallback`: for a language, the languages its readers are shown, in order,
    where a text is not written in theirs. Only languages the i18n plugin lists."""
    if configured is None:
        return {}
    if not isinstance(configured, dict):
        raise ValueError(f"extra.hub.fallback in mkdocs.yml is {configured!r}; expected one chain per language, "
                         "like {fr: [en, zh]}")
    chains = {}
    for lang, chain in configured.items():
        if not isinstance(chain, list) or not chain:
            raise ValueError(f"extra.hub.fallback.{lang} in mkdocs.yml is {chain!r}; expected a list of languages, "
                             "like [en, zh]")
        unknown = [code for code in (lang, *chain) if code not in languages]
        if unknown:
            raise ValueError(f"extra.hub.fallback.{lang} in mkdocs.yml names {', '.join(map(str, unknown))}, not a "
                             f"language of the i18n plugin ({', '.join(languages)}); add it there or remove it here")
        chains[str(lang)] = tuple(str(code) for code in chain)
    return chains


def required_languages(configured: Any, languages: tuple[str, ...]) -> tuple[str, ...]:
    """`extra.hub.required_languages`: every text of a record is written in these, the
    source language (the i18n plugin's default, `languages[0]`) first."""
    if configured is None:
        return ()
    if (not isinstance(configured, list) or not configured or configured[0] != languages[0]
            or any(code not in languages for code in configured)):
        raise ValueError(f"extra.hub.required_languages in mkdocs.yml is {configured!r}; expected a list of "
                         f"languages of the i18n plugin ({', '.join(languages)}), the source language first")
    return tuple(configured)


def _choice(value: Any, name: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValueError(f"extra.hub.{name} in mkdocs.yml is {value!r}; expected one of {', '.join(allowed)}")
    return str(value)


def _whole_number(value: Any, name: str, expected: str) -> int:
    """A setting that counts something (days, articles, pages): a whole number from 1;
    `expected` says what it counts, with an example ("days, like 180")."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"extra.hub.{name} in mkdocs.yml is {value!r}; expected a whole number of {expected}")
    return value


def _days(value: Any, name: str) -> int:
    return _whole_number(value, name, "days, like 180")


def page_size(value: Any, name: str) -> int:
    """`extra.hub.news_page_size`, `archive_page_size`, `city_news`: articles on one page
    of a list."""
    return _whole_number(value, name, "articles a page, like 10")


def article_count(value: Any, name: str) -> int:
    """`extra.hub.search_part_articles`: how many articles a part of something holds."""
    return _whole_number(value, name, "articles, like 1000")


def page_count(value: Any, name: str) -> int:
    """`extra.hub.news_pages`: how many pages a list runs to."""
    return _whole_number(value, name, "pages, like 20")


def sitemap_max_urls(value: Any) -> int:
    """`extra.hub.sitemap_max_urls`: between 1 and the protocol's 50,000."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 50_000:
        raise ValueError(f"extra.hub.sitemap_max_urls in mkdocs.yml is {value!r}; expected a whole number "
                         "from 1 to 50000 (the sitemap protocol's limit), like 50000")
    return value


def build_workers(configured: Any, environ: dict[str, str] | None = None) -> int:
    """`extra.hub.build_workers`, overridden by HUB_BUILD_WORKERS, capped by the cores;
    1 where processes cannot be forked (hub.engine.parallel)."""
    from ..engine.parallel import fork_available

    env = os.environ if environ is None else environ
    wanted = int(env.get("HUB_BUILD_WORKERS") or configured or 1)
    if not fork_available():
        return 1
    return max(1, min(wanted, os.cpu_count() or 1))


def branch(configured: Any, environ: dict[str, str] | None = None) -> str:
    """The branch editors propose changes to: `HUB_BRANCH`, else `extra.hub.branch`, else main."""
    env = os.environ if environ is None else environ
    value = str(env.get("HUB_BRANCH") or configured or "main").strip()
    if not re.fullmatch(r"[A-Za-z0-9._/-]{1,200}", value) or ".." in value or value.startswith(("/", "-")):
        raise ValueError(f"branch: found {value!r}; expected a branch name like main")
    return value
