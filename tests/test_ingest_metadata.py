"""Command-line metadata fills gaps; dates become ISO 8601; language is given or guessed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.ingest import read_paths, read_text
from accord.ingest.metadata import guess_language, normalise_language, normalise_published


@pytest.mark.parametrize(
    ("given", "iso"),
    [
        ("2025-05-16", "2025-05-16"),
        ("2025-05-16T10:00:00Z", "2025-05-16T10:00:00+00:00"),
        ("16 May 2025", "2025-05-16"),
        ("May 16, 2025", "2025-05-16"),
        ("Fri, 16 May 2025 10:00:00 +0000", "2025-05-16T10:00:00+00:00"),
        ("no date here", None),
        ("", None),
    ],
)
def test_ingest_published_normalised_to_iso(given: str, iso: str | None) -> None:
    assert normalise_published(given) == iso


def test_ingest_published_in_the_record_language() -> None:
    assert normalise_published("16 mai 2025", "fr") == "2025-05-16"


def test_ingest_cli_metadata_fills_only_missing_fields(tmp_path: Path) -> None:
    given = {"text": "The ferry sailed to Kalm.", "outlet": "Kalm Radio", "published": "2024-01-02"}
    bare = {"text": "The bridge opened in Veldra."}
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(given) + "\n" + json.dumps(bare), encoding="utf-8")
    first, second = read_paths(
        [str(path)], outlet="Harbor Wire", published="3 February 2024", language="EN_gb"
    ).articles
    assert (first.outlet, first.published, first.language) == ("Kalm Radio", "2024-01-02", "en-gb")
    assert (second.outlet, second.published, second.language) == (
        "Harbor Wire",
        "2024-02-03",
        "en-gb",
    )


def test_ingest_unparseable_record_date_warns() -> None:
    article = read_text("The ferry sailed to Kalm.", published="sometime soon-ish")
    assert article.published is None
    assert article.provenance.warnings == ["unparsed publication date 'sometime soon-ish' ignored"]


def test_ingest_language_guess() -> None:
    assert guess_language("The ferry sailed to Kalm on Monday and it was on time.") == "en"
    assert guess_language("Die Fähre fuhr am Montag nach Kalm und war pünktlich.") is None
    assert guess_language("Kalm") is None


def test_ingest_language_tag_normalised() -> None:
    assert normalise_language(" pt_BR ") == "pt-br"
    assert normalise_language("  ") is None
