"""Within one article: mentions of one actor become one *local entity*.

Mentions join when the analyse stage put them in one coreference chain (checked: a chain never
joins a person with a non-person, unless the other is a one-word surname the NER mislabelled,
nor two people whose names cannot match), when they carry the same name (or skeleton, GeoNames
place, nationality), when a surname alone matches exactly one full name of the article, when an
acronym spells exactly one multi-word name of the article, and when a short name begins or ends
exactly one longer name of a thing. Each local entity is then typed: a prominent place tagged
PERSON becomes a place, a demonym NORP, a seat of government ORG. Two local entities of one
article are different actors: the cross-article step never merges them (a cannot-link).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial

from spacy.lang.en.stop_words import STOP_WORDS

from accord.ingest.build import headline_end
from accord.ingest.dateline import in_title_case
from accord.model import Analysis, Mention, MergeEvidence
from accord.resolve.gazetteer import Place, fold, lookup_place
from accord.resolve.given_names import first_name_gender
from accord.resolve.kb import KBEntry, KnowledgeBase
from accord.resolve.names import (
    PersonName,
    acronym_of,
    as_acronym,
    clean_surface,
    fold_phrase,
    parse_person,
    person_surface,
)
from accord.resolve.nationality import demonym_country, metonym_country, short_form_index
from accord.resolve.similarity import given_compatible, person_match
from accord.resolve.types import PERSON, PLACE_LABELS, compatible, majority, same_kind
from accord.resolve.unionfind import UnionFind

# A PERSON-labelled name is taken for a place only when the place is prominent enough that a
# person rarely goes by that name alone (cities below this population stay people: "Jackson").
RETYPE_CITY_POPULATION = 500_000
# A city found by an alternate name (an exonym, an old or transliterated name) must be far bigger:
# GeoNames lists surnames among such names of mid-size cities ("Manning" for Wanning, China).
RETYPE_ALTERNATE_POPULATION = 1_000_000
# A name the NER tagged as an organisation (or anything else that is neither a place nor a person)
# is a city by its own name only when the city is this large: a government named by its seat
# ("Washington", "Tallinn said") is; a company, school or team named like a small town
# ("Summit", "Bentley"), a surname ("Tyler", "Jackson") or an acronym ("UN" is not the Indian
# town Un, "AMA" not the Japanese Ama) is not. By an alternate name, as for persons, only a city
# of RETYPE_ALTERNATE_POPULATION ("Teixeira" is not Tapejara, Brazil, nor "Champion" Painesville,
# Ohio, whose old names they are).
ORG_CITY_POPULATION = 200_000
# A name tagged as a place finds a city by another of its names (GeoNames' alternate names: old
# names, exonyms, nicknames) only when the city is this large. The other names of small towns
# are often common words or names ("Valley" for The Valley, Anguilla; "North" for North Salt
# Lake; "Tabar" for Tábor; "Downtown" for a district of Warsaw); on the ECB+ and PolNeAR
# texts 8 such links of 9 below this size were wrong, and 11 of the 29 above it (the rule on
# the words of a longer name, below, catches some of those: "Lester" of "Lester Holt").
ALTERNATE_CITY_POPULATION = 100_000
# The paragraphs after the headline where an article introduces its subject: a bare surname
# that several full names of the article share stands for the one introduced first, if there.
OPENING_PARAGRAPHS = 3
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(slots=True)
class Local:
    """One actor of one article: its mentions, names, type, roles and links."""

    article: str
    mentions: list[Mention]
    label: str
    names: list[str]  # cleaned surface forms, most complete first
    person: PersonName | None = None
    place: Place | None = None
    kb: KBEntry | None = None
    roles: list[str] = field(default_factory=list)
    evidence: list[MergeEvidence] = field(default_factory=list)
    country: str | None = None  # ISO code a demonym or a metonym stands for
    genders: frozenset[str] = frozenset()  # what its mentions' titles and first names tell

    @property
    def name(self) -> str:
        return self.names[0]

    @property
    def is_full_person(self) -> bool:
        return self.person is not None and self.person.is_full

    def signature(self) -> tuple[str, ...]:
        """Exact identity key: locals of different articles with equal signatures merge at once."""
        if self.kb is not None:
            return ("kb", self.kb.id)
        if self.label == PERSON and self.person is not None:
            if not self.person.is_full:  # a bare surname is resolved article by article
                return ("surname", fold_phrase(self.name), self.article)
            return ("person", fold_phrase(self.name))
        if self.place is not None:
            return ("geo", str(self.place.geonameid))
        if self.label == "NORP" and self.country is not None:
            return ("nationality", self.country)
        if self.label == "NORP":
            return ("name", group_singular(self.name))
        return ("name", fold_phrase(self.name))


def _mention_key(m: Mention) -> tuple[str, str]:
    """Within one article, mentions with equal keys are one actor."""
    if m.label == PERSON:
        parsed = parse_person(m.text)
        return ("person", " ".join((*parsed.given, parsed.surname)))
    place = lookup_place(clean_surface(m.text))
    if place is not None:
        return ("thing", f"geo:{place.geonameid}")
    demonym = demonym_country(m.text)
    if demonym:
        return ("thing", f"nationality:{demonym}")
    return ("thing", group_singular(m.text) if m.label == "NORP" else fold_phrase(m.text))


def group_singular(text: str) -> str:
    """A group word's folded singular: "Freedonians" and "Freedonian" are one nationality,
    "Democrats" and "Democrat" one party (not "Swiss")."""
    key = fold_phrase(text)
    if key.endswith("s") and not key.endswith("ss") and len(key) > 4:
        return key[:-1]
    return key


def _mislabelled_surname(m: Mention) -> bool:
    """A one-word name the NER did not call a person that could be a surname: not a place,
    nationality, seat of government or acronym."""
    text = clean_surface(m.text)
    return (
        m.label != PERSON
        and len(text.split()) == 1
        and not as_acronym(text)
        and lookup_place(text) is None
        and demonym_country(text) is None
        and metonym_country(text) is None
    )


def _person_view(m: Mention) -> PersonName | None:
    """The mention read as a personal name: PERSON mentions, and mislabelled surnames."""
    if m.label == PERSON or _mislabelled_surname(m):
        return parse_person(m.text)
    return None


def _chain_ok(a: Mention, b: Mention) -> bool:
    """Our own check of the analyse stage's chain link."""
    if not compatible(a.label, b.label):
        pa, pb = _person_view(a), _person_view(b)
        return (
            pa is not None and pb is not None and (pa.is_full or pb.is_full) and _names_ok(pa, pb)
        )
    if a.label != PERSON:
        return True
    return _names_ok(parse_person(a.text), parse_person(b.text))


