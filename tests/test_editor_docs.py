"""The editors' guides tell the truth: every `make` command they name exists, and every
example record or front matter in CONTRIBUTING.md is valid for the models it illustrates."""

from __future__ import annotations

import re

import pytest
from hub.safety.yamlsafe import load_yaml
from hub.source.models import ArticleOriginal, ArticleTranslation, City, Event, Opportunity, PolicyOriginal
from sitebuild import ROOT, site_languages

GUIDES = ("README.md", "CONTRIBUTING.md", ".github/pull_request_template.md")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", flags=re.MULTILINE | re.DOTALL)


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", text, flags=re.MULTILINE))


def make_commands(text: str) -> set[str]:
    inline = re.findall(r"`(?:[A-Z_]+=\S+ )*make ([a-z][a-z-]*)", text)
    in_blocks = [
        command
        for _, block in FENCE.findall(text)
        for command in re.findall(r"^\s*(?:[A-Z_]+=\S+\s+)*make ([a-z][a-z-]*)", block, flags=re.MULTILINE)
    ]
    return set(inline) | set(in_blocks)


@pytest.mark.parametrize("guide", GUIDES)
def test_every_make_command_a_guide_names_exists(guide: str):
    named = make_commands((ROOT / guide).read_text(encoding="utf-8"))
    assert named, f"{guide} names no make command?"
    missing = sorted(named - make_targets())
    assert missing == [], f"{guide} names make targets the Makefile does not have: {missing}"


def contributing_examples(language: str) -> list[str]:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    return [block for fence_language, block in FENCE.findall(text) if fence_language == language]


RECORD_MODELS = {"opportunity": Opportunity, "event": Event, "city": City}


def test_the_example_records_are_valid():
    seen = set()
    for block in contributing_examples("yaml"):
        kind = re.search(r"\$schema=\.\./schema/(\w+)\.schema\.json", block)
        if kind is None:
            continue
        RECORD_MODELS[kind[1]].model_validate(load_yaml(block).value, context=site_languages().context())
        seen.add(kind[1])
    assert seen == set(RECORD_MODELS)


def test_the_example_front_matter_is_valid():
    seen = set()
    for block in contributing_examples("markdown"):
        front = re.match(r"---\n(.*?)\n---\n", block, flags=re.DOTALL)
        assert front, block[:80]
        fields = load_yaml(front[1]).value
        if "official_title" in fields:
            model = PolicyOriginal
        else:
            model = ArticleOriginal if "date" in fields else ArticleTranslation
        model.model_validate(fields, context=site_languages().context())
        seen.add(model.__name__)
    assert seen == {"ArticleOriginal", "PolicyOriginal", "ArticleTranslation"}
