"""Entity typing from text evidence (accord.resolve.type_evidence), on hand-made sentences with
made-up names that no gazetteer knows."""

from __future__ import annotations

import re

import pytest

from accord.model import Analysis, Article, Mention, mention_id
from accord.resolve import resolve
from accord.resolve.local import group_singular
from accord.resolve.type_evidence import (
    Named,
    demonym_forms,
    is_personal_role,
    repair_labels,
    state_noun_weight,
)


def tagged(text: str, tags: dict[str, str], doc: int = 0) -> list[Named]:
    """Every whole-word occurrence of each tagged name, with the NER label given for it."""
    out = [
        Named(doc, m.start(), m.end(), label)
        for name, label in tags.items()
        for m in re.finditer(rf"\b{re.escape(name)}\b", text)
    ]
    return sorted(out, key=lambda n: n.start)


def labels_of(texts: list[str], names: list[Named]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for n, label in zip(names, repair_labels(texts, names), strict=True):
        out.setdefault(texts[n.doc][n.start : n.end], set()).add(label)
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Borvania's border was closed.", 1.0),
        ("Borvania's new prime minister spoke first.", 1.0),
        ("Borvania's government rejected the offer.", 0.5),
        ("Borvania's chief negotiator left early.", 0.5),
        ("Borvania’s top diplomat flew home.", 0.5),
        ("Borvania's presidential runoff was close.", 1.0),
        ("Borvania's voters stayed home.", 0.5),
        ("Borvania's daughter left early.", 0.0),
        ("Borvania said the army was ready.", 0.0),
    ],
)
def test_resolve_types_possessive_state_noun(text: str, expected: float) -> None:
    assert state_noun_weight(text, len("Borvania")) == expected


def test_resolve_types_demonym_forms_follow_the_table() -> None:
    assert {"Borvanian", "Borvaniaese"} <= demonym_forms("Borvania")
    assert "Tarquese" in demonym_forms("Tarqua")
    assert demonym_forms("Ab") == set()


def test_resolve_types_demonym_makes_base_a_country_and_word_norp() -> None:
    text = "Talks with Zembla ended. A Zemblan negotiator left. Zembla said it would wait."
    names = tagged(text, {"Zembla": "PERSON", "Zemblan": "ORG"})
    assert labels_of([text], names) == {"Zembla": {"GPE"}, "Zemblan": {"NORP"}}


def test_resolve_types_possessive_and_preposition_outweigh_person_tags() -> None:
    text = "Quorvia's delegation arrived. Talks in Quorvia resume. Quorvia's army waits."
    names = tagged(text, {"Quorvia": "PERSON"})
    assert labels_of([text], names) == {"Quorvia": {"GPE"}}


def test_resolve_types_one_possessive_does_not_outvote_many_person_tags() -> None:
    text = "Merrow's envoy spoke. Merrow left. Merrow returned. Merrow laughed."
    names = tagged(text, {"Merrow": "PERSON"})
    assert labels_of([text], names) == {"Merrow": {"PERSON"}}


@pytest.mark.parametrize(
    ("joined", "expected"),
    [("Dravonia and Pellucia", "GPE"), ("Dravonia, then Pellucia", "PERSON")],
)
def test_resolve_types_coordination_with_a_country_propagates(joined: str, expected: str) -> None:
    text = f"Talks with {joined} ended. Dravonia's army left. Pellucia's army stayed. Pellucia won."
    names = tagged(text, {"Dravonia": "GPE", "Pellucia": "PERSON"})
    assert labels_of([text], names) == {"Dravonia": {"GPE"}, "Pellucia": {expected}}


def test_resolve_types_hyphenated_pair_counts_without_an_entity_for_the_second_name() -> None:
    text = "Sarnland-Ostmere talks. Ostmere's delegation left. Sarnland and Ostmere disagree."
    names = tagged(text, {"Ostmere": "PERSON", "Sarnland": "GPE"})
    assert labels_of([text], names)["Ostmere"] == {"GPE"}


@pytest.mark.parametrize(
    "text",
    [
        "President Halvik met reporters. Halvik's government fell. Talks in Halvik failed.",
        "Erik Halvik arrived. Halvik's government fell. Talks in Halvik failed.",
        "Jonas Brandt and Halvik met. Halvik's government fell. Talks in Halvik failed.",
    ],
)
def test_resolve_types_person_evidence_keeps_a_person(text: str) -> None:
    names = tagged(text, {"Halvik": "PERSON", "Erik Halvik": "PERSON", "Jonas Brandt": "PERSON"})
    names = [n for n in names if not any(o.start < n.start < o.end for o in names)]
    assert labels_of([text], names)["Halvik"] == {"PERSON"}