def _mention_gender(m: Mention) -> str | None:
    """'m' or 'f' as the mention's title words say ("Mr.", "Mrs."), else as the first name
    of a full name says ("Michelle"), else None. Not its roles: they name other people too
    ("Katie, who was in a steady relationship with a boyfriend")."""
    # imported here: the pronouns module imports this package's type evidence
    from accord.analyze.pronouns import genders_named

    found = genders_named(m.titles)
    if not found and m.label == PERSON:
        parsed = parse_person(m.text)
        first = parsed.raw_given[0] if parsed.is_full and parsed.raw_given else None
        gender = first_name_gender(first) if first else None
        found = {gender} if gender else set()
    return found.pop() if len(found) == 1 else None


def genders_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether mentions whose titles and first names tell genders ``a`` and ``b`` may be one
    person: together they tell at most one gender."""
    return len(a | b) <= 1


def same_known_gender(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether ``a`` and ``b`` each tell one gender, and the same one."""
    return len(a) == 1 and a == b


class _Mentions(UnionFind[int]):
    """The article's mentions as groups of one actor, with the genders each group's titles
    and first names tell: a group whose gender is known joins no group of the other
    ("Mr. Obama" is not Michelle Obama, the article's only full name with that surname, be
    it by the surname rule, the analyse stage's chain or an equal name)."""

    def __init__(self, ms: Sequence[Mention]) -> None:
        super().__init__(range(len(ms)))
        self._genders: dict[int, frozenset[str]] = {}
        for i, m in enumerate(ms):
            gender = _mention_gender(m)
            self._genders[i] = frozenset({gender} if gender else ())

    def agree(self, a: int, b: int) -> bool:
        """Whether the groups of ``a`` and ``b`` may be one person by gender."""
        return genders_agree(self._genders[self.find(a)], self._genders[self.find(b)])

    def genders(self, a: int) -> frozenset[str]:
        """What the titles and first names of the group of ``a`` tell."""
        return self._genders[self.find(a)]

    def same_gender(self, a: int, b: int) -> bool:
        """Whether the groups of ``a`` and ``b`` both have a known gender, and the same one."""
        return same_known_gender(self._genders[self.find(a)], self._genders[self.find(b)])

    def union(self, a: int, b: int) -> int:
        known = self._genders[self.find(a)] | self._genders[self.find(b)]
        root = super().union(a, b)
        self._genders[root] = known
        return root


