"""How the reports' cost grows with the corpus: the same stories repeated 10 and 100 times.

Usage:
    python benchmarks/report_scale.py                   # 10x and 100x the bundled examples
    python benchmarks/report_scale.py --copies 5 50

The bundled example articles (``examples/articles`` and ``examples/stream/articles``) are run
through the whole pipeline once. The result is then repeated: each copy gets its own article,
entity, story and fact ids, so a tenfold copy is ten times the articles in ten times the
stories. Prints, for each size, the CPU time of :func:`accord.report.dossier.build_dossier`, of
the Markdown dossier, and of the web app's story list (its index built from the result, then
the summary of every story, as ``/api/stories`` and the home page make them), and the ratio of
the time per article of the largest size to the smallest. A report linear in the corpus keeps
that ratio near 1; one that scans the whole corpus for each story makes it grow with the
number of copies. What growth is left past that comes from Python's garbage collector, whose
full collections walk a heap that grows with the corpus (with ``gc`` off, 15,000 articles cost
0.077 ms each against 0.068 ms for 150). No shared data needed.
"""

from __future__ import annotations

import argparse
import copy
import time
from pathlib import Path

from accord.model import Result
from accord.pipeline import run
from accord.report.dossier import build_dossier, render_markdown
from accord.web.data import ResultIndex
from accord.web.views import story_summary

ROOT = Path(__file__).resolve().parent.parent
INPUTS = [ROOT / "examples" / "articles", ROOT / "examples" / "stream" / "articles"]


def _tagged(value: str | None, tag: str) -> str | None:
    """An id of a copy (a mention id keeps its offsets: its article part gets the prefix)."""
    return None if value is None else tag + value


def repeat(result: Result, copies: int) -> Result:
    """``copies`` disjoint copies of ``result`` in one result, every id prefixed per copy."""
    out = Result()
    for k in range(copies):
        tag = f"c{k}-"
        # the spaCy Docs are left out of the copy (no report reads them, and a copy would drag
        # their vocab along), and the given result is left as it is
        part = copy.deepcopy(result, {id(a.doc): None for a in result.analyses})
        for analysis in part.analyses:
            analysis.article.id = tag + analysis.article.id
            for m in analysis.mentions:
                m.id, m.article = tag + m.id, tag + m.article
                m.entity = _tagged(m.entity, tag)
            for t in analysis.times:
                t.article = tag + t.article
            for q in analysis.quotes:
                q.id, q.article = tag + q.id, tag + q.article
                q.speaker = _tagged(q.speaker, tag)
                q.speaker_mention = _tagged(q.speaker_mention, tag)
            for e in analysis.events:
                e.id, e.article = tag + e.id, tag + e.article
                e.source = [tag + x for x in e.source]
                e.target = [tag + x for x in e.target]
                e.location = _tagged(e.location, tag)
                e.location_mention = _tagged(e.location_mention, tag)
                e.facts = [tag + f for f in e.facts]
        for entity in part.entities:
            entity.id = tag + entity.id
            for span in entity.mentions:
                span.article = tag + span.article
        for fact in part.facts:
            fact.id = tag + fact.id
            fact.story = _tagged(fact.story, tag)
            fact.events = [tag + e for e in fact.events]
            for span in (*fact.support, *fact.conflicts):
                span.article = tag + span.article
        for story in part.stories:
            story.id = tag + story.id
            story.articles = [tag + a for a in story.articles]
            story.duplicates = {tag + a: tag + b for a, b in story.duplicates.items()}
        out.analyses += part.analyses
        out.entities += part.entities
        out.facts += part.facts
        out.stories += part.stories
    return out


def _cpu(fn: object, *args: object) -> float:
    start = time.process_time()
    fn(*args)  # type: ignore[operator]
    return time.process_time() - start


def story_list(result: Result) -> None:
    """What the web app does for ``/api/stories``: index the result, summarise every story."""
    index = ResultIndex.build(result)
    for story in result.stories:
        story_summary(index, story)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[10, 100])
    args = parser.parse_args()
    base = run([str(p) for p in INPUTS])
    print(
        f"base: {len(base.analyses)} articles, {len(base.stories)} stories, "
        f"{len(base.entities)} entities, {len(base.facts)} facts"
    )
    per_article: dict[str, list[float]] = {"dossier": [], "web story list": []}
    for copies in args.copies:
        result = repeat(base, copies)
        n = len(result.analyses)
        build = _cpu(build_dossier, result)
        render = _cpu(render_markdown, result)
        web = _cpu(story_list, result)
        per_article["dossier"].append(build / n)
        per_article["web story list"].append(web / n)
        print(
            f"{copies:>5}x  {n:>6} articles  {len(result.stories):>5} stories  "
            f"dossier {build:7.2f} s  markdown {render:7.2f} s  web story list {web:7.2f} s"
        )
    if len(args.copies) > 1:
        for what, times in per_article.items():
            ratio = times[-1] / max(times[0], 1e-9)
            print(
                f"{what}: time per article, {args.copies[-1]}x against {args.copies[0]}x: "
                f"{ratio:.2f} (1 = linear in the corpus)"
            )


if __name__ == "__main__":
    main()
