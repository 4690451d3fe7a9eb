"""feeds/subscriptions.opml: every feed of one language in one file (OPML 2.0), so that a
reader app subscribes to all of them at once.

Each feed is listed once, in its Atom form: listing both formats would give every item
twice. The site's feeds and the partner cities' feeds are two folders (outlines holding
outlines), as reader apps show them. Built with ElementTree, which escapes every value;
its date is the newest item's (the caller passes it), never the wall clock.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from email.utils import format_datetime

from ..site.subscriptions import Feed
from ..source.settings import HubSettings

OPML_FORMAT = "atom"


def opml_bytes(
    settings: HubSettings, *, lang: str, title: str, groups: list[tuple[str, list[Feed]]], modified: datetime
) -> bytes:
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateModified").text = format_datetime(modified)
    ET.SubElement(head, "docs").text = "http://opml.org/spec2.opml"
    body = ET.SubElement(root, "body")
    for group_title, feeds in groups:
        if not feeds:
            continue
        folder = ET.SubElement(body, "outline", text=group_title, title=group_title)
        for feed in feeds:
            ET.SubElement(
                folder,
                "outline",
                type="rss",  # OPML's word for any feed, Atom included
                version="ATOM1",
                text=feed.title,
                title=feed.title,
                description=feed.description,
                language=lang,
                xmlUrl=settings.url(lang, feed.path(OPML_FORMAT)),
                htmlUrl=settings.url(lang, feed.page_path),
            )
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