def _names_ok(pa: PersonName, pb: PersonName) -> bool:
    if (pa.is_full and pb.is_full) or not (pa.is_full or pb.is_full):
        return person_match(pa, pb).level in ("exact", "translit", "fuzzy")
    full, short = (pa, pb) if pa.is_full else (pb, pa)
    return short.surname in (full.surname, full.first) or person_match(full, short).matched


Found = list[tuple[int, MergeEvidence]]  # (a mention index of the joined group, why)


def _evidence(
    uf: UnionFind[int], ms: Sequence[Mention], i: int, j: int, rule: str
) -> tuple[int, MergeEvidence]:
    uf.union(i, j)
    left, right = clean_surface(ms[i].text), clean_surface(ms[j].text)
    return i, MergeEvidence(left, right, rule, 1.0, f"within article {ms[i].article}")


def _join_chains(uf: _Mentions, ms: Sequence[Mention], out: Found) -> None:
    by_chain: dict[int, list[int]] = defaultdict(list)
    for i, m in enumerate(ms):
        if m.chain >= 0:
            by_chain[m.chain].append(i)
    for members in by_chain.values():
        anchor = max(members, key=lambda i: (len(ms[i].text), -i))
        for i in members:
            if i != anchor and _chain_ok(ms[anchor], ms[i]) and uf.agree(anchor, i):
                out.append(_evidence(uf, ms, anchor, i, "chain"))


def _join_same_names(uf: _Mentions, ms: Sequence[Mention], out: Found) -> None:
    first: dict[tuple[str, str], int] = {}
    for i, m in enumerate(ms):
        key = _mention_key(m)
        if key in first and uf.find(first[key]) != uf.find(i) and uf.agree(first[key], i):
            out.append(_evidence(uf, ms, first[key], i, _same_key_rule(ms[first[key]], m, key)))
        first.setdefault(key, i)


def _same_key_rule(a: Mention, b: Mention, key: tuple[str, str]) -> str:
    """Why two mentions with one key are one actor: the name, its skeleton, place, nationality."""
    if fold_phrase(a.text) == fold_phrase(b.text):
        return "same_name"
    if key[0] == "person":
        return "translit"
    return "gazetteer" if key[1].startswith("geo:") else "nationality"


def _full_names(ms: Sequence[Mention]) -> dict[str, list[tuple[int, PersonName]]]:
    """The article's full personal names (PERSON mentions of two words or more) by surname."""
    by_surname: dict[str, list[tuple[int, PersonName]]] = defaultdict(list)
    for i, m in enumerate(ms):
        parsed = parse_person(m.text) if m.label == PERSON else None
        if parsed is not None and parsed.is_full:
            by_surname[parsed.surname].append((i, parsed))
    return by_surname


def _join_full_names(uf: _Mentions, ms: Sequence[Mention], out: Found) -> None:
    """Two full names of one person in one article ("Donald J. Trump" and "Donald Trump",
    "Mike Flynn" and "Michael Flynn") join when each matches no other group: "George Bush"
    beside "George H. W. Bush" and "George W. Bush" stays apart. The surname and the given
    names must be spelled alike (see ``given_compatible``): "Ilsa Varga" is not Ilse. Left
    apart, the two would also keep the person's mentions in other articles apart (two locals
    of one article are never one entity)."""
    for names in _full_names(ms).values():
        partners: dict[int, set[int]] = defaultdict(set)
        first_pair: dict[tuple[int, int], tuple[int, int]] = {}
        for k, (i, pi) in enumerate(names):
            for j, pj in names[k + 1 :]:
                ri, rj = uf.find(i), uf.find(j)
                if ri == rj or pi.suffix != pj.suffix or pi.raw_surname != pj.raw_surname:
                    continue
                if given_compatible(pi, pj, spelled=True):
                    partners[ri].add(rj)
                    partners[rj].add(ri)
                    first_pair.setdefault((min(ri, rj), max(ri, rj)), (i, j))
        for (ri, rj), (i, j) in first_pair.items():
            if len(partners[ri]) == len(partners[rj]) == 1 and uf.agree(i, j):
                out.append(_evidence(uf, ms, i, j, "full_name_in_article"))


