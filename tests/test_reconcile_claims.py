"""Claim units: clause splitting, polarity scope, headlines and repeats."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from accord.model import Analysis, Article, Sentence
from accord.reconcile.claims import Claim, extract_claims

if TYPE_CHECKING:
    from spacy.language import Language


def claims_of(nlp: Language, text: str, skip: list[tuple[int, int]] | None = None) -> list[str]:
    return [c.text for c in _claims(nlp, text, skip)]


def _claims(nlp: Language, text: str, skip: list[tuple[int, int]] | None = None) -> list[Claim]:
    article = Article.from_text(text, title=text.split("\n", 1)[0], skip_ranges=skip or [])
    sentences, pos = [], 0
    for line in text.split("\n"):
        sentences.append(Sentence(pos, pos + len(line)))
        pos += len(line) + 1
    return extract_claims(Analysis(article=article, sentences=sentences), nlp)


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("The envoys failed to agree on a truce.", True),
        ("There was no progress on a truce.", True),
        ("The minister said that nothing would change before the vote.", True),
        ("The judge sentenced him after the jury failed to agree on a verdict.", False),
        ("She opened a bakery in the port, saying it was not easy.", False),
        ("He was sentenced to life without parole by the court.", False),
        ("The package stopped short of an oil embargo.", True),
        ("The two pilots were left out of the agreement.", True),
        ("The talks ended without agreeing on a date.", True),
        ("The minister ruled out new talks.", True),
        ("The army fell short of its target.", True),
    ],
)
def test_reconcile_polarity_is_scoped_to_the_main_claim(
    nlp: Language, sentence: str, negated: bool
) -> None:
    (claim,) = [c for c in _claims(nlp, "Talks end\n" + sentence) if not c.headline]
    assert claim.negated is negated


def test_reconcile_dated_event_clause_is_its_own_claim(nlp: Language) -> None:
    text = "Envoys meet again\nThe envoys met for the first time since May 2019, a month after the border closed."
    units = claims_of(nlp, text)
    assert "The envoys met for the first time since May 2019" in units
    assert "May 2019, a month after the border closed" in units


def test_reconcile_fronted_scene_with_a_number_is_split(nlp: Language) -> None:
    text = "Talks end\nAt a meeting that lasted three hours, the two envoys agreed to reopen the border."
    units = claims_of(nlp, text)
    assert "At a meeting that lasted three hours" in units
    assert "the two envoys agreed to reopen the border." in units


def test_reconcile_headline_is_a_claim_and_repeats_are_skipped(nlp: Language) -> None:
    line = "The envoys agreed to reopen the border crossing."
    text = f"Border to reopen after talks end\n{line}\n{line}"
    second = text.rindex(line)
    claims = _claims(nlp, text, skip=[(second, second + len(line))])
    assert [c.headline for c in claims] == [True, False]
    assert [c.text for c in claims] == ["Border to reopen after talks end", line]
