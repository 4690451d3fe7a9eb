"""Run a Python module's command line with the hub's timing log switched on.

    python bench/timed.py mkdocs build --strict

Only the logger `mkdocs.hooks.hub.timing` is set to DEBUG: MkDocs' own output stays as
it is, and the build does exactly what it does without this wrapper.
"""

from __future__ import annotations

import logging
import runpy
import sys

if __name__ == "__main__":
    logging.getLogger("mkdocs.hooks.hub.timing").setLevel(logging.DEBUG)
    module = sys.argv[1]
    sys.argv = [module, *sys.argv[2:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
