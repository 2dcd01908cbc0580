"""Speaker attribution patterns of the accord_quotes component, on hand-made sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accord.model import Quote

pytestmark = pytest.mark.slow


def run(nlp: Language, text: str) -> list[tuple[Quote, str | None]]:
    """Each quote with the text of its speaker mention (None for unnamed sources)."""
    doc = nlp(text)
    out: list[tuple[Quote, str | None]] = []
    for quote in doc._.accord_quotes:
        name = None
        if quote.speaker_mention is not None:
            start, end = quote.speaker_mention.rsplit(":", 1)[1].split("-")
            name = text[int(start) : int(end)]
        out.append((quote, name))
    return out


@pytest.mark.parametrize(
    ("text", "words", "speaker", "cue"),
    [
        ("“We will not sign this agreement,” Maria Jensen said on Monday.",
         "We will not sign this agreement,", "Maria Jensen", "say"),
        ("“The talks are over,” said Thomas Keller, the trade minister.",
         "The talks are over,", "Thomas Keller", "say"),
        ("Foreign Minister Anna Lindqvist told reporters: “Our position has not changed.”",
         "Our position has not changed.", "Anna Lindqvist", "tell"),
        ("“We need more time,” Elena Marsh told reporters after the meeting.",
         "We need more time,", "Elena Marsh", "tell"),
        ("The ceasefire is “fragile at best,” according to General Paul Hartmann.",
         "fragile at best,", "Paul Hartmann", "according to"),
        ("The two countries agreed “in principle” to resume talks, Foreign Minister Peter Novak "
         "wrote on Telegram.", "in principle", "Peter Novak", "write"),
        ('Mayor Henrik Aalto said, "We will rebuild every school."',
         "We will rebuild every school.", "Henrik Aalto", "say"),
    ],
)  # fmt: skip
def test_quotes_named_speaker(nlp: Language, text: str, words: str, speaker: str, cue: str) -> None:
    [(quote, name)] = run(nlp, text)
    assert (quote.text, name, quote.cue, quote.speaker_text) == (words, speaker, cue, speaker)
    assert text[quote.start : quote.end] == words


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Senator Robert Hale spoke after the vote. “This is a dark day,” he said.", "Robert Hale"),
        ("Governor Linda Crane visited the port. She called for “immediate inspections” of ships.",
         "Linda Crane"),
        ("Two people close to the talks said Oskar Lind said the army was ready. “We can fight for "
         "years,” he said according to one source.", "Oskar Lind"),
    ],
)  # fmt: skip
def test_quotes_pronoun_resolves_to_last_person(nlp: Language, text: str, speaker: str) -> None:
    [(quote, name)] = run(nlp, text)
    assert name == speaker
    assert quote.speaker_text is not None and quote.speaker_text.lower() in {"he", "she"}


def test_quotes_continuation_takes_previous_speaker(nlp: Language) -> None:
    text = "“We are ready to talk,” Daniel Weber said. “But we will not give up our land.”"
    found = run(nlp, text)
    assert [(q.text, name) for q, name in found] == [
        ("We are ready to talk,", "Daniel Weber"),
        ("But we will not give up our land.", "Daniel Weber"),
    ]
    assert found[1][0].cue is None


def test_quotes_split_by_cue_share_speaker(nlp: Language) -> None:
    text = "“We know the date,” Daniel Weber said, “but we will not announce it yet.”"
    assert [name for _, name in run(nlp, text)] == ["Daniel Weber", "Daniel Weber"]


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("A senior diplomatic source said the proposal was “dead on arrival.”",
         "A senior diplomatic source"),
        ("“There will be no deal this week,” an official close to the talks said.",
         "an official close to the talks"),
        # A name inside the description does not make it the speaker.
        ("“We are ready,” a senior Tovesk official told reporters.",
         "a senior Tovesk official"),
        ("The Dorvaki negotiator said the offer was “final.”", "The Dorvaki negotiator"),
        ("A Brevian aide said the plan was “unworkable.”", "A Brevian aide"),
    ],
)  # fmt: skip
def test_quotes_unnamed_source_keeps_description(
    nlp: Language, text: str, description: str
) -> None:
    [(quote, name)] = run(nlp, text)
    assert name is None and quote.speaker is None
    assert quote.speaker_text == description


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # An institution speaks for its country; a named aide in apposition speaks for herself.
        ("The Velkar government said the deal was “a good start.”", "Velkar"),
        ("An aide to the minister, Jon Ekk, said the deal was “a good start.”", "Jon Ekk"),
    ],
)
def test_quotes_source_noun_rule_keeps_named_speakers(
    nlp: Language, text: str, speaker: str
) -> None:
    [(_, name)] = run(nlp, text)
    assert name == speaker


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # "the minister" after the one person titled so: that person, described as written
        (
            'Defence Minister Ivo Marek led the talks. "We are ready," the minister said.',
            ["Ivo Marek"],
        ),
        ('Coach Tom Ellis praised the team. "We played well," the coach said.', ["Tom Ellis"]),
        # two ministers, unless the modifiers pick one; an indefinite description stays unnamed
        (
            'Defence Minister Ivo Marek arrived. Foreign Minister Ana Ruiz followed. "No," the'
            ' minister said. "Yes," the defence minister said. "Maybe," a minister said.',
            [None, "Ivo Marek", None],
        ),
    ],
)
def test_quotes_role_noun_names_the_one_person_with_that_title(
    nlp: Language, text: str, speakers: list[str | None]
) -> None:
    found = run(nlp, text)
    assert [name for _, name in found] == speakers
    assert all(
        q.speaker_text and q.speaker_text.lower().startswith(("the", "a ")) for q, _ in found
    )


def test_quotes_partial_quote_inside_sentence(nlp: Language) -> None:
    text = "Prime Minister Karl Brandt said the offer was “clearly unacceptable” and walked out."
    [(quote, name)] = run(nlp, text)
    assert (quote.kind, quote.text, name) == ("partial", "clearly unacceptable", "Karl Brandt")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the verb whose clause holds the quote cues it, not a nearer speech verb ("accusing")
        ("Anna Berg says Tomas Hale's tweets accusing her of fraud are “lies and conspiracy "
         "theories.”", "Anna Berg"),
        # an "it" that names no one is passed over for the verb that governs it
        ("Anna Berg says it underscores that Tomas Hale is “unfit to lead the country.”",
         "Anna Berg"),
    ],
)  # fmt: skip
def test_quotes_partial_quote_cued_by_the_verb_governing_it(
    nlp: Language, text: str, speaker: str
) -> None:
    [(quote, name)] = run(nlp, text)
    assert (quote.kind, name) == ("partial", speaker)


def test_quotes_scare_quote_has_no_speaker(nlp: Language) -> None:
    [(quote, name)] = run(nlp, "The so-called “reforms” were never carried out by the council.")
    assert (quote.kind, quote.text, quote.cue, name) == ("scare", "reforms", None, None)


def test_quotes_title_of_a_work_has_no_speaker(nlp: Language) -> None:
    """A title in capitals named after "about" or beside a noun is no one's words; a slogan
    or nickname that a verb reports keeps its speaker."""
    text = (
        "Rhodes recalled Mr. Obama talking about “Collapse: How Societies Choose to Fail or "
        "Succeed,” a best seller. He starred in the film “Harbour Lights” last year, Lena Ruiz "
        "said. Karl Brandt called him “Lyin' Ted” again. Reports say Ana Holm called the "
        "pageant winner “Miss Piggy” in 1996."
    )
    found = {q.text.rstrip(",. "): (q.kind, name) for q, name in run(nlp, text)}
    assert found["Collapse: How Societies Choose to Fail or Succeed"] == ("scare", None)
    assert found["Harbour Lights"] == ("scare", None)
    assert found["Lyin' Ted"] == ("partial", "Karl Brandt")
    assert found["Miss Piggy"] == ("partial", "Ana Holm")


def test_quotes_apposition_before_the_verb_names_the_person_before_it(nlp: Language) -> None:
    """ "X, a top Y surrogate, said" where the parser gives "said" no subject: the speaker is X,
    not the Y inside the apposition."""
    text = (
        "“He is absolutely right. There is a severe disconnect between this White House and "
        "frankly the president and our military,” Flynn, a top Trump surrogate, said Thursday."
    )
    [(_, name)] = run(nlp, text)
    assert name == "Flynn"


def test_quotes_single_word_attributed_by_speech_verb_is_partial(nlp: Language) -> None:
    [(quote, name)] = run(nlp, "Karl Brandt said that the request was “noted”.")
    assert (quote.kind, quote.text, name) == ("partial", "noted", "Karl Brandt")


def test_quotes_span_crosses_sentence_boundaries(nlp: Language) -> None:
    text = "“The first round is over. The second starts tomorrow. Expect no miracles,” Sofia Berg said."
    [(quote, name)] = run(nlp, text)
    assert quote.text.startswith("The first round") and quote.text.endswith("miracles,")
    assert (quote.kind, name) == ("direct", "Sofia Berg")


def test_quotes_unclosed_quote_ends_at_paragraph(nlp: Language) -> None:
    text = "Sofia Berg said: “The first round is over and the second begins tomorrow\nThe talks resumed."
    [(quote, name)] = run(nlp, text)
    assert quote.text == "The first round is over and the second begins tomorrow"
    assert name == "Sofia Berg"


def test_quotes_trailing_name_after_role_subject(nlp: Language) -> None:
    text = ("“We have agreed to meet again,” the head of the northern delegation told reporters "
            "after the meeting, Viktor Salo.")  # fmt: skip
    [(_, name)] = run(nlp, text)
    assert name == "Viktor Salo"


def test_quotes_dash_byline(nlp: Language) -> None:
    [(quote, name)] = run(nlp, "“The debate changed my mind.” ― Laura Pettersen")
    assert (quote.text, name, quote.cue) == ("The debate changed my mind.", "Laura Pettersen", None)


def test_quotes_lead_in_paragraph_ending_in_colon(nlp: Language) -> None:
    [(quote, name)] = run(nlp, "Mayor Henrik Aalto continued:\n“We will rebuild every school.”")
    assert (quote.text, name, quote.cue) == (
        "We will rebuild every school.",
        "Henrik Aalto",
        "continue",
    )


def test_quotes_ids_offsets_and_article(nlp: Language) -> None:
    doc = nlp.make_doc("“We are ready,” Maria Jensen said.")
    doc._.accord_article = "art1"
    for _, component in nlp.pipeline:
        doc = component(doc)
    [quote] = doc._.accord_quotes
    assert quote.article == "art1"
    assert quote.id == f"art1:q{quote.start}-{quote.end}"
    assert quote.speaker_mention == "art1:16-28"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Critics mocked Ilse Brandt’s claim that the fund was “fully secure.”", "claim"),
        ("The plan came from Ilse Brandt, who said it was “fully secure.”", "say"),
    ],
)
def test_quotes_possessive_noun_and_relative_clause(nlp: Language, text: str, cue: str) -> None:
    [(quote, name)] = run(nlp, text)
    assert (quote.text, quote.cue, name) == ("fully secure.", cue, "Ilse Brandt")


def test_quotes_sentence_before_names_speaker_of_cueless_quote(nlp: Language) -> None:
    text = "The budget is too small, Mayor Olga Petrenko said. “We cannot fix the roads with it.”"
    [(quote, name)] = run(nlp, text)
    assert (quote.cue, name) == (None, "Olga Petrenko")
