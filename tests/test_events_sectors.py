"""Actor sectors (``accord.events.sectors``) end to end through the events component, on
hand-made sentences: the head of the actor's phrase, its modifiers, a title, an "of" phrase."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from accord.events.sectors import sector_words

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow


def _actors(nlp: Language, text: str) -> tuple[list[tuple[str, str | None]], ...]:
    doc = nlp.make_doc(text)
    doc._.accord_article = "art1"
    doc._.accord_published = "2031-05-06"
    event = nlp(doc)._.accord_events[0]
    return (
        list(zip(event.source_text, event.source_sectors, strict=True)),
        list(zip(event.target_text, event.target_sectors, strict=True)),
    )


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # the phrase's head names the sector; a nationality or a state names none
        (
            "Russian officials rejected the Norwegian proposal on Monday.",
            [("Russian", "GOV")],
            [("Norwegian", None)],
        ),
        (
            "Norway rejected the Chilean proposal on Monday.",
            [("Norway", None)],
            [("Chilean", None)],
        ),
        # a generic head ("leader", "spokesman") yields to its modifier
        (
            "Chilean rebel leaders rejected the Norwegian proposal on Monday.",
            [("Chilean", "REB")],
            [("Norwegian", None)],
        ),
        (
            "A Chilean police spokesman accused Norwegian fishermen of smuggling.",
            [("Chilean", "COP")],
            [("Norwegian", None)],
        ),
        (
            "The Norwegian army shelled positions of Chilean rebels near the border.",
            [("Norwegian", "MIL")],
            [("Chilean", "REB")],
        ),
        # the people "from" a country act for it
        (
            "Negotiators from Chile and Norway met in Lima on Friday.",
            [("Chile", "GOV"), ("Norway", "GOV")],
            [],
        ),
        # a person's title, also inside an "of" phrase; an organisation's own words
        (
            "Serbian President Vojislav Kostunica rejected the Norwegian proposal.",
            [("Vojislav Kostunica", "GOV")],
            [("Norwegian", None)],
        ),
        ("Students demanded the resignation of President Jonas Berg.", [], [("Jonas Berg", "GOV")]),
        (
            "The Serbian Workers' Union rejected the Norwegian proposal on Monday.",
            [("Serbian Workers' Union", "LAB")],
            [("Norwegian", None)],
        ),
    ],
)
def test_events_sectors(
    nlp: Language,
    text: str,
    source: list[tuple[str, str | None]],
    target: list[tuple[str, str | None]],
) -> None:
    assert _actors(nlp, text) == (source, target)


def test_events_sectors_table_codes() -> None:
    codes = {code for code, _ in sector_words().values()}
    assert {"GOV", "MIL", "REB", "COP", "OPP", "CVL", "LAB", "JUD", "LEG"} <= codes
    assert sector_words()["official"] == ("GOV", True)  # weak: "military official" is MIL
    assert sector_words()["leader"] == ("GOV", True)
    assert sector_words()["member"] == (None, True)
