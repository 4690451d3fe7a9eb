"""Every kind of content problem an editor can make is reported precisely, as
`file:line: field: found; expected`, by `python -m hub check` and by `mkdocs build`,
which stops with the same message, no Python traceback and no site.

Each case starts from the valid minimal fixture (tests/fixtures/minimal) and changes one
thing in it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from checking import check
from sitebuild import build, site_languages

CITY = "data/cities/montpellier.yml"
EVENT = "data/events/test-event.yml"
GRANT = "data/opportunities/test-grant.yml"
ARTICLE = "docs/zh/news/2025/first-article.md"
ARTICLE_EN = "docs/en/news/2025/first-article.md"
POLICY = "docs/zh/policies/test-policy.md"
HUB = "data/hub.yml"
SECTORS = "data/sectors.yml"
# mkdocs wraps log lines to the terminal width when it knows one; messages are compared whole.
NO_WRAP = {"COLUMNS": "0"}


def write(rel: str, text: str | bytes) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    return change


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        path = project / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} should occur once in {rel}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return change


def rename(rel: str, new_rel: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        (project / rel).rename(project / new_rel)

    return change


def both(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        for one in changes:
            one(project)

    return change


def reported(message: str, lines: list[str]) -> bool:
    """`message` is one of `lines`; a message ending in "…" is the start of one."""
    if message.endswith("…"):
        return any(line.startswith(message[:-1]) for line in lines)
    return message in lines


@dataclass(frozen=True)
class Case:
    id: str
    change: Callable[[Path], None]
    message: str


CASES = [
    # -- YAML itself ------------------------------------------------------------------------
    Case(
        "yaml-syntax",
        replace(GRANT, "kind: grant", "kind: [grant"),
        "data/opportunities/test-grant.yml:6: invalid YAML (while parsing a flow sequence that starts on line 5, "
        "expected ',' or ']', but got ':'); close the list with ] on the same field, and put an item that "
        "contains a comma or ': ' in quotes, like [a, \"b: c\"]",
    ),
    Case(
        "yaml-tab",
        replace(EVENT, "timezone: Europe/Paris", "timezone:\n\tEurope/Paris"),
        "data/events/test-event.yml:6: invalid YAML (while scanning for the next token found character '\\t' that "
        "cannot start any token); indent with spaces; YAML does not allow tabs",
    ),
    Case(
        "duplicate-key",
        replace(CITY, "established: 1981", 'established: 1981\ncountry: "GB"'),
        "data/cities/montpellier.yml:9: the key 'country' a second time (first on line 4); keep one of them; YAML "
        "would silently drop the first",
    ),
    Case(
        "duplicate-key-in-a-flow-mapping",
        replace(EVENT, "place: {zh: 蒙彼利埃, en: Montpellier}", "place: {zh: 蒙彼利埃, en: Montpellier, en: Nîmes}"),
        "data/events/test-event.yml:6: the key 'en' a second time (first on line 6); keep one of them; YAML "
        "would silently drop the first",
    ),
    Case(
        "duplicate-key-in-a-nested-block",
        replace(CITY, "coordinates: {lat: 43.611, lon: 3.877}",
                "coordinates:\n  lat: 43.611\n  lon: 3.877\n  lat: 44.0"),
        "data/cities/montpellier.yml:12: the key 'lat' a second time (first on line 10); keep one of them; YAML "
        "would silently drop the first",
    ),
    Case(
        "yaml-alias",
        replace(GRANT, "source: {zh: 测试来源, en: Test source}",
                "source: &s {zh: 测试来源, en: Test source}\ndetails: *s"),
        "data/opportunities/test-grant.yml:11: a YAML alias (*s); write the value out in full; anchors and aliases "
        "are not allowed in content files",
    ),
    Case(
        "invalid-utf8",
        write("data/cities/nimes.yml", "name: {zh: 尼姆, en: Nîmes}\n".encode("latin-1", "replace")),
        "data/cities/nimes.yml:1: bytes that are not UTF-8 (b'\\xeemes'); save the file as UTF-8",
    ),
    Case(
        "five-megabytes",
        write("data/cities/huge.yml", "summary: {zh: 长, en: " + "x" * 5_000_000 + "}\n"),
        "data/cities/huge.yml: the file is 5,000,025 bytes; content files are limited to 1,000,000 bytes; split it "
        "or move large text out",
    ),
    Case(
        "nested-10000",
        replace(EVENT, "cities: [montpellier]", "cities: " + "[" * 10_000 + "]" * 10_000),
        "data/events/test-event.yml:7: lists or mappings nested more than 32 levels deep; flatten the structure",
    ),
    Case(
        "empty-file",
        write("data/events/empty.yml", "# an event, one day\n"),
        "data/events/empty.yml:1: an empty file; write the fields of the record, or delete the file; `make new` "
        "writes a record to start from",
    ),
    Case(
        "top-level-list",
        write("data/cities/lyon.yml", "- name: Lyon\n"),
        "data/cities/lyon.yml:1: a list; fields written as `name: value`, one per line",
    ),
    # -- fields --------------------------------------------------------------------------------
    Case(
        "unknown-field",
        replace(GRANT, "deadline: 2025-05-01", "deadlne: 2025-05-01"),
        "data/opportunities/test-grant.yml:7: deadlne: unknown field 'deadlne'; did you mean deadline? Otherwise "
        "remove it; fields are: title, summary, details, eligibility, issuer, sector, kind, published, deadline, "
        "confirmed, amount, contact, source, source_url, policy, topics, cities, image, aliases",
    ),
    Case(
        "unknown-nested-field",
        replace(GRANT, "currency: CNY", "curency: CNY"),
        "data/opportunities/test-grant.yml:8: amount.curency: unknown field 'curency'; did you mean currency? "
        "Otherwise remove it; fields of amount are: value, currency, period, up_to",
    ),
    # Every model refuses what it does not know, whatever the committed schema says: the
    # fields list is left out of these messages (…), as each model's list grows on its own.
    Case(
        "unknown-city-field",
        replace(CITY, "established: 1981", "established: 1981\nestablised: 1981"),
        "data/cities/montpellier.yml:9: establised: unknown field 'establised'; did you mean established? "
        "Otherwise remove it; fields are: …",
    ),
    Case(
        "unknown-event-field",
        replace(EVENT, "timezone: Europe/Paris", "timezone: Europe/Paris\ntimezon: Europe/Paris"),
        "data/events/test-event.yml:6: timezon: unknown field 'timezon'; did you mean timezone? Otherwise remove "
        "it; fields are: …",
    ),
    Case(
        "unknown-article-field",
        replace(ARTICLE, "date: 2025-04-16", "date: 2025-04-16\ntemplate: main.html"),
        "docs/zh/news/2025/first-article.md:5: template: unknown field 'template'; remove it or fix the spelling; "
        "fields are: …",
    ),
    Case(
        "unknown-policy-field",
        replace(POLICY, "issued: 2025-04-15", "issued: 2025-04-15\nissuer: 成都"),
        "docs/zh/policies/test-policy.md:7: issuer: unknown field 'issuer'; did you mean issued? Otherwise remove "
        "it; fields are: …",
    ),
    Case(
        "unknown-hub-field",
        replace(HUB, "  as_of: 2025-04-16", "  as_of: 2025-04-16\n  sources: x"),
        "data/hub.yml:4: partner_cities_reported.sources: unknown field 'sources'; did you mean source? Otherwise "
        "remove it; fields of partner_cities_reported are: …",
    ),
    Case(
        "unknown-sector-language",
        replace(SECTORS, "en: Research and development}", "en: Research and development, de: Forschung}"),
        "data/sectors.yml:1: research-development.de: unknown language 'de'; use one of …",
    ),
    Case(
        "missing-field",
        replace(GRANT, "kind: grant\n", ""),
        "data/opportunities/test-grant.yml:1: kind: missing; add kind: one of incentive, grant, partnership, "
        "procurement, call-for-participation",
    ),
    Case(
        "missing-zh",
        replace(EVENT, "title: {zh: 测试活动, en: Test event}", "title: {en: Test event}"),
        "data/events/test-event.yml:1: title.zh: no zh text; add the Chinese text as zh: …; zh and en are required, "
        "fr and ja optional",
    ),
    Case(
        "missing-en",
        replace(CITY, "chengdu_side: {zh: 成都市, en: Chengdu}", "chengdu_side: {zh: 成都市}"),
        "data/cities/montpellier.yml:7: chengdu_side.en: no en text; add the English text as en: …; zh and en are "
        "required, fr and ja optional",
    ),
    Case(
        "unknown-language",
        replace("data/topics.yml", "ja: 友好都市}", "ja: 友好都市, de: Partnerstädte}"),
        "data/topics.yml:1: sister-cities.de: unknown language 'de'; use one of zh, en, fr, ja",
    ),
    Case(
        "wrong-type-list",
        replace(EVENT, "place: {zh: 蒙彼利埃, en: Montpellier}", "place: [蒙彼利埃, Montpellier]"),
        "data/events/test-event.yml:6: place: a list; one text per language, like {zh: 中文, en: English}",
    ),
    Case(
        "number-for-text",
        replace(CITY, "native_name: Montpellier", "native_name: 1981"),
        "data/cities/montpellier.yml:2: native_name: 1981; text; quote it, e.g. \"1981\"",
    ),
    Case(
        "placeholder-left",
        replace(EVENT, "en: A test event.}", 'en: "TODO: English summary"}'),
        "data/events/test-event.yml:2: summary.en: the placeholder 'TODO: English summary'; write the summary in "
        "English in its place",
    ),
    # -- YAML 1.1 surprises ----------------------------------------------------------------------
    Case(
        "yes-for-bool",
        replace(GRANT, "period: once}", "period: once, up_to: yes}"),
        "data/opportunities/test-grant.yml:8: amount.up_to: 'yes'; true or false (YAML 1.2 reads yes, no, on and off "
        "as text)",
    ),
    Case(
        "year-and-month",
        replace(CITY, "established: 1981", "established: 1981-04"),
        "data/cities/montpellier.yml:8: established: '1981-04'; a whole number, like 1981",
    ),
    Case(
        "unquoted-time",
        replace(EVENT, 'start: "2025-05-10 09:30"', "start: 09:30"),
        "data/events/test-event.yml:3: start: '09:30'; is a time without its day; write both, quoted, like "
        "\"2025-04-16 09:30\"",
    ),
    # -- dates -------------------------------------------------------------------------------------
    Case(
        "impossible-date",
        replace(GRANT, "published: 2025-04-01", "published: 2025-02-30"),
        "data/opportunities/test-grant.yml:6: published: '2025-02-30'; should be a real date (day is out of range "
        "for month); check the day and the month",
    ),
    Case(
        "impossible-event-date",
        replace(EVENT, 'start: "2025-05-10 09:30"', 'start: "2025-02-30 09:30"'),
        "data/events/test-event.yml:3: start: '2025-02-30 09:30'; should be a real date (day is out of range for "
        "month); check the day and the month",
    ),
    Case(
        "number-for-date",
        replace(GRANT, "published: 2025-04-01", "published: 20250401"),
        "data/opportunities/test-grant.yml:6: published: 20250401; should be a date written YYYY-MM-DD, like "
        "2025-04-16",
    ),
    Case(
        "deadline-before-publication",
        replace(GRANT, "deadline: 2025-05-01", "deadline: 2025-03-01"),
        "data/opportunities/test-grant.yml:7: deadline: '2025-03-01'; is before published (2025-04-01); a deadline "
        "cannot come before publication",
    ),
    Case(
        "end-before-start",
        replace(EVENT, 'end: "2025-05-10 17:00"', 'end: "2025-05-09 17:00"'),
        "data/events/test-event.yml:4: end: '2025-05-09 17:00'; is before start (2025-05-10 09:30); an event cannot "
        "end before it starts",
    ),
    Case(
        "date-and-time-mixed",
        replace(EVENT, 'end: "2025-05-10 17:00"', "end: 2025-05-10"),
        "data/events/test-event.yml:4: end: '2025-05-10'; should be written like start: both dates (an all-day "
        "event, 2025-04-16) or both local times (\"2025-04-16 09:30\")",
    ),
    Case(
        "updated-before-date",
        replace(ARTICLE, "date: 2025-04-16", "date: 2025-04-16\nupdated: 2025-04-01"),
        "docs/zh/news/2025/first-article.md:5: updated: '2025-04-01'; is before date (2025-04-16); an article cannot "
        "be updated before it is published",
    ),
    Case(
        "unknown-time-zone",
        replace(EVENT, "timezone: Europe/Paris", "timezone: Europe/Montpelier"),
        "data/events/test-event.yml:5: timezone: 'Europe/Montpelier'; should be an IANA time zone, like "
        "Asia/Shanghai or Europe/Paris",
    ),
    # -- codes and addresses ---------------------------------------------------------------------
    Case(
        "country-not-iso",
        replace(CITY, 'country: "FR"', 'country: "UK"'),
        "data/cities/montpellier.yml:4: country: 'UK'; should be an ISO 3166-1 alpha-2 country code in capitals, "
        "quoted, like \"FR\" or \"NO\"",
    ),
    Case(
        "invalid-url",
        replace(GRANT, 'url: "https://example.org/grant"', "url: example.org/grant"),
        "data/opportunities/test-grant.yml:9: contact.url: 'example.org/grant'; should be an absolute http:// or "
        "https:// address, like https://example.org/page",
    ),
    Case(
        "invalid-email",
        replace(GRANT, "email: office@example.org", "email: office(at)example.org"),
        "data/opportunities/test-grant.yml:9: contact.email: 'office(at)example.org'; should be an e-mail address, "
        "like office@example.org",
    ),
    # -- ids, slugs and references ---------------------------------------------------------------
    Case(
        "duplicate-slug",
        write("docs/zh/news/2024/first-article.md",
              "---\ntitle: 同名文章\nsummary: 摘要。\ndate: 2024-05-01\n---\n\n正文。\n"),
        "docs/zh/news/2025/first-article.md:1: slug: 'first-article' is also used by "
        "docs/zh/news/2024/first-article.md; give each article its own file name; feeds and links rely on it",
    ),
    Case(
        "unknown-city",
        replace(ARTICLE, "cities: [montpellier]", "cities: [montpellier, manchester]"),
        "docs/zh/news/2025/first-article.md:6: cities: 'manchester' is not a known partner city; use one of "
        "montpellier, or add data/cities/manchester.yml",
    ),
    Case(
        "unknown-topic",
        replace(EVENT, "topics: [sister-cities]", "topics: [trade]"),
        "data/events/test-event.yml:8: topics: 'trade' is not a known topic; use one of sister-cities, or add it to "
        "data/topics.yml",
    ),
    Case(
        "unknown-sector",
        replace(GRANT, "sector: research-development", "sector: tourism"),
        "data/opportunities/test-grant.yml:4: sector: 'tourism' is not a known sector; use one of "
        "research-development, or add it to data/sectors.yml",
    ),
    Case(
        "unknown-policy",
        replace(GRANT, "policy: test-policy", "policy: missing-policy"),
        "data/opportunities/test-grant.yml:11: policy: 'missing-policy' is not a known policy explainer; did you "
        "mean test-policy? Otherwise use one of test-policy, or add docs/zh/policies/missing-policy.md",
    ),
    Case(
        "slug-uppercase",
        rename(CITY, "data/cities/Montpellier.yml"),
        "data/cities/Montpellier.yml: id: the file name 'Montpellier.yml'; rename it to montpellier.yml; file names "
        "are ids and URLs: lowercase a-z, digits and single hyphens, like new-partner-cities-2025",
    ),
    Case(
        "slug-space",
        write("docs/zh/news/2025/My Article.md",
              "---\ntitle: 标题\nsummary: 摘要。\ndate: 2025-04-16\n---\n\n正文。\n"),
        "docs/zh/news/2025/My Article.md: slug: the file name 'My Article.md'; rename it to my-article.md; file "
        "names are ids and URLs: lowercase a-z, digits and single hyphens, like new-partner-cities-2025",
    ),
    Case(
        "slug-dot-dot",
        replace(EVENT, "cities: [montpellier]", "cities: [../montpellier]"),
        "data/events/test-event.yml:7: cities.0: '../montpellier'; an id, not a path (no /, \\ or ..): the name of a "
        "file under data/ or docs/ without .yml or .md",
    ),
    Case(
        "slug-backslash",
        replace(EVENT, "topics: [sister-cities]", "topics: ['..\\sister-cities']"),
        "data/events/test-event.yml:8: topics.0: '..\\\\sister-cities'; an id, not a path (no /, \\ or ..): the name "
        "of a file under data/ or docs/ without .yml or .md",
    ),
    Case(
        "slug-absolute-path",
        replace(GRANT, "policy: test-policy", "policy: /etc/passwd"),
        "data/opportunities/test-grant.yml:11: policy: '/etc/passwd'; an id, not a path (no /, \\ or ..): the name "
        "of a file under data/ or docs/ without .yml or .md",
    ),
    Case(
        "topic-id-not-slug",
        replace("data/topics.yml", "sister-cities:", "Sister Cities:"),
        "data/topics.yml:1: Sister Cities: the id 'Sister Cities'; rename it to sister-cities; ids are part of URLs: "
        "lowercase a-z, digits and single hyphens, like new-partner-cities-2025",
    ),
    Case(
        "not-a-record-file",
        write("data/cities/notes.txt", "notes\n"),
        "data/cities/notes.txt: 'notes.txt' in cities/; cities/ holds only <id>.yml records",
    ),
    Case(
        "record-in-a-folder-the-site-does-not-read",
        write("data/event/test-event.yml", "title: {zh: 活动, en: Event}\n"),
        "data/event: 'event/' in data/, which the site does not read; records go in data/cities/, data/events/ or "
        "data/opportunities/, one <id>.yml each",
    ),
    Case(
        "record-at-the-top-of-data",
        write("data/montpellier.yml", "name: {zh: 蒙彼利埃, en: Montpellier}\n"),
        "data/montpellier.yml: 'montpellier.yml' in data/, which the site does not read; records go in data/cities/, "
        "data/events/ or data/opportunities/, one <id>.yml each",
    ),
    # -- pages -------------------------------------------------------------------------------------
    Case(
        "translation-without-original",
        write("docs/fr/news/2025/ghost.md", "---\ntitle: Fantôme\nsummary: Rien.\n---\n\nTexte.\n"),
        "docs/fr/news/2025/ghost.md:1: a translation of docs/zh/news/2025/ghost.md, which does not exist; add the "
        "original in docs/zh/ first, or fix this file's path",
    ),
    Case(
        "wrong-year-folder",
        replace(ARTICLE, "date: 2025-04-16", "date: 2024-04-16"),
        "docs/zh/news/2025/first-article.md:4: date: 2024-04-16 in the folder news/2025/; move the file to "
        "news/2024/ or fix the date",
    ),
    Case(
        "outside-language-folders",
        write("docs/README.md", "# Notes\n"),
        "docs/README.md: a file outside the language folders (README.md); move it under docs/<language>/, one of zh, "
        "en, fr, ja",
    ),
    Case(
        "no-front-matter",
        write(ARTICLE, "第一篇文章\n\n正文。\n"),
        "docs/zh/news/2025/first-article.md:1: no front matter; start the file with --- / title: … / summary: … / ---",
    ),
    Case(
        "front-matter-not-closed",
        write(ARTICLE, "---\ntitle: 第一篇文章\nsummary: 摘要。\n\n正文。\n"),
        "docs/zh/news/2025/first-article.md:1: front matter that is not closed; end it with a line of three dashes "
        "(---) before the text",
    ),
    Case(
        "fact-in-translation",
        replace(ARTICLE_EN, "summary: A test summary.", "summary: A test summary.\ndate: 2025-04-16"),
        "docs/en/news/2025/first-article.md:4: date: a fact in a translation; remove it here; date belongs in the "
        "Chinese original, docs/zh/news/2025/first-article.md, and is written once for every language",
    ),
    Case(
        "placeholder-in-text",
        replace(ARTICLE, "正文第一段。", "TODO: 在此撰写正文。"),
        "docs/zh/news/2025/first-article.md:9: text: the placeholder 'TODO: 在此撰写正文。'; "
        "write the text of the page in its place",
    ),
    # -- who publishes the hub (data/hub.yml) ------------------------------------------------
    Case(
        "publisher-email",
        replace("data/hub.yml", "editors@example.org", "editors at example"),
        "data/hub.yml:7: publisher.email: 'editors at example'; should be an e-mail address, like office@example.org",
    ),
    Case(
        "publisher-missing",
        replace("data/hub.yml",
                "publisher:\n  name: {zh: 测试编辑部, en: Test editors}\n  email: editors@example.org\n", ""),
        "data/hub.yml:1: publisher: missing; add publisher; it is required",
    ),
    # -- time: article moments, confirmed offers, events named by articles ---------------------
    Case(
        "article-time-without-offset",
        replace(ARTICLE, "date: 2025-04-16", "date: 2025-04-16T10:30"),
        "docs/zh/news/2025/first-article.md:4: date: '2025-04-16T10:30'; is a time without its offset from UTC; "
        "add it, like 2025-04-16T10:30:00+08:00, or give the day alone, like 2025-04-16",
    ),
    Case(
        "confirmed-with-deadline",
        replace(GRANT, "deadline: 2025-05-01", "deadline: 2025-05-01\nconfirmed: 2025-04-10"),
        "data/opportunities/test-grant.yml:8: confirmed: '2025-04-10'; is given with a deadline; the deadline says "
        "how long it is open: remove confirmed, or the deadline if there is none",
    ),
    Case(
        "confirmed-before-published",
        replace(GRANT, "deadline: 2025-05-01", "confirmed: 2025-03-10"),
        "data/opportunities/test-grant.yml:7: confirmed: '2025-03-10'; is before published (2025-04-01); an offer "
        "is confirmed on or after publication",
    ),
    Case(
        "unknown-event-in-article",
        replace(ARTICLE, "cities: [montpellier]", "cities: [montpellier]\nevents: [test-evnt]"),
        "docs/zh/news/2025/first-article.md:7: events: 'test-evnt' is not a known event; did you mean test-event? "
        "Otherwise use one of test-event, or add data/events/test-evnt.yml",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_check_reports_the_problem(case: Case, minimal_project: Path) -> None:
    case.change(minimal_project)
    checked = check(minimal_project)
    assert checked.returncode == 1, checked.output
    assert reported(case.message, checked.stdout.splitlines()), checked.output
    assert "Traceback" not in checked.output


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_build_stops_with_the_same_message(case: Case, minimal_project: Path, tmp_path: Path) -> None:
    case.change(minimal_project)
    site = tmp_path / "site"
    built = build(minimal_project, site, **NO_WRAP)
    assert built.result.returncode == 1, built.result.output
    assert reported(case.message, built.result.output.splitlines()), built.result.output
    assert "The content has problems; nothing was built." in built.result.output
    assert "Traceback" not in built.result.output
    assert not site.exists()


# -- what must be accepted, and read as the editor meant it -------------------------------------------

BERGEN = """name: {zh: 卑尔根, en: Bergen}
country: NO
continent: europe
relationship: friendship-cooperation
chengdu_side: {zh: 成都市, en: Chengdu}
established: 2001
"""


def load(project: Path):
    from hub.source.catalog import load_catalog

    return load_catalog(project, site_languages())


@pytest.mark.slow
def test_country_code_no_unquoted_is_norway(minimal_project: Path, tmp_path: Path) -> None:
    # YAML 1.1 (PyYAML's default) reads NO as false; the hub reads YAML 1.2, where it is text.
    write("data/cities/bergen.yml", BERGEN)(minimal_project)
    checked = check(minimal_project)
    assert checked.returncode == 0, checked.output
    assert load(minimal_project).cities["bergen"].country == "NO"
    built = build(minimal_project, tmp_path / "site")
    assert built.result.returncode == 0, built.result.output


@pytest.mark.slow
def test_bom_and_crlf_are_read_as_plain_utf8(minimal_project: Path, tmp_path: Path) -> None:
    write("data/cities/bergen.yml", b"\xef\xbb\xbf" + BERGEN.replace("\n", "\r\n").encode("utf-8"))(minimal_project)
    article = "---\ntitle: 卑尔根\nsummary: 摘要。\ndate: 2025-04-18\ncities: [bergen]\n---\n\n正文。\n"
    write("docs/zh/news/2025/bergen.md", b"\xef\xbb\xbf" + article.replace("\n", "\r\n").encode("utf-8"))(
        minimal_project)
    checked = check(minimal_project)
    assert checked.returncode == 0, checked.output
    catalog = load(minimal_project)
    city = catalog.cities["bergen"]
    assert (city.name.get("zh"), city.name.get("en"), city.established) == ("卑尔根", "Bergen", 2001)
    article_meta = catalog.article("news/2025/bergen.md").meta
    assert (article_meta.title, article_meta.summary, article_meta.cities) == ("卑尔根", "摘要。", ["bergen"])
    built = build(minimal_project, tmp_path / "site")
    assert built.result.returncode == 0, built.result.output
    assert built.soup("news/2025/bergen/").select_one("h1").get_text(strip=True).removesuffix("¶") == "卑尔根"


def test_every_problem_in_one_run(minimal_project: Path) -> None:
    chosen = [case for case in CASES
              if case.id in ("yaml-syntax", "unknown-city", "unknown-time-zone", "fact-in-translation")]
    for case in chosen:
        case.change(minimal_project)
    checked = check(minimal_project)
    assert checked.stdout.splitlines()[:-1] == [
        *sorted(case.message for case in chosen), "4 problems found in the content."]
