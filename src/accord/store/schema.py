"""The database schema: one SQLAlchemy ORM class per table.

The tables mirror :mod:`accord.model`. Two groups, written differently (see ``docs/store.md``):

* per-article tables (``articles`` and its ``sentences``, ``mentions``, ``time_expressions``,
  ``quotes``, ``events``): keyed by the article's content hash, replaced one article at a time;
* cross-article tables (``entities``, ``facts``, ``stories`` and their child tables): derived
  from all articles by the pipeline, replaced wholesale.

Child rows are keyed by their parent plus a ``position`` (their index in the model's list), so
the order of every list survives a round trip and ids chosen by a stage never have to be unique
across the database. Character offsets are ``start_char``/``end_char`` because ``end`` is a
reserved word in SQL. Cross-article rows name articles by id without a foreign key: they are
recomputed as a whole and may cite articles that a caller chose not to store.

Any change here needs a new Alembic migration (``tests/test_store_migrations.py`` fails until the
migrations match these classes).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so migrations can refer to them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _without_nul(value: str | None, dialect: Dialect) -> str | None:
    """PostgreSQL text cannot hold NUL (U+0000): write U+FFFD there instead.

    One character for one, so every character offset into a text stays valid. SQLite stores
    text unchanged.
    """
    if value is not None and dialect.name == "postgresql" and "\x00" in value:
        return value.replace("\x00", "\ufffd")
    return value


class SafeText(TypeDecorator[str]):
    """``TEXT`` that PostgreSQL can store (see :func:`_without_nul`): article text, spans."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return _without_nul(value, dialect)


class SafeString(TypeDecorator[str]):
    """``VARCHAR`` that PostgreSQL can store (see :func:`_without_nul`): ids, labels, metadata."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return _without_nul(value, dialect)


class Base(DeclarativeBase):
    """Declarative base carrying the naming convention and the JSON type for ``Any`` columns."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 (SQLAlchemy reads this class attribute as given)
        str: SafeString(),
        datetime: DateTime(timezone=True),
        Any: JSON(),
    }


def _article_fk() -> Mapped[str]:
    """Primary-key part naming the owning article; deleting the article deletes the row."""
    return mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


class Run(Base):
    """One call of ``Store.save``: when it started and finished and what it wrote."""

    __tablename__ = "runs"

    id: Mapped[str] = mapped_column(primary_key=True)
    started: Mapped[datetime]
    finished: Mapped[datetime | None]
    counts: Mapped[Any]


