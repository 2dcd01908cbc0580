"""Highlighting article text from offsets: every character kept, every piece escaped."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from accord.web.highlight import Mark, highlight, in_context

TAG = re.compile(r"<[^>]*>")


def _plain(markup: str) -> str:
    """Drop the tags highlight writes and undo escaping: what a browser would show as text."""
    return html.unescape(TAG.sub("", markup))


@st.composite
def text_and_marks(draw: st.DrawFn) -> tuple[str, list[Mark]]:
    text = draw(st.text(alphabet="ab <>&\"'\n", max_size=40))
    bounds = st.integers(min_value=0, max_value=len(text))
    marks = []
    for _ in range(draw(st.integers(0, 5))):
        start, end = sorted((draw(bounds), draw(bounds)))
        href = draw(st.sampled_from([None, "/entities/E1", '/x?"<>']))
        marks.append(
            Mark(
                start,
                end,
                draw(st.sampled_from(["mention", "quote"])),
                href=href,
                title=draw(st.sampled_from([None, "<b>", "P"])),
            )
        )
    return text, marks


@given(text_and_marks())
def test_highlight_keeps_the_text_and_escapes_it(case: tuple[str, list[Mark]]) -> None:
    text, marks = case
    out = str(highlight(text, marks))
    assert _plain(out) == text
    without_tags = TAG.sub("", out)
    assert "<" not in without_tags and ">" not in without_tags


def test_highlight_nests_overlapping_marks() -> None:
    text = "Ana said: go now"
    out = str(highlight(text, [Mark(0, 3, "mention", href="/entities/E1"), Mark(0, 16, "quote")]))
    assert out == (
        '<a class="mention" href="/entities/E1" title=""><span class="quote">Ana</span></a>'
        '<span class="quote"> said: go now</span>'
    )


def test_highlight_narrowest_link_wins_inside_a_link() -> None:
    out = str(
        highlight(
            "New Lissar", [Mark(0, 10, "org", href="/e/big"), Mark(4, 10, "gpe", href="/e/small")]
        )
    )
    assert out.count("<a ") == 2
    assert 'class="gpe org" href="/e/small"' in out


def test_highlight_ignores_empty_and_out_of_range_marks() -> None:
    assert (
        str(highlight("a<b", [Mark(1, 1, "x"), Mark(2, 99, "y")]))
        == 'a&lt;<span class="y">b</span>'
    )


def test_in_context_marks_the_span_inside_its_window() -> None:
    text = "First. Then <Ana> spoke. Last."
    out = str(in_context(text, 12, 17, (7, 24)))
    assert out == "Then <mark>&lt;Ana&gt;</mark> spoke."
