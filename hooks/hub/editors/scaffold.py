"""`python -m hub new`: the files of a new article, explainer, or record of a kind
(opportunity, event, city, or a kind the site adds: hub.kinds).

A stub is valid in form: the date, the slug, the path and the types are right, and every
text still to write is a `TODO: …` placeholder in zh and en (the languages the site
requires; fr and ja are added by translators later and listed by `hub translations`).
The check reports each placeholder left with its file, line and field, so a stub cannot
be published by accident. Stubs are Jinja templates in hooks/hub/editors/stubs/ (a site's kind
brings its own, <name>.yml.j2 in its `stubs` folder).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jinja2

from ..errors import language_label
from ..kinds import PACKAGE_STUBS, RecordKind, kind_named
from ..safety.slugs import SHORT_SLUG_LENGTH, SLUG_RULE, is_slug, slugify
from ..safety.yamlsafe import YamlProblem, decode, load_yaml
from ..source.languages import spoken_list
from ..source.placeholders import PLACEHOLDER
from ..source.settings import HubSettings

# "article", "policy", or the name of a kind of record (settings.record_kinds).
Kind = str
# `--title-en`: an English title makes a short slug (a-z), and is the English title when
# the site has English. The option's language, not a setting of the site.
TITLE_FOR_SLUG_LANGUAGE = "en"


class ScaffoldError(Exception):
    """Nothing was written; the message says why and what to do instead."""


@dataclass(frozen=True)
class Stub:
    paths: list[str]  # repository paths written
    next_steps: list[str]
    warnings: tuple[str, ...] = ()


def new_content(
    settings: HubSettings, *, kind: Kind, title: str, lang: str | None = None, day: date | None = None,
    slug: str | None = None, title_en: str | None = None,
) -> Stub:
    """Write the files of a new piece of content; refuse to overwrite anything. `title_en`:
    an English title, which makes the slug (and fills in the English title). `lang`: the
    language of `title`, the source language when not given."""
    root = settings.root
    lang = lang or settings.default_language
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError("the title is empty; give the title in quotes, e.g. \"成都国际友城大会\"")
    title_en = " ".join((title_en or "").split()) or None
    signed = day is not None
    day = day or settings.build_date
    default = settings.default_language
    record_kind = kind_named(settings.record_kinds, kind)
    if record_kind is None and kind not in ("article", "policy"):
        raise ScaffoldError(f"there is no kind '{kind}'; choose among article, policy, "
                            + ", ".join(k.name for k in settings.record_kinds))
    slug, warnings = _choose_slug(root, title, slug, title_en, default)
    url_path, files = _files(kind, record_kind, slug, day, default, lang, settings.text_languages.required)
    taken = [path for path in files if (root / path).exists()]
    if kind == "article":
        taken += [p.relative_to(root).as_posix() for p in sorted((root / "docs").glob(f"*/news/*/{slug}.md"))]
    if taken:
        raise ScaffoldError(
            f"{sorted(set(taken))[0]} already exists; nothing was written. Edit that file, or choose another "
            f"slug with --slug"
        )
    env = _environment(record_kind.stubs if record_kind is not None else PACKAGE_STUBS)
    # A record without a title is known by its name (a city).
    word = "name" if record_kind is not None and "title" not in record_kind.model.model_fields else "title"
    values = _template_values(root, settings, word=word, title=title, lang=lang, day=day, signed=signed,
                              title_en=title_en)
    if record_kind is not None:
        values.update(record_kind.stub_values())
    for path, (template, file_lang, original) in files.items():
        text = env.get_template(template).render(**values, lang=file_lang, original=original, default=default)
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
            handle.write(text)
    later = settings.text_languages.optional
    return Stub(paths=list(files), next_steps=_next_steps(kind, list(files), url_path, later), warnings=warnings)


def _choose_slug(
    root: Path, title: str, slug: str | None, title_en: str | None, source: str
) -> tuple[str, tuple[str, ...]]:
    """The slug and what to warn about. Proposed slugs are short (SHORT_SLUG_LENGTH): the
    address is permanent, and a long pinyin one is hard to read, say or type."""
    if slug is not None:
        if not is_slug(slug):
            better = slugify(slug, limit=SHORT_SLUG_LENGTH)
            hint = f" (e.g. {better})" if better else ""
            raise ScaffoldError(f"--slug '{slug}' cannot be used: {SLUG_RULE}{hint}")
        if len(slug) > SHORT_SLUG_LENGTH:
            return slug, (f"the slug '{slug}' has {len(slug)} characters; addresses are permanent, so prefer "
                          f"{SHORT_SLUG_LENGTH} or fewer (a few English words)",)
        return slug, ()
    full = slugify(title_en or title, known=_city_names(root, source))
    made = slugify(title_en or title, known=_city_names(root, source), limit=SHORT_SLUG_LENGTH)
    if not made:
        raise ScaffoldError(
            "no slug can be made from this title (it has no Chinese or Latin letters); give one with --slug, "
            "e.g. --slug osaka-roadshow-2025"
        )
    if full != made:
        return made, (f"the slug was cut to {len(made)} characters: '{made}'; for a better one, give an English "
                      "title (TITLE_EN=\"…\") or the slug itself (SLUG=…)",)
    return made, ()


def _files(
    kind: Kind, record_kind: RecordKind | None, slug: str, day: date, default: str, lang: str,
    required: tuple[str, ...],
) -> tuple[str, dict[str, tuple[str, str, bool]]]:
    """(URL path, {repository path: (template, language, is the original)})."""
    if record_kind is None:
        folder = f"news/{day.year}" if kind == "article" else "policies"
        languages = [default, *(code for code in (*required, lang) if code != default)]
        files = {
            f"docs/{code}/{folder}/{slug}.md": (f"{kind}.md.j2", code, code == default)
            for code in dict.fromkeys(languages)
        }
        return f"{folder}/{slug}/", files
    folder = record_kind.folder
    return f"{folder}/{slug}/", {f"data/{folder}/{slug}.yml": (f"{kind}.yml.j2", lang, True)}


def _environment(stubs: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(stubs),
        autoescape=False,  # YAML and Markdown, not HTML; every text goes through `q`
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # A JSON string is a valid YAML double-quoted scalar: quotes, colons and # stay text.
    env.filters["q"] = lambda text: json.dumps(str(text), ensure_ascii=False)
    return env


def _template_values(
    root: Path, settings: HubSettings, *, word: str, title: str, lang: str, day: date, signed: bool,
    title_en: str | None = None,
) -> dict[str, Any]:
    def title_in(code: str) -> str:
        if code == lang:
            return title
        if code == TITLE_FOR_SLUG_LANGUAGE and title_en:
            return title_en
        return f"{PLACEHOLDER}: {word}, in {language_label(code)}"

    def todo(what: str, code: str) -> str:
        return f"{PLACEHOLDER}: {what}, in {language_label(code)}"

    return {
        "title_in": title_in,
        "todo": todo,
        "day": day,
        "signed": signed,
        "timezone": settings.timezone,
        "languages": list(dict.fromkeys((*settings.text_languages.required, lang))),
        "topics": _ids(root / "data" / "topics.yml"),
        "sectors": _ids(root / "data" / "sectors.yml"),
        "cities": _listed(sorted(p.stem for p in (root / "data" / "cities").glob("*.yml"))),
    }


def _ids(path: Path) -> str:
    """The ids in a topics or sectors file, for a comment; the check validates them."""
    try:
        value = load_yaml(decode(path.read_bytes())).value
    except (OSError, YamlProblem):
        return "see the file"
    return _listed(sorted(value)) if isinstance(value, dict) else "see the file"


def _listed(ids: list[str], limit: int = 12) -> str:
    """Ids for a comment in a stub: all of them while they fit on a line."""
    if not ids:
        return "none yet"
    return ", ".join(ids) if len(ids) <= limit else ", ".join(ids[:limit]) + ", … (see the folder)"


def _city_names(root: Path, source: str) -> dict[str, str]:
    """Names of the partner cities in the source language, so that 曼彻斯特 in a Chinese
    title becomes manchester."""
    names: dict[str, str] = {}
    for path in sorted((root / "data" / "cities").glob("*.yml")):
        try:
            value = load_yaml(decode(path.read_bytes())).value
        except (OSError, YamlProblem):
            continue
        name = value.get("name") if isinstance(value, dict) else None
        written = name.get(source) if isinstance(name, dict) else None
        if isinstance(written, str) and is_slug(path.stem):
            # 曼彻斯特市 and 曼彻斯特 both stand for the city.
            names[written] = path.stem
            if written.endswith("市") and len(written) > 2:
                names[written[:-1]] = path.stem
    return names


def _next_steps(kind: Kind, paths: list[str], url_path: str, later: tuple[str, ...]) -> list[str]:
    """What an editor does next; `later`: the languages translators add afterwards."""
    steps = [f"Replace every {PLACEHOLDER} in {'these files' if len(paths) > 1 else 'this file'} "
             "with the real text and facts."]
    if kind in ("article", "policy"):
        steps.append("Add the ids of the topics and partner cities it concerns (topics: [...], cities: [...]).")
    steps += [
        f"Run `make check`: it lists every {PLACEHOLDER} still left, and any other problem, with file and line.",
        f"Preview with `make serve`, then open http://127.0.0.1:8000/{url_path}",
    ]
    if later:
        steps.append(f"{spoken_list([language_label(code) for code in later])} come later: `make translations` "
                     "lists what still lacks them.")
    return steps