def test_resolve_types_one_name_one_type_among_things() -> None:
    text = "Talks in Port Arlen ended. Port Arlen is calm. Port Arlen hosted them."
    names = tagged(text, {"Port Arlen": "GPE"})
    names[1] = Named(0, names[1].start, names[1].end, "ORG")
    assert labels_of([text], names) == {"Port Arlen": {"GPE"}}


def test_resolve_types_known_demonym_is_norp() -> None:
    text = "The Ukrainian side agreed."
    names = tagged(text, {"Ukrainian": "ORG"})
    assert labels_of([text], names) == {"Ukrainian": {"NORP"}}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("who led the delegation", True),
        ("the foreign minister", True),
        ("the smaller of the two countries", False),
    ],
)
def test_resolve_types_personal_role(role: str, expected: bool) -> None:
    assert is_personal_role(role) is expected


def _analysis(text: str, tags: dict[str, str]) -> Analysis:
    article = Article.from_text(text)
    mentions = [
        Mention(
            mention_id(article.id, n.start, n.end),
            article.id,
            n.start,
            n.end,
            text[n.start : n.end],
            n.label,
            0,
        )
        for n in tagged(text, tags)
    ]
    return Analysis(article=article, sentences=[], mentions=mentions)


def test_resolve_types_demonym_in_one_article_types_the_name_in_another() -> None:
    first = _analysis("A Tavoran official spoke. Talks in Tavora ended.", {"Tavora": "GPE"})
    second = _analysis("Tavora wants more. Tavora will wait.", {"Tavora": "PERSON"})
    entities = resolve([first, second])
    assert [(e.name, e.type) for e in entities] == [("Tavora", "GPE")]
    assert {m.label for m in second.mentions} == {"GPE"}


def test_resolve_types_person_evidence_in_one_article_restores_a_person_in_another() -> None:
    first = _analysis("Dravik's envoy met them. Talks went on.", {"Dravik": "GPE"})
    second = _analysis("President Dravik spoke. Dravik left.", {"Dravik": "PERSON"})
    second.mentions[0].titles = ["President"]
    entities = resolve([first, second])
    assert {m.label for a in (first, second) for m in a.mentions} == {"PERSON"}
    assert all(e.type == "PERSON" for e in entities)


def test_resolve_types_known_place_in_a_person_name_stays_a_place() -> None:
    # A company the NER took for a person ("Nilecom Egypt") gives its words person evidence;
    # a known country among them must not become a person in every other article.
    first = "Nilecom Egypt restored service in Egypt on Monday."
    second = "Talks in Egypt ended. Egypt closed its border."
    names = tagged(first, {"Nilecom Egypt": "PERSON", "Egypt": "PERSON"})
    names = [n for n in names if not any(o.start < n.start < o.end for o in names)]
    names += tagged(second, {"Egypt": "GPE"}, doc=1)
    labels = repair_labels([first, second], names)
    assert [label for n, label in zip(names, labels, strict=True) if n.doc == 1] == ["GPE", "GPE"]


def test_resolve_types_leader_named_by_surname_keeps_person_tags() -> None:
    text = "Velt's government collapsed on Tuesday after Velt lost a confidence vote."
    names = tagged(text, {"Velt": "PERSON"})
    assert labels_of([text], names) == {"Velt": {"PERSON"}}


def test_resolve_types_plural_group_word_is_one_entity() -> None:
    first = _analysis("A Tavoran official spoke.", {"Tavoran": "NORP"})
    second = _analysis("The Tavorans objected. Swiss banks waited.", {"Tavorans": "NORP"})
    entities = resolve([first, second])
    assert [(e.name, e.type) for e in entities] == [("Tavoran", "NORP")]
    assert group_singular("Tavorans") == "tavoran"
    assert group_singular("Swiss") == "swiss"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ostmere, Sarnland sign pact. Sarnland's border opened.", "GPE"),
        ("This is serious, Sarnland, Ostmere. Sarnland's border opened.", "PERSON"),
    ],
)
def test_resolve_types_comma_joins_names_only_in_a_list_or_subject(
    text: str, expected: str
) -> None:
    names = tagged(text, {"Ostmere": "PERSON", "Sarnland": "GPE"})
    assert labels_of([text], names)["Ostmere"] == {expected}


def _within(inner: Named, outer: Named) -> bool:
    """A shorter name inside a longer one (the NER tags the longest span only)."""
    return outer is not inner and outer.start <= inner.start and inner.end <= outer.end


