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


# One sentence per common PLOVER type.
BASIC_TYPES: list[tuple[str, str]] = [
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
]


# General CAMEO additions (giving in to demands, meetings, troop movements).
CAMEO_ADDITIONS: list[tuple[str, str]] = [
    ("The harbour authority bowed to the demands of the striking dockers.", "CONCEDE"),
    ("The ministry met the demands of the striking dockers.", "CONCEDE"),
    ("The Chilean minister met her Norwegian counterpart in Lima.", "CONSULT"),
    ("Chile moved troops to the northern border.", "MOBILIZE"),
]


# General coverage from the PLOVER types and CAMEO verb classes.
GENERAL_COVERAGE: list[tuple[str, str]] = [
    ("Thousands of dockers took to the streets of Valparaiso on Sunday.", "PROTEST"),
    ("The Chilean government ruled out talks with the rebels.", "REJECT"),
    ("Riot police fired tear gas at the crowd outside the port.", "COERCE"),
    ("Police apprehended a dozen fishermen near the harbour.", "COERCE"),
    ("Chile slapped sanctions on three Norwegian shipping firms.", "SANCTION"),
    ("The Norwegian air force carried out an air raid on the rebel camp.", "FIGHT"),
    ("Norway scrambled fighter jets after the incursion.", "MOBILIZE"),
    ("The Chilean army rushed troops to the northern border.", "MOBILIZE"),
    ("Police stepped up security around the parliament in Oslo.", "MOBILIZE"),
    ("The government rescinded the ban on fishing in the bay.", "CONCEDE"),
    ("The port authority complied with the union's demands.", "CONCEDE"),
    ("The rebels lifted the siege of the northern town.", "RETREAT"),
    ("The Norwegian minister quit his post over the scandal.", "RETREAT"),
    ("Gunmen gunned down a local mayor near the border.", "ASSAULT"),
    ("A car bomb killed four soldiers in the capital.", "ASSAULT"),
    ("The Norwegian prime minister sent condolences to the Chilean president.", "SUPPORT"),
    ("Chile and Peru sealed a deal on fishing rights.", "AGREE"),
    ("The Chilean minister lashed out at Norway over the fishing dispute.", "DISAPPROVE"),
    ("Hackers hacked into the computers of the Chilean navy.", "COERCE"),
    ("The government lifted the state of emergency in the northern province.", "CONCEDE"),
    ("The army declared a state of siege in the capital.", "COERCE"),
    ("The dockers ended their strike after talks with the port authority.", "CONCEDE"),
    ("Chile denied entry to three Norwegian activists.", "SANCTION"),
    ("Norway deployed peacekeeping troops to the border region.", "AID"),
    ("UN helicopters evacuated the wounded from the besieged town.", "AID"),
    ("Chilean artillery launched mortar fire against rebel camps near the border.", "FIGHT"),
    ("The army sent reinforcements to the northern border.", "MOBILIZE"),
    ("Chile placed its northern garrisons on high alert.", "MOBILIZE"),
    ("The Chilean president paid tribute to the Norwegian rescuers.", "SUPPORT"),
    ("The rebels laid down their arms on Sunday.", "RETREAT"),
    ("Norway banned imports of Chilean salmon.", "SANCTION"),
    ("Chile declared the Norwegian attache persona non grata.", "SANCTION"),
    ("The government blocked websites critical of the president.", "COERCE"),
    ("Troops quelled the riot in the capital.", "COERCE"),
]


