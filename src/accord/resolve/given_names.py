"""English given names and their familiar forms: "Bill" and "William" are one person's names.

News writes a person's given name the way they go by it in one report and in full in the
next ("Bill X" / "William X", "Katie X" / "Kathryn X"). The resolver compares given names only
after the surnames match (:func:`accord.resolve.similarity.given_compatible`); a familiar form
of the other side's given name then counts as compatible. The table is
``data/names_given_variants.tsv`` (see its header for why it is not a PyPI name list).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


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
