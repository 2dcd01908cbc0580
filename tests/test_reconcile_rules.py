"""One hand-made case per alignment rule: counted nouns, clause splits (", with no X", a
participial modifier, mixed-polarity predicates), reported contents, tense, headlines, duration
conflicts across facts, majority support and polarity-aware alignment of negated claims."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from accord.model import Event, Fact
from accord.reconcile.align import score_pair
from accord.reconcile.claims import Claim
from accord.reconcile.dates import DateRange, parse_iso
from accord.reconcile.facts import build_value_conflict
from accord.reconcile.numbers import compatible, find_quantities
from test_reconcile_claims import _claims, claims_of
from test_reconcile_status import facts_of

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.fixture(scope="module")
def minilm() -> object:
    pytest.importorskip("sentence_transformers")
    from accord.embeddings import get_encoder

    model = get_encoder()
    if model is None:
        pytest.skip("MiniLM model not installed")
    return model


def _body(nlp: Language, sentence: str) -> list[Claim]:
    return [c for c in _claims(nlp, "Talks end\n" + sentence) if not c.headline]


def _fact_with(facts: list[Fact], words: str) -> list[Fact]:
    return [f for f in facts if any(words in s.text for s in [*f.support, *f.conflicts])]


# --- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "durations"),
    [
        ("A second round of talks will follow in June.", []),
        ("The vote took less than a second.", ["<0.02 min"]),
        ("The talks lasted an hour.", ["1 h"]),
    ],
)
def test_reconcile_ordinal_second_is_not_a_duration(text: str, durations: list[str]) -> None:
    assert [q.describe() for q in find_quantities(text) if q.is_duration] == durations


def test_reconcile_quantity_counts_the_noun_its_number_modifies(nlp: Language) -> None:
    (claim,) = _body(nlp, "The envoys agreed to free 45 fishing boats seized last year.")
    (boats,) = claim.quantities
    assert boats.unit == "boat"
    assert boats.describe() == "45 fishing boats"


def test_reconcile_quantity_with_a_demonym_before_its_noun_is_kept(nlp: Language) -> None:
    (claim,) = _body(nlp, "The bloc froze the assets of 25 Zorbian officials on Monday.")
    assert [(q.unit, q.low) for q in claim.quantities] == [("official", 25.0)]


# --- clause splitting ------------------------------------------------------------------------


def test_reconcile_trailing_with_no_phrase_is_a_negated_claim(nlp: Language) -> None:
    text = "Talks end\nThe envoys ended their talks in Brenn on Monday, with no agreement on the river border."
    units = _claims(nlp, text)
    texts = [c.text for c in units]
    assert "The envoys ended their talks in Brenn on Monday" in texts
    (no_deal,) = [c for c in units if c.text.startswith("with no agreement")]
    assert no_deal.negated


def test_reconcile_participial_modifier_of_the_subject_is_split(nlp: Language) -> None:
    units = claims_of(
        nlp, "Talks end\nThe talks, hosted by Norway, produced no deal on the border."
    )
    assert "The talks, hosted by Norway" in units
    assert "produced no deal on the border." in units


def test_reconcile_coordinated_predicates_of_mixed_polarity_are_split(nlp: Language) -> None:
    units = claims_of(
        nlp, 'Vote disputed\nThe challenger refused to concede and called the count "a fraud".'
    )
    assert "The challenger refused to concede" in units
    assert any(u.startswith("and called the count") for u in units)


def test_reconcile_coordinated_predicates_of_one_polarity_stay_together(nlp: Language) -> None:
    units = claims_of(
        nlp, "Talks end\nThe delegation welcomed the meeting and said it was ready for more talks."
    )
    assert "The delegation welcomed the meeting and said it was ready for more talks." in units


def test_reconcile_reported_content_stops_at_the_claim_boundary(nlp: Language) -> None:
    claims = _body(
        nlp, 'The envoy said the mood had been "calm" and that a new round would follow in May.'
    )
    first = next(c for c in claims if c.text.startswith("The envoy said"))
    assert first.cores == ["the mood had been calm"]


# --- tense -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("A second round of talks will take place in May.", "future"),
        ("The truce is due to start on 3 May.", "future"),
        ("The envoys ended the talks on Friday.", "past"),
        ("The sanctions take effect on Friday.", "present"),
    ],
)
def test_reconcile_claim_tense(nlp: Language, sentence: str, tense: str) -> None:
    (claim,) = _body(nlp, sentence)
    assert claim.tense == tense


# --- alignment and status ----------------------------------------------------------------------

TALKS_A = (
    "Envoys from Norland and Vesk meet in Brenn\n"
    "Negotiators from Norland and Vesk ended a round of talks in Brenn on Monday after less than "
    "two hours, with no agreement on the river border.\n"
    'Vesk\'s chief envoy Marta Olsen said the mood had been "calm" and that a new round would '
    "follow in May.\n"
)
TALKS_B = (
    "Norland and Vesk agree to reopen the river crossing after talks in Brenn\n"
    "Delegations from Norland and Vesk met in Brenn on Monday for their first talks in a decade.\n"
    "The meeting lasted three hours, officials said.\n"
    "The two sides failed to agree on a new river border.\n"
    "Marta Olsen, Vesk's chief envoy, said her government was ready to keep talking.\n"
)
TALKS_C = (
    "Norland, Vesk reopen crossing but not border talks\n"
    "The talks, hosted by Norway, produced no deal on the river border.\n"
    "Vesk's envoy Marta Olsen said a new round of talks would take place in May.\n"
)


@pytest.fixture(scope="module")
def talks(nlp: Language, minilm: object) -> list[Fact]:
    return facts_of(nlp, minilm, TALKS_A, TALKS_B, TALKS_C)[0]


def test_reconcile_negated_claims_align_with_each_other(talks: list[Fact]) -> None:
    (fact,) = _fact_with(talks, "failed to agree on a new river border")
    assert fact.status == "corroborated"
    texts = " | ".join(s.text for s in fact.support)
    assert "with no agreement on the river border" in texts
    assert "produced no deal on the river border" in texts


def test_reconcile_duration_conflict_is_found_across_facts(talks: list[Fact]) -> None:
    conflicts = [f for f in _fact_with(talks, "lasted three hours") if f.status == "conflicting"]
    assert conflicts
    assert conflicts[0].conflicts[0].reason.startswith("duration:")


def test_reconcile_same_speaker_different_content_is_not_one_fact(talks: list[Fact]) -> None:
    for fact in _fact_with(talks, "ready to keep talking"):
        assert fact.status == "single_source"
        assert not any("calm" in s.text for s in fact.support)


def test_reconcile_planned_round_keeps_past_talks_out(talks: list[Fact]) -> None:
    (fact,) = _fact_with(talks, "would take place in May")
    assert fact.status == "corroborated"
    assert not any("ended a round of talks" in s.text for s in fact.support)


def test_reconcile_headlines_alone_make_no_fact(talks: list[Fact]) -> None:
    for fact in talks:
        spans = [*fact.support, *fact.conflicts]
        assert not all(s.start == 0 for s in spans), fact.statement


SWAP = (
    "Boats to go home\nThe two sides agreed to release 40 fishing boats seized at sea.\n",
    "Boat deal\nThe governments will release 40 fishing boats seized at sea, officials said.\n",
    "Fishing deal\nThe two governments agreed that 45 fishing boats seized at sea would be returned.\n",
)


def test_reconcile_conflict_keeps_the_majority_as_support(nlp: Language, minilm: object) -> None:
    facts = facts_of(nlp, minilm, *SWAP)[0]
    (fact,) = _fact_with(facts, "45 fishing boats")
    assert fact.status == "conflicting"
    assert all("40 fishing boats" in s.text for s in fact.support)
    assert [c.reason for c in fact.conflicts] == ["number: 45 fishing boats vs 40 fishing boats"]


def test_reconcile_main_verb_lemmas_are_kept(nlp: Language) -> None:
    (claim,) = _body(nlp, "The new rules will take effect on Monday.")
    assert "take effect" in claim.predicates
    (report,) = _body(nlp, "The minister said the envoys released the prisoners.")
    assert "say" not in report.predicates
    assert "release" in report.predicates


EFFECT = (
    "Bloc adopts measures\nThe bloc adopted the measures on Wednesday. "
    "The measures take effect on 1 June 2026.\n",
    "Measures adopted\nThe new measures will take effect on 4 June 2026, a spokesman said. "
    "A farmers' union called for lower diesel taxes.\n",
)


def test_reconcile_same_predicate_different_date_conflicts(nlp: Language, minilm: object) -> None:
    facts = facts_of(nlp, minilm, *EFFECT)[0]
    (fact,) = _fact_with(facts, "take effect on 1 June")
    assert fact.status == "conflicting"
    assert fact.conflicts[0].reason.startswith("date: ")


def test_reconcile_headline_is_left_out_beside_its_own_body(nlp: Language, minilm: object) -> None:
    facts = facts_of(nlp, minilm, *SWAP)[0]
    for fact in facts:
        spans = [*fact.support, *fact.conflicts]
        bodies = {s.article for s in spans if s.start > 0}
        assert not any(s.start == 0 and s.article in bodies for s in spans), fact.statement


def test_reconcile_modifier_fragment_says_what_its_participle_says(nlp: Language) -> None:
    units = _claims(nlp, "Talks end\nThe deal, brokered by Norway, leaves fishing off the table.")
    (fragment,) = [c for c in units if c.text == "The deal, brokered by Norway"]
    assert fragment.verbless
    assert fragment.predicates == {"broker"}


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("A follow-up meeting is planned for September, the minister said.", "future"),
        ("The minister said the envoys would meet again in May.", "future"),
        ("The minister said the envoys met on Friday.", "past"),
    ],
)
def test_reconcile_tense_is_that_of_what_is_reported(
    nlp: Language, sentence: str, tense: str
) -> None:
    (claim,) = _body(nlp, sentence)
    assert claim.tense == tense


def test_reconcile_attribution_with_its_own_scene_is_split(nlp: Language) -> None:
    units = claims_of(
        nlp,
        "Boats freed\nThe two states will free 30 trawlers, envoys said after talks in Brenn on Monday.",
    )
    assert "The two states will free 30 trawlers" in units
    assert "envoys said after talks in Brenn on Monday." in units


def test_reconcile_plain_attribution_stays_with_its_claim(nlp: Language) -> None:
    units = claims_of(nlp, "Boats freed\nThe two states will free 30 trawlers, envoys said.")
    assert units[-1] == "The two states will free 30 trawlers, envoys said."


CRACKDOWN = (
    "Crackdown in Tarsa\nThousands of students marched through Tarsa on Friday.\n"
    "Police said 20 people were arrested during the march.\n",
    "Tarsa protests\nStudents rallied in Tarsa on Friday against the new fees.\n"
    "Police arrested 20 people, officials said.\n",
    "Students detained\nA rights group said 65 demonstrators were detained during the march in Tarsa.\n",
)


def test_reconcile_counts_of_one_noun_class_conflict(nlp: Language, minilm: object) -> None:
    facts = facts_of(nlp, minilm, *CRACKDOWN)[0]
    arrests = [f for f in _fact_with(facts, "65 demonstrators") if f.status == "conflicting"]
    assert arrests, [(f.status, f.statement) for f in facts]
    assert arrests[0].conflicts[0].reason == "number: 65 demonstrators vs 20 people"
    assert all("20 people" in s.text for s in arrests[0].support)


def test_reconcile_percent_sign_keeps_its_unit_in_a_claim(nlp: Language) -> None:
    (claim,) = _body(nlp, "The incumbent won 52% of the vote on Sunday.")
    assert [(q.low, q.unit) for q in claim.quantities] == [(52.0, "percent")]


def test_reconcile_each_days_own_news_is_no_date_conflict() -> None:
    """A story followed over days: "resigned on Friday" in Friday's report and "named a successor
    on Sunday" in Sunday's are two events, not two sources disagreeing on one date."""
    friday, sunday = parse_iso("2026-06-05"), parse_iso("2026-06-07")
    assert friday is not None and sunday is not None

    def claim(article: str, dated: DateRange, published: date) -> Claim:
        return Claim(article, 0, 20, "resigned on the day", 0, dates=[dated], day=published)

    days_apart = score_pair(
        claim("a", friday, date(2026, 6, 5)), claim("b", sunday, date(2026, 6, 7)), 0.9
    )
    assert days_apart.reasons == []
    # published the same day, the two dates are a disagreement
    same_day = score_pair(
        claim("a", friday, date(2026, 6, 7)), claim("b", sunday, date(2026, 6, 7)), 0.9
    )
    assert same_day.reasons == ["date: 2026-06-05 vs 2026-06-07"]
    # a date away from its own report's day ("resigned on Friday" in Monday's paper) is compared
    away = score_pair(
        claim("a", friday, date(2026, 6, 8)), claim("b", sunday, date(2026, 6, 7)), 0.9
    )
    assert away.reasons == ["date: 2026-06-05 vs 2026-06-07", "reported 1 day apart"]


