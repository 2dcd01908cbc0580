"""Rule-based PLOVER coding on hand-made sentences (fictional events): type, negation, mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from accord.events.rules import code_sentence

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow


def _hit(nlp: Language, text: str):  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name != "accord_events":
            doc = proc(doc)
    return code_sentence(doc[:])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway and Chile agreed on Monday to exchange 40 detained fishermen.", "AGREE"),
        ("Chile rejected a Norwegian request to inspect the fishing fleet.", "REJECT"),
        ("The Chilean navy shelled rebel positions near the port overnight.", "FIGHT"),
        ("Gunmen kidnapped two aid workers near the border.", "ASSAULT"),
        ("Chilean troops killed three smugglers near the border.", "FIGHT"),
        ("The rebel leader vowed to attack the capital.", "THREATEN"),
        ("Norway demanded the withdrawal of Chilean trawlers from its waters.", "DEMAND"),
        ("Norway threatened to expel Chilean diplomats over the dispute.", "THREATEN"),
        ("Thousands of fishermen demonstrated outside parliament in Oslo.", "PROTEST"),
        ("Police arrested twelve activists at the harbour on Friday.", "COERCE"),
        ("The Chilean foreign minister visited Oslo on Thursday.", "CONSULT"),
        ("Norway condemned the seizure of the trawler.", "DISAPPROVE"),
        ("The government lifted the curfew in the northern province.", "CONCEDE"),
    ],
)
def test_events_rules_type(nlp: Language, text: str, expected: str) -> None:
    hit = _hit(nlp, text)
    assert hit is not None
    assert hit.type == expected


def test_events_rules_failed_agreement_is_negated_agree(nlp: Language) -> None:
    hit = _hit(nlp, "Norway and Chile failed to agree on a ceasefire.")
    assert hit is not None
    assert (hit.type, hit.negated) == ("AGREE", True)


def test_events_rules_did_not_sign_is_negated(nlp: Language) -> None:
    hit = _hit(nlp, "Chile did not sign the fisheries agreement.")
    assert hit is not None
    assert hit.negated


def test_events_rules_conditional_sanction_is_threat(nlp: Language) -> None:
    hit = _hit(nlp, "The minister said Norway would impose sanctions on Chile if the talks failed.")
    assert hit is not None
    assert hit.type == "THREATEN"
    assert hit.conditional and hit.intended
    assert hit.mode == "relations"


def test_events_rules_intended_cooperation_is_agree_with_mode(nlp: Language) -> None:
    hit = _hit(nlp, "The Chilean foreign minister will visit Oslo next month.")
    assert hit is not None
    assert (hit.type, hit.mode) == ("AGREE", "consult")


def test_events_rules_refusal_is_reject_not_negation(nlp: Language) -> None:
    hit = _hit(nlp, "Chile refused to release the detained fishermen.")
    assert hit is not None
    assert (hit.type, hit.negated) == ("REJECT", False)


def test_events_rules_no_trigger_no_hit(nlp: Language) -> None:
    assert _hit(nlp, "The weather in Oslo was mild on Tuesday.") is None