class ArticleRow(Base):
    """An article with its metadata; ``seq`` keeps the order articles were first stored in,
    ``run_id`` and ``saved`` say when its analysis last changed."""

    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, index=True)
    text: Mapped[str] = mapped_column(SafeText)
    title: Mapped[str | None] = mapped_column(SafeText)
    outlet: Mapped[str | None] = mapped_column(index=True)
    url: Mapped[str | None] = mapped_column(SafeText)
    published: Mapped[str | None]
    language: Mapped[str | None]
    source_id: Mapped[str | None]
    path: Mapped[str | None] = mapped_column(SafeText)
    provenance: Mapped[Any]
    skip_ranges: Mapped[Any]
    digest: Mapped[str]  # of the article and its analysis; unchanged ones are not rewritten
    run_id: Mapped[str | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"))
    saved: Mapped[datetime]


class SentenceRow(Base):
    __tablename__ = "sentences"

    article_id: Mapped[str] = _article_fk()
    position: Mapped[int] = mapped_column(primary_key=True)
    start_char: Mapped[int]
    end_char: Mapped[int]
    paragraph: Mapped[int]


class MentionRow(Base):
    __tablename__ = "mentions"

    article_id: Mapped[str] = _article_fk()
    position: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(index=True)
    start_char: Mapped[int]
    end_char: Mapped[int]
    text: Mapped[str] = mapped_column(SafeText)
    label: Mapped[str]
    sentence: Mapped[int]
    chain: Mapped[int]
    titles: Mapped[Any]
    roles: Mapped[Any]
    entity_id: Mapped[str | None] = mapped_column(index=True)


class TimeRow(Base):
    __tablename__ = "time_expressions"

    article_id: Mapped[str] = _article_fk()
    position: Mapped[int] = mapped_column(primary_key=True)
    start_char: Mapped[int]
    end_char: Mapped[int]
    text: Mapped[str] = mapped_column(SafeText)
    value: Mapped[str | None]
    grain: Mapped[str]


class QuoteRow(Base):
    __tablename__ = "quotes"

    article_id: Mapped[str] = _article_fk()
    position: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(index=True)
    start_char: Mapped[int]
    end_char: Mapped[int]
    text: Mapped[str] = mapped_column(SafeText)
    speaker: Mapped[str | None] = mapped_column(index=True)
    speaker_text: Mapped[str | None] = mapped_column(SafeText)
    cue: Mapped[str | None] = mapped_column(SafeText)
    kind: Mapped[str]
    speaker_mention: Mapped[str | None]


class EventRow(Base):
    """A coded event; actor lists are JSON (entity ids after resolve, mention ids before)."""

    __tablename__ = "events"

    article_id: Mapped[str] = _article_fk()
    position: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(index=True)
    start_char: Mapped[int]
    end_char: Mapped[int]
    text: Mapped[str] = mapped_column(SafeText)
    type: Mapped[str] = mapped_column(index=True)
    mode: Mapped[str | None]
    source: Mapped[Any]
    target: Mapped[Any]
    source_text: Mapped[Any]
    target_text: Mapped[Any]
    location: Mapped[str | None] = mapped_column(SafeText)
    date: Mapped[str | None]
    quantity: Mapped[str | None] = mapped_column(SafeText)
    negated: Mapped[bool] = mapped_column(Boolean)
    confidence: Mapped[float] = mapped_column(Float)
    method: Mapped[str]
    facts: Mapped[Any]
    # The mention ids behind source/target/location, so resolution can run again (added in 0002;
    # NULL in rows saved before it, read as empty).
    source_mentions: Mapped[Any | None] = mapped_column(JSON, nullable=True)
    target_mentions: Mapped[Any | None] = mapped_column(JSON, nullable=True)
    location_mention: Mapped[str | None]
    # The actors' sectors and countries (added in 0003; NULL in rows saved before it, read as
    # empty).
    source_sectors: Mapped[Any | None] = mapped_column(JSON, nullable=True)
    target_sectors: Mapped[Any | None] = mapped_column(JSON, nullable=True)
    source_countries: Mapped[Any | None] = mapped_column(JSON, nullable=True)
    target_countries: Mapped[Any | None] = mapped_column(JSON, nullable=True)


class EntityRow(Base):
    __tablename__ = "entities"

    id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    name: Mapped[str] = mapped_column(SafeText)
    type: Mapped[str] = mapped_column(index=True)
    aliases: Mapped[Any]
    roles: Mapped[Any]
    links: Mapped[Any]


class EntityMentionRow(Base):
    """A span where an entity is mentioned (``Entity.mentions``)."""

    __tablename__ = "entity_mentions"

    entity_id: Mapped[str] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[str] = mapped_column(index=True)
    start_char: Mapped[int]
    end_char: Mapped[int]
    text: Mapped[str] = mapped_column(SafeText)


class MergeEvidenceRow(Base):
    """Why two aliases were merged into one entity (``Entity.evidence``)."""

    __tablename__ = "merge_evidence"

    entity_id: Mapped[str] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    left_alias: Mapped[str] = mapped_column(SafeText)
    right_alias: Mapped[str] = mapped_column(SafeText)
    rule: Mapped[str]
    score: Mapped[float] = mapped_column(Float)
    detail: Mapped[str] = mapped_column(SafeText)


class FactRow(Base):
    __tablename__ = "facts"

    id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    statement: Mapped[str] = mapped_column(SafeText)
    type: Mapped[str]
    status: Mapped[str] = mapped_column(index=True)
    story_id: Mapped[str | None] = mapped_column(index=True)
    events: Mapped[Any]


class FactEvidenceRow(Base):
    """A span supporting a fact (``kind='support'``) or contradicting it (``kind='conflict'``)."""

    __tablename__ = "fact_evidence"

    fact_id: Mapped[str] = mapped_column(
        ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[str] = mapped_column(index=True)
    start_char: Mapped[int]
    end_char: Mapped[int]
    text: Mapped[str] = mapped_column(SafeText)
    reason: Mapped[str | None] = mapped_column(SafeText)


class StoryRow(Base):
    __tablename__ = "stories"

    id: Mapped[str] = mapped_column(primary_key=True)
    position: Mapped[int]
    title: Mapped[str] = mapped_column(SafeText)


class StoryArticleRow(Base):
    __tablename__ = "story_articles"

    story_id: Mapped[str] = mapped_column(
        ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[str] = mapped_column(index=True)


class StoryDuplicateRow(Base):
    """An article of a story that copies another one (``Story.duplicates``)."""

    __tablename__ = "story_duplicates"

    story_id: Mapped[str] = mapped_column(
        ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True
    )
    article_id: Mapped[str] = mapped_column(primary_key=True)
    copy_of: Mapped[str]
    position: Mapped[int]


class StoryIndexRow(Base):
    """The saved state of the incremental story index (``StoryIndex.to_state()``), one row.

    It describes the same stories as the ``stories`` table and is replaced in the same
    transaction; no row means the stories were made without an index (the next incremental run
    rebuilds one from the stored articles).
    """

    __tablename__ = "story_index"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    state: Mapped[Any]
    articles: Mapped[int]
    saved: Mapped[datetime]


class SkippedRow(Base):
    """An input that could not be used; one row per distinct (path, reason, line)."""

    __tablename__ = "skipped"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    path: Mapped[str] = mapped_column(SafeText, index=True)
    reason: Mapped[str] = mapped_column(SafeText)
    line: Mapped[int | None]
    run_id: Mapped[str | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"))
    recorded: Mapped[datetime]


ARTICLE_CHILDREN: tuple[type[SentenceRow | MentionRow | TimeRow | QuoteRow | EventRow], ...] = (
    SentenceRow,
    MentionRow,
    TimeRow,
    QuoteRow,
    EventRow,
)
