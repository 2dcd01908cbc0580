"""accord's built-in readers; importing this package registers them.

| name | extensions | sniffed from content |
| --- | --- | --- |
| ``text`` | ``.txt`` (and the fallback for any other text file) | - |
| ``html`` | ``.html``, ``.htm``, ``.xhtml`` | ``<!doctype html``, ``<html`` |
| ``json`` | ``.json`` | ``{"`` or ``[{`` at the start |
| ``jsonl`` | ``.jsonl``, ``.ndjson`` | - |
| ``feed`` | ``.xml``, ``.rss``, ``.atom`` | ``<rss``, ``<feed``, ``<rdf:RDF`` |
"""

from accord.ingest.readers import feed, html, jsonl, text

__all__ = ["feed", "html", "jsonl", "text"]
