"""Helpers for the store tests: the database backends to run on and a Result to store.

The Result is the web app's fictional sample plus one article that fills in every field the
sample leaves at its default. Every name and event here is invented. PostgreSQL runs only when ``ACCORD_TEST_POSTGRES_URL``
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
    Event,
    Fact,
    Mention,
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
from accord.web.sample import find, located, sample_result

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


def _mention(article: Article, needle: str, label: str, **extra: Any) -> Mention:
    start, end = find(article.text, needle)
    return Mention(
        mention_id(article.id, start, end), article.id, start, end, needle, label, 1, **extra
    )


def _wire_copy() -> Analysis:
    """A wire copy of the sample's first story, filling in what the sample leaves at defaults:
    non-ASCII text, full provenance, skip ranges, times, a scare quote, resolution mention ids."""
    text = (
        "Trosk and Odvin meet «again» — Ѳеодоръ 🌾\n"
        "Foreign Minister Ilvana Trosk met Marek Odvin in Lissar on 3 May. "
        "\u201cWe will reopen the crossing,\u201d Trosk said. Odvin\u2019s office called it a step."
    )
    article = Article.from_text(
        text,
        title="Trosk and Odvin meet «again»",
        outlet="Lissar Wire",
        url="https://wire.example/trosk-odvin",
        published="2031-05-03",
        language="en",
        source_id="wire-17",
        path="feeds/wire.jsonl",
        provenance=Provenance(
            source_format="jsonl",
            attributed_to="Lissar wire",
            removed=["About the author: ..."],
            duplicate_sentences=["Trosk arrived on Monday."],
            warnings=["invalid UTF-8 replaced"],
            extra={"section": "world", "tags": ["talks", 3, None, {"nested": 1.5}]},
        ),
        skip_ranges=[(5, 9), (40, 44)],
    )
    trosk = _mention(article, "Ilvana Trosk", "PERSON", chain=0, titles=["Minister"], entity="E1")
    odvin = _mention(article, "Marek Odvin", "PERSON", chain=1, roles=["envoy"], entity="E2")
    lissar = _mention(article, "Lissar", "GPE", entity="E5")
    (t_start, t_end), day = find(text, "3 May"), "2031-05-03"
    return Analysis(
        article=article,
        sentences=[Sentence(0, text.index("\n"), 0), Sentence(text.index("\n") + 1, len(text), 1)],
        mentions=[trosk, odvin, lissar],
        times=[
            TimeExpression(article.id, t_start, t_end, "3 May", day),
            TimeExpression(article.id, 0, 5, "Trosk", None, grain="relative"),
        ],
        quotes=[
            located(
                Quote,
                article,
                f"{article.id}:q0",
                "We will reopen the crossing,",
                speaker="E1",
                speaker_text="Trosk",
                cue="said",
                speaker_mention=trosk.id,
            ),
            located(Quote, article, f"{article.id}:q1", "again", kind="scare"),
        ],
        events=[
            located(
                Event,
                article,
                f"{article.id}:e0",
                "Ilvana Trosk met Marek Odvin",
                type="CONSULT",
                mode="meet",
                source=["E1"],
                target=["E2"],
                source_text=["Ilvana Trosk"],
                target_text=["Marek Odvin"],
                location="E5",
                date=day,
                quantity="two",
                negated=True,
                confidence=0.875,
                method="model",
                facts=["F1"],
                source_mentions=[trosk.id],
                target_mentions=[odvin.id],
                location_mention=lissar.id,
            )
        ],
    )


def make_result() -> Result:
    """The web app's sample (:func:`accord.web.sample.sample_result`: three invented articles in
    two stories) plus a wire copy of its first story, so that every model field is filled in
    somewhere: the copy is a story duplicate, an entity gets a ``kb`` link, a fact has no
    story, a story has no articles, a skipped input has no line."""
    result = sample_result()
    copy = _wire_copy()
    original = result.analyses[0].article.id
    result.analyses.append(copy)
    for entity in result.entities:
        entity.mentions += [
            Span(m.article, m.start, m.end, m.text) for m in copy.mentions if m.entity == entity.id
        ]
    result.entities[0].links = {"kb": "X-101"}
    result.facts.append(Fact("F5", "Talks resume", "CONSULT", "corroborated"))
    result.stories[0].articles.append(copy.article.id)
    result.stories[0].duplicates = {copy.article.id: original}
    result.stories.append(Story("S3", "Empty story"))
    result.skipped.append(Skipped("x.pdf", "unsupported"))
    return result
