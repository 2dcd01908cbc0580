"""Helpers for the store tests: the database backends to run on and a hand-built Result.

Every name and event here is invented. PostgreSQL runs only when ``ACCORD_TEST_POSTGRES_URL``
is set (``.ci/postgres.sh`` prints one); each test then gets its own PostgreSQL schema.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

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
    TimeExpression,
    mention_id,
)
from accord.store import normalise_url

POSTGRES_URL = os.environ.get("ACCORD_TEST_POSTGRES_URL")

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgres",
        id="postgres",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(not POSTGRES_URL, reason="ACCORD_TEST_POSTGRES_URL is not set"),
        ],
    ),
]


@contextmanager
def database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database: a SQLite file, or a fresh schema in the test PostgreSQL."""
    if backend == "sqlite":
        yield str(tmp_path / "accord.db")
        return
    assert POSTGRES_URL is not None
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalise_url(POSTGRES_URL))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = normalise_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _span(article: Article, needle: str, after: int = 0) -> tuple[int, int, str]:
    start = article.text.index(needle, after)
    return start, start + len(needle), needle


def _article_one() -> Article:
    text = (
        "Varnek and Quill meet in Port Evander\n"
        "Trade Minister Aldo Varnek met Chair Seraphine Quill in Port Evander on 3 May. "
        "“We will reopen the grain corridor,” Varnek said. "
        "Quill’s office said the talks would resume «soon» — Ѳеодоръ 🌾."
    )
    return Article.from_text(
        text,
        title="Varnek and Quill meet in Port Evander",
        outlet="The Evander Ledger",
        url="https://ledger.example/varnek-quill",
        published="2031-05-03",
        language="en",
        source_id="ledger-17",
        path="feeds/ledger.jsonl",
        provenance=Provenance(
            source_format="jsonl",
            attributed_to="Ledger wire",
            removed=["About the author: ..."],
            duplicate_sentences=["Varnek arrived on Monday."],
            warnings=["invalid UTF-8 replaced"],
            extra={"section": "world", "tags": ["trade", 3, None, {"nested": 1.5}]},
        ),
        skip_ranges=[(5, 9), (40, 44)],
    )


def _article_two() -> Article:
    text = (
        "Quill denies corridor deal\n"
        "Chair Seraphine Quill denied that a corridor deal was reached, "
        "the Harbour Times reported on Tuesday."
    )
    return Article.from_text(text, outlet="Harbour Times", published="2031-05-04")


def _sentences(article: Article) -> list[Sentence]:
    """The headline, then each ". "-separated sentence of the body (good enough for fixtures)."""
    headline_end = article.text.index("\n")
    sentences = [Sentence(0, headline_end, 0)]
    start = headline_end + 1
    while start < len(article.text):
        end = article.text.find(". ", start)
        end = len(article.text) if end == -1 else end + 1
        sentences.append(Sentence(start, end, 1))
        start = end + 1
    return sentences


def _mention(article: Article, needle: str, label: str, **extra: Any) -> Mention:
    start, end, found = _span(article, needle)
    return Mention(
        id=mention_id(article.id, start, end),
        article=article.id,
        start=start,
        end=end,
        text=found,
        label=label,
        sentence=extra.pop("sentence", 1),
        **extra,
    )


