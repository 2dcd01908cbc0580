"""The public API is exactly what ``accord.__all__`` says (httpx's test_exported_members)."""

from __future__ import annotations

import accord


def test_exported_members_are_locked() -> None:
    public = {name for name in dir(accord) if not name.startswith("_")}
    # Submodules imported as a side effect are not API.
    modules = {name for name in public if type(getattr(accord, name)).__name__ == "module"}
    assert public - modules == set(accord.__all__) - {"__version__"}


def test_exported_members_have_docstrings() -> None:
    for name in accord.__all__:
        member = getattr(accord, name)
        if callable(member):
            assert member.__doc__, f"accord.{name} has no docstring"
