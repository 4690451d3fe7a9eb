"""The stack's internals in one place (hub.stack): a build on other versions of MkDocs,
Material, mkdocs-static-i18n or Pagefind says what to do, a rewrite of Material's scripts
that matches nothing stops the build, and Material's templates copied into overrides/
still come from the installed Material."""

from __future__ import annotations

import ast
import re
import shutil
from importlib.metadata import distribution
from pathlib import Path

import pytest
from hub import stack
from hub.stack.material_theme import MATERIAL_TEMPLATES, SCRIPTS_DIR, CopiedTemplate, original_text
from mkdocs.exceptions import PluginError
from sitebuild import ROOT, build

MATERIAL_SCRIPTS = MATERIAL_TEMPLATES.joinpath(*SCRIPTS_DIR)


def pins() -> dict[str, str]:
    """name -> version of every `name==version` in requirements.txt (extras dropped)."""
    found = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if match := re.fullmatch(r"([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==(\S+)", line.strip()):
            found[match.group(1).lower()] = match.group(2)
    return found


def test_the_tested_versions_are_the_pins() -> None:
    """Changing a pin means going through hub.stack's touches of that package first."""
    pinned = pins()
    for package, tested in stack.TESTED.items():
        pin = pinned.get(package) or pinned["pagefind"]  # the extended binary comes with pagefind[extended]
        assert pin == tested, f"requirements.txt pins {package} {pin}; hub.stack was checked against {tested}"


def test_another_version_is_named_with_the_pin_and_what_to_do() -> None:
    versions = {**stack.TESTED, "mkdocs-material": "9.9.0", "pagefind-bin-extended": None}
    problems = stack.version_problems(versions.get)
    assert [(p.file, p.field, p.found) for p in problems] == [
        ("requirements.txt", "mkdocs-material", "9.9.0 is installed"),
        ("requirements.txt", "pagefind-bin-extended", "not installed"),
    ]
    message = problems[0].format()
    assert message.startswith("requirements.txt:3: mkdocs-material: 9.9.0 is installed; the hub was tested with 9.8.2")
    assert ".venv/bin/pip install -r requirements.txt" in message
    assert "hooks/hub/stack/touches.py" in message
    assert stack.version_problems() == []  # the versions installed here are the tested ones


def fake_distribution(folder: Path, package: str, version: str) -> Path:
    """A dist-info claiming `version` of `package`, found before the installed one (its
    entry points copied, so MkDocs still finds the theme and plugins)."""
    real = distribution(package)
    info = folder / f"{package.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {package}\nVersion: {version}\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(real.read_text("entry_points.txt") or "", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_a_strict_build_refuses_another_version_of_material(minimal_project: Path, tmp_path: Path) -> None:
    fake = fake_distribution(tmp_path / "fake", "mkdocs-material", "9.9.0")
    path = f"{fake}:{ROOT / 'hooks'}"
    refused = build(minimal_project, tmp_path / "site", PYTHONPATH=path)
    assert refused.result.returncode != 0
    # (A fixture project has no requirements.txt: the pin's line is not shown.)
    assert "requirements.txt: mkdocs-material: 9.9.0 is installed; the hub was tested with 9.8.2" in (
        refused.result.output)
    assert "Aborted with 1 warnings in strict mode" in refused.result.output
    assert not (tmp_path / "site" / "index.html").exists()
    # Trying the new version: a build that is not strict goes on, and says the same.
    tried = build(minimal_project, tmp_path / "tried", strict=False, PYTHONPATH=path)
    assert tried.result.returncode == 0, tried.result.output
    assert "mkdocs-material: 9.9.0 is installed" in tried.result.output


def copy_of_material_scripts(site: Path) -> Path:
    scripts = site.joinpath(*SCRIPTS_DIR)
    scripts.mkdir(parents=True)
    for script in MATERIAL_SCRIPTS.glob("*.js"):
        shutil.copy2(script, scripts / script.name)
    return scripts


