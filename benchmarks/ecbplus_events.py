"""Cross-document event coreference on ECB+ (dev topics): accord's facts as event clusters.

Usage:
    python benchmarks/ecbplus_events.py                 # all topics in ../shared/data/ecbplus-dev
    python benchmarks/ecbplus_events.py --topics 2 4 6  # some topics
    python benchmarks/ecbplus_events.py --errors 30     # print wrong merges and missed links

What is scored. Reconciliation groups what several outlets report into facts; two reports of
one real happening should land in one fact, two different happenings should not. ECB+ annotates
exactly that for the events of its annotated sentences (ECBplus_coreference_sentences.csv): event
mentions ("struck", "the quake", "killing") with within- and cross-document coreference. Each
gold event mention is put in the accord fact whose evidence (a claim of its article: ``Fact.
support`` or ``Fact.conflicts``) covers it; a mention that no claim covers is a singleton.
Reporting events ("said", "told") are left out: a fact is what is reported, not the report
(``--reporting`` keeps them). The gold stories are given (one story per topic and ecb/ecbplus
half, as ``accord run`` would ideally cluster them), so the score measures reconciliation alone;
``--own-stories`` resolves all the documents together and reconciles accord's own stories
instead, as ``accord run`` does.

Baselines on the same mentions: **singletons** (no two mentions together) and the **lemma**
baseline of the event coreference literature (mentions of one story whose words have the same
lemmas are one event; strong on ECB+ because its stories are small). Scores: MUC, B3, CEAF-e
and CoNLL F1 (their mean), pooled over topics, for the even topics, the odd ones and all; with
gold mentions, published systems reach about 0.80-0.88 CoNLL. Facts are clauses, so two events
of one clause ("the quake struck, killing 5") always share a fact: precision has a ceiling
here that an event-level system does not have.

accord's analyses (the whole per-article pipeline, resolved over each story) are cached under
``$TMPDIR/accord_events_cache`` keyed by the code outside ``accord.reconcile`` and
``accord.stories``, so a change to reconciliation alone re-scores in a minute or two.
"""

from __future__ import annotations

import argparse
import pickle
import random
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from code_digest import code_digest
from ecbplus_entities import (
    CORPUS,
    Clusters,
    read_markables,
    score,
    selected_sentences,
    topic_folders,
)
from pronouns import without_url
from stories import gold_label

REPO = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "accord_events_cache"
EVENT_PREFIXES = ("ACTION_", "NEG_ACTION_")
REPORTING = ("ACTION_REPORTING", "NEG_ACTION_REPORTING")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    key: str  # "{doc}:{m_id}"
    doc: str
    start: int
    end: int
    text: str
    gold: str


def gold_events(
    path: Path, selected: set[tuple[str, int]], reporting: bool
) -> tuple[str, list[GoldEvent]]:
    """The document's text (its URL line blanked, as accord's ingest keeps it out of the text)
    and its gold event mentions in annotated sentences."""
    text, markables = read_markables(path)
    events: list[GoldEvent] = []
    for mark in markables:
        if not mark.tag.startswith(EVENT_PREFIXES) or (mark.tag in REPORTING and not reporting):
            continue
        if (path.stem, mark.anchors[0][2]) not in selected:
            continue
        start, end = mark.anchors[0][0], mark.anchors[-1][1]
        gold = mark.cluster or mark.key
        events.append(GoldEvent(mark.key, path.stem, start, end, text[start:end], gold))
    return without_url(text), events


def analyse(
    texts: dict[str, str], spans: dict[str, list[tuple[int, int]]]
) -> tuple[dict[str, Any], dict[tuple[str, int, int], str]]:
    """accord's analysis of each document (Doc dropped: reconciliation parses claims itself) and
    the lemmas of each gold event mention's words, cached by the analysis code."""
    from accord.model import Article
    from accord.pipeline import analyze_all

    path = CACHE / f"{code_digest('events-v1', {'reconcile', 'stories'}, ('reconcile_',))}.pickle"
    if path.is_file():
        analyses, lemmas = pickle.loads(path.read_bytes())
    else:
        analyses, lemmas = {}, {}
    todo = [stem for stem in texts if stem not in analyses]
    if todo:
        articles = [
            Article.from_text(texts[s], title=texts[s].strip().split("\n")[0], source_id=s)
            for s in todo
        ]
        done, _ = analyze_all(articles)
        by_id = {a.article.id: a for a in done}
        for stem, article in zip(todo, articles, strict=True):
            analysis = by_id.get(article.id)
            if analysis is None:
                continue
            doc = analysis.doc
            for start, end in spans[stem]:
                span = doc.char_span(start, end, alignment_mode="expand") if doc else None
                words = (
                    [t.lemma_.lower() for t in span] if span else [texts[stem][start:end].lower()]
                )
                lemmas[(stem, start, end)] = " ".join(words)
            analysis.doc = None
            analyses[stem] = analysis
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps((analyses, lemmas)))
    return {s: analyses[s] for s in texts if s in analyses}, lemmas


