"""`python -m hub …` (with hooks/ on PYTHONPATH): the editors' commands, see hub.cli."""

from .cli import main

raise SystemExit(main())
