"""Score an ``accord/1`` export against a gold annotation in accord's gold format.

The gold format (see ``../shared/gold/README.md`` for the seeds) names documents by file name and
gives, as exact substrings of each document: entities with their surface forms per document,
``must_not_merge`` entity pairs, quotes with speakers, and facts with status and evidence. Any
annotated set in this format can be scored, so it is library code, not a benchmark detail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

Export = dict[str, Any]
Gold = dict[str, Any]


@dataclass
class Scores:
    mentions_total: int = 0
    mentions_found: int = 0
    pair_precision: float = 0.0
    pair_recall: float = 0.0
    pair_f1: float = 0.0
    must_not_merge_violations: list[tuple[str, str]] = field(default_factory=list)
    quotes_total: int = 0
    quotes_found: int = 0
    quotes_speaker_right: int = 0
    facts: dict[str, dict[str, int]] = field(
        default_factory=dict
    )  # gold status -> found/right/total
    conflicting_found: bool = False
    predicted_facts: dict[str, int] = field(default_factory=dict)  # status -> count in the export
    details: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "details"}


def _doc_map(export: Export, gold: Gold) -> dict[str, dict[str, Any]]:
    """Gold document name -> export article (matched by path name, else by title/text)."""
    out: dict[str, dict[str, Any]] = {}
    for name in gold["documents"]:
        for article in export["articles"]:
            if article.get("path") and Path(article["path"]).name == name:
                out[name] = article
    return out


def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(needle)) for m in re.finditer(re.escape(needle), text)]


def _mentions_at(mentions: list[tuple[int, int, str, str]], text: str, form: str) -> list[str]:
    """Entity ids of the mentions at the occurrences of ``form`` (exact text first, else overlap:
    a gold form like a surname may occur only inside a longer mention)."""
    exact = [e for (_, _, t, e) in mentions if t == form]
    if exact:
        return exact
    spans = [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text)]
    return [e for (b, f, _, e) in mentions for sp in spans if _overlap((b, f), sp) > 0]


def _entity_items(export: Export, gold: Gold, docs: dict[str, dict[str, Any]], s: Scores) -> None:
    by_article: dict[str, list[tuple[int, int, str, str]]] = {}
    for ent in export["entities"]:
        for m in ent["mentions"]:
            by_article.setdefault(m["article"], []).append(
                (m["start"], m["end"], m["text"], ent["id"])
            )
    items: list[tuple[str, str]] = []  # (gold entity, predicted entity)
    for ent in gold["entities"]:
        for doc, forms in ent["mentions"].items():
            article = docs.get(doc)
            for form in forms:
                s.mentions_total += 1
                predicted = None
                if article:
                    hits = _mentions_at(by_article.get(article["id"], []), article["text"], form)
                    if hits:
                        predicted = max(set(hits), key=hits.count)
                if predicted is None:
                    s.details.append(f"mention not found: {form!r} in {doc}")
                    predicted = f"missing:{ent['id']}:{doc}:{form}"
                else:
                    s.mentions_found += 1
                items.append((ent["id"], predicted))
    tp = fp = fn = 0
    for (g1, p1), (g2, p2) in combinations(items, 2):
        if g1 == g2 and p1 == p2:
            tp += 1
        elif p1 == p2:
            fp += 1
            s.details.append(f"false merge: {g1} ~ {g2} ({p1})")
        elif g1 == g2:
            fn += 1
    s.pair_precision = tp / (tp + fp) if tp + fp else 1.0
    s.pair_recall = tp / (tp + fn) if tp + fn else 1.0
    total = s.pair_precision + s.pair_recall
    s.pair_f1 = 2 * s.pair_precision * s.pair_recall / total if total else 0.0
    predicted_of: dict[str, set[str]] = {}
    for g, p in items:
        predicted_of.setdefault(g, set()).add(p)
    for a, b in gold.get("must_not_merge", []):
        if predicted_of.get(a, set()) & predicted_of.get(b, set()):
            s.must_not_merge_violations.append((a, b))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _quotes(export: Export, gold: Gold, docs: dict[str, dict[str, Any]], s: Scores) -> None:
    forms = {e["id"]: {f for fs in e["mentions"].values() for f in fs} for e in gold["entities"]}
    entity_texts = {
        e["id"]: {m["text"] for m in e["mentions"]} | set(e["aliases"]) for e in export["entities"]
    }
    for quote in gold["quotes"]:
        s.quotes_total += 1
        article = docs.get(quote["doc"])
        if not article:
            continue
        spans = _find_all(article["text"], quote["text"].strip())
        candidates = [
            q
            for q in export["quotes"]
            if q["article"] == article["id"]
            and any(
                _overlap((q["start"], q["end"]), sp)
                >= 0.5 * min(sp[1] - sp[0], q["end"] - q["start"])
                for sp in spans
            )
        ]
        if not candidates:
            s.details.append(f"quote not found: {quote['text'][:50]!r}")
            continue
        s.quotes_found += 1
        q = candidates[0]
        if quote["speaker"] is None:
            right = q["speaker"] is None
        else:
            right = bool(q["speaker"]) and bool(
                entity_texts.get(q["speaker"], set()) & forms[quote["speaker"]]
            )
        if right:
            s.quotes_speaker_right += 1
        else:
            s.details.append(
                f"quote speaker wrong: {quote['text'][:40]!r} -> {q['speaker']} ({q.get('speaker_text')})"
            )


def _fact_hits(
    fact: dict[str, Any], docs: dict[str, dict[str, Any]], export: Export
) -> list[dict[str, Any]]:
    """Export facts whose evidence overlaps the gold evidence in every document the gold names."""
    hits = []
    for pred in export["facts"]:
        spans = pred["support"] + pred["conflicts"]
        ok = True
        for doc, evidence in fact["evidence"].items():
            article = docs.get(doc)
            if not article:
                ok = False
                break
            gold_spans = [sp for ev in evidence for sp in _find_all(article["text"], ev)]
            if not any(
                sp["article"] == article["id"] and _overlap((sp["start"], sp["end"]), g) > 0
                for sp in spans
                for g in gold_spans
            ):
                ok = False
                break
        if ok:
            hits.append(pred)
    return hits


def _facts(export: Export, gold: Gold, docs: dict[str, dict[str, Any]], s: Scores) -> None:
    for pred in export["facts"]:
        s.predicted_facts[pred["status"]] = s.predicted_facts.get(pred["status"], 0) + 1
    for fact in gold["facts"]:
        row = s.facts.setdefault(fact["status"], {"total": 0, "found": 0, "right_status": 0})
        row["total"] += 1
        hits = _fact_hits(fact, docs, export)
        if hits:
            row["found"] += 1
        if any(h["status"] == fact["status"] for h in hits):
            row["right_status"] += 1
            if fact["status"] == "conflicting":
                s.conflicting_found = True
        else:
            s.details.append(
                f"fact {fact['id']} ({fact['status']}): {[h['status'] for h in hits] or 'not found'}"
            )


def score_export(export: Export, gold: Gold) -> Scores:
    """Entity, quote and fact scores of ``export`` against ``gold``."""
    scores = Scores()
    docs = _doc_map(export, gold)
    _entity_items(export, gold, docs, scores)
    _quotes(export, gold, docs, scores)
    _facts(export, gold, docs, scores)
    return scores
