"""What a pull request changes, for its reviewers and its author: the job summary of the
pull-request workflow (`make report BASE=origin/main`, written to $GITHUB_STEP_SUMMARY).

Everything is read from what the two builds wrote (the pull request's site and the target
branch's site) and from the content of both checkouts, so the report says what readers and
subscribers will get: pages added, changed and removed per language; feed entries and
calendar events added or changed; translations that became missing or outdated; content
problems; and how to open the preview.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from ..errors import ContentError
from ..source.settings import HubSettings

LIST_LIMIT = 25  # items shown per list; the rest are counted
_ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.DOTALL)
_ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


# -- pages ------------------------------------------------------------------------------------


def page_fingerprints(site: Path, languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """language -> page address (inside the language root) -> a digest of what the page
    shows (its article, without the chrome every page shares)."""
    pages: dict[str, dict[str, str]] = {lang: {} for lang in languages}
    if not site.is_dir():
        return pages
    others = set(languages[1:])
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        parts = [] if rel == "." else rel.split("/")
        if parts and parts[0] in ("assets", "pagefind", "search"):
            continue
        lang = parts[0] if parts and parts[0] in others else languages[0]
        inside = "/".join(parts[1:] if lang != languages[0] else parts)
        html = path.read_text(encoding="utf-8", errors="replace")
        match = _ARTICLE.search(html)
        shown = match.group(1) if match else html
        pages[lang][inside + "/" if inside else ""] = hashlib.blake2b(shown.encode(), digest_size=16).hexdigest()
    return pages


def compare(before: dict[str, str], after: dict[str, str]) -> Changes:
    return Changes(
        added=sorted(after.keys() - before.keys()),
        changed=sorted(key for key in after.keys() & before.keys() if after[key] != before[key]),
        removed=sorted(before.keys() - after.keys()),
    )


# -- feeds and calendars ----------------------------------------------------------------------


def feed_entries(site: Path, lang: str, default: str) -> dict[str, str]:
    """id -> "title (updated)" of the entries in a language's feed of everything."""
    path = site / ("" if lang == default else lang) / "feeds" / "all.atom.xml"
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):
        return {}
    entries = {}
    for entry in root.iter(f"{_ATOM}entry"):
        entry_id = entry.findtext(f"{_ATOM}id") or ""
        title = entry.findtext(f"{_ATOM}title") or ""
        updated = entry.findtext(f"{_ATOM}updated") or ""
        content = entry.findtext(f"{_ATOM}content") or entry.findtext(f"{_ATOM}summary") or ""
        digest = hashlib.blake2b(content.encode(), digest_size=8).hexdigest()
        entries[entry_id] = f"{title}\t{updated}\t{digest}"
    return entries


def calendar_events(site: Path) -> dict[str, str]:
    """UID -> what a calendar app shows of each event and deadline (title, times, place)."""
    from icalendar import Calendar

    events: dict[str, str] = {}
    for path in sorted((site / "calendars").glob("*.ics")) if (site / "calendars").is_dir() else ():
        try:
            calendar = Calendar.from_ical(path.read_bytes())
        except (OSError, ValueError):
            continue
        for event in calendar.walk("VEVENT"):
            shown = "\t".join(str(event.get(key, "")) for key in ("SUMMARY", "SEQUENCE", "LOCATION", "STATUS"))
            times = "\t".join(event.decoded(key).isoformat() if key in event else "" for key in ("DTSTART", "DTEND"))
            events[str(event.get("UID"))] = f"{shown}\t{times}"
    return events


def _titles(before: dict[str, str], after: dict[str, str]) -> Changes:
    changes = compare(before, after)
    title = {**before, **after}
    return Changes(*([title[key].split("\t")[0] or key for key in keys]
                     for keys in (changes.added, changes.changed, changes.removed)))


# -- translations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TranslationState:
    missing: dict[str, set[str]]  # lang -> src_uris
    outdated: dict[str, set[str]]


def translation_state(settings: HubSettings) -> TranslationState | None:
    """Missing and outdated translations of the content at settings.root; None when the
    content cannot be loaded (its problems are reported on their own)."""
    from ..errors import ContentErrors
    from ..pages.translations import translation_report
    from .content import load_content

    try:
        _ui, catalog = load_content(settings)
    except ContentErrors:
        return None
    report = translation_report(settings, catalog)
    return TranslationState(
        missing={item.lang: set(item.missing) for item in report.languages},
        outdated={item.lang: {o.src_uri for o in item.outdated} for item in report.languages},
    )


# -- the report --------------------------------------------------------------------------------


@dataclass
class Report:
    settings: HubSettings
    problems: list[ContentError]
    pages: dict[str, Changes]
    feeds: dict[str, Changes]
    events: Changes
    translations: dict[str, tuple[list[str], list[str]]]  # lang -> (became missing, became outdated)
    base: str
    base_built: bool
    site_built: bool = True
    preview_artifact: str = "site-preview"
    run_url: str = ""


