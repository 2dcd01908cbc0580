"""The entity helpers of ``accord.analyze.spans`` give what spaCy's slower ``Span.ents`` does."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accord.analyze.spans import entity_at, ents_before, ents_in

pytestmark = pytest.mark.slow

TEXT = (
    "Defence Minister Ivo Marek met envoys from Norland in Lunvar on Monday.\n"
    "He said the talks with the European Union would go on. Anna Berg agreed."
)


def test_ents_in_matches_span_ents(nlp: Language) -> None:
    doc = nlp(TEXT)
    for sent in doc.sents:
        assert ents_in(sent) == list(sent.ents)
    # an entity cut by the stretch's edge is not in it, as with Span.ents
    marek = next(e for e in doc.ents if e.text == "Ivo Marek")
    cut = doc[marek.start + 1 : len(doc)]
    assert ents_in(cut) == list(cut.ents)
    assert all(e.label_ for e in ents_in(doc[:]))


def test_ents_before_and_entity_at(nlp: Language) -> None:
    doc = nlp(TEXT)
    anna = next(e for e in doc.ents if e.text == "Anna Berg")
    before = ents_before(doc, anna.start, 2000)
    assert before == [e for e in doc.ents if e.end <= anna.start]
    assert ents_before(doc, anna.start, 10) == []
    found = entity_at(doc, anna.start_char, anna.end_char)
    assert found == anna and found is not None and found.label_ == anna.label_
    assert entity_at(doc, anna.start_char, anna.start_char + 4) is None  # not a whole entity
    assert entity_at(doc, 0, 7) is None  # "Defence": no entity
