"""Third-person pronouns to named actors (``accord.analyze.pronouns``), on hand-made text, and
what the quote and event stages make of them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accord.analyze.pronouns import antecedent, gender_words
from accord.resolve.given_names import first_name_gender

pytestmark = pytest.mark.slow


def resolved(nlp: Language, text: str, pronoun: str, nth: int = 0) -> str | None:
    """The text of the antecedent of the ``nth`` occurrence of ``pronoun`` in ``text``."""
    doc = nlp(text)
    tokens = [t for t in doc if t.text == pronoun]
    found = antecedent(tokens[nth])
    return None if found is None else found.text


@pytest.mark.parametrize(
    ("text", "pronoun", "nth", "expected"),
    [
        # the most salient actor: the subject of the sentence before, not a later object
        (
            "Defence Minister Ivo Marek met envoys from Norland on Monday. He said the talks "
            "would go on.",
            "He",
            0,
            "Ivo Marek",
        ),
        # gender from the first name: "she" skips the more recent man
        (
            "Anna Berg, the mediator, invited Thomas Keller to the capital. She said the offer "
            "stood.",
            "She",
            0,
            "Anna Berg",
        ),
        # gender from a courtesy title, where the first name is not known
        (
            "Ms. Okonkwo-Vale spoke after Pieter Dros. Her speech was short.",
            "Her",
            0,
            "Okonkwo-Vale",
        ),
        # binding: an object pronoun is not the subject of its own verb
        (
            "Mark Ellis chaired the panel with Jonas Ruud. Ellis praised him for his patience.",
            "him",
            0,
            "Jonas Ruud",
        ),
        # a subject pronoun is not a name among its verb's objects
        (
            "Carlos Mendez walked in after Peter Lang. He shot Mendez once and fled.",
            "He",
            0,
            "Peter Lang",
        ),
        # "X said he would": the reporting subject, whatever came before
        (
            "Maria Lopez thanked the delegates. Later Tomas Berg said he would resign.",
            "he",
            0,
            "Tomas Berg",
        ),
        # the speaker of "he said" is never a name inside the quote
        (
            "Senator Mark Hale spoke to reporters on Friday. “Nothing happens until Putin and I "
            "meet,” he said.",
            "he",
            0,
            "Mark Hale",
        ),
        # a reporter gives up his subject weight: the pronoun in the quote is about the victim
        (
            "Officer Daniel Ortiz died instantly, Sheriff Larry Waldie said. “Someone put a "
            "bullet through his head,” Waldie told reporters.",
            "his",
            0,
            "Daniel Ortiz",
        ),
        # an actor counts once per sentence: two mentions of the critic there weigh no more
        # than one, and the subject of the sentence just before is who speaks
        (
            "Another critic, Laurent Daval, called the rules a disgrace, since Mr. Daval, a "
            "noted scholar, was a mentor to Mr. Okafor at law school.\n"
            "Mr. Okafor dismissed the criticism as the voice of Mr. Daval's client. "
            "“He is a friend,” he said.",
            "he",
            0,
            "Okafor",
        ),
        # a one-word first name, in a text that gives no surname, tells the gender
        (
            "Jonas Ruud spoke on the stage for an hour. At home, Melanie watched the speech on "
            "TV. Melanie smiled and said yes, over and over again. “Thank you all,” he said.",
            "he",
            0,
            "Jonas Ruud",
        ),
        # ... but not a surname that a full name of the text ends with
        (
            "Surgeon General Regina Benjamin took office in May. Benjamin spoke to nurses "
            "later. She said the plan would work.",
            "She",
            0,
            "Benjamin",
        ),
        # "they" for a group named by its kind: "the Fijian rebels said they"
        ("The Fijian rebels said they would release the hostages on Sunday.", "they", 0, "Fijian"),
        # "it" for an organisation after a noun for its kind
        (
            "Shares of Norcom Holdings fell. The company said it would cut 200 jobs.",
            "it",
            0,
            "Norcom Holdings",
        ),
    ],
)
def test_antecedent(nlp: Language, text: str, pronoun: str, nth: int, expected: str) -> None:
    assert resolved(nlp, text, pronoun, nth) == expected


@pytest.mark.parametrize(
    ("text", "pronoun"),
    [
        # unnamed groups: a plural noun nearer than the named place
        (
            "Thieves rammed a car into a jewellery store near the Place Vendome in Paris. They "
            "fled with two million euros.",
            "They",
        ),
        # the generic "they say"
        ("“You know what they say, the third time is the charm,” Ellen Moss said.", "they"),
        # a thing, not the organisation named before
        (
            "Norcom Holdings released a video on Tuesday. The clip drew ridicule after it was "
            "posted.",
            "it",
        ),
        # "they" is never a nationality adjective ("a Chinese guard")
        ("Elbowing past a Chinese security guard, they crashed the meeting.", "they"),
        # "she" never a man, even the only person named
        ("Robert Hale left the talks early. She stayed until midnight.", "She"),
    ],
)
def test_no_named_antecedent(nlp: Language, text: str, pronoun: str) -> None:
    assert resolved(nlp, text, pronoun) is None


def test_gender_sources() -> None:
    assert first_name_gender("Hillary") == "f"
    assert first_name_gender("Vladimir") == "m"
    assert first_name_gender("José") == "m"  # folded to ASCII before the lookup
    assert first_name_gender("Jean") is None  # both, in the name data
    assert first_name_gender("X") is None
    words = gender_words()
    assert words["mr."] == "m" and words["actress"] == "f"


def test_component_sets_antecedents(nlp: Language) -> None:
    doc = nlp("Anna Berg arrived in Oslo. She met the mayor.")
    assert "accord_pronouns" in nlp.pipe_names
    she = next(t for t in doc if t.text == "She")
    assert doc._.accord_antecedents == {she.i: (0, 9)}


def test_event_and_quote_actors_through_pronouns(nlp: Language) -> None:
    """The event stage takes a pronoun's antecedent as the actor ("He called for sanctions"),
    and "we" inside a quote as its speaker; the quote stage the antecedent as the speaker."""
    text = (
        "President Elena Voss met Prime Minister Tomas Berg in Lunvar on Monday. "
        "She called for new sanctions against Norland.\n"
        "“We are ready to fight for as long as it takes,” Berg told reporters.\n"
        "“The talks were useful,” she said."
    )
    doc = nlp(text)
    sources = {e.text[:20]: e.source_text for e in doc._.accord_events}
    assert sources["She called for new s"] == ["Elena Voss"]
    assert sources["“We are ready to figh"[:20]] == ["Berg"]
    last = doc._.accord_quotes[-1]
    assert last.speaker_text == "she"
    assert last.speaker_mention is not None and last.speaker_mention.endswith(":10-20")


def test_quality_ecbplus_pronouns(shared_dir: object) -> None:
    """Floor under ``benchmarks/pronouns.py`` on six ECB+ topics. Measured 29 Nov: F1 0.804
    (P 0.796, R 0.811) against 0.633 for the quote stage's earlier rule (last compatible
    named actor, subjects first)."""
    from benchmark_modules import load_benchmark

    bench = load_benchmark("pronouns")
    if not bench.CORPUS.is_dir():
        pytest.skip("ECB+ dev data absent")
    topics = [bench.CORPUS / t for t in ("2", "4", "16", "18", "22", "33")]
    tallies = bench.run(topics, {"recency": bench.recency, "accord": bench.ours})

    def f1(name: str) -> float:
        tally = bench.merge(tallies[(name, "even")], tallies[(name, "odd")])
        return float(tally.prf()[2])

    assert f1("accord") >= 0.78
    assert f1("accord") > f1("recency") + 0.1


def test_event_actor_named_by_title(nlp: Language) -> None:
    """ "The minister" after "Defence Minister Ivo Marek" is Marek, for events as for quotes."""
    doc = nlp(
        "Defence Minister Ivo Marek arrived in Lunvar on Monday. "
        "The minister called for new sanctions against Norland."
    )
    [event] = [e for e in doc._.accord_events if e.text.startswith("The minister")]
    assert event.source_text == ["Ivo Marek"]
