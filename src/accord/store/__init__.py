"""accord's database: save pipeline results to SQLite or PostgreSQL and read them back.

    from accord.store import open_store

    with open_store("accord.db") as store:     # or "postgresql://user:pw@host/db"
        summary = store.save(result)           # per-article transactions, idempotent
        again = store.load()                   # equal model objects (Analysis.doc is None)

The schema is managed by Alembic migrations shipped in ``accord/store/migrations``;
:func:`open_store` upgrades a database to the newest one. See ``docs/store.md``.
"""

from accord.store.engine import DEFAULT_URL, normalise_url
from accord.store.store import (
    RunRecord,
    SaveSummary,
    SkippedRecord,
    Store,
    StoreSummary,
    open_store,
)

__all__ = [
    "DEFAULT_URL",
    "RunRecord",
    "SaveSummary",
    "SkippedRecord",
    "Store",
    "StoreSummary",
    "normalise_url",
    "open_store",
]
