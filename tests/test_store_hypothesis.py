"""Property tests: any article (arbitrary Unicode text, metadata and provenance) round-trips."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.errors import StorageError
from accord.model import Analysis, Article, Provenance
from accord.store import Store, open_store
from test_store_support import BACKENDS, database_url

# Any text that is valid Unicode (no lone surrogates, which no database driver can encode).
# PostgreSQL text cannot hold NUL; the store turns it into U+FFFD there (tested below).
TEXTS = {
    "sqlite": st.text(st.characters(codec="utf-8")),
    "postgres": st.text(st.characters(codec="utf-8", exclude_characters="\x00")),
}

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture
    ],  # one database per test, on purpose
)


@pytest.fixture(params=BACKENDS)
def backend_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Store]]:
    with database_url(request.param, tmp_path) as url, open_store(url) as store:
        yield request.param, store


def json_values(text: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    """JSON-representable values (NaN and infinities are not JSON)."""
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(min_value=-(2**53), max_value=2**53)
        | st.floats(allow_nan=False, allow_infinity=False)
        | text
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
        max_leaves=8,
    )


@st.composite
def articles(draw: st.DrawFn, text: st.SearchStrategy[str]) -> Article:
    maybe = st.none() | text
    provenance = Provenance(
        source_format=draw(text),
        attributed_to=draw(maybe),
        removed=draw(st.lists(text, max_size=3)),
        duplicate_sentences=draw(st.lists(text, max_size=3)),
        warnings=draw(st.lists(text, max_size=2)),
        extra=draw(st.dictionaries(text, json_values(text), max_size=3)),
    )
    offsets = st.integers(min_value=0, max_value=2**31)
    return Article.from_text(
        draw(text),
        title=draw(maybe),
        outlet=draw(maybe),
        url=draw(maybe),
        published=draw(maybe),
        language=draw(maybe),
        source_id=draw(maybe),
        path=draw(maybe),
        provenance=provenance,
        skip_ranges=draw(st.lists(st.tuples(offsets, offsets), max_size=3)),
    )


@given(data=st.data())
@SETTINGS
def test_store_hypothesis_article_roundtrip(
    backend_store: tuple[str, Store], data: st.DataObject
) -> None:
    backend, store = backend_store
    article = data.draw(articles(TEXTS[backend]))
    store.save_analysis(Analysis(article=article))
    assert store.get_article(article.id) == article


@pytest.mark.parametrize("backend", BACKENDS)
def test_store_hypothesis_lone_surrogate_is_a_storage_error(backend: str, tmp_path: Path) -> None:
    article = Article.from_text("fine", title="broken \ud800")
    with database_url(backend, tmp_path) as url, open_store(url) as store:
        with pytest.raises(StorageError, match="not valid Unicode"):
            store.save_analysis(Analysis(article=article))
        assert store.article_ids() == set()


@pytest.mark.parametrize("backend", BACKENDS)
def test_store_hypothesis_nul_keeps_offsets(backend: str, tmp_path: Path) -> None:
    article = Article.from_text("before\x00after", outlet="Wire\x00", title="T\x00")
    with database_url(backend, tmp_path) as url, open_store(url) as store:
        store.save_analysis(Analysis(article=article))
        stored = store.get_article(article.id)
    assert stored is not None
    assert len(stored.text) == len(article.text)
    if backend == "postgres":
        assert (stored.text, stored.outlet, stored.title) == (
            "before\ufffdafter",
            "Wire\ufffd",
            "T\ufffd",
        )
    else:
        assert stored == article
