"""Pictures in the text of a page, as editors write them in Markdown:

    ![Delegates before a red banner](../../../assets/images/conference-2025.jpg "The conference opens")

The file is one of the photos under docs/assets/images/ (the lead images' folder), named
relative to the page (what GitHub's and editors' previews show) or from the docs root
(`/assets/images/conference-2025.jpg`). The build publishes it through the lead images'
pipeline (hub.source.image_variants): a <picture> of its variants with their widths, width and
height, lazy loading, and, when the picture stands alone in its paragraph, a <figure>
whose caption is the title (and the credit a lead image of the same file gives).
The original is never published (hub.safety.images.drop_originals).

The rules are checked in one place (`problem`), by `hub check` (hub.editors.links_check, with the
line) and by the build, which refuses the page with the same words:

- the alt text (between the brackets) is required: it is read aloud in place of the picture;
- the file exists under docs/assets/images/ and passes the pipeline's own checks (JPEG,
  PNG or WebP, no SVG, size limits: hub.safety.images.check_original);
- a picture elsewhere, beside the page, is refused: docs/ publishes no other picture
  (hub.safety.publishable); one from another site is refused by the sanitiser (hub.safety.sanitize:
  the site sends readers' browsers to no other host);
- a picture written in raw HTML (`<img>`, `<picture>`, `<source>`) is refused
  (`raw_html_pictures`): the pipeline publishes Markdown pictures only, so its file would be
  missing on the site. Only the editor's own text is looked at, converted alone: the hub's
  templates write <picture> elements into the pages they make or complete.
"""

from __future__ import annotations

import logging
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor

from ..errors import ContentError, display_path
from ..safety.images import SITE_PREFIX, SUFFIXES, cache_dir, check_original, images_dir, original_path
from ..safety.sanitize import Removal, removal_lines
from .image_variants import ImageSet

log = logging.getLogger("mkdocs.hooks.hub")