@pytest.mark.parametrize(
    ("sentence", "dates", "references"),
    [
        (
            "The death toll from the 3 March 2026 earthquake rose to 23 on 4 March 2026.",
            ["2026-03-04"],
            ["2026-03-03"],
        ),
        (
            "The search for survivors of the quake of 3 March 2026 ended on 6 March 2026.",
            ["2026-03-06"],
            ["2026-03-03"],
        ),
        # a complement clause dates what the claim says
        ("The two sides agreed that a ceasefire would begin on 1 May 2026.", ["2026-05-01"], []),
        # the only date, though it modifies a noun, dates the claim's event
        ("The attack on 3 March 2026 killed five people.", ["2026-03-03"], []),
    ],
)
def test_reconcile_date_of_a_named_event_is_a_reference(
    nlp: Language, sentence: str, dates: list[str], references: list[str]
) -> None:
    (claim,) = _body(nlp, sentence)
    assert [d.label for d in claim.dates] == dates
    assert [d.label for d in claim.references] == references


def test_reconcile_what_followed_a_named_event_is_no_date_conflict() -> None:
    """ "The quake struck on 3 March" against "the search for survivors of the 3 March quake
    ended on 6 March": the second names the first's event and dates what followed it."""
    third, sixth = parse_iso("2026-03-03"), parse_iso("2026-03-06")
    assert third is not None and sixth is not None
    struck = Claim("a", 0, 20, "The quake struck", 0, dates=[third])
    ended = Claim("b", 0, 20, "The search ended", 0, dates=[sixth], references=[third])
    assert score_pair(struck, ended, 0.9).reasons == []
    # without the reference the two dates disagree
    plain = Claim("b", 0, 20, "The quake struck", 0, dates=[sixth])
    assert score_pair(struck, plain, 0.9).reasons == ["date: 2026-03-03 vs 2026-03-06"]


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("Holm faced weeks of criticism over two rail strikes.", ["2 rail strikes"]),
        (
            "Holm faced criticism over the collapse of the bridge and over two rail strikes.",
            ["2 rail strikes"],
        ),
        ("Police detained over 30 protesters on Monday.", [">30 protesters"]),
        ("Prices rose above 5 percent.", [">5 percent"]),
    ],
)
def test_reconcile_preposition_before_a_number_is_no_comparative(
    nlp: Language, sentence: str, counts: list[str]
) -> None:
    (claim,) = _body(nlp, sentence)
    assert [q.describe() for q in claim.quantities] == counts