def _join_surnames(
    uf: _Mentions, ms: Sequence[Mention], out: Found, opening: Sequence[bool | None]
) -> None:
    """A surname alone joins the article's only full name with that surname (also when the
    NER gave the surname another label: "Varga" tagged ORG beside "Ilse Varga"; also with a
    particle capitalised at a sentence start: "De Blasio" beside "Bill de Blasio"), unless
    their genders differ ("Mr. Obama" beside "Michelle Obama" alone). Among several such
    full names, it joins the only one whose known gender is its own ("Mrs. Clinton" beside
    "Bill Clinton" and "Hillary Clinton"), else the article's principal (see
    :func:`_principal`). ``opening[i]``: whether mention ``i`` stands in the article's
    opening paragraphs (None: in its headline; see :func:`_openings`)."""
    full = _full_names(ms)
    for i, m in enumerate(ms):
        parsed = _person_view(m)
        if parsed is None or not parsed.surname:
            continue
        candidates = {
            j
            for j, name in full.get(parsed.surname, [])
            if not parsed.is_full or parsed.is_surname_of(name)  # "De Blasio" of "Bill de Blasio"
        }
        roots = {uf.find(j) for j in candidates}
        if uf.find(i) in roots:
            continue
        rule = "surname_in_article"
        if len(roots) > 1:
            roots = {r for r in roots if uf.same_gender(r, i)} or roots
            if len(roots) > 1:
                roots, rule = _principal(uf, ms, i, candidates, roots, opening), "principal_surname"
            candidates = {j for j in candidates if uf.find(j) in roots}
        if len(roots) == 1 and uf.agree(min(candidates), i):
            out.append(_evidence(uf, ms, min(candidates), i, rule))


def _principal(
    uf: _Mentions,
    ms: Sequence[Mention],
    i: int,
    candidates: set[int],
    roots: set[int],
    opening: Sequence[bool | None],
) -> set[int]:
    """The root of the person a bare surname (mention ``i``) stands for among several full
    names with that surname: the one the article's body introduces first, when it does so in
    its opening paragraphs (``opening``; a title-case headline's spans are no introduction:
    "Obama Reverses Bush"). News introduces its subject in full at the top and
    then calls them by surname alone; a relative or namesake who comes up is named in full
    every time ("Ted Cruz" then "Cruz", "Heidi Cruz"; "Hillary Clinton" then "Clinton", "former
    President Bill Clinton"). Two people introduced in one sentence ("Anna Berg and Tomas
    Berg"), or first further down (a live blog's later item: "Jeh Johnson" after "Gary
    Johnson"), make no principal: the surname stays apart. Nor does one of another gender
    than ``i``'s titles tell."""
    first: dict[int, int] = {}  # root -> its first full name in the body (text order)
    for j in sorted(candidates):
        if uf.find(j) in roots and opening[j] is not None:
            first.setdefault(uf.find(j), j)
    if len(first) < 2:
        return set(first)
    (root, j), (_, runner_up) = sorted(first.items(), key=lambda item: item[1])[:2]
    if ms[j].sentence >= ms[runner_up].sentence or not uf.agree(root, i):
        return set()  # introduced together ("Anna Berg and Tomas Berg"), or not i's gender
    return {root} if opening[j] else set()