def test_every_rewrite_matches_the_installed_material(tmp_path: Path) -> None:
    scripts = copy_of_material_scripts(tmp_path)
    replaced = stack.keep_scripts_on_site(tmp_path, [MATERIAL_TEMPLATES])
    assert any("unpkg.com" in found for found in replaced)
    assert any("link[rel=alternate]" in found for found in replaced)
    rewritten = "".join(script.read_text(encoding="utf-8") for script in scripts.glob("*.js"))
    assert "unpkg.com" not in rewritten
    assert '("link[rel=alternate]")' not in rewritten
    # A --dirty rebuild finds the site's scripts rewritten already: the same bytes again.
    before = {script.name: script.read_bytes() for script in scripts.glob("*.js")}
    stack.keep_scripts_on_site(tmp_path, [MATERIAL_TEMPLATES])
    assert before == {script.name: script.read_bytes() for script in scripts.glob("*.js")}


def test_a_rewrite_that_matches_nothing_fails_with_what_readers_would_get(tmp_path: Path) -> None:
    scripts = copy_of_material_scripts(tmp_path)
    for script in scripts.glob("*.js"):  # a bundle that loads its polyfill from elsewhere
        script.write_text(script.read_text(encoding="utf-8").replace("https://unpkg.com/", "https://cdn.example/"),
                          encoding="utf-8")
    with pytest.raises(PluginError) as failed:
        stack.keep_scripts_on_site(tmp_path)
    message = str(failed.value)
    assert message.startswith("assets/javascripts/*.js: scripts loaded from unpkg.com: not found in Material's scripts")
    assert "readers' browsers may load scripts from unpkg.com" in message
    assert "SCRIPT_REWRITES in hooks/hub/stack/material_theme.py" in message
    assert "link[rel=alternate]" not in message  # the other rewrite still matched


@pytest.mark.slow
def test_a_build_whose_material_bundle_changed_fails(minimal_project: Path, tmp_path: Path) -> None:
    """The theme's bundle replaced (as an upgrade would) by one without the addresses."""
    overrides = minimal_project / "overrides"
    scripts = overrides.joinpath(*SCRIPTS_DIR)
    scripts.mkdir(parents=True)
    for script in MATERIAL_SCRIPTS.glob("*.js"):
        text = script.read_text(encoding="utf-8")
        (scripts / script.name).write_text(text.replace('("link[rel=alternate]")', '("link[rel=alternate i]")'),
                                           encoding="utf-8")
    built = build(minimal_project, tmp_path / "site")
    assert built.result.returncode != 0
    assert ("assets/javascripts/*.js: the language selector's lookup of sitemap.xml beside each "
            "link[rel=alternate]: not found in Material's scripts") in built.result.output
    assert "a script in overrides/?" in built.result.output
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize("copied", stack.COPIED_TEMPLATES, ids=lambda c: f"{c.override}:{c.block or 'whole'}")
def test_copied_templates_come_from_the_installed_material(copied: CopiedTemplate) -> None:
    """An upgrade of Material that changes a template the hub copied is noticed here:
    compare the original with overrides/<override>, carry the change over, then update
    the digest and version in hooks/hub/stack/material_theme.py."""
    override = ROOT / "overrides" / copied.override
    assert override.is_file()
    if copied.block:
        assert re.search(r"\{%-?\s*block " + copied.block + r"\s*-?%\}", override.read_text(encoding="utf-8"))
    original = original_text(copied)
    assert original, f"Material's {copied.original} has no block {copied.block} any more"
    assert copied not in stack.changed_originals(), (
        f"Material's {copied.original}{' block ' + copied.block if copied.block else ''} changed since the copy "
        f"in overrides/{copied.override} was made from {copied.version}")


def test_a_changed_original_is_noticed(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(MATERIAL_TEMPLATES / "partials", templates / "partials")
    shutil.copy2(MATERIAL_TEMPLATES / "base.html", templates / "base.html")
    assert stack.changed_originals(templates) == []
    header = templates / "partials" / "header.html"
    header.write_text(header.read_text(encoding="utf-8").replace("md-header__inner", "md-header__row"),
                      encoding="utf-8")
    base = templates / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace('<meta charset="utf-8">', '<meta charset="UTF-8">'),
                    encoding="utf-8")
    assert [(c.original, c.block) for c in stack.changed_originals(templates)] == [
        ("partials/header.html", None), ("base.html", "site_meta"),
    ]