def make_report(
    settings: HubSettings, *, problems: list[ContentError], site: Path, base_site: Path, base: str,
    base_settings: HubSettings | None, run_url: str = "",
) -> Report:
    languages = settings.languages
    after, before = page_fingerprints(site, languages), page_fingerprints(base_site, languages)
    pages = {lang: compare(before[lang], after[lang]) for lang in languages}
    feeds = {lang: _titles(feed_entries(base_site, lang, languages[0]), feed_entries(site, lang, languages[0]))
             for lang in languages}
    events = _titles(calendar_events(base_site), calendar_events(site))
    translations: dict[str, tuple[list[str], list[str]]] = {}
    now = translation_state(settings)
    try:
        then = translation_state(base_settings) if base_settings is not None else None
    except Exception:  # the target branch's content as it was: compared when it can be read
        then = None
    if now is not None and then is not None:
        for lang in languages[1:]:
            old_missing = then.missing.get(lang, set())
            old_outdated = then.outdated.get(lang, set())
            translations[lang] = (sorted(now.missing.get(lang, set()) - old_missing),
                                  sorted(now.outdated.get(lang, set()) - old_outdated))
    return Report(settings, problems, pages, feeds, events, translations, base, base_site.is_dir(),
                  site_built=site.is_dir(), run_url=run_url)


def _items(values: Iterable[str], shown: str = "`{}`") -> str:
    values = list(values)
    listed = ", ".join(shown.format(_md(value)) for value in values[:LIST_LIMIT])
    more = f" and {len(values) - LIST_LIMIT} more" if len(values) > LIST_LIMIT else ""
    return listed + more


def _md(text: str) -> str:
    """Text from content, safe in Markdown and in the HTML GitHub renders from it."""
    return escape(text, quote=False).replace("|", "\\|").replace("`", "'").replace("\n", " ")


def format_report(report: Report) -> str:
    settings = report.settings
    lines = ["# What this pull request changes", ""]
    # Content problems first: they stop the build.
    if report.problems:
        count = len(report.problems)
        lines += [f"## ❌ {count} content problem{'s' if count != 1 else ''}", "",
                  "Each is also an annotation on the changed line (Files changed tab). Fix them in the same "
                  "branch; the checks run again on every commit.", ""]
        for problem in report.problems[:LIST_LIMIT * 2]:
            place = f"{problem.file}:{problem.line}" if problem.line else problem.file
            field_name = f" **{_md(problem.field)}**:" if problem.field else ""
            lines.append(f"- `{_md(place)}`{field_name} {_md(problem.found)}; {_md(problem.expected)}")
        if len(report.problems) > LIST_LIMIT * 2:
            lines.append(f"- … and {len(report.problems) - LIST_LIMIT * 2} more (`make check` lists them all)")
    else:
        lines += ["## ✅ No content problems", ""]
    lines.append("")

    if not report.site_built:
        lines += ["## No preview", "", "The pull request's site could not be built (see the build step's log), "
                  "so nothing else is compared. Fix the problems above first.", ""]
        return "\n".join(lines)
    lines += [f"## Pages, compared with `{_md(report.base)}`", ""]
    if not report.base_built:
        lines += ["The target branch could not be built, so every page counts as added.", ""]
    if any(report.pages.values()):
        lines += ["| language | added | changed | removed |", "| --- | ---: | ---: | ---: |"]
        for lang, changes in report.pages.items():
            lines.append(f"| {lang} | {len(changes.added)} | {len(changes.changed)} | {len(changes.removed)} |")
        lines.append("")
        for lang, changes in report.pages.items():
            prefix = settings.lang_prefix(lang)
            for label, paths in (("Added", changes.added), ("Changed", changes.changed),
                                 ("Removed", changes.removed)):
                if paths:
                    lines.append(f"- {label} ({lang}): " + _items(f"/{prefix}{p}" for p in paths))
    else:
        lines.append("No page changes.")
    lines.append("")

    lines += ["## Feeds and calendars", ""]
    any_feed = False
    for lang, changes in report.feeds.items():
        if changes.added:
            lines.append(f"- New in the {lang} feeds: " + _items(changes.added, "“{}”"))
        if changes.changed:
            lines.append(f"- Changed in the {lang} feeds (readers may see them again): "
                         + _items(changes.changed, "“{}”"))
        if changes.removed:
            lines.append(f"- Gone from the {lang} feeds: " + _items(changes.removed, "“{}”"))
        any_feed = any_feed or bool(changes)
    if report.events.added:
        lines.append("- New in the calendars: " + _items(report.events.added, "“{}”"))
    if report.events.changed:
        lines.append("- Changed in subscribers' calendars: " + _items(report.events.changed, "“{}”"))
    if report.events.removed:
        lines.append("- Gone from the calendars: " + _items(report.events.removed, "“{}”"))
    if not any_feed and not report.events:
        lines.append("No feed entry or calendar event changes.")
    lines.append("")

    lines += ["## Translations", ""]
    any_translation = False
    for lang, (missing, outdated) in report.translations.items():
        if missing:
            lines.append(f"- Now missing in {lang}: " + _items(missing))
        if outdated:
            lines.append(f"- Now outdated in {lang} (the original changed after the translation): " + _items(outdated))
        any_translation = any_translation or bool(missing or outdated)
    if not report.translations:
        lines.append("Not compared: the content of this branch or of the target branch could not be read.")
    elif not any_translation:
        lines.append("No translation became missing or outdated.")
    else:
        lines.append("")
        lines.append("Translators: `make translations` lists them all; until then readers get the fallback text "
                     "with a notice.")
    lines.append("")

    where = f"[this run's summary page]({report.run_url})" if report.run_url else "this run's summary page"
    lines += [
        "## Open the preview", "",
        f"1. On {where}, under **Artifacts**, download **{report.preview_artifact}** (a zip file).",
        "2. Unzip it. In the unzipped folder, start a small web server: "
        "`python3 -m http.server 8000` (any free port works).",
        "3. Open <http://127.0.0.1:8000/> in a browser: every page, search, feed and calendar is there, "
        "as it will be published.",
        "",
    ]
    return "\n".join(lines)
