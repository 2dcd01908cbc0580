"""Throughput of accord's per-article analysis against spaCy's ``nlp.pipe`` alone.

Both run in this process on the same articles (the seeds, repeated to --copies articles, each copy
made unique, and the sentence-vector cache switched off). Reports articles/s for each and the ratio accord/spaCy.
Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20, help="articles to analyse (default 20)")
    args = parser.parse_args(argv)
    if not SEEDS.is_dir():
        print(f"skipped: {SEEDS} is absent")
        return 0
    import spacy

    from accord.analyze import DEFAULT_MODEL, analyze_articles, load_pipeline
    from accord.ingest import read_paths

    base = read_paths([str(SEEDS)]).articles
    from accord.model import Article

    sources = [base[i % len(base)] for i in range(args.copies)]
    articles = [
        Article.from_text(f"{a.text}\nCopy {i}.", published=a.published)
        for i, a in enumerate(sources)
    ]
    plain = spacy.load(DEFAULT_MODEL)
    accord_nlp = load_pipeline()
    list(plain.pipe(["warm up"])), list(analyze_articles(articles[:1], nlp=accord_nlp))

    t0 = time.perf_counter()
    list(plain.pipe([a.text for a in articles], batch_size=16))
    spacy_s = time.perf_counter() - t0
    # The copies share their sentences, so the encoder's sentence cache would make all but the
    # first copy nearly free; switch it off to measure the cost of new text.
    from accord import embeddings

    embeddings.CACHE_SIZE = 0
    encoder = embeddings.get_encoder()
    if encoder is not None and hasattr(encoder, "_cache"):
        encoder._cache.clear()
    t0 = time.perf_counter()
    out = list(analyze_articles(articles, nlp=accord_nlp))
    accord_s = time.perf_counter() - t0
    n = len(articles)
    print(
        f"articles: {n} ({sum(len(a.text) for a in articles):,} characters); components: {accord_nlp.pipe_names}"
    )
    print(f"spaCy nlp.pipe alone: {n / spacy_s:.2f} articles/s")
    print(
        f"accord analysis:      {n / accord_s:.2f} articles/s ({sum(1 for o in out if hasattr(o, 'mentions'))} ok)"
    )
    print(f"ratio accord/spaCy:   {spacy_s / accord_s:.3f} (1.0 = as fast as spaCy alone)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