def _analysis_one(article: Article) -> Analysis:
    varnek = _mention(
        article, "Aldo Varnek", "PERSON", chain=0, titles=["Trade Minister"], entity="E1"
    )
    quill = _mention(
        article, "Seraphine Quill", "PERSON", chain=1, roles=["chair of the council"], entity="E2"
    )
    port = _mention(article, "Port Evander", "GPE", sentence=0, entity="E3")
    q_start, q_end, q_text = _span(article, "We will reopen the grain corridor,")
    e_start, e_end, e_text = _span(article, "met Chair Seraphine Quill")
    t_start, t_end, t_text = _span(article, "3 May")
    return Analysis(
        article=article,
        sentences=_sentences(article),
        mentions=[varnek, quill, port],
        times=[
            TimeExpression(article.id, t_start, t_end, t_text, "2031-05-03"),
            TimeExpression(article.id, 0, 6, article.text[0:6], None, grain="relative"),
        ],
        quotes=[
            Quote(
                id=f"{article.id}:q0",
                article=article.id,
                start=q_start,
                end=q_end,
                text=q_text,
                speaker="E1",
                speaker_text="Varnek",
                cue="said",
                kind="direct",
                speaker_mention=varnek.id,
            ),
            Quote(f"{article.id}:q1", article.id, 0, 6, article.text[0:6], kind="scare"),
        ],
        events=[
            Event(
                id=f"{article.id}:e0",
                article=article.id,
                start=e_start,
                end=e_end,
                text=e_text,
                type="CONSULT",
                mode="meet",
                source=["E1"],
                target=["E2"],
                source_text=["Aldo Varnek"],
                target_text=["Seraphine Quill"],
                location="E3",
                date="2031-05-03",
                quantity="two",
                negated=False,
                confidence=0.875,
                method="rules",
                facts=["F1"],
            )
        ],
    )


def _analysis_two(article: Article) -> Analysis:
    quill = _mention(article, "Seraphine Quill", "PERSON", entity="E2")
    e_start, e_end, e_text = _span(article, "denied that a corridor deal was reached")
    return Analysis(
        article=article,
        sentences=_sentences(article),
        mentions=[quill],
        events=[
            Event(
                f"{article.id}:e0",
                article.id,
                e_start,
                e_end,
                e_text,
                "REJECT",
                source=["E2"],
                negated=True,
                confidence=0.5,
                method="model",
            )
        ],
    )


def _entity_span(article: Article, needle: str) -> Span:
    return Span(article.id, *_span(article, needle))


def _entities(one: Article, two: Article) -> list[Entity]:
    return [
        Entity(
            id="E1",
            name="Aldo Varnek",
            type="PERSON",
            aliases=["Aldo Varnek", "Varnek", "Альдо Варнек"],
            roles=["Trade Minister"],
            mentions=[_entity_span(one, "Aldo Varnek"), _entity_span(one, "Varnek said")],
            links={"kb": "X-101"},
            evidence=[MergeEvidence("Aldo Varnek", "Альдо Варнек", "transliteration", 0.93, "ok")],
        ),
        Entity(
            id="E2",
            name="Seraphine Quill",
            type="PERSON",
            mentions=[_entity_span(one, "Seraphine Quill"), _entity_span(two, "Seraphine Quill")],
        ),
        Entity(id="E3", name="Port Evander", type="GPE", links={"geonames": "0000001"}),
    ]


def _facts(one: Article, two: Article) -> list[Fact]:
    support = _entity_span(one, "met Chair Seraphine Quill in Port Evander")
    conflict = Conflict(two.id, *_span(two, "denied that a corridor deal was reached"), "negated")
    return [
        Fact(
            "F1",
            "Varnek met Quill in Port Evander",
            "CONSULT",
            "single_source",
            support=[support],
            story="S1",
            events=[f"{one.id}:e0"],
        ),
        Fact(
            "F2",
            "A corridor deal was reached",
            "AGREE",
            "conflicting",
            support=[_entity_span(one, "We will reopen the grain corridor")],
            conflicts=[conflict],
            story="S1",
        ),
        Fact("F3", "Talks resume", "CONSULT", "corroborated"),
    ]


def make_result() -> Result:
    """Two articles about an invented meeting, with every model field filled in somewhere."""
    one, two = _article_one(), _article_two()
    return Result(
        analyses=[_analysis_one(one), _analysis_two(two)],
        entities=_entities(one, two),
        facts=_facts(one, two),
        stories=[
            Story(
                "S1", "Varnek–Quill talks", articles=[one.id, two.id], duplicates={two.id: one.id}
            ),
            Story("S2", "Empty story"),
        ],
        skipped=[Skipped("feeds/broken.json", "not JSON", line=4), Skipped("x.pdf", "unsupported")],
    )
