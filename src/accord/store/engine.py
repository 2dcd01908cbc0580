"""Turn what a user types (a file name or a database URL) into a configured SQLAlchemy engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from accord.errors import StorageError

DEFAULT_URL = "sqlite:///accord.db"

# Plain "postgresql://" would pick psycopg2; accord depends on psycopg 3.
_POSTGRES_SCHEMES = {"postgresql", "postgres", "postgresql+psycopg2"}


def normalise_url(url_or_path: str | Path | None = None) -> URL:
    """Parse ``url_or_path``: ``None`` is ``sqlite:///accord.db``, a plain path a SQLite file,
    ``:memory:`` an in-memory SQLite database, anything with ``://`` a SQLAlchemy URL."""
    raw = DEFAULT_URL if url_or_path is None else str(url_or_path)
    if raw == ":memory:":
        raw = "sqlite://"
    elif "://" not in raw:
        raw = f"sqlite:///{raw}"
    try:
        url = make_url(raw)
    except ArgumentError as error:
        raise StorageError(f"{raw!r} is not a database URL or a file name: {error}") from error
    if url.drivername in _POSTGRES_SCHEMES:
        url = url.set(drivername="postgresql+psycopg")
    return url


def describe(url: URL) -> str:
    """The URL for messages and logs, password hidden."""
    return url.render_as_string(hide_password=True)


def create_store_engine(url: URL) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys on and a busy timeout (see below)."""
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    database = url.database or ""
    kwargs: dict[str, Any] = {"connect_args": {"timeout": 30}}
    if database in ("", ":memory:"):
        # One shared connection, or every new connection would see a new, empty database.
        kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_connection: Any, connection_record: Any) -> None:
    """Per-connection SQLite settings.

    * ``foreign_keys=ON``: SQLite enforces foreign keys (so ``ON DELETE CASCADE``) only when
      asked, per connection.
    * ``journal_mode=WAL`` with ``synchronous=NORMAL``: a commit no longer waits for a disk
      sync (saving got about 3x faster: there is one transaction per article), and readers such as
      the web app are not blocked while a run writes. A power cut may lose the last commits,
      never consistency. In-memory databases keep their own journal.
    * ``isolation_level = None``: Python's sqlite3 driver opens transactions itself, and only
      before INSERT/UPDATE/DELETE, so a migration's CREATE TABLEs would each commit alone (slow,
      and not atomic). With that off, :func:`_sqlite_on_begin` makes every transaction a real
      one (the recipe from SQLAlchemy's SQLite dialect documentation).
    """
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _sqlite_on_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")
