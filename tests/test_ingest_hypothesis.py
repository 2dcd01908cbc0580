"""Property tests for the ingest parsers: round trips, no lost text, stable ids and offsets."""

from __future__ import annotations

import itertools
import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from accord.ingest import read_paths, read_text
from accord.ingest.boilerplate import clean
from accord.ingest.sentences import repeated_sentences, split_sentences
from accord.model import content_hash

# Third-person news vocabulary: no first-person words, so no generated sentence is a bio.
VOCABULARY = (
    "the ferry council harbour mayor sailed approved bridge storm Kalm Ostrel Veldra on Monday "
    "after before said would meet again residents union workers port town new plan vote"
)
WORDS = st.sampled_from(VOCABULARY.split())
SENTENCE = st.lists(WORDS, min_size=3, max_size=14).map(lambda w: " ".join(w).capitalize() + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)
BODY = st.lists(PARAGRAPH, min_size=1, max_size=6).map("\n".join)
BIOS = st.sampled_from(
    [
        "I am a freelance journalist covering coastal towns for a decade.",
        "With years of experience in the newsroom, I bring a steady voice to local news.",
        "My passion is reporting, and my career as an editor spans many outlets.",
    ]
)
FIELD_TEXT = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=40)
RECORDS = st.lists(
    st.fixed_dictionaries(
        {"title": FIELD_TEXT, "text": BODY},
        optional={"outlet": FIELD_TEXT, "desk": FIELD_TEXT},
    ),
    min_size=1,
    max_size=5,
)


@given(RECORDS)
@settings(max_examples=30, deadline=None)
def test_ingest_jsonl_round_trip(records: list[dict[str, object]]) -> None:
    records = [dict(r, id=number) for number, r in enumerate(records)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
        result = read_paths([str(path)])
    assert result.skipped == []
    assert len(result.articles) + len(result.duplicates) == len(records)
    for article in result.articles:
        record = next(r for r in records if str(r["id"]) == article.source_id)
        assert str(record["text"]).strip() in article.text
        assert article.provenance.extra == ({"desk": record["desk"]} if "desk" in record else {})


@given(BODY, st.lists(BIOS, max_size=2), st.lists(BIOS, max_size=2), st.booleans())
@settings(max_examples=60, deadline=None)
def test_ingest_boilerplate_never_loses_article_text(
    body: str, head: list[str], tail: list[str], source: bool
) -> None:
    text = " ".join(head) + ("\n" if head else "") + body + ("\n" + " ".join(tail) if tail else "")
    if source:
        text += "\nSource: Kalm Radio"
    cleaned = clean(text)
    assert cleaned.text == body.strip()
    expected = [" ".join(part) for part in (head, tail) if part]
    assert sorted(cleaned.removed) == sorted(
        [*expected, *(["Source: Kalm Radio"] if source else [])]
    )
    assert cleaned.attributed_to == ("Kalm Radio" if source else None)


@given(BODY)
@settings(max_examples=40, deadline=None)
def test_ingest_ids_stable_and_offsets_true(body: str) -> None:
    first, second = read_text(body), read_text(body.replace("\n", "\r\n") + "\n")
    assert first.id == second.id == content_hash(first.text)
    for start, end in first.skip_ranges:
        assert first.text[start:end].strip() == first.text[start:end]
        assert first.text[start:end] in first.text[:start]


@given(BODY)
@settings(max_examples=40, deadline=None)
def test_ingest_sentence_spans_cover_all_words(body: str) -> None:
    spans = list(split_sentences(body, glued=True))
    assert all(s < e for s, e in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert " ".join(body[s:e] for s, e in spans).split() == body.split()
    ranges, repeated = repeated_sentences(body)
    assert len(ranges) >= len(repeated)
