"""Fact status on hand-made article pairs: corroborated, single source, conflicting (number, date,
polarity), and copies that do not count as independent sources. Runs with MiniLM and with TF-IDF."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from accord.model import Analysis, Article, Fact, Sentence, Story
from accord.reconcile import reconcile

if TYPE_CHECKING:
    from spacy.language import Language

_SENTENCE = re.compile(r"[^\n.!?]+[.!?]?")


def analysis(text: str, outlet: str) -> Analysis:
    """An analysis with sentences only: reconciliation must work before entities resolve."""
    title = text.split("\n", 1)[0]
    article = Article.from_text(text, title=title, outlet=outlet)
    sentences = [
        Sentence(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()
    ]
    return Analysis(article=article, sentences=sentences)


def facts_of(nlp: Language, encoder: object, *texts: str) -> tuple[list[Fact], list[Analysis]]:
    analyses = [analysis(t, f"Outlet {n}") for n, t in enumerate(texts)]
    story = Story("s1", "test", [a.article.id for a in analyses])
    return reconcile(analyses, [story], [], nlp=nlp, encoder=encoder), analyses  # type: ignore[arg-type]


def fact_with(facts: list[Fact], words: str) -> Fact:
    matches = [f for f in facts if any(words in s.text for s in [*f.support, *f.conflicts])]
    assert matches, f"no fact with evidence containing {words!r}"
    return matches[0]


SWAP_A = (
    "Talks end with a prisoner swap\n"
    "Negotiators from Valdoria and Korvenia met in Port Amsel on Tuesday. "
    "The two sides agreed to exchange 1,000 prisoners of war each. "
    "The meeting lasted one hour and 40 minutes. "
    "Harbour master Elena Brask said the new lighthouse would open in the autumn."
)
SWAP_B = (
    "Prisoners to go home\n"
    "One thousand prisoners of war will be returned to each side, the negotiators said. "
    "The meeting in Port Amsel lasted less than two hours. "
    "A farmers' union in the north called for lower taxes on diesel fuel."
)


@pytest.fixture(params=["minilm", "tfidf"])
def encoder(request: pytest.FixtureRequest) -> object:
    if request.param == "tfidf":
        return None
    pytest.importorskip("sentence_transformers")
    from accord.embeddings import get_encoder

    model = get_encoder()
    if model is None:
        pytest.skip("MiniLM model not installed")
    return model


def test_reconcile_paraphrased_number_is_corroborated(nlp: Language, encoder: object) -> None:
    facts, analyses = facts_of(nlp, encoder, SWAP_A, SWAP_B)
    fact = fact_with(facts, "1,000 prisoners of war")
    assert fact.status == "corroborated"
    assert {s.article for s in fact.support} == {a.article.id for a in analyses}
    assert any("One thousand prisoners" in s.text for s in fact.support)
    for span in fact.support:  # evidence is an exact slice of its article
        text = next(a.article.text for a in analyses if a.article.id == span.article)
        assert text[span.start : span.end] == span.text


def test_reconcile_compatible_duration_is_corroborated(nlp: Language) -> None:
    pytest.importorskip("sentence_transformers")
    facts, _ = facts_of(nlp, True, SWAP_A, SWAP_B)
    fact = fact_with(facts, "one hour and 40 minutes")
    assert fact.status == "corroborated"
    assert any("less than two hours" in s.text for s in fact.support)


def test_reconcile_unshared_claims_are_single_source(nlp: Language, encoder: object) -> None:
    facts, _ = facts_of(nlp, encoder, SWAP_A, SWAP_B)
    assert fact_with(facts, "lighthouse").status == "single_source"
    assert fact_with(facts, "diesel fuel").status == "single_source"


def test_reconcile_different_numbers_conflict(nlp: Language, encoder: object) -> None:
    other = SWAP_B.replace("One thousand prisoners", "Five hundred prisoners")
    facts, _ = facts_of(nlp, encoder, SWAP_A, other)
    fact = fact_with(facts, "prisoners of war each")
    assert fact.status == "conflicting"
    assert fact.conflicts and "number: " in fact.conflicts[0].reason
    assert "500" in fact.conflicts[0].reason and "1,000" in fact.conflicts[0].reason


def test_reconcile_incompatible_duration_conflicts(nlp: Language) -> None:
    pytest.importorskip("sentence_transformers")
    other = SWAP_B.replace("less than two hours", "less than an hour")
    facts, _ = facts_of(nlp, True, SWAP_A, other)
    fact = fact_with(facts, "one hour and 40 minutes")
    assert fact.status == "conflicting"
    assert "number: <1 h vs 100 min" in fact.conflicts[0].reason  # its own value first


def test_reconcile_relative_date_conflict(nlp: Language) -> None:
    pytest.importorskip("sentence_transformers")
    first = (
        "Ceasefire talks resume\n"
        "Envoys met for the first time since March 2019, when Korvenia invaded Valdoria. "
        "A bakery in the capital reopened after the holiday."
    )
    second = (
        "Envoys meet again\n"
        "The envoys met for the first time since March 2019, a month after Korvenia invaded Valdoria. "
        "The weather service forecast heavy snow in the mountains."
    )
    facts, _ = facts_of(nlp, True, first, second)
    fact = fact_with(facts, "invaded Valdoria")
    assert fact.status == "conflicting"
    assert fact.conflicts[0].reason == "date: 2019-02 vs 2019-03"  # its own value first
    met = fact_with(facts, "met for the first time")
    assert met.status == "corroborated"  # the meeting itself is not in dispute


def test_reconcile_copies_are_one_source(nlp: Language, encoder: object) -> None:
    copy = SWAP_A.replace("Talks end with a prisoner swap", "Prisoner swap agreed")
    facts, _ = facts_of(nlp, encoder, SWAP_A, copy)
    fact = fact_with(facts, "lighthouse")
    assert len({s.article for s in fact.support}) == 2  # both articles carry it ...
    assert fact.status == "single_source"  # ... but the second copies the first


def test_reconcile_story_duplicates_are_respected(nlp: Language) -> None:
    a, b = analysis(SWAP_A, "A"), analysis(SWAP_B, "B")
    story = Story("s1", "t", [a.article.id, b.article.id], duplicates={b.article.id: a.article.id})
    facts = reconcile([a, b], [story], [], nlp=nlp, encoder=None)
    assert all(f.status != "corroborated" for f in facts)


def test_reconcile_facts_only_align_within_a_story(nlp: Language) -> None:
    a, b = analysis(SWAP_A, "A"), analysis(SWAP_B, "B")
    stories = [Story("s1", "t", [a.article.id]), Story("s2", "u", [b.article.id])]
    facts = reconcile([a, b], stories, [], nlp=nlp, encoder=None)
    assert {f.story for f in facts} == {"s1", "s2"}
    assert all(f.status == "single_source" for f in facts)


def test_reconcile_ids_are_stable(nlp: Language) -> None:
    first, _ = facts_of(nlp, None, SWAP_A, SWAP_B)
    again, _ = facts_of(nlp, None, SWAP_A, SWAP_B)
    assert [f.id for f in first] == [f.id for f in again]


def test_reconcile_empty_inputs(nlp: Language) -> None:
    assert reconcile([], [], []) == []
    empty = analysis("", "A")
    assert reconcile([empty], [Story("s1", "t", [empty.article.id])], [], nlp=nlp) == []


def test_reconcile_statement_reads_as_a_sentence() -> None:
    from accord.reconcile.facts import readable

    assert readable("but that he would  resign\nsoon.") == "He would resign soon."