FIELD = "image"
_HELP = "CONTRIBUTING.md, \"Pictures in the text\""
# Where Markdown names a file: `](path` of an inline image or link, `]: path` of a reference.
# Only used to find which photos a page may show, so that their variants are made with
# the lead images' before the pages are built; the Markdown conversion decides the rest.
_NAMED = re.compile(r"\]\(\s*<?([^)\s>]+)|^[ ]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
# A picture written in raw HTML. Looked for in what Python-Markdown kept as raw HTML (its
# "stash"), so that the same tag shown as code (escaped there) is not one.
RAW_PICTURE = re.compile(r"<(img|picture|source)\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\s(src|srcset|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


def folder_from(page: str) -> str:
    """docs/assets/images/ as a page at `page` (under docs/: zh/news/2025/x.md) names it."""
    return posixpath.relpath(SITE_PREFIX.rstrip("/"), posixpath.dirname(page) or ".") + "/"


def target_of(url: str, page: str) -> str | None:
    """The path under docs/ that `url` names from the page at `page` (under docs/); a path
    from the docs root (/assets/…) names the same from every page. None for another
    site's address or an address without a path."""
    parts = urlsplit(url.strip())
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        return posixpath.normpath(path.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def image_src(url: str, page: str) -> str | None:
    """The photo under docs/assets/images/ that `url` names (its path in that folder, as a
    lead image's `src:`), or None."""
    target = target_of(url, page)
    if target is None or not target.startswith(SITE_PREFIX):
        return None
    return target[len(SITE_PREFIX):]


def named_photos(page: str, body: str, first_line: int) -> Iterator[tuple[str, int]]:
    """(src, line) of every photo under docs/assets/images/ that the Markdown of the page
    at `page` may show."""
    for match in _NAMED.finditer(body):
        url = match.group(1) or match.group(2)
        src = image_src(url, page)
        if src is not None and src.lower().endswith(tuple(SUFFIXES)):
            yield src, first_line + body.count("\n", 0, match.start())


def problem(
    url: str, alt: str, *, page: str, root: Path, known: Mapping[str, ImageSet] | None = None,
    asset_folders: tuple[str, ...] = (),
) -> tuple[str, str] | None:
    """(what was found, what is expected) when the Markdown picture `![alt](url)` of the
    page at `page` (under docs/) cannot be published; None when it can. `known`: the image
    sets the build made (a file among them passed the pipeline's checks). A picture from
    another site is the sanitiser's to refuse (hub.safety.sanitize, hub.editors.html_audit)."""
    folder = folder_from(page)
    target = target_of(url, page)
    if target is None:
        if urlsplit(url.strip()).path:
            return None  # another site's
        return (f"a picture without a file ('{_short(url)}')",
                f"write the path of a photo in docs/assets/images/: ![what it shows]({folder}name.jpg)")
    src = image_src(url, page)
    if src is None:
        if in_asset_folder(target, asset_folders):
            return None  # a maintainers' asset, published as it is (hub.safety.publishable)
        name = posixpath.basename(target)
        hint = _suggest(root, name, folder)
        return (f"a picture at docs/{target}, outside docs/assets/images/",
                f"{hint}photos go in docs/assets/images/, where the build makes the sizes readers get: put the file "
                f"there and write ![what it shows]({folder}{name}) ({_HELP})")
    if known is None or src not in known:
        path = original_path(root, src)
        if not path.is_file() and not path.is_symlink():
            return (f"the picture '{_short(url)}', but docs/assets/images/{src} does not exist",
                    f"{_suggest(root, posixpath.basename(src), folder)}put the photo in docs/assets/images/ "
                    f"or correct its path ({folder}name.jpg from this page, or /assets/images/name.jpg)")
        found = check_original(path, cache_dir(root))
        if found is not None:
            return found
    if not alt.strip():
        return ("a picture without alt text (nothing between ![ and ])",
                "say in one sentence what it shows, in the page's language: "
                f"![Delegates before a red banner]({_short(url)}); it is read aloud in its place ({_HELP})")
    return None


def raw_html_pictures(md: markdown.Markdown, *, page: str, asset_folders: tuple[str, ...] = ()) -> list[Removal]:
    """The pictures written in raw HTML in the text `md` last converted (the page at `page`
    under docs/), as problems to report at their line (hub.safety.sanitize.removal_lines finds
    them). Left to others: a <picture> itself (its <source> and <img> are reported), a
    maintainers' asset (published as it is, hub.safety.publishable) and another site's picture
    (the sanitiser refuses it)."""
    found = []
    for block in md.htmlStash.rawHtmlBlocks:
        for match in RAW_PICTURE.finditer(str(block)):
            tag, written = match.group(1).lower(), match.group(0)
            attributes = {m.group(1).lower(): next(v for v in m.group(2, 3, 4) if v is not None)
                          for m in _ATTRIBUTE.finditer(written)}
            addresses = [part.split()[0] for part in attributes.get("srcset", "").split(",") if part.strip()]
            addresses += [attributes["src"]] if attributes.get("src", "").strip() else []
            if tag == "picture" or (addresses and all(_published_as_is(url, page, asset_folders) for url in addresses)):
                continue
            found.append(Removal(*_raw_picture_problem(written, attributes, page),
                                 needles=(re.compile(re.escape(written)), re.compile(rf"<{tag}\b", re.IGNORECASE))))
    return found


def _published_as_is(url: str, page: str, asset_folders: tuple[str, ...]) -> bool:
    target = target_of(url, page)
    return target is None or in_asset_folder(target, asset_folders)  # None: another site's, the sanitiser's


def in_asset_folder(target: str, asset_folders: tuple[str, ...]) -> bool:
    """Whether `target` (under docs/) is in a folder maintainers declare for their own assets."""
    return any(target.startswith(declared.strip("/") + "/") for declared in asset_folders)


def _raw_picture_problem(written: str, attributes: dict[str, str], page: str) -> tuple[str, str]:
    src = attributes.get("src", "").strip()
    example = f"![{attributes.get('alt', '').strip() or 'what it shows'}]({src or folder_from(page) + 'name.jpg'})"
    return (f"a picture written in HTML ({_short(written)}), which the site does not publish: readers get a "
            "broken picture",
            f"write it as a Markdown picture: ![alt](path \"caption\"), here {example}; the build makes from it the "
            f"sizes readers get ({_HELP})")


def report_raw_html_pictures(md: markdown.Markdown, text: str, *, path: Path, root: Path,
                             asset_folders: tuple[str, ...] = ()) -> list[ContentError]:
    """`raw_html_pictures` of the file at `path`, whose text is `text`, at their lines."""
    try:
        page = path.relative_to(root / "docs").as_posix()
    except ValueError:
        return []  # not a page under docs/ (MkDocs reads pages from there only)
    pictures = raw_html_pictures(md, page=page, asset_folders=asset_folders)
    where = display_path(path, root)
    errors = {ContentError(where, line, FIELD, picture.found, picture.expected): None
              for picture, line in zip(pictures, removal_lines(text, pictures), strict=True)}
    return list(errors)


def _suggest(root: Path, name: str, folder: str) -> str:
    """'did you mean …? ' for a file of that name (or close to it) in docs/assets/images/."""
    top = images_dir(root)
    if not top.is_dir():
        return ""
    names = {path.relative_to(top).as_posix(): path.name for path in top.rglob("*") if path.is_file()}
    exact = [rel for rel, base in names.items() if base == name]
    close = exact or get_close_matches(name, list(names), n=1, cutoff=0.75)
    return f"did you mean {folder}{close[0]}? " if close else ""


def _short(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


# -- the build ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageSource:
    """The page whose Markdown is being converted."""

    page: str  # its file under docs/: zh/news/2025/x.md (a fallback copy: its source's)
    path: Path  # the file itself, read for the line of a problem
    lang: str  # the language of its text

    @classmethod
    def of(cls, docs_dir: Path, path: Path, lang: str) -> PageSource | None:
        try:
            return cls(path.relative_to(docs_dir.resolve()).as_posix(), path, lang)
        except ValueError:
            return None  # not under docs/ (MkDocs reads pages from there only)


@dataclass(eq=False)
class InlinePictures(markdown.Extension):
    """Registered once among the site's Markdown extensions (MkDocs gives every page a new
    converter); told which page comes next by `next_page`, since a Markdown extension
    does not know the file it converts."""

    render: Callable[..., str]  # (ImageSet, *, alt, caption, lang, alone) -> HTML
    sets: Mapping[str, ImageSet]
    root: Path
    asset_folders: tuple[str, ...] = ()
    current: PageSource | None = None
    # The site's other Markdown extensions and their settings: an editor's text is converted
    # with them alone, without the HTML the hub adds to the page, to find raw HTML pictures.
    extensions: list[object] = field(default_factory=list)
    configs: dict[str, dict[str, object]] = field(default_factory=dict)
    _alone: markdown.Markdown | None = None

    def __post_init__(self) -> None:
        super().__init__()

    def raw_html_pictures(self, text: str, path: Path) -> list[ContentError]:
        """The pictures that `text`, an editor's page (the file at `path`), writes in raw HTML."""
        if not RAW_PICTURE.search(text):
            return []  # nearly every page: no second conversion
        if self._alone is None:
            self._alone = markdown.Markdown(extensions=self.extensions, extension_configs=self.configs)
        self._alone.reset().convert(text)
        return report_raw_html_pictures(self._alone, _read(path), path=path, root=self.root,
                                        asset_folders=self.asset_folders)

    def next_page(self, source: PageSource | None) -> None:
        self.current = source

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # Markdown's API
        # After the inline patterns (20) made the <img> elements and attr_list (8) read
        # their attributes; before MkDocs' relative-path processor (0), which would report
        # the original as missing (it is never published).
        md.treeprocessors.register(_Figures(md, self), "hub_inline_pictures", 4)


class _Figures(Treeprocessor):
    def __init__(self, md: markdown.Markdown, pictures: InlinePictures) -> None:
        super().__init__(md)
        self.pictures = pictures

    def run(self, root: ET.Element) -> None:
        source, self.pictures.current = self.pictures.current, None  # one page only
        if source is None:
            return  # not a page of the site (a test's own conversion)
        parents = {child: parent for parent in root.iter() for child in parent}
        seen: dict[str, int] = {}
        for image in list(root.iter("img")):
            url = image.get("src") or ""
            nth = seen[url] = seen.get(url, -1) + 1
            src = image_src(url, source.page)
            if src is None:
                continue  # another site's or a misplaced picture: the sanitiser and MkDocs refuse it
            found = problem(url, image.get("alt", ""), page=source.page, root=self.pictures.root,
                            known=self.pictures.sets, asset_folders=self.pictures.asset_folders)
            image_set = self.pictures.sets.get(src)
            if found is not None or image_set is None:
                if found is not None:
                    line = _line_of(_read(source.path), url, nth)
                    log.warning(ContentError(f"docs/{source.page}", line, FIELD, *found).format())
                continue
            self._replace(image, parents[image], image_set, source.lang)

    def _replace(self, image: ET.Element, parent: ET.Element, image_set: ImageSet, lang: str) -> None:
        alone = (parent.tag == "p" and len(parent) == 1 and not (parent.text or "").strip()
                 and not (image.tail or "").strip())
        html = self.pictures.render(image_set, alt=image.get("alt", ""), caption=image.get("title") or None,
                                    lang=lang, alone=alone)
        placeholder = self.md.htmlStash.store(html)
        # The picture becomes raw HTML: a paragraph holding only it becomes the <figure>
        # (Markdown's raw-HTML step unwraps block-level HTML), else it stays in the sentence.
        index = list(parent).index(image)
        tail = image.tail or ""
        if index == 0:
            parent.text = (parent.text or "") + placeholder + tail
        else:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + placeholder + tail
        parent.remove(image)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _line_of(text: str, url: str, nth: int) -> int:
    """The line of the n-th mention of `url` in the file (Markdown keeps their order), found
    as `hub check` finds it."""
    from ..editors.links_check import mention_lines  # it checks pictures with this module's rules

    lines = mention_lines(text.split("\n"), url)
    return lines[min(nth, len(lines) - 1)] + 1 if lines else 0
