"""Every problem `make check` reports, found without building: the content and its
references (hub.editors.content), what the sanitiser would remove (hub.editors.html_audit), and the links,
images and anchors the strict build would refuse (hub.editors.links_check). One function, so that
the check, the preview's error page and the pull-request report list the same problems."""

from __future__ import annotations

from ..errors import ContentError, ContentErrors
from ..site.render import Renderer
from ..source.catalog import Catalog
from ..source.settings import HubSettings
from .content import load_content
from .html_audit import audit_pages
from .links_check import check_links


def all_problems(
    settings: HubSettings, *, extensions: list[object], configs: dict[str, dict[str, object]], nav: object = None,
) -> tuple[list[ContentError], Catalog | None]:
    """The problems, sorted, and the catalog (None when the content has problems of its own)."""
    problems = audit_pages(settings, extensions=extensions, configs=configs)
    try:
        ui, catalog = load_content(settings)
    except ContentErrors as found:
        problems += found.errors
        ui = catalog = None
    # With the content valid, generated pages and listings are known exactly.
    renderer = Renderer(settings, catalog, ui) if ui is not None and catalog is not None else None
    problems += check_links(settings, extensions=extensions, configs=configs, catalog=catalog, renderer=renderer,
                            nav=nav)
    return sorted(set(problems)), catalog