@pytest.mark.parametrize(
    "text",
    [
        "Marvel beat the Tarkons 20-13. The Tarkons lost their third game; Tarkons fans left.",
        # a person beside it, or the NER's longer "person" holding the word, is no person
        # evidence for a name written "the Xs" in most uses
        "The Tarkons and Ivo Brandt lost. The Tarkons fell; the Tarkons left; Tarkons QB Ivo"
        " Brandt fumbled.",
    ],
)
def test_resolve_types_plural_name_after_the_is_an_organisation(text: str) -> None:
    # the small model tags team names PERSON by their shape ("the Colts", "the Jaguars")
    tags = {"Tarkons QB Ivo Brandt": "PERSON", "Ivo Brandt": "PERSON", "Tarkons": "PERSON"}
    names = tagged(text, {**tags, "Marvel": "PERSON"})
    names = [n for n in names if not any(_within(n, o) for o in names)]
    assert labels_of([text], names)["Tarkons"] == {"ORG"}


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # a surname ending in -s, written bare most of the time, stays a person
        (
            "Ardams said the bill would pass. Ardams voted yes, and the Ardams amendment failed.",
            "Ardams",
            "PERSON",
        ),
        # a people tagged NORP stays NORP
        ("The Varnaks protested. The Varnaks marched again.", "Varnaks", "NORP"),
    ],
)
def test_resolve_types_plural_after_the_needs_most_uses(text: str, name: str, label: str) -> None:
    names = tagged(text, {name: label})
    assert labels_of([text], names)[name] == {label}


def test_resolve_types_name_after_a_ship_noun_is_a_vessel_in_every_report() -> None:
    first = "Passengers of the ferry Varnek fled. Varnek burned for hours; Varnek sank."
    second = "The Varnek had passed an inspection, the harbour master said."
    names = tagged(first, {"Varnek": "PERSON"}) + tagged(second, {"Varnek": "ORG"}, doc=1)
    assert labels_of([first, second], names) == {"Varnek": {"FAC"}}
    # one apposition says what the name is, however often it is written bare
    text = "The Santa Mira sank. Police held the captain of the Santa Mira, the ferry that sank."
    text += " The Santa Mira carried 90. The Santa Mira was old. Survivors of the Santa Mira met."
    names = tagged(text, {"Santa Mira": "ORG"})
    assert labels_of([text], names) == {"Santa Mira": {"FAC"}}
    # a one-word name that ends the ship's name, with no title of its own, is the ship too
    first = "A naval ship, INS Tarka, foiled an attack. INS Tarka sailed on."
    second = "Tarka fired warning shots. The pirates fled from Tarka."
    names = tagged(first, {"INS Tarka": "PERSON"}) + tagged(second, {"Tarka": "PERSON"}, doc=1)
    assert labels_of([first, second], names) == {"INS Tarka": {"FAC"}, "Tarka": {"FAC"}}
    # a person with a title keeps being one, even after "boat": "the boat Captain Lena Varnek"
    text = "Captain Lena Varnek steered the boat. The boat Varnek owned sank."
    names = tagged(text, {"Lena Varnek": "PERSON"}) + tagged(text, {"Varnek": "PERSON"})
    names = [n for n in names if not any(o.start < n.start < o.end for o in names)]
    names[0].titled = True
    assert labels_of([text], names)["Varnek"] == {"PERSON"}


