"""The sitemap split into several files (hub.site.alternates, `extra.hub.sitemap_max_urls`): a site
with more addresses than one sitemap file may hold publishes `sitemap.xml` as a sitemap index
of `sitemap-1.xml`, `sitemap-2.xml`…, which together list exactly the pages one sitemap lists."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from lxml import etree
from sitebuild import MINIMAL, TEST_SITE_URL, BuiltSite, build, copy_project

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
PER_FILE = 7


def with_limit(project: Path, limit: int) -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\n  hub:\n", f"\n  hub:\n    sitemap_max_urls: {limit}\n", 1), encoding="utf-8")
    return project


def built(project: Path, site_dir: Path) -> BuiltSite:
    site = build(project, site_dir)
    assert site.result.returncode == 0, site.result.output
    return site


def urls(path: Path) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """Each <url> of a urlset: its address and its hreflang alternates, in the file's order."""
    root = etree.parse(str(path)).getroot()
    assert root.tag == f"{{{NS['s']}}}urlset", path.name
    return [(url.findtext("s:loc", namespaces=NS),
             tuple((link.get("hreflang"), link.get("href")) for link in url.findall("x:link", NS)))
            for url in root.findall("s:url", NS)]


@pytest.fixture(scope="module")
def one_file(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("one")
    return built(copy_project(root / "project", content_from=MINIMAL), root / "site")


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("split")
    return built(with_limit(copy_project(root / "project", content_from=MINIMAL), PER_FILE), root / "site")


def test_a_small_site_has_one_sitemap_and_no_index(one_file: BuiltSite) -> None:
    listed = urls(one_file.dir / "sitemap.xml")
    assert PER_FILE < len(listed) <= 50_000
    assert not list(one_file.dir.glob("sitemap-*.xml"))


def test_more_pages_than_one_file_holds_are_listed_by_an_index_of_files(one_file: BuiltSite, split: BuiltSite) -> None:
    index = etree.parse(str(split.dir / "sitemap.xml")).getroot()
    assert index.tag == f"{{{NS['s']}}}sitemapindex"
    parts = [element.text for element in index.findall("s:sitemap/s:loc", NS)]
    expected_parts = -(-len(urls(one_file.dir / "sitemap.xml")) // PER_FILE)
    assert parts == [f"{TEST_SITE_URL}sitemap-{number}.xml" for number in range(1, expected_parts + 1)]
    # The gzip copy is the index too; the parts are the only other sitemap files.
    assert gzip.decompress((split.dir / "sitemap.xml.gz").read_bytes()) == (split.dir / "sitemap.xml").read_bytes()
    assert sorted(path.name for path in split.dir.glob("sitemap-*.xml")) == sorted(
        loc.removeprefix(TEST_SITE_URL) for loc in parts)

    together = []
    for loc in parts:
        part = urls(split.dir / loc.removeprefix(TEST_SITE_URL))
        assert 1 <= len(part) <= PER_FILE, loc
        assert all(address.startswith(TEST_SITE_URL) for address, _ in part), loc
        assert all(href.startswith(TEST_SITE_URL) for _, links in part for _, href in links), loc
        together += part
    # Every page of the single sitemap, once, in the same order, with the same alternates.
    assert together == urls(one_file.dir / "sitemap.xml")


def test_a_limit_outside_the_protocol_is_refused_with_the_setting_named(minimal_project: Path, tmp_path: Path) -> None:
    site = build(with_limit(minimal_project, 60_000), tmp_path / "site")
    assert site.result.returncode != 0
    assert ("extra.hub.sitemap_max_urls in mkdocs.yml is 60000; expected a whole number from 1 to 50000"
            in site.result.output)
    assert "Traceback" not in site.result.output
