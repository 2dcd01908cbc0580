"""From a reader's :class:`Record` to an :class:`~accord.model.Article`: clean, title, id.

The order matters: boilerplate is cut from the body first, then the headline line is put in
front, then verbatim repeats are found in the final text, whose hash is the article id.
"""

from __future__ import annotations

import ftfy

from accord.errors import IngestError
from accord.ingest.boilerplate import clean
from accord.ingest.dateline import dateline_credit, split_stamps, stamp_date
from accord.ingest.metadata import guess_language, normalise_language, normalise_published
from accord.ingest.records import Defaults, Record
from accord.ingest.sentences import repeated_sentences
from accord.model import Article, Provenance, content_hash


def build_article(record: Record, path: str | None, defaults: Defaults | None = None) -> Article:
    """The cleaned article for ``record``; metadata it lacks comes from ``defaults``."""
    defaults = defaults or Defaults()
    warnings = list(record.warnings)
    raw = normalise_newlines(record.text)
    body = repair_text(raw)
    if body != raw:
        warnings.append("mis-decoded characters repaired (mojibake, by ftfy)")
    cleaned = clean(body)
    title = repair_text(record.title) if record.title else record.title
    text, title = with_headline(cleaned.text, title)
    if not text.strip():
        raise IngestError("empty text", path=path, line=record.line)
    ranges, repeated = repeated_sentences(text)
    language = normalise_language(record.language) or defaults.language
    published = _published(record.published, language, warnings)
    published_from = "metadata" if published else None
    if published is None:
        published = _dateline_published(text, language)
        published_from = "dateline" if published else None
    if published is None and defaults.published:
        published, published_from = defaults.published, "default"
    credit = dateline_credit(text)
    provenance = Provenance(
        source_format=record.source_format,
        attributed_to=cleaned.attributed_to or (text[credit[0] : credit[1]] if credit else None),
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


# Only the repairs of mis-decoded text: curly quotes, ligatures, full-width letters, HTML
# entities and line breaks are the source's own and are kept as written.
_REPAIR = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    fix_line_breaks=False,
)


def repair_text(text: str) -> str:
    """``text`` with mojibake undone: UTF-8 that was once decoded as Windows-1252 or Latin-1,
    even twice ("FranÃƒÂ§ois" → "François"), as scraped and re-saved news often is. ftfy
    detects it by the character sequences no real text has, so clean text is left as it is
    (but for Unicode NFC normalisation)."""
    return ftfy.fix_text(text, _REPAIR)


def normalise_newlines(text: str) -> str:
    """Unix newlines, no byte-order mark, no leading or trailing blank space."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").strip()


def with_headline(body: str, title: str | None) -> tuple[str, str | None]:
    """The analysed text and its headline.

    A given title goes in front as its own line unless the body already starts with it, as
    written or told apart only by case, spacing, closing punctuation or a line break ("Obama
    Seeks More Refugees" over a body that opens "Obama Seeks More Refugees." is not put in
    twice: a second headline would be read twice, its names and claims counted twice); without
    one, the first non-empty line of the body that is not a date/time stamp
    (:mod:`accord.ingest.dateline`) is the headline, else the first line.
    """
    title = " ".join(title.split()) if title else None
    first_line = body.split("\n", 1)[0].strip()
    if title and not headline_end(body, title):
        return f"{title}\n{body}" if body else title, title
    return body, (title or split_stamps(body)[1] or first_line or None)


_HEADLINE_END = ".:;,!?…'\"’”» \t"  # what may close a headline line


def headline_end(text: str, title: str | None) -> int:
    """Where the headline that opens ``text`` ends: its first line, or its first two lines,
    when they restate ``title`` as written or told apart only by case, spacing and closing
    punctuation ("Obama Seeks More Refugees." for "Obama Seeks More Refugees"); else 0. The
    analysis reads the headline apart from the body by it."""
    if not title:
        return 0
    lines = text.split("\n", 2)
    want = _headline_key(title)
    if _headline_key(lines[0]) == want:
        return len(lines[0])
    if len(lines) > 1 and _headline_key(f"{lines[0]} {lines[1]}") == want:
        return len(lines[0]) + 1 + len(lines[1])
    return 0


def _headline_key(line: str) -> str:
    return " ".join(line.split()).rstrip(_HEADLINE_END).casefold()


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
