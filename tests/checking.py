"""`make check` run in the test's own process, with the environment a subprocess of
sitebuild.run would have: the same exit code and output, and the functions it calls are
seen by mutation testing (scripts/mutants.py), which cannot look into another process."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path
from unittest import mock

from hub.editors import cli
from sitebuild import Result, hub_env


def check(project: Path, *args: str) -> Result:
    """`python -m hub check` in `project`, in this process."""
    out, err = io.StringIO(), io.StringIO()
    env = hub_env()
    cli._config.cache_clear()  # mkdocs.yml is read once per command; each test has its own
    with mock.patch.dict(os.environ, env, clear=True), contextlib.chdir(project), contextlib.redirect_stderr(err):
        code = cli.main(["check", *args], out=out)
    return Result(code, out.getvalue(), err.getvalue())