@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        ("The death toll rose to 34.", [("34 death toll", "toll")]),
        ("The number of dead stood at 33 overnight.", [("33 dead", "dead")]),
        ("Port Selva death toll reaches 34 as the captain is held.", [("34 death toll", "toll")]),
        # added to an earlier count: no total to compare
        ("The audit has so far closed three more bridges.", []),
        ("Eight other people have fallen ill.", []),
        ("The index fell to 3,200.", [("3,200 index", "index")]),
    ],
)
def test_reconcile_number_gives_the_level_of_its_subject(
    nlp: Language, sentence: str, counts: list[tuple[str, str]]
) -> None:
    (claim,) = _body(nlp, sentence)
    assert [(q.describe(), q.unit) for q in claim.quantities] == counts


def test_reconcile_a_toll_reported_days_apart_is_a_conflict_that_says_so(nlp: Language) -> None:
    (tuesday,) = _body(nlp, "The number of dead rose to 33 overnight.")
    (wednesday,) = _body(nlp, "The death toll rose to 34.")
    assert compatible(tuesday.quantities[0], wednesday.quantities[0]) is False
    tuesday.day, wednesday.day = date(2026, 3, 3), date(2026, 3, 4)
    wednesday.article = "b"
    pair = score_pair(tuesday, wednesday, 0.9)
    assert pair.reasons == ["number: 33 dead vs 34 death toll", "reported 1 day apart"]


