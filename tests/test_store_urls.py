"""What open_store accepts: nothing, a file name, :memory:, or a SQLAlchemy URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.errors import StorageError
from accord.store import DEFAULT_URL, normalise_url, open_store


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, DEFAULT_URL),
        ("results.db", "sqlite:///results.db"),
        ("/data/run/accord.db", "sqlite:////data/run/accord.db"),
        (":memory:", "sqlite://"),
        ("sqlite:///x.db", "sqlite:///x.db"),
        (
            "postgresql://u:p@db.example:5433/accord",
            "postgresql+psycopg://u:p@db.example:5433/accord",
        ),
        ("postgres://u:p@db.example/accord", "postgresql+psycopg://u:p@db.example/accord"),
        ("postgresql+psycopg://u@db.example/accord", "postgresql+psycopg://u@db.example/accord"),
    ],
)
def test_store_urls_normalised(given: str | None, expected: str) -> None:
    assert normalise_url(given).render_as_string(hide_password=False) == expected


def test_store_urls_path_objects_accepted(tmp_path: Path) -> None:
    with open_store(tmp_path / "deep" / "er" / "accord.db") as store:
        assert store.summary().articles == 0
    assert (tmp_path / "deep" / "er" / "accord.db").is_file()


def test_store_urls_memory_database_keeps_its_tables() -> None:
    with open_store(":memory:") as store:
        assert store.summary().runs == 0
        assert "sqlite" in repr(store)


def test_store_urls_unreachable_server_is_a_storage_error() -> None:
    with pytest.raises(StorageError, match=r"127\.0\.0\.1"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2")


def test_store_urls_password_is_not_in_messages() -> None:
    with pytest.raises(StorageError) as caught:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
    assert "secret" not in str(caught.value)
