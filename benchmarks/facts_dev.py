"""Score reconciliation on the hand-made development sets, the demo articles and the seeds.

Sets: ``tests/data/reconcile/<set>/`` (three outlets' reports of one fictional event each, with
deliberate number, date, duration and polarity conflicts) scored against
``tests/data/reconcile/gold/<set>.json``; ``examples/articles`` against ``gold/examples.json``;
and the seeds against ``../shared/gold/seeds.json`` when present. Each set is one story, so the
score measures reconciliation alone. Scoring is that of ``facts_seeds.py`` (a gold fact is found
when one accord fact overlaps its evidence in every cited document), plus *evidence precision*:
the share of the best-matching fact's evidence spans that overlap the gold evidence (a fact that
drags in unrelated sentences scores low).

Run: .venv/bin/python benchmarks/facts_dev.py [--tfidf] [--verbose] [--facts] [--only SET]
[--cache DIR] (``--cache`` keeps analyses between runs, for work on reconcile alone).
"""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "reconcile"
SHARED = REPO.parent / "shared"

sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from accord.model import Analysis, Entity, Fact, Result, Story  # noqa: E402
from facts_seeds import gold_spans, match_fact  # noqa: E402

# (name, article folder, gold file, publication date given to undated files)
SETS = [
    ("examples", REPO / "examples" / "articles", DATA / "gold" / "examples.json", "2026-03-14"),
    ("ceasefire", DATA / "ceasefire", DATA / "gold" / "ceasefire.json", "2026-04-21"),
    ("election", DATA / "election", DATA / "gold" / "election.json", "2026-05-11"),
    ("sanctions", DATA / "sanctions", DATA / "gold" / "sanctions.json", "2026-03-18"),
    ("trade", DATA / "trade", DATA / "gold" / "trade.json", "2026-06-05"),
    ("hostages", DATA / "hostages", DATA / "gold" / "hostages.json", "2026-07-13"),
    ("seeds", SHARED / "seeds", SHARED / "gold" / "seeds.json", None),
]


def analyse(folder: Path, published: str | None) -> tuple[list[Analysis], list[Entity]]:
    from accord.ingest import read_paths
    from accord.pipeline import analyze_all, apply_resolution
    from accord.resolve import resolve

    analyses = analyze_all(read_paths([str(folder)], published=published).articles)[0]
    entities = resolve(analyses)
    apply_resolution(analyses, entities)
    for analysis in analyses:
        analysis.doc = None  # reconcile parses claims itself; a Doc does not pickle
    return analyses, entities


def cached(name: str, folder: Path, published: str | None) -> tuple[list[Analysis], list[Entity]]:
    if "--cache" not in sys.argv:
        return analyse(folder, published)
    path = Path(sys.argv[sys.argv.index("--cache") + 1]) / f"{name}.pickle"
    if path.is_file():
        value: tuple[list[Analysis], list[Entity]] = pickle.loads(path.read_bytes())
        return value
    value = analyse(folder, published)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(value))
    return value


def _precision(fact: Fact, per_doc: dict[str, list[tuple[int, int]]]) -> float:
    spans = [*fact.support, *fact.conflicts]
    hits = sum(
        any(min(e, s.end) > max(b, s.start) for b, e in per_doc.get(s.article, [])) for s in spans
    )
    return hits / len(spans) if spans else 0.0


def score(result: Result, gold: dict[str, object], verbose: bool) -> dict[str, list[float]]:
    """{gold status: [gold count, found, right status, summed evidence precision]}."""
    counts: dict[str, list[float]] = {}
    for item in gold["facts"]:  # type: ignore[attr-defined]
        row = counts.setdefault(item["status"], [0, 0, 0, 0.0])
        row[0] += 1
        per_doc = gold_spans(item, result)
        found, best = match_fact(per_doc, result)
        right = bool(best and best.status == item["status"])
        row[1] += bool(found)
        row[2] += right
        row[3] += _precision(best, per_doc) if best else 0.0
        if verbose:
            got = best.status if best else "missing"
            extra = ""
            if best and (conflicts := [c.reason for c in best.conflicts]):
                extra = f"  ({conflicts[0]})"
            precision = f"{_precision(best, per_doc):.2f}" if best else "-"
            print(
                f"  {'ok' if right else '--'} {item['id']:26} gold={item['status']:13} "
                f"accord={got:13} precision={precision}{extra}"
            )
    return counts


def show_facts(result: Result) -> None:
    for fact in result.facts:
        print(f"\n  [{fact.status}] {fact.statement}")
        for span in [*fact.support, *fact.conflicts]:
            print(f"      {span.article[:6]} {span.text[:140]!r}")
        for conflict in fact.conflicts:
            print("      reason:", conflict.reason)


def main() -> int:
    from accord.reconcile import reconcile

    encoder: object = None if "--tfidf" in sys.argv else True
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    for name, folder, gold_path, published in SETS:
        if (only and name != only) or not folder.is_dir() or not gold_path.is_file():
            continue
        analyses, entities = cached(name, folder, published)
        story = Story("s1", name, [a.article.id for a in analyses])
        facts = reconcile(analyses, [story], entities, encoder=encoder)  # type: ignore[arg-type]
        result = Result(analyses=analyses, entities=entities, facts=facts, stories=[story])
        print(f"== {name}")
        table = score(
            result, json.loads(gold_path.read_text(encoding="utf-8")), "--verbose" in sys.argv
        )
        for status, (total, found, right, precision) in sorted(table.items()):
            mean = precision / found if found else 0.0
            print(
                f"  {status:14} gold {total:2.0f}  found {found:2.0f}  right {right:2.0f}"
                f"  evidence precision {mean:.2f}"
            )
        by_status = {
            s: sum(f.status == s for f in facts)
            for s in ("corroborated", "single_source", "conflicting")
        }
        print("  accord facts:", len(facts), by_status)
        if "--facts" in sys.argv:
            show_facts(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