def test_reconcile_changes_of_different_days_are_not_compared(nlp: Language) -> None:
    (monday,) = _body(nlp, "Brightline shares jumped 28 percent to 82 korva.")
    (later,) = _body(nlp, "Brightline shares fell 4 percent.")
    assert [q.change for q in monday.quantities] == [True, False]
    (level,) = _body(nlp, "Unemployment rose to 7 percent.")
    assert [q.change for q in level.quantities] == [False]
    later.article = "b"
    monday.day, later.day = date(2026, 3, 2), date(2026, 3, 9)
    assert score_pair(monday, later, 0.9).reasons == []
    later.day = monday.day  # the same day's reports of one move disagree
    assert score_pair(monday, later, 0.9).reasons == ["number: 28 percent vs 4 percent"]


def test_value_conflict_is_named_by_its_own_claims_events() -> None:
    # The disagreeing sentence's events (here two misread as protests) are evidence of the fact,
    # but what the fact is comes from the claim it states.
    lone = Claim("a1", 0, 40, "The ferry sank with 33 people on board.", 0)
    other = Claim("a2", 0, 60, "Crowds marched and rallied as the ferry sank with 34 aboard.", 0)
    events = [
        Event("e1", "a1", 4, 20, "ferry sank", "ACCIDENT"),
        Event("e2", "a2", 7, 13, "marched", "PROTEST"),
        Event("e3", "a2", 18, 25, "rallied", "PROTEST"),
    ]
    fact = build_value_conflict("s1", [lone, other], 0, 1, "number: 33 vs 34", events)
    assert fact.type == "ACCIDENT"
    assert fact.events == ["e1", "e2", "e3"]


