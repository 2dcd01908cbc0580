"""Alembic environment for accord's store.

Used two ways: from Python (``accord.store.migrate`` passes an open connection in
``config.attributes["connection"]``) and from the ``alembic`` command with the ``alembic.ini``
beside this file (``alembic -c src/accord/store/migrations/alembic.ini -x url=sqlite:///accord.db
upgrade head``); a plain path or ``postgresql://`` URL is accepted there as everywhere in accord.
"""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection

from accord.store.engine import create_store_engine, normalise_url
from accord.store.schema import Base

target_metadata = Base.metadata

if context.config.config_file_name is not None:  # the alembic command, not accord itself
    fileConfig(context.config.config_file_name)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def _url() -> str | None:
    return context.get_x_argument(as_dictionary=True).get("url") or context.config.get_main_option(
        "sqlalchemy.url"
    )


def run_migrations_offline() -> None:
    """``alembic upgrade --sql``: print the SQL instead of running it."""
    context.configure(
        url=normalise_url(_url()), target_metadata=target_metadata, literal_binds=True
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_store_engine(normalise_url(_url()))
    try:
        with engine.begin() as own_connection:
            _run(own_connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
