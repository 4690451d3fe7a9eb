"""The editors' commands. Run from the repository root:

    PYTHONPATH=hooks python -m hub check [--base origin/main]
        Check all content as the build does, without building; every problem as
        `file:line: field: found; expected`. Exit 1 when there are problems. With --base,
        also what subscribers and readers already hold: no published event deleted,
        `sequence` raised when an event's schedule changed, and no published address
        removed without an alias, since that git ref.
    PYTHONPATH=hooks python -m hub new {article,policy,opportunity,event,city,<a site's kind>} "Title"
            [--lang LANGUAGE] [--date YYYY-MM-DD] [--slug SLUG] [--title-en "English title"]
        Start a new piece of content: today's date, a short slug from the title (from the
        English title when given), every text an editor or translator must still write
        marked TODO (the check lists them).
    PYTHONPATH=hooks python -m hub new translation --page news/2025/<slug> --lang fr
        Start a translation from the best source text (English for fr and ja, when it
        exists), its title, summary and text to translate marked TODO.
    PYTHONPATH=hooks python -m hub translations [--lang fr]
        Which pages and records lack a translation, and which translations are older than
        their original (from git history). Also published at about/translations/.
    PYTHONPATH=hooks python -m hub report --base-site DIR [--site site] [--base-root DIR] [--base NAME]
            [--output FILE]
        What a pull request changes, as Markdown: content problems, pages added, changed and
        removed per language, feed entries and calendar events, translations that became
        missing or outdated, how to open the preview (`make report BASE=origin/main`).
    PYTHONPATH=hooks python -m hub preview-site DIR --site-url URL
        Make a built preview work from any local web server's root (`make preview`).
    PYTHONPATH=hooks python -m hub schema [--check]
        Write the JSON Schemas of data/ from the models (or, with --check, only compare).

Exit status: 0 fine, 1 problems in the content (or a refused command), 2 an internal error.
"""

from __future__ import annotations

import argparse
import functools
import logging
import sys
import traceback
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from ..errors import ContentError, ContentErrors, language_label
from ..source.settings import HubSettings, in_github_actions, settings_from_config


class CommandError(Exception):
    """A command that cannot do what was asked; the message says why and what to do."""


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    args = _parser().parse_args(argv)
    try:
        return args.run(args, out)
    except CommandError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # never a traceback for an editor, whatever the content
        if args.debug:
            traceback.print_exc()
        print(
            f"internal error: {type(error).__name__}: {error}\n"
            "This is a fault in the hub's code, not necessarily in your content. Run the command again with "
            "--debug and report the output with the file you changed last.",
            file=sys.stderr,
        )
        return 2


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    common.add_argument("--debug", action="store_true", help="show a traceback on an internal error")
    parser = argparse.ArgumentParser(prog="python -m hub", description="Chengdu Global Hub: commands for editors.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", parents=[common], help="check all content without building the site")
    check.add_argument("--base", metavar="REF",
                       help="also compare with this git ref of the published content (e.g. origin/main): no event "
                            "deleted, sequence raised when the schedule changes, no address removed without an alias")
    check.set_defaults(run=_check)

    new = commands.add_parser("new", parents=[common],
                              help="start a new article, policy, opportunity, event or city, or a translation")
    # The kinds of record come from the site's configuration (hub.kinds), read in _new.
    new.add_argument("kind", help="article, policy, translation, or a kind of record: opportunity, event, city, "
                                  "or one the site adds (extra.hub.kinds)")
    new.add_argument("title", nargs="?", default="",
                     help="the title (or a city's name), in the language given by --lang")
    new.add_argument("--lang", help="language of the title (default: the source language, the first in "
                                     "mkdocs.yml); the required languages are stubbed in any case; "
                                     "for a translation, the language to translate into")
    new.add_argument("--date", type=_day, help="date instead of today (YYYY-MM-DD)")
    new.add_argument("--slug", help="file name and URL part instead of one made from the title")
    new.add_argument("--title-en", help="the title in English: it makes a short slug and fills in the English title")
    new.add_argument("--page", help="for a translation: the page, e.g. news/2025/sister-cities-conference-2025")
    new.set_defaults(run=_new)

    translations = commands.add_parser("translations", parents=[common],
                                       help="which translations are missing or out of date")
    translations.add_argument("--lang", action="append", help="only this language (repeatable)")
    translations.set_defaults(run=_translations)

    report = commands.add_parser("report", parents=[common],
                                 help="what a pull request changes, as Markdown (its job summary)")
    report.add_argument("--site", type=Path, default=Path("site"), help="the pull request's build (default: site)")
    report.add_argument("--base-site", type=Path, required=True, help="the target branch's build")
    report.add_argument("--base-root", type=Path, help="a checkout of the target branch (for the translations)")
    report.add_argument("--base", default="the target branch", help="the target branch's name, as shown")
    report.add_argument("--output", type=Path, help="append the report to this file instead of printing it")
    report.set_defaults(run=_report)

    preview = commands.add_parser("preview-site", parents=[common],
                                  help="make a built preview work from any local web server's root")
    preview.add_argument("site", type=Path, help="the built site (e.g. site)")
    preview.add_argument("--site-url", required=True, help="the site_url it was built for")
    preview.set_defaults(run=_preview_site)

    prune = commands.add_parser("prune-cache", parents=[common],
                                help="drop the cached cards and pictures the last `make build` did not use")
    prune.set_defaults(run=_prune_cache)

    schema = commands.add_parser("schema", parents=[common], help="write data/schema/*.schema.json from the models")
    schema.add_argument("--check", action="store_true", help="only compare; exit 1 when a schema is out of date")
    schema.set_defaults(run=_schema)
    return parser


