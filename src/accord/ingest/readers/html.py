"""HTML pages: main text and metadata through trafilatura (scripts, styles, menus dropped)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import trafilatura

from accord.errors import IngestError
from accord.ingest.records import Record, Source
from accord.ingest.registry import register_reader

_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html\b)",
    re.IGNORECASE | re.DOTALL,
)
_LANG = re.compile(
    r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.IGNORECASE
)


def looks_like_html(head: str) -> bool:
    """Whether an input starts like an HTML document."""
    return _HTML_START.match(head) is not None


@register_reader("html", extensions=[".html", ".htm", ".xhtml"], sniff=looks_like_html)
def read_html(source: Source) -> Iterator[Record | IngestError]:
    """One record: the page's main text, title, date, URL, site name (outlet) and language."""
    # Bytes, not the UTF-8 text: trafilatura honours the page's declared charset.
    doc = trafilatura.bare_extraction(source.data, with_metadata=True, include_comments=False)
    meta: dict[str, Any] = doc if isinstance(doc, dict) else doc.as_dict() if doc else {}
    text = meta.get("text") or ""
    if not text.strip():
        raise IngestError("no main text found in the HTML page", path=source.path)
    yield Record(
        text=text,
        title=meta.get("title"),
        url=meta.get("url"),
        outlet=meta.get("sitename"),
        published=meta.get("date"),
        language=meta.get("language") or _page_language(source.text),
        source_format="html",
        extra={k: meta[k] for k in ("author", "description", "hostname") if meta.get(k)},
    )


def _page_language(page: str) -> str | None:
    """The ``lang`` attribute of the ``<html>`` tag (trafilatura only reports a detected one)."""
    match = _LANG.search(page[:5000])
    return match.group(1) if match else None
