"""The :class:`Store`: save a pipeline :class:`~accord.model.Result` to a database and read it back.

Transactions (see ``docs/store.md``):

* each article and everything found in it is written in its own transaction, so a crash in the
  middle of a run leaves every article either as it was before or fully replaced;
* entities, facts and stories are recomputed by the pipeline from all articles, so they are
  replaced, in one transaction, after the articles, together with the saved state of the
  incremental story index that made the stories (or its absence); given what was loaded before
  recomputing them, only the rows that changed are written (:mod:`accord.store.changes`).
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from alembic.util.exc import CommandError
from sqlalchemy import Engine, delete, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from accord.errors import StorageError
from accord.model import (
    Analysis,
    Article,
    Entity,
    Event,
    Fact,
    Quote,
    Result,
    Skipped,
    Story,
)
from accord.store import changes, read, write
from accord.store.engine import create_store_engine, describe, normalise_url
from accord.store.migrate import upgrade
from accord.store.schema import (
    ARTICLE_CHILDREN,
    ArticleRow,
    Base,
    EntityMentionRow,
    EntityRow,
    EventRow,
    FactEvidenceRow,
    FactRow,
    MentionRow,
    MergeEvidenceRow,
    QuoteRow,
    Run,
    SkippedRow,
    StoryArticleRow,
    StoryDuplicateRow,
    StoryIndexRow,
    StoryRow,
)

log = logging.getLogger(__name__)

SaveOutcome = Literal["added", "replaced", "unchanged"]

# Children first, so deleting never trips a foreign key even without ON DELETE CASCADE.
_DERIVED_TABLES: tuple[type[Base], ...] = (
    StoryIndexRow,
    EntityMentionRow,
    MergeEvidenceRow,
    EntityRow,
    FactEvidenceRow,
    FactRow,
    StoryArticleRow,
    StoryDuplicateRow,
    StoryRow,
)
_STORY_INDEX_ROW = 1  # the one row of ``story_index``


@dataclass(frozen=True, slots=True)
class SaveSummary:
    """What one :meth:`Store.save` wrote."""

    run_id: str
    articles_added: int
    articles_replaced: int
    articles_unchanged: int
    entities: int
    facts: int
    stories: int
    skipped: int


@dataclass(frozen=True, slots=True)
class StoreSummary:
    """How many of each thing the database holds (``accord show`` prints this)."""

    articles: int
    entities: int
    mentions: int
    quotes: int
    events: int
    facts: int
    stories: int
    skipped: int
    runs: int

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SkippedRecord:
    """A stored skipped input: the :class:`~accord.model.Skipped` plus when and in which run."""

    path: str
    reason: str
    line: int | None
    recorded: datetime
    run_id: str | None

    def to_skipped(self) -> Skipped:
        return Skipped(path=self.path, reason=self.reason, line=self.line)


@dataclass(frozen=True, slots=True)
class RunRecord:
    """One save: ``finished`` is ``None`` when it crashed (or is still going)."""

    id: str
    started: datetime
    finished: datetime | None
    counts: dict[str, int]


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    """SQLite returns naive datetimes; every stored time is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class Store:
    """A database of accord results (SQLite file, in-memory SQLite, or PostgreSQL).

    Build one with :func:`open_store`; use it as a context manager or call :meth:`close`.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({describe(self.engine.url)!r})"

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        try:
            with self._sessions.begin() as session:
                yield session
        except SQLAlchemyError as error:
            raise StorageError(f"{describe(self.engine.url)}: {error}") from error
        except UnicodeEncodeError as error:  # raised by the driver, not wrapped by SQLAlchemy
            raise StorageError(
                f"{describe(self.engine.url)}: text that is not valid Unicode ({error}); "
                "decode inputs with errors='replace'"
            ) from error

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        try:
            with self._sessions() as session:
                yield session
        except SQLAlchemyError as error:
            raise StorageError(f"{describe(self.engine.url)}: {error}") from error

    # -- schema -----------------------------------------------------------------------------

    def migrate(self) -> None:
        """Bring the schema to the newest migration (``alembic upgrade head``)."""
        try:
            upgrade(self.engine)
        except (SQLAlchemyError, CommandError) as error:
            raise StorageError(
                f"cannot migrate {describe(self.engine.url)}: {error}. Is it an accord database, "
                "and writable?"
            ) from error

    # -- writing ----------------------------------------------------------------------------

    def save(
        self,
        result: Result,
        *,
        derived: bool = True,
        story_index: dict[str, Any] | None = None,
        unchanged: Collection[str] = (),
        stored: Result | None = None,
    ) -> SaveSummary:
        """Store ``result``: each article atomically, then (``derived=True``) replace entities,
        facts, stories and the story index state (``StoryIndex.to_state()`` of the index that
        made ``result.stories``, or ``None``), then record its skipped inputs. Saving
        the same result twice leaves the same rows; only the ``runs`` log grows.

        ``unchanged``: ids of articles the caller loaded from this store and did not modify;
        they are counted as unchanged without being fingerprinted or read again (an
        incremental run over a large store would otherwise spend most of its time proving it).
        ``stored``: what :meth:`load` returned before the caller recomputed ``result``, so only
        the derived rows that changed are written (see :meth:`replace_derived`).
        """
        run_id = self._start_run()
        outcomes = Counter(
            "unchanged" if a.article.id in unchanged else self.save_analysis(a, run_id=run_id)
            for a in result.analyses
        )
        if derived:
            self.replace_derived(
                result.entities,
                result.facts,
                result.stories,
                story_index=story_index,
                stored=stored,
            )
        self.record_skipped(result.skipped, run_id=run_id)
        summary = SaveSummary(
            run_id=run_id,
            articles_added=outcomes["added"],
            articles_replaced=outcomes["replaced"],
            articles_unchanged=outcomes["unchanged"],
            entities=len(result.entities),
            facts=len(result.facts),
            stories=len(result.stories),
            skipped=len(result.skipped),
        )
        self._finish_run(run_id, summary)
        log.info("saved to %s: %s", describe(self.engine.url), summary)
        return summary

    def save_analysis(self, analysis: Analysis, *, run_id: str | None = None) -> SaveOutcome:
        """Insert or replace one article and everything found in it, in one transaction;
        an article stored with exactly this analysis is left alone."""
        article = analysis.article
        digest = write.analysis_digest(analysis)
        with self._transaction() as session:
            row = session.get(ArticleRow, article.id)
            if row is not None and row.digest == digest:
                return "unchanged"
            outcome: SaveOutcome = "added" if row is None else "replaced"
            if row is None:
                row = ArticleRow(id=article.id, seq=self._next_seq(session))
                session.add(row)
            write.update_article_row(row, article, run_id, _now())
            row.digest = digest
            for table in ARTICLE_CHILDREN:
                session.execute(delete(table).where(table.article_id == article.id))
            session.flush()
            for rows in write.analysis_rows(analysis):
                session.add_all(rows)
                session.flush()
        return outcome

    def replace_derived(
        self,
        entities: Iterable[Entity],
        facts: Iterable[Fact],
        stories: Iterable[Story],
        *,
        story_index: dict[str, Any] | None = None,
        stored: Result | None = None,
    ) -> None:
        """Replace all entities, facts and stories by these, in one transaction.

        ``story_index`` is the state of the story index that made ``stories``; it replaces the
        stored one. Without it the stored state is deleted, because it would no longer describe
        the stored stories (the next incremental run then rebuilds the index in batch).

        ``stored``: what :meth:`load` returned before the caller recomputed these. Where the
        database still holds exactly its ids, only the rows that differ are written
        (:mod:`accord.store.changes`); otherwise every row is replaced. The tables end the same
        either way.
        """
        new_entities, new_facts, new_stories = list(entities), list(facts), list(stories)
        with self._transaction() as session:
            session.execute(delete(StoryIndexRow))
            parts: list[tuple[changes.Family[Any], Sequence[Any], Sequence[Any]]] = [
                (changes.ENTITIES, stored.entities if stored else (), new_entities),
                (changes.FACTS, stored.facts if stored else (), new_facts),
                (changes.STORIES, stored.stories if stored else (), new_stories),
            ]
            if stored is None or not all(changes.holds(session, f, old) for f, old, _ in parts):
                for table in _DERIVED_TABLES:  # replace every row: diff against nothing
                    session.execute(delete(table))
                parts = [(family, (), new) for family, _, new in parts]
            for family, old, new in parts:
                changes.apply(session, family, changes.diff(old, new))
            if story_index is not None:
                articles = sum(len(s.articles) for s in new_stories)
                session.add(
                    StoryIndexRow(
                        id=_STORY_INDEX_ROW, state=story_index, articles=articles, saved=_now()
                    )
                )

    def record_skipped(self, skipped: Iterable[Skipped], run_id: str | None = None) -> None:
        """Record inputs that could not be used; one row per (path, reason, line), whose time
        (and run, when given) are updated when the same input is skipped again."""
        with self._transaction() as session:
            for item in skipped:
                row = session.scalars(
                    select(SkippedRow).where(
                        SkippedRow.path == item.path,
                        SkippedRow.reason == item.reason,
                        SkippedRow.line.is_(None)
                        if item.line is None
                        else SkippedRow.line == item.line,
                    )
                ).first()
                if row is None:
                    row = SkippedRow(path=item.path, reason=item.reason, line=item.line)
                    session.add(row)
                row.run_id = run_id or row.run_id
                row.recorded = _now()
                session.flush()

    def delete_article(self, article_id: str) -> bool:
        """Remove one article and its analysis (not the entities or facts citing it)."""
        with self._transaction() as session:
            row = session.get(ArticleRow, article_id)
            if row is None:
                return False
            for table in ARTICLE_CHILDREN:
                session.execute(delete(table).where(table.article_id == article_id))
            session.delete(row)
            return True

    def _next_seq(self, session: Session) -> int:
        last = session.scalar(select(func.max(ArticleRow.seq)))
        return 0 if last is None else int(last) + 1

    def _start_run(self) -> str:
        run_id = uuid.uuid4().hex
        with self._transaction() as session:
            session.add(Run(id=run_id, started=_now(), finished=None, counts={}))
        return run_id

    def _finish_run(self, run_id: str, summary: SaveSummary) -> None:
        counts = {k: v for k, v in asdict(summary).items() if isinstance(v, int)}
        with self._transaction() as session:
            run = session.get_one(Run, run_id)
            run.finished = _now()
            run.counts = counts

    # -- reading ----------------------------------------------------------------------------

    def load(self) -> Result:
        """Everything stored, as model objects (``Analysis.doc`` is ``None``)."""
        with self._reading() as session:
            return Result(
                analyses=read.load_analyses(session),
                entities=read.load_entities(session),
                facts=read.load_facts(session),
                stories=read.load_stories(session),
                skipped=read.load_skipped(session),
            )

    def load_story_index(self) -> dict[str, Any] | None:
        """The saved story index state (for ``StoryIndex.from_state``), or ``None`` when the
        stored stories were not made by a saved index."""
        with self._reading() as session:
            row = session.get(StoryIndexRow, _STORY_INDEX_ROW)
            return None if row is None else dict(row.state)

    def article_ids(self) -> set[str]:
        """Ids (content hashes) of the stored articles: ingest can skip these."""
        with self._reading() as session:
            return set(session.scalars(select(ArticleRow.id)))

    def summary(self) -> StoreSummary:
        """Row counts of the main tables."""
        with self._reading() as session:

            def count(table: type[Base]) -> int:
                return int(session.scalar(select(func.count()).select_from(table)) or 0)

            return StoreSummary(
                articles=count(ArticleRow),
                entities=count(EntityRow),
                mentions=count(MentionRow),
                quotes=count(QuoteRow),
                events=count(EventRow),
                facts=count(FactRow),
                stories=count(StoryRow),
                skipped=count(SkippedRow),
                runs=count(Run),
            )

    def get_article(self, article_id: str) -> Article | None:
        with self._reading() as session:
            row = session.get(ArticleRow, article_id)
            return None if row is None else read.article_from_row(row)

    def get_analysis(self, article_id: str) -> Analysis | None:
        """One article with its sentences, mentions, times, quotes and events."""
        with self._reading() as session:
            found = read.load_analyses(session, [article_id])
        return found[0] if found else None

    def get_entity(self, entity_id: str) -> Entity | None:
        with self._reading() as session:
            found = read.load_entities(session, [entity_id])
        return found[0] if found else None

    def list_entities(self, type: str | None = None) -> list[Entity]:
        """All entities, or those of one type (``PERSON``, ``ORG``, ``GPE``...)."""
        with self._reading() as session:
            entities = read.load_entities(session)
        return [e for e in entities if type is None or e.type == type]

    def get_fact(self, fact_id: str) -> Fact | None:
        with self._reading() as session:
            found = read.load_facts(session, [fact_id])
        return found[0] if found else None

    def list_facts(self, status: str | None = None, story: str | None = None) -> list[Fact]:
        """All facts, optionally only one status and/or one story."""
        with self._reading() as session:
            ids = select(FactRow.id)
            if status is not None:
                ids = ids.where(FactRow.status == status)
            if story is not None:
                ids = ids.where(FactRow.story_id == story)
            return read.load_facts(session, list(session.scalars(ids)))

    def get_story(self, story_id: str) -> Story | None:
        with self._reading() as session:
            found = read.load_stories(session, [story_id])
        return found[0] if found else None

    def list_stories(self) -> list[Story]:
        with self._reading() as session:
            return read.load_stories(session)

    def quotes_by(self, entity_id: str) -> list[Quote]:
        """Every stored quote whose speaker is ``entity_id``."""
        with self._reading() as session:
            rows = session.execute(
                select(QuoteRow.__table__)
                .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
                .where(QuoteRow.speaker == entity_id)
                .order_by(ArticleRow.seq, QuoteRow.position)
            )
            return [read.quote_from_row(row) for row in rows]

    def events_involving(self, entity_id: str) -> list[Event]:
        """Every stored event with ``entity_id`` among its sources, targets or location."""
        events = [e for a in self.load_analyses() for e in a.events]
        return [
            e
            for e in events
            if entity_id in e.source or entity_id in e.target or e.location == entity_id
        ]

    def load_analyses(self) -> list[Analysis]:
        with self._reading() as session:
            return read.load_analyses(session)

    def list_skipped(self) -> list[SkippedRecord]:
        """Skipped inputs with when they were (last) skipped and by which run."""
        with self._reading() as session:
            rows = session.scalars(select(SkippedRow).order_by(SkippedRow.id))
            return [
                SkippedRecord(row.path, row.reason, row.line, _aware(row.recorded), row.run_id)
                for row in rows
            ]

    def list_runs(self) -> list[RunRecord]:
        """Every save, oldest first."""
        with self._reading() as session:
            rows = session.scalars(select(Run).order_by(Run.started, Run.id))
            return [
                RunRecord(
                    row.id,
                    _aware(row.started),
                    None if row.finished is None else _aware(row.finished),
                    dict(row.counts),
                )
                for row in rows
            ]


def open_store(url_or_path: str | Path | None = None, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the database at ``url_or_path`` and bring its schema up to date.

    ``None`` means ``sqlite:///accord.db``; a plain path is a SQLite file; ``:memory:`` an
    in-memory SQLite database; ``postgresql://user:password@host/db`` uses psycopg 3.
    """
    url = normalise_url(url_or_path)
    try:
        engine = create_store_engine(url)
    except (SQLAlchemyError, OSError, ImportError) as error:
        raise StorageError(f"cannot open {describe(url)}: {error}") from error
    store = Store(engine)
    if migrate:
        try:
            store.migrate()
        except StorageError:
            store.close()
            raise
    return store
