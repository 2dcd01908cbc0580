"""Number normalisation for reconciliation: words, digits, durations, comparatives, comparison."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.reconcile.numbers import Quantity, compatible, find_quantities, parse_number_words


def only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("one thousand", 1000),
        ("two hundred and fifty", 250),
        ("twenty - one", 21),
        ("a hundred", 100),
        ("three million", 3_000_000),
        ("forty", 40),
    ],
)
def test_reconcile_number_words(words: str, value: float) -> None:
    assert parse_number_words(words.split()) == value


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("agreed to free 1,000 detainees each", 1000, 1000, "detainee"),
        ("One thousand detainees will be freed", 1000, 1000, "detainee"),
        ("some 2.5 million voters", 2_250_000, 2_750_000, "voter"),
        ("a hundred and twenty-five tanks", 125, 125, "tank"),
        ("talks that lasted one hour and 40 minutes", 100, 100, "min"),
        ("a 30-day truce", 43200, 43200, "min"),
        ("the less than two-hour-long session", 0, 120, "min"),
        ("more than three years of war", 3 * 525600, math.inf, "min"),
        ("at least 12 ministers", 12, math.inf, "minister"),
        ("less than an hour", 0, 60, "min"),
    ],
)
def test_reconcile_quantities_are_normalised(text: str, low: float, high: float, unit: str) -> None:
    quantity = only(text)
    assert (quantity.low, quantity.high, quantity.unit) == pytest.approx((low, high, unit))
    assert text[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize(
    "text",
    [
        "since March 2022",
        "the 18th round of talks",
        "in 1999 the treaty",
        "one of the envoys",
        "talks resumed on 5 Dec",
        "from 12 Sept",
        "she died at 6:41 last night",
        "the search went on as of 11 p.m. on Friday",
        "they kick off at 8 PM ET",
        "Updated 16:05 GMT",
        "the vote closed at 1600 GMT",
    ],
)
def test_reconcile_dates_ordinals_and_pronoun_one_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("left", "right", "verdict"),
    [
        ("one hour and 40 minutes", "less than two hours", True),  # 100 min inside (0, 120)
        ("1,000 detainees", "one thousand detainees", True),
        ("1,000 detainees", "500 detainees", False),
        ("two hours", "less than two hours", False),  # the open bound excludes 120
        ("about 100 soldiers", "95 soldiers", True),
        ("more than three years", "two years", False),
        ("1,000 detainees", "1,000 families", None),  # different things counted
    ],
)
def test_reconcile_quantity_comparison(left: str, right: str, verdict: bool | None) -> None:
    assert compatible(only(left), only(right)) is verdict


def test_reconcile_quantity_describe_uses_readable_units() -> None:
    assert only("less than two hours").describe() == "<2 h"
    assert only("1,000 detainees").describe() == "1,000 detainee"
    # an approximate span in the largest unit it reaches, not in minutes or hours
    assert only("nearly a week").describe() == "5.95–7 day"
    assert only("almost two years").describe() == "1.70–2 year"
    assert only("roughly 40 days").describe() == "36–44 day"
    assert only("about three hours").describe() == "2.70–3.30 h"
    assert only("one hour and 40 minutes").describe() == "100 min"


@given(st.integers(min_value=0, max_value=10**9))
def test_reconcile_digit_numbers_round_trip(value: int) -> None:
    quantity = only(f"exactly {value:,} detainees")
    assert quantity.low == quantity.high == value


@pytest.mark.parametrize(
    ("a", "b", "comparable"),
    [
        ("people", "protester", True),  # a generic class and its refinement
        ("protester", "demonstrator", True),  # one class
        ("hostage", "captive", True),
        ("boat", "vessel", True),
        ("hostage", "prisoner", False),  # two refinements count two different groups
        ("car", "bus", False),
        ("seat", "percent", False),
    ],
)
def test_counted_nouns_compare_by_class(a: str, b: str, comparable: bool) -> None:
    from accord.reconcile.numbers import same_kind

    assert same_kind(a, b) is comparable
    qa = Quantity(0, 1, "1", 30.0, 30.0, a)
    qb = Quantity(0, 1, "1", 80.0, 80.0, b)
    assert compatible(qa, qb) is (False if comparable else None)


def test_a_part_of_a_whole_counts_what_the_whole_counts() -> None:
    q = only("Her party won a majority, taking 71 of 120 seats.")
    assert (q.low, q.unit) == (71.0, "seat")
    assert find_quantities("three of the freed hostages") == []


def test_an_age_counts_nothing() -> None:
    """ "The 35-year-old deputy" and "the 29-year-old gang member" are two people: an age is
    not tied to its person here, so it is not compared (nor taken for a duration)."""
    assert find_quantities("the 35-year-old deputy", bare=True) == []
    assert find_quantities("the suspect, 61 years old, was held", bare=True) == []
    assert [q.text for q in find_quantities("he served 20 years in prison")] == ["20 years"]


@pytest.mark.parametrize("text", ["52% of the vote", "52 per cent of the vote", "52 percent"])
def test_percent_signs_and_words_are_one_unit(text: str) -> None:
    q = only(text)
    assert (q.low, q.unit) == (52.0, "percent")
    assert compatible(q, only("48 percent")) is False
