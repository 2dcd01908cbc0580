"""A small, wholly fictional :class:`~accord.model.Result` for demos and tests of the web app.

Every name, place and event here is invented. The offsets are computed from the texts, so the
sample obeys the model's span contract (``span.text == article.text[start:end]``) and can be
stored, exported and rendered like real output without running spaCy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from accord.model import (
    Analysis,
    Article,
    Conflict,
    Entity,
    Event,
    Fact,
    Mention,
    MergeEvidence,
    Provenance,
    Quote,
    Result,
    Sentence,
    Skipped,
    Span,
    Story,
    mention_id,
)

T = TypeVar("T")

_TEXTS = {
    "a1": (
        "Valdoria and Kesh agree to reopen border talks\n"
        "Foreign Minister Ilvana Trosk met Marek Odvin in Lissar on Monday. "
        "\u201cThe crossing will open within a week,\u201d Trosk said. "
        "The Northern Accord Council welcomed the meeting."
    ),
    "a2": (
        "Border talks resume in Lissar\n"
        "Ilvana Troskova, Valdoria's foreign minister, held talks with Marek Odvin in Lissar. "
        "\u201cWe are not in a hurry,\u201d Odvin said. "
        "The crossing will open within a month, officials in Kesh said."
    ),
    "a3": (
        "Harvest festival draws crowds in Pellin\n"
        "Thousands visited the harvest festival in Pellin on Saturday. "
        "Mayor Sabet Oru said the fair would return next year."
    ),
}
_META = {
    "a1": ("Valdoria and Kesh agree to reopen border talks", "The Lissar Herald", "2031-04-07"),
    "a2": ("Border talks resume in Lissar", "Kesh Daily", "2031-04-08"),
    "a3": ("Harvest festival draws crowds in Pellin", "Pellin Post", "2031-05-03"),
}
# (article key, surface text, occurrence, label, entity id, titles)
_MENTIONS: list[tuple[str, str, int, str, str, list[str]]] = [
    ("a1", "Valdoria", 0, "GPE", "E3", []),
    ("a1", "Kesh", 0, "GPE", "E4", []),
    ("a1", "Ilvana Trosk", 0, "PERSON", "E1", ["Foreign Minister"]),
    ("a1", "Marek Odvin", 0, "PERSON", "E2", []),
    ("a1", "Lissar", 0, "GPE", "E5", []),
    ("a1", "Trosk", 1, "PERSON", "E1", []),
    ("a1", "Northern Accord Council", 0, "ORG", "E6", []),
    ("a2", "Lissar", 0, "GPE", "E5", []),
    ("a2", "Ilvana Troskova", 0, "PERSON", "E1", ["foreign minister"]),
    ("a2", "Valdoria", 0, "GPE", "E3", []),
    ("a2", "Marek Odvin", 0, "PERSON", "E2", []),
    ("a2", "Lissar", 1, "GPE", "E5", []),
    ("a2", "Odvin", 1, "PERSON", "E2", []),
    ("a2", "Kesh", 0, "GPE", "E4", []),
    ("a3", "Pellin", 0, "GPE", "E7", []),
    ("a3", "Pellin", 1, "GPE", "E7", []),
    ("a3", "Sabet Oru", 0, "PERSON", "E8", ["Mayor"]),
]
_ENTITIES = [
    (
        "E1",
        "Ilvana Trosk",
        "PERSON",
        ["Ilvana Trosk", "Trosk", "Ilvana Troskova"],
        ["Foreign Minister"],
    ),
    ("E2", "Marek Odvin", "PERSON", ["Marek Odvin", "Odvin"], []),
    ("E3", "Valdoria", "GPE", ["Valdoria"], []),
    ("E4", "Kesh", "GPE", ["Kesh"], []),
    ("E5", "Lissar", "GPE", ["Lissar"], []),
    ("E6", "Northern Accord Council", "ORG", ["Northern Accord Council"], []),
    ("E7", "Pellin", "GPE", ["Pellin"], []),
    ("E8", "Sabet Oru", "PERSON", ["Sabet Oru"], ["Mayor"]),
]


def find(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th appearance of ``needle`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _articles() -> dict[str, Article]:
    out = {}
    for key, text in _TEXTS.items():
        title, outlet, published = _META[key]
        out[key] = Article.from_text(
            text,
            title=title,
            outlet=outlet,
            published=published,
            language="en",
            url=f"https://news.example/{key}",
            path=f"{key}.txt",
            provenance=Provenance(source_format="text"),
        )
    return out


def _sentences(text: str) -> list[Sentence]:
    """Sentence boundaries at line breaks and after ``. `` (good enough for the sample texts)."""
    out: list[Sentence] = []
    start = 0
    for i, char in enumerate(text):
        if char == "\n" or (char == " " and text[i - 1] == "."):
            out.append(Sentence(start, i))
            start = i + 1
    out.append(Sentence(start, len(text)))
    return out


def _sentence_of(sentences: list[Sentence], offset: int) -> int:
    return next(i for i, s in enumerate(sentences) if s.start <= offset <= s.end)


def _mentions(articles: dict[str, Article]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {key: [] for key in articles}
    for key, surface, occurrence, label, entity, titles in _MENTIONS:
        art = articles[key]
        start, end = find(art.text, surface, occurrence)
        out[key].append(
            Mention(
                id=mention_id(art.id, start, end),
                article=art.id,
                start=start,
                end=end,
                text=surface,
                label=label,
                sentence=_sentence_of(_sentences(art.text), start),
                titles=titles,
                entity=entity,
            )
        )
    return out


def _span(art: Article, needle: str, occurrence: int = 0) -> Span:
    start, end = find(art.text, needle, occurrence)
    return Span(art.id, start, end, needle)


def located(cls: Callable[..., T], art: Article, item_id: str, needle: str, **fields: Any) -> T:
    """A quote, event or mention (``cls``) with id ``item_id`` at the first ``needle`` of ``art``."""
    start, end = find(art.text, needle)
    return cls(item_id, art.id, start, end, needle, **fields)


def _quotes(arts: dict[str, Article]) -> dict[str, list[Quote]]:
    week, hurry = "The crossing will open within a week,", "We are not in a hurry,"
    return {
        "a1": [
            located(Quote, arts["a1"], "Q1", week, speaker="E1", speaker_text="Trosk", cue="said")
        ],
        "a2": [
            located(Quote, arts["a2"], "Q2", hurry, speaker="E2", speaker_text="Odvin", cue="said")
        ],
        "a3": [],
    }


def _talks() -> dict[str, Any]:
    """What the two reports of the Trosk-Odvin meeting (events V1 and V2) share."""
    return {
        "type": "CONSULT",
        "source": ["E1"],
        "target": ["E2"],
        "target_text": ["Marek Odvin"],
        "source_sectors": ["GOV"],
        "target_sectors": [None],
        "location": "E5",
        "facts": ["F1"],
    }


def _events(arts: dict[str, Article]) -> dict[str, list[Event]]:
    met, held = "Ilvana Trosk met Marek Odvin", "held talks with Marek Odvin"
    return {
        "a1": [
            located(
                Event,
                arts["a1"],
                "V1",
                met,
                mode="visit",
                source_text=["Ilvana Trosk"],
                date="2031-04-07",
                **_talks(),
            )
        ],
        "a2": [located(Event, arts["a2"], "V2", held, source_text=["Ilvana Troskova"], **_talks())],
        "a3": [],
    }


def _entities(mentions: dict[str, list[Mention]]) -> list[Entity]:
    entities = []
    for eid, name, etype, aliases, roles in _ENTITIES:
        spans = [
            Span(m.article, m.start, m.end, m.text)
            for ms in mentions.values()
            for m in ms
            if m.entity == eid
        ]
        entities.append(Entity(eid, name, etype, aliases=aliases, roles=roles, mentions=spans))
    entities[0].evidence = [
        MergeEvidence(
            "Ilvana Trosk",
            "Ilvana Troskova",
            "transliteration",
            0.93,
            "same given name; surnames differ by a feminine suffix",
        ),
        MergeEvidence(
            "Ilvana Trosk", "Trosk", "surname", 1.0, "surname of a full name in the article"
        ),
    ]
    entities[2].links = {"geonames": "9990001"}
    return entities


def _facts(arts: dict[str, Article]) -> list[Fact]:
    a1, a2, a3 = arts["a1"], arts["a2"], arts["a3"]
    week = _span(a1, "The crossing will open within a week,")
    month = _span(a2, "The crossing will open within a month, officials in Kesh said.")
    return [
        Fact(
            "F1",
            "Ilvana Trosk met Marek Odvin in Lissar",
            "CONSULT",
            "corroborated",
            support=[
                _span(a1, "Foreign Minister Ilvana Trosk met Marek Odvin in Lissar on Monday."),
                _span(
                    a2,
                    "Ilvana Troskova, Valdoria's foreign minister, held talks with "
                    "Marek Odvin in Lissar.",
                ),
            ],
            story="S1",
            events=["V1", "V2"],
        ),
        Fact(
            "F2",
            "The border crossing will reopen",
            "ANNOUNCE",
            "conflicting",
            support=[week],
            conflicts=[
                Conflict(
                    month.article,
                    month.start,
                    month.end,
                    month.text,
                    reason="within a week vs within a month",
                )
            ],
            story="S1",
        ),
        Fact(
            "F3",
            "The Northern Accord Council welcomed the meeting",
            "SUPPORT",
            "single_source",
            support=[_span(a1, "The Northern Accord Council welcomed the meeting.")],
            story="S1",
        ),
        Fact(
            "F4",
            "The harvest festival will return next year",
            "ANNOUNCE",
            "single_source",
            support=[_span(a3, "Mayor Sabet Oru said the fair would return next year.")],
            story="S2",
        ),
    ]


def sample_result() -> Result:
    """Three fictional articles in two stories, with entities, quotes, events and facts."""
    arts = _articles()
    mentions = _mentions(arts)
    quotes, events = _quotes(arts), _events(arts)
    analyses = [
        Analysis(
            article=art,
            sentences=_sentences(art.text),
            mentions=mentions[key],
            quotes=quotes[key],
            events=events[key],
        )
        for key, art in arts.items()
    ]
    stories = [
        Story("S1", "Valdoria and Kesh border talks", articles=[arts["a1"].id, arts["a2"].id]),
        Story("S2", "Pellin harvest festival", articles=[arts["a3"].id]),
    ]
    return Result(
        analyses=analyses,
        entities=_entities(mentions),
        facts=_facts(arts),
        stories=stories,
        skipped=[Skipped(path="feeds/broken.json", reason="invalid JSON", line=3)],
    )
