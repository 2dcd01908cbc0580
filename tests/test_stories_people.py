"""The "who" feature of story clustering: two similar events with different protagonists."""

from __future__ import annotations

from accord.model import Analysis
from accord.stories import StoryIndex
from accord.stories.index import StoryState, lead_person, person_conflict
from story_articles import make_analysis


def make(text: str, names: dict[str, str]) -> Analysis:
    """An analysis of ``text`` whose mentions are the given names (name -> entity id), people
    and organisations; a name is mentioned wherever it occurs."""
    return make_analysis(
        text, names, lambda e: "PERSON" if e.startswith("person-") else "ORG", every_occurrence=True
    )


ARREST_A = make(
    "Harbour Rovers winger Nils Arvo arrested on suspicion of drunk driving\n"
    "Harbour Rovers winger Nils Arvo was arrested early on Sunday on suspicion of drunk driving, "
    "police said. Arvo was stopped on the coast road and released on bail; Harbour Rovers said "
    "they were aware of the arrest.",
    {
        "Harbour Rovers": "org-harbour-rovers",
        "Nils Arvo": "person-nils-arvo",
        "Arvo": "person-nils-arvo",
    },
)
ARREST_B = make(
    "Harbour Rovers defender Teo Malk held for drunk driving\n"
    "Harbour Rovers defender Teo Malk was arrested on suspicion of drunk driving on Friday, police "
    "said. Malk was stopped near the stadium and released on bail; Harbour Rovers declined to "
    "comment on the arrest.",
    {
        "Harbour Rovers": "org-harbour-rovers",
        "Teo Malk": "person-teo-malk",
        "Malk": "person-teo-malk",
    },
)
ARREST_A2 = make(
    "Rovers' Arvo charged after drunk-driving arrest\n"
    "Nils Arvo, the Harbour Rovers winger arrested on Sunday, was charged with drunk driving, "
    "prosecutors said. Arvo will appear in court next month.",
    {
        "Harbour Rovers": "org-harbour-rovers",
        "Nils Arvo": "person-nils-arvo",
        "Arvo": "person-nils-arvo",
    },
)


def _state(*analyses: Analysis) -> StoryState:
    index = StoryIndex(encoder=None)
    state = StoryState(id="s")
    for art in index.extract_all(list(analyses)):
        state.absorb(art)
    return state


def test_stories_lead_person_is_the_most_salient_person() -> None:
    features = StoryIndex(encoder=None).extract_all([ARREST_A])[0]
    assert lead_person(features.entities) == {"n:nils", "n:arvo"}
    assert lead_person({"e:org-harbour-rovers": 3.0}) == set()
    assert lead_person({"e:PERSON:teo malk": 1.0, "e:person-nils-arvo": 2.0}) == {
        "n:nils",
        "n:arvo",
    }


def test_stories_person_conflict_needs_different_protagonists() -> None:
    index = StoryIndex(encoder=None)
    a, b, a2 = index.extract_all([ARREST_A, ARREST_B, ARREST_A2])
    assert person_conflict(b, _state(ARREST_A)) == 1.0
    assert person_conflict(a2, _state(ARREST_A)) == 0.0
    assert person_conflict(a, _state(ARREST_A2, ARREST_B)) == 0.0  # the story names Arvo too
    assert index.features(b, _state(ARREST_A))["person_conflict"] == 1.0


def test_stories_person_conflict_absent_without_people() -> None:
    quake = make(
        "Earthquake shakes Maltrek\nA strong earthquake shook Maltrek on Tuesday.",
        {"Maltrek": "gpe-maltrek"},
    )
    b = StoryIndex(encoder=None).extract_all([ARREST_B])[0]
    assert person_conflict(b, _state(quake)) == 0.0


def test_stories_person_conflict_lowers_the_join_probability() -> None:
    """The shipped model learned (topics 1-17) that a different protagonist speaks against
    joining: the same similarities without the conflict give a clearly higher probability."""
    index = StoryIndex(encoder=None)
    index.prime([ARREST_A, ARREST_B, ARREST_A2])
    b = index.extract_all([ARREST_B])[0]
    features = index.features(b, _state(ARREST_A))
    assert features["person_conflict"] == 1.0
    assert index.model.plain.weights["person_conflict"] < -1.0
    p_conflict = index.model.probability(features, None)
    p_same = index.model.probability({**features, "person_conflict": 0.0}, None)
    assert p_conflict < p_same - 0.1


ARREST_B_RECALLS_A = make(
    "Harbour Rovers defender Teo Malk held for drunk driving\n"
    "Harbour Rovers defender Teo Malk was arrested on suspicion of drunk driving on Friday, police "
    "said. Malk was released on bail. It is the club's second such arrest this month: winger "
    "Nils Arvo was stopped on the coast road on Sunday.",
    {
        "Harbour Rovers": "org-harbour-rovers",
        "Teo Malk": "person-teo-malk",
        "Malk": "person-teo-malk",
        "Nils Arvo": "person-nils-arvo",
    },
)


def test_stories_person_conflict_reads_headlines_when_they_name_protagonists() -> None:
    # the body recalls the earlier arrest, but the headline says who this event is about
    index = StoryIndex(encoder=None)
    b, a2 = index.extract_all([ARREST_B_RECALLS_A, ARREST_A2])
    assert lead_person(b.entities) == {"n:teo", "n:malk"}
    assert person_conflict(b, _state(ARREST_A)) == 1.0
    assert person_conflict(a2, _state(ARREST_A, ARREST_B_RECALLS_A)) == 0.0


def test_stories_person_conflict_without_names_in_headlines_counts_any_mention() -> None:
    # one shooting: the gunman leads one report, the victim the other; no headline names either
    gunman = make(
        "A former employee opened fire at an office party on Friday.\n"
        "Police said Marek Voss, 61, walked into the party with a handgun. Voss was fired last "
        "week. Voss shot the owner, Ilse Brandt, and was arrested at the scene.",
        {
            "Marek Voss": "person-marek-voss",
            "Voss": "person-marek-voss",
            "Ilse Brandt": "person-ilse-brandt",
        },
    )
    victim = make(
        "Staff mourn the owner shot dead at their office party.\n"
        "Ilse Brandt had run the firm for twenty years. Brandt was shot by a former employee, "
        "Marek Voss, police said. Brandt leaves two children.",
        {
            "Ilse Brandt": "person-ilse-brandt",
            "Brandt": "person-ilse-brandt",
            "Marek Voss": "person-marek-voss",
        },
    )
    v = StoryIndex(encoder=None).extract_all([victim])[0]
    assert lead_person(v.entities) == {"n:ilse", "n:brandt"}
    assert person_conflict(v, _state(gunman)) == 0.0
