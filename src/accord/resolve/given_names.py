"""English given names and their familiar forms: "Bill" and "William" are one person's names.

News writes a person's given name the way they go by it in one report and in full in the
next ("Bill X" / "William X", "Katie X" / "Kathryn X"). The resolver compares given names only
after the surnames match (:func:`accord.resolve.similarity.given_compatible`); a familiar form
of the other side's given name then counts as compatible. The table is
``data/names_given_variants.tsv`` (see its header for why it is not a PyPI name list).

How many people bear a first name, and of which gender, comes from the ``nomquamgender``
package's name data (:func:`first_name_gender`, :func:`known_first_name`): the pronoun resolver
reads a person's gender from it, the resolver tells "Paul" from "Paula" by it, and the entity
fixes tell a first name from a word run into a name.
"""

from __future__ import annotations

import importlib.util
import logging
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from anyascii import anyascii

log = logging.getLogger(__name__)

# A first name counts as one gender when this share of its bearers or more are that gender.
GENDER_SHARE = 0.9
GENDER_MIN_COUNT = 5
KNOWN_NAME_COUNT = 50  # bearers that make a word of either gender a first name (known_first_name)
_NAME_ROW = re.compile(r'"([^"\\]+)": \[(\d+), (\d+), ([0-9.eE+-]+)')


@lru_cache(maxsize=1)
def _groups() -> dict[str, frozenset[int]]:
    """folded given name -> the numbers of the lines (name groups) it stands on."""
    text = (files("accord") / "data" / "names_given_variants.tsv").read_text(encoding="utf-8")
    out: dict[str, set[int]] = {}
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for number, line in enumerate(lines):
        formal, familiar = line.split("\t")[:2]
        for name in (formal, *familiar.split(",")):
            out.setdefault(name.strip(), set()).add(number)
    return {name: frozenset(groups) for name, groups in out.items()}


def same_given_name(a: str, b: str) -> bool:
    """Whether two folded given names can be one person's (a form of the other, or two forms
    of one formal name: "bill" / "william", "kate" / "katie")."""
    groups = _groups()
    return bool(groups.get(a, frozenset()) & groups.get(b, frozenset()))


def first_name_gender(name: str) -> str | None:
    """'m' or 'f' when nearly all bearers of the first name ``name`` are of that gender in
    the ``nomquamgender`` name data, else ``None`` (also when the package is absent)."""
    key = anyascii(name).lower().strip(".")
    if len(key) < 2:
        return None
    return _name_data()[0].get(key)


def known_first_name(name: str) -> bool:
    """Whether ``name`` is a first name at least ``KNOWN_NAME_COUNT`` people bear in the
    ``nomquamgender`` data, of either gender ("Lindsay", "Chris"; not "Crooked", which 4
    people bear). False for everything when the package is absent."""
    key = anyascii(name).lower().strip(".")
    return len(key) >= 2 and key in _name_data()[1]


@lru_cache(maxsize=1)
def _name_data() -> tuple[dict[str, str], frozenset[str]]:
    """First name -> 'm' or 'f' (nearly all bearers of one gender), and the first names at
    least ``KNOWN_NAME_COUNT`` people bear, from ``nomquamgender/name_data.json`` (name:
    [sources, count, p(female), ...]). The package's own module imports pandas and
    ``json.load``s the whole file (721,000 names: 3 s and 500 MB); a regular expression over
    the text reads only the three numbers of each name (0.5 s, 60 MB). Names written with JSON escapes are skipped:
    the lookup key is ASCII anyway."""
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        log.info("nomquamgender is not installed: pronouns are resolved without first names")
        return {}, frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("cannot read first-name data %s: %s", path, exc)
        return {}, frozenset()
    table: dict[str, str] = {}
    known: set[str] = set()
    for match in _NAME_ROW.finditer(text):
        count, share = int(match[3]), float(match[4])
        if count >= GENDER_MIN_COUNT and (share <= 1 - GENDER_SHARE or share >= GENDER_SHARE):
            table[match[1]] = "f" if share >= GENDER_SHARE else "m"
        if count >= KNOWN_NAME_COUNT:
            known.add(match[1])
    return table, frozenset(known)