# An order whose object is an event noun enacts it.
ORDERED_EVENT_NOUNS: list[tuple[str, str]] = [
    ("The Chilean president ordered the arrest of three Norwegian fishermen.", "COERCE"),
    ("The government ordered the withdrawal of troops from the border.", "RETREAT"),
    ("The court ordered Norway to release the trawler.", "DEMAND"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [*BASIC_TYPES, *CAMEO_ADDITIONS, *GENERAL_COVERAGE, *ORDERED_EVENT_NOUNS]
)
def test_events_rules_type(nlp: Language, text: str, expected: str) -> None:
    hit = _hit(nlp, text)
    assert hit is not None
    assert hit.type == expected


@pytest.mark.parametrize(
    "text",
    [
        "Support for the coalition declined 5 percent in March.",  # a fall, not a refusal
        "The minister has been in declining health for a year.",
        "The ministry released a statement late on Tuesday.",  # no one was set free
        "Police released the names of the two drivers.",
        "The campaign released an ad this week.",
        "The senator released his tax returns on Friday.",
        "A ministry report released last year found problems.",  # the object is the noun
        "The footage that the family released was short.",
        "The candidate did not supply a cost estimate for his plans.",  # no aid
        "The plan covers the coal-fired power plants of the north.",  # a modifier, no shooting
        "A bank teller suffered life threatening injuries.",  # the same without its hyphen
        "The studio set a release date for the sequel.",  # a noun that says what kind
        "Officers in riot gear stood along the block.",
        "The court put the consultation process on hold.",
        "Asked about the plan, Ivo Marek said it was sound.",  # a question is no demand
        "Ivo Marek said when asked whether he had seen the letter.",
        "Reporters asked what the minister meant.",
        "The minister said a fired-up crowd waited outside.",  # a hyphenated modifier's first word
        "Nearly 1,500 coal- and gas-fired plants emit carbon dioxide.",  # a joined modifier
        # a verb whose transitive sense is another: showing, impressing, encouraging
        "The envoy has demonstrated her skill as a negotiator.",
        "Officials want to demonstrate that the vote was fair.",
        "The coach helped rally the team after the break.",
        "The ruling struck a chord with voters.",
        "The new signings do not strike much fear into their rivals.",
        "The ministry said in a press release that the ferry would sail.",  # a statement
    ],
)
def test_events_rules_other_senses_are_no_event(nlp: Language, text: str) -> None:
    assert _hit(nlp, text) is None


def test_events_rules_headline_noun_phrase_keeps_its_trigger(nlp: Language) -> None:
    # the tagger reads a verbless headline as one noun phrase: "attack" is still the act
    hit = _hit(nlp, "Rioters in Norway attack police station, banks")
    assert hit is not None and hit.type == "ASSAULT"


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


def _sentence_hits(nlp: Language, text: str) -> list[tuple[str, bool]]:
    from accord.events.rules import secondary_hits

    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name != "accord_events":
            doc = proc(doc)
    primary = code_sentence(doc[:])
    assert primary is not None
    hits = [primary, *secondary_hits(doc[:], primary)]
    return [(h.type, h.negated) for h in hits]


@pytest.mark.parametrize(
    "text",
    [
        "The talks in Lima produced no deal on the fishing quotas.",
        "Negotiators from Norway and Chile ended their talks on Friday with no agreement.",
    ],
)
def test_events_rules_talks_without_deal_add_negated_agree(nlp: Language, text: str) -> None:
    assert ("AGREE", True) in _sentence_hits(nlp, text)


def test_events_rules_headline_future_release_is_intended(nlp: Language) -> None:
    hits = _sentence_hits(
        nlp, "Trawlers to be released as Norway-Chile talks end without quota deal"
    )
    assert hits[0] == ("AGREE", False)  # an announced release: intent to cooperate
    assert ("AGREE", True) in hits  # and the deal that was not reached


def test_events_rules_an_act_that_went_off_happened(nlp: Language) -> None:
    # "go" makes an intention only with its complement ("going to attack")
    hit = _hit(nlp, "The explosion went off in front of the ministry in Oslo.")
    assert hit is not None and hit.type == "ASSAULT"
    hit = _hit(nlp, "Norwegian rebels are going to attack the port.")
    assert hit is not None and hit.type == "THREATEN"


def test_events_rules_release_is_retreat_release(nlp: Language) -> None:
    hit = _hit(nlp, "Chile released twelve Norwegian fishermen on Tuesday.")
    assert hit is not None
    assert (hit.type, hit.mode) == ("RETREAT", "release")


def test_events_rules_naming_verb_is_no_call(nlp: Language) -> None:
    assert _hit(nlp, 'The Chilean minister called the outcome "a useful first step".') is None


def test_events_rules_time_phrase_is_no_required_object(nlp: Language) -> None:
    hit = _hit(nlp, "The Norwegian minister called her Chilean counterpart on Monday.")
    assert hit is not None
    assert hit.type == "CONSULT"


def test_events_rules_described_deal_is_no_event(nlp: Language) -> None:
    assert _hit(nlp, 'The Chilean minister said the deal was "a useful first step".') is None


@pytest.mark.parametrize(
    "text",
    [
        "The senator sat down with reporters in Ohio on Tuesday.",
        "The campaign rounded up a sampling of the candidate's claims.",
        "The candidate gave a speech in Ohio on Tuesday.",
        "She will be sworn in next month.",  # taking office is no threat
        "Rescue boats pulled 140 people from the water.",  # no retreat
        "The candidate ran on a promise to reopen talks on a trade agreement.",  # no border opened
        "She has promised to fight corruption.",  # a figure of speech, no violence
        "Firefighters battled the blaze through the night.",
        "March 3, 2026",  # a month name in a date line is no protest march
    ],
)
def test_events_rules_everyday_phrasal_verbs_are_no_events(nlp: Language, text: str) -> None:
    hit = _hit(nlp, text)
    assert hit is None or hit.type not in ("THREATEN", "RETREAT", "FIGHT", "ASSAULT", "PROTEST")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebel leaders have sworn to fight until they win back the valley.", "THREATEN"),
        ("The army pulled out of the northern town on Monday.", "RETREAT"),
        ("Kelmar reopened the border crossing on Friday.", "RETREAT"),
        # "decline", "release" and "supply" in their event sense (their other senses: above)
        ("The Chilean embassy declined to comment on the seizure.", "REJECT"),
        ("Norway declined the invitation to the summit.", "REJECT"),
        ("The rebels released two Norwegian aid workers.", "RETREAT"),
        ("The detained fishermen were released at the border.", "RETREAT"),
        ("Norway supplied weapons to the rebels.", "AID"),
        # "demonstrate", "rally", "strike" without an object: the protest
        ("Thousands demonstrated outside the embassy in Oslo.", "PROTEST"),
        ("Union members rallied on the eve of the vote.", "PROTEST"),
        ("Dock workers struck for higher pay.", "PROTEST"),
        # "attack": criticism for a stand or a record, violence otherwise
        ("The senator attacked the minister for her support of the treaty.", "DISAPPROVE"),
        ("The senator attacked the minister over her handling of the crisis.", "DISAPPROVE"),
        ("Troops attacked the town with air support.", "FIGHT"),
        ("Rebels attacked the army post for three days.", "ASSAULT"),
    ],
)
def test_events_rules_the_same_verbs_still_code_their_events(
    nlp: Language, text: str, expected: str
) -> None:
    hit = _hit(nlp, text)
    assert hit is not None and hit.type == expected


def test_events_rules_attempted_attack_is_the_attack(nlp: Language) -> None:
    hit = _hit(nlp, "Gunmen tried to assassinate the provincial governor on Monday.")
    assert hit is not None
    assert (hit.type, hit.intended) == ("ASSAULT", False)
    hit = _hit(nlp, "The rebels will try to kill the governor.")
    assert hit is not None
    assert hit.type == "THREATEN"