def test_resolve_types_name_beside_an_organisation_noun_is_an_organisation() -> None:
    first = "The operator, Cova Lines, did not respond. Cova Lines ran four boats."
    second = "Passengers said Cova Lines had cut crews. Cova Lines paid. Cova Lines hired."
    names = tagged(first, {"Cova Lines": "GPE"}) + tagged(second, {"Cova Lines": "GPE"}, doc=1)
    assert labels_of([first, second], names) == {"Cova Lines": {"ORG"}}
    # apposition after the name, the noun its head; a one-word name right after the noun
    text = "According to Velbrand, the largest IT website in Ostravia, telecom operator Marlo fell."
    names = tagged(text, {"Velbrand": "PERSON", "Marlo": "PERSON"})
    assert labels_of([text], names) == {"Velbrand": {"ORG"}, "Marlo": {"ORG"}}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the noun is no head of the apposition: a bank's employee is a person
        ("Ilse Varn, a bank employee, said it was late. Ilse Varn left.", "Ilse Varn"),
        # a full name after an occupation, or a full name tagged PERSON, is the person
        ("Radio operator Tom Hale called. Tom Hale, the ferry operator, said so.", "Tom Hale"),
        # "a group of" opens the next clause, it is no apposition
        ("In the hall of Orlek, a group of senators met. Orlek spoke.", "Orlek"),
        # the apposition's head, not a word after it: "that sank" is no noun
        ("Hale, a bank employee that left, spoke. Hale smiled.", "Hale"),
        # the name is no apposition when no comma closes it: a quote tag
        ("The company, Lena Varn said, will grow. Lena Varn smiled.", "Lena Varn"),
        # people are talked about ("pressure on X", "reported on X's arrest"), never said on
        ("Pressure on Varn grew. Varn refused to resign.", "Varn"),
        ("The paper said on Varn's behalf that he would stay. Varn left.", "Varn"),
        ("The police commented on Varn. The paper reported on Varn. Varn left.", "Varn"),
        # the name possesses the account, it is not the medium: "Varn's account"
        ("Varn's account of the night differs. Varn said so.", "Varn"),
        # a medium noun with no possessor before the name: "the Varn page" says nothing
        ("The Varn page was quiet. Varn spoke.", "Varn"),
    ],
)
def test_resolve_types_people_beside_organisation_or_medium_words_stay_people(
    text: str, name: str
) -> None:
    names = tagged(text, {name: "PERSON"})
    assert labels_of([text], names) == {name: {"PERSON"}}


def test_resolve_types_name_after_a_place_noun_and_of_is_a_place_in_every_report() -> None:
    first = "Fire broke out off the island of Tarvo. Six were taken to Tarvo's hospital."
    second = "Tarvo was cut off for a day, officials said."
    names = tagged(first, {"Tarvo": "FAC"}) + tagged(second, {"Tarvo": "PERSON"}, doc=1)
    assert labels_of([first, second], names) == {"Tarvo": {"GPE"}}
    # the first word of a longer name is not the place ("the city of Tarvo Heights"); an
    # institution ("the University of Tarvo") is no place noun; a titled person stays one
    text = "Floods reached the city of Tarvo Heights and the University of Maelor."
    names = tagged(text, {"Tarvo": "ORG", "Maelor": "ORG"})
    assert labels_of([text], names) == {"Tarvo": {"ORG"}, "Maelor": {"ORG"}}
    text = "Mayor Ilse Kerrow spoke. The town of Kerrow is named after her family; Kerrow smiled."
    names = tagged(text, {"Ilse Kerrow": "PERSON"}) + tagged(text, {"Kerrow": "PERSON"})
    names = [n for n in names if not any(o.start < n.start < o.end for o in names)]
    names[0].titled = True
    assert labels_of([text], names)["Kerrow"] == {"PERSON"}


def test_resolve_types_full_name_mostly_tagged_person_is_a_person_everywhere() -> None:
    text = "Mayor Nadia Orlova won. Nadia Orlova thanked voters. Nadia Orlova will be sworn in."
    names = tagged(text, {"Nadia Orlova": "PERSON"})
    names[0].titled = True  # the analyse stage found her title
    names[2] = Named(0, names[2].start, names[2].end, "ORG")  # the small model's odd slip
    assert labels_of([text], names) == {"Nadia Orlova": {"PERSON"}}
    # a name tagged ORG as often as PERSON is left as tagged: the tags say nothing
    names[1] = Named(0, names[1].start, names[1].end, "ORG")
    assert labels_of([text], names) == {"Nadia Orlova": {"PERSON", "ORG"}}


def test_resolve_types_name_used_as_a_medium_is_an_organisation_in_every_report() -> None:
    # the small model tags an unfamiliar service's name PERSON by its shape; "said on X" and
    # "her X feed" say what it is, once is enough, and every report follows
    first = "Mayor Ilse Kerrow said on Chirpr that the bridge would reopen."
    second = "Kerrow made the announcement via her Chirpr feed. Chirpr users cheered."
    third = "On its Chirpr account, the operator apologised. Chirpr was down for an hour."
    names = (
        tagged(first, {"Chirpr": "PERSON"})
        + tagged(second, {"Chirpr": "PERSON"}, doc=1)
        + tagged(third, {"Chirpr": "PERSON"}, doc=2)
    )
    assert labels_of([first, second, third], names) == {"Chirpr": {"ORG"}}


def test_resolve_types_medium_use_gives_way_to_person_evidence() -> None:
    # a titled person whose name happens to stand after "said on" stays a person
    text = "Senator Oprin spoke. The host said on Oprin that ratings rose. Oprin smiled."
    names = tagged(text, {"Oprin": "PERSON"})
    names[0].titled = True
    assert labels_of([text], names) == {"Oprin": {"PERSON"}}
