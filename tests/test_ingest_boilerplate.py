"""Boilerplate removal: trailing source lines and author bios are cut and kept in provenance."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.ingest import read_paths, read_text
from accord.ingest.boilerplate import bio_signal, clean

STORY = (
    "Ferry service resumes in Ostrel\n"
    "The ferry between Ostrel and Kalm sailed again on Saturday after a week of storms.\n"
    "Harbour master Tove Lindqvar said all crossings would run on schedule."
)
BIO = (
    "Having spent more than ten years in journalism, I bring a calm voice to regional news. "
    "I am a freelance writer and editor who loves telling local stories."
)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Source: Harbor Wire", "Harbor Wire"),
        ("Source :Harbor Wire", "Harbor Wire"),
        ("Source - Harbor Wire", "Harbor Wire"),
        ("source – Kalm Radio.", "Kalm Radio"),
        ("Sources: Harbor Wire, Kalm Radio", "Harbor Wire, Kalm Radio"),
    ],
)
def test_ingest_trailing_source_line_becomes_attribution(line: str, name: str) -> None:
    article = read_text(f"{STORY}\n{line}\n")
    assert article.text == STORY
    assert article.provenance.attributed_to == name
    assert article.provenance.removed == [line.strip()]


def test_ingest_source_line_inside_article_is_kept() -> None:
    text = "Ferry resumes\nSource: Harbor Wire\nThe ferry sailed to Kalm on Saturday."
    article = read_text(text)
    assert article.text == text
    assert article.provenance.attributed_to is None


@pytest.mark.parametrize(
    ("dateline", "credit"),
    [
        ("OSTREL, Kalm Islands, May 3 (Harbor Wire) — ", "Harbor Wire"),
        ("OSTREL (HW) - ", "HW"),
        ("ST. KALM, Oct. 4 (Agence Ostrel-Presse) -- ", "Agence Ostrel-Presse"),
    ],
)
def test_ingest_dateline_credit_becomes_attribution(dateline: str, credit: str) -> None:
    """A wire story's dateline credits its agency: kept as provenance, the text unchanged."""
    text = f"Ferry service resumes\n{dateline}The ferry to Kalm sailed again on Saturday."
    article = read_text(text)
    assert article.text == text
    assert article.provenance.attributed_to == credit
    # a closing source line names the source first
    assert read_text(f"{text}\nSource: Kalm Radio").provenance.attributed_to == "Kalm Radio"


@pytest.mark.parametrize(
    "text",
    [
        "Ferry resumes\nThe ferry (a new one) - and its crew - sailed on Saturday.",
        "NATO (North Atlantic Treaty Organisation) - the alliance met on Friday.",
        "Ferry resumes\nThe crew sailed.\nOSTREL (HW) — a dateline deep in the text.\n" * 2,
    ],
)
def test_ingest_brackets_that_are_no_dateline_credit(text: str) -> None:
    assert read_text(text).provenance.attributed_to is None


def test_ingest_sentence_starting_with_source_is_kept() -> None:
    text = STORY + "\nSources said the ferry company would add a second boat next summer."
    assert read_text(text).text == text


def test_ingest_trailing_bio_is_cut_and_kept() -> None:
    article = read_text(f"{STORY}\n{BIO}")
    assert article.text == STORY
    assert article.provenance.removed == [BIO]


def test_ingest_bio_after_source_line_both_removed() -> None:
    article = read_text(f"{STORY}\nSource: Harbor Wire\n{BIO}")
    assert article.text == STORY
    assert article.provenance.attributed_to == "Harbor Wire"
    assert article.provenance.removed == [BIO, "Source: Harbor Wire"]


def test_ingest_bio_glued_to_first_sentence_is_split_off() -> None:
    glued = BIO + STORY  # "...local stories.Ferry service resumes..."
    article = read_text(glued)
    assert article.text == STORY
    assert article.title == "Ferry service resumes in Ostrel"
    assert article.provenance.removed == [BIO]


def test_ingest_bio_right_after_headline_is_cut() -> None:
    headline, body = STORY.split("\n", 1)
    article = read_text(f"{headline}\n{BIO}\n{body}")
    assert article.text == STORY


def test_ingest_first_person_quote_is_not_a_bio() -> None:
    quote = "“I have been a journalist for twenty years and never saw such a storm,” said Ana Pell."
    text = f"{STORY}\n{quote}"
    assert read_text(text).text == text


def test_ingest_first_person_without_career_words_is_kept() -> None:
    text = f"{STORY}\nI walked to the pier and watched the boat leave."
    assert read_text(text).text == text


