"""Attaching short forms once full names and things are clustered.

A bare surname, article by article, joins the one full-name entity it matches; with several,
the only one of its gender decides (by titles and first names: "Mr. Obama" is not Michelle
Obama), then strongly agreeing roles, then co-occurrence (the entity whose articles share
clearly more other entities with the surname's article), then prominence (the one the corpus
names ten times as often as any other, when the surname's articles name none in full);
otherwise it stays apart. A short thing name ("Red Sox") joins the one entity whose longer
name begins or ends with it ("Boston Red Sox").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from accord.model import MergeEvidence
from accord.resolve.blocking import BLOCK_CAP, person_keys
from accord.resolve.cluster import Clusters, is_short
from accord.resolve.gazetteer import lookup_place
from accord.resolve.groups import Group
from accord.resolve.local import genders_agree, same_known_gender
from accord.resolve.names import fold_phrase
from accord.resolve.nationality import short_form_index, short_forms
from accord.resolve.scoring import Decision, decide_person, person_decision
from accord.resolve.types import PERSON, PLACE_LABELS, same_kind

LOOSE = frozenset({"fuzzy", "weak"})
CONTEXT_SAMPLE = 200  # articles per component read for co-occurrence (bounds the work)
CONTEXT_MIN_SHARED = 2
PROMINENT_RATIO = 10  # mentions of the most-named candidate against the next (_by_prominence)
PROMINENT_PLACE_POPULATION = 100_000  # a city this large makes its name no prominent surname


def _full_name_index(groups: Sequence[Group]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for group in groups:
        if group.is_full_person and group.person is not None:
            for key in person_keys(group.person):
                index[key].append(group.index)
    return index


def _attach_candidates(
    clusters: Clusters,
    shorts: Sequence[Group],
    index: dict[str, list[int]],
    roles: dict[int, list[str]],
) -> dict[int, Decision]:
    """Best decision per full-name component that the surname-only component could join."""
    best: dict[int, Decision] = {}
    short_roles = [r for s in shorts for r in s.roles]
    for short in shorts:
        assert short.person is not None
        # A bare name that is also a place ("Bakhmut" tagged PERSON) joins a person only by
        # its exact or transliterated surname, never by a looser likeness.
        strict = lookup_place(short.first.name) is not None
        for key in person_keys(short.person):
            bucket = index.get(key, [])
            if len(bucket) > BLOCK_CAP and not key.startswith("ps:"):
                continue  # a loose key shared by many names: the exact-skeleton key suffices
            for fi in bucket:
                full = clusters.groups[fi]
                assert full.person is not None
                root = clusters.uf.find(fi)
                decided = decide_person(short.person, full.person, short_roles, roles[root])
                if decided is not None and not (strict and decided[0].level in LOOSE):
                    d = person_decision(full, short, *decided, kind="surname")
                    if root not in best or d.score > best[root].score:
                        best[root] = d
    return best


def attach_surnames(clusters: Clusters) -> None:
    """Join each bare surname (one article's) to the one full-name component it matches; with
    several, the only one whose known gender is the surname's own decides, then agreeing
    roles, then the article's other entities (co-occurrence), then prominence."""
    groups = clusters.groups
    index = _full_name_index(groups)
    comps = clusters.uf.groups()
    roles = {root: [r for i in members for r in groups[i].roles] for root, members in comps.items()}
    genders = {
        root: frozenset().union(*(groups[i].genders for i in m)) for root, m in comps.items()
    }
    weights = {
        root: sum(len(loc.mentions) for i in m for loc in groups[i].locals)
        for root, m in comps.items()
    }
    for short in groups:
        if not is_short(short):
            continue
        best = _attach_candidates(clusters, [short], index, roles)
        choice = list(best.values())
        if len(choice) > 1:
            # "Mr. Obama" beside Barack and Michelle Obama: the one of its own gender
            by_gender = [
                d
                for root, d in best.items()
                if same_known_gender(short.genders, genders.get(root, frozenset()))
            ]
            by_roles = [d for d in choice if d.evidence.rule.endswith("+roles")]
            choice = (
                by_gender
                if len(by_gender) == 1
                else by_roles
                or _by_context(clusters, short.index, best)
                or _by_prominence(clusters, short, best, genders, weights)
            )
        if len(choice) == 1:
            d = choice[0]
            clusters.merge(d.left, d.right, d.evidence)


def _by_prominence(
    clusters: Clusters,
    short: Group,
    best: dict[int, Decision],
    genders: dict[int, frozenset[str]],
    weights: dict[int, int],
) -> list[Decision]:
    """The candidate the corpus names ``PROMINENT_RATIO`` times as often as any other, when the
    surname's own articles name no one in full with that surname: a report that writes only
    "Trump" relies on its reader knowing the one Trump the news is about (not Melania or
    Ivana, each named in full by other reports). A report that names Bill and Hillary Clinton
    and then writes "Clinton" has said nothing of which; nor one whose "Clinton" is a woman
    by title when the prominent one is a man. Nor a bare name that is also the name of a city
    of ``PROMINENT_PLACE_POPULATION`` people or more ("Jackson"; "Clinton", a town of 36,000 in
    Iowa, and "Obama", one of 29,000 in Japan, are names news gives people)."""
    assert short.person is not None
    place = lookup_place(short.first.name)
    if place is not None and place.population >= PROMINENT_PLACE_POPULATION:
        return []  # "Jackson, Miss." tagged PERSON is not the prominent Vincent Jackson
    surname = short.person.surname
    by_article = clusters.strong_groups_by_article()
    for article in short.articles:
        for g in by_article.get(article, ()):
            person = clusters.groups[g].person
            if person is not None and person.surname == surname:
                return []
    if any(root not in weights for root in best):
        return []  # weighed before the surnames joined: a component that changed since is unknown
    weight = {root: weights[root] for root in best}
    ranked = sorted(weight, key=lambda r: -weight[r])
    top, runner_up = ranked[0], ranked[1]
    if weight[top] < PROMINENT_RATIO * weight[runner_up]:
        return []
    if not genders_agree(short.genders, genders.get(top, frozenset())):
        return []
    d = best[top]
    detail = f"{d.evidence.detail}; {weight[top]} mentions, next best {weight[runner_up]}"
    evidence = MergeEvidence(
        d.evidence.left, d.evidence.right, d.evidence.rule + "+prominent", d.score, detail
    )
    return [Decision(d.score, d.left, d.right, evidence)]


def _context(clusters: Clusters, root: int, by_article: dict[str, list[int]]) -> set[int]:
    """Components of the full names and things that co-occur with ``root`` in its articles."""
    out: set[int] = set()
    for article in sorted(clusters.articles[clusters.uf.find(root)])[:CONTEXT_SAMPLE]:
        out.update(clusters.uf.find(g) for g in by_article.get(article, ()))
    return out


def _by_context(clusters: Clusters, short: int, best: dict[int, Decision]) -> list[Decision]:
    """The one candidate whose articles share clearly the most other entities with the surname's
    articles (at least ``CONTEXT_MIN_SHARED`` and twice the runner-up); else none."""
    by_article = clusters.strong_groups_by_article()
    own = _context(clusters, short, by_article) - {clusters.uf.find(short)}
    shared = {root: len((own & _context(clusters, root, by_article)) - {root}) for root in best}
    ranked = sorted(shared, key=lambda r: -shared[r])
    top, runner_up = shared[ranked[0]], shared[ranked[1]]
    if top < CONTEXT_MIN_SHARED or top < 2 * runner_up:
        return []
    d = best[ranked[0]]
    detail = f"{d.evidence.detail}; shares {top} co-occurring entities (next best {runner_up})"
    evidence = MergeEvidence(
        d.evidence.left, d.evidence.right, d.evidence.rule + "+context", d.score, detail
    )
    return [Decision(d.score, d.left, d.right, evidence)]


def _partial_candidate(group: Group) -> bool:
    return group.label not in (PERSON, "NORP") and group.first.place is None


def attach_partial_names(clusters: Clusters) -> None:
    """Join a thing's short name to the one component whose longer name begins or ends with it
    ("Red Sox" → "Boston Red Sox"); several candidate components leave it apart, and the short
    name's own component counts as one when it already holds such a longer name ("Supreme
    Court", joined to "U.S. Supreme Court" in one report, does not also join "Manhattan Supreme
    Court" of another). A partial
    name is a loose match, so the two must be the same kind of thing (:func:`same_kind`): the
    island "Cova" is not short for the ferry company "Cova Lines" that bears its name. A longer
    name it is only an unsure short form of ("Church" of "Catholic Church") counts among the
    candidates but is never joined."""
    groups = clusters.groups
    index = short_form_index((g.index, name, g.label) for g in groups for name in g.names)
    for group in groups:
        if not _partial_candidate(group):
            continue
        own = clusters.uf.find(group.index)
        for name in group.names:
            found = index.get(fold_phrase(name), {})
            targets = {t for t in found if same_kind(groups[t].label, group.label)}
            roots = {clusters.uf.find(t) for t in targets}
            if own in roots or len(roots) != 1 or not all(found[t] for t in targets):
                continue  # its own component already has such a longer name, or none, or several
            target = min(targets)
            key = fold_phrase(name)
            longer = next(
                n
                for n in groups[target].names
                if key in (f.key for f in short_forms(n, groups[target].label in PLACE_LABELS))
            )
            detail = f"'{name}' begins or ends '{longer}', the only such name"
            evidence = MergeEvidence(longer, name, "partial_name", 0.7, detail)
            if clusters.merge(target, group.index, evidence):
                break
