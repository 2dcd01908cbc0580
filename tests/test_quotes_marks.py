"""Quotation marks to quote spans (accord.quotes.marks), without spaCy."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.quotes.marks import find_quote_spans


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We are ready,” Ada Moll said.", ["We are ready,"]),
        ('Ada Moll said, "We are ready."', ["We are ready."]),
        ("It was “clearly wrong” and “late”.", ["clearly wrong", "late"]),
        ("The ‘reforms’ stalled.", ["reforms"]),
        ("He said ''that is final'' twice.", ["that is final"]),
        ("«We are ready», said Ada Moll.", ["We are ready"]),
        ("„We are ready“, said Ada Moll.", ["We are ready"]),
        ("He said ”we are ready” today.", ["we are ready"]),
        ("They don’t know the leaders’ plans.", []),
        ("Rita’s team isn’t there.", []),
        ("“A sentence. Another one,” she said.", ["A sentence. Another one,"]),
    ],
)
def test_marks_pair_quotes(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_marks_nested_single_quote_stays_inside_outer_quote() -> None:
    text = "“They called it ‘a farce’ at once,” Ada Moll said."
    assert quoted(text) == ["They called it ‘a farce’ at once,"]


def test_marks_unclosed_quote_ends_at_paragraph() -> None:
    text = "Ada Moll said: “We will not move an inch\nThe meeting ended."
    spans = find_quote_spans(text)
    assert [text[q.start : q.end] for q in spans] == ["We will not move an inch"]
    assert spans[0].closed is False


def test_marks_second_opening_mark_closes_forgotten_quote() -> None:
    text = "“We wait, she said. “Then we go.”"
    assert quoted(text) == ["We wait, she said.", "Then we go."]


@given(st.text(alphabet="ab .,\n“”‘’\"'", max_size=60))
def test_marks_spans_are_ordered_trimmed_and_inside_text(text: str) -> None:
    spans = find_quote_spans(text)
    for q in spans:
        assert 0 <= q.open_at < q.start < q.end <= q.close_at <= len(text)
        assert text[q.start : q.end] == text[q.start : q.end].strip()
    assert all(a.outer_end <= b.open_at for a, b in pairwise(spans))
