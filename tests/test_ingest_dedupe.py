"""Verbatim repeats: a repeated sentence is analysed once; a repeated article is kept once."""

from __future__ import annotations

from pathlib import Path

from accord.ingest import read_paths, read_text
from accord.ingest.sentences import repeated_sentences, split_sentences
from accord.model import content_hash

REPEAT = "The harbour council, she said, would meet again before the winter storms."
TEXT = (
    "Council to meet again\n"
    f"Mayor Ilsa Marrow called the vote “historic”. {REPEAT}\n"
    f"{REPEAT}\n"
    "Short line. Short line.\n"
    "Residents welcomed the decision."
)


def test_ingest_repeated_sentence_goes_to_skip_ranges() -> None:
    article = read_text(TEXT)
    assert article.text == TEXT  # kept in the text: offsets stay true
    [(start, end)] = article.skip_ranges
    assert article.text[start:end] == REPEAT
    assert start == TEXT.rindex(REPEAT)  # the later copy is skipped, the first analysed
    assert article.provenance.duplicate_sentences == [REPEAT]


def test_ingest_short_repeats_are_not_skipped() -> None:
    ranges, _ = repeated_sentences("Short line. Short line. Short line.")
    assert ranges == []


def test_ingest_repeats_ignore_whitespace_differences() -> None:
    text = f"{REPEAT}\n{REPEAT.replace(' ', '  ', 2)}"
    ranges, repeated = repeated_sentences(text)
    assert len(ranges) == 1 and repeated == [REPEAT]


def test_ingest_sentence_splitter_keeps_abbreviations_and_initials() -> None:
    text = "Gen. Oona Bray met U.S. envoys in Kalm. Talks ended late.\nNext line here."
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == [
        "Gen. Oona Bray met U.S. envoys in Kalm.",
        "Talks ended late.",
        "Next line here.",
    ]


def test_ingest_fragment_after_time_abbreviation_is_not_a_repeat() -> None:
    text = (
        "A crowd gathered after the ferry sank around 5 p.m. Monday in the old harbour of Kalm.\n"
        "Police say the captain was rescued around 5 p.m. Monday in the old harbour of Kalm."
    )
    assert read_text(text).skip_ranges == []


def test_ingest_same_text_in_two_files_is_one_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT.replace("\n", "\r\n") + "\n\n", encoding="utf-8")
    result = read_paths([str(tmp_path)])
    [article] = result.articles
    assert article.path == str(tmp_path / "a.txt")
    assert result.duplicates == [(str(tmp_path / "b.txt"), article.id)]
    assert result.skipped == []


def test_ingest_copy_differing_only_in_boilerplate_is_deduplicated(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT + "\nSource: Harbor Wire", encoding="utf-8")
    result = read_paths([str(tmp_path)])
    assert len(result.articles) == 1 and len(result.duplicates) == 1


def test_ingest_article_id_is_content_hash_of_cleaned_text() -> None:
    article = read_text(TEXT + "\nSource: Harbor Wire")
    assert article.id == content_hash(TEXT)
