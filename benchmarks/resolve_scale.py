"""How resolution time grows with the corpus: 1k vs 10k synthetic articles.

Usage:
    python benchmarks/resolve_scale.py                 # 1,000 and 10,000 articles
    python benchmarks/resolve_scale.py --sizes 500 2000

Each synthetic article names 4 people (full name, then the surname alone, written in one of
several transliteration variants), 2 places and 1 organisation, drawn from pools that grow
with the corpus (one person per article, one organisation per four), so 10k articles hold
about 10,000 distinct entities and 110,000 mentions. Prints wall and CPU time per size (the
machine is shared, so CPU time is the fairer measure), the ratio of the largest to the
smallest, and pairwise precision/recall against the generator's truth. Resolution is linear
in the number of distinct names when the ratio of times stays near the ratio of sizes.
No shared data needed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence

from accord.model import Analysis, Article, Mention, mention_id

SYLLABLES = [
    "ka",
    "lo",
    "mir",
    "ten",
    "va",
    "sko",
    "ri",
    "dan",
    "pe",
    "tro",
    "zu",
    "ba",
    "gor",
    "li",
    "na",
    "vel",
    "mo",
    "ras",
    "chen",
    "yu",
]
ENDINGS = ["ov", "enko", "sky", "ic", "escu", "idis", "an", "berg", "ani", "ez"]
PLACES = [
    "Lisbon",
    "Lviv",
    "Ankara",
    "Nairobi",
    "Quito",
    "Hanoi",
    "Oslo",
    "Lima",
    "Dakar",
    "Riga",
    "Tbilisi",
    "Perth",
]


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()


def variant(name: str, rng: random.Random) -> str:
    """A transliteration variant of a surname: -sky/-ski/-skyy, -ov/-off, w/v."""
    off = name[:-2] + "off" if name.endswith("ov") else name
    return rng.choice([name, name.replace("sky", "ski"), name.replace("sky", "skyy"), off])


def make_corpus(n_articles: int, seed: int = 7) -> tuple[list[Analysis], dict[str, str]]:
    """Synthetic analyses and the true entity of every mention id."""
    rng = random.Random(seed)
    people = {
        (_word(rng, 2), _word(rng, 2) + rng.choice(ENDINGS).lower()) for _ in range(n_articles)
    }
    pool = sorted(people)
    orgs = [
        f"{_word(rng, 2)} {rng.choice(['Council', 'Party', 'Bank', 'Agency'])}"
        for _ in range(n_articles // 4)
    ]
    analyses: list[Analysis] = []
    truth: dict[str, str] = {}
    for a in range(n_articles):
        items: list[tuple[str, str, str]] = []  # text, label, truth
        for given, surname in rng.sample(pool, 4):
            spelled = variant(surname, rng)
            person = f"{given} {surname}"
            items += [(f"{given} {spelled}", "PERSON", person), (spelled, "PERSON", person)]
        items += [(p, "GPE", p) for p in rng.sample(PLACES, 2)]
        org = rng.choice(orgs)
        items.append((org, "ORG", org))
        analyses.append(_analysis(a, items, truth))
    return analyses, truth


def _analysis(index: int, items: Sequence[tuple[str, str, str]], truth: dict[str, str]) -> Analysis:
    text = f"Article {index}. " + " ".join(f"{t} spoke." for t, _, _ in items)
    article = Article.from_text(text, path=f"synthetic-{index}")
    mentions: list[Mention] = []
    pos = len(f"Article {index}. ")
    for sentence, (t, label, true) in enumerate(items):
        mid = mention_id(article.id, pos, pos + len(t))
        mentions.append(Mention(mid, article.id, pos, pos + len(t), t, label, sentence))
        truth[mid] = true
        pos += len(t) + len(" spoke. ")
    return Analysis(article=article, mentions=mentions)


def pairwise(truth: dict[str, str], predicted: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall from cluster-size counts (no pair enumeration)."""

    def pairs(counter: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in counter.values())

    both = pairs(Counter((truth[m], predicted[m]) for m in truth))
    pred, gold = pairs(Counter(predicted.values())), pairs(Counter(truth.values()))
    return (both / pred if pred else 1.0), (both / gold if gold else 1.0)


def _cold_caches() -> None:
    """Empty the name-key caches so no size profits from the previous one; the gazetteer index
    (built once per process) is built before the first timing."""
    from accord.resolve import gazetteer, names, nationality, roles, translit

    gazetteer.lookup_place("Lisbon")
    for cached in (
        translit.skeleton_trace,
        translit.phonetic,
        names.parse_person,
        names.clean_surface,
        names.fold_phrase,
        gazetteer.lookup_place,
        roles.role_terms,
        nationality.country_code,
    ):
        cached.cache_clear()


def run(n_articles: int) -> tuple[float, float, int, int, float, float]:
    """Wall and CPU seconds to resolve, mentions, entities, precision, recall."""
    from accord.resolve import resolve

    analyses, truth = make_corpus(n_articles)
    _cold_caches()
    started, cpu = time.perf_counter(), time.process_time()
    entities = resolve(analyses)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    predicted = {m.id: m.entity or "" for a in analyses for m in a.mentions}
    p, r = pairwise(truth, predicted)
    return elapsed, cpu, len(truth), len(entities), p, r


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="*", type=int, default=[1000, 10000])
    args = parser.parse_args(argv)
    times = []
    for size in args.sizes:
        elapsed, cpu, n_mentions, n_entities, p, r = run(size)
        times.append(cpu)
        print(
            f"{size:>6} articles  {n_mentions:>6} mentions  {n_entities:>6} entities  "
            f"wall {elapsed:6.2f}s  cpu {cpu:6.2f}s  pairwise P={p:.3f} R={r:.3f}"
        )
    if len(times) > 1:
        print(
            f"CPU time ratio {args.sizes[-1]}/{args.sizes[0]} articles: {times[-1] / times[0]:.1f} "
            f"(size ratio {args.sizes[-1] / args.sizes[0]:.0f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
