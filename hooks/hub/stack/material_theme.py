"""mkdocs-material, beyond its documented customisation (checked against 9.8.2): its own
templates reached from ours, partials of it copied into overrides/, and rewrites of its
minified scripts."""

from __future__ import annotations

from pathlib import Path

import material
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader

# Material's own templates, reachable as "material/partials/nav.html" beside ours.
MATERIAL_PREFIX = "material"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def reach_material_templates(env: Environment) -> Environment:
    """Let templates include Material's partial that one of ours replaces
    (overrides/partials/hub-frame.html renders Material's nav.html and tabs.html once per
    folder). Why: Material documents overriding a partial, not calling the original from
    the override; MkDocs documents `on_env`, not what its loader is. On upgrade: the
    partials still live in the package's `templates/` folder, and `env.loader` is still
    one loader that can be wrapped."""
    env.loader = ChoiceLoader([env.loader, PrefixLoader({MATERIAL_PREFIX: FileSystemLoader(str(MATERIAL_TEMPLATES))})])
    return env
