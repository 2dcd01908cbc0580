"""Blocking: which groups are compared at all.

Candidate pairs come only from shared *blocking keys*: surname skeleton, consonant skeleton and
metaphone for people; folded name, skeleton and acronym for the rest. A block larger than
``BLOCK_CAP`` is compared by sorted neighbourhood (each member against the next ``BLOCK_CAP``
in name order), so the number of pairs grows with the number of distinct names times a
constant, never quadratically.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations

from accord.resolve.groups import Group
from accord.resolve.names import PersonName, acronym_of, as_acronym, fold_phrase
from accord.resolve.translit import consonants, phonetic, skeleton

BLOCK_CAP = 30


def person_keys(person: PersonName) -> list[str]:
    sk = person.surname
    return [f"ps:{sk}", f"pc:{consonants(sk)}", f"pm:{phonetic(sk)}"] if sk else []


def _thing_keys(group: Group) -> list[str]:
    keys: list[str] = []
    for name in group.names:
        folded = fold_phrase(name)
        keys.append(f"n:{folded}")
        keys.append(f"t:{' '.join(skeleton(w) for w in folded.split())}")
        letters = as_acronym(name) or acronym_of(name)
        if letters:
            keys.append(f"a:{letters}")
    return keys


def blocking_keys(group: Group) -> list[str]:
    """Keys under which the group meets its candidate partners."""
    if group.person is not None:
        prefix = "full" if group.is_full_person else "short"
        return [f"{prefix}|{k}" for k in person_keys(group.person)]
    return [f"thing|{k}" for k in dict.fromkeys(_thing_keys(group))]


def candidate_pairs(
    groups: Sequence[Group], selected: Iterable[int] | None = None
) -> list[tuple[int, int]]:
    """Pairs of group indexes sharing a blocking key; large blocks by sorted neighbourhood."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for index in selected if selected is not None else range(len(groups)):
        group = groups[index]
        for key in blocking_keys(group):
            blocks[key].append(group.index)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) <= BLOCK_CAP:
            pairs.update(combinations(sorted(members), 2))
            continue
        ordered = sorted(members, key=lambda i: (fold_phrase(groups[i].first.name), i))
        for pos, i in enumerate(ordered):
            for j in ordered[pos + 1 : pos + 1 + BLOCK_CAP]:
                pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)
