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
        # ISO 3166's names and official names (pycountry)
        ("Syrian Arab Republic", "Syria"),
        ("the Democratic People's Republic of Korea", "North Korea"),
        ("Viet Nam", "Vietnam"),
        ("New York", "New York City"),
        # the resolver compares names without a final dot; these forms are no word or name
        ("Calif", "California"),
        ("N.J", "New Jersey"),
        # capitals still find own names and codes GeoNames writes in capitals
        ("ROME", "Rome"),
        ("L.A.", "Los Angeles"),
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


@pytest.mark.parametrize(
    "name",
    [
        # seats of government: alternate names of Casablanca, Atlanta and a Paris district
        "White House",
        "Whitehall",
        "Elysee",
        # acronyms in capitals: GeoNames lists "Irna" for Salerno and "Isna" for Esna
        "IRNA",
        "ISNA",
        # nationality words: GeoNames lists "Thai" among the names of Alor Setar, Malaysia
        "Thai",
        "Turk",
        "Kazakh",
    ],
)
def test_resolve_gazetteer_another_things_name_finds_no_city(name: str) -> None:
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


@pytest.mark.parametrize(
    ("name", "state"),
    [
        ("Calif.", "California"),
        ("N.J.", "New Jersey"),
        ("Mo.", "Missouri"),
        ("W.Va.", "West Virginia"),
    ],
)
def test_resolve_gazetteer_ap_state_abbreviations(name: str, state: str) -> None:
    # "Golden, Colo.": US news names the state after a city in its AP abbreviation.
    place = lookup_place(name)
    assert place is not None and place.kind == "us_state" and place.name == state


@pytest.mark.parametrize("name", ["Mo", "Pa", "Wash", "Ky", "Miss."])
def test_resolve_gazetteer_abbreviation_needs_its_dot(name: str) -> None:
    # Without the dot "Mo" is a nickname, "Pa" and "Wash" words, "Ky" a surname; "Miss." is an
    # honorific.
    place = lookup_place(name)
    assert place is None or place.kind != "us_state"


def test_resolve_gazetteer_state_beats_a_big_citys_other_name() -> None:
    # GeoNames lists "Oklahoma" among Oklahoma City's alternate names; the state is meant.
    oklahoma = lookup_place("Oklahoma")
    assert oklahoma is not None and oklahoma.kind == "us_state"
    new_york = lookup_place("New York")  # a city of millions without its "City" stays the city
    assert new_york is not None and new_york.kind == "city"
    kolkata = lookup_place("Calcutta")  # a big city's former name still beats a small town's own
    assert kolkata is not None and kolkata.countrycode == "IN"


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("St. Petersburg", "RU"),
        ("Saint Petersburg", "RU"),
        ("St Louis", "US"),
        ("St. Gallen", "CH"),
    ],
)
def test_resolve_gazetteer_st_is_saint(name: str, country: str) -> None:
    place = lookup_place(name)
    assert place is not None and place.countrycode == country
