"""Number reading for event quantities ("1,000", "one thousand", "5.1 million")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.events.quantity import number_value


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["1,000"], 1000),
        (["One", "thousand"], 1000),
        (["twenty-five"], 25),
        (["two", "hundred", "and", "fifty"], 250),
        (["5.1", "million"], 5_100_000),
        (["several"], None),
    ],
)
def test_events_quantity_number_value(words: list[str], value: int | None) -> None:
    assert number_value(words) == value


@given(st.integers(min_value=0, max_value=10**9))
def test_events_quantity_digits_with_commas(n: int) -> None:
    assert number_value([f"{n:,}"]) == n