def _join_acronyms(uf: _Mentions, ms: Sequence[Mention], out: Found) -> None:
    """An acronym joins the article's only multi-word name it spells ("EU" → European Union)."""
    spelled: dict[str, set[int]] = defaultdict(set)
    for i, m in enumerate(ms):
        if m.label != PERSON and acronym_of(m.text):
            spelled[acronym_of(m.text)].add(i)
    for i, m in enumerate(ms):
        letters = as_acronym(m.text) if m.label != PERSON else ""
        roots = {uf.find(j) for j in spelled.get(letters, ())} if letters else set()
        if len(roots) == 1 and uf.find(i) not in roots:
            out.append(_evidence(uf, ms, min(spelled[letters]), i, "acronym_in_article"))


def _partial_ok(m: Mention) -> bool:
    """Non-person, non-demonym names that are not places can be short forms of a longer name
    (a word GeoNames lists only as another name of a city can: "Angeles" of "Los Angeles")."""
    if m.label in (PERSON, "NORP"):
        return False
    surface = clean_surface(m.text)
    place = lookup_place(surface)
    return place is None or _by_other_name(place, surface)


def _by_other_name(place: Place, name: str) -> bool:
    """Whether ``name`` finds the city ``place`` only as one of its other names, written as a
    word (not an abbreviation: "D.C." is Washington by GeoNames' capitals)."""
    return (
        place.kind == "city" and fold(place.name) != fold(name) and any(c.islower() for c in name)
    )


def _join_partial_names(uf: _Mentions, ms: Sequence[Mention], out: Found) -> None:
    """A name that begins or ends the article's only longer name of a thing of the same kind
    joins it ("Red Sox" → "Boston Red Sox"; "Morningside" → "Morningside Recovery Center"; the
    island "Cova" is no short form of the ferry company "Cova Lines"). A longer name it is only
    an unsure short form of ("Church" of "Catholic Church") counts among the candidates but is
    never joined."""
    longer = short_form_index((i, m.text, m.label) for i, m in enumerate(ms))
    for i, m in enumerate(ms):
        if not _partial_ok(m):
            continue
        found = longer.get(fold_phrase(m.text), {})
        targets = {j for j in found if same_kind(ms[j].label, m.label)}
        roots = {uf.find(j) for j in targets}
        if len(roots) != 1 or uf.find(i) in roots or not all(found[j] for j in targets):
            continue
        out.append(_evidence(uf, ms, min(targets), i, "partial_name_in_article"))


def mention_name(m: Mention) -> str:
    """The name a mention gives its entity, as entity names and aliases are written: without
    titles, possessives and stray punctuation."""
    surface = person_surface(m.text) if m.label == PERSON else clean_surface(m.text)
    return surface or m.text


def _ordered_names(ms: Sequence[Mention]) -> list[str]:
    """Distinct cleaned surface forms, most complete (most words), then most frequent, first."""
    counts: dict[str, int] = defaultdict(int)
    for m in ms:
        counts[mention_name(m)] += 1
    return sorted(counts, key=lambda n: (-len(n.split()), -counts[n], n))


def _as_place(
    label: str, names: Sequence[str], has_roles: bool, name_words: frozenset[str]
) -> Place | None:
    """The gazetteer place a local denotes, if any; one the NER did not tag as a place only if
    it is prominent (see ``RETYPE_CITY_POPULATION`` and ``ORG_CITY_POPULATION``). A word that
    GeoNames lists only as another name of a city and that the article writes as a word of a
    longer name (``name_words``) is no place: "Lester" of "Lester Holt" is not Leicester,
    "North" of "North Korea" not North Salt Lake, "Manning" of "Peyton Manning" not Wanning."""
    if label == PERSON:
        if has_roles or any(parse_person(n).is_full and lookup_place(n) is None for n in names):
            return None
        place = lookup_place(names[0])
        return place if place is not None and _prominent(place, names[0], label) else None
    for name in names:
        place = lookup_place(name)
        if place is None:
            continue
        if _by_other_name(place, name) and (
            fold(name) in name_words or place.population < ALTERNATE_CITY_POPULATION
        ):
            continue
        if label in PLACE_LABELS or _prominent(place, name, label):
            return place
    return None


def _prominent(place: Place, name: str, label: str) -> bool:
    """Whether a name tagged ``label`` (not a place) may still be taken for ``place``."""
    if place.kind != "city":
        return True
    own_name = fold(place.name) == fold(name)
    if not own_name:
        return place.population >= RETYPE_ALTERNATE_POPULATION
    floor = RETYPE_CITY_POPULATION if label == PERSON else ORG_CITY_POPULATION
    return place.population >= floor