def test_ingest_text_that_is_only_a_bio_is_not_emptied() -> None:
    cleaned = clean(BIO)
    assert cleaned.text == BIO
    assert cleaned.removed == []


def test_ingest_third_person_journalist_sentence_is_kept() -> None:
    text = f"{STORY}\nThe journalist, a freelance writer, had years of experience in the newsroom."
    assert read_text(text).text == text


def test_ingest_bio_signal() -> None:
    assert bio_signal("I am a freelance journalist.").is_bio
    assert not bio_signal("I walked to the pier.").is_bio
    assert not bio_signal("“I am a freelance journalist,” she said.").is_bio
    assert bio_signal("Currently working as a freelance writer and editor.").is_bio
    assert not bio_signal("Editor’s note: the treaty ended World War I in the region.").first_person


def test_ingest_bio_with_impersonal_sentence_is_cut_whole() -> None:
    bio = "I have covered coastal towns for ten years. Currently a freelance writer and editor."
    article = read_text(f"{STORY}\n{bio}")
    assert article.text == STORY
    assert article.provenance.removed == [bio]


def test_ingest_bio_glued_to_last_sentence_is_split_off() -> None:
    article = read_text(STORY + BIO)  # "...on schedule.Having spent ..."
    assert article.text == STORY
    assert article.provenance.removed == [BIO]


def test_ingest_boilerplate_from_file_keeps_offsets_true(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"{STORY}\nSource: Harbor Wire\n{BIO}\n", encoding="utf-8")
    [article] = read_paths([str(path)]).articles
    assert article.text == STORY
    start = article.text.index("Tove Lindqvar")
    assert article.text[start : start + len("Tove Lindqvar")] == "Tove Lindqvar"


def test_ingest_third_person_bio_at_the_end_is_cut_with_the_source_line() -> None:
    bio = "Maria Kell is Harbor Wire's correspondent in Ostrel. She has covered the islands since 2019."
    article = read_text(f"{STORY}\nSource: Harbor Wire\n{bio}\n")
    assert article.text == STORY
    assert article.provenance.attributed_to == "Harbor Wire"
    assert article.provenance.removed == [bio, "Source: Harbor Wire"]


@pytest.mark.parametrize(
    "tail",
    [
        "Pell is a former reporter who now runs the ferry company.",  # one cue: news about her
        "Lindqvar is committed to the timetable. He has years of experience at sea.",  # no job
        "Kell, a correspondent for Harbor Wire, said the crossing was calm.",  # no "Kell is"
        "The reporter is a freelance writer. She has covered the islands since 2019.",
    ],
)
def test_ingest_third_person_sentences_that_are_news_are_kept(tail: str) -> None:
    text = f"{STORY}\n{tail}"
    assert read_text(text).text == text


@pytest.mark.parametrize(
    "credits",
    [
        ["(Reporting by Ilse Varga; additional reporting by Tomas Berg; Editing by Anna Holm.)"],
        ["--additional reporting from Anna Holm."],
        ["Compiled by Anna Holm and Tomas Berg, Kalm"],
        ["Ilse Varga and Tomas Berg contributed reporting."],
        ["Harbor Wire writer Anna Holm in Kalm contributed to this report."],
        ["Ilse Varga reported from Ostrel, and Tomas Berg and Anna Holm from Kalm."],
        ["Anna Holm contributed reporting from Kalm.", "Reporting by Ilse Varga"],
    ],
)
def test_ingest_closing_staff_credits_are_cut_and_kept(credits: list[str]) -> None:
    # the journalists who wrote or reported a story are no actors of it
    article = read_text(STORY + "\n" + "\n".join(credits) + "\n")
    assert article.text == STORY
    assert article.provenance.removed == credits[::-1]
    assert article.provenance.attributed_to is None


@pytest.mark.parametrize(
    "last",
    [
        "Local media reported from the scene.",
        "Tove Lindqvar reported from the harbour that all was calm.",
        "Reporting from the harbour was banned by the coast guard.",
        "Reporting by Kalm Radio was criticised by the council.",
        "Editing by hand is slow, the harbour master said.",
        "Donors contributed to the repairs.",
        "The council said it had contributed research funding to the study.",
        '"Anna Holm contributed reporting," the editor joked.',
    ],
)
def test_ingest_closing_sentences_about_reporting_that_are_news_are_kept(last: str) -> None:
    text = f"{STORY}\n{last}"
    article = read_text(text + "\n")
    assert article.text == text
    assert article.provenance.removed == []
