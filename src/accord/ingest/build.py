"""From a reader's :class:`Record` to an :class:`~accord.model.Article`: clean, title, id.

The order matters: boilerplate is cut from the body first, then the headline line is put in
front, then verbatim repeats are found in the final text, whose hash is the article id.
"""

from __future__ import annotations

from accord.errors import IngestError
from accord.ingest.boilerplate import clean
from accord.ingest.dateline import split_stamps, stamp_date
from accord.ingest.metadata import guess_language, normalise_language, normalise_published
from accord.ingest.records import Defaults, Record
from accord.ingest.sentences import repeated_sentences
from accord.model import Article, Provenance, content_hash


def build_article(record: Record, path: str | None, defaults: Defaults | None = None) -> Article:
    """The cleaned article for ``record``; metadata it lacks comes from ``defaults``."""
    defaults = defaults or Defaults()
    cleaned = clean(normalise_newlines(record.text))
    text, title = with_headline(cleaned.text, record.title)
    if not text.strip():
        raise IngestError("empty text", path=path, line=record.line)
    ranges, repeated = repeated_sentences(text)
    warnings = list(record.warnings)
    language = normalise_language(record.language) or defaults.language
    published = _published(record.published, language, warnings)
    published_from = "metadata" if published else None
    if published is None:
        published = _dateline_published(text, language)
        published_from = "dateline" if published else None
    if published is None and defaults.published:
        published, published_from = defaults.published, "default"
    provenance = Provenance(
        source_format=record.source_format,
        attributed_to=cleaned.attributed_to,
        removed=cleaned.removed,
        duplicate_sentences=repeated,
        warnings=warnings,
        extra=dict(record.extra),
        published_from=published_from,
    )
    return Article(
        id=content_hash(text),
        text=text,
        title=title,
        outlet=_clean_str(record.outlet) or defaults.outlet,
        url=_clean_str(record.url),
        published=published,
        language=language or guess_language(text),
        source_id=_clean_str(record.source_id),
        path=path,
        provenance=provenance,
        skip_ranges=ranges,
    )


def normalise_newlines(text: str) -> str:
    """Unix newlines, no byte-order mark, no leading or trailing blank space."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").strip()


def with_headline(body: str, title: str | None) -> tuple[str, str | None]:
    """The analysed text and its headline.

    A given title goes in front as its own line unless the body already starts with it; without
    one, the first non-empty line of the body that is not a date/time stamp
    (:mod:`accord.ingest.dateline`) is the headline, else the first line.
    """
    title = " ".join(title.split()) if title else None
    first_line = body.split("\n", 1)[0].strip()
    if title and " ".join(first_line.split()) != title:
        return f"{title}\n{body}" if body else title, title
    return body, (title or split_stamps(body)[1] or first_line or None)


def _dateline_published(text: str, language: str | None) -> str | None:
    """The day the text's opening stamp lines give, if any (the first that names a full date)."""
    for line in split_stamps(text)[0]:
        day = stamp_date(line, language)
        if day:
            return day
    return None


def _published(value: str | None, language: str | None, warnings: list[str]) -> str | None:
    if not value or not value.strip():
        return None
    parsed = normalise_published(value, language)
    if parsed is None:
        warnings.append(f"unparsed publication date {value!r} ignored")
    return parsed


def _clean_str(value: str | None) -> str | None:
    """Whitespace-collapsed value, ``None`` when empty."""
    collapsed = " ".join(value.split()) if value else ""
    return collapsed or None
