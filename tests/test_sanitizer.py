"""Each hostile vector of tests/hostile_site.py through the sanitiser (hub.safety.sanitize) in
this process, as a build passes a page: converted by Python-Markdown with the site's
extensions, cleaned, and every removal reported on the vector's line with its reason.
tests/test_hostile_html.py checks the same on the built hostile site."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from hostile_site import VECTOR_LINE, VECTORS, Vector, executable_content, vector_page
from hub.safety.sanitize import clean_html, removal_lines
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data
from sitebuild import ROOT


@pytest.fixture(scope="module")
def converter() -> markdown.Markdown:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def cleaned(vector: Vector, converter: markdown.Markdown) -> tuple[str, list]:
    body, _meta = get_data(vector_page(vector))
    converter.reset()
    return clean_html(converter.convert(body))


@pytest.mark.parametrize("vector", VECTORS, ids=[v.id for v in VECTORS])
def test_vector_is_neutralised_and_its_removals_reported_on_its_line(vector: Vector, converter) -> None:
    html, removals = cleaned(vector, converter)
    assert executable_content(html, vector.id) == []
    content = BeautifulSoup(html, "html.parser")
    for selector in vector.gone:
        assert content.select(selector) == [], selector
    assert sorted(f"{removal.found}; {removal.expected}" for removal in removals) == sorted(vector.removed)
    assert removal_lines(vector_page(vector), removals) == [VECTOR_LINE] * len(removals)


@pytest.mark.parametrize("vector", [v for v in VECTORS if v.text], ids=[v.id for v in VECTORS if v.text])
def test_harmless_markup_reads_as_written(vector: Vector, converter) -> None:
    html, _removals = cleaned(vector, converter)
    texts = [element.get_text() for element in BeautifulSoup(html, "html.parser").find_all(["p", "div"])]
    assert vector.text in texts
