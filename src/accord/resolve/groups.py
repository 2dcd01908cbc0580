"""Groups: local entities of different articles that share one exact *signature* (the same
folded full name, GeoNames id, KB id or nationality) and so are one entity without comparison.
A bare surname is never grouped this way: it is resolved article by article (see attach.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from accord.model import MergeEvidence
from accord.resolve.local import Local
from accord.resolve.names import PersonName
from accord.resolve.types import PERSON, majority


@dataclass(slots=True)
class Group:
    """Locals of different articles that share one signature; its summary fields are filled
    once by :meth:`finish` when grouping is done."""

    index: int
    locals: list[Local]
    evidence: list[MergeEvidence] = field(default_factory=list)
    label: str = ""
    person: PersonName | None = None
    articles: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    genders: frozenset[str] = frozenset()  # what its people's titles and first names tell

    @property
    def first(self) -> Local:
        return self.locals[0]

    @property
    def is_full_person(self) -> bool:
        return self.person is not None and self.person.is_full

    def finish(self) -> Group:
        """Compute the summary fields from the locals."""
        self.label = majority(loc.label for loc in self.locals)
        self.person = self.first.person if self.label == PERSON else None
        self.articles = {loc.article for loc in self.locals}
        self.roles = list(dict.fromkeys(r for loc in self.locals for r in loc.roles))
        self.names = list(dict.fromkeys(n for loc in self.locals for n in loc.names))
        if self.label == PERSON:
            self.genders = frozenset().union(*(loc.genders for loc in self.locals))
        return self


_SIGNATURE_RULES = {"kb": "kb", "geo": "gazetteer", "nationality": "nationality"}


def make_groups(locals_: Sequence[Local]) -> list[Group]:
    """Group locals by signature, in order of first appearance, recording why they joined."""
    by_sig: dict[tuple[str, ...], Group] = {}
    for local in locals_:
        sig = local.signature()
        group = by_sig.get(sig)
        if group is None:
            by_sig[sig] = Group(len(by_sig), [local])
        else:
            group.locals.append(local)
    groups = [group.finish() for group in by_sig.values()]
    for sig, group in by_sig.items():
        if len(group.locals) > 1:
            group.evidence = _signature_evidence(sig, group)
    return groups


def _signature_evidence(sig: tuple[str, ...], group: Group) -> list[MergeEvidence]:
    """One line per spelling: which shared key joined it to the first, in how many articles."""
    rule = _SIGNATURE_RULES.get(sig[0], "same_name")
    why = "same folded name" if rule == "same_name" else f"both are {sig[0]} {sig[1]}"
    articles: dict[str, set[str]] = defaultdict(set)
    for local in group.locals:
        articles[local.name].add(local.article)
    first = group.first.name
    return [
        MergeEvidence(first, name, rule, 1.0, f"{why}; {len(arts)} article(s)")
        for name, arts in articles.items()
    ]