# What only hub.stack may touch: the rest of the package calls it instead.
INTERNAL_MODULES = ("material", "mkdocs_static_i18n", "pagefind", "mkdocs.utils", "mkdocs.commands")
INTERNAL_ATTRIBUTES = {"current_language", "building", "norm_src_uri", "present_anchor_ids", "clean_directory",
                       "_RawHTMLPreprocessor", "YAML_RE", "get_data"}


def internals_touched(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [alias.name for alias in node.names]
            if isinstance(node, ast.ImportFrom) and not node.level:
                names = [f"{node.module}.{name}" for name in names]
            found += [(node.lineno, name) for name in names
                      if any(name == m or name.startswith(m + ".") for m in INTERNAL_MODULES)
                      or name.rsplit(".", 1)[-1] in INTERNAL_ATTRIBUTES]
        elif isinstance(node, ast.Attribute) and node.attr in INTERNAL_ATTRIBUTES:
            if not (isinstance(node.value, ast.Name) and node.value.id == "stack"):
                found.append((node.lineno, node.attr))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "vars":
            found.append((node.lineno, "vars()"))
        elif isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found += [(node.lineno, "abs_src_path =") for target in targets
                      if isinstance(target, ast.Attribute) and target.attr in ("abs_src_path", "locale")]
    return found


def test_only_hub_stack_touches_the_internals() -> None:
    hooks = ROOT / "hooks"
    found = [f"{module.relative_to(ROOT)}:{line}: {what}"
             for module in sorted(hooks.rglob("*.py")) if "stack" not in module.relative_to(hooks).parts
             for line, what in internals_touched(module.read_text(encoding="utf-8"))]
    assert found == []


def test_the_guard_sees_a_touch() -> None:
    touched = internals_touched("from mkdocs import utils\nimport material\ndef f(page, config):\n"
                                "    config.plugins['i18n'].current_language = 'fr'\n    return vars(page)\n")
    assert sorted(touched) == [(1, "mkdocs.utils"), (2, "material"), (4, "current_language"), (5, "vars()")]


def test_a_built_languages_pages_let_go_of_their_text(minimal_project: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """mkdocs-static-i18n keeps every built language's pages to the end of the build; their
    Markdown and HTML are let go once their language is written (stack.release_built_pages),
    and the site is still complete. Built here, in this process, to look at the plugin."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from sitebuild import hub_env

    for name, value in hub_env(HUB_BUILD_WORKERS="1").items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(minimal_project)
    site = tmp_path / "site"
    config = load_config(str(minimal_project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    kept = config.plugins["i18n"].i18n_files_per_language
    assert list(kept) == ["zh", "en", "fr", "ja"]
    pages = [file.page for files in kept.values() for file in files if file.page is not None]
    assert len(pages) > 20
    assert [page.file.src_uri for page in pages if page.content is not None or page.markdown is not None] == []
    for lang in ("", "en/", "fr/", "ja/"):
        assert "<article" in (site / lang / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["", " \n\t\n"])
def test_a_page_with_nothing_to_convert_gets_what_its_conversion_gives(minimal_project: Path, tmp_path: Path,
                                                                        text: str) -> None:
    """stack.skip_blank_conversions: MkDocs' own Page.render and the shortcut leave a page
    with blank text in the same state; a page with text is converted as before."""
    from hub.stack import mkdocs_core
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    stack.skip_blank_conversions()
    stack.skip_blank_conversions()  # twice: still one wrapper around MkDocs' own
    assert Page.render is mkdocs_core._render_unless_blank and len(mkdocs_core._convert) == 1
    config = load_config(str(minimal_project / "mkdocs.yml"))
    file = File("about/x.md", str(minimal_project / "docs"), str(tmp_path), use_directory_urls=True)

    def rendered(render, markdown: str) -> dict[str, object]:
        page = Page(None, file, config)
        page.markdown = markdown
        render(page, config, Files([file]))
        return {"content": page.content, "toc": [(item.id, item.title) for item in page.toc],
                "title": page._title_from_render, "anchors": page.present_anchor_ids,
                "links": getattr(page, "links_to_anchors", None)}

    assert rendered(Page.render, text) == rendered(mkdocs_core._convert[0], text)
    with_text = rendered(Page.render, "# Title {#top}\n\nText.\n")
    assert with_text == rendered(mkdocs_core._convert[0], "# Title {#top}\n\nText.\n")
    assert with_text["title"] == "Title" and "top" in with_text["anchors"]