def _prune_cache(args: argparse.Namespace, out: TextIO) -> int:
    from ..build_cache import BUILD_STARTED, CARD_CACHE, prune
    from ..safety.images import cache_dir

    settings = load_settings(args.config_file)
    started = settings.root.joinpath(*BUILD_STARTED)
    if not started.is_file():
        raise CommandError(f"{started} not found: run `make build` first; the cache is pruned of what that "
                           "build did not use")
    cards = settings.card_cache or settings.root.joinpath(*CARD_CACHE)
    print(f"Cards and pictures: {prune([cards, cache_dir(settings.root)], started).describe()}.", file=out)
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD, like 2025-04-16") from None


def load_settings(config_file: Path) -> HubSettings:
    """The settings exactly as a build reads them: mkdocs.yml through MkDocs itself."""
    try:
        return settings_from_config(_config(config_file))
    except ValueError as error:  # a setting in mkdocs.yml or the environment; the message says which
        raise CommandError(str(error)) from None


@functools.cache
def _config(config_file: Path) -> Any:
    """mkdocs.yml as MkDocs reads it, once per command (loading it runs the hooks' imports)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    if not config_file.is_file():
        raise CommandError(f"{config_file} not found; run the command from the repository root or give -f mkdocs.yml")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        return load_config(config_file=str(config_file))
    except (Abort, ConfigurationError) as error:
        raise CommandError(f"{config_file}: {error}") from None


def _site_options(config_file: Path) -> tuple[list[object], dict[str, dict[str, object]], object]:
    """The Markdown extensions, their settings and the nav, as a build reads them."""
    config = _config(config_file)
    return list(config.markdown_extensions), dict(config.mdx_configs or {}), config.nav


def _check(args: argparse.Namespace, out: TextIO) -> int:
    from .problems import all_problems
    from .published_addresses import check_published_addresses
    from .published_events import BaseNotFound, check_published_events

    settings = load_settings(args.config_file)
    extensions, configs, nav = _site_options(args.config_file)
    # The content, what the sanitiser would remove, and the links, images, anchors and nav
    # entries the strict build would refuse (hub.editors.problems).
    found, catalog = all_problems(settings, extensions=extensions, configs=configs, nav=nav)
    more_problems: list[ContentError] = []
    if args.base and catalog is not None:
        try:
            more_problems += check_published_events(settings.root, args.base, catalog.events,
                                                    settings.text_languages)
            more_problems += check_published_addresses(settings.root, args.base, catalog, settings.build_date,
                                                       settings.checked_languages)
        except BaseNotFound as error:
            raise CommandError(f"--base: {error}") from None
    if found or more_problems:
        problems = ContentErrors([*found, *more_problems])
        print(problems.report(), file=out)
        if in_github_actions():
            for problem in problems.errors:
                print(problem.annotation(), file=out)
        print("Fix them and run the check again (make check).", file=out)
        return 1
    assert catalog is not None
    pages = sum(len(languages) for languages in catalog.page_languages.values())
    print(
        f"All content is valid: {len(catalog.news)} news articles, {len(catalog.policies)} policy explainers, "
        + "".join(f"{len(records)} {kind.plural}, " for kind, records in catalog.record_folders())
        + f"{len(catalog.topics)} topics, {len(catalog.sectors)} sectors; "
        f"{pages} pages in {', '.join(settings.languages)}.",
        file=out,
    )
    return 0


def _new(args: argparse.Namespace, out: TextIO) -> int:
    from .scaffold import ScaffoldError, new_content

    settings = load_settings(args.config_file)
    if args.lang is not None and args.lang not in settings.checked_languages:
        raise CommandError(f"--lang {args.lang}: choose among {', '.join(settings.checked_languages)} "
                           "(the languages of mkdocs.yml)")
    if args.kind == "translation":
        return _new_translation(settings, args, out)
    kinds = ["article", "policy", *(kind.name for kind in settings.record_kinds), "translation"]
    if args.kind not in kinds:
        raise CommandError(f"new {args.kind}: choose among {', '.join(kinds)}")
    try:
        stub = new_content(settings, kind=args.kind, title=args.title, lang=args.lang, day=args.date, slug=args.slug,
                           title_en=args.title_en)
    except ScaffoldError as error:
        raise CommandError(str(error)) from None
    for warning in stub.warnings:
        print(f"warning: {warning}", file=out)
    print("Written:", file=out)
    for path in stub.paths:
        print(f"  {path}", file=out)
    print("Next:", file=out)
    for number, step in enumerate(stub.next_steps, start=1):
        print(f"  {number}. {step}", file=out)
    return 0


def _new_translation(settings: HubSettings, args: argparse.Namespace, out: TextIO) -> int:
    from ..pages.translation_stub import TranslationRefused, write_translation

    if not args.page:
        raise CommandError("which page? e.g. make new KIND=translation PAGE=news/2025/<slug> LANG=fr")
    if not args.lang:
        raise CommandError("into which language? add --lang, one of " + ", ".join(settings.checked_languages[1:]))
    try:
        stub = write_translation(settings, args.page, args.lang)
    except TranslationRefused as error:
        raise CommandError(str(error)) from None
    print(f"Written:\n  {stub.target_path}  (from the {language_label(stub.source_lang)} text, {stub.source_path})",
          file=out)
    print("Next:", file=out)
    steps = [
        "Translate the title, the summary and the text; delete each `TODO:` (the check lists those left).",
        "Run `make check`, then preview with `make serve`.",
    ]
    for number, step in enumerate(steps, start=1):
        print(f"  {number}. {step}", file=out)
    return 0


def _translations(args: argparse.Namespace, out: TextIO) -> int:
    from ..pages.translations import format_report, translation_report
    from .content import load_content
    from .translation_diff import changes_since_translation

    settings = load_settings(args.config_file)
    try:
        ui, catalog = load_content(settings)
    except ContentErrors as problems:
        raise CommandError(
            f"the content has {len(problems.errors)} problem(s); run `python -m hub check` and fix them first"
        ) from None
    unknown = sorted(set(args.lang or ()) - set(settings.languages[1:]))
    if unknown:
        raise CommandError(f"--lang {', '.join(unknown)}: choose among {', '.join(settings.languages[1:])}")
    report = translation_report(settings, catalog, ui)
    default = settings.default_language

    def source_of(lang: str, src_uri: str) -> str | None:
        """fr and ja translators work from the English text where there is one (extra.hub.fallback)."""
        languages = catalog.page_languages.get(src_uri, set())
        return next((code for code in settings.fallbacks(lang) if code != default and code in languages), None)

    def changes(lang: str, src_uri: str) -> list[str] | None:
        return changes_since_translation(settings.root, f"docs/{lang}/{src_uri}", f"docs/{default}/{src_uri}")

    print(format_report(report, only=tuple(args.lang or ()), source_of=source_of, changes=changes), file=out)
    return 0


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    from .schema import schema_files

    settings = load_settings(args.config_file)
    wanted = schema_files(settings.root, settings.text_languages, settings.record_kinds)
    stale = [path for path, text in wanted.items() if not path.is_file() or path.read_text(encoding="utf-8") != text]
    shown = [path.relative_to(settings.root).as_posix() for path in stale]
    if args.check:
        if stale:
            print("Out of date (run `python -m hub schema`): " + ", ".join(shown), file=out)
            return 1
        print(f"The {len(wanted)} schemas under data/schema/ match the models.", file=out)
        return 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted[path], encoding="utf-8", newline="\n")
    print(f"Written: {', '.join(shown)}" if shown else "The schemas were already up to date.", file=out)
    return 0


def _report(args: argparse.Namespace, out: TextIO) -> int:
    import os

    from .problems import all_problems
    from .report import format_report, make_report

    settings = load_settings(args.config_file)
    extensions, configs, nav = _site_options(args.config_file)
    problems, _catalog = all_problems(settings, extensions=extensions, configs=configs, nav=nav)
    base_settings = None
    if args.base_root is not None and (args.base_root / "mkdocs.yml").is_file():
        try:
            base_settings = load_settings(args.base_root / "mkdocs.yml")
        except Exception:  # whatever the target branch holds, the report is still written
            base_settings = None  # its translations are then not compared
    run_url = ""
    if os.environ.get("GITHUB_RUN_ID") and os.environ.get("GITHUB_REPOSITORY"):
        server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
        run_url = f"{server}/{os.environ['GITHUB_REPOSITORY']}/actions/runs/{os.environ['GITHUB_RUN_ID']}"
    report = make_report(settings, problems=problems, site=args.site, base_site=args.base_site, base=args.base,
                         base_settings=base_settings, run_url=run_url)
    text = format_report(report)
    if args.output is not None:
        with open(args.output, "a", encoding="utf-8") as summary:
            summary.write(text + "\n")
        print(f"Report written to {args.output}.", file=out)
    else:
        print(text, file=out)
    return 0


def _preview_site(args: argparse.Namespace, out: TextIO) -> int:
    from .preview_site import localize

    if not args.site.is_dir():
        raise CommandError(f"{args.site} is not a built site; run the build first")
    changed = localize(args.site, args.site_url)
    print(f"{changed} pages now link within the preview, whatever its address.", file=out)
    return 0
