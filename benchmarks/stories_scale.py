"""Scale benchmark for online story clustering: 10k vs 100k synthetic articles.

Synthetic stream: each story has its own entities (people, places) and topic words, a start day,
and articles spread over three days; every article mixes Zipf-distributed background words
(a shared 30k-word vocabulary), its story's topic words and 3-6 of its entities. About one
story in ten has a syndicated copy of an article. Articles arrive in date order, like a feed.

Each size runs in a fresh subprocess so its peak resident memory (``ru_maxrss``) is its own.
TF-IDF + entities only (no sentence encoder: embedding 100k texts on CPU would measure MiniLM, not
the index). Prints time per article, the 100k/10k time ratio, peak memory, and B3/pairwise F1
against the synthetic gold as a sanity check.

Run: ``.venv/bin/python benchmarks/stories_scale.py [--sizes 10000 100000]``;
``--step-costs 3000`` instead times batch ``cluster()`` with and without its merge step, and a
streaming feed with and without its tidy-ups.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Sequence

from accord.model import Analysis, Article, Mention

ARTICLES_PER_STORY = 10
VOCABULARY = 30_000
WORDS_PER_ARTICLE = 150
COPY_RATE = 0.01  # about one story in ten gets a syndicated copy


def _word(i: int) -> str:
    """A pronounceable synthetic word for index ``i`` (no digits: numbers are their own terms)."""
    consonants, vowels = "bdfgklmnprstvz", "aeiou"
    out = []
    while True:
        out.append(consonants[i % 14] + vowels[(i // 14) % 5])
        i //= 70
        if i == 0:
            return "".join(out)


def synthetic_stream(
    n: int, seed: int = 5
) -> tuple[list[Analysis], dict[str, int], dict[str, str]]:
    """``n`` synthetic analyses in date order, their gold story numbers and copies (copy: original)."""
    rng = random.Random(seed)
    weights = [1.0 / (r + 1) for r in range(VOCABULARY)]
    background = [_word(i + 1000) for i in range(VOCABULARY)]
    n_stories = max(1, n // ARTICLES_PER_STORY)
    items = []
    for story in range(n_stories):
        topic = [_word(rng.randrange(10**6, 10**7)) for _ in range(15)]
        names = [(_word(rng.randrange(10**7, 10**8)).title(), f"e{story}.{k}") for k in range(6)]
        day = story * 365 * 3 // n_stories  # stories spread over three years
        for _ in range(ARTICLES_PER_STORY):
            items.append((day + rng.randrange(3), story, topic, names))
    items.sort(key=lambda it: it[0])
    analyses, gold, copies = [], {}, {}
    for day, story, topic, names in items[:n]:
        words = rng.choices(background, weights, k=WORDS_PER_ARTICLE)
        words += rng.choices(topic, k=WORDS_PER_ARTICLE // 5)
        rng.shuffle(words)
        mentioned = rng.sample(names, rng.randint(3, 6))
        analysis = _article(words, mentioned, day, random.Random(rng.random()))
        analyses.append(analysis)
        gold[analysis.article.id] = story
        if rng.random() < COPY_RATE:  # a syndicated copy with one word changed
            words[rng.randrange(len(words))] = "update"
            copy = _article(words, mentioned, day, random.Random(rng.random()))
            analyses.append(copy)
            gold[copy.article.id] = story
            copies[copy.article.id] = analysis.article.id
    kept = {a.article.id for a in analyses[:n]}
    return analyses[:n], gold, {c: o for c, o in copies.items() if c in kept}


def _article(
    words: list[str], names: list[tuple[str, str]], day: int, rng: random.Random
) -> Analysis:
    """An analysis whose text is ``words`` with the entity names inserted as mentions."""
    parts: list[str] = []
    spans: list[tuple[int, int, str, str]] = []
    cursor = 0
    inserts = {rng.randrange(len(words)): name for name in names}
    for i, word in enumerate(words):
        if i in inserts:
            name, entity = inserts[i]
            spans.append((cursor, cursor + len(name), name, entity))
            parts.append(name)
            cursor += len(name) + 1
        parts.append(word)
        cursor += len(word) + 1
    text = " ".join(parts)
    published = f"{2020 + day // 365}-{1 + (day % 365) // 31:02d}-{1 + (day % 365) % 31 % 28:02d}"
    article = Article.from_text(text, title=" ".join(words[:8]), published=published)
    mentions = [
        Mention(f"{article.id}:{s}-{e}", article.id, s, e, name, "PERSON", 0, entity=entity)
        for s, e, name, entity in spans
    ]
    return Analysis(article=article, mentions=mentions)


def run_one(n: int) -> dict[str, float]:
    """Cluster ``n`` synthetic articles online; time, peak memory and quality."""
    from accord.stories import StoryIndex
    from accord.stories.scores import b_cubed, pairwise

    analyses, gold, copies = synthetic_stream(n)
    index = StoryIndex(encoder=None)
    started = time.perf_counter()
    for analysis in analyses:
        index.add(analysis)
    elapsed = time.perf_counter() - started
    stories = index.stories()
    story_of = {a: s.id for s in stories for a in s.articles}
    flagged = {c: o for s in stories for c, o in s.duplicates.items()}
    found = sum(flagged.get(c) == o for c, o in copies.items())
    ids = [a.article.id for a in analyses]
    pred, labels = [story_of[i] for i in ids], [str(gold[i]) for i in ids]
    return {
        "articles": n,
        "stories": len(set(pred)),
        "gold_stories": len(set(labels)),
        "seconds": elapsed,
        "ms_per_article": 1000 * elapsed / n,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "b3_f1": b_cubed(pred, labels)[2],
        "pairwise_f1": pairwise(pred, labels)[2],
        "copies": len(copies),
        "copies_flagged": found,
        "false_duplicates": len(flagged) - found,
    }


def step_costs(n: int) -> None:
    """Cost ratios of the optional steps on ``n`` synthetic articles (same process, alternating
    runs, best of two each): batch ``cluster()`` with and without its last step, the story
    merge; and a streaming ``StoryIndex.add`` feed with and without its periodic tidy-ups."""
    import accord.stories.index as index_module
    from accord.stories import cluster
    from accord.stories.index import StoryIndex

    analyses, _, _ = synthetic_stream(n)
    merge = StoryIndex.merge

    def batch(on: bool) -> None:
        StoryIndex.merge = merge if on else (lambda self, articles, among=None: 0)  # type: ignore[method-assign]
        cluster(analyses, encoder=None)

    def stream(on: bool) -> None:
        index = StoryIndex(encoder=None, tidy_every=index_module.TIDY_EVERY if on else 0)
        for analysis in analyses:
            index.add(analysis)

    try:
        for name, run in (
            ("batch cluster(), merge step", batch),
            ("stream add(), tidy-ups", stream),
        ):
            times: dict[bool, list[float]] = {True: [], False: []}
            for on in (True, False, True, False):
                started = time.perf_counter()
                run(on)
                times[on].append(time.perf_counter() - started)
            best = {k: min(v) for k, v in times.items()}
            print(
                f"{name} on {n} articles: {best[True]:.1f} s with, {best[False]:.1f} s without: "
                f"ratio {best[True] / best[False]:.2f}"
            )
    finally:
        StoryIndex.merge = merge  # type: ignore[method-assign]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process
    parser.add_argument(
        "--step-costs",
        type=int,
        metavar="N",
        help="only time the merge step (batch) and the tidy-ups (stream) on N articles, as ratios",
    )
    args = parser.parse_args(argv)
    if args.step_costs:
        step_costs(args.step_costs)
        return 0
    if args.one:
        print(json.dumps(run_one(args.one)))
        return 0
    results = []
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        results.append(result)
        print(
            f"{n:>7} articles: {result['seconds']:.1f} s ({result['ms_per_article']:.2f} ms/article), "
            f"peak RSS {result['peak_rss_mib']:.0f} MiB, {result['stories']} stories "
            f"(gold {result['gold_stories']}), B3 F1 {result['b3_f1']:.3f}, "
            f"pairwise F1 {result['pairwise_f1']:.3f}, copies flagged "
            f"{result['copies_flagged']}/{result['copies']} (+{result['false_duplicates']} wrong)"
        )
    if len(results) >= 2:
        a, b = results[0], results[-1]
        print(
            f"time ratio {b['articles']}/{a['articles']} articles: {b['seconds'] / a['seconds']:.1f}x "
            f"for {b['articles'] / a['articles']:.0f}x the articles "
            f"(per article {b['ms_per_article'] / a['ms_per_article']:.2f}x)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
