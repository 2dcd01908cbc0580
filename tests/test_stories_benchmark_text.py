"""The story benchmark's own code: the ECB+ reader (``benchmarks/ecbplus_text.py``) gives the
outlet's text back, not its tokens, and says where each token lies in it; the per-topic and
two-fold scores of ``benchmarks/stories.py`` add up."""

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
        # punctuation, endings and quotes written as printed
        ("Bush 's aides said , `` No . ''", 'Bush\'s aides said, "No."'),
        ("the ( U . S . ) $ 5 fee", "the (U.S.) $5 fee"),
        ("it was n't there", "it wasn't there"),
    ],
)
def test_detokenize_gives_the_text_as_printed(tokens: str, text: str) -> None:
    reader = load_benchmark("ecbplus_text")
    assert reader.detokenize(tokens.split()) == text


@pytest.mark.parametrize(
    "tokens",
    [
        "A 5 . 9 - magnitude quake hit the U . S . , `` officials '' said ( 20 , 000 ) .",
        "Dr . Regina M . Benjamin , the nation 's Surgeon General , spoke at 1 : 30 p . m .",
        "`` '' ( ) $ , ''",
    ],
)
def test_pieces_say_where_each_token_lies(tokens: str) -> None:
    """Each token's surface starts right after its separator, so a gold mention's offsets
    (``benchmarks/ecbplus_entities.py``) point at what the text prints."""
    reader = load_benchmark("ecbplus_text")
    words = tokens.split()
    pieces = reader.pieces(words)
    text = "".join(sep + surface for sep, surface in pieces)
    pos = 0
    for word, (sep, surface) in zip(words, pieces, strict=True):
        pos += len(sep)
        assert text[pos : pos + len(surface)] == surface
        assert surface == word or {word, surface} <= {"``", "''", '"'}
        pos += len(surface)
    assert pos == len(text)


def test_topic_b3_scores_each_topic_on_its_own_articles() -> None:
    bench = load_benchmark("stories")
    gold = ["5ecb", "5ecb", "5ecbplus", "5ecbplus", "12ecb", "12ecbplus"]
    pred = ["a", "a", "a", "a", "b", "c"]  # topic 5's two events in one story, 12's apart
    scores = bench.topic_b3(pred, gold)
    assert scores[12] == pytest.approx(1.0)
    # one story of two events of two articles each: precision 0.5, recall 1
    assert scores[5] == pytest.approx(2 * 0.5 / 1.5)


def test_two_fold_line_weights_the_held_out_sets_by_articles() -> None:
    bench = load_benchmark("stories")
    key = f"{bench.DEFAULT_VARIANT}/shuffled"
    report = {
        "heldout_18_35": {"articles": 300, key: {"b3": (1.0, 1.0, 0.9)}},
        "heldout_1_17": {"articles": 100, key: {"b3": (1.0, 1.0, 0.5)}},
        "all_1_35": {"articles": 400, key: {"b3": (0.0, 0.0, 0.0)}},
    }
    line = bench.two_fold_line(report)
    assert "400 articles" in line
    assert line.endswith("B3 F1=0.8000")