@pytest.mark.parametrize(
    ("sentence", "main_class"),
    [
        ("She declined to comment on individual negotiations.", "REJECT"),
        ("The envoys agreed to meet again in May.", "AGREE"),
        ("The minister said the envoys would meet again in May.", "CONSULT"),
    ],
)
def test_claim_main_class_is_its_governing_predicates(
    nlp: Language, sentence: str, main_class: str
) -> None:
    # a fact without events is named by what its claims mainly do, the same in every run
    assert [c.main_class for c in _body(nlp, sentence)] == [main_class]


def test_reconcile_stamp_lines_are_no_claims(nlp: Language) -> None:
    """An update stamp is metadata: two reports' update times are no date conflict."""
    text = "Quake hits island\nPUBLISHED: 16:05 GMT, 9 June 2013 | UPDATED: 06:55 GMT\nThe quake killed 10 people."
    assert claims_of(nlp, text)[1:] == ["The quake killed 10 people."]


def test_reconcile_since_with_a_period_word_is_a_bound(nlp: Language) -> None:
    (claim,) = _body(nlp, "The cable has frequently failed since late 2007.")
    assert claim.dates == [] and [b.label for b in claim.bounds] == ["2007"]


def test_reconcile_denied_range_is_no_number_conflict(nlp: Language) -> None:
    """ "None of the offers is for more than eight years" states no 8+ years: it does not
    clash with an eight-year offer (an affirmed "more than eight years" would)."""
    (offer,) = _body(nlp, "The Angels made an eight-year offer to Teixeira.")
    (denied,) = _body(nlp, "None of the offers to Teixeira is for more than eight years.")
    (longer,) = _body(nlp, "The Red Sox made an offer to Teixeira for more than eight years.")
    assert denied.negated and not longer.negated
    assert not score_pair(offer, denied, 0.8).reasons
    assert score_pair(offer, longer, 0.8).reasons


def test_reconcile_a_decade_is_no_event_date(nlp: Language) -> None:
    """ "A 1940s pompadour" or "in the 1960s" is background; it dates no claim."""
    (claim,) = _body(nlp, "Gigante, with his 1940s pompadour, ran the family for years.")
    assert claim.dates == []
