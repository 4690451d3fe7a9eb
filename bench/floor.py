"""The floor of any MkDocs build: Python-Markdown converting every published page once,
with the site's Markdown extensions, in one process. Usage: floor.py <folder made by
variants.prepare_floor>. Prints the number of pages and of HTML characters made."""

from __future__ import annotations

import sys
from pathlib import Path

import markdown
import yaml


def _extensions(items: list) -> tuple[list[str], dict]:
    names: list[str] = []
    configs: dict = {}
    for item in items:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                configs[name] = options or {}
        else:
            names.append(item)
    return names, configs


def main() -> None:
    folder = Path(sys.argv[1])
    settings = yaml.safe_load((folder / "markdown.yml").read_text(encoding="utf-8"))
    names, configs = _extensions(settings["markdown_extensions"])
    converter = markdown.Markdown(extensions=names, extension_configs=configs)
    pages = chars = 0
    for line in (folder / "pages.txt").read_text(encoding="utf-8").splitlines():
        text = Path(line).read_text(encoding="utf-8")
        if text.startswith("---\n"):
            end = text.find("\n---\n", 4)
            text = text[end + 5 :] if end != -1 else text
        chars += len(converter.reset().convert(text))
        pages += 1
    print(f"{pages} pages, {chars} characters of HTML")


if __name__ == "__main__":
    main()