def accord_facts(analyses: dict[str, Any], own_stories: bool = False) -> list[Any]:
    """accord's facts: each gold story resolved and reconciled on its own, or (``own_stories``)
    all documents resolved together, clustered into accord's own stories and reconciled per
    story, as ``accord run`` does."""
    from accord.model import Story
    from accord.pipeline import apply_resolution
    from accord.reconcile import reconcile
    from accord.resolve import resolve

    if own_stories:
        from accord.stories import cluster

        everything = [analyses[stem] for stem in sorted(analyses)]
        entities = resolve(everything)
        apply_resolution(everything, entities)
        return reconcile(everything, cluster(everything, entities), entities)
    by_story: dict[str, list[Any]] = defaultdict(list)
    for stem, analysis in sorted(analyses.items()):
        by_story[gold_label(Path(stem))].append(analysis)
    facts: list[Any] = []
    for name, group in sorted(by_story.items()):
        entities = resolve(group)
        apply_resolution(group, entities)
        story = Story(name, name, [a.article.id for a in group])
        facts.extend(reconcile(group, [story], entities))
    return facts


def main_events(
    facts: Sequence[Any], analyses: dict[str, Any], events: Sequence[GoldEvent]
) -> Clusters:
    """The main gold event of each claim of each fact, with that fact's id as its cluster.

    A claim (a span of ``Fact.support`` or ``Fact.conflicts``) may hold several gold events
    ("will host the Oscars": hosting, and the Oscars ceremony); its main one is the event whose
    word stands highest in the claim's parse. Mentions that are no claim's main event are not
    scored. A claim serving two facts gives its event to the first."""
    from accord.reconcile.claims import load_parser, parse

    stem_of = {a.article.id: stem for stem, a in analyses.items()}
    by_doc: dict[str, list[GoldEvent]] = defaultdict(list)
    for event in events:
        by_doc[event.doc].append(event)
    claims: list[tuple[str, int, int, str, list[GoldEvent]]] = []
    for fact in facts:
        for span in [*fact.support, *fact.conflicts]:
            stem = stem_of[span.article]
            inside = [e for e in by_doc[stem] if span.start <= e.start and e.end <= span.end]
            if inside:
                claims.append((stem, span.start, span.end, fact.id, inside))
    texts = [analyses[stem].article.text[start:end] for stem, start, end, _, _ in claims]
    docs = parse(load_parser(), texts)
    out: Clusters = {}
    for (_, start, _, fid, inside), doc in zip(claims, docs, strict=True):

        def depth(event: GoldEvent, doc: Any = doc, start: int = start) -> int:
            span = doc.char_span(event.start - start, event.end - start, alignment_mode="expand")
            if span is None:
                return 99
            return min(len(list(t.ancestors)) for t in span)

        main = min(inside, key=lambda e: (depth(e), e.start))
        out.setdefault(main.key, fid)
    return out


def _pair_counts(events: Sequence[GoldEvent], clusters: Clusters) -> tuple[int, int, int]:
    """Pairs of mentions in different documents (what reconciliation is for: one fact, several
    outlets): (together in both gold and ``clusters``, together in gold, together in
    ``clusters``)."""
    both = gold = ours = 0
    for i, a in enumerate(events):
        for b in events[i + 1 :]:
            if a.doc != b.doc:
                g, o = a.gold == b.gold, clusters[a.key] == clusters[b.key]
                both, gold, ours = both + (g and o), gold + g, ours + o
    return both, gold, ours


def _groups(
    events: Sequence[GoldEvent], cluster: Callable[[GoldEvent], str]
) -> dict[str, list[GoldEvent]]:
    groups: dict[str, list[GoldEvent]] = defaultdict(list)
    for e in events:
        groups[cluster(e)].append(e)
    return groups


def lemma_baseline(
    events: Sequence[GoldEvent], lemmas: dict[tuple[str, int, int], str]
) -> Clusters:
    return {
        e.key: f"{gold_label(Path(e.doc))}|{lemmas.get((e.doc, e.start, e.end), e.text.lower())}"
        for e in events
    }


def show_errors(
    events: Sequence[GoldEvent], ours: Clusters, texts: dict[str, str], limit: int
) -> None:
    """Pairs of mentions in different documents: accord together but gold apart (wrong merges),
    gold together but accord apart (missed links)."""
    groups = _groups(events, lambda e: ours[e.key])
    gold_groups = _groups(events, lambda e: e.gold)

    def line(e: GoldEvent) -> str:
        text = texts[e.doc]
        start = text.rfind("\n", 0, e.start) + 1
        end = text.find("\n", e.end)
        sentence = text[start : end if end >= 0 else None]
        return f"{e.doc:14} [{e.text}] {sentence[:150]}"

    wrong = [
        (a, b)
        for g in groups.values()
        for i, a in enumerate(g)
        for b in g[i + 1 :]
        if a.doc != b.doc and a.gold != b.gold
    ]
    missed = [
        (a, b)
        for g in gold_groups.values()
        for i, a in enumerate(g)
        for b in g[i + 1 :]
        if a.doc != b.doc and ours[a.key] != ours[b.key]
    ]
    for title, pairs in (("wrong merges", wrong), ("missed links", missed)):
        print(f"\n{title}: {len(pairs)} pairs (a sample of {min(limit, len(pairs))})")
        for a, b in random.Random(0).sample(pairs, min(limit, len(pairs))):
            print("  " + line(a))
            print("  " + line(b) + "\n")


