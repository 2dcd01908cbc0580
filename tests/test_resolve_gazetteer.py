"""The GeoNames index behind lookup_place: exact alternate names, never substrings."""

from __future__ import annotations

import pytest

from accord.resolve import lookup_place


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Peking", "Beijing"),
        ("Saigon", "Ho Chi Minh City"),
        ("Lvov", "Lviv"),
        ("Bombay", "Mumbai"),
        ("Варшава", "Warsaw"),
        ("the Netherlands", "The Netherlands"),
        ("Britain", "United Kingdom"),
        ("U.S.", "United States"),
        ("UK", "United Kingdom"),
        ("New York", "New York City"),
    ],
)
def test_alternate_names_find_the_canonical_place(name: str, canonical: str) -> None:
    place = lookup_place(name)
    assert place is not None and place.name == canonical


@pytest.mark.parametrize("name", ["Paris Hilton", "us", "and", "Valdoria", "Harbour Authority"])
def test_no_substring_or_lower_case_code_matches(name: str) -> None:
    assert lookup_place(name) is None


def test_country_beats_city_of_the_same_name() -> None:
    place = lookup_place("Georgia")
    assert place is not None and place.kind == "country" and place.geonameid == 614540


@pytest.mark.parametrize("name", ["White House", "Whitehall", "Elysee"])
def test_resolve_gazetteer_seat_of_government_finds_no_city(name: str) -> None:
    # GeoNames lists these as alternate names of Casablanca, Atlanta and a Paris district.
    assert lookup_place(name) is None


def test_resolve_gazetteer_vatican_stays_a_country() -> None:
    place = lookup_place("Vatican")
    assert place is not None and place.kind == "country"


def test_resolve_gazetteer_own_name_beats_another_citys_alternate() -> None:
    # A larger US city carries "Venice" among its alternate names; the Italian city's own name wins.
    place = lookup_place("Venice")
    assert place is not None and place.countrycode == "IT"
    odesa = lookup_place("Odessa")  # a city over 500k still beats a smaller city's own name
    assert odesa is not None and odesa.countrycode == "UA"
