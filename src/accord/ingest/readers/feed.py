"""RSS and Atom feeds through feedparser: one article per entry that has content.

XML that declares entities is refused before feedparser sees it (defusedxml): entity expansion
("billion laughs", quadratic blow-up) and external entities are classic hostile-XML attacks.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import ParseError

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as safe_fromstring
from lxml import html as lxml_html
from lxml.html.defs import block_tags

from accord.errors import IngestError
from accord.ingest.records import Record, Source
from accord.ingest.registry import register_reader

_FEED_START = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_BLOCKS = frozenset({*block_tags, "br", "li", "tr", "section", "article", "header", "footer"})


def looks_like_feed(head: str) -> bool:
    """Whether an input contains an RSS, Atom or RDF root element near its start."""
    return _FEED_START.search(head) is not None


def refuse_unsafe_xml(data: bytes, path: str) -> None:
    """Raise ``IngestError`` for XML that declares entities or references external ones."""
    try:
        safe_fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise IngestError(
            f"refused hostile XML ({type(exc).__name__}): entity declarations "
            "are not accepted in feeds",
            path=path,
        ) from exc
    except ParseError:
        # Malformed XML is left to feedparser's lenient parser, unless it declares entities.
        if _ENTITY_DECL.search(data):
            raise IngestError(
                "refused hostile XML: entity declarations are not accepted in feeds", path=path
            ) from None


@register_reader("feed", extensions=[".xml", ".rss", ".atom"], sniff=looks_like_feed)
def read_feed(source: Source) -> Iterator[Record | IngestError]:
    """One record per entry with content (or a summary); HTML in entries is reduced to text."""
    refuse_unsafe_xml(source.data, source.path)
    # A stream, never a string: feedparser would treat a string as a URL or file name to open.
    parsed = feedparser.parse(
        io.BytesIO(source.data), sanitize_html=True, resolve_relative_uris=False
    )
    if not parsed.entries:
        reason = f": {parsed.bozo_exception}" if parsed.get("bozo") else ""
        raise IngestError(f"not an RSS or Atom feed with entries{reason}", path=source.path)
    feed: Any = parsed.feed
    for number, entry in enumerate(parsed.entries, start=1):
        text = html_to_text(_entry_html(entry))
        if not text.strip():
            yield IngestError(f"feed entry {number} has no content", path=source.path)
            continue
        yield Record(
            text=text,
            title=entry.get("title"),
            url=entry.get("link"),
            outlet=feed.get("title"),
            published=entry.get("published") or entry.get("updated"),
            language=entry.get("language") or feed.get("language"),
            source_id=entry.get("id"),
            source_format="feed",
        )


def _entry_html(entry: Any) -> str:
    """The entry's full content when present, else its summary (both may hold HTML)."""
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if c.get("value")]
    return "\n".join(values) if values else str(entry.get("summary") or "")


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment, one line per block; scripts and styles dropped.

    Written here because feed entries are fragments: trafilatura's extractors expect a whole page
    and return nothing for a paragraph or two.
    """
    if not fragment.strip():
        return ""
    if "<" not in fragment:
        return fragment.strip()
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
