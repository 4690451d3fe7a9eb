"""`python -m hub …` (with hooks/ on PYTHONPATH): the editors' commands, see hub.editors.cli."""

from .editors.cli import main

raise SystemExit(main())
