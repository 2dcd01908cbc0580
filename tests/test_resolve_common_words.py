"""Capitalised common words taken for names (accord.resolve.common_words), on hand-made
articles with made-up names."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from accord.model import Analysis, Article, Mention, Quote, mention_id
from accord.pipeline import process
from accord.resolve import resolve
from accord.resolve.common_words import common_words, drop_common_words, positional


def _analysis(text: str, tags: dict[str, str], title: str | None = None) -> Analysis:
    """An article whose every whole-word occurrence of a tagged name is a mention of that label."""
    article = Article.from_text(text, title=title)
    mentions = [
        Mention(
            mention_id(article.id, m.start(), m.end()),
            article.id,
            m.start(),
            m.end(),
            m.group(),
            label,
            0,
        )
        for name, label in tags.items()
        for m in re.finditer(rf"\b{re.escape(name)}\b", text)
    ]
    mentions.sort(key=lambda m: m.start)
    return Analysis(article=article, mentions=mentions)


RESULTS = "Mira Vell won 54%. Turnout was 61%, the commission said."
LOWER = "The commission put turnout at 61%, up from 55%."


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("Turnout was high.", 0, True),
        ("It ended. Turnout was high.", 10, True),
        ('He said: "Turnout was high."', 10, True),
        ("Results\nTurnout was high.", 8, True),
        ("Officials said Turnout was high.", 15, False),
        ("Officials, Turnout said, agreed.", 11, False),
    ],
)
def test_common_words_positional(text: str, start: int, expected: bool) -> None:
    assert positional(text, start, headline_end=0) is expected


def test_common_words_headline_words_are_positional() -> None:
    text = "Riot Breaks Out in Velm\nPolice said a riot broke out."
    assert positional(text, 0, headline_end=len("Riot Breaks Out in Velm"))
    assert not positional(text, 0 + text.index("Police") + 7, headline_end=23)


def test_common_words_sentence_initial_word_written_lower_case_elsewhere_is_dropped() -> None:
    first = _analysis(RESULTS, {"Mira Vell": "PERSON", "Turnout": "PERSON"})
    second = _analysis(LOWER, {})
    entities = resolve([first, second])
    assert [e.name for e in entities] == ["Mira Vell"]
    assert [m.text for m in first.mentions] == ["Mira Vell"]


def test_common_words_headline_word_is_dropped() -> None:
    headline = "Riot breaks out in Velm after vigil"
    text = f"{headline}\nPolice in Velm said the riot began at nine."
    analysis = _analysis(text, {"Riot": "PERSON", "Velm": "GPE"}, title=headline)
    assert common_words([analysis]) == {"Riot"}


@pytest.mark.parametrize(
    ("other", "tags", "why"),
    [
        ("Officials said Turnout, a pollster, was wrong.", {"Turnout": "PERSON"}, "mid-sentence"),
        ("Anna Turnout, a pollster, was wrong.", {"Anna Turnout": "PERSON"}, "in a longer name"),
        ('"It was close," Turnout said.', {"Turnout": "PERSON"}, "mid-sentence after a quote"),
    ],
)
def test_common_words_names_are_kept(other: str, tags: dict[str, str], why: str) -> None:
    first = _analysis(RESULTS, {"Turnout": "PERSON"})
    analyses = [first, _analysis(other, tags), _analysis(LOWER, {})]
    assert common_words(analyses) == set(), why
    drop_common_words(analyses)
    assert [m.text for m in first.mentions] == ["Turnout"], why


def test_common_words_a_sound_alike_of_a_name_in_the_article_is_kept() -> None:
    """A misspelt surname beside the full name ("Grey" for "Gray") stays; a name of another
    article that sounds alike says nothing ("Riot" is no form of "Rite Aid")."""
    text = "Anna Turnaut won. Turnout was 61%, she said."
    alone = _analysis(text, {"Anna Turnaut": "PERSON", "Turnout": "PERSON"})
    assert common_words([alone, _analysis(LOWER, {})]) == set()
    first = _analysis(RESULTS, {"Turnout": "PERSON"})
    other = _analysis("Anna Turnaut won.", {"Anna Turnaut": "PERSON"})
    assert common_words([first, other, _analysis(LOWER, {})]) == {"Turnout"}


def test_common_words_need_the_word_in_lower_case() -> None:
    first = _analysis(RESULTS, {"Turnout": "PERSON"})
    assert common_words([first, _analysis("The commission said it was close.", {})]) == set()


def test_common_words_titled_mention_is_a_name() -> None:
    first = _analysis("Turnout said the count was fair.", {"Turnout": "PERSON"})
    first.mentions[0].titles.append("Commissioner")
    assert common_words([first, _analysis(LOWER, {})]) == set()


def test_common_words_mention_a_quote_points_at_is_kept() -> None:
    text = 'Turnout was 61%. Turnout said: "It was fair."'
    analysis = _analysis(text, {"Turnout": "PERSON"})
    speaker = analysis.mentions[1]
    start = text.index("It")
    analysis.quotes.append(
        Quote(
            "q1", analysis.article.id, start, start + 12, "It was fair.", speaker_mention=speaker.id
        )
    )
    drop_common_words([analysis, _analysis(LOWER, {})])
    assert [m.id for m in analysis.mentions] == [speaker.id]


def test_common_words_known_place_is_kept() -> None:
    first = _analysis("China sent a delegation.", {"China": "GPE"})
    second = _analysis("The set of fine china was sold.", {})
    assert common_words([first, second]) == set()


def test_common_words_gold_mentions_are_kept_without_prune() -> None:
    first = _analysis(RESULTS, {"Turnout": "PERSON"})
    resolve([first, _analysis(LOWER, {})], prune=False)
    assert [m.text for m in first.mentions] == ["Turnout"]


def test_common_words_end_to_end(nlp: Language) -> None:
    """The small English model tags the sentence-initial "Turnout" PERSON; the set drops it."""
    texts = [
        "Vell wins runoff\nMira Vell won 54% of the vote. Turnout was 61%, the commission said.",
        "Vell sworn in\nThe commission put turnout at 61%. Mira Vell was sworn in on Monday.",
    ]
    result = process([Article.from_text(t, title=t.split("\n")[0]) for t in texts], nlp=nlp)
    names = {e.name for e in result.entities}
    assert "Mira Vell" in names
    assert "Turnout" not in names
    assert all(m.text != "Turnout" for a in result.analyses for m in a.mentions)
