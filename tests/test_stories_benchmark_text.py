"""The ECB+ reader of ``benchmarks/stories.py`` gives the outlet's text back, not its tokens."""

from __future__ import annotations

import pytest

from benchmark_modules import load_benchmark


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        ("A 5 . 9 - magnitude quake", "A 5.9-magnitude quake"),
        ("killed 20 , 000 and 1 , 300 , 000", "killed 20,000 and 1,300,000"),
        ("at 1 : 30 on 11 / 28 / 05 .", "at 1:30 on 11/28/05."),
        ("fell 2 , 000ft at 11 : 12AM", "fell 2,000ft at 11:12AM"),
        ("the U . S . Geological Survey", "the U.S. Geological Survey"),
        ("at 5 p . m . local time", "at 5 p.m. local time"),
        ("won 7 - 0 with an AK - 47", "won 7-0 with an AK-47"),
        ("an out - of - cycle zero - day patch", "an out-of-cycle zero-day patch"),
        ("it ’ s late", "it’s late"),
        # what the ecbplus tokeniser did not split stays as it was
        ("on May 2 , 2013 , scores 12 , 34", "on May 2, 2013, scores 12, 34"),
        ("George W . Bush", "George W. Bush"),
        ("17 September 2013 - Reuters", "17 September 2013 - Reuters"),
    ],
)
def test_detokenize_rejoins_what_the_tokeniser_split(tokens: str, text: str) -> None:
    bench = load_benchmark("stories")
    assert bench._detokenize(tokens.split()) == text
