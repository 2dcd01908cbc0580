"""Alembic migrations: a fresh database upgrades, and the migrations match the ORM classes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text

from accord.errors import StorageError
from accord.store import Store, open_store
from accord.store.engine import create_store_engine, normalise_url
from accord.store.migrate import (
    current_revision,
    downgrade,
    head_revision,
    schema_differences,
    upgrade,
)
from accord.store.schema import Base
from test_store_support import BACKENDS, database_url


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    with database_url(request.param, tmp_path) as url:
        created = create_store_engine(normalise_url(url))
        yield created
        created.dispose()


def accord_tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_store_migrations_fresh_database_upgrades_to_head(engine: Engine) -> None:
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head_revision() is not None
    assert accord_tables(engine) == set(Base.metadata.tables)


def test_store_migrations_match_models(engine: Engine) -> None:
    upgrade(engine)
    assert schema_differences(engine) == []


def test_store_migrations_downgrade_and_upgrade_again(engine: Engine) -> None:
    upgrade(engine)
    downgrade(engine, "base")
    assert accord_tables(engine) == set()
    upgrade(engine)
    assert schema_differences(engine) == []


def test_store_migrations_open_store_is_idempotent(tmp_path: Path) -> None:
    path = str(tmp_path / "accord.db")
    open_store(path).close()
    with open_store(path) as store:
        assert current_revision(store.engine) == head_revision()


def test_store_migrations_unknown_revision_is_a_storage_error(tmp_path: Path) -> None:
    path = str(tmp_path / "accord.db")
    open_store(path).close()
    engine = create_store_engine(normalise_url(path))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'from_the_future'"))
    engine.dispose()
    with pytest.raises(StorageError, match="cannot migrate"):
        open_store(path)


def test_store_migrations_0002_keeps_rows_saved_at_0001(engine: Engine) -> None:
    """Events saved before 0002 have no actor mention ids: they load with empty lists."""
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO articles (id, seq, text, provenance, skip_ranges, digest, saved) "
                "VALUES ('a1', 0, 'Talks in Orvel', '{}', '[]', 'old', :now)"
            ),
            {"now": datetime(2031, 1, 1, tzinfo=UTC)},
        )
        connection.execute(
            text(
                "INSERT INTO events (article_id, position, id, start_char, end_char, text, type, "
                "source, target, source_text, target_text, negated, confidence, method, facts) "
                "VALUES ('a1', 0, 'v1', 0, 5, 'Talks', 'CONSULT', '[\"person-x\"]', '[]', "
                "'[]', '[]', false, 1.0, 'rules', '[]')"
            )
        )
    upgrade(engine)
    assert schema_differences(engine) == []
    store = Store(engine)
    (event,) = store.load().events
    assert (event.source, event.source_mentions, event.location_mention) == (["person-x"], [], None)
    assert (event.source_sectors, event.target_sectors) == ([], [])
    assert (event.source_countries, event.target_countries) == ([], [])
    assert store.load_story_index() is None
    downgrade(engine, "0001")
    assert "story_index" not in accord_tables(engine)