def _place_label(label: str, place: Place) -> str:
    if label in ("GPE", "LOC", "FAC", "ORG"):
        return label
    return "LOC" if place.kind == "continent" else "GPE"


def _nationality_label(label: str, names: Sequence[str], has_roles: bool) -> tuple[str, str | None]:
    """A demonym is NORP and a seat of government ORG, whatever the NER said (both match whole
    names only); a title or role keeps a PERSON a person."""
    if label == PERSON and has_roles:
        return label, None
    demonym = next((c for n in names if (c := demonym_country(n))), None)
    if demonym is not None:
        return "NORP", demonym
    metonym = next((c for n in names if (c := metonym_country(n))), None)
    if metonym is not None:
        return "ORG", metonym
    return label, None


def _local_label(ms: Sequence[Mention]) -> str:
    """PERSON when a full personal name is among the mentions, else the majority label."""
    if any(m.label == PERSON and parse_person(m.text).is_full for m in ms):
        return PERSON
    return majority(m.label for m in ms)


def _make_local(
    ms: list[Mention], kb: KnowledgeBase | None, name_words: frozenset[str], genders: frozenset[str]
) -> Local:
    label = _local_label(ms)
    names = _ordered_names(ms)
    roles = list(dict.fromkeys(r for m in ms for r in (*m.titles, *m.roles)))
    place = _as_place(label, names, bool(roles), name_words)
    country = None
    if place is not None:
        label = _place_label(label, place)
    else:
        label, country = _nationality_label(label, names, bool(roles))
    local = Local(
        ms[0].article, ms, label, names, place=place, roles=roles, country=country, genders=genders
    )
    if label == PERSON:
        local.person = parse_person(names[0])
    if kb is not None:
        local.kb = kb.link(names, label)
    return local


def _openings(analysis: Analysis, ms: Sequence[Mention]) -> list[bool | None]:
    """Where each mention stands: ``None`` in a title-case headline (whose capitals make a
    name of any words: "Obama Reverses Bush"), True in the opening paragraphs
    (``OPENING_PARAGRAPHS`` after the headline), False further down or where the analysis
    kept no sentences. A first line that is no title-case headline ("Mark Felt, who was known
    as 'Deep Throat', died on Friday.") introduces its names like the body."""
    text = analysis.article.text
    head = headline_end(text, analysis.article.title)
    sentences = analysis.sentences
    first = 1 if head else 0  # the paragraph the body opens with
    words = _WORD.findall(text[:head])
    title_case = in_title_case([w for w in words if w.lower() not in STOP_WORDS])
    out: list[bool | None] = []
    for m in ms:
        if m.start < head and title_case:
            out.append(None)
        elif 0 <= m.sentence < len(sentences):
            out.append(sentences[m.sentence].paragraph < first + OPENING_PARAGRAPHS)
        else:
            out.append(False)
    return out


def build_locals(analysis: Analysis, kb: KnowledgeBase | None = None) -> list[Local]:
    """The article's local entities, in order of first mention."""
    ms = sorted(analysis.mentions, key=lambda m: (m.start, m.end))
    uf = _Mentions(ms)
    evidence: Found = []
    opening = _openings(analysis, ms)
    joins = (
        _join_chains,
        _join_same_names,
        _join_full_names,
        partial(_join_surnames, opening=opening),
        _join_acronyms,
        _join_partial_names,
    )
    for join in joins:
        join(uf, ms, evidence)
    # the words of the article's longer names: a one-word name among them is their short form
    name_words = frozenset(fold(w) for m in ms if " " in m.text.strip() for w in m.text.split())
    locals_: list[Local] = []
    index: dict[int, Local] = {}
    for root, members in uf.groups().items():
        local = _make_local([ms[i] for i in members], kb, name_words, uf.genders(root))
        index[root] = local
        locals_.append(local)
    seen: set[tuple[int, str, str, str]] = set()
    for i, ev in evidence:
        root = uf.find(i)
        if (root, ev.left, ev.right, ev.rule) not in seen:
            seen.add((root, ev.left, ev.right, ev.rule))
            index[root].evidence.append(ev)
    return locals_
