"""Serve a built site for Lighthouse the way GitHub Pages does: at its sub-path, with text
files gzip-compressed when the browser accepts it (Python's http.server sends them raw,
which would make every page look several times heavier on a slow phone than it is).
The server is the tests' (tests/siteserver.py) with compression on.

    python scripts/lighthouse_server.py SITE_DIR PORT [PREFIX]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from siteserver import SiteServer


def main() -> None:
    root, port = Path(sys.argv[1]).resolve(), int(sys.argv[2])
    prefix = sys.argv[3] if len(sys.argv) > 3 else "/"
    SiteServer(root, prefix, port=port, compress=True).serve_forever()


if __name__ == "__main__":
    main()
