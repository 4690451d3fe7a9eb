"""A kind of record is one module and its templates: a fixture site adds delegation visits
(tests/fixtures/visits: hooks/visits.py, its templates and stub, a record and the section's
introduction) and names the module under `extra.hub.kinds` in mkdocs.yml. Nothing in the
package changes, and the site gets the kind's pages in every language, its listing, its
feed entries, its JSON Schema, its problems reported by `hub check` with file and line,
and `hub new visit`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import pytest
from sitebuild import HUB_CLI, MINIMAL, ROOT, TEST_SITE_URL, BuiltSite, build, copy_project, run

pytestmark = pytest.mark.slow

VISITS = Path(__file__).resolve().parent / "fixtures" / "visits"
VISIT = "visits/montpellier-delegation/"


def add_visits(project: Path, modules: str = "[visits]") -> None:
    """What the site adds: the kind's files, and one line (and a nav rule) in mkdocs.yml."""
    shutil.copytree(VISITS, project, dirs_exist_ok=True)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nextra:\n  hub:\n" in text and "not_in_nav: |\n" in text
    text = text.replace("\nextra:\n  hub:\n", f"\nextra:\n  hub:\n    kinds: {modules}\n", 1)
    text = text.replace("not_in_nav: |\n", "not_in_nav: |\n  */visits/*.md\n", 1)
    config.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def visits(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = copy_project(tmp_path_factory.mktemp("visits") / "project", content_from=MINIMAL)
    add_visits(project)
    site = build(project, project.parent / "site", SOURCE_DATE_EPOCH="1745000000")
    assert site.result.returncode == 0, site.result.output
    return site


def test_the_package_names_no_such_kind() -> None:
    for path in (ROOT / "hooks" / "hub").rglob("*.py"):
        assert "visit" not in path.read_text(encoding="utf-8").lower(), path


def test_each_record_has_its_page_in_every_language(visits: BuiltSite) -> None:
    soup = visits.soup("en/" + VISIT)
    assert soup.find("h1").get_text(strip=True) == "Montpellier delegation visits Chengdu"
    assert soup.select_one(".hub-visit-delegation").get_text(strip=True) == "City of Montpellier"
    assert visits.soup(VISIT).find("h1").get_text(strip=True) == "蒙彼利埃代表团来访"
    # A language without the text shows the fallback's, as a record's page does.
    french = visits.soup("fr/" + VISIT)
    assert french.html["lang"] == "fr"
    assert french.find("h1").get_text(strip=True) == "Montpellier delegation visits Chengdu"
    assert "avril 2025" in french.select_one(".hub-visit-dates").get_text(" ", strip=True)


def test_the_section_lists_its_records_under_its_introduction(visits: BuiltSite) -> None:
    soup = visits.soup("en/visits/")
    assert "Foreign delegations visiting Chengdu." in soup.get_text()
    link = soup.select_one(".hub-visits a")
    assert link.get_text(strip=True) == "Montpellier delegation visits Chengdu"
    assert link["href"].endswith("/en/" + VISIT)


def test_the_pages_tell_search_engines_their_summary(visits: BuiltSite) -> None:
    soup = visits.soup("en/" + VISIT)
    assert soup.find("meta", property="og:description")["content"] == "A delegation from Montpellier visits Chengdu."
    assert soup.find("link", rel="canonical")["href"] == TEST_SITE_URL + "en/" + VISIT
    hreflang = {link["hreflang"] for link in soup.find_all("link", hreflang=True)}
    assert {"zh", "en", "fr", "ja"} <= hreflang


def test_records_enter_the_feeds_of_everything_and_of_their_cities(visits: BuiltSite) -> None:
    for path in ("en/feeds/all.atom.xml", "en/feeds/cities/montpellier.atom.xml", "fr/feeds/all.rss.xml"):
        feed = feedparser.parse(visits.text(path))
        assert not feed.bozo, path
        entry = next(entry for entry in feed.entries if "montpellier-delegation" in entry.link)
        lang = path.split("/")[0]
        assert entry.id.endswith(f":{lang}/visit/montpellier-delegation"), path
        assert entry.link == TEST_SITE_URL + f"{lang}/" + VISIT
        assert "City of Montpellier" in entry.content[0].value
    assert "montpellier-delegation" not in visits.text("en/feeds/events.atom.xml")


def test_its_schema_is_written_from_its_model(visits: BuiltSite) -> None:
    assert visits.project is not None
    written = run([*HUB_CLI, "schema"], visits.project)
    assert written.returncode == 0, written.output
    schema = json.loads((visits.project / "data" / "schema" / "visit.schema.json").read_text(encoding="utf-8"))
    assert schema["description"] == "A delegation's visit to Chengdu: data/visits/<id>.yml"
    assert {"title", "delegation", "arrives", "leaves"} <= set(schema["required"])
    assert schema["additionalProperties"] is False
    assert run([*HUB_CLI, "schema", "--check"], visits.project).returncode == 0


def test_check_reports_its_problems_with_file_and_line(visits: BuiltSite) -> None:
    assert visits.project is not None
    bad = visits.project / "data" / "visits" / "osaka-delegation.yml"
    bad.write_text(
        "title: {zh: 大阪代表团, en: Osaka delegation}\n"
        "summary: {zh: 摘要。, en: Summary.}\n"
        "delegation: {zh: 大阪市, en: City of Osaka}\n"
        "arrives: 2025-05-10\n"
        "leaves: 2025-05-08\n"
        "cities: [osaka]\n",
        encoding="utf-8",
    )
    stray = visits.project / "data" / "visits" / "notes.txt"
    stray.write_text("not a record\n", encoding="utf-8")
    try:
        checked = run([*HUB_CLI, "check"], visits.project)
    finally:
        bad.unlink()
        stray.unlink()
    assert checked.returncode == 1, checked.output
    assert "data/visits/osaka-delegation.yml:5: leaves: " in checked.stdout
    assert "a delegation leaves after it arrives" in checked.stdout
    assert "data/visits/osaka-delegation.yml:6: cities: 'osaka' is not a known partner city" in checked.stdout
    assert "data/visits/notes.txt: 'notes.txt' in visits/; visits/ holds only <id>.yml records" in checked.stdout
    valid = run([*HUB_CLI, "check"], visits.project)
    assert valid.returncode == 0, valid.output
    assert "1 delegation visits" in valid.stdout


def test_a_misplaced_folder_names_the_kinds_folder(visits: BuiltSite) -> None:
    assert visits.project is not None
    stray = visits.project / "data" / "visit"
    stray.mkdir()
    try:
        checked = run([*HUB_CLI, "check"], visits.project)
    finally:
        stray.rmdir()
    assert checked.returncode == 1
    assert "data/visits/" in checked.stdout


def test_new_writes_a_stub_that_check_lists_until_written(visits: BuiltSite) -> None:
    assert visits.project is not None
    made = run([*HUB_CLI, "new", "visit", "Osaka delegation", "--lang", "en", "--date", "2025-06-02"],
               visits.project)
    stub = visits.project / "data" / "visits" / "osaka-delegation.yml"
    try:
        assert made.returncode == 0, made.output
        assert "data/visits/osaka-delegation.yml" in made.stdout
        text = stub.read_text(encoding="utf-8")
        assert 'en: "Osaka delegation"' in text and "arrives: 2025-06-02" in text
        checked = run([*HUB_CLI, "check"], visits.project)
        assert checked.returncode == 1
        line = next(number for number, row in enumerate(text.splitlines(), start=1) if "who visits" in row)
        assert f"data/visits/osaka-delegation.yml:{line}: delegation.zh: " in checked.stdout
    finally:
        stub.unlink(missing_ok=True)


def test_a_kind_that_cannot_be_imported_stops_the_build_saying_where(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", content_from=MINIMAL)
    add_visits(project, modules="[visitors]")
    site = build(project, tmp_path / "site")
    assert site.result.returncode != 0
    assert "extra.hub.kinds in mkdocs.yml: the module 'visitors' cannot be imported" in site.result.output
    assert "Traceback" not in site.result.output
