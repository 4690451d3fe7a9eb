"""hooks/hub/README.md is the map of the package: every module is on it, in its sub-package,
and no sub-package imports one the map does not allow (imports inside functions included, so
that a layer cannot reach up by hiding an import in a function). A change to the layout updates
the map in the same commit, or these tests fail."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from sitebuild import ROOT

PACKAGE_DIR = ROOT / "hooks" / "hub"
MAP = PACKAGE_DIR / "README.md"
TOP = "top level"


def read_map(text: str) -> tuple[dict[str, set[str]], dict[str, set[str]], set[tuple[str, str]]]:
    """(modules by group, groups each group may import, module imports allowed against the
    layers) as the map writes them. A group is a sub-package, or TOP for the package's own
    modules."""
    modules: dict[str, set[str]] = {}
    allowed: dict[str, set[str]] = {}
    group = None
    for block in re.split(r"\n(?=## )", text):
        heading = re.match(r"## (?:`(\w+)`|(Top level))", block)
        if not heading:
            continue
        group = heading.group(1) or TOP
        listed = re.search(r"^- Modules: (.+?)(?=^- |\Z)", block, re.M | re.S)
        may = re.search(r"^- May import: (.+?)(?=^- |\n\n|\Z)", block, re.M | re.S)
        if listed:
            modules[group] = set(re.findall(r"`(\w+)`", listed.group(1)))
        if may:
            names = may.group(1).split("(")[0]
            allowed[group] = {TOP if part.strip() == TOP else part.strip(" `\n") for part in names.split(",")}
    exceptions = set(re.findall(r"^- `([\w.]+)` → `([\w.]+)`", text, re.M))
    return modules, allowed, exceptions


def modules_on_disk() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in PACKAGE_DIR.rglob("*.py"):
        parts = path.relative_to(PACKAGE_DIR).with_suffix("").parts
        if parts[-1] == "__init__":
            continue  # a package's own file: the map's heading stands for it
        group = TOP if len(parts) == 1 else parts[0]
        found.setdefault(group, set()).add(parts[-1] if len(parts) <= 2 else ".".join(parts[1:]))
    return found


def dotted(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def exists(name: str) -> bool:
    path = PACKAGE_DIR.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _type_checking_blocks(tree: ast.Module) -> set[int]:
    """ids of the nodes under `if TYPE_CHECKING:`: imports for type hints, never loaded."""
    return {id(inner) for node in ast.walk(tree)
            if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
            for statement in node.body for inner in ast.walk(statement)}


def imports(path: Path, *, type_hints: bool = True) -> set[str]:
    """Every module of the package that `path` imports, wherever in the file (absolute names);
    without `type_hints`, those imported only for type hints are left out."""
    here = dotted(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hints = set() if type_hints else _type_checking_blocks(tree)
    for node in ast.walk(tree):
        if id(node) in hints:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "hub")
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            if target.split(".")[0] != "hub":
                continue
            for alias in node.names:
                found.add(f"{target}.{alias.name}" if exists(f"{target}.{alias.name}") else target)
    return found


def group_of(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and (PACKAGE_DIR / parts[1]).is_dir()) else TOP


def short(name: str) -> str:
    return name.removeprefix("hub.")


def registries() -> set[str]:
    """Sub-packages whose own `__init__` loads nothing of the package (type hints aside): a
    registry like `hub.kinds`, which every layer may read without reaching up, because reading
    it loads nothing above the reader."""
    return {dotted(init) for init in PACKAGE_DIR.glob("*/__init__.py")
            if not imports(init, type_hints=False) and init.read_text(encoding="utf-8").strip()}


def package_imports() -> dict[tuple[str, str], set[tuple[str, str]]]:
    """(importing group, imported group) -> the module imports that make that edge; reading a
    registry (above) makes none."""
    edges: dict[tuple[str, str], set[tuple[str, str]]] = {}
    readable = registries()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        importer = dotted(path)
        for target in imports(path):
            a, b = group_of(importer), group_of(target)
            if a != b and target != "hub" and target not in readable:
                edges.setdefault((a, b), set()).add((short(importer), short(target)))
    return edges


@pytest.fixture(scope="module")
def package_map() -> tuple[dict[str, set[str]], dict[str, set[str]], set[tuple[str, str]]]:
    return read_map(MAP.read_text(encoding="utf-8"))


def test_every_module_is_on_the_map_in_its_sub_package(package_map) -> None:
    modules, _, _ = package_map
    on_disk = modules_on_disk()
    missing = sorted(f"{group}: {name}" for group, names in on_disk.items()
                     for name in names - modules.get(group, set()))
    gone = sorted(f"{group}: {name}" for group, names in modules.items() for name in names - on_disk.get(group, set()))
    assert missing == [], "modules not on hooks/hub/README.md (add each under its sub-package's Modules)"
    assert gone == [], "hooks/hub/README.md lists modules that are not there"


def test_sub_packages_import_only_what_the_map_allows(package_map) -> None:
    _, allowed, exceptions = package_map
    refused = sorted(
        f"{importer} -> {target}"
        for (a, b), pairs in package_imports().items() if b not in allowed.get(a, set())
        for importer, target in pairs if (importer, target) not in exceptions
    )
    assert refused == [], ("imports hooks/hub/README.md does not allow: move the module, or if the import must "
                           "stay, add it to 'Imports against the layers' with its reason")


def test_the_exceptions_on_the_map_are_still_made(package_map) -> None:
    _, _, exceptions = package_map
    made = {pair for pairs in package_imports().values() for pair in pairs}
    assert sorted(exceptions - made) == [], "'Imports against the layers' lists imports no module makes any more"


def test_the_layers_only_point_down(package_map) -> None:
    """What the map allows is itself layered: no sub-package may import one above it."""
    _, allowed, _ = package_map
    order = re.search(r"Layers, from the bottom: (.+?)\.\n\n", MAP.read_text(encoding="utf-8"), re.S).group(1)
    layers = [TOP if "top-level" in part else part.strip(" `\n") for part in order.split("→")]
    assert set(layers) == set(allowed), "the order of layers names every group the map has"
    upward = sorted(f"{group} -> {other}" for group, others in allowed.items() for other in others
                    if layers.index(other) >= layers.index(group) and not (group == TOP and other == "editors"))
    assert upward == []


def test_the_map_sees_an_import_it_does_not_allow(tmp_path: Path) -> None:
    text = ("## `low`\n\n- Modules: `a`\n- May import: top level\n\n"
            "## `high`\n\n- Modules: `b`\n- May import: top level, `low`\n\n"
            "## Imports against the layers\n\n- `low.a` → `high.b`: a reason.\n")
    modules, allowed, exceptions = read_map(text)
    assert modules == {"low": {"a"}, "high": {"b"}}
    assert allowed == {"low": {TOP}, "high": {TOP, "low"}}
    assert exceptions == {("low.a", "high.b")}


def test_the_kinds_registry_loads_nothing_of_the_package() -> None:
    """Every layer reads the registry of kinds (hooks/hub/README.md, `kinds`): it may import
    the package's modules for type hints only, or the layers would have a cycle."""
    assert "hub.kinds" in registries()
