"""Actor affiliations (``accord.events.affiliation``) end to end through the events component,
on hand-made sentences: the sector and country each actor's phrase names (its head, modifiers,
a title, an "of" or "from" phrase, an organisation's own words)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from accord.events.affiliation import sector_words

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow

Actor = tuple[str, str | None, str | None]  # text, sector, country


def _actors(nlp: Language, text: str) -> tuple[list[Actor], list[Actor]]:
    doc = nlp.make_doc(text)
    doc._.accord_article = "art1"
    doc._.accord_published = "2031-05-06"
    event = nlp(doc)._.accord_events[0]
    return (
        list(zip(event.source_text, event.source_sectors, event.source_countries, strict=True)),
        list(zip(event.target_text, event.target_sectors, event.target_countries, strict=True)),
    )


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # the phrase's head names the sector; a nationality or a state names none
        (
            "Russian officials rejected the Norwegian proposal on Monday.",
            [("Russian", "GOV", "RU")],
            [("Norwegian", None, "NO")],
        ),
        (
            "Norway rejected the Chilean proposal on Monday.",
            [("Norway", None, "NO")],
            [("Chilean", None, "CL")],
        ),
        # a generic head ("leader", "spokesman") yields to its modifier
        (
            "Chilean rebel leaders rejected the Norwegian proposal on Monday.",
            [("Chilean", "REB", "CL")],
            [("Norwegian", None, "NO")],
        ),
        (
            "A Chilean police spokesman accused Norwegian fishermen of smuggling.",
            [("Chilean", "COP", "CL")],
            [("Norwegian", None, "NO")],
        ),
        (
            "The Norwegian army shelled positions of Chilean rebels near the border.",
            [("Norwegian", "MIL", "NO")],
            [("Chilean", "REB", "CL")],
        ),
        # the people "from" a country act for it
        (
            "Negotiators from Chile and Norway met in Lima on Friday.",
            [("Chile", "GOV", "CL"), ("Norway", "GOV", "NO")],
            [],
        ),
        # a person's title and nationality, also inside an "of" phrase
        (
            "Serbian President Vojislav Kostunica rejected the Norwegian proposal.",
            [("Vojislav Kostunica", "GOV", "RS")],
            [("Norwegian", None, "NO")],
        ),
        (
            "Students demanded the resignation of President Jonas Berg.",
            [("Students", "EDU", None)],
            [("Jonas Berg", "GOV", None)],
        ),
        # an "of" phrase's head speaks for the entity by its own words only: the police
        # killing of someone does not make them police
        (
            "Chile condemned the police killing of Jonas Berg.",
            [("Chile", None, "CL")],
            [("Jonas Berg", None, None)],
        ),
        # actors named by what they are, where no name is given: the words as the actor
        (
            "Rebels in Chile blocked the main roads on Tuesday.",
            [("Rebels", "REB", "CL")],
            [("Chile", None, "CL")],
        ),
        (
            "Police fired on Norwegian protesters on Monday.",
            [("Police", "COP", None)],
            [("Norwegian", "CVL", "NO")],
        ),
        # a dateline's dash is no hyphen of the phrase; a hyphenated modifier is part of it
        (
            "OSLO - Riot police fired on protesters on Monday.",
            [("Riot police", "COP", None)],
            [("protesters", "CVL", None)],
        ),
        (
            "Low-level officials rejected the proposal on Monday.",
            [("Low-level officials", "GOV", None)],
            [],
        ),
        (
            "The plan was rejected by the government on Monday.",
            [("government", "GOV", None)],
            [],
        ),
        # party members
        (
            "Republicans rejected the Chilean proposal on Monday.",
            [("Republicans", "PTY", None)],
            [("Chilean", None, "CL")],
        ),
        # an organisation's own words; a country by its official name
        (
            "The Serbian Workers' Union rejected the Norwegian proposal on Monday.",
            [("Serbian Workers' Union", "LAB", "RS")],
            [("Norwegian", None, "NO")],
        ),
        (
            "The Hellenic Republic rejected the Norwegian proposal on Monday.",
            [("Hellenic Republic", None, "GR")],
            [("Norwegian", None, "NO")],
        ),
    ],
)
def test_events_affiliation(
    nlp: Language, text: str, source: list[Actor], target: list[Actor]
) -> None:
    assert _actors(nlp, text) == (source, target)


def test_events_affiliation_sector_table() -> None:
    codes = {code for code, _ in sector_words().values()}
    assert {"GOV", "MIL", "REB", "COP", "OPP", "CVL", "LAB", "JUD", "LEG"} <= codes
    assert sector_words()["official"] == ("GOV", True)  # weak: "military official" is MIL
    assert sector_words()["leader"] == ("GOV", True)
    assert sector_words()["member"] == (None, True)