HALVES: dict[str, Callable[[int], bool]] = {
    "even": lambda t: t % 2 == 0,
    "odd": lambda t: t % 2 == 1,
    "all": lambda t: True,
}


@dataclass
class Evaluation:
    """What :func:`evaluate` measured: the scores of each system on each half of the topics,
    and what ``--errors`` reads."""

    mentions: int  # gold event mentions in the annotated sentences
    scored: list[GoldEvent]  # those that are the main event of a claim
    facts: int
    ours: Clusters
    texts: dict[str, str]
    # system -> half -> {"MUC", "B3", "CEAFe", "CoNLL", "pairs"}: (P, R, F1)
    table: dict[str, dict[str, dict[str, tuple[float, float, float]]]]


def table_row(
    events: Sequence[GoldEvent], clusters: Clusters
) -> dict[str, tuple[float, float, float]]:
    """Coreference scores of ``clusters`` on ``events`` (per topic, pooled) and the pairwise
    scores over pairs of mentions in different documents."""
    by_topic: dict[str, list[GoldEvent]] = defaultdict(list)
    for e in events:
        by_topic[e.doc.split("_")[0]].append(e)
    key = {t: {e.key: e.gold for e in es} for t, es in by_topic.items()}
    resp = {t: {e.key: clusters[e.key] for e in es} for t, es in by_topic.items()}
    row = score(key, resp)
    both = gold = ours = 0
    for es in by_topic.values():  # pooled over topics: counts, not means
        b, g, o = _pair_counts(es, clusters)
        both, gold, ours = both + b, gold + g, ours + o
    p, r = both / ours if ours else 0.0, both / gold if gold else 0.0
    row["pairs"] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return row


def evaluate(
    folders: Sequence[Path], reporting: bool = False, own_stories: bool = False
) -> Evaluation:
    """Gold event mentions of the topics in ``folders``, accord's facts over them, and the
    scores of accord and the two baselines."""
    selected = selected_sentences()
    texts: dict[str, str] = {}
    events: list[GoldEvent] = []
    for folder in folders:
        for path in sorted(folder.glob("*.xml")):
            texts[path.stem], found = gold_events(path, selected, reporting)
            events.extend(found)
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for e in events:
        spans[e.doc].append((e.start, e.end))
    analyses, lemmas = analyse(texts, spans)
    facts = accord_facts(analyses, own_stories)
    ours = main_events(facts, analyses, events)
    scored = [e for e in events if e.key in ours]
    systems = {
        "singletons": {e.key: e.key for e in scored},
        "lemma (same story, same lemmas)": lemma_baseline(scored, lemmas),
        "accord (facts)": ours,
    }
    table: dict[str, dict[str, dict[str, tuple[float, float, float]]]] = {}
    for name, clusters in systems.items():
        for half, keep in HALVES.items():
            part = [e for e in scored if keep(int(e.doc.split("_")[0]))]
            if part:
                table.setdefault(name, {})[half] = table_row(part, clusters)
    return Evaluation(len(events), scored, len(facts), ours, texts, table)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", nargs="*", help="topic numbers (default: all)")
    parser.add_argument("--reporting", action="store_true", help="keep reporting events")
    parser.add_argument(
        "--own-stories",
        action="store_true",
        help="accord's own stories over all the documents instead of the gold stories",
    )
    parser.add_argument("--errors", type=int, default=0, help="print that many error pairs")
    parser.add_argument(
        "--half", choices=tuple(HALVES), default="even", help="the topics --errors reads"
    )
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return 0
    began = time.perf_counter()
    result = evaluate(topic_folders(args.topics), args.reporting, args.own_stories)
    told = sum(
        len({e.doc for e in es}) > 1 for es in _groups(result.scored, lambda e: e.gold).values()
    )
    print(
        f"{len(result.texts)} documents, {result.facts} accord facts"
        f" ({time.perf_counter() - began:.0f}s); {result.mentions} gold event mentions,"
        f" {len(result.scored)} of them the main event of a claim (scored), {told} scored gold"
        " events told by more than one document"
    )
    print(
        f"\n{'system':32} {'topics':6} {'MUC':>6} {'B3':>6} {'CEAFe':>6} {'CoNLL':>6}"
        "   cross-document pairs P / R / F1"
    )
    for name, halves in result.table.items():
        for half, row in halves.items():
            scores = " ".join(f"{row[m][2]:6.3f}" for m in ("MUC", "B3", "CEAFe", "CoNLL"))
            p, r, f1 = row["pairs"]
            print(f"{name:32} {half:6} {scores}   {p:.3f} / {r:.3f} / {f1:.3f}")
    if args.errors:
        keep = HALVES[args.half]
        read = [e for e in result.scored if keep(int(e.doc.split("_")[0]))]
        show_errors(read, result.ours, result.texts, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
