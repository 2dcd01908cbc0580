"""accord's web app: HTML pages over the stored result and a JSON API under ``/api``.

``accord serve`` runs :func:`create_app` under uvicorn. The app reads and writes through
``accord.store`` and runs posted articles through ``accord.pipeline``, the same functions the
CLI uses, so the web app shows exactly what ``accord run`` stored.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from accord.web import api, pages
from accord.web.data import ResultCache, ResultStore
from accord.web.submit import Submitter

if TYPE_CHECKING:
    from spacy.language import Language

STATIC = Path(__file__).parent / "static"


def create_app(
    db_url: str | None = None,
    *,
    store: ResultStore | None = None,
    nlp: Language | None = None,
) -> FastAPI:
    """Build the app for the database at ``db_url`` (accord's default SQLite file when None).

    ``store`` replaces the database with any object that has ``load``/``save``/``summary``
    (tests, embedding); ``nlp`` is a loaded accord spaCy pipeline to reuse for posted articles
    (otherwise loaded on the first POST).
    """
    owned = store is None
    if store is None:
        from accord.store import open_store

        store = open_store(db_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        close = getattr(store, "close", None)
        if owned and close is not None:  # a store handed in belongs to the caller
            close()

    app = FastAPI(
        lifespan=lifespan,
        title="accord",
        summary="Reconciled, source-attributed records of news coverage.",
        description="Stories, entities, quotes and facts that `accord run` stored, as JSON. "
        "The same data is browsable as HTML at `/`.",
        version=_version(),
        # Swagger UI and ReDoc load scripts from a CDN; the app ships no external assets, so
        # the endpoints are listed at /api-docs from /openapi.json instead.
        docs_url=None,
        redoc_url=None,
    )
    cache = ResultCache(store)
    app.state.store = store
    app.state.cache = cache
    app.state.submitter = Submitter(store, cache, nlp=nlp)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("accord")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0"
